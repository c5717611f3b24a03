package rules

import (
	"math"
	"math/big"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// FT006 reports sys.setswitchinterval() used to keep code from being
// interrupted.
var FT006 = &checks.Rule{
	Code:     "FT006",
	Name:     "switch-interval-as-lock",
	Summary:  "`sys.setswitchinterval()` raised to keep other threads out gives no atomicity, and none at all without the GIL",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkFT006,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "sys") },
	Doc: `## What it does
Reports ` + "`sys.setswitchinterval(x)`" + ` where ` + "`x`" + ` is longer than the default interval of 5 ms:
a long interval is set to make a stretch of code run without a thread switch. A short
interval (tests set one to expose races) and restoring a saved value are not reported.

## Why it matters on Python 3.14
The switch interval only tells the GIL how long a thread may keep it before it is asked to
hand it over. It never promised atomicity: a thread still switches at blocking I/O and when
it waits on a lock. On the free-threaded build there is no GIL to hand over, threads run at
the same time, and the call has no effect on them at all, so code that relied on it to keep
others out runs unprotected.

## Example
` + "```python" + `
import sys

def move(src, dst, amount):
    old = sys.getswitchinterval()
    sys.setswitchinterval(1000)  # "no other thread runs until we restore it"
    try:
        src.balance -= amount
        dst.balance += amount
    finally:
        sys.setswitchinterval(old)
` + "```" + `

## Use instead
` + "```python" + `
import threading

transfer_lock = threading.Lock()

def move(src, dst, amount):
    with transfer_lock:
        src.balance -= amount
        dst.balance += amount
` + "```" + `

## Fix safety
No fix: the lock to use and what it must cover need a person.

## References
- [sys.setswitchinterval](https://docs.python.org/3.14/library/sys.html#sys.setswitchinterval)
- [Python 3.14 free-threading HOWTO](https://docs.python.org/3.14/howto/free-threading-python.html)
`,
}

// defaultSwitchInterval is CPython's default switch interval in seconds.
const defaultSwitchInterval = 0.005

func checkFT006(p *checks.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if !p.Model.MatchesQualified(c.Func, "sys.setswitchinterval") || len(c.Args) != 1 {
		return
	}
	v, ok := constantNumber(c.Args[0])
	if p.Model.MatchesQualified(c.Args[0], "sys.maxsize") {
		v, ok = math.MaxInt64, true
	}
	if call, isCall := c.Args[0].(*ast.Call); isCall && p.Model.MatchesQualified(call.Func, "builtins.float") && len(call.Args) == 1 {
		if s, isStr := stringConstant(call.Args[0]); isStr && (s == "inf" || s == "infinity") {
			v, ok = math.Inf(1), true
		}
	}
	if !ok || v <= defaultSwitchInterval {
		return
	}
	p.Reportf(c, "a switch interval of %s s only delays GIL hand-offs: it never made code atomic, and free-threaded Python 3.14 has no GIL, so other threads run meanwhile; use a lock", p.Text(c.Args[0]))
}

// constantNumber returns the value of an int or float literal (also
// negated, or a product or quotient of literals).
func constantNumber(e ast.Expr) (float64, bool) {
	switch x := e.(type) {
	case *ast.Constant:
		switch x.Value.Kind {
		case ast.IntValue:
			f, _ := new(big.Float).SetInt(x.Value.Int()).Float64()
			return f, true
		case ast.FloatValue:
			return x.Value.Float(), true
		}
	case *ast.UnaryOp:
		if v, ok := constantNumber(x.Operand); ok && x.Op == ast.USub {
			return -v, true
		}
	case *ast.BinOp:
		a, ok1 := constantNumber(x.Left)
		b, ok2 := constantNumber(x.Right)
		if ok1 && ok2 {
			switch x.Op {
			case ast.Mult:
				return a * b, true
			case ast.Div:
				if b != 0 {
					return a / b, true
				}
			case ast.Pow:
				if a == 10 && b >= -20 && b <= 20 {
					r := 1.0
					for i := 0.0; i < b; i++ {
						r *= 10
					}
					for i := 0.0; i > b; i-- {
						r /= 10
					}
					return r, true
				}
			}
		}
	}
	return 0, false
}
