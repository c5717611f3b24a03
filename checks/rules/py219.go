package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY219 reports sys._clear_type_cache, deprecated in Python 3.14.
var PY219 = &checks.Rule{
	Code:     "PY219",
	Name:     "deprecated-clear-type-cache",
	Summary:  "`sys._clear_type_cache()` is deprecated since Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute},
	Check:    checkPY219,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "sys") },
	Doc: portDoc(`## What it does
Reports ˋsys._clear_type_cacheˋ. It reports nothing when the target is older than Python
3.13, which added the replacement.

## Why it matters on Python 3.14
Python 3.14 deprecated it: ˋDeprecationWarning: sys._clear_type_cache() is deprecated and
scheduled for removal in a future version. Use sys._clear_internal_caches() instead.ˋ

## Example
ˋˋˋpython
import sys

sys._clear_type_cache()
ˋˋˋ

## Use instead
ˋˋˋpython
import sys

sys._clear_internal_caches()
ˋˋˋ

## Fix safety
The fix calls ˋsys._clear_internal_caches()ˋ, which clears the type cache and CPython's other
internal caches. It is safe: clearing caches changes only how fast the code that follows
runs.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [sys._clear_internal_caches](https://docs.python.org/3.14/library/sys.html#sys._clear_internal_caches)
`),
}

func checkPY219(p *checks.Pass, n ast.Node) {
	a := n.(*ast.Attribute)
	if a.Ctx != ast.Load || a.Attr != "_clear_type_cache" || p.Model.QualifiedName(a) != "sys._clear_type_cache" || p.TargetBelow(since313) ||
		portingExempt(p.Model, n, since314, false) {
		return
	}
	p.ReportFix(checks.SpanOf(a), "`sys._clear_type_cache()` is deprecated since Python 3.14 (no removal version set yet); use `sys._clear_internal_caches()`",
		newFix("Use `sys._clear_internal_caches`", checks.Safe,
			checks.Replace(checks.Span(a.End()-token.Pos(len(a.Attr)), a.End()), "_clear_internal_caches")))
}
