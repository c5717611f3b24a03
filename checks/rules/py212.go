package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY212 reports imports of nturl2path, deprecated in Python 3.14.
var PY212 = &checks.Rule{
	Code:     "PY212",
	Name:     "deprecated-nturl2path",
	Summary:  "the `nturl2path` module is deprecated since Python 3.14 and will be removed in 3.19",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Check:    checkPY212,
	Doc: portDoc(`## What it does
Reports imports of ˋnturl2pathˋ.

## Why it matters on Python 3.14
ˋnturl2pathˋ was the Windows half of ˋurllib.requestˋ's ˋurl2pathname()ˋ and
ˋpathname2url()ˋ. Python 3.14 deprecated it: its functions warn ˋDeprecationWarning:
'nturl2path' is deprecated and slated for removal in Python 3.19; use 'urllib.request'
insteadˋ, and Python 3.19 removes the module.

## Example
ˋˋˋpython
from nturl2path import url2pathname

path = url2pathname("///C:/Users/me/file.txt")
ˋˋˋ

## Use instead
ˋˋˋpython
from urllib.request import url2pathname

path = url2pathname("///C:/Users/me/file.txt")
ˋˋˋ

## Fix safety
For ˋfrom nturl2path import url2pathname, pathname2urlˋ the fix imports the same names from
ˋurllib.requestˋ. It is unsafe: ˋurllib.requestˋ converts with the rules of the platform it
runs on, so on POSIX systems the results differ from ˋnturl2pathˋ's Windows paths.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [urllib.request.url2pathname](https://docs.python.org/3.14/library/urllib.request.html#urllib.request.url2pathname)
`),
}

func checkPY212(p *checks.Pass, n ast.Node) {
	moduleImports(n, func(mod string, ref ast.Node) {
		if mod != "nturl2path" || portingExempt(p.Model, n, since314, false) {
			return
		}
		var fix *checks.Fix
		if f, ok := n.(*ast.ImportFrom); ok && importsOnly(f, "url2pathname", "pathname2url") {
			if e, ok := fromModuleEdit(p, f, "urllib.request"); ok {
				fix = newFix("Import from `urllib.request`", checks.Unsafe, e)
			}
		}
		p.ReportFix(checks.SpanOf(ref), "`nturl2path` is deprecated since Python 3.14 and will be removed in Python 3.19; use `urllib.request.url2pathname()` and `pathname2url()`", fix)
	})
}
