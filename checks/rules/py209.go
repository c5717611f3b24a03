package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY209 reports functools.reduce called with function or sequence by
// keyword.
var PY209 = &checks.Rule{
	Code:     "PY209",
	Name:     "reduce-keyword-arguments",
	Summary:  "`functools.reduce()` with `function` or `sequence` as keywords fails on CPython, is deprecated in 3.14 and forbidden in 3.16",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY209,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "functools") },
	Doc: portDoc(`## What it does
Reports calls of ˋfunctools.reduce()ˋ that pass ˋfunctionˋ or ˋsequenceˋ by keyword.

## Why it matters on Python 3.14
CPython's ˋreduceˋ is written in C and takes these two arguments only by position:
ˋreduce(function=f, sequence=s)ˋ raises ˋTypeError: reduce() takes at least 2 positional
arguments (0 given)ˋ. Only the pure-Python fallback in ˋfunctools.pyˋ, used by other Python
implementations, accepts the keywords, and Python 3.14 deprecated that too:
ˋDeprecationWarning: Calling functools.reduce with keyword arguments "function" or "sequence"
is deprecated in Python 3.14 and will be forbidden in Python 3.16.ˋ (Since 3.14, ˋinitialˋ
may be given by keyword.)

## Example
ˋˋˋpython
from functools import reduce

total = reduce(function=lambda a, b: a + b, sequence=[1, 2, 3])
ˋˋˋ

## Use instead
ˋˋˋpython
from functools import reduce

total = reduce(lambda a, b: a + b, [1, 2, 3])
ˋˋˋ

## Fix safety
The fix passes the arguments by position, in the order ˋfunctionˋ, ˋsequenceˋ, ˋinitialˋ.
It is safe: the call means the same, and now runs on CPython (ˋinitialˋ by position works on
every version). It is offered when the call has no other keywords and no ˋ*ˋ or ˋ**ˋ
arguments.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [functools.reduce](https://docs.python.org/3.14/library/functools.html#functools.reduce)
`),
}

func checkPY209(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if len(call.Keywords) == 0 || !calls(p, call, "functools.reduce") || keyword(call, "function") == nil && keyword(call, "sequence") == nil ||
		portingExempt(p.Model, n, since314, true) {
		return
	}
	msg := "`functools.reduce()` takes `function` and `sequence` by position: as keywords they raise TypeError on CPython (and are deprecated since Python 3.14 and forbidden from 3.16 in the pure-Python version)"
	var ordered []string
	for i, name := range []string{"function", "sequence", "initial"} {
		a := argument(call, i, name)
		if a == nil {
			break
		}
		ordered = append(ordered, p.Text(a))
	}
	var fix *checks.Fix
	if len(ordered) == len(call.Args)+len(call.Keywords) && len(ordered) >= 2 {
		for _, a := range call.Args {
			if _, ok := a.(*ast.Starred); ok {
				ordered = nil
			}
		}
		for _, k := range call.Keywords {
			if k.Arg == "" {
				ordered = nil
			}
		}
		if ordered != nil {
			args := argsInOrder(call)
			fix = newFix("Pass the arguments by position", checks.Safe,
				checks.Replace(checks.Span(args[0].Pos(), args[len(args)-1].End()), strings.Join(ordered, ", ")))
		}
	}
	p.ReportFix(checks.SpanOf(call), msg, fix)
}
