package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// DA012 reports calls in annotations of attribute and subscript targets,
// which Python 3.14 never evaluates.
var DA012 = &checks.Rule{
	Code:     "DA012",
	Name:     "unevaluated-target-annotation",
	Summary:  "a call in the annotation of an attribute or subscript target, which Python 3.14 never evaluates",
	Severity: checks.Info,
	Default:  true,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindAnnAssign},
	Check:    checkDA012,
	Doc: `## What it does
Reports a call in the annotation of an annotated assignment whose target is not a plain name
(` + "`obj.attr: T = v`, `d[key]: T = v`, `(name): T = v`" + `) at module or class level. Calls of
typing constructs, of ` + "`dataclasses.field`" + `-style field factories and of pure builtins are not
reported.

## Why it matters on Python 3.14
Python 3.13 and older evaluated such annotations at module and class level (and then threw the
value away, since there is nowhere to store it). Code could rely on that: a registry call, an
import, a print. Python 3.14 stores no annotations for these targets and never evaluates them,
so the call silently no longer happens.

## Example
` + "```python" + `
settings.timeout: register("timeout", float) = 30.0
` + "```" + `

## Use instead
` + "```python" + `
register("timeout", float)
settings.timeout = 30.0
` + "```" + `

## Fix safety
No fix is offered: moving the call into a statement of its own makes it run again, which is the
old behaviour, but whether it should run is for a person to decide.

## References
- [PEP 649: Deferred evaluation of annotations](https://peps.python.org/pep-0649/)
- [PEP 526: Syntax for variable annotations](https://peps.python.org/pep-0526/)
`,
}

func checkDA012(p *checks.Pass, n ast.Node) {
	if daIsStub(p) {
		return
	}
	a := n.(*ast.AnnAssign)
	m := p.Model
	if a.Simple == 1 || m.Scope(m.ScopeOf(a)).IsFunctionLike() || futureAnnotations(p) != nil || daOnlyBefore314(m, a) {
		return
	}
	ast.Inspect(a.Annotation, func(c ast.Node) bool {
		switch c := c.(type) {
		case *ast.Lambda:
			return false
		case *ast.Call:
			if !daPureAnnotationCall(m, c) {
				p.Reportf(c, "Python 3.14 never evaluates the annotation of an attribute or subscript target: `%s(...)` no longer runs here", p.Text(c.Func))
				return false
			}
		}
		return true
	})
}

// daPureAnnotationCall reports whether a call in an annotation is a typing
// construct or another call without side effects.
func daPureAnnotationCall(m *semantic.Model, c *ast.Call) bool {
	q := m.QualifiedName(c.Func)
	switch {
	case strings.HasPrefix(q, "typing.") || strings.HasPrefix(q, "typing_extensions.") || strings.HasPrefix(q, "annotationlib."):
		return true
	case q == "dataclasses.field" || q == "pydantic.Field" || q == "attr.ib" || q == "attrs.field" || q == "attr.field":
		return true
	case strings.HasPrefix(q, "builtins."):
		switch q {
		case "builtins.print", "builtins.exec", "builtins.eval", "builtins.input", "builtins.open",
			"builtins.setattr", "builtins.delattr", "builtins.__import__", "builtins.breakpoint",
			"builtins.next", "builtins.exit", "builtins.quit", "builtins.globals", "builtins.vars",
			"builtins.locals", "builtins.compile", "builtins.help":
			return false
		}
		return true
	}
	return false
}
