package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY216 reports symtable.Class.get_methods, deprecated in Python 3.14.
var PY216 = &checks.Rule{
	Code:     "PY216",
	Name:     "deprecated-symtable-get-methods",
	Summary:  "`symtable.Class.get_methods()` is deprecated since Python 3.14 and will be removed in 3.16",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY216,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "symtable") },
	Doc: portDoc(`## What it does
Reports ˋget_methods()ˋ calls without arguments in a module that imports ˋsymtableˋ.

## Why it matters on Python 3.14
Python 3.14 deprecated ˋsymtable.Class.get_methods()ˋ: ˋDeprecationWarning:
symtable.Class.get_methods() is deprecated and will be removed in Python 3.16.ˋ It listed the
functions defined in a class body, which the class's child tables give (ˋSymbolTableTypeˋ is
new in 3.13).

## Example
ˋˋˋpython
import symtable

table = symtable.symtable(source, "m.py", "exec")
for cls in table.get_children():
    print(cls.get_methods())
ˋˋˋ

## Use instead
ˋˋˋpython
import symtable

table = symtable.symtable(source, "m.py", "exec")
for cls in table.get_children():
    print(tuple(
        t.get_name() for t in cls.get_children()
        if t.get_type() == symtable.SymbolTableType.FUNCTION and t.get_name() in cls.get_identifiers()
    ))
ˋˋˋ

## Fix safety
No fix is offered.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [symtable.Class](https://docs.python.org/3.14/library/symtable.html#symtable.Class)
`),
}

func checkPY216(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if _, m, ok := methodCall(call); !ok || m != "get_methods" || len(call.Args)+len(call.Keywords) != 0 ||
		p.Model.QualifiedName(call.Func) != "" || !importsPackage(p, "symtable") || portingExempt(p.Model, n, since314, false) {
		return
	}
	p.Reportf(call, "`symtable.Class.get_methods()` is deprecated since Python 3.14 and will be removed in Python 3.16; list the class's child function tables")
}
