package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY206 reports argparse.FileType, deprecated in Python 3.14.
var PY206 = &checks.Rule{
	Code:     "PY206",
	Name:     "deprecated-argparse-filetype",
	Summary:  "`argparse.FileType` is deprecated since Python 3.14",
	Severity: checks.Info,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY206,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "argparse") },
	Doc: portDoc(`## What it does
Reports ˋargparse.FileTypeˋ and imports of it.

## Why it matters on Python 3.14
Python 3.14 deprecated ˋFileTypeˋ: creating one warns ˋPendingDeprecationWarning: FileType is
deprecated. Simply open files after parsing arguments.ˋ (a warning category that is hidden by
default). No removal version is set yet. ˋFileTypeˋ opens the file while the arguments are
parsed, so a later usage error leaves it open, and it cannot choose an encoding per run.

## Example
ˋˋˋpython
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("input", type=argparse.FileType("r"))
args = parser.parse_args()
data = args.input.read()
ˋˋˋ

## Use instead
ˋˋˋpython
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("input")
args = parser.parse_args()
with open(args.input) as f:
    data = f.read()
ˋˋˋ

## Fix safety
No fix is offered: the code that uses the argument has to open the file.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [argparse.FileType](https://docs.python.org/3.14/library/argparse.html#argparse.FileType)
`),
}

var fileTypeNames = lastNames("argparse.FileType")

func checkPY206(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, fileTypeNames, func(q string, ref ast.Node) {
		if q == "argparse.FileType" && !portingExempt(p.Model, n, since314, false) {
			p.Reportf(ref, "`argparse.FileType` is deprecated since Python 3.14 (PendingDeprecationWarning, no removal version set yet); open the file after `parse_args()`")
		}
	})
}
