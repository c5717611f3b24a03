package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY224 reports locale.getdefaultlocale, deprecated and will be removed in Python
// 3.15.
var PY224 = &checks.Rule{
	Code:     "PY224",
	Name:     "deprecated-locale-getdefaultlocale",
	Summary:  "`locale.getdefaultlocale()` is deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY224,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "locale") },
	Doc: portDoc(`## What it does
Reports ˋlocale.getdefaultlocaleˋ and imports of it.

## Why it matters on Python 3.14
It was deprecated in 3.11 (it guesses the locale from environment variables, which is wrong
on many systems) and Python 3.15 removes it. On 3.14 it warns ˋDeprecationWarning:
'locale.getdefaultlocale' is deprecated and slated for removal in Python 3.15. Use
setlocale(), getencoding() and getlocale() instead.ˋ

## Example
ˋˋˋpython
import locale

language, encoding = locale.getdefaultlocale()
ˋˋˋ

## Use instead
ˋˋˋpython
import locale

locale.setlocale(locale.LC_CTYPE, "")
language, _ = locale.getlocale()
encoding = locale.getencoding()
ˋˋˋ

## Fix safety
No fix is offered: ˋgetlocale()ˋ reports the locale that is set, so the program has to call
ˋsetlocale()ˋ first, which changes global state.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [locale.getlocale](https://docs.python.org/3.14/library/locale.html#locale.getlocale)
`),
}

var getdefaultlocaleNames = lastNames("locale.getdefaultlocale")

func checkPY224(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, getdefaultlocaleNames, func(q string, ref ast.Node) {
		if q == "locale.getdefaultlocale" && !portingExempt(p.Model, n, since314, false) {
			p.Reportf(ref, "`locale.getdefaultlocale()` is deprecated and will be removed in Python 3.15; use `locale.setlocale()`, `getlocale()` and `getencoding()`")
		}
	})
}
