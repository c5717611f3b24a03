package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// DA013 reports hand-written annotate functions that ignore their format
// argument.
var DA013 = &checks.Rule{
	Code:     "DA013",
	Name:     "annotate-ignores-format",
	Summary:  "a hand-written `__annotate__` that does not look at its `format` argument",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindFunctionDef, ast.KindAssign},
	Check:    checkDA013,
	// Every report is of a def, a name or an attribute "__annotate__".
	Applies: func(p *checks.Pass) bool { return !daIsStub(p) && indexFile(p).annotate },
	Doc: `## What it does
Reports a function used as an ` + "`__annotate__`" + ` (a ` + "`def __annotate__`" + ` in a class or module
body, or a def or lambda assigned to ` + "`obj.__annotate__`" + ` or to a module-level
` + "`__annotate__`" + `) that neither compares its format argument nor raises
` + "`NotImplementedError`" + `, or that takes no argument at all.

## Why it matters on Python 3.14
Python 3.14 calls ` + "`__annotate__(format)`" + ` with one of the formats of
` + "`annotationlib.Format`" + `: VALUE (1), VALUE_WITH_FAKE_GLOBALS (2), FORWARDREF (3) or STRING (4).
An annotate function must return the annotations for the formats it supports and raise
NotImplementedError for the others; ` + "`annotationlib`" + ` then computes those formats itself. One that
returns the same dictionary whatever it is asked makes
` + "`annotationlib.get_annotations(obj, format=Format.STRING)`" + ` return objects instead of strings,
and ` + "`inspect.signature(obj, annotation_format=...)`" + ` and ` + "`typing`" + ` tools get wrong answers,
silently.

## Example
` + "```python" + `
class Point:
    def __annotate__(format):
        return {"x": int, "y": int}
` + "```" + `

## Use instead
` + "```python" + `
class Point:
    def __annotate__(format):
        if format != 1:  # annotationlib.Format.VALUE
            raise NotImplementedError
        return {"x": int, "y": int}
` + "```" + `

## Fix safety
For a def whose body starts on its own line, the fix inserts
` + "`if format != 1: raise NotImplementedError`" + ` (with ` + "`Format.VALUE`" + ` when ` + "`annotationlib`" + ` is
imported) at the start of the body. It is unsafe: callers that called the function directly with
another format now get NotImplementedError, and ` + "`annotationlib`" + ` computes the other formats from
the values. Lambdas are reported without a fix.

## References
- [PEP 649: the annotate function](https://peps.python.org/pep-0649/)
- [PEP 749: VALUE_WITH_FAKE_GLOBALS](https://peps.python.org/pep-0749/)
- [annotationlib.Format](https://docs.python.org/3.14/library/annotationlib.html#annotationlib.Format)
`,
}

func checkDA013(p *checks.Pass, n ast.Node) {
	m := p.Model
	switch n := n.(type) {
	case *ast.FunctionDef:
		if n.Name != "__annotate__" {
			return
		}
		if k := m.Scope(m.ScopeOf(n)).Kind; k != semantic.ModuleScope && k != semantic.ClassScope {
			return
		}
		da013Function(p, n)
	case *ast.Assign:
		annotate := false
		for _, t := range n.Targets {
			switch t := t.(type) {
			case *ast.Attribute:
				annotate = annotate || t.Attr == "__annotate__"
			case *ast.Name:
				annotate = annotate || t.Id == "__annotate__" && m.ScopeOf(t) == 0
			}
		}
		if !annotate {
			return
		}
		switch v := n.Value.(type) {
		case *ast.Lambda:
			da013Function(p, v)
		case *ast.Name:
			if d, ok := daLocalDef(m, v).(*ast.FunctionDef); ok && d.Name != "__annotate__" {
				da013Function(p, d)
			}
		}
	}
}

