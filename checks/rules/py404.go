package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY404 reports classes whose int() conversion relied on __trunc__.
var PY404 = &checks.Rule{
	Code:     "PY404",
	Name:     "trunc-without-int",
	Summary:  "a class with `__trunc__` but neither `__int__` nor `__index__`, which `int()` no longer accepts on Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindClassDef},
	Check:    checkPY404,
	Doc: `## What it does
Reports classes that define ` + "`__trunc__`" + ` but neither ` + "`__int__`" + ` nor ` + "`__index__`" + `, when
every base class is known (defined in the module, or ` + "`object`" + `) and does not define them
either.

## Why it matters on Python 3.14
` + "`int(x)`" + ` used to fall back to ` + "`x.__trunc__()`" + ` when the type had no ` + "`__int__`" + ` or
` + "`__index__`" + `; the fallback was deprecated in Python 3.11 and removed in 3.14. ` + "`int(x)`" + `
now raises ` + "`TypeError: int() argument must be a string, a bytes-like object or a real number`" + `
for such a class. ` + "`math.trunc(x)`" + ` still calls ` + "`__trunc__`" + `.

## Example
` + "```python" + `
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __trunc__(self):
        return self.cents // 100
` + "```" + `

## Use instead
` + "```python" + `
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __trunc__(self):
        return self.cents // 100

    def __int__(self):
        return self.__trunc__()
` + "```" + `

## Fix safety
The fix adds an ` + "`__int__`" + ` method that returns ` + "`self.__trunc__()`" + `, after ` + "`__trunc__`" + `.
It is safe: ` + "`int(x)`" + ` gives what it gave before 3.14, and the only operations that change are
those that raised TypeError for want of ` + "`__int__`" + `, such as ` + "`\"%d\" % x`" + `. No fix is offered
when ` + "`__trunc__`" + ` is not a method defined with ` + "`def`" + ` on its own lines.

## References
- [What's New in Python 3.14: built-ins](https://docs.python.org/3.14/whatsnew/3.14.html#id2)
- [object.__trunc__](https://docs.python.org/3.14/reference/datamodel.html#object.__trunc__)
`,
}

func checkPY404(p *checks.Pass, n ast.Node) {
	c := n.(*ast.ClassDef)
	trunc := classAttr(c, "__trunc__")
	if trunc == nil || classAttr(c, "__int__") != nil || classAttr(c, "__index__") != nil ||
		!basesLackIntConversion(p.Model, c, map[*ast.ClassDef]bool{c: true}) {
		return
	}
	var fix *checks.Fix
	if def, ok := trunc.(*ast.FunctionDef); ok && len(def.Body) > 0 && statementStartsLine(p.Src(), def) {
		end, alone := endOfLastStatementLine(p.Src(), def)
		indent := lineIndent(p.Src(), def.Pos())
		body := indent + "    "
		if first := def.Body[0]; statementStartsLine(p.Src(), first) {
			body = lineIndent(p.Src(), first.Pos())
		}
		if alone {
			fix = &checks.Fix{Title: "Add `__int__` returning `self.__trunc__()`", Applicability: checks.Safe,
				Edits: []checks.Edit{checks.Insert(end, "\n\n"+indent+"def __int__(self):\n"+body+"return self.__trunc__()")}}
		}
	}
	p.ReportFix(classNameSpan(p, c),
		"`int()` no longer falls back to `__trunc__` on Python 3.14: `int(x)` raises TypeError for `"+c.Name+"`, which defines neither `__int__` nor `__index__`", fix)
}

// classAttr returns the statement of a class body that defines name (a
// def, or an assignment to it), or nil.
func classAttr(c *ast.ClassDef, name string) ast.Stmt {
	for _, s := range c.Body {
		switch s := s.(type) {
		case *ast.FunctionDef:
			if s.Name == name {
				return s
			}
		case *ast.AsyncFunctionDef:
			if s.Name == name {
				return s
			}
		case *ast.Assign:
			for _, t := range s.Targets {
				if n, ok := t.(*ast.Name); ok && n.Id == name {
					return s
				}
			}
		case *ast.AnnAssign:
			if n, ok := s.Target.(*ast.Name); ok && n.Id == name && s.Value != nil {
				return s
			}
		}
	}
	return nil
}

// basesLackIntConversion reports whether every base of c is known not to
// provide __int__ or __index__: object, or a class of the module that
// does not define them, recursively.
func basesLackIntConversion(m *semantic.Model, c *ast.ClassDef, seen map[*ast.ClassDef]bool) bool {
	if len(c.Keywords) > 0 {
		return false // a metaclass may do anything
	}
	for _, b := range c.Bases {
		if m.MatchesQualified(b, "builtins.object") {
			continue
		}
		name, ok := b.(*ast.Name)
		if !ok {
			return false
		}
		id := m.Resolve(name)
		if id == semantic.NoBinding || m.Binding(id).Kind != semantic.ClassDef {
			return false
		}
		base, ok := m.Binding(id).Node.(*ast.ClassDef)
		if !ok || seen[base] || classAttr(base, "__int__") != nil || classAttr(base, "__index__") != nil {
			return false
		}
		seen[base] = true
		if !basesLackIntConversion(m, base, seen) {
			return false
		}
	}
	return true
}

// classNameSpan returns the span of a class's name.
func classNameSpan(p *checks.Pass, c *ast.ClassDef) token.Span {
	if id := p.Model.BindingOf(c); id != semantic.NoBinding {
		return p.Model.Binding(id).Span
	}
	return checks.SpanOf(c)
}
