package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY111 reports itertools objects that are copied or pickled, which
// Python 3.14 no longer supports.
var PY111 = &checks.Rule{
	Code:     "PY111",
	Name:     "removed-itertools-copy-pickle",
	Summary:  "itertools objects can no longer be copied, deep-copied or pickled in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY111,
	// A report needs a call of copy or pickle and an object made by itertools.
	Applies: func(p *checks.Pass) bool {
		return importsPackage(p, "copy", "pickle") && importsPackage(p, "itertools")
	},
	Doc: portDoc(`## What it does
Reports ˋcopy.copy()ˋ, ˋcopy.deepcopy()ˋ, ˋpickle.dumps()ˋ and ˋpickle.dump()ˋ applied to an
iterator made by ˋitertoolsˋ (ˋcount()ˋ, ˋcycle()ˋ, ˋchain()ˋ, ˋislice()ˋ, ...): the call's
argument is the ˋitertoolsˋ call, or a name assigned from one. ˋitertools.tee()ˋ, whose
iterators still support ˋcopy.copy()ˋ, is not reported.

## Why it matters on Python 3.14
The copy and pickle support of the itertools iterators was deprecated in 3.12 and Python
3.14 removed it: ˋcopy.copy(itertools.count())ˋ and ˋpickle.dumps(itertools.repeat(1))ˋ raise
ˋTypeError: cannot pickle 'itertools.count' objectˋ.

## Example
ˋˋˋpython
import copy
import itertools

ids = itertools.count(1)
backup = copy.copy(ids)
ˋˋˋ

## Use instead
ˋˋˋpython
import itertools

next_id = 1
ids = itertools.count(next_id)
backup = itertools.count(next_id)
ˋˋˋ

## Fix safety
No fix is offered: the iterator has to be re-created from its inputs, or materialized with
ˋlist()ˋ when it is finite.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
`),
}

var copyOrPickle = []string{"copy.copy", "copy.deepcopy", "pickle.dumps", "pickle.dump"}

func checkPY111(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	q := p.Model.QualifiedIn(call.Func, copyOrPickle...)
	if q == "" || len(call.Args) == 0 || portingExempt(p.Model, n, since314, true) {
		return
	}
	made := producedBy(p, call.Args[0])
	fn, ok := strings.CutPrefix(made, "itertools.")
	if !ok || fn == "tee" || strings.Contains(fn, ".") {
		return
	}
	p.Reportf(call, "itertools iterators cannot be copied or pickled in Python 3.14: `%s()` of an `itertools.%s` object raises TypeError", q, fn)
}
