package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY233 reports array.array('u'), deprecated since Python 3.13 and warning
// since 3.14.
var PY233 = &checks.Rule{
	Code:     "PY233",
	Name:     "deprecated-array-u-typecode",
	Summary:  "the `array` type code `'u'` is deprecated and will be removed in Python 3.16",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY233,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "array") },
	Doc: portDoc(`## What it does
Reports ˋarray.array()ˋ created with the type code ˋ'u'ˋ.

## Why it matters on Python 3.14
ˋ'u'ˋ stores C ˋwchar_tˋ, two bytes on Windows and four elsewhere. It was deprecated in 3.3;
Python 3.13 added ˋ'w'ˋ (always four bytes, ˋPy_UCS4ˋ) and started warning
ˋDeprecationWarning: The 'u' type code is deprecated and will be removed in Python 3.16ˋ, and
Python 3.16 removes it.

## Example
ˋˋˋpython
from array import array

chars = array("u", "hello")
ˋˋˋ

## Use instead
ˋˋˋpython
from array import array

chars = array("w", "hello")
ˋˋˋ

## Fix safety
When the target is Python 3.13 or newer, the fix writes ˋ'w'ˋ. It is unsafe: on Windows the
items grow from two bytes to four, which changes ˋitemsizeˋ, ˋtobytes()ˋ and what
ˋfrombytes()ˋ expects, and characters outside the BMP are no longer surrogate pairs.

## References
- [Pending removal in Python 3.16](https://docs.python.org/3.14/deprecations/pending-removal-in-3.16.html)
- [array](https://docs.python.org/3.14/library/array.html)
`),
}

func checkPY233(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if !calls(p, call, "array.array") {
		return
	}
	arg := argument(call, 0, "typecode")
	if code, ok := stringConstant(arg); !ok || code != "u" || portingExempt(p.Model, n, since314, false) {
		return
	}
	var fix *checks.Fix
	text := p.Text(arg)
	if i := strings.Index(text, "u"); !p.TargetBelow(since313) && (text == `"u"` || text == `'u'`) {
		at := arg.Pos() + token.Pos(i)
		fix = newFix("Use the type code 'w'", checks.Unsafe, checks.Replace(checks.Span(at, at+1), "w"))
	}
	p.ReportFix(checks.SpanOf(arg), "the `array` type code 'u' is deprecated and will be removed in Python 3.16; use 'w' (Python 3.13+)", fix)
}
