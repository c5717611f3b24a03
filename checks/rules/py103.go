package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY103 reports pkgutil.find_loader and pkgutil.get_loader, which Python
// 3.14 removed.
var PY103 = &checks.Rule{
	Code:     "PY103",
	Name:     "removed-pkgutil-loader-function",
	Summary:  "`pkgutil.find_loader` and `pkgutil.get_loader` were removed in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY103,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "pkgutil") },
	Doc: portDoc(`## What it does
Reports ˋpkgutil.find_loaderˋ and ˋpkgutil.get_loaderˋ, and imports of them.

## Why it matters on Python 3.14
Both were deprecated in 3.12 and Python 3.14 removed them: ˋpkgutil.find_loader(name)ˋ raises
AttributeError and ˋfrom pkgutil import get_loaderˋ raises ImportError. ˋimportlib.utilˋ
finds the module's spec, which holds the loader.

## Example
ˋˋˋpython
import pkgutil

loader = pkgutil.find_loader("json")
ˋˋˋ

## Use instead
ˋˋˋpython
import importlib.util

loader = getattr(importlib.util.find_spec("json"), "loader", None)
ˋˋˋ

## Fix safety
The fix replaces ˋpkgutil.find_loader(name)ˋ, and ˋpkgutil.get_loader(name)ˋ when ˋnameˋ is a
string literal, with ˋgetattr(importlib.util.find_spec(name), "loader", None)ˋ and imports
ˋimportlib.utilˋ if needed. It is unsafe: for a module that is not installed both give None,
but errors differ. ˋfind_loaderˋ wrapped every error of ˋfind_specˋ in ImportError, while
ˋfind_specˋ raises ModuleNotFoundError for a missing parent package and ValueError for a
module whose ˋ__spec__ˋ is None; ˋget_loaderˋ also returned the ˋ__loader__ˋ of a module
already imported. Imports by name are reported without a fix.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [importlib.util.find_spec](https://docs.python.org/3.14/library/importlib.html#importlib.util.find_spec)
`),
}

var findLoaderNames = lastNames("pkgutil.find_loader", "pkgutil.get_loader")

func checkPY103(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, findLoaderNames, func(q string, ref ast.Node) {
		if q != "pkgutil.find_loader" && q != "pkgutil.get_loader" || portingExempt(p.Model, n, since314, true) {
			return
		}
		msg := "`" + q + "` was removed in Python 3.14: " + refWording(ref) + " raises " + failure(ref) +
			"; use `importlib.util.find_spec(name).loader`"
		p.ReportFix(checks.SpanOf(ref), msg, findLoaderFix(p, ref, q))
	})
}

// findLoaderFix rewrites a call pkgutil.find_loader(name) or
// pkgutil.get_loader("literal").
func findLoaderFix(p *checks.Pass, ref ast.Node, q string) *checks.Fix {
	call, ok := p.Model.Parent(ref).(*ast.Call)
	if !ok || call.Func != ref || len(call.Args) != 1 || len(call.Keywords) != 0 {
		return nil
	}
	if _, ok := call.Args[0].(*ast.Starred); ok {
		return nil
	}
	if _, ok := stringConstant(call.Args[0]); q == "pkgutil.get_loader" && !ok {
		return nil
	}
	util, edits, ok := moduleRefAt(p, call, "importlib.util")
	if !ok || !builtinVisible(p, call, "getattr") {
		return nil
	}
	text := "getattr(" + util + ".find_spec(" + p.Text(call.Args[0]) + "), \"loader\", None)"
	edits = append(edits, checks.Replace(checks.SpanOf(call), text))
	return newFix("Replace with `importlib.util.find_spec(...).loader`", checks.Unsafe, edits...)
}
