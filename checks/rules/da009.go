package rules

import (
	"github.com/py314/py314/checks"
)

// DA009 reports names imported only for type checking that annotations
// read at run time use unquoted.
var DA009 = &checks.Rule{
	Code:     "DA009",
	Name:     "type-checking-name-read-at-runtime",
	Summary:  "a name bound only under `TYPE_CHECKING` in an unquoted annotation that the module reads at run time",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	File:     checkDA009,
	// Every report is of a name bound only under TYPE_CHECKING.
	Applies: func(p *checks.Pass) bool {
		return !daIsStub(p) && futureAnnotations(p) == nil && !p.TargetBelow(daVersion314()) && daHasTypeChecking(p.Model)
	},
	Doc: `## What it does
Reports a name bound only under ` + "`if TYPE_CHECKING:`" + ` and used unquoted in an annotation of a
function or class whose annotations something in the same module reads at run time:
- ` + "`inspect.signature`, `inspect.getfullargspec`, `inspect.get_annotations`" + `,
  ` + "`annotationlib.get_annotations`, `typing.get_type_hints`, `unittest.mock.create_autospec`" + ` and
  ` + "`.__annotations__`" + ` called on it (directly, through ` + "`self`" + `, ` + "`cls`" + ` or
  ` + "`type(self)`" + `), unless they are given a ` + "`format`" + ` or ` + "`annotation_format`" + `;
- a ` + "`functools.singledispatch`" + ` function's ` + "`@f.register`" + `;
- decorators and base classes of libraries that read annotations when the class or function is
  created: attrs (` + "`define`, `frozen`, `attr.s(auto_attribs=True)`" + `...), pydantic models,
  ` + "`validate_call`" + ` and dataclasses, SQLModel, SQLAlchemy declarative classes, msgspec structs,
  FastAPI routes and dependencies, Typer commands, beartype, typeguard.

The module is checked when the target is 3.14 or newer and it has no
` + "`from __future__ import annotations`" + `; for older targets the same annotation already fails when
the function is defined, which DA010 reports.

Plain ` + "`@dataclass`, `typing.NamedTuple` and `typing.TypedDict`" + ` are not readers here: since 3.14
they read annotations in the FORWARDREF format, where an undefined name becomes a ` + "`ForwardRef`" + `.

## Why it matters on Python 3.14
Such a module defines fine on 3.14, since annotations are no longer evaluated at definition time.
But the readers above ask for the annotations' values (the VALUE format), which evaluates them: the
name that exists only for the type checker raises NameError then, from ` + "`inspect.signature`" + `, a
mock, a route registration or a model class. With a quoted annotation the readers that do not
evaluate strings get the string, as they always did.

## Example
` + "```python" + `
import inspect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

def total(amount: Decimal) -> Decimal: ...

print(inspect.signature(total))
` + "```" + `

## Use instead
` + "```python" + `
import inspect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

def total(amount: "Decimal") -> "Decimal": ...

print(inspect.signature(total))
` + "```" + `

## Fix safety
For readers that do not evaluate strings (` + "`inspect`" + `, ` + "`annotationlib`" + `, mocks,
` + "`__annotations__`" + `, attrs) the fix quotes the annotation. It is unsafe: every reader now gets a
string where it got an object, which is what it got before 3.14 with the future import or quoted
annotations. Readers that evaluate strings (` + "`typing.get_type_hints`" + `, singledispatch,
pydantic, FastAPI, SQLAlchemy...) would raise NameError for the string too: the name has to be
imported outside ` + "`if TYPE_CHECKING:`" + `, so no fix is offered.

## References
- [PEP 749: Backwards compatibility](https://peps.python.org/pep-0749/#backwards-compatibility)
- [annotationlib.Format](https://docs.python.org/3.14/library/annotationlib.html#annotationlib.Format)
`,
}

func checkDA009(p *checks.Pass) {
	m := p.Model
	roots := annotationRoots(p)
	for i := range roots {
		r := &roots[i]
		if !r.lazyIn314(m) || m.InTypeChecking(r.owner) {
			continue
		}
		rd, ok := daReaderOf(p, r)
		if !ok {
			continue
		}
		for _, name := range annotationNames(r.expr) {
			if !daTypeCheckingOnly(m, name) {
				continue
			}
			if rd.evaluates {
				p.Reportf(name, "`%s` is bound only under `TYPE_CHECKING`: in Python 3.14 %s evaluates this annotation at run time and raises NameError; import it at run time", name.Id, rd.what)
				continue
			}
			p.ReportFix(checks.SpanOf(name),
				"`"+name.Id+"` is bound only under `TYPE_CHECKING`: in Python 3.14 "+rd.what+" evaluates this annotation at run time and raises NameError; quote the annotation",
				daQuoteFix(p, r.expr, checks.Unsafe))
		}
	}
}
