package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// DA002 reports the name __annotations__ used as a variable of a module or
// class body.
var DA002 = &checks.Rule{
	Code:     "DA002",
	Name:     "annotations-namespace-name",
	Summary:  "the bare name `__annotations__` in a module or class body, which Python 3.14 no longer binds",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindName, ast.KindSubscript, ast.KindCall},
	Check:    checkDA002,
	// Every report is of a name, an attribute or a str constant "__annotations__".
	Applies: daNamesAnnotations,
	Doc: `## What it does
Reports, in a module without ` + "`from __future__ import annotations`" + `:
- a read of the name ` + "`__annotations__`" + ` that no assignment in the module binds: in a module or
  class body, in a comprehension there, or in a function, which reads the module's global;
- ` + "`locals()['__annotations__']`" + ` and ` + "`vars()['__annotations__']`" + ` in a module or class body, and
  ` + "`globals()['__annotations__']`" + ` (also with ` + "`.get`" + `) anywhere;
- an assignment to the name ` + "`__annotations__`" + ` in a module or class body that also annotates
  names (a warning).

## Why it matters on Python 3.14
Module and class bodies used to create an ` + "`__annotations__`" + ` dictionary and fill it as each
annotated assignment ran. Since 3.14 they store an annotate function instead, and the name is not
bound while the body runs: reading or mutating it (` + "`__annotations__['x'] = int`" + `) raises
NameError, and the module's globals never contain it, so ` + "`globals()['__annotations__']`" + ` raises
KeyError. A body that assigns its own ` + "`__annotations__`" + ` dictionary silently replaces every
annotation the body declares: ` + "`C.__annotations__`" + ` is that dictionary alone.

With ` + "`from __future__ import annotations`" + ` the old behaviour is kept, so such modules are not
reported.

## Example
` + "```python" + `
class Config:
    host: str
    port: int
    FIELDS = tuple(__annotations__)
` + "```" + `

## Use instead
` + "```python" + `
import annotationlib

class Config:
    host: str
    port: int

Config.FIELDS = tuple(annotationlib.get_annotations(Config))
` + "```" + `

## Fix safety
No fix is offered. The class object does not exist while its body runs, and
` + "`sys.modules[__name__].__annotations__`" + ` is not cached while a module is still executing, so
mutations through it are lost; the code has to read the annotations after the class or module
has been created.

## References
- [PEP 749: Implementing PEP 649](https://peps.python.org/pep-0749/)
- [Annotations best practices](https://docs.python.org/3.14/howto/annotations.html)
`,
}

func checkDA002(p *checks.Pass, n ast.Node) {
	m := p.Model
	switch n := n.(type) {
	case *ast.Name:
		if n.Id != "__annotations__" || futureAnnotations(p) != nil || daOnlyBefore314(m, n) {
			return
		}
		switch n.Ctx {
		case ast.Load:
			if m.Resolve(n) == semantic.NoBinding {
				p.Reportf(n, "`__annotations__` is not defined in Python 3.14: module and class bodies no longer bind it (NameError); read the annotations with `annotationlib.get_annotations` after the class or module exists")
			}
		case ast.Store:
			s := m.ScopeOf(n)
			if sc := m.Scope(s); (sc.Kind == semantic.ModuleScope || sc.Kind == semantic.ClassScope) && daScopeAnnotates(p, s) {
				p.Report(checks.Diagnostic{Span: checks.SpanOf(n), Severity: checks.Warning,
					Message: "assigning `__annotations__` in this body replaces its annotations in Python 3.14: the annotated names below and above are no longer part of `__annotations__`"})
			}
		}
	case *ast.Subscript:
		if n.Ctx != ast.Load {
			return
		}
		if k, ok := stringConstant(n.Slice); ok && k == "__annotations__" && futureAnnotations(p) == nil {
			da002NamespaceCall(p, n, n.Value, "KeyError")
		}
	case *ast.Call:
		attr, ok := n.Func.(*ast.Attribute)
		if !ok || attr.Attr != "get" || len(n.Args) == 0 {
			return
		}
		if k, ok := stringConstant(n.Args[0]); ok && k == "__annotations__" && futureAnnotations(p) == nil {
			da002NamespaceCall(p, n, attr.Value, "")
		}
	}
}

// da002NamespaceCall reports ns['__annotations__'] or
// ns.get('__annotations__') when ns is globals(), or locals() or vars() in
// a module or class body.
func da002NamespaceCall(p *checks.Pass, n ast.Node, ns ast.Expr, raises string) {
	m := p.Model
	call, ok := ns.(*ast.Call)
	if !ok || len(call.Args) != 0 || len(call.Keywords) != 0 || daOnlyBefore314(m, n) {
		return
	}
	q := m.QualifiedName(call.Func)
	what := ""
	switch q {
	case "builtins.globals":
		what = "the module's globals"
	case "builtins.locals", "builtins.vars":
		s := m.ScopeOf(n)
		for m.Scope(s).Kind == semantic.ComprehensionScope {
			s = m.Scope(s).Parent
		}
		switch m.Scope(s).Kind {
		case semantic.ModuleScope:
			what = "the module's namespace"
		case semantic.ClassScope:
			what = "the class namespace"
		default:
			return
		}
	default:
		return
	}
	effect := "this gives None"
	if raises != "" {
		effect = "this raises " + raises
	}
	p.Reportf(n, "%s has no `__annotations__` key in Python 3.14 (%s); use `annotationlib.get_annotations` on the finished class or module", what, effect)
}

// daScopeAnnotates reports whether a module or class body annotates a plain
// name.
func daScopeAnnotates(p *checks.Pass, s semantic.ScopeID) bool {
	for _, r := range annotationRootsIn(p, s) {
		if r.site == siteVariable && r.simpleTarget() {
			return true
		}
	}
	return false
}
