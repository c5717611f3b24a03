package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// DA005 reports the private API of typing.ForwardRef that Python 3.14
// removed or deprecated.
var DA005 = &checks.Rule{
	Code:     "DA005",
	Name:     "forwardref-private-api",
	Summary:  "private `ForwardRef` API that Python 3.14 removed or deprecated",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindCall},
	Check:    checkDA005,
	// Every report is of one of ForwardRef's attributes, or of a call of
	// ForwardRef, which only an import of one of these modules names.
	Applies: func(p *checks.Pass) bool {
		return !daIsStub(p) && (indexFile(p).forwardRefAttrs || importsPackage(p, "typing", "annotationlib", "typing_extensions"))
	},
	Doc: `## What it does
Reports:
- the attributes ` + "`__forward_evaluated__`" + ` and ` + "`__forward_value__`" + ` (an error);
- ` + "`ForwardRef(...)`" + ` (from ` + "`typing`, `annotationlib` or `typing_extensions`" + `) called with more
  than one positional argument (an error);
- calls of ` + "`._evaluate(...)`" + ` on a ` + "`ForwardRef`" + `: a name assigned from ` + "`ForwardRef(...)`" + `,
  narrowed by ` + "`isinstance(x, ForwardRef)`" + `, or any call passing ` + "`recursive_guard=`" + ` (a warning;
  an error for the old form with the guard as third positional argument, a TypeError in 3.14).

Code under a ` + "`sys.version_info`" + ` check for older versions, a ` + "`hasattr`" + ` check, or in a
` + "`try`" + ` block that catches AttributeError is not reported.

## Why it matters on Python 3.14
` + "`typing.ForwardRef`" + ` is now ` + "`annotationlib.ForwardRef`" + `, rewritten for deferred annotations.
It no longer caches its value: ` + "`__forward_evaluated__`" + ` and ` + "`__forward_value__`" + ` raise
AttributeError. Every constructor argument after the string is keyword-only, so
` + "`ForwardRef(\"X\", False)`" + ` raises TypeError. ` + "`_evaluate`" + ` still works but emits
DeprecationWarning: it is kept only for compatibility and will be removed in Python 3.16.

## Example
` + "```python" + `
from typing import ForwardRef

ref = ForwardRef("Node", False)
value = ref._evaluate(globals(), None, recursive_guard=frozenset())
` + "```" + `

## Use instead
` + "```python" + `
from typing import ForwardRef

ref = ForwardRef("Node", is_argument=False)
value = ref.evaluate(globals=globals(), locals=None)
` + "```" + `

## Fix safety
Passing the positional constructor arguments by keyword (` + "`is_argument=`, `module=`" + `) is safe:
those keywords exist in every version that accepts the positional form.

` + "`x._evaluate(globalns, localns, type_params, recursive_guard=...)`" + ` becomes
` + "`x.evaluate(globals=globalns, locals=localns, type_params=type_params)`" + ` (the old three-argument
form ` + "`x._evaluate(globalns, localns, guard)`" + `, a TypeError in 3.14, loses its guard), only when the target is
3.14 or newer (older versions lack ` + "`evaluate`" + `). It is unsafe: ` + "`evaluate`" + ` does not cache the
result on the reference and handles recursive references by itself.

The two removed attributes have no fix: the value is whatever ` + "`evaluate`" + ` returns.

## References
- [annotationlib.ForwardRef](https://docs.python.org/3.14/library/annotationlib.html#annotationlib.ForwardRef)
- [typing.evaluate_forward_ref](https://docs.python.org/3.14/library/typing.html#typing.evaluate_forward_ref)
`,
}

func daForwardRefClass(m *semantic.Model, e ast.Expr) bool {
	return m.MatchesQualified(e, "typing.ForwardRef", "annotationlib.ForwardRef", "typing_extensions.ForwardRef")
}

func da005Guarded(m *semantic.Model, n ast.Node) bool {
	return daOnlyBefore314(m, n) || m.Guarded(n, semantic.TryGuard, semantic.HasAttrGuard, semantic.NotHasAttrGuard)
}

// da005DefinedHere reports whether the module assigns the attribute
// itself: then it is its own attribute (a class implementing the old
// ForwardRef), not ForwardRef's.
func da005DefinedHere(m *semantic.Model, attr string) bool {
	for i := range m.Nodes {
		if a, ok := m.Nodes[i].Node.(*ast.Attribute); ok && a.Attr == attr && a.Ctx == ast.Store {
			return true
		}
	}
	return false
}

