package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// PY101 reports the ast node classes and attributes removed in 3.14.
var PY101 = &checks.Rule{
	Code:     "PY101",
	Name:     "removed-ast-constant-class",
	Summary:  "`ast.Num`, `ast.Str`, `ast.Bytes`, `ast.NameConstant`, `ast.Ellipsis` and `.n`/`.s` were removed in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindName, ast.KindImportFrom, ast.KindFunctionDef},
	Check:    checkPY101,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "ast") },
	Doc: `## What it does
Reports uses of the node classes that ` + "`ast`" + ` deprecated in 3.8 and Python 3.14 removed:
` + "`ast.Num`, `ast.Str`, `ast.Bytes`, `ast.NameConstant` and `ast.Ellipsis`" + `, the
` + "`.n` and `.s`" + ` aliases of ` + "`Constant.value`" + `, and ` + "`visit_Num`" + `-style methods
of ` + "`ast.NodeVisitor`" + ` subclasses, which are never called any more (unless the class
calls them itself, as in ` + "`return self.visit_Num(node)`" + ` from ` + "`visit_Constant`" + `).

## Why it matters on Python 3.14
The classes are gone: ` + "`ast.Num`" + ` raises AttributeError and ` + "`from ast import Num`" + `
raises ImportError. ` + "`node.n`" + ` raises AttributeError. A ` + "`visit_Num`" + ` method raises
nothing at all: ` + "`NodeVisitor`" + ` dispatches every literal to ` + "`visit_Constant`" + `, so the
method silently stops running.

## Example
` + "```python" + `
import ast

def numbers(tree):
    return [node.n for node in ast.walk(tree) if isinstance(node, ast.Num)]
` + "```" + `

## Use instead
` + "```python" + `
import ast

def numbers(tree):
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float, complex))
        and not isinstance(node.value, bool)
    ]
` + "```" + `

## Fix safety
Safe fixes: ` + "`ast.Num(n=1)` → `ast.Constant(value=1)`" + `;
` + "`isinstance(x, ast.Num)`" + ` → an ` + "`isinstance(x, ast.Constant)`" + ` test guarded by the type
of ` + "`x.value`" + ` (exactly the old meaning, when ` + "`x`" + ` is a plain name); ` + "`.n`/`.s` → `.value`" + `
where the object is known to be an ast literal node. Names imported with ` + "`from ast import Num`" + `
and ` + "`visit_Num`" + ` methods are reported without a fix: merging visitor methods needs a person.

## References
- [What's New in Python 3.14: ast](https://docs.python.org/3.14/whatsnew/3.14.html#id9)
- [ast.Constant](https://docs.python.org/3.14/library/ast.html#ast.Constant)
`,
}

// removedASTClasses maps each removed class to the test on x.value that
// keeps isinstance(x, cls) meaning what it meant; %s is x.
var removedASTClasses = map[string]string{
	"Num":          "isinstance(%s.value, (int, float, complex)) and not isinstance(%s.value, bool)",
	"Str":          "isinstance(%s.value, str)",
	"Bytes":        "isinstance(%s.value, bytes)",
	"NameConstant": "(%s.value is True or %s.value is False or %s.value is None)",
	"Ellipsis":     "%s.value is ...",
}

// removedInPY314 reports whether the model says n cannot run on 3.14
// (version guard below 3.14) or is a deliberate fallback.
func removedGuarded(m *semantic.Model, n ast.Node) bool {
	_, hi := m.VersionRange(n)
	if !(parser.Version{Major: 3, Minor: 14}).Less(hi) {
		return true
	}
	return m.Guarded(n, semantic.TryGuard, semantic.HasAttrGuard)
}

