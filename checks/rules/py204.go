package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY204 reports complex() called with a complex number as its real or
// imaginary part, deprecated in Python 3.14.
var PY204 = &checks.Rule{
	Code:     "PY204",
	Name:     "deprecated-complex-complex-argument",
	Summary:  "`complex()` with a complex `real` or `imag` argument is deprecated since Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY204,
	Doc: portDoc(`## What it does
Reports calls of the builtin ˋcomplex()ˋ whose ˋimagˋ argument is certainly a complex number,
or whose ˋrealˋ argument is one while ˋimagˋ is given too or ˋrealˋ is passed by keyword. A
complex number is an imaginary literal (ˋ2jˋ), arithmetic on one (ˋ1 + 2jˋ), or a ˋcomplex()ˋ
call.

## Why it matters on Python 3.14
Python 3.14 deprecated these calls: ˋcomplex(1, 2j)ˋ warns ˋDeprecationWarning: complex()
argument 'imag' must be a real number, not complexˋ (ˋ'real'ˋ for the other argument). No
removal version is set yet. A lone positional ˋcomplex(1j)ˋ is fine.

## Example
ˋˋˋpython
z = complex(1, 2j)
ˋˋˋ

## Use instead
ˋˋˋpython
z = complex(1) + complex(2j) * 1j
ˋˋˋ

## Fix safety
The fix rewrites ˋcomplex(a, b)ˋ as ˋ(complex(a) + complex(b) * 1j)ˋ, which computes
ˋa + b·iˋ as the deprecated call did, and ˋcomplex(real=a)ˋ as ˋcomplex(a)ˋ. The first is
unsafe: the sign of a zero part and results with infinities or NaNs can differ, since the
multiplication by ˋ1jˋ is computed in complex arithmetic. The second is safe.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [complex](https://docs.python.org/3.14/library/functions.html#complex)
`),
}

func checkPY204(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	// The number of arguments rules out many calls before the callee is
	// resolved: with none there is no real part to look at.
	if nargs := len(call.Args) + len(call.Keywords); nargs == 0 || nargs > 2 || !calls(p, call, "builtins.complex") {
		return
	}
	for _, a := range call.Args {
		if _, ok := a.(*ast.Starred); ok {
			return
		}
	}
	real, imag := argument(call, 0, "real"), argument(call, 1, "imag")
	if real == nil || len(call.Keywords) != 0 && keyword(call, "real") == nil && keyword(call, "imag") == nil {
		return
	}
	realKw := keyword(call, "real") != nil
	var which string
	switch {
	case imag != nil && isComplexValue(p, imag):
		which = "imag"
	case isComplexValue(p, real) && (imag != nil || realKw):
		which = "real"
	default:
		return
	}
	if portingExempt(p.Model, n, since314, false) {
		return
	}
	var fix *checks.Fix
	if imag == nil {
		fix = newFix("Pass the number positionally", checks.Safe,
			checks.Replace(checks.SpanOf(call), p.Text(call.Func)+"("+p.Text(real)+")"))
	} else {
		c := p.Text(call.Func)
		fix = newFix("Add the parts with complex arithmetic", checks.Unsafe,
			checks.Replace(checks.SpanOf(call), "("+c+"("+p.Text(real)+") + "+c+"("+p.Text(imag)+") * 1j)"))
	}
	p.ReportFix(checks.SpanOf(call), "`complex()` with a complex `"+which+"` argument is deprecated since Python 3.14 (no removal version set yet)", fix)
}
