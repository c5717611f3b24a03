package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY227 reports calls of the load_module() method of import loaders,
// deprecated and will be removed in Python 3.15.
var PY227 = &checks.Rule{
	Code:     "PY227",
	Name:     "deprecated-loader-load-module",
	Summary:  "loaders' `load_module()` is deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY227,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "importlib", "zipimport", "pkgutil") },
	Doc: portDoc(`## What it does
Reports ˋ.load_module()ˋ method calls with at most one argument (a loader's takes only the
module name) in a module that imports ˋimportlibˋ, ˋzipimportˋ or ˋpkgutilˋ: the loaders of
ˋimportlib.machineryˋ, ˋzipimport.zipimporterˋ, and the loaders found through specs. A
class's calls of its own ˋload_moduleˋ method through ˋselfˋ are left alone.

## Why it matters on Python 3.14
ˋload_module()ˋ is the loader API of PEP 302, replaced by ˋexec_module()ˋ in Python 3.4. It
is deprecated, and Python 3.15 removes it from importlib's loaders and from
ˋzipimporterˋ. On 3.14 it warns ˋDeprecationWarning: the load_module() method is deprecated
and slated for removal in Python 3.15; use exec_module() insteadˋ.

## Example
ˋˋˋpython
from importlib.machinery import SourceFileLoader

module = SourceFileLoader("plugin", "plugin.py").load_module()
ˋˋˋ

## Use instead
ˋˋˋpython
import importlib.util
import sys

spec = importlib.util.spec_from_file_location("plugin", "plugin.py")
module = importlib.util.module_from_spec(spec)
sys.modules["plugin"] = module
spec.loader.exec_module(module)
ˋˋˋ

## Fix safety
No fix is offered: ˋexec_module()ˋ takes a module object that the caller creates and
registers, which takes several statements.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [Importing a source file directly](https://docs.python.org/3.14/library/importlib.html#importing-a-source-file-directly)
`),
}

func checkPY227(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	recv, m, ok := methodCall(call)
	if !ok || m != "load_module" || len(call.Args)+len(call.Keywords) > 1 || p.Model.QualifiedName(call.Func) != "" ||
		callsOwnMethod(p, recv, "load_module") {
		return
	}
	if !importsPackage(p, "importlib", "zipimport", "pkgutil") ||
		portingExempt(p.Model, n, since314, false) {
		return
	}
	p.Reportf(call.Func, "the loaders' `load_module()` is deprecated and will be removed in Python 3.15; use `exec_module()`")
}

// callsOwnMethod reports whether recv is the first parameter of a method
// whose class defines a method named name: self.name() calls the class's
// own method.
func callsOwnMethod(p *checks.Pass, recv ast.Expr, name string) bool {
	self, ok := recv.(*ast.Name)
	if !ok {
		return false
	}
	fn, ok := p.Model.FunctionOf(self).(*ast.FunctionDef)
	if !ok || fn.Args == nil || len(fn.Args.Args) == 0 || fn.Args.Args[0].Arg != self.Id {
		return false
	}
	c := p.Model.ClassOf(fn)
	if c == nil {
		return false
	}
	for _, s := range c.Body {
		if d, ok := s.(*ast.FunctionDef); ok && d.Name == name {
			return true
		}
	}
	return false
}
