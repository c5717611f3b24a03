package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY213 reports os.popen and the os.spawn functions, soft deprecated in
// Python 3.14.
var PY213 = &checks.Rule{
	Code:     "PY213",
	Name:     "soft-deprecated-os-process-function",
	Summary:  "`os.popen()` and the `os.spawn*()` functions are soft deprecated since Python 3.14",
	Severity: checks.Info,
	Default:  false,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY213,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "os") },
	Doc: portDoc(`## What it does
Reports calls of ˋos.popen()ˋ and of ˋos.spawnl()ˋ, ˋspawnle()ˋ, ˋspawnlp()ˋ, ˋspawnlpe()ˋ,
ˋspawnv()ˋ, ˋspawnve()ˋ, ˋspawnvp()ˋ and ˋspawnvpe()ˋ. The rule is not in the default set.

## Why it matters on Python 3.14
Python 3.14 soft deprecated these functions: they stay, without a warning or a removal date,
but the documentation now points new code to ˋsubprocessˋ, which handles errors, arguments
with spaces and exit codes more reliably.

## Example
ˋˋˋpython
import os

listing = os.popen("ls -l").read()
ˋˋˋ

## Use instead
ˋˋˋpython
import subprocess

listing = subprocess.run(["ls", "-l"], capture_output=True, text=True).stdout
ˋˋˋ

## Fix safety
No fix is offered: moving to ˋsubprocessˋ means choosing between a shell command and an
argument list, and how to handle the exit status.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [subprocess](https://docs.python.org/3.14/library/subprocess.html)
`),
}

func checkPY213(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	// The qualified name of an attribute ends with the attribute: test
	// that first, without resolving the callee.
	if a, ok := call.Func.(*ast.Attribute); ok && !popenOrSpawn(a.Attr) {
		return
	}
	fn, ok := strings.CutPrefix(calledName(p, call), "os.")
	if !ok || !popenOrSpawn(fn) || portingExempt(p.Model, n, since314, false) {
		return
	}
	p.Reportf(call.Func, "`os.%s()` is soft deprecated since Python 3.14 (no warning, no removal planned); use `subprocess`", fn)
}

// popenOrSpawn reports whether name is os.popen or one of the os.spawn
// functions.
func popenOrSpawn(name string) bool {
	switch name {
	case "popen", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe":
		return true
	}
	return false
}