func checkPY101(p *checks.Pass, n ast.Node) {
	// Every test below rules out nearly all nodes by their names alone;
	// removedGuarded and the qualified names are asked of the rest.
	m := p.Model
	switch n := n.(type) {
	case *ast.ImportFrom:
		if n.Module != "ast" || n.Level != 0 {
			return
		}
		for _, a := range n.Names {
			if _, ok := removedASTClasses[a.Name]; ok && !removedGuarded(m, n) {
				p.Reportf(a, "`ast.%s` was removed in Python 3.14: the import raises ImportError; use `ast.Constant`", a.Name)
			}
		}
	case *ast.Attribute:
		// The qualified name of an attribute ends with the attribute.
		if _, ok := removedASTClasses[n.Attr]; ok && n.Ctx == ast.Load {
			if q, ok := strings.CutPrefix(m.QualifiedName(n), "ast."); ok && q == n.Attr {
				if !removedGuarded(m, n) {
					reportRemovedClass(p, n, q, true)
				}
				return
			}
		}
		if (n.Attr == "n" || n.Attr == "s") && isASTLiteralNode(p, n.Value) && !removedGuarded(m, n) {
			p.ReportFix(checks.Span(n.Value.End(), n.End()),
				"`."+n.Attr+"` was removed from ast nodes in Python 3.14; use `.value`",
				&checks.Fix{Title: "Replace `." + n.Attr + "` with `.value`", Applicability: checks.Safe,
					Edits: []checks.Edit{checks.Replace(checks.Span(n.Value.End(), n.End()), ".value")}})
		}
	case *ast.Name:
		if n.Ctx != ast.Load {
			return
		}
		if q := m.QualifiedName(n); strings.HasPrefix(q, "ast.") {
			if _, ok := removedASTClasses[q[4:]]; ok && !removedGuarded(m, n) {
				reportRemovedClass(p, n, q[4:], false)
			}
		}
	case *ast.FunctionDef:
		name, ok := strings.CutPrefix(n.Name, "visit_")
		if _, removed := removedASTClasses[name]; !ok || !removed {
			return
		}
		if c := m.ClassOf(n); c != nil && isNodeVisitor(m, c) && !classReads(m, c, n.Name) && !removedGuarded(m, n) {
			p.Report(checks.Diagnostic{Span: m.Binding(m.BindingOf(n)).Span,
				Message: "`" + n.Name + "` is never called in Python 3.14: `ast.NodeVisitor` sends every literal to `visit_Constant`"})
		}
	}
}

// reportRemovedClass reports a reference to a removed class, with a fix
// when the reference is `ast.X` called as a constructor or tested with
// isinstance.
func reportRemovedClass(p *checks.Pass, ref ast.Expr, class string, attrForm bool) {
	msg := "`ast." + class + "` was removed in Python 3.14; use `ast.Constant`"
	var fix *checks.Fix
	if attrForm {
		fix = removedClassFix(p, ref.(*ast.Attribute), class)
	}
	p.ReportFix(checks.SpanOf(ref), msg, fix)
}

func removedClassFix(p *checks.Pass, ref *ast.Attribute, class string) *checks.Fix {
	call, ok := p.Model.Parent(ref).(*ast.Call)
	if !ok {
		return nil
	}
	constant := p.Text(ref.Value) + ".Constant"
	if call.Func == ast.Expr(ref) {
		// ast.Num(n=1) -> ast.Constant(value=1)
		edits := []checks.Edit{checks.Replace(checks.SpanOf(ref), constant)}
		for _, k := range call.Keywords {
			if k.Arg == "n" || k.Arg == "s" {
				edits = append(edits, checks.Replace(checks.Span(k.Pos(), k.Pos()+1), "value"))
			}
		}
		return &checks.Fix{Title: "Replace `ast." + class + "(...)` with `ast.Constant(...)`", Applicability: checks.Safe, Edits: edits}
	}
	// isinstance(x, ast.Num) with x a plain name.
	fn, ok := call.Func.(*ast.Name)
	if !ok || fn.Id != "isinstance" || p.Model.QualifiedName(fn) != "builtins.isinstance" ||
		len(call.Args) != 2 || call.Args[1] != ast.Expr(ref) || len(call.Keywords) != 0 {
		return nil
	}
	x, ok := call.Args[0].(*ast.Name)
	if !ok {
		return nil
	}
	test := strings.ReplaceAll(removedASTClasses[class], "%s", x.Id)
	text := "(isinstance(" + x.Id + ", " + constant + ") and " + test + ")"
	return &checks.Fix{
		Title:         "Replace with an `ast.Constant` test on the value's type",
		Applicability: checks.Safe,
		Edits:         []checks.Edit{checks.Replace(checks.SpanOf(call), text)},
	}
}

