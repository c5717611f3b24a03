package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// PY405 reports results of binary dunder calls used as truth values.
var PY405 = &checks.Rule{
	Code:     "PY405",
	Name:     "not-implemented-truth-value",
	Summary:  "the result of a direct `__eq__`/`__lt__`/... call used as a truth value, a TypeError on Python 3.14 when it is `NotImplemented`",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY405,
	Doc: `## What it does
Reports direct calls of the rich comparison methods (` + "`x.__eq__(y)`, `x.__lt__(y)`" + `, ...)
whose result is used as a truth value: under ` + "`not`" + `, as the test of
` + "`if`, `while`" + `, a conditional expression, an ` + "`assert`" + ` or a comprehension condition, as an
operand of ` + "`and`/`or`" + ` that is tested, or as the argument of ` + "`bool()`" + `. The classic case is
` + "`def __ne__(self, other): return not self.__eq__(other)`" + `. A call of the class's own method
is not reported when that method never returns ` + "`NotImplemented`" + `.

## Why it matters on Python 3.14
These methods return ` + "`NotImplemented`" + ` for operand types they do not handle, so that Python
can try the reflected operation. ` + "`bool(NotImplemented)`" + ` was ` + "`True`" + ` with a
DeprecationWarning since Python 3.9; Python 3.14 raises
` + "`TypeError: NotImplemented should not be used in a boolean context`" + `. The ` + "`__ne__`" + ` above
now raises for ` + "`P(1) != 5`" + ` (Python 3.13 answered False, which was wrong too).

## Example
` + "```python" + `
class Point:
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __ne__(self, other):
        return not self.__eq__(other)
` + "```" + `

## Use instead
` + "```python" + `
class Point:
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
` + "```" + `

The default ` + "`__ne__`" + ` inverts ` + "`__eq__`" + ` and handles ` + "`NotImplemented`" + `. Elsewhere, compare
with the operator (` + "`x == y`" + `) instead of calling the method.

## Fix safety
For ` + "`return not x.__op__(y)`" + ` in a special method, the fix returns ` + "`NotImplemented`" + ` when the
call does, and the negation otherwise:
` + "`return NotImplemented if (result := x.__op__(y)) is NotImplemented else not result`" + `. It is
unsafe: where Python 3.13 returned the wrong ` + "`False`" + `, Python now tries the reflected method
and falls back to identity, which can give ` + "`True`" + `.

## References
- [What's New in Python 3.14: built-ins](https://docs.python.org/3.14/whatsnew/3.14.html#id2)
- [The NotImplemented constant](https://docs.python.org/3.14/library/constants.html#NotImplemented)
`,
}

// comparisonDunders are the rich comparison methods, which return
// NotImplemented for operands they do not handle.
var comparisonDunders = map[string]bool{
	"__eq__": true, "__ne__": true, "__lt__": true, "__le__": true, "__gt__": true, "__ge__": true,
}

func checkPY405(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	attr, ok := call.Func.(*ast.Attribute)
	if !ok || !comparisonDunders[attr.Attr] || len(call.Args) != 1 || len(call.Keywords) != 0 {
		return
	}
	if _, starred := call.Args[0].(*ast.Starred); starred || !inBooleanContext(p.Model, call) || ownMethodNeverReturnsNotImplemented(p.Model, attr) {
		return
	}
	p.ReportFix(checks.SpanOf(call),
		"`"+attr.Attr+"` returns NotImplemented for operands it does not handle, and Python 3.14 raises TypeError when NotImplemented is used as a truth value",
		notImplementedFix(p, call))
}

// inBooleanContext reports whether the value of e is only tested for
// truth.
func inBooleanContext(m *semantic.Model, e ast.Expr) bool {
	switch parent := m.Parent(e).(type) {
	case *ast.UnaryOp:
		return parent.Op == ast.Not
	case *ast.If:
		return parent.Test == e
	case *ast.While:
		return parent.Test == e
	case *ast.IfExp:
		return parent.Test == e
	case *ast.Assert:
		return parent.Test == e
	case *ast.Comprehension:
		for _, c := range parent.Ifs {
			if c == e {
				return true
			}
		}
	case *ast.BoolOp:
		// All operands but the last are tested; the last is the value.
		if parent.Values[len(parent.Values)-1] != e {
			return true
		}
		return inBooleanContext(m, parent)
	case *ast.Call:
		return len(parent.Args) == 1 && parent.Args[0] == e && len(parent.Keywords) == 0 &&
			m.MatchesQualified(parent.Func, "builtins.bool")
	}
	return false
}

// notImplementedFix rewrites "return not x.__op__(y)" in a special method.
func notImplementedFix(p *checks.Pass, call *ast.Call) *checks.Fix {
	m := p.Model
	not, ok := m.Parent(call).(*ast.UnaryOp)
	if !ok || not.Op != ast.Not {
		return nil
	}
	ret, ok := m.Parent(not).(*ast.Return)
	if !ok {
		return nil
	}
	fn, ok := m.FunctionOf(ret).(*ast.FunctionDef)
	if !ok || len(fn.Name) < 5 || fn.Name[:2] != "__" || fn.Name[len(fn.Name)-2:] != "__" || m.ClassOf(fn) == nil {
		return nil
	}
	s, ok := m.ScopeFor(fn)
	if !ok {
		return nil
	}
	name := "result"
	for i := 0; len(m.Scope(s).Bindings(name)) > 0 || semantic.IsBuiltin(name); i++ {
		name = "_result" + string(rune('0'+i))
		if i > 9 {
			return nil
		}
	}
	text := "NotImplemented if (" + name + " := " + p.Text(call) + ") is NotImplemented else not " + name
	return &checks.Fix{Title: "Return `NotImplemented` when `" + call.Func.(*ast.Attribute).Attr + "` does", Applicability: checks.Unsafe,
		Edits: []checks.Edit{checks.Replace(checks.SpanOf(not), text)}}
}

// ownMethodNeverReturnsNotImplemented reports whether attr is
// self.__op__ in a method of a class that defines __op__ itself without
// ever naming NotImplemented.
func ownMethodNeverReturnsNotImplemented(m *semantic.Model, attr *ast.Attribute) bool {
	self, ok := attr.Value.(*ast.Name)
	if !ok {
		return false
	}
	fn, ok := m.FunctionOf(attr).(*ast.FunctionDef)
	if !ok || len(fn.Args.Args) == 0 || fn.Args.Args[0].Arg != self.Id {
		return false
	}
	c := m.ClassOf(fn)
	if c == nil {
		return false
	}
	def, ok := classAttr(c, attr.Attr).(*ast.FunctionDef)
	if !ok {
		return false
	}
	never := true
	ast.Inspect(def, func(n ast.Node) bool {
		if name, ok := n.(*ast.Name); ok && name.Id == "NotImplemented" {
			never = false
		}
		return never
	})
	return never
}
