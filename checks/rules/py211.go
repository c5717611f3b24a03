package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY211 reports mimetypes registrations of extensions without a leading
// dot, deprecated in Python 3.14.
var PY211 = &checks.Rule{
	Code:     "PY211",
	Name:     "undotted-mimetypes-extension",
	Summary:  "`mimetypes` `add_type()` with an extension without a dot is deprecated since Python 3.14 and will be an error in 3.16",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY211,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "mimetypes") },
	Doc: portDoc(`## What it does
Reports ˋmimetypes.add_type()ˋ, and ˋadd_type()ˋ on a ˋmimetypes.MimeTypesˋ object, given an
extension that is a non-empty string literal not starting with a dot.

## Why it matters on Python 3.14
Extensions are looked up with their dot (ˋ".json"ˋ), so an undotted registration never
matched any file name: ˋadd_type("text/x-foo", "foo")ˋ leaves ˋguess_type("a.foo")ˋ at
ˋ(None, None)ˋ. Python 3.14 deprecated it: ˋDeprecationWarning: Using undotted extensions is
deprecated and will raise a ValueError in Python 3.16ˋ.

## Example
ˋˋˋpython
import mimetypes

mimetypes.add_type("application/x-notebook", "ipynb")
ˋˋˋ

## Use instead
ˋˋˋpython
import mimetypes

mimetypes.add_type("application/x-notebook", ".ipynb")
ˋˋˋ

## Fix safety
The fix adds the dot. It is unsafe because it changes what the program does: the type now
gets registered for the extension, as was surely intended, where it was ignored before.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [mimetypes.add_type](https://docs.python.org/3.14/library/mimetypes.html#mimetypes.add_type)
`),
}

func checkPY211(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	isAddType := calls(p, call, "mimetypes.add_type")
	if recv, m, ok := methodCall(call); ok && m == "add_type" && producedBy(p, recv) == "mimetypes.MimeTypes" {
		isAddType = true
	}
	if !isAddType {
		return
	}
	arg := argument(call, 1, "ext")
	ext, ok := stringConstant(arg)
	if !ok || ext == "" || strings.HasPrefix(ext, ".") || portingExempt(p.Model, n, since314, false) {
		return
	}
	var fix *checks.Fix
	text := p.Text(arg)
	if i := strings.IndexAny(text, `'"`); i >= 0 && !strings.ContainsAny(text[:i], "bBfFtT") {
		q := text[i : i+1]
		if len(text) >= i+6 && text[i:i+3] == strings.Repeat(q, 3) {
			q = text[i : i+3]
		}
		if strings.HasSuffix(text, q) && len(text) >= i+2*len(q) && !strings.Contains(text[i+len(q):len(text)-len(q)], q[:1]) {
			at := arg.Pos() + token.Pos(i+len(q))
			fix = newFix("Add the leading dot", checks.Unsafe, checks.Insert(at, "."))
		}
	}
	p.ReportFix(checks.SpanOf(arg), "extension "+strings.TrimSpace(text)+" has no leading dot: deprecated since Python 3.14 and a ValueError from Python 3.16, and it never matched a file name", fix)
}
