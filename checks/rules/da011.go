package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// DA011 reports `from __future__ import annotations` in code that needs
// Python 3.14 or newer.
var DA011 = &checks.Rule{
	Code:     "DA011",
	Name:     "future-annotations-import",
	Summary:  "`from __future__ import annotations` in code whose target is Python 3.14 or newer",
	Severity: checks.Info,
	Default:  false,
	Fix:      checks.FixSometimes,
	File:     checkDA011,
	Applies: func(p *checks.Pass) bool {
		return !daIsStub(p) && futureAnnotations(p) != nil && !p.TargetBelow(daVersion314())
	},
	Doc: `## What it does
Reports ` + "`from __future__ import annotations`" + ` when the target is 3.14 or newer, where annotations
are evaluated lazily without it. It offers to remove the import only when nothing in the module
reads annotations at run time (the readers DA009 knows, ` + "`__annotations__`" + ` in any form).

## Why it matters on Python 3.14
The import still works and does not warn in 3.14, but it is deprecated: PEP 749 plans a
DeprecationWarning once Python 3.13 is no longer supported, and a SyntaxError later. Removing it is
not a cosmetic change. With it, every annotation is a string at run time; without it, each
annotation is evaluated the first time it is read:
- ` + "`__annotations__`" + `, ` + "`inspect.signature`" + ` and ` + "`annotationlib.get_annotations`" + ` give objects
  instead of strings, and names imported only under ` + "`if TYPE_CHECKING:`" + ` raise NameError there;
- ` + "`annotationlib.get_annotations(format=Format.FORWARDREF)`" + ` gives ` + "`ForwardRef`" + ` objects
  instead of strings for undefined names;
- class bodies no longer have an ` + "`__annotations__`" + ` name or namespace key (see DA002 and DA003),
  and ` + "`cls.__annotate__`" + ` is no longer None;
- libraries that read annotations (pydantic, attrs, FastAPI, SQLAlchemy...) see evaluated objects;
  annotations that only a type checker understands (` + "`list[int] | \"Node\"`" + `) may raise TypeError
  when evaluated.

## Example
` + "```python" + `
from __future__ import annotations

def area(shape: Shape) -> float: ...

class Shape: ...
` + "```" + `

## Use instead
` + "```python" + `
def area(shape: Shape) -> float: ...

class Shape: ...
` + "```" + `

## Fix safety
The removal is unsafe and offered only when the module has no run-time reader of annotations.
Other modules may still read the annotations of this one (a base class imported from elsewhere,
a framework that inspects functions): for them every annotation changes from a string to an
evaluated object.

## References
- [PEP 749: the future import](https://peps.python.org/pep-0749/)
- [What's New in Python 3.14: annotations](https://docs.python.org/3.14/whatsnew/3.14.html#pep-649-and-pep-749-deferred-evaluation-of-annotations)
`,
}

func checkDA011(p *checks.Pass) {
	removable := !daRuntimeReaders(p).any && !daMentionsAnnotations(p)
	for _, s := range p.Model.Module.Body {
		imp, ok := s.(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" || imp.Level != 0 {
			continue
		}
		for _, alias := range imp.Names {
			if alias.Name != "annotations" {
				continue
			}
			var fix *checks.Fix
			if removable {
				if edit, ok := da011Removal(p, imp, alias); ok {
					fix = &checks.Fix{Title: "Remove `annotations` from the future import", Applicability: checks.Unsafe, Edits: []checks.Edit{edit}}
				}
			}
			p.ReportFix(checks.SpanOf(alias), "Python 3.14 evaluates annotations lazily without `from __future__ import annotations`; removing it turns string annotations into evaluated objects at run time", fix)
		}
	}
}

// daMentionsAnnotations reports whether the module names __annotations__ or
// __annotate__ anywhere: as a name, an attribute or a string.
func daMentionsAnnotations(p *checks.Pass) bool {
	for i := range p.Model.Nodes {
		switch n := p.Model.Nodes[i].Node.(type) {
		case *ast.Name:
			if n.Id == "__annotations__" || n.Id == "__annotate__" {
				return true
			}
		case *ast.Attribute:
			if n.Attr == "__annotations__" || n.Attr == "__annotate__" {
				return true
			}
		case *ast.Constant:
			if n.Value.Kind == ast.StrValue && (n.Value.Text == "__annotations__" || n.Value.Text == "__annotate__") {
				return true
			}
		}
	}
	return false
}

// da011Removal returns the edit removing one name from a future import:
// the whole statement line when it is the only name and alone on its
// line, else the name and a comma next to it.
func da011Removal(p *checks.Pass, imp *ast.ImportFrom, alias *ast.Alias) (checks.Edit, bool) {
	src := p.Src()
	if len(imp.Names) > 1 {
		for i, a := range imp.Names {
			if a != alias {
				continue
			}
			if i+1 < len(imp.Names) {
				return checks.Delete(checks.Span(a.Pos(), imp.Names[i+1].Pos())), true
			}
			return checks.Delete(checks.Span(imp.Names[i-1].End(), a.End())), true
		}
	}
	start := daStmtLineStart(src, imp.Pos())
	if start != imp.Pos() {
		return checks.Edit{}, false // not alone on its line
	}
	end := int(imp.End())
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	switch {
	case end == len(src):
	case src[end] == '\n':
		end++
	case src[end] == '\r':
		end++
		if end < len(src) && src[end] == '\n' {
			end++
		}
	default:
		// A comment or another statement follows on the line: remove the
		// import only.
		return checks.Delete(checks.Span(imp.Pos(), token.Pos(end))), src[end] == '#'
	}
	return checks.Delete(checks.Span(start, token.Pos(end))), true
}
