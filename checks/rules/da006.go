package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// DA006 reports names in annotations that are rebound or deleted after the
// annotation, or change on every iteration of a loop around it.
var DA006 = &checks.Rule{
	Code:     "DA006",
	Name:     "late-bound-annotation-name",
	Summary:  "a name read by an annotation and rebound or deleted after it, which Python 3.14 sees at its final value",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixNone,
	File:     checkDA006,
	Doc: `## What it does
Reports a name read by an annotation of a def, or of a module- or class-level variable, when the
name had a value at the annotation and the same scope (or a scope that is still running, such as
the module around a class body):
- binds it again later (` + "`mytype = int`" + ` after ` + "`def k(a: mytype)`" + `), or
- deletes it later (` + "`del T`" + ` in a class body, a helper deleted at the end of a module), or
- the annotated def or variable is inside a loop that binds the name (the loop variable).

Class-body rebindings of class attributes are DA004's. Bindings under ` + "`if TYPE_CHECKING:`" + `,
rebindings that wrap the old value (` + "`Node = total_ordering(Node)`" + `) and modules with
` + "`from __future__ import annotations`" + ` (whose string annotations were already resolved late) are
not reported.

## Why it matters on Python 3.14
An annotation captures the variable, not its value: it is evaluated when the annotations are first
read, after the module or class has finished running. A rebound name gives the new value, a
deleted one raises NameError (or, in a class body, falls back to the global of that name), and
every function defined in a loop sees the loop variable's last value. Earlier versions evaluated
the annotation where it stood.

## Example
` + "```python" + `
Number = int

def scale(x: Number) -> Number:
    return x * 2

Number = float

handlers = []
for kind in (int, str):
    def handle(value: kind) -> None: ...
    handlers.append(handle)
` + "```" + `

## Use instead
` + "```python" + `
Integer = int

def scale(x: Integer) -> Integer:
    return x * 2

Number = float

handlers = []
def make_handler(kind):
    def handle(value: kind) -> None: ...
    return handle
for kind in (int, str):
    handlers.append(make_handler(kind))
` + "```" + `

## Fix safety
No fix is offered: the right fix (a stable alias, a factory function, keeping a deleted helper)
depends on what the name is for.

## References
- [PEP 649: Backwards compatibility with stock semantics](https://peps.python.org/pep-0649/#backwards-compatibility)
- [PEP 749: Implementing PEP 649](https://peps.python.org/pep-0749/)
`,
}

func checkDA006(p *checks.Pass) {
	if daIsStub(p) {
		return
	}
	if futureAnnotations(p) != nil {
		return
	}
	m := p.Model
	roots := annotationRoots(p)
	for i := range roots {
		r := &roots[i]
		if !r.lazyIn314(m) || m.InTypeChecking(r.owner) || daOnlyBefore314(m, r.owner) {
			continue
		}
		pos := r.evalPos()
		live := daLiveScopes(m, r.scope)
		for _, name := range annotationNames(r.expr) {
			id := m.Resolve(name)
			if id == semantic.NoBinding {
				continue
			}
			t := m.Binding(id).Scope
			if !daContainsScope(live, t) || m.Binding(id).Kind == semantic.TypeParameter {
				continue
			}
			da006Name(p, r, name, t, pos)
		}
	}
}

