package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY223 reports functional TypedDict definitions without fields or with
// None, which Python 3.15 refuses.
var PY223 = &checks.Rule{
	Code:     "PY223",
	Name:     "typeddict-without-field-dict",
	Summary:  "`TypedDict()` with no fields or `None` is deprecated and will be an error in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY223,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "typing") },
	Doc: portDoc(`## What it does
Reports the functional form of ˋtyping.TypedDictˋ given no fields (ˋTypedDict("TD")ˋ) or
ˋNoneˋ (ˋTypedDict("TD", None)ˋ).

## Why it matters on Python 3.14
Both were deprecated in 3.13 and Python 3.15 disallows them. On 3.14 they warn:
ˋDeprecationWarning: Failing to pass a value for the 'fields' parameter is deprecated and will
be disallowed in Python 3.15. To create a TypedDict class with 0 fields using the functional
syntax, pass an empty dictionary, [...]ˋ.

## Example
ˋˋˋpython
from typing import TypedDict

Options = TypedDict("Options")
ˋˋˋ

## Use instead
ˋˋˋpython
from typing import TypedDict

Options = TypedDict("Options", {})
ˋˋˋ

## Fix safety
The fix passes ˋ{}ˋ. It is safe: the class is the same.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [typing.TypedDict](https://docs.python.org/3.14/library/typing.html#typing.TypedDict)
`),
}

func checkPY223(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if len(call.Args) == 0 || len(call.Args) > 2 || !calls(p, call, "typing.TypedDict") || keyword(call, "fields") != nil ||
		portingExempt(p.Model, n, since314, false) {
		return
	}
	for _, k := range call.Keywords {
		if k.Arg != "total" && k.Arg != "closed" && k.Arg != "extra_items" {
			return
		}
	}
	if _, ok := call.Args[0].(*ast.Starred); ok {
		return
	}
	const removal = "is deprecated and an error from Python 3.15"
	switch {
	case len(call.Args) == 1:
		p.ReportFix(checks.SpanOf(call), "`TypedDict()` without a fields dict "+removal+"; pass `{}`",
			newFix("Pass an empty fields dict", checks.Safe, checks.Insert(call.Args[0].End(), ", {}")))
	case isNone(call.Args[1]):
		p.ReportFix(checks.SpanOf(call.Args[1]), "`TypedDict()` with `None` as its fields "+removal+"; pass `{}`",
			newFix("Pass an empty fields dict", checks.Safe, checks.Replace(checks.SpanOf(call.Args[1]), "{}")))
	}
}
