package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY214 reports as_uri() on pure paths, deprecated in Python 3.14.
var PY214 = &checks.Rule{
	Code:     "PY214",
	Name:     "deprecated-purepath-as-uri",
	Summary:  "`PurePath.as_uri()` is deprecated since Python 3.14 and will be removed in 3.19",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY214,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "pathlib") },
	Doc: portDoc(`## What it does
Reports ˋas_uri()ˋ called on a path made by ˋpathlib.PurePathˋ, ˋPurePosixPathˋ or
ˋPureWindowsPathˋ: directly on the constructor call, on a name assigned one, or on its
ˋ.parentˋ and the other path-returning methods.

## Why it matters on Python 3.14
Python 3.14 deprecated ˋas_uri()ˋ on pure paths (concrete paths keep it): ˋDeprecationWarning:
pathlib.PurePath.as_uri() is deprecated and scheduled for removal in Python 3.19. Use
pathlib.Path.as_uri().ˋ

## Example
ˋˋˋpython
from pathlib import PurePath

uri = PurePath("/srv/www/index.html").as_uri()
ˋˋˋ

## Use instead
ˋˋˋpython
from pathlib import Path

uri = Path("/srv/www/index.html").as_uri()
ˋˋˋ

## Fix safety
When ˋas_uri()ˋ is called on the constructor call itself, the fix calls the concrete class
instead: ˋPurePathˋ becomes ˋPathˋ, which is safe (both build the URI the same way; only the
wording of the ValueError for a relative path differs). ˋPurePosixPathˋ becomes ˋPosixPathˋ
and ˋPureWindowsPathˋ becomes ˋWindowsPathˋ, which is unsafe: a concrete path of the other
platform's kind cannot be created (ˋWindowsPathˋ raises on POSIX systems). A name that holds a
pure path is reported without a fix.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [Path.as_uri](https://docs.python.org/3.14/library/pathlib.html#pathlib.Path.as_uri)
`),
}

var concreteOfPure = map[string]string{
	"pathlib.PurePath": "Path", "pathlib.PurePosixPath": "PosixPath", "pathlib.PureWindowsPath": "WindowsPath",
}

func checkPY214(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	recv, m, ok := methodCall(call)
	if !ok || m != "as_uri" || len(call.Args)+len(call.Keywords) != 0 {
		return
	}
	cls := pathClass(p, recv)
	concrete, pure := concreteOfPure[cls]
	if !pure || portingExempt(p.Model, n, since314, false) {
		return
	}
	var fix *checks.Fix
	if ctor, ok := recv.(*ast.Call); ok && calledName(p, ctor) == cls {
		fix = concretePathFix(p, ctor, cls, concrete)
	}
	p.ReportFix(checks.SpanOf(call), "`"+cls+".as_uri()` is deprecated since Python 3.14 and will be removed in Python 3.19; use `pathlib."+concrete+"(...).as_uri()`", fix)
}

// concretePathFix makes the constructor call ctor of the pure class cls
// call the concrete class instead.
func concretePathFix(p *checks.Pass, ctor *ast.Call, cls, concrete string) *checks.Fix {
	app := checks.Unsafe
	if cls == "pathlib.PurePath" {
		app = checks.Safe
	}
	title := "Call `" + concrete + "` instead"
	switch f := ctor.Func.(type) {
	case *ast.Attribute: // pathlib.PurePath(...)
		return newFix(title, app, checks.Replace(checks.Span(f.End()-token.Pos(len(f.Attr)), f.End()), concrete))
	case *ast.Name: // PurePath(...) imported by name
		m := p.Model
		if id := m.Lookup(concrete, m.ScopeOf(ctor), ctor.Pos()); id != semantic.NoBinding {
			if m.Binding(id).Qualified != "pathlib."+concrete {
				return nil
			}
			return newFix(title, app, checks.Replace(checks.SpanOf(f), concrete))
		}
		mod, edits, ok := moduleRefAt(p, ctor, "pathlib")
		if !ok {
			return nil
		}
		return newFix(title, app, append(edits, checks.Replace(checks.SpanOf(f), mod+"."+concrete))...)
	}
	return nil
}
