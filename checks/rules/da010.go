package rules

import (
	"strconv"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/token"
)

// DA010 reports unquoted forward references in code that must still run
// on Pythons that evaluate annotations eagerly.
var DA010 = &checks.Rule{
	Code:     "DA010",
	Name:     "forward-reference-before-314",
	Summary:  "an unquoted annotation naming something defined later or only under `TYPE_CHECKING`, a NameError before Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	File:     checkDA010,
	Doc: `## What it does
When the target includes versions before 3.14 and the module has no
` + "`from __future__ import annotations`" + `, reports a name in an annotation that those versions
evaluate (of a parameter or return value, or of a module- or class-level variable) when the name
has no value yet at that point:
- it is bound later in the module or class (a class named in the annotations of its own methods,
  a class defined further down), or
- it is bound only under ` + "`if TYPE_CHECKING:`" + `.

Code under ` + "`if sys.version_info >= (3, 14):`" + ` is not reported.

## Why it matters on Python 3.14
On 3.14 such annotations are fine: they are evaluated only when read. Code written for 3.14 drops
the quotes. But Python 3.13 and older evaluate annotations when the ` + "`def`" + ` or the class body
runs, so the same module raises NameError at import there.

## Example
` + "```python" + `
class Node:
    def add(self, child: Node) -> Node:
        return child
` + "```" + `

## Use instead
` + "```python" + `
class Node:
    def add(self, child: "Node") -> "Node":
        return child
` + "```" + `

## Fix safety
The fix quotes the whole annotation. It is safe: static type checkers and
` + "`typing.get_type_hints`" + ` read it exactly as before, and on Python 3.13 and older the module
imports. What changes is the raw annotation a program sees on 3.14 through
` + "`__annotations__`" + ` or ` + "`inspect.signature`" + `: the string, as on every earlier version.
Annotations that span lines, hold comments or use both kinds of quotes are not fixed.

## References
- [PEP 563: Postponed evaluation of annotations](https://peps.python.org/pep-0563/)
- [PEP 649: Deferred evaluation of annotations](https://peps.python.org/pep-0649/)
`,
}

func checkDA010(p *checks.Pass) {
	if daIsStub(p) || daOnlyTests314(p) {
		return
	}
	if futureAnnotations(p) != nil || !p.TargetBelow(daVersion314()) {
		return
	}
	m := p.Model
	roots := annotationRoots(p)
	for i := range roots {
		r := &roots[i]
		if !r.eagerBefore314(m) || m.InTypeChecking(r.owner) || daOnly314(m, r.owner) {
			continue
		}
		for _, name := range annotationNames(r.expr) {
			if id := m.Resolve(name); id != semantic.NoBinding && m.Binding(id).Kind == semantic.TypeParameter {
				continue
			}
			later, tcOnly, defined := daDefinedBefore314(m, name.Id, r.scope, r.evalPos())
			switch {
			case defined:
			case later != semantic.NoBinding && m.Binding(later).Kind == semantic.ClassDef && m.Binding(later).Node.Pos() <= name.Pos() && name.End() <= m.Binding(later).Node.End():
				p.ReportFix(checks.SpanOf(name),
					"`"+name.Id+"` is the class being defined, bound only after its body has run: Python 3.13 and older evaluate this annotation here and raise NameError; quote it",
					daQuoteFix(p, r.expr, checks.Safe))
			case later != semantic.NoBinding:
				p.ReportFix(checks.SpanOf(name),
					"`"+name.Id+"` is defined on line "+strconv.Itoa(daAnnLine(p, m.Binding(later).Span.Start))+", after this annotation: Python 3.13 and older evaluate it here and raise NameError; quote it",
					daQuoteFix(p, r.expr, checks.Safe))
			case tcOnly:
				p.ReportFix(checks.SpanOf(name),
					"`"+name.Id+"` is bound only under `TYPE_CHECKING`: Python 3.13 and older evaluate this annotation here and raise NameError; quote it",
					daQuoteFix(p, r.expr, checks.Safe))
			}
		}
	}
}

// daDefinedBefore314 says whether Python 3.13 finds a value for name when
// code of scope s evaluates it at pos. It follows the lookup of that
// time: the scope itself, then the enclosing scopes but not enclosing
// class bodies, then the builtins. A scope that is still running (the
// scope itself, and the scopes around class bodies up to the first
// function or the module) has only the bindings made before the statement
// that is running; a scope that has finished (a module seen from a
// function) has all of them. It returns the first later binding that
// stopped the lookup, or tcOnly when the name is bound only under
// TYPE_CHECKING.
func daDefinedBefore314(m *semantic.Model, name string, s semantic.ScopeID, pos token.Pos) (later semantic.BindingID, tcOnly, defined bool) {
	later = semantic.NoBinding
	live := daLiveScopes(m, s)
	first := true
	at := pos
	for cur := s; cur != semantic.NoScope; cur = m.Scope(cur).Parent {
		sc := m.Scope(cur)
		isLive := daContainsScope(live, cur)
		if !first && sc.Kind == semantic.ClassScope {
			at = sc.Node.Pos()
			continue
		}
		first = false
		if sc.Kind == semantic.TypeParamScope {
			at = sc.Node.Pos()
			continue
		}
		any := false
		for _, id := range sc.Bindings(name) {
			switch m.Binding(id).Kind {
			case semantic.Annotation, semantic.GlobalDecl, semantic.Deletion:
				continue
			}
			if daBindingInTypeChecking(m, id) {
				tcOnly = true
				continue
			}
			any = true
			if !isLive || daBindingPos(m, id) <= at {
				return semantic.NoBinding, false, true
			}
			if later == semantic.NoBinding {
				later = id
			}
		}
		if any && sc.IsFunctionLike() {
			// A local of a running function: UnboundLocalError.
			return later, false, false
		}
		if sc.Node != nil {
			at = sc.Node.Pos()
		}
	}
	if semantic.IsBuiltin(name) {
		return semantic.NoBinding, false, true
	}
	return later, tcOnly && later == semantic.NoBinding, false
}
