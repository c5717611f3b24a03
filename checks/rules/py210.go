package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY210 reports logging handlers whose constructor takes strm, a
// spelling dictConfig stops supporting in Python 3.16.
var PY210 = &checks.Rule{
	Code:     "PY210",
	Name:     "logging-handler-strm-parameter",
	Summary:  "logging handlers taking `strm` instead of `stream` are deprecated since Python 3.14 and unsupported from 3.16",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindClassDef},
	Check:    checkPY210,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "logging") },
	Doc: portDoc(`## What it does
Reports the ˋstrmˋ parameter of the ˋ__init__ˋ of a class that derives from a ˋloggingˋ or
ˋlogging.handlersˋ handler class.

## Why it matters on Python 3.14
ˋlogging.config.dictConfig()ˋ passes a handler's ˋstreamˋ setting as ˋstream=ˋ and, when that
raises TypeError, retries with ˋstrm=ˋ for handlers written for Python 2.6. Python 3.14
deprecated the retry: ˋDeprecationWarning: Support for custom logging handlers with the 'strm'
argument is deprecated and scheduled for removal in Python 3.16. Define handlers with the
'stream' argument instead.ˋ From 3.16 such a handler fails to configure.

## Example
ˋˋˋpython
import logging

class ColorHandler(logging.StreamHandler):
    def __init__(self, strm=None):
        super().__init__(strm)
ˋˋˋ

## Use instead
ˋˋˋpython
import logging

class ColorHandler(logging.StreamHandler):
    def __init__(self, stream=None):
        super().__init__(stream)
ˋˋˋ

## Fix safety
The fix renames the parameter and its uses in the method. It is unsafe: code elsewhere that
passes ˋstrm=ˋ by keyword breaks. It is not offered when the method already uses the name
ˋstreamˋ.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [logging.config dictionary schema](https://docs.python.org/3.14/library/logging.config.html#dictionary-schema-details)
`),
}

func checkPY210(p *checks.Pass, n ast.Node) {
	c := n.(*ast.ClassDef)
	handler := false
	for _, b := range c.Bases {
		q := p.Model.QualifiedName(b)
		if (strings.HasPrefix(q, "logging.") || strings.HasPrefix(q, "logging.handlers.")) && strings.HasSuffix(q, "Handler") {
			handler = true
		}
	}
	if !handler {
		return
	}
	for _, s := range c.Body {
		fn, ok := s.(*ast.FunctionDef)
		if !ok || fn.Name != "__init__" || portingExempt(p.Model, fn, since314, false) {
			continue
		}
		for a := range fn.Args.All() {
			if a.Arg == "strm" {
				p.ReportFix(checks.SpanOf(a),
					"handler parameter `strm` is deprecated since Python 3.14 and unsupported by `dictConfig()` from Python 3.16; name it `stream`",
					strmRenameFix(p, fn, a))
			}
		}
	}
}

// strmRenameFix renames the parameter strm of fn to stream, with every
// name that reads or rebinds the local variable strm.
func strmRenameFix(p *checks.Pass, fn *ast.FunctionDef, param *ast.Arg) *checks.Fix {
	m := p.Model
	scope, ok := m.ScopeFor(fn)
	if !ok {
		return nil
	}
	edits := []checks.Edit{checks.Replace(checks.Span(param.Pos(), param.Pos()+token.Pos(len("strm"))), "stream")}
	for i := range m.Nodes {
		name, ok := m.Nodes[i].Node.(*ast.Name)
		if !ok || name.Pos() < fn.Pos() || name.End() > fn.End() {
			continue
		}
		switch {
		case name.Id == "stream":
			return nil
		case name.Id == "strm" && m.Nodes[i].Ref != semantic.NoBinding && m.Binding(m.Nodes[i].Ref).Scope == scope:
			edits = append(edits, checks.Replace(checks.SpanOf(name), "stream"))
		}
	}
	return newFix("Rename `strm` to `stream`", checks.Unsafe, edits...)
}
