package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY229 reports ctypes.SetPointerType, deprecated and will be removed in Python
// 3.15.
var PY229 = &checks.Rule{
	Code:     "PY229",
	Name:     "deprecated-ctypes-setpointertype",
	Summary:  "`ctypes.SetPointerType()` is deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY229,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "ctypes") },
	Doc: portDoc(`## What it does
Reports ˋctypes.SetPointerTypeˋ and imports of it.

## Why it matters on Python 3.14
It completed a pointer type created with ˋctypes.POINTER("name")ˋ. It was deprecated in 3.13
and Python 3.15 removes it; on 3.14 it warns ˋDeprecationWarning: 'ctypes.SetPointerType' is
deprecated and slated for removal in Python 3.15ˋ.

## Example
ˋˋˋpython
import ctypes

NodePointer = ctypes.POINTER("Node")

class Node(ctypes.Structure):
    _fields_ = [("next", NodePointer)]

ctypes.SetPointerType(NodePointer, Node)
ˋˋˋ

## Use instead
ˋˋˋpython
import ctypes

class Node(ctypes.Structure):
    pass

Node._fields_ = [("next", ctypes.POINTER(Node))]
ˋˋˋ

## Fix safety
No fix is offered: the structure must be declared before the pointer type, which moves code.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [Incomplete types](https://docs.python.org/3.14/library/ctypes.html#incomplete-types)
`),
}

var setPointerTypeNames = lastNames("ctypes.SetPointerType")

func checkPY229(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, setPointerTypeNames, func(q string, ref ast.Node) {
		if q == "ctypes.SetPointerType" && !portingExempt(p.Model, n, since314, false) {
			p.Reportf(ref, "`ctypes.SetPointerType()` is deprecated and will be removed in Python 3.15; declare the structure first and use `ctypes.POINTER(cls)`")
		}
	})
}