// da013Function checks one annotate function.
func da013Function(p *checks.Pass, fn ast.Node) {
	var args *ast.Arguments
	var body []ast.Node
	var stmts []ast.Stmt
	switch fn := fn.(type) {
	case *ast.FunctionDef:
		args = fn.Args
		stmts = fn.Body
		for _, s := range fn.Body {
			body = append(body, s)
		}
	case *ast.Lambda:
		args = fn.Args
		body = []ast.Node{fn.Body}
	}
	params := positionalParams(args)
	span := checks.SpanOf(fn)
	if d, ok := fn.(*ast.FunctionDef); ok {
		span = p.Model.Binding(p.Model.BindingOf(d)).Span
	}
	if len(params) == 0 {
		if args == nil || args.Vararg == nil {
			p.ReportFix(span, "an `__annotate__` function is called with the format as its one argument: this one takes none (TypeError when annotations are read in Python 3.14)", nil)
		}
		return
	}
	format := params[0].Arg
	if daHandlesFormat(body, format) {
		return
	}
	var fix *checks.Fix
	if d, ok := fn.(*ast.FunctionDef); ok {
		fix = da013Fix(p, d, stmts, format)
	}
	p.ReportFix(span, "this `__annotate__` ignores its `"+format+"` argument: Python 3.14 expects it to raise NotImplementedError for formats it does not support, or `annotationlib.get_annotations(format=Format.STRING)` and FORWARDREF return the VALUE result", fix)
}

// daHandlesFormat reports whether code compares the format parameter, matches
// on it, or raises NotImplementedError (outside nested functions).
func daHandlesFormat(body []ast.Node, format string) bool {
	found := false
	for _, b := range body {
		ast.Inspect(b, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Lambda:
				return false
			case *ast.Compare:
				for _, e := range append([]ast.Expr{n.Left}, n.Comparators...) {
					if x, ok := e.(*ast.Name); ok && x.Id == format {
						found = true
					}
				}
			case *ast.Match:
				if x, ok := n.Subject.(*ast.Name); ok && x.Id == format {
					found = true
				}
			case *ast.Raise:
				exc := n.Exc
				if c, ok := exc.(*ast.Call); ok {
					exc = c.Func
				}
				if x, ok := exc.(*ast.Name); ok && x.Id == "NotImplementedError" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// da013Fix inserts a format check at the start of the body of fn.
func da013Fix(p *checks.Pass, fn *ast.FunctionDef, body []ast.Stmt, format string) *checks.Fix {
	if len(body) == 0 {
		return nil
	}
	src := p.Src()
	first := body[0]
	// After a docstring, before the first statement.
	if e, ok := first.(*ast.ExprStmt); ok {
		if k, ok := e.Value.(*ast.Constant); ok && k.Value.Kind == ast.StrValue && len(body) > 1 {
			first = body[1]
		}
	}
	start := daStmtLineStart(src, first.Pos())
	indent := daStmtLineIndent(src, first.Pos())
	if int(start)+len(indent) != int(first.Pos()) || daAnnLine(p, first.Pos()) == daAnnLine(p, fn.Pos()) {
		return nil // the statement does not start its line
	}
	value := "1"
	if al, _, ok := daModuleRef(p, first, "annotationlib"); ok && !p.TargetBelow(daVersion314()) && daAnnotationlibImported(p) {
		value = al + ".Format.VALUE"
	}
	step := "    "
	if len(indent) > 0 && indent[0] == '\t' {
		step = "\t"
	}
	text := indent + "if " + format + " != " + value + ":\n" + indent + step + "raise NotImplementedError\n"
	return &checks.Fix{
		Title:         "Raise NotImplementedError for formats other than VALUE",
		Applicability: checks.Unsafe,
		Edits:         []checks.Edit{checks.Insert(start, text)},
	}
}

// daAnnotationlibImported reports whether the module imports annotationlib
// at module level.
func daAnnotationlibImported(p *checks.Pass) bool {
	for _, id := range p.Model.Scope(0).Bindings("annotationlib") {
		if b := p.Model.Binding(id); b.Kind == semantic.Import && b.Qualified == "annotationlib" {
			return true
		}
	}
	return false
}
