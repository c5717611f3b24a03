package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// DA007 reports __annotations__ read through an instance.
var DA007 = &checks.Rule{
	Code:     "DA007",
	Name:     "instance-annotations",
	Summary:  "`__annotations__` read through an instance, an AttributeError in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindCall},
	Check:    checkDA007,
	// Every report is of a name, an attribute or a str constant "__annotations__".
	Applies: daNamesAnnotations,
	Doc: `## What it does
Reports ` + "`self.__annotations__`" + ` and ` + "`getattr(self, '__annotations__', ...)`" + ` in methods
(not class methods, static methods, ` + "`__new__`, `__init_subclass__`" + ` or methods of metaclasses),
and the same on a variable that holds an instance of a class of the module
(` + "`config = Config()`" + `).

Reads inside a ` + "`try`" + ` that catches AttributeError or under a ` + "`hasattr`" + ` check are not
reported.

## Why it matters on Python 3.14
Annotations are now computed by a descriptor on the class, which instances do not see: reading
` + "`__annotations__`" + ` on an instance raises AttributeError, and ` + "`getattr(self, '__annotations__',\n{})`" + `
silently returns the default. Earlier versions found the class's dictionary through the
instance, which What's New calls undocumented and accidental.

## Example
` + "```python" + `
class Record:
    name: str
    size: int

    def columns(self):
        return list(self.__annotations__)
` + "```" + `

## Use instead
` + "```python" + `
class Record:
    name: str
    size: int

    def columns(self):
        return list(type(self).__annotations__)
` + "```" + `

## Fix safety
The fix, ` + "`type(self).__annotations__`" + `, is safe: it reads the annotations of the instance's
class, which is what the instance read meant. The one difference from Python 3.13 is the quirk
the change removed: for an instance of a subclass that declares no annotations of its own, 3.13
found the nearest base class's dictionary, while ` + "`type(self).__annotations__`" + ` is the
subclass's own (empty) one, as ` + "`SubClass.__annotations__`" + ` has been since Python 3.10.
No fix is offered when the name ` + "`type`" + ` is rebound.

## References
- [What's New in Python 3.14: annotations](https://docs.python.org/3.14/whatsnew/3.14.html#pep-649-and-pep-749-deferred-evaluation-of-annotations)
- [Annotations best practices](https://docs.python.org/3.14/howto/annotations.html)
`,
}

func checkDA007(p *checks.Pass, n ast.Node) {
	m := p.Model
	var obj ast.Expr
	switch n := n.(type) {
	case *ast.Attribute:
		if n.Attr != "__annotations__" || n.Ctx != ast.Load {
			return
		}
		obj = n.Value
	case *ast.Call:
		if !m.MatchesQualified(n.Func, "builtins.getattr") || len(n.Args) < 2 {
			return
		}
		if k, ok := stringConstant(n.Args[1]); !ok || k != "__annotations__" {
			return
		}
		obj = n.Args[0]
	}
	name, ok := obj.(*ast.Name)
	if !ok || !daHoldsInstance(m, name) {
		return
	}
	if daOnlyBefore314(m, n) || m.Guarded(n, semantic.TryGuard, semantic.HasAttrGuard, semantic.NotHasAttrGuard) {
		return
	}
	var fix *checks.Fix
	if m.Lookup("type", m.ScopeOf(n), n.Pos()) == semantic.NoBinding {
		fix = &checks.Fix{
			Title:         "Replace `" + name.Id + "` with `type(" + name.Id + ")`",
			Applicability: checks.Safe,
			Edits:         []checks.Edit{checks.Replace(checks.SpanOf(name), "type("+name.Id+")")},
		}
	}
	msg := "instances have no `__annotations__` in Python 3.14 (AttributeError): only classes, functions and modules do; use `type(" + name.Id + ").__annotations__`"
	if _, ok := n.(*ast.Call); ok {
		msg = "instances have no `__annotations__` in Python 3.14: this `getattr` always gives its default (or raises AttributeError); read it from `type(" + name.Id + ")`"
	}
	p.ReportFix(checks.SpanOf(n), msg, fix)
}

// daHoldsInstance reports whether a name is known to hold an instance: the
// instance parameter of a method, or a variable whose only binding in its
// scope assigns a call of a class of the module.
func daHoldsInstance(m *semantic.Model, name *ast.Name) bool {
	id := m.Resolve(name)
	if id == semantic.NoBinding {
		return false
	}
	b := m.Binding(id)
	switch b.Kind {
	case semantic.Parameter:
		fn := m.Scope(b.Scope).Node
		self := daInstanceParam(m, fn, m.ClassOf(fn))
		return self != "" && self == name.Id && positionalParams(daMustArgs(fn))[0] == b.Node
	case semantic.Assignment:
		if len(m.Scope(b.Scope).Bindings(b.Name)) != 1 {
			return false
		}
		as, ok := m.Parent(b.Node).(*ast.Assign)
		if !ok || len(as.Targets) != 1 || as.Targets[0] != ast.Expr(b.Node.(*ast.Name)) {
			return false
		}
		c, ok := as.Value.(*ast.Call)
		return ok && daLocalClass(m, c.Func) != nil && !daIsMetaclass(m, daLocalClass(m, c.Func), 0)
	}
	return false
}

func daMustArgs(fn ast.Node) *ast.Arguments {
	args, _, _, _, _ := daDefParts(fn)
	return args
}
