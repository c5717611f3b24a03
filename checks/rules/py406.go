package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// PY406 reports functools.partial objects stored as class attributes.
var PY406 = &checks.Rule{
	Code:     "PY406",
	Name:     "partial-class-attribute",
	Summary:  "`functools.partial` stored as a class attribute, which Python 3.14 binds as a method",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindAssign, ast.KindAnnAssign},
	Check:    checkPY406,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "functools") },
	Doc: `## What it does
Reports assignments in a class body whose value is a ` + "`functools.partial(...)`" + ` call, such as
` + "`handler = partial(process, mode=\"fast\")`" + `. Special methods (` + "`__call__ = partial(...)`" + `)
are not reported: Python calls them with the instance either way.

## Why it matters on Python 3.14
` + "`functools.partial`" + ` objects became method descriptors in Python 3.14, like functions. Called
through an instance, ` + "`obj.handler(x)`" + ` now passes ` + "`obj`" + ` as the first argument:
` + "`process(obj, x, mode=\"fast\")`" + ` instead of ` + "`process(x, mode=\"fast\")`" + `. Python 3.13 warned
about this with a FutureWarning. The result is a TypeError for a wrong number of arguments, or
worse, a silently wrong call.

## Example
` + "```python" + `
from functools import partial

class Parser:
    parse = partial(int, base=16)

Parser().parse("ff")
` + "```" + `

## Use instead
` + "```python" + `
from functools import partial

class Parser:
    parse = staticmethod(partial(int, base=16))
` + "```" + `

## Fix safety
The fix wraps the value in ` + "`staticmethod(...)`" + `, the change the Python 3.14 release notes give.
It is safe: it restores the pre-3.14 behaviour on 3.14 and keeps it on older versions, where
a ` + "`staticmethod`" + ` reached through the class or an instance is the wrapped object.

## References
- [What's New in Python 3.14: porting (functools.partial)](https://docs.python.org/3.14/whatsnew/3.14.html#changes-in-the-python-api)
- [functools.partial](https://docs.python.org/3.14/library/functools.html#functools.partial)
`,
}

func checkPY406(p *checks.Pass, n ast.Node) {
	m := p.Model
	var targets []ast.Expr
	var value ast.Expr
	switch s := n.(type) {
	case *ast.Assign:
		targets, value = s.Targets, s.Value
	case *ast.AnnAssign:
		targets, value = []ast.Expr{s.Target}, s.Value
	}
	call, ok := value.(*ast.Call)
	if !ok || !m.MatchesQualified(call.Func, "functools.partial") {
		return
	}
	if m.Scope(m.ScopeOf(n)).Kind != semantic.ClassScope {
		return
	}
	if _, hi := m.VersionRange(n); !(parser.Version{Major: 3, Minor: 14}).Less(hi) {
		return
	}
	for _, t := range targets {
		name, ok := t.(*ast.Name)
		if !ok || strings.HasPrefix(name.Id, "__") && strings.HasSuffix(name.Id, "__") {
			return
		}
	}
	p.ReportFix(checks.SpanOf(call),
		"`functools.partial` is a method descriptor on Python 3.14: called through an instance, this attribute now receives the instance as its first argument",
		&checks.Fix{Title: "Wrap the partial in `staticmethod()`", Applicability: checks.Safe,
			Edits: []checks.Edit{checks.Insert(call.Pos(), "staticmethod("), checks.Insert(call.End(), ")")}})
}
