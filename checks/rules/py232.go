package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY232 reports shutil.ExecError, deprecated in Python 3.14.
var PY232 = &checks.Rule{
	Code:     "PY232",
	Name:     "deprecated-shutil-execerror",
	Summary:  "`shutil.ExecError` is deprecated since Python 3.14 and will be removed in 3.16",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY232,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "shutil") },
	Doc: portDoc(`## What it does
Reports ˋshutil.ExecErrorˋ and imports of it.

## Why it matters on Python 3.14
No function of ˋshutilˋ raises it. Python 3.14 made it an alias of ˋRuntimeErrorˋ and
deprecated it: ˋDeprecationWarning: 'shutil.ExecError' is deprecated and slated for removal in
Python 3.16; it isn't raised by any shutil function.ˋ

## Example
ˋˋˋpython
import shutil

try:
    shutil.copytree(src, dst)
except shutil.ExecError:
    pass
ˋˋˋ

## Use instead
ˋˋˋpython
import shutil

shutil.copytree(src, dst)
ˋˋˋ

## Fix safety
When the target is Python 3.14 or newer, the fix replaces ˋshutil.ExecErrorˋ with
ˋRuntimeErrorˋ, the very object it is there: safe. Before 3.14 it was a class of its own, so
no fix is offered; imports by name are reported without a fix.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
`),
}

var execErrorNames = lastNames("shutil.ExecError")

func checkPY232(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, execErrorNames, func(q string, ref ast.Node) {
		if q != "shutil.ExecError" || portingExempt(p.Model, n, since314, false) {
			return
		}
		var fix *checks.Fix
		if _, ok := ref.(*ast.Attribute); ok && !p.TargetBelow(since314) && builtinVisible(p, ref, "RuntimeError") {
			fix = newFix("Replace with `RuntimeError`", checks.Safe, checks.Replace(checks.SpanOf(ref), "RuntimeError"))
		}
		p.ReportFix(checks.SpanOf(ref), "`shutil.ExecError` is deprecated since Python 3.14 and will be removed in Python 3.16; no shutil function raises it", fix)
	})
}
