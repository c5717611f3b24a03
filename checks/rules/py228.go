package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY228 reports PurePath.is_reserved, deprecated and will be removed in Python
// 3.15.
var PY228 = &checks.Rule{
	Code:     "PY228",
	Name:     "deprecated-purepath-is-reserved",
	Summary:  "`PurePath.is_reserved()` is deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY228,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "pathlib") },
	Doc: portDoc(`## What it does
Reports ˋis_reserved()ˋ called without arguments on a ˋpathlibˋ path, or on anything in a
module that imports ˋpathlibˋ (ˋipaddressˋ's ˋis_reservedˋ is a property, never called).

## Why it matters on Python 3.14
It was deprecated in 3.13, when ˋos.path.isreserved()ˋ arrived on Windows, and Python 3.15
removes it. On 3.14 it warns ˋDeprecationWarning: pathlib.PurePath.is_reserved() is deprecated
and scheduled for removal in Python 3.15. Use os.path.isreserved() to detect reserved paths
on Windows.ˋ On POSIX paths it always answered False.

## Example
ˋˋˋpython
from pathlib import PureWindowsPath

if PureWindowsPath(name).is_reserved():
    raise ValueError(name)
ˋˋˋ

## Use instead
ˋˋˋpython
import ntpath

if ntpath.isreserved(name):
    raise ValueError(name)
ˋˋˋ

## Fix safety
No fix is offered: ˋos.path.isreservedˋ exists only on Windows (ˋntpath.isreservedˋ
everywhere, since 3.13) and decides for Windows paths, where the method answered for the
path's own flavour.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [os.path.isreserved](https://docs.python.org/3.14/library/os.path.html#os.path.isreserved)
`),
}

func checkPY228(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	recv, m, ok := methodCall(call)
	if !ok || m != "is_reserved" || len(call.Args)+len(call.Keywords) != 0 || p.Model.QualifiedName(call.Func) != "" {
		return
	}
	if !isPathValue(p, recv) && !importsPackage(p, "pathlib") || portingExempt(p.Model, n, since314, false) {
		return
	}
	p.Reportf(call, "`PurePath.is_reserved()` is deprecated and will be removed in Python 3.15; use `os.path.isreserved()` (Windows) or `ntpath.isreserved()`")
}
