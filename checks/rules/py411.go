package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY411 reports sys.platform compared with a versioned FreeBSD name.
var PY411 = &checks.Rule{
	Code:     "PY411",
	Name:     "versioned-freebsd-platform",
	Summary:  "`sys.platform` compared with `\"freebsd13\"` and the like, which never matches on Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCompare, ast.KindCall},
	Check:    checkPY411,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "sys") },
	Doc: `## What it does
Reports comparisons of ` + "`sys.platform`" + ` with FreeBSD platform names that carry a major version
(` + "`sys.platform == \"freebsd13\"`, `sys.platform in (\"freebsd12\", \"freebsd13\")`" + `,
` + "`sys.platform.startswith(\"freebsd14\")`" + `).

## Why it matters on Python 3.14
On FreeBSD, ` + "`sys.platform`" + ` used to include the major version of the system Python was
built on (` + "`\"freebsd13\"`" + `). Python 3.14 reports just ` + "`\"freebsd\"`" + `, so these
comparisons are always False (or, with ` + "`!=`" + `, always True), and FreeBSD-specific code
paths silently stop running.

## Example
` + "```python" + `
import sys

if sys.platform == "freebsd13":
    use_kqueue()
` + "```" + `

## Use instead
` + "```python" + `
import sys

if sys.platform.startswith("freebsd"):
    use_kqueue()
` + "```" + `

## Fix safety
The fix for ` + "`==` and `!=`" + ` tests ` + "`sys.platform.startswith(\"freebsd\")`" + `. It is unsafe: on
Python 3.13 and older the test now matches every FreeBSD version, not only the one that was named.
Use ` + "`platform.release()`" + ` if the version matters.

## References
- [What's New in Python 3.14: sys](https://docs.python.org/3.14/whatsnew/3.14.html#sys)
- [sys.platform](https://docs.python.org/3.14/library/sys.html#sys.platform)
`,
}

// versionedFreeBSD reports whether s is "freebsd" followed by one or more
// ASCII digits.
func versionedFreeBSD(s string) bool {
	digits, ok := strings.CutPrefix(s, "freebsd")
	if !ok || digits == "" {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}

func checkPY411(p *checks.Pass, n ast.Node) {
	m := p.Model
	switch n := n.(type) {
	case *ast.Call:
		attr, ok := n.Func.(*ast.Attribute)
		if !ok || attr.Attr != "startswith" || len(n.Args) != 1 || !m.MatchesQualified(attr.Value, "sys.platform") {
			return
		}
		if s, ok := stringConstant(n.Args[0]); ok && versionedFreeBSD(s) {
			p.Reportf(n, "`sys.platform` is \"freebsd\" on Python 3.14, without the major version: this test is always False")
		}
	case *ast.Compare:
		if len(n.Ops) != 1 {
			return
		}
		left, right := n.Left, n.Comparators[0]
		if !m.MatchesQualified(left, "sys.platform") {
			left, right = right, left
			if !m.MatchesQualified(left, "sys.platform") || n.Ops[0] == ast.In || n.Ops[0] == ast.NotIn {
				return
			}
		}
		op := n.Ops[0]
		switch op {
		case ast.Eq, ast.NotEq:
			s, ok := stringConstant(right)
			if !ok || !versionedFreeBSD(s) {
				return
			}
			always, text := "False", p.Text(left)+".startswith(\"freebsd\")"
			if op == ast.NotEq {
				always, text = "True", "not "+text
			}
			p.ReportFix(checks.SpanOf(n),
				"`sys.platform` is \"freebsd\" on Python 3.14, without the major version: this comparison is always "+always,
				&checks.Fix{Title: "Test `sys.platform.startswith(\"freebsd\")`", Applicability: checks.Unsafe,
					Edits: []checks.Edit{checks.Replace(checks.SpanOf(n), text)}})
		case ast.In, ast.NotIn:
			elts, ok := literalElements(right)
			if !ok {
				return
			}
			for _, e := range elts {
				if s, ok := stringConstant(e); ok && versionedFreeBSD(s) {
					p.Reportf(e, "`sys.platform` is \"freebsd\" on Python 3.14, without the major version: %s never matches", ast.ReprStr(s))
				}
			}
		}
	}
}
