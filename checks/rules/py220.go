package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY220 reports arguments passed to threading.RLock, deprecated since
// Python 3.14 and refused by 3.15.
var PY220 = &checks.Rule{
	Code:     "PY220",
	Name:     "rlock-arguments",
	Summary:  "arguments to `threading.RLock()` are deprecated since Python 3.14 and will be an error in 3.15",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY220,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "threading") },
	Doc: portDoc(`## What it does
Reports ˋthreading.RLock()ˋ called with arguments.

## Why it matters on Python 3.14
ˋRLockˋ takes no arguments; the C implementation ignored any it was given. Python 3.14
deprecated passing them (ˋDeprecationWarning: Passing arguments to RLock is deprecated and
will be removed in 3.15ˋ) and Python 3.15 raises TypeError.

## Example
ˋˋˋpython
import threading

lock = threading.RLock(True)
ˋˋˋ

## Use instead
ˋˋˋpython
import threading

lock = threading.RLock()
ˋˋˋ

## Fix safety
The fix deletes the arguments. It is safe: they were ignored. It is not offered for ˋ*argsˋ
or ˋ**kwargsˋ arguments, which may be empty.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [threading.RLock](https://docs.python.org/3.14/library/threading.html#threading.RLock)
`),
}

func checkPY220(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if len(call.Args)+len(call.Keywords) == 0 || !calls(p, call, "threading.RLock") || portingExempt(p.Model, n, since314, false) {
		return
	}
	args := argsInOrder(call)
	var fix *checks.Fix
	unpacks := false
	for _, a := range args {
		if _, ok := a.(*ast.Starred); ok {
			unpacks = true
		}
		if k, ok := a.(*ast.Keyword); ok && k.Arg == "" {
			unpacks = true
		}
	}
	if !unpacks {
		fix = newFix("Remove the arguments", checks.Safe, removeArgs(call, args...)...)
	}
	p.ReportFix(checks.Span(args[0].Pos(), args[len(args)-1].End()),
		"arguments to `threading.RLock()` are deprecated since Python 3.14 and raise TypeError from Python 3.15; they were ignored", fix)
}