// isASTLiteralNode reports whether e is a name known to hold an ast
// literal node: the node parameter of a visit_Num/visit_Constant-style
// method, or a name narrowed by an enclosing isinstance test against a
// literal node class.
func isASTLiteralNode(p *checks.Pass, e ast.Expr) bool {
	name, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	m := p.Model
	id := m.Resolve(name)
	if id != semantic.NoBinding {
		b := m.Binding(id)
		if b.Kind == semantic.Parameter {
			if fn, ok := m.Scope(b.Scope).Node.(*ast.FunctionDef); ok {
				kind, ok := strings.CutPrefix(fn.Name, "visit_")
				if _, removed := removedASTClasses[kind]; ok && (removed || kind == "Constant") && len(fn.Args.Args) >= 2 && fn.Args.Args[1].Arg == name.Id {
					if c := m.ClassOf(fn); c != nil && isNodeVisitor(m, c) {
						return true
					}
				}
			}
		}
	}
	found := false
	m.Ancestors(name, func(a ast.Node) bool {
		var test ast.Expr
		switch a := a.(type) {
		case *ast.If:
			test = a.Test
		case *ast.IfExp:
			test = a.Test
		case *ast.BoolOp:
			for _, v := range a.Values {
				if narrows(m, v, name.Id) {
					found = true
				}
			}
			return !found
		case *ast.Comprehension:
			for _, v := range a.Ifs {
				if narrows(m, v, name.Id) {
					found = true
				}
			}
			return !found
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		default:
			return true
		}
		if narrows(m, test, name.Id) {
			found = true
			return false
		}
		return true
	})
	if !found {
		// A comprehension's condition narrows its element expression.
		m.Ancestors(name, func(a ast.Node) bool {
			gens, ok := ast.Generators(a)
			if !ok {
				return true
			}
			for _, g := range gens {
				for _, c := range g.Ifs {
					if narrows(m, c, name.Id) {
						found = true
					}
				}
			}
			return false
		})
	}
	return found
}

// narrows reports whether test is isinstance(name, <ast literal class>).
func narrows(m *semantic.Model, test ast.Expr, name string) bool {
	call, ok := test.(*ast.Call)
	if !ok || len(call.Args) != 2 {
		return false
	}
	if fn, ok := call.Func.(*ast.Name); !ok || fn.Id != "isinstance" {
		return false
	}
	if x, ok := call.Args[0].(*ast.Name); !ok || x.Id != name {
		return false
	}
	classes := []ast.Expr{call.Args[1]}
	if t, ok := call.Args[1].(*ast.Tuple); ok {
		classes = t.Elts
	}
	for _, c := range classes {
		q := m.QualifiedName(c)
		if k, ok := strings.CutPrefix(q, "ast."); ok {
			if _, removed := removedASTClasses[k]; removed || k == "Constant" {
				return true
			}
		}
	}
	return false
}

// isNodeVisitor reports whether a class derives from ast.NodeVisitor or
// ast.NodeTransformer directly.
func isNodeVisitor(m *semantic.Model, c *ast.ClassDef) bool {
	for _, b := range c.Bases {
		if m.MatchesQualified(b, "ast.NodeVisitor", "ast.NodeTransformer") {
			return true
		}
	}
	return false
}

// classReads reports whether the body of class c reads an attribute named
// attr (self.visit_Num() called from visit_Constant keeps visit_Num alive).
func classReads(m *semantic.Model, c *ast.ClassDef, attr string) bool {
	for i := range m.Nodes {
		a, ok := m.Nodes[i].Node.(*ast.Attribute)
		if ok && a.Attr == attr && a.Ctx == ast.Load && a.Pos() >= c.Pos() && a.End() <= c.End() {
			return true
		}
	}
	return false
}