// da006Name checks one name of an annotation evaluated at pos, bound in
// scope t.
func da006Name(p *checks.Pass, r *annotationRoot, name *ast.Name, t semantic.ScopeID, pos token.Pos) {
	m := p.Model
	ids := m.Scope(t).Bindings(name.Id)
	var held []semantic.BindingID // the bindings made before pos
	last := semantic.NoBinding    // the last binding or deletion after pos
	for _, id := range ids {
		b := m.Binding(id)
		if daBindingInTypeChecking(m, id) || m.ScopeOf(b.Node) != t && b.Kind != semantic.Parameter {
			continue
		}
		if b.Kind != semantic.Deletion && !daRunsAtRuntime(m, id) {
			continue
		}
		if daBindingPos(m, id) <= pos {
			if b.Kind != semantic.Deletion {
				held = append(held, id)
			}
			continue
		}
		if b.Kind != semantic.Deletion && (daWrapsOldValue(m, b) || daRepeatsBinding(p, held, id)) {
			continue
		}
		last = id
	}
	if len(held) == 0 {
		// A forward reference: no value at the annotation (DA010's case).
		return
	}
	if last != semantic.NoBinding {
		b := m.Binding(last)
		line := daAnnLine(p, b.Span.Start)
		if b.Kind == semantic.Deletion {
			if m.Scope(t).Kind == semantic.ClassScope {
				p.Reportf(name, "`%s` is deleted from the class on line %d: Python 3.14 evaluates this annotation after the class body has run, when the name is gone (NameError, or the global of that name)", name.Id, line)
			} else {
				p.Reportf(name, "`%s` is deleted on line %d: Python 3.14 evaluates this annotation when it is first read, after the deletion (NameError)", name.Id, line)
			}
			return
		}
		if m.Scope(t).Kind == semantic.ClassScope && t == r.scope {
			return // DA004
		}
		p.Reportf(name, "`%s` is rebound on line %d: Python 3.14 evaluates this annotation when it is first read and sees the value bound there, not the one it had here", name.Id, line)
		return
	}
	if loop := da006Loop(m, r.owner, t, name.Id); loop != nil {
		p.Reportf(name, "`%s` changes on every iteration of the loop on line %d: Python 3.14 evaluates this annotation when it is first read, when the name holds its last value", name.Id, daAnnLine(p, loop.Pos()))
	}
}

// daRepeatsBinding reports whether a later binding gives the name the same
// value as one of the earlier ones: an import of the same name from the
// same module (also once relative, once absolute, as in `from .console
// import Console` and, in a __main__ block, `from rich.console import
// Console`), or an assignment of the same expression text.
func daRepeatsBinding(p *checks.Pass, earlier []semantic.BindingID, id semantic.BindingID) bool {
	m := p.Model
	b := m.Binding(id)
	for _, e := range earlier {
		a := m.Binding(e)
		switch {
		case a.IsImport() && b.IsImport():
			if daSameImport(a.Qualified, b.Qualified) {
				return true
			}
		case a.Kind == semantic.Assignment && b.Kind == semantic.Assignment:
			va, vb := daAssignedValue(m, a), daAssignedValue(m, b)
			if va != nil && vb != nil && p.Text(va) == p.Text(vb) {
				return true
			}
		}
	}
	return false
}

// daSameImport reports whether two qualified import names can name the same
// object: equal, or one relative and the other ending with its path.
func daSameImport(a, b string) bool {
	if a == b {
		return true
	}
	if strings.HasPrefix(b, ".") {
		a, b = b, a
	}
	if !strings.HasPrefix(a, ".") || strings.HasPrefix(b, ".") {
		return false
	}
	return strings.HasSuffix(b, "."+strings.TrimLeft(a, "."))
}

// daAssignedValue returns the value of a plain assignment binding, or nil.
func daAssignedValue(m *semantic.Model, b *semantic.Binding) ast.Expr {
	as, ok := m.Parent(b.Node).(*ast.Assign)
	if !ok || len(as.Targets) != 1 || as.Targets[0] != b.Node {
		return nil
	}
	return as.Value
}

// daWrapsOldValue reports whether a binding assigns a value computed from
// the name itself (X = decorate(X)): the name keeps meaning the same
// thing, decorated.
func daWrapsOldValue(m *semantic.Model, b *semantic.Binding) bool {
	if b.Kind != semantic.Assignment {
		return false
	}
	as, ok := m.Parent(b.Node).(*ast.Assign)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(as.Value, func(n ast.Node) bool {
		if x, ok := n.(*ast.Name); ok && x.Id == b.Name {
			found = true
		}
		return !found
	})
	return found
}

// da006Loop returns the innermost loop of scope t around owner that binds
// name, or nil.
func da006Loop(m *semantic.Model, owner ast.Node, t semantic.ScopeID, name string) ast.Node {
	if m.ScopeOf(owner) != t {
		return nil
	}
	var found ast.Node
	m.Ancestors(owner, func(a ast.Node) bool {
		switch a.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Lambda, *ast.Module:
			return false
		case *ast.For, *ast.AsyncFor, *ast.While:
			for _, id := range m.Scope(t).Bindings(name) {
				b := m.Binding(id)
				if daRunsAtRuntime(m, id) && b.Span.Start >= a.Pos() && b.Span.End <= a.End() {
					found = a
					return false
				}
			}
		}
		return true
	})
	return found
}
