package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY215 reports pdb.Pdb.curframe_locals, deprecated in Python 3.14.
var PY215 = &checks.Rule{
	Code:     "PY215",
	Name:     "deprecated-pdb-curframe-locals",
	Summary:  "`pdb.Pdb.curframe_locals` is deprecated since Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute},
	Check:    checkPY215,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "pdb") },
	Doc: portDoc(`## What it does
Reports ˋcurframe_localsˋ read or set on a ˋpdb.Pdbˋ object: ˋselfˋ in the methods of a class
deriving from ˋpdb.Pdbˋ, or a name assigned ˋpdb.Pdb(...)ˋ. It reports nothing when the target
is older than Python 3.13, where the attribute was a real cache and the replacement reads
differently.

## Why it matters on Python 3.14
Since Python 3.13 a frame's ˋf_localsˋ is a live view (PEP 667), so ˋPdbˋ stopped caching it;
Python 3.14 turned ˋcurframe_localsˋ into a deprecated property: reading it warns
ˋDeprecationWarning: The frame locals reference is no longer cached. Use 'curframe.f_locals'
instead.ˋ and setting it has no effect. No removal version is set yet.

## Example
ˋˋˋpython
import pdb

class Debugger(pdb.Pdb):
    def do_locals(self, arg):
        print(sorted(self.curframe_locals))
ˋˋˋ

## Use instead
ˋˋˋpython
import pdb

class Debugger(pdb.Pdb):
    def do_locals(self, arg):
        print(sorted(self.curframe.f_locals))
ˋˋˋ

## Fix safety
The fix reads ˋcurframe.f_localsˋ instead, which is what the property returns: it is safe.
Assignments are reported without a fix.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [PEP 667: Consistent views of namespaces](https://peps.python.org/pep-0667/)
`),
}

func checkPY215(p *checks.Pass, n ast.Node) {
	a := n.(*ast.Attribute)
	if a.Attr != "curframe_locals" || p.TargetBelow(since313) || !isPdbObject(p, a.Value) || portingExempt(p.Model, n, since314, false) {
		return
	}
	if a.Ctx != ast.Load {
		p.Reportf(a, "setting `curframe_locals` has no effect since Python 3.14 (deprecated); update `curframe.f_locals` instead")
		return
	}
	p.ReportFix(checks.SpanOf(a), "`Pdb.curframe_locals` is deprecated since Python 3.14 (no removal version set yet); use `curframe.f_locals`",
		newFix("Use `curframe.f_locals`", checks.Safe, checks.Replace(checks.Span(a.Value.End(), a.End()), ".curframe.f_locals")))
}

// isPdbObject reports whether e is a pdb.Pdb: the first parameter of a
// method of a class deriving from pdb.Pdb, or a name assigned pdb.Pdb(...).
func isPdbObject(p *checks.Pass, e ast.Expr) bool {
	if producedBy(p, e) == "pdb.Pdb" {
		return true
	}
	name, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	fn, ok := p.Model.FunctionOf(name).(*ast.FunctionDef)
	if !ok || fn.Args == nil || len(fn.Args.Args) == 0 || fn.Args.Args[0].Arg != name.Id {
		return false
	}
	c := p.Model.ClassOf(fn)
	if c == nil {
		return false
	}
	for _, b := range c.Bases {
		if p.Model.QualifiedName(b) == "pdb.Pdb" {
			return true
		}
	}
	return false
}
