package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY108 reports keyword arguments to pathlib's path classes and extra
// arguments to relative_to and is_relative_to, which Python 3.14 rejects.
var PY108 = &checks.Rule{
	Code:     "PY108",
	Name:     "removed-pathlib-extra-argument",
	Summary:  "pathlib path constructors no longer accept keywords, nor `relative_to`/`is_relative_to` extra arguments, in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY108,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "pathlib") },
	Doc: portDoc(`## What it does
Reports keyword arguments given to ˋpathlibˋ's path classes (ˋPath(p, exist_ok=True)ˋ), and
calls of ˋrelative_to()ˋ or ˋis_relative_to()ˋ with more than one positional argument on a value
that is certainly a ˋpathlibˋ path.

## Why it matters on Python 3.14
Path constructors used to ignore keyword arguments, and ˋrelative_to(a, b)ˋ joined its extra
arguments onto the first. Both were deprecated in 3.12 and are errors in Python 3.14:
ˋPath("a", foo=1)ˋ raises ˋTypeError: PurePath.__init__() got an unexpected keyword argument
'foo'ˋ and ˋp.relative_to("/a", "b")ˋ raises ˋTypeError: PurePath.relative_to() takes 2
positional arguments but 3 were givenˋ.

## Example
ˋˋˋpython
from pathlib import Path

root = Path("/srv", "data", strict=True)
p = root / "logs" / "app.log"
print(p.relative_to("/srv", "data"))
ˋˋˋ

## Use instead
ˋˋˋpython
from pathlib import Path

root = Path("/srv", "data")
p = root / "logs" / "app.log"
print(p.relative_to(p.with_segments("/srv", "data")))
ˋˋˋ

## Fix safety
Both fixes are safe. The keywords had no effect, so the fix deletes them. For the extra
arguments the fix builds the path that ˋrelative_toˋ used to build itself,
ˋp.with_segments(a, b)ˋ (with a target older than 3.12, which lacks ˋwith_segmentsˋ,
ˋtype(p)(a, b)ˋ); it is offered when the path is a plain name, which can be read twice.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [PurePath.relative_to](https://docs.python.org/3.14/library/pathlib.html#pathlib.PurePath.relative_to)
`),
}

func checkPY108(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if q := p.Model.QualifiedIn(call.Func, pathlibClassNames...); q != "" {
		var kws []ast.Node
		var names []string
		for _, k := range call.Keywords {
			if k.Arg != "" {
				kws = append(kws, k)
				names = append(names, "`"+k.Arg+"=`")
			}
		}
		if len(kws) == 0 || portingExempt(p.Model, n, since314, true) {
			return
		}
		p.ReportFix(checks.Span(kws[0].Pos(), kws[len(kws)-1].End()),
			"`"+q+"()` accepts no keyword arguments in Python 3.14: "+strings.Join(names, ", ")+" raises TypeError (they were ignored)",
			newFix("Remove the keyword arguments", checks.Safe, removeArgs(call, kws...)...))
		return
	}
	recv, name, ok := methodCall(call)
	if !ok || (name != "relative_to" && name != "is_relative_to") || len(call.Args) < 2 || !isPathValue(p, recv) {
		return
	}
	for _, a := range call.Args {
		if _, ok := a.(*ast.Starred); ok {
			return
		}
	}
	if portingExempt(p.Model, n, since314, true) {
		return
	}
	msg := "`" + name + "()` takes one path in Python 3.14: the extra arguments raise TypeError; join them into one path"
	var fix *checks.Fix
	if r, ok := recv.(*ast.Name); ok {
		build := r.Id + ".with_segments"
		if p.TargetBelow(since312) {
			build = "type(" + r.Id + ")"
		}
		if p.TargetBelow(since312) && !builtinVisible(p, call, "type") {
			build = ""
		}
		if build != "" {
			span := checks.Span(call.Args[0].Pos(), call.Args[len(call.Args)-1].End())
			fix = newFix("Join the arguments into one path", checks.Safe,
				checks.Replace(span, build+"("+p.SpanText(span)+")"))
		}
	}
	p.ReportFix(checks.Span(call.Args[1].Pos(), call.Args[len(call.Args)-1].End()), msg, fix)
}
