package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY231 reports the check_home argument of sysconfig.is_python_build,
// deprecated and will be removed in Python 3.15.
var PY231 = &checks.Rule{
	Code:     "PY231",
	Name:     "deprecated-is-python-build-check-home",
	Summary:  "`sysconfig.is_python_build(check_home)` is deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY231,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "sysconfig") },
	Doc: portDoc(`## What it does
Reports ˋsysconfig.is_python_build()ˋ called with its ˋcheck_homeˋ argument.

## Why it matters on Python 3.14
The argument has been ignored since 3.12 and Python 3.15 removes it. On 3.14 a value other
than None warns ˋDeprecationWarning: The check_home argument of sysconfig.is_python_build is
deprecated and its value is ignored. It will be removed in Python 3.15.ˋ

## Example
ˋˋˋpython
import sysconfig

in_tree = sysconfig.is_python_build(True)
ˋˋˋ

## Use instead
ˋˋˋpython
import sysconfig

in_tree = sysconfig.is_python_build()
ˋˋˋ

## Fix safety
The fix deletes the argument. It is safe: the value was not used.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [sysconfig.is_python_build](https://docs.python.org/3.14/library/sysconfig.html#sysconfig.is_python_build)
`),
}

func checkPY231(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if !calls(p, call, "sysconfig.is_python_build") || portingExempt(p.Model, n, since314, false) {
		return
	}
	value := argument(call, 0, "check_home")
	if value == nil {
		return
	}
	var arg ast.Node = value
	if k := keyword(call, "check_home"); k != nil && k.Value == value {
		arg = k
	}
	p.ReportFix(checks.SpanOf(arg), "`check_home` of `sysconfig.is_python_build()` is ignored, deprecated and will be removed in Python 3.15",
		newFix("Remove the `check_home` argument", checks.Safe, removeArgs(call, arg)...))
}
