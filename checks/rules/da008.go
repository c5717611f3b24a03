package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// DA008 reports annotations copied from one object to another by hand.
var DA008 = &checks.Rule{
	Code:     "DA008",
	Name:     "copied-annotations",
	Summary:  "`__annotations__` copied from a function to a wrapper, which evaluates them early and drops `__annotate__`",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAssign, ast.KindCall},
	Check:    checkDA008,
	// Every report is of a name, an attribute or a str constant "__annotations__".
	Applies: daNamesAnnotations,
	Doc: `## What it does
Reports code that copies the annotations of one object to another by hand:
` + "`wrapper.__annotations__ = func.__annotations__`" + ` (also with ` + "`getattr(func, '__annotations__', ...)`" + `
on the right), ` + "`setattr(wrapper, '__annotations__', func.__annotations__)`" + ` and
` + "`wrapper.__annotations__.update(func.__annotations__)`" + `.

## Why it matters on Python 3.14
Reading ` + "`func.__annotations__`" + ` evaluates the annotations. Done in a decorator, that happens
when the decorated function is defined, where forward references (a class defined further down)
raise NameError, which is exactly what deferred annotations were meant to allow. The wrapper also
loses ` + "`__annotate__`" + `: assigning ` + "`__annotations__`" + ` sets it to None, so
` + "`annotationlib.get_annotations(wrapper, format=Format.FORWARDREF)`" + ` and ` + "`Format.STRING`" + `
can no longer compute anything lazily. ` + "`functools.update_wrapper`" + ` and ` + "`functools.wraps`" + `
copy ` + "`__annotate__`" + ` instead.

## Example
` + "```python" + `
def logged(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper.__annotations__ = func.__annotations__
    return wrapper

@logged
def handle(request: Request) -> None: ...

class Request: ...
` + "```" + `

## Use instead
` + "```python" + `
import functools

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper
` + "```" + `

## Fix safety
When the target is 3.14 or newer, ` + "`wrapper.__annotations__ = func.__annotations__`" + ` can be
replaced with ` + "`wrapper.__annotate__ = func.__annotate__`" + `: the wrapper then computes the same
annotations when they are read. The fix is unsafe: the two objects no longer share one
dictionary, so a change made to one of them later is not seen through the other. Other forms have
no fix; ` + "`functools.wraps`" + ` copies more than annotations (name, docstring, ` + "`__wrapped__`" + `), so
switching to it is left to a person.

## References
- [PEP 749: Wrappers](https://peps.python.org/pep-0749/#wrappers)
- [functools.update_wrapper](https://docs.python.org/3.14/library/functools.html#functools.update_wrapper)
`,
}

// daAnnotationsRead returns the object whose annotations e reads
// (x.__annotations__, getattr(x, '__annotations__'[, d])), or nil.
func daAnnotationsRead(p *checks.Pass, e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.Attribute:
		if e.Attr == "__annotations__" && e.Ctx == ast.Load {
			return e.Value
		}
	case *ast.Call:
		if p.Model.MatchesQualified(e.Func, "builtins.getattr") && len(e.Args) >= 2 {
			if k, ok := stringConstant(e.Args[1]); ok && k == "__annotations__" {
				return e.Args[0]
			}
		}
	}
	return nil
}

const da008Message = "copying `__annotations__` evaluates them now, not when they are read, in Python 3.14 (NameError for names defined later) and drops `__annotate__`; use `functools.update_wrapper` or `functools.wraps`"

func checkDA008(p *checks.Pass, n ast.Node) {
	// daOnlyBefore314 walks the ancestors: it is asked only of matches.
	m := p.Model
	switch n := n.(type) {
	case *ast.Assign:
		if len(n.Targets) != 1 {
			return
		}
		t, ok := n.Targets[0].(*ast.Attribute)
		if !ok || t.Attr != "__annotations__" {
			return
		}
		src := daAnnotationsRead(p, n.Value)
		if src == nil || daOnlyBefore314(m, n) {
			return
		}
		var fix *checks.Fix
		if v, ok := n.Value.(*ast.Attribute); ok && !p.TargetBelow(daVersion314()) {
			fix = &checks.Fix{
				Title:         "Copy `__annotate__` instead",
				Applicability: checks.Unsafe,
				Edits: []checks.Edit{
					checks.Replace(checks.Span(t.Value.End(), t.End()), ".__annotate__"),
					checks.Replace(checks.Span(v.Value.End(), v.End()), ".__annotate__"),
				},
			}
		}
		p.ReportFix(checks.SpanOf(n), da008Message, fix)
	case *ast.Call:
		if len(n.Args) == 3 && m.MatchesQualified(n.Func, "builtins.setattr") {
			if k, ok := stringConstant(n.Args[1]); ok && k == "__annotations__" && daAnnotationsRead(p, n.Args[2]) != nil && !daOnlyBefore314(m, n) {
				p.Reportf(n, da008Message)
			}
			return
		}
		attr, ok := n.Func.(*ast.Attribute)
		if !ok || attr.Attr != "update" || len(n.Args) != 1 || daAnnotationsRead(p, attr.Value) == nil || daAnnotationsRead(p, n.Args[0]) == nil ||
			daOnlyBefore314(m, n) {
			return
		}
		p.Reportf(n, da008Message)
	}
}
