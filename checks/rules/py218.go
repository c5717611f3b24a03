package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY218 reports parse_qs and parse_qsl given a false value that is not a
// string, deprecated in Python 3.14.
var PY218 = &checks.Rule{
	Code:     "PY218",
	Name:     "parse-qs-non-string-false-value",
	Summary:  "`urllib.parse.parse_qs()`/`parse_qsl()` with a false non-string value is deprecated since Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY218,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "urllib") },
	Doc: portDoc(`## What it does
Reports ˋurllib.parse.parse_qs()ˋ and ˋparse_qsl()ˋ whose query argument is a literal false
value that is not a string: ˋ0ˋ, ˋ0.0ˋ, ˋFalseˋ, ˋ[]ˋ, ˋ()ˋ, ˋ{}ˋ or ˋset()ˋ.

## Why it matters on Python 3.14
Such values were accepted by accident and parsed as an empty query. Python 3.14 deprecated
them: ˋDeprecationWarning: Accepting int objects with false value in urllib.parse.parse_qsl()
is deprecated as of 3.14ˋ. No removal version is set yet.

## Example
ˋˋˋpython
from urllib.parse import parse_qs

params = parse_qs([])
ˋˋˋ

## Use instead
ˋˋˋpython
from urllib.parse import parse_qs

params = parse_qs("")
ˋˋˋ

## Fix safety
The fix passes ˋ""ˋ. It is safe: the result is the same empty dict or list.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [urllib.parse.parse_qs](https://docs.python.org/3.14/library/urllib.parse.html#urllib.parse.parse_qs)
`),
}

func checkPY218(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	q := p.Model.QualifiedIn(call.Func, "urllib.parse.parse_qs", "urllib.parse.parse_qsl")
	if q == "" {
		return
	}
	arg := argument(call, 0, "qs")
	if arg == nil || !falseNonString(p, arg) || portingExempt(p.Model, n, since314, false) {
		return
	}
	p.ReportFix(checks.SpanOf(arg), "`"+q+"()` of "+p.Text(arg)+" is deprecated since Python 3.14 (no removal version set yet); pass \"\"",
		newFix("Pass `\"\"`", checks.Safe, checks.Replace(checks.SpanOf(arg), `""`)))
}

// falseNonString reports whether e is a literal false value other than a
// string, bytes or None.
func falseNonString(p *checks.Pass, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Constant:
		switch e.Value.Kind {
		case ast.FalseValue:
			return true
		case ast.IntValue:
			return e.Value.Int().Sign() == 0
		case ast.FloatValue:
			return e.Value.Float() == 0
		}
	case *ast.List:
		return len(e.Elts) == 0
	case *ast.Tuple:
		return len(e.Elts) == 0
	case *ast.Dict:
		return len(e.Keys) == 0
	case *ast.Call:
		return calls(p, e, "builtins.set") && len(e.Args)+len(e.Keywords) == 0
	}
	return false
}
