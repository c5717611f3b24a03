package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY208 reports ctypes.POINTER called with a string, deprecated in Python
// 3.14.
var PY208 = &checks.Rule{
	Code:     "PY208",
	Name:     "deprecated-ctypes-pointer-string",
	Summary:  "`ctypes.POINTER()` with a string is deprecated since Python 3.14 and will be removed in 3.19",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY208,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "ctypes") },
	Doc: portDoc(`## What it does
Reports ˋctypes.POINTER()ˋ called with a string literal: the name of a structure that is not
defined yet.

## Why it matters on Python 3.14
Python 3.14 deprecated this way of declaring a pointer to an incomplete type:
ˋDeprecationWarning: 'ctypes.POINTER with string' is deprecated and slated for removal in
Python 3.19ˋ. The pointer type it created was cached by name and had to be completed with
the also deprecated ˋctypes.SetPointerType()ˋ.

## Example
ˋˋˋpython
import ctypes

NodePointer = ctypes.POINTER("Node")

class Node(ctypes.Structure):
    _fields_ = [("value", ctypes.c_int), ("next", NodePointer)]

ctypes.SetPointerType(NodePointer, Node)
ˋˋˋ

## Use instead
ˋˋˋpython
import ctypes

class Node(ctypes.Structure):
    pass

Node._fields_ = [("value", ctypes.c_int), ("next", ctypes.POINTER(Node))]
ˋˋˋ

## Fix safety
No fix is offered: the structure has to be declared first and completed with ˋ_fields_ˋ
afterwards, which moves code around.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [Incomplete types](https://docs.python.org/3.14/library/ctypes.html#incomplete-types)
`),
}

func checkPY208(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if !calls(p, call, "ctypes.POINTER") || len(call.Args) != 1 {
		return
	}
	if _, ok := stringConstant(call.Args[0]); !ok || portingExempt(p.Model, n, since314, false) {
		return
	}
	p.Reportf(call, "`ctypes.POINTER()` with a string is deprecated since Python 3.14 and will be removed in Python 3.19; declare the structure first and set its `_fields_` afterwards")
}
