package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY205 reports the prefix_chars argument of add_argument_group,
// deprecated in Python 3.14.
var PY205 = &checks.Rule{
	Code:     "PY205",
	Name:     "deprecated-argument-group-prefix-chars",
	Summary:  "`add_argument_group(prefix_chars=...)` is deprecated since Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY205,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "argparse") },
	Doc: portDoc(`## What it does
Reports ˋprefix_charsˋ passed to ˋadd_argument_group()ˋ, in a module that imports ˋargparseˋ.

## Why it matters on Python 3.14
The parameter was never documented and has no effect on a group: the group uses its
parser's prefix characters. Python 3.14 deprecated it: ˋDeprecationWarning: The use of the
undocumented 'prefix_chars' parameter in ArgumentParser.add_argument_group() is
deprecated.ˋ No removal version is set yet.

## Example
ˋˋˋpython
import argparse

parser = argparse.ArgumentParser(prefix_chars="-+")
extra = parser.add_argument_group("extra", prefix_chars="+")
ˋˋˋ

## Use instead
ˋˋˋpython
import argparse

parser = argparse.ArgumentParser(prefix_chars="-+")
extra = parser.add_argument_group("extra")
ˋˋˋ

## Fix safety
The fix deletes the argument. It is safe: the group did not use it.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [ArgumentParser.add_argument_group](https://docs.python.org/3.14/library/argparse.html#argparse.ArgumentParser.add_argument_group)
`),
}

func checkPY205(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if _, method, ok := methodCall(call); !ok || method != "add_argument_group" {
		return
	}
	k := keyword(call, "prefix_chars")
	if k == nil || !importsPackage(p, "argparse") || portingExempt(p.Model, n, since314, false) {
		return
	}
	p.ReportFix(checks.SpanOf(k), "`prefix_chars` of `add_argument_group()` is deprecated since Python 3.14 (no removal version set yet) and has no effect",
		newFix("Remove `prefix_chars=`", checks.Safe, removeArgs(call, k)...))
}
