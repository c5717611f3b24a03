package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY221 reports typing.no_type_check_decorator, deprecated and will be removed in
// Python 3.15.
var PY221 = &checks.Rule{
	Code:     "PY221",
	Name:     "deprecated-no-type-check-decorator",
	Summary:  "`typing.no_type_check_decorator` is deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY221,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "typing") },
	Doc: portDoc(`## What it does
Reports ˋtyping.no_type_check_decoratorˋ and imports of it.

## Why it matters on Python 3.14
It was deprecated in 3.13 because no type checker ever supported it, and Python 3.15 removes
it. On 3.14 looking it up warns ˋDeprecationWarning: 'typing.no_type_check_decorator' is
deprecated and slated for removal in Python 3.15ˋ; on 3.15 it raises AttributeError or
ImportError.

## Example
ˋˋˋpython
import typing

@typing.no_type_check_decorator
def untyped(func):
    return func
ˋˋˋ

## Use instead
ˋˋˋpython
def untyped(func):
    return func
ˋˋˋ

## Fix safety
No fix is offered: what the decorator stood for has to be expressed another way, for example
with ˋ@typing.no_type_checkˋ on the decorated functions.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [typing.no_type_check](https://docs.python.org/3.14/library/typing.html#typing.no_type_check)
`),
}

var noTypeCheckDecoratorNames = lastNames("typing.no_type_check_decorator")

func checkPY221(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, noTypeCheckDecoratorNames, func(q string, ref ast.Node) {
		if q == "typing.no_type_check_decorator" && !portingExempt(p.Model, n, since314, false) {
			p.Reportf(ref, "`typing.no_type_check_decorator` is deprecated and will be removed in Python 3.15")
		}
	})
}
