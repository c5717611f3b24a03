package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY303 reports syntax that the oldest Python of the target cannot parse.
var PY303 = &checks.Rule{
	Code:     "PY303",
	Name:     "syntax-newer-than-target",
	Summary:  "syntax that the oldest Python version of the target cannot parse (t-strings, `except A, B:`, `match`, type parameters, ...)",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	File:     checkPY303,
	Applies:  func(p *checks.Pass) bool { return len(p.File.Gates) > 0 },
	Doc: `## What it does
Reports syntax that is newer than the oldest Python version the project supports (the target,
from ` + "`requires-python`" + ` or ` + "`target-version`" + `): on Python 3.14, t-strings (PEP 750) and
several exception types without parentheses (` + "`except A, B:`" + `, PEP 758); and every older
addition since Python 3.8: parenthesized context managers and relaxed decorators (3.9), the
` + "`match`" + ` statement and unparenthesized walrus in subscripts (3.10), ` + "`except*`" + ` and starred
subscripts and annotations (3.11), type parameter lists, the ` + "`type`" + ` statement and PEP 701
f-strings that reuse their quotes (3.12), and type parameter defaults (3.13).

## Why it matters on Python 3.14
Code written on Python 3.14 easily picks up its new syntax. A module that uses it does not even
parse on an older Python: importing it raises a SyntaxError, which no ` + "`sys.version_info`" + `
check inside the module can prevent. Python 3.13 reads ` + "`except ValueError, TypeError:`" + ` as an
error; Python 3.14 reads it as a tuple.

## Example
` + "```python" + `
# requires-python = ">=3.10"
try:
    connect()
except TimeoutError, ConnectionError:
    retry()
` + "```" + `

## Use instead
` + "```python" + `
try:
    connect()
except (TimeoutError, ConnectionError):
    retry()
` + "```" + `

## Fix safety
Parenthesizing an unparenthesized ` + "`except`" + ` list is a safe fix: Python 3.14 builds the same
tree for both spellings. It is not offered for Python 2's ` + "`except E, e:`" + `, which PY302 fixes
to ` + "`except E as e:`" + `. The other constructs have no mechanical equivalent and get no fix.

## References
- [PEP 758: Allow except and except* expressions without parentheses](https://peps.python.org/pep-0758/)
- [PEP 750: Template Strings](https://peps.python.org/pep-0750/)
- [Python 3.14 grammar](https://docs.python.org/3.14/reference/grammar.html)
`,
}

func checkPY303(p *checks.Pass) {
	for _, g := range p.File.Gates {
		if !p.TargetBelow(g.Min) {
			continue
		}
		msg := "syntax new in Python " + g.Min.String() + " (" + g.Feature.String() + ") is a SyntaxError on Python " +
			p.Target.String() + ", which the target includes"
		var fix *checks.Fix
		if g.Feature == parser.UnparenthesizedExceptTypes && !python2ExceptAt(p, g.Span) {
			fix = &checks.Fix{
				Title:         "Parenthesize the exception types",
				Applicability: checks.Safe,
				Edits:         []checks.Edit{checks.Insert(g.Span.Start, "("), checks.Insert(g.Span.End, ")")},
			}
		}
		p.ReportFix(g.Span, msg, fix)
	}
}

// python2ExceptAt reports whether the except clause whose types span s is
// Python 2's "except E, e:" (see PY302): parenthesizing it would keep the
// wrong meaning.
func python2ExceptAt(p *checks.Pass, s token.Span) bool {
	found := false
	ast.Inspect(p.File.Module, func(n ast.Node) bool {
		if _, root := n.(*ast.Module); root {
			return true
		}
		if found || n == nil || n.End() <= s.Start || n.Pos() > s.Start {
			return false
		}
		if h, ok := n.(*ast.ExceptHandler); ok && h.Type != nil && h.Type.Pos() == s.Start {
			_, _, found = python2Except(p, h)
		}
		return !found
	})
	return found
}
