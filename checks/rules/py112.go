package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY112 reports imports of the private subinterpreter modules, renamed in
// 3.13, and of the prototype that became concurrent.interpreters in 3.14.
var PY112 = &checks.Rule{
	Code:     "PY112",
	Name:     "private-subinterpreter-module",
	Summary:  "private subinterpreter modules (`_xxsubinterpreters` and friends) instead of `concurrent.interpreters`",
	Severity: checks.Error,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Check:    checkPY112,
	Doc: portDoc(`## What it does
Reports imports of the private modules behind subinterpreters:

- ˋ_xxsubinterpreters, _xxinterpchannels, _xxinterpqueuesˋ, which Python 3.13 renamed;
- ˋtest.support.interpretersˋ, the test-suite copy of PEP 734, which Python 3.14 moved to
  ˋconcurrent.interpretersˋ;
- ˋ_interpreters, _interpchannels, _interpqueuesˋ, the private modules that remain, when the
  target is Python 3.14 or newer and the public module exists everywhere the code runs.

## Why it matters on Python 3.14
Python 3.14 ships PEP 734's ˋconcurrent.interpretersˋ: ˋcreate()ˋ, ˋInterpreter.exec()ˋ,
ˋcall()ˋ, ˋcall_in_thread()ˋ, queues, and ˋconcurrent.futures.InterpreterPoolExecutorˋ. The
ˋ_xxˋ modules are gone since 3.13 (ˋimport _xxsubinterpretersˋ raises ModuleNotFoundError),
ˋtest.support.interpretersˋ is gone in 3.14, and the underscore modules that remain are
private: their functions change between versions without notice.

## Example
ˋˋˋpython
import _xxsubinterpreters as interpreters

interp = interpreters.create()
interpreters.run_string(interp, "print('hello')")
ˋˋˋ

## Use instead
ˋˋˋpython
from concurrent import interpreters

interp = interpreters.create()
interp.exec("print('hello')")
ˋˋˋ

## Fix safety
No fix is offered: the public module is object-based (ˋInterpreterˋ objects with methods)
where the private ones took interpreter IDs.

## References
- [PEP 734: Multiple Interpreters in the Stdlib](https://peps.python.org/pep-0734/)
- [concurrent.interpreters](https://docs.python.org/3.14/library/concurrent.interpreters.html)
`),
}

var renamedInterpModules = map[string]string{
	"_xxsubinterpreters": "_interpreters", "_xxinterpchannels": "_interpchannels", "_xxinterpqueues": "_interpqueues",
}

func checkPY112(p *checks.Pass, n ast.Node) {
	moduleImports(n, func(mod string, ref ast.Node) {
		if !strings.HasPrefix(mod, "_") && !strings.HasPrefix(mod, "test.") {
			return // none of the modules below: the common case, decided cheaply
		}
		top := mod
		if i := len("test.support.interpreters"); withinModule(mod, "test.support.interpreters") {
			top = mod[:i]
		}
		if renamed, ok := renamedInterpModules[top]; ok && !portingExempt(p.Model, ref, since313, true) {
			p.Reportf(ref, "`%s` no longer exists: Python 3.13 renamed it `%s` and the import raises ModuleNotFoundError; use `concurrent.interpreters` (PEP 734)", top, renamed)
		}
		if top == "test.support.interpreters" && !portingExempt(p.Model, ref, since314, true) {
			p.Reportf(ref, "`test.support.interpreters` moved to `concurrent.interpreters` in Python 3.14: the import raises ModuleNotFoundError")
		}
		switch top {
		case "_interpreters", "_interpchannels", "_interpqueues":
			if !p.TargetBelow(since314) && !portingExempt(p.Model, ref, since314, false) {
				p.Report(checks.Diagnostic{Span: checks.SpanOf(ref), Severity: checks.Warning,
					Message: "`" + top + "` is a private module whose API changes between versions; Python 3.14 has the public `concurrent.interpreters` (PEP 734)"})
			}
		}
	})
	// from test.support import interpreters
	if f, ok := n.(*ast.ImportFrom); ok && f.Level == 0 && f.Module == "test.support" && !portingExempt(p.Model, n, since314, true) {
		for _, a := range f.Names {
			if a.Name == "interpreters" {
				p.Reportf(a, "`test.support.interpreters` moved to `concurrent.interpreters` in Python 3.14: the import raises ImportError")
			}
		}
	}
}
