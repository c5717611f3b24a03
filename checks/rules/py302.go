package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY302 reports the Python 2 spelling "except E, e:", which Python 3.14
// parses as "catch E or e".
var PY302 = &checks.Rule{
	Code:     "PY302",
	Name:     "python2-except-comma",
	Summary:  "the Python 2 spelling `except E, e:`, which Python 3.14 reads as catching `E` or `e` (PEP 758)",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindExceptHandler},
	Check:    checkPY302,
	Applies:  func(p *checks.Pass) bool { return hasUnparenthesizedExcept(p.File) },
	Doc: `## What it does
Reports ` + "`except`" + ` clauses of the form ` + "`except E, name:`" + ` where ` + "`name`" + ` is a lowercase
name that nothing binds before the clause: the Python 2 way of writing ` + "`except E as name:`" + `.

## Why it matters on Python 3.14
Python 3.0 to 3.13 rejected ` + "`except ValueError, e:`" + ` with a SyntaxError, so such code failed
loudly. PEP 758 made Python 3.14 accept several exception types without parentheses, and the
same text now compiles with a different meaning: catch ` + "`ValueError`" + ` or whatever ` + "`e`" + ` is.
When an exception reaches the clause, evaluating ` + "`e`" + ` raises NameError (or TypeError, when it
names something that is not an exception class), which replaces the original exception, and the
handler never runs. PEP 758 says explicitly that the Python 2 meaning is not restored.

## Example
` + "```python" + `
try:
    value = int(text)
except ValueError, error:
    log(error)
` + "```" + `

## Use instead
` + "```python" + `
try:
    value = int(text)
except ValueError as error:
    log(error)
` + "```" + `

## Fix safety
The fix replaces the comma with ` + "`as`" + `. It is safe: the name is unbound where the clause is
evaluated, so the clause as written can only fail, and ` + "`as`" + ` is what it meant in Python 2.

## References
- [PEP 758: Backwards compatibility](https://peps.python.org/pep-0758/#backwards-compatibility)
- [What's New in Python 3.14: PEP 758](https://docs.python.org/3.14/whatsnew/3.14.html#pep-758-allow-except-and-except-expressions-without-brackets)
`,
}

func checkPY302(p *checks.Pass, n ast.Node) {
	t, name, ok := python2Except(p, n.(*ast.ExceptHandler))
	if !ok {
		return
	}
	first := p.Text(t.Elts[0])
	p.ReportFix(checks.SpanOf(t),
		"`except "+first+", "+name.Id+":` catches `"+first+"` or `"+name.Id+"` on Python 3.14 and raises NameError when an exception reaches it; Python 2 meant `except "+first+" as "+name.Id+":`",
		&checks.Fix{
			Title:         "Replace `, " + name.Id + "` with ` as " + name.Id + "`",
			Applicability: checks.Safe,
			Edits:         []checks.Edit{checks.Replace(checks.Span(t.Elts[0].End(), name.Pos()), " as ")},
		})
}
