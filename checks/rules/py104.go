package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY104 reports the resource classes that Python 3.14 removed from
// importlib.abc.
var PY104 = &checks.Rule{
	Code:     "PY104",
	Name:     "removed-importlib-abc-resource-class",
	Summary:  "`importlib.abc.ResourceReader`, `Traversable` and `TraversableResources` were removed in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY104,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "importlib") },
	Doc: portDoc(`## What it does
Reports ˋimportlib.abc.ResourceReaderˋ, ˋimportlib.abc.Traversableˋ and
ˋimportlib.abc.TraversableResourcesˋ, and imports of them from ˋimportlib.abcˋ.

## Why it matters on Python 3.14
The three classes moved to ˋimportlib.resources.abcˋ in 3.11; the old names were deprecated
in 3.12 and Python 3.14 removed them. ˋimportlib.abc.Traversableˋ raises AttributeError and
ˋfrom importlib.abc import Traversableˋ raises ImportError.

## Example
ˋˋˋpython
from importlib.abc import Traversable
ˋˋˋ

## Use instead
ˋˋˋpython
from importlib.resources.abc import Traversable
ˋˋˋ

## Fix safety
The fix imports the same classes from ˋimportlib.resources.abcˋ (adding ˋimport
importlib.resources.abcˋ for the attribute spelling). It is safe: they are the same classes.
It is offered when the target is Python 3.11 or newer, where that module exists, and for a
from-import only when every name it imports moved.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [importlib.resources.abc](https://docs.python.org/3.14/library/importlib.resources.abc.html)
`),
}

var resourceABCs = map[string]bool{"ResourceReader": true, "Traversable": true, "TraversableResources": true}

var resourceABCsLasts = lastNamesOf(resourceABCs)

func checkPY104(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, resourceABCsLasts, func(q string, ref ast.Node) {
		mod, name, _ := cutLast(q)
		if mod != "importlib.abc" || !resourceABCs[name] || portingExempt(p.Model, n, since314, true) {
			return
		}
		msg := "`" + q + "` was removed in Python 3.14: " + refWording(ref) + " raises " + failure(ref) +
			"; use `importlib.resources.abc." + name + "`"
		var fix *checks.Fix
		if !p.TargetBelow(since311) {
			fix = resourceABCFix(p, n, ref, name)
		}
		p.ReportFix(checks.SpanOf(ref), msg, fix)
	})
}

func resourceABCFix(p *checks.Pass, n, ref ast.Node, name string) *checks.Fix {
	title := "Import `" + name + "` from `importlib.resources.abc`"
	switch n := n.(type) {
	case *ast.Attribute:
		mod, edits, ok := moduleRefAt(p, n, "importlib.resources.abc")
		if !ok {
			return nil
		}
		edits = append(edits, checks.Replace(checks.SpanOf(n), mod+"."+name))
		return newFix(title, checks.Safe, edits...)
	case *ast.ImportFrom:
		for _, a := range n.Names {
			if !resourceABCs[a.Name] {
				return nil
			}
		}
		e, ok := fromModuleEdit(p, n, "importlib.resources.abc")
		if !ok {
			return nil
		}
		return newFix(title, checks.Safe, e)
	}
	return nil
}