func checkDA005(p *checks.Pass, n ast.Node) {
	m := p.Model
	switch n := n.(type) {
	case *ast.Attribute:
		if n.Attr != "__forward_evaluated__" && n.Attr != "__forward_value__" {
			return
		}
		if da005Guarded(m, n) || da005DefinedHere(m, n.Attr) {
			return
		}
		p.ReportFix(checks.Span(n.Value.End(), n.End()),
			"`ForwardRef."+n.Attr+"` no longer exists in Python 3.14 (AttributeError): references do not cache their value; call `.evaluate()`", nil)
	case *ast.Call:
		if daForwardRefClass(m, n.Func) {
			da005Constructor(p, n)
			return
		}
		attr, ok := n.Func.(*ast.Attribute)
		if !ok || attr.Attr != "_evaluate" || da005Guarded(m, n) {
			return
		}
		guardKw := keyword(n, "recursive_guard") != nil
		if !guardKw && !daIsForwardRef(m, attr.Value) {
			return
		}
		if !guardKw && len(n.Args) == 3 {
			p.Report(checks.Diagnostic{
				Span:    checks.Span(attr.Value.End(), n.End()),
				Message: "`ForwardRef._evaluate` takes `recursive_guard` only by keyword in Python 3.14 (TypeError), and is deprecated; use `ForwardRef.evaluate()` or `typing.evaluate_forward_ref()`",
				Fix:     da005EvaluateFix(p, n, attr),
			})
			return
		}
		p.Report(checks.Diagnostic{
			Span:     checks.Span(attr.Value.End(), n.End()),
			Severity: checks.Warning,
			Message:  "`ForwardRef._evaluate` is deprecated in Python 3.14 (DeprecationWarning) and will be removed in 3.16; use `ForwardRef.evaluate()` or `typing.evaluate_forward_ref()`",
			Fix:      da005EvaluateFix(p, n, attr),
		})
	}
}

// da005Constructor reports ForwardRef(arg, is_argument, module) with
// positional arguments after the first.
func da005Constructor(p *checks.Pass, c *ast.Call) {
	if len(c.Args) < 2 || da005Guarded(p.Model, c) {
		return
	}
	names := []string{"", "is_argument", "module"}
	var fix *checks.Fix
	if len(c.Args) <= len(names) {
		fix = &checks.Fix{Title: "Pass the arguments after the first by keyword", Applicability: checks.Safe}
		for i, a := range c.Args[1:] {
			if _, ok := a.(*ast.Starred); ok || keyword(c, names[i+1]) != nil {
				fix = nil
				break
			}
			fix.Edits = append(fix.Edits, checks.Insert(a.Pos(), names[i+1]+"="))
		}
	}
	if _, ok := c.Args[0].(*ast.Starred); ok {
		fix = nil
	}
	p.ReportFix(checks.SpanOf(c), "`ForwardRef` takes only one positional argument in Python 3.14 (TypeError): pass `is_argument` and `module` by keyword", fix)
}

// daIsForwardRef reports whether e is known to hold a ForwardRef: a call of
// the class, a name whose only binding in its scope is assigned one, or a
// name narrowed by isinstance(e, ForwardRef) in an enclosing if.
func daIsForwardRef(m *semantic.Model, e ast.Expr) bool {
	if c, ok := e.(*ast.Call); ok {
		return daForwardRefClass(m, c.Func)
	}
	name, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	if id := m.Resolve(name); id != semantic.NoBinding {
		b := m.Binding(id)
		if b.Kind == semantic.Assignment && len(m.Scope(b.Scope).Bindings(b.Name)) == 1 {
			if as, ok := m.Parent(b.Node).(*ast.Assign); ok {
				if c, ok := as.Value.(*ast.Call); ok && daForwardRefClass(m, c.Func) {
					return true
				}
			}
		}
	}
	found := false
	m.Ancestors(name, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.If:
			if c, ok := a.Test.(*ast.Call); ok && m.MatchesQualified(c.Func, "builtins.isinstance") && len(c.Args) == 2 {
				if x, ok := c.Args[0].(*ast.Name); ok && x.Id == name.Id && daForwardRefClass(m, c.Args[1]) {
					found = true
					return false
				}
			}
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		}
		return true
	})
	return found
}

// da005EvaluateFix rewrites x._evaluate(g, l[, tp], recursive_guard=...)
// as x.evaluate(globals=g, locals=l[, type_params=tp]) for 3.14 targets.
func da005EvaluateFix(p *checks.Pass, c *ast.Call, attr *ast.Attribute) *checks.Fix {
	if p.TargetBelow(daVersion314()) || len(c.Args) > 3 {
		return nil
	}
	names := []string{"globals", "locals", "type_params"}
	args := c.Args
	if keyword(c, "recursive_guard") == nil && len(args) == 3 {
		// The old signature: the third argument is the recursive guard.
		args = args[:2]
	}
	var parts []string
	for i, a := range args {
		if _, ok := a.(*ast.Starred); ok {
			return nil
		}
		parts = append(parts, names[i]+"="+p.Text(a))
	}
	for _, k := range c.Keywords {
		switch k.Arg {
		case "recursive_guard":
		case "type_params":
			parts = append(parts, "type_params="+p.Text(k.Value))
		case "globalns":
			parts = append(parts, "globals="+p.Text(k.Value))
		case "localns":
			parts = append(parts, "locals="+p.Text(k.Value))
		default:
			return nil
		}
	}
	text := p.Text(attr.Value) + ".evaluate("
	for i, s := range parts {
		if i > 0 {
			text += ", "
		}
		text += s
	}
	text += ")"
	return &checks.Fix{
		Title:         "Replace `_evaluate(...)` with `evaluate(...)`",
		Applicability: checks.Unsafe,
		Edits:         []checks.Edit{checks.Replace(checks.SpanOf(c), text)},
	}
}
