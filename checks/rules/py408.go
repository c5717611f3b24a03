package rules

import (
	"regexp"
	"sync"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// PY408 reports t-strings used as if they were strings.
var PY408 = &checks.Rule{
	Code:     "PY408",
	Name:     "template-used-as-string",
	Summary:  "a t-string `Template` used as a `str`: `str()`, `print`, f-strings and `%` give its repr, `+` and `join` raise TypeError, `==` compares identity",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindCall, ast.KindBinOp, ast.KindCompare, ast.KindFormattedValue},
	Check:    checkPY408,
	// Every report is about a t-string, and most modules have none.
	Applies: func(p *checks.Pass) bool { return hasKind(p, ast.KindTemplateStr) },
	Doc: `## What it does
Reports t-strings (PEP 750) used where a string is expected: passed to ` + "`str()`" + `, ` + "`print()`" + `
or a ` + "`logging`" + ` call, interpolated in an f-string or with ` + "`%`" + `, concatenated with a string,
joined with ` + "`str.join`" + `, or compared with ` + "`==`" + ` or ` + "`!=`" + `. A t-string is recognized as a
literal or as a name that is only ever assigned t-string literals.

## Why it matters on Python 3.14
A t-string is not a string: it evaluates to a ` + "`string.templatelib.Template`" + `, which keeps the
static parts and the interpolated values apart so that code can process them (escape them, build
SQL parameters, ...). ` + "`Template`" + ` deliberately has no ` + "`__str__`" + `, so ` + "`str(t)`" + `,
` + "`print(t)`" + `, ` + "`f\"{t}\"`" + ` and ` + "`\"%s\" % t`" + ` produce
` + "`Template(strings=(...), interpolations=(...))`" + `. ` + "`t + \"x\"`" + ` and ` + "`\"\".join(t)`" + ` raise
TypeError, and ` + "`==`" + ` compares identity, so two equal-looking t-strings are never equal. A
` + "`t`" + ` typed for an ` + "`f`" + ` produces all of these.

## Example
` + "```python" + `
name = "world"
print(t"hello {name}")
` + "```" + `

## Use instead
` + "```python" + `
name = "world"
print(f"hello {name}")
` + "```" + `

## Fix safety
No fix is offered: whether an f-string or a template processor was meant is for a person to decide.

## References
- [PEP 750: Template Strings](https://peps.python.org/pep-0750/)
- [string.templatelib](https://docs.python.org/3.14/library/string.templatelib.html)
`,
}

func checkPY408(p *checks.Pass, n ast.Node) {
	m := p.Model
	switch n := n.(type) {
	case *ast.Call:
		switch {
		case m.MatchesQualified(n.Func, "builtins.str") && len(n.Args) == 1 && isTemplate(m, n.Args[0]):
			p.Reportf(n, "`str()` of a t-string is the repr of its `Template`, not the interpolated text")
		case m.MatchesQualified(n.Func, "builtins.print"):
			for _, a := range n.Args {
				if isTemplate(m, a) {
					p.Reportf(a, "`print()` of a t-string prints the repr of its `Template`, not the interpolated text")
				}
			}
		case isLoggingCall(m, n) && len(n.Args) > 0 && isTemplate(m, n.Args[0]):
			p.Reportf(n.Args[0], "logging a t-string logs the repr of its `Template`, not the interpolated text")
		case isStrJoin(n) && len(n.Args) == 1:
			arg := n.Args[0]
			if isTemplate(m, arg) {
				p.Reportf(n, "`str.join` of a t-string raises TypeError on its interpolations")
				return
			}
			if elts, ok := literalElements(arg); ok {
				for _, e := range elts {
					if isTemplate(m, e) {
						p.Reportf(e, "`str.join` raises TypeError on a t-string: a `Template` is not a `str`")
					}
				}
			}
		}
	case *ast.BinOp:
		switch n.Op {
		case ast.Mod:
			if f, ok := stringConstant(n.Left); !ok || !percentS().MatchString(f) {
				return
			}
			args := []ast.Expr{n.Right}
			if elts, ok := literalElements(n.Right); ok {
				args = elts
			}
			for _, a := range args {
				if isTemplate(m, a) {
					p.Reportf(a, "`%%` formatting of a t-string inserts the repr of its `Template`, not the interpolated text")
				}
			}
		case ast.Add:
			l, r := isTemplate(m, n.Left), isTemplate(m, n.Right)
			if l != r && (isStringExpr(n.Left) || isStringExpr(n.Right)) {
				p.Reportf(n, "adding a `str` to a t-string raises TypeError: a `Template` only concatenates with another `Template`")
			}
		}
	case *ast.Compare:
		operands := append([]ast.Expr{n.Left}, n.Comparators...)
		for i, op := range n.Ops {
			if op != ast.Eq && op != ast.NotEq {
				continue
			}
			if isTemplate(m, operands[i]) || isTemplate(m, operands[i+1]) {
				p.Reportf(n, "`==` and `!=` compare t-strings by identity: two `Template` objects are never equal")
				return
			}
		}
	case *ast.FormattedValue:
		if isTemplate(m, n.Value) && n.Conversion != 'r' && n.Conversion != 'a' {
			p.Reportf(n.Value, "an f-string shows the repr of a t-string's `Template`, not the interpolated text")
		}
	}
}

// percentS matches a %s conversion of printf-style formatting. It is
// compiled on first use: only modules with t-strings need it.
var percentS = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`%(\([^)]*\))?[-#0 +]*(\*|[0-9]+)?(\.(\*|[0-9]+))?s`)
})

// isTemplate reports whether e evaluates to a t-string Template: a t-string
// literal, or a name whose every binding in its scope assigns one.
func isTemplate(m *semantic.Model, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.TemplateStr:
		return true
	case *ast.Name:
		id := m.Resolve(e)
		if id == semantic.NoBinding {
			return false
		}
		b := m.Binding(id)
		ids := m.Scope(b.Scope).Bindings(b.Name)
		for _, id := range ids {
			v := boundValue(m, m.Binding(id))
			if _, ok := v.(*ast.TemplateStr); !ok || m.Binding(id).Kind != semantic.Assignment {
				return false
			}
		}
		return len(ids) > 0
	}
	return false
}

// isStringExpr reports whether e is a str literal or an f-string.
func isStringExpr(e ast.Expr) bool {
	if _, ok := stringConstant(e); ok {
		return true
	}
	_, ok := e.(*ast.JoinedStr)
	return ok
}

// isStrJoin reports whether c is "sep".join(...) on a str literal.
func isStrJoin(c *ast.Call) bool {
	attr, ok := c.Func.(*ast.Attribute)
	if !ok || attr.Attr != "join" {
		return false
	}
	_, ok = stringConstant(attr.Value)
	return ok
}

// isLoggingCall reports whether c is a logging call: logging.info(...) and
// friends, or the same methods on a logger from logging.getLogger.
func isLoggingCall(m *semantic.Model, c *ast.Call) bool {
	attr, ok := c.Func.(*ast.Attribute)
	if !ok {
		return false
	}
	switch attr.Attr {
	case "debug", "info", "warning", "warn", "error", "critical", "exception", "fatal":
	default:
		return false
	}
	if m.MatchesQualified(attr.Value, "logging") {
		return true
	}
	var logger ast.Expr = attr.Value
	if name, ok := logger.(*ast.Name); ok {
		id := m.Resolve(name)
		if id == semantic.NoBinding {
			return false
		}
		logger = boundValue(m, m.Binding(id))
	}
	call, ok := logger.(*ast.Call)
	return ok && m.MatchesQualified(call.Func, "logging.getLogger")
}
