package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY107 reports urllib.parse.Quoter and the legacy URL opener classes of
// urllib.request, which Python 3.14 removed.
var PY107 = &checks.Rule{
	Code:     "PY107",
	Name:     "removed-urllib-legacy-class",
	Summary:  "`urllib.parse.Quoter`, `urllib.request.URLopener` and `FancyURLopener` were removed in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY107,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "urllib") },
	Doc: portDoc(`## What it does
Reports ˋurllib.parse.Quoterˋ, ˋurllib.request.URLopenerˋ and ˋurllib.request.FancyURLopenerˋ,
and imports of them, including as base classes.

## Why it matters on Python 3.14
ˋQuoterˋ was deprecated in 3.11 and the opener classes in 3.3. Python 3.14 removed them:
ˋurllib.request.URLopener()ˋ raises AttributeError and ˋfrom urllib.request import
FancyURLopenerˋ raises ImportError.

## Example
ˋˋˋpython
import urllib.request

opener = urllib.request.FancyURLopener()
page = opener.open("https://example.org/")
ˋˋˋ

## Use instead
ˋˋˋpython
import urllib.request

page = urllib.request.urlopen("https://example.org/")
ˋˋˋ

## Fix safety
No fix is offered. ˋurlopen()ˋ, ˋurlretrieve()ˋ and ˋbuild_opener()ˋ with handlers replace the
opener classes, but their error handling differs (they raise HTTPError where
ˋFancyURLopenerˋ returned the error page); ˋurllib.parse.quote()ˋ replaces ˋQuoterˋ.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [urllib.request.build_opener](https://docs.python.org/3.14/library/urllib.request.html#urllib.request.build_opener)
`),
}

var legacyURLClasses = map[string]string{
	"urllib.parse.Quoter":           "`urllib.parse.quote()`",
	"urllib.request.URLopener":      "`urllib.request.urlopen()` or `build_opener()`",
	"urllib.request.FancyURLopener": "`urllib.request.urlopen()` or `build_opener()`",
}

var legacyURLNames = lastNamesOf(legacyURLClasses)

func checkPY107(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, legacyURLNames, func(q string, ref ast.Node) {
		if use, ok := legacyURLClasses[q]; ok && !portingExempt(p.Model, n, since314, true) {
			p.Reportf(ref, "`%s` was removed in Python 3.14: %s raises %s; use %s", q, refWording(ref), failure(ref), use)
		}
	})
}
