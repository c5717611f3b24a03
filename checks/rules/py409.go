package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// PY409 reports identity and text comparisons of typing.Union objects.
var PY409 = &checks.Rule{
	Code:     "PY409",
	Name:     "union-identity-or-repr-comparison",
	Summary:  "`is` between `typing.Union[...]` objects, or comparisons with the repr unions had before Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCompare},
	Check:    checkPY409,
	Doc: `## What it does
Reports ` + "`is` and `is not`" + ` comparisons where an operand is a ` + "`typing.Union[...]`" + `
subscription of two or more types, and ` + "`==`, `!=`, `in`" + ` comparisons with a string literal
spelled like the pre-3.14 repr of a union (` + "`\"typing.Union[int, str]\"`" + `,
` + "`\"typing.Optional[int]\"`" + `). ` + "`typing.Optional[X]`" + ` is still cached, so ` + "`is`" + ` with it
is not reported.

## Why it matters on Python 3.14
` + "`typing.Union`" + ` and ` + "`types.UnionType`" + ` are now the same class. ` + "`Union[int, str]`" + ` builds
a new object each time instead of returning a cached one, so
` + "`Union[int, str] is Union[int, str]`" + ` is False where it was True. The repr changed too:
` + "`repr(Optional[int])`" + ` is ` + "`\"int | None\"`" + `, not ` + "`\"typing.Optional[int]\"`" + `, so code that
recognizes annotations by their text stops matching.

## Example
` + "```python" + `
from typing import Optional, Union

if hint is Union[int, None]:
    ...
if repr(hint) == "typing.Union[int, str]":
    ...
` + "```" + `

## Use instead
` + "```python" + `
from typing import Optional, Union, get_args, get_origin

if hint == Union[int, None]:
    ...
if get_origin(hint) is Union and get_args(hint) == (int, str):
    ...
` + "```" + `

## Fix safety
` + "`is` → `==` and `is not` → `!=`" + ` is safe: unions compare equal when they have the same
members, on every version. Text comparisons get no fix.

## References
- [What's New in Python 3.14: typing](https://docs.python.org/3.14/whatsnew/3.14.html#typing)
- [typing.get_origin and get_args](https://docs.python.org/3.14/library/typing.html#typing.get_origin)
`,
}

func checkPY409(p *checks.Pass, n ast.Node) {
	c := n.(*ast.Compare)
	m := p.Model
	for i, op := range c.Ops {
		l, r := c.Left, c.Comparators[i]
		if i > 0 {
			l = c.Comparators[i-1]
		}
		switch op {
		case ast.Is, ast.IsNot:
			if !isUnionSubscript(m, l) && !isUnionSubscript(m, r) {
				continue
			}
			var fix *checks.Fix
			if len(c.Ops) == 1 {
				repl := " == "
				if op == ast.IsNot {
					repl = " != "
				}
				fix = &checks.Fix{Title: "Compare with `" + strings.TrimSpace(repl) + "`", Applicability: checks.Safe,
					Edits: []checks.Edit{checks.Replace(checks.Span(l.End(), r.Pos()), repl)}}
			}
			p.ReportFix(checks.SpanOf(c),
				"`typing.Union` objects are not cached on Python 3.14: `is` between two equal unions is False; compare with `==`", fix)
			return
		case ast.Eq, ast.NotEq, ast.In, ast.NotIn:
			sides := []ast.Expr{l, r}
			if elts, ok := literalElements(r); ok && (op == ast.In || op == ast.NotIn) {
				sides = append([]ast.Expr{l}, elts...)
			}
			for _, side := range sides {
				if s, ok := stringConstant(side); ok && looksLikeOldUnionRepr(s) {
					p.Reportf(side, "unions print as `X | Y` on Python 3.14: %s is the old repr, which no union has any more", ast.ReprStr(s))
					return
				}
			}
		}
	}
}

// isUnionSubscript reports whether e is typing.Union[...] of two or more
// types, which Python 3.14 no longer caches. (typing.Optional[...] is
// still cached, and Union[X] is X.)
func isUnionSubscript(m *semantic.Model, e ast.Expr) bool {
	s, ok := e.(*ast.Subscript)
	if !ok || !m.MatchesQualified(s.Value, "typing.Union", "typing_extensions.Union") {
		return false
	}
	t, ok := s.Slice.(*ast.Tuple)
	return ok && len(t.Elts) >= 2
}

// looksLikeOldUnionRepr reports whether s is spelled like the repr of a
// union before Python 3.14.
func looksLikeOldUnionRepr(s string) bool {
	for _, prefix := range []string{"typing.Union[", "typing.Optional[", "Union[", "Optional["} {
		if strings.HasPrefix(s, prefix) && strings.HasSuffix(s, "]") {
			return true
		}
	}
	return false
}
