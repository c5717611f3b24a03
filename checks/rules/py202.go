package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY202 reports asyncio.iscoroutinefunction, deprecated in Python 3.14.
var PY202 = &checks.Rule{
	Code:     "PY202",
	Name:     "deprecated-asyncio-iscoroutinefunction",
	Summary:  "`asyncio.iscoroutinefunction()` is deprecated since Python 3.14 and will be removed in 3.16",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY202,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "asyncio") },
	Doc: portDoc(`## What it does
Reports ˋasyncio.iscoroutinefunctionˋ and imports of it.

## Why it matters on Python 3.14
Python 3.14 deprecated it: every call warns ˋDeprecationWarning: 'asyncio.iscoroutinefunction'
is deprecated and slated for removal in Python 3.16; use inspect.iscoroutinefunction()
insteadˋ, and Python 3.16 removes it.

## Example
ˋˋˋpython
import asyncio

if asyncio.iscoroutinefunction(handler):
    ...
ˋˋˋ

## Use instead
ˋˋˋpython
import inspect

if inspect.iscoroutinefunction(handler):
    ...
ˋˋˋ

## Fix safety
The fix uses ˋinspect.iscoroutinefunctionˋ (importing ˋinspectˋ when needed, or importing the
name from ˋinspectˋ when the from-import imports nothing else). It is unsafe: the asyncio
function also answers True for objects carrying asyncio's private ˋ_is_coroutineˋ marker,
which some compiled or wrapped coroutine functions (Cython's, for one) set and ˋinspectˋ
does not look at.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [inspect.iscoroutinefunction](https://docs.python.org/3.14/library/inspect.html#inspect.iscoroutinefunction)
`),
}

var iscoroutinefunctionNames = lastNames("asyncio.iscoroutinefunction")

func checkPY202(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, iscoroutinefunctionNames, func(q string, ref ast.Node) {
		if q != "asyncio.iscoroutinefunction" && q != "asyncio.coroutines.iscoroutinefunction" || portingExempt(p.Model, n, since314, false) {
			return
		}
		var fix *checks.Fix
		title := "Use `inspect.iscoroutinefunction`"
		switch n := n.(type) {
		case *ast.Attribute:
			if mod, edits, ok := moduleRefAt(p, n, "inspect"); ok {
				fix = newFix(title, checks.Unsafe, append(edits, checks.Replace(checks.SpanOf(n), mod+".iscoroutinefunction"))...)
			}
		case *ast.ImportFrom:
			if importsOnly(n, "iscoroutinefunction") {
				if e, ok := fromModuleEdit(p, n, "inspect"); ok {
					fix = newFix(title, checks.Unsafe, e)
				}
			}
		}
		p.ReportFix(checks.SpanOf(ref), "`"+q+"` is deprecated since Python 3.14 and will be removed in Python 3.16; use `inspect.iscoroutinefunction`", fix)
	})
}
