package rules

import (
	"strconv"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY222 reports functional NamedTuple definitions with keyword fields or
// without a fields list, which Python 3.15 refuses.
var PY222 = &checks.Rule{
	Code:     "PY222",
	Name:     "namedtuple-without-field-list",
	Summary:  "`NamedTuple()` with keyword fields, no fields or `None` is deprecated and will be an error in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY222,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "typing") },
	Doc: portDoc(`## What it does
Reports the functional form of ˋtyping.NamedTupleˋ given its fields as keyword arguments
(ˋNamedTuple("P", x=int)ˋ), given no fields (ˋNamedTuple("E")ˋ), or given ˋNoneˋ.

## Why it matters on Python 3.14
All three were deprecated in 3.13 and Python 3.15 disallows them. On 3.14 they warn, for
example ˋDeprecationWarning: Creating NamedTuple classes using keyword arguments is deprecated
and will be disallowed in Python 3.15. Use the class-based or functional syntax instead.ˋ

## Example
ˋˋˋpython
from typing import NamedTuple

Point = NamedTuple("Point", x=int, y=int)
Empty = NamedTuple("Empty")
ˋˋˋ

## Use instead
ˋˋˋpython
from typing import NamedTuple

Point = NamedTuple("Point", [("x", int), ("y", int)])
Empty = NamedTuple("Empty", [])
ˋˋˋ

## Fix safety
The fix writes the fields as a list of ˋ(name, type)ˋ pairs, in the order of the keywords,
or passes ˋ[]ˋ. It is safe: the class is the same.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [typing.NamedTuple](https://docs.python.org/3.14/library/typing.html#typing.NamedTuple)
`),
}

func checkPY222(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if len(call.Args) == 0 || len(call.Args) > 2 || !calls(p, call, "typing.NamedTuple") || portingExempt(p.Model, n, since314, false) {
		return
	}
	if _, ok := call.Args[0].(*ast.Starred); ok {
		return
	}
	const removal = "is deprecated and an error from Python 3.15"
	switch {
	case len(call.Args) == 1 && len(call.Keywords) == 0:
		p.ReportFix(checks.SpanOf(call), "`NamedTuple()` without a fields list "+removal+"; pass `[]`",
			newFix("Pass an empty fields list", checks.Safe, checks.Insert(call.Args[0].End(), ", []")))
	case len(call.Args) == 2 && isNone(call.Args[1]):
		p.ReportFix(checks.SpanOf(call.Args[1]), "`NamedTuple()` with `None` as its fields "+removal+"; pass `[]`",
			newFix("Pass an empty fields list", checks.Safe, checks.Replace(checks.SpanOf(call.Args[1]), "[]")))
	case len(call.Args) == 1:
		var fields []string
		for _, k := range call.Keywords {
			if k.Arg == "" {
				fields = nil
				break
			}
			fields = append(fields, "("+strconv.Quote(k.Arg)+", "+p.Text(k.Value)+")")
		}
		var fix *checks.Fix
		if fields != nil {
			args := argsInOrder(call)
			fix = newFix("Pass the fields as a list", checks.Safe,
				checks.Replace(checks.Span(call.Args[0].End(), args[len(args)-1].End()), ", ["+strings.Join(fields, ", ")+"]"))
		}
		p.ReportFix(checks.SpanOf(call), "`NamedTuple()` with keyword fields "+removal+"; pass a list of (name, type) pairs", fix)
	}
}
