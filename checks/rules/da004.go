package rules

import (
	"fmt"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// DA004 reports class-body names that change what an annotation of the
// class means once annotations are evaluated lazily.
var DA004 = &checks.Rule{
	Code:     "DA004",
	Name:     "annotation-shadowed-by-class-attribute",
	Summary:  "a class attribute bound after an annotation of the class that reads the same name",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindClassDef},
	Check:    checkDA004,
	Applies:  daClassAnnotationsLazy,
	Doc: `## What it does
Reports a name read by an annotation in a class body (an annotated attribute, or a parameter or
return annotation of a method) when the class body binds that name after the annotation: a field
` + "`date: date`" + ` followed by ` + "`date = ...`" + `, a method named ` + "`str`, `int`, `bytes`" + ` or
` + "`list`" + ` while annotations of the class use the builtin, an attribute rebound later in the body.

Only the class's own body counts. Bindings under ` + "`if TYPE_CHECKING:`" + ` never run and are ignored, and
modules with ` + "`from __future__ import annotations`" + ` are not checked (string annotations were
already resolved against the finished class).

## Why it matters on Python 3.14
Annotations used to be evaluated where they stood, while the class body ran: a name that the
class had not bound yet meant the global or the builtin. Since 3.14 they are evaluated when they
are first read, after the class has been created, against its final namespace: the class
attribute wins. Nothing fails; ` + "`annotationlib.get_annotations`" + `, dataclasses, pydantic and
every other consumer silently see the class attribute (` + "`None`" + `, a method) instead of the type.

## Example
` + "```python" + `
from datetime import date

class Event:
    date: date

    def title(self) -> str:
        return "event"

    def str(self):
        return self.title()

    date = None
` + "```" + `

## Use instead
` + "```python" + `
import builtins
import datetime
from datetime import date

class Event:
    date: datetime.date

    def title(self) -> builtins.str:
        return "event"

    def str(self):
        return self.title()

    date = None
` + "```" + `

## Fix safety
When the class had not bound the name yet at the annotation, the fix qualifies the name with the
module it came from (` + "`builtins.str`" + `, ` + "`datetime.date`" + ` for a name imported with
` + "`from datetime import date`" + `) and adds the import if needed. The fix is safe: Python 3.14
then resolves the object that earlier versions resolved. There is no fix when the name is defined
in the module itself, imported relatively, or when the class had already bound the name before
the annotation (keeping the old value would take a new class attribute).

## References
- [PEP 649: Deferred evaluation of annotations](https://peps.python.org/pep-0649/)
- [PEP 749: Implementing PEP 649](https://peps.python.org/pep-0749/)
`,
}

// daClassAnnotationsLazy reports whether the module, not a stub and
// without the future import, has annotations evaluated in a class body:
// every report of DA004 is about one.
func daClassAnnotationsLazy(p *checks.Pass) bool {
	if daIsStub(p) || futureAnnotations(p) != nil {
		return false
	}
	roots := annotationRoots(p)
	for i := range roots {
		if p.Model.Scope(roots[i].scope).Kind == semantic.ClassScope {
			return true
		}
	}
	return false
}

func checkDA004(p *checks.Pass, n ast.Node) {
	class := n.(*ast.ClassDef)
	m := p.Model
	cs, ok := m.ScopeFor(class)
	if !ok {
		return
	}
	for _, r := range annotationRootsIn(p, cs) {
		if !r.lazyIn314(m) || m.InTypeChecking(r.owner) {
			continue
		}
		pos := r.evalPos()
		for _, name := range annotationNames(r.expr) {
			if id := m.Resolve(name); id != semantic.NoBinding && m.Binding(id).Kind == semantic.TypeParameter {
				continue
			}
			before, later := daSplitClassBindings(m, cs, name.Id, pos)
			if later == semantic.NoBinding {
				continue
			}
			line := daAnnLine(p, m.Binding(later).Span.Start)
			if before {
				p.Reportf(name, "`%s` is rebound in the class on line %d: Python 3.14 evaluates this annotation after the class body has run and sees the new value", name.Id, line)
				continue
			}
			meant, ref, mod := da004Meaning(p, class, name)
			var fix *checks.Fix
			if ref != "" {
				fix = da004Fix(p, name, ref, mod)
			}
			p.ReportFix(checks.SpanOf(name), fmt.Sprintf("Python 3.14 evaluates this annotation after the class body has run: `%s` is then the class attribute bound on line %d, not %s", name.Id, line, meant), fix)
		}
	}
}

// daSplitClassBindings looks at the runtime bindings of name in the class
// scope cs: whether one holds at pos, and the last one after pos when it
// is still in force at the end of the body (NoBinding when there is none,
// or when the name is deleted again).
func daSplitClassBindings(m *semantic.Model, cs semantic.ScopeID, name string, pos token.Pos) (bool, semantic.BindingID) {
	before := false
	later := semantic.NoBinding
	for _, id := range m.Scope(cs).Bindings(name) {
		b := m.Binding(id)
		if b.Kind == semantic.Deletion {
			if !daBindingInTypeChecking(m, id) && daBindingPos(m, id) > pos {
				later = semantic.NoBinding
			}
			continue
		}
		if !daRunsAtRuntime(m, id) {
			continue
		}
		if daBindingPos(m, id) <= pos {
			before = true
		} else {
			later = id
		}
	}
	return before, later
}

// da004Meaning describes what name meant in an annotation of class before
// 3.14, and returns the qualified reference that still means it with the
// module it needs ("builtins.str", "builtins"), or "" when there is none.
func da004Meaning(p *checks.Pass, class *ast.ClassDef, name *ast.Name) (meant, ref, mod string) {
	m := p.Model
	for _, tp := range class.TypeParams {
		if v, ok := tp.(*ast.TypeVar); ok && v.Name == name.Id {
			return "the type parameter `" + name.Id + "`", "", ""
		}
	}
	id := m.Lookup(name.Id, m.ScopeOf(class), class.Pos())
	if id == semantic.NoBinding {
		if semantic.IsBuiltin(name.Id) {
			return "the builtin `" + name.Id + "`", "builtins." + name.Id, "builtins"
		}
		return "the global `" + name.Id + "`", "", ""
	}
	b := m.Binding(id)
	switch {
	case b.Kind == semantic.FromImport && !strings.HasPrefix(b.Qualified, "."):
		i := strings.LastIndexByte(b.Qualified, '.')
		return "`" + b.Qualified + "`", b.Qualified, b.Qualified[:i]
	case b.Kind == semantic.Import:
		return "the module `" + b.Qualified + "`", "", ""
	}
	return "the global `" + name.Id + "`", "", ""
}

// da004Fix replaces name with the qualified reference ref, importing mod.
func da004Fix(p *checks.Pass, name *ast.Name, ref, mod string) *checks.Fix {
	modName, edits, ok := daModuleRef(p, name, mod)
	if !ok {
		return nil
	}
	text := modName + ref[len(mod):]
	edits = append(edits, checks.Replace(checks.SpanOf(name), text))
	daSortEdits(edits)
	return &checks.Fix{Title: "Replace `" + name.Id + "` with `" + text + "`", Applicability: checks.Safe, Edits: edits}
}
