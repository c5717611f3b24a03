package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY225 reports platform.java_ver, deprecated and will be removed in Python 3.15.
var PY225 = &checks.Rule{
	Code:     "PY225",
	Name:     "deprecated-platform-java-ver",
	Summary:  "`platform.java_ver()` is deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY225,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "platform") },
	Doc: portDoc(`## What it does
Reports ˋplatform.java_verˋ and imports of it.

## Why it matters on Python 3.14
It only ever answered on Jython, which CPython has not supported for years. It was deprecated
in 3.13 and Python 3.15 removes it. On 3.14 it warns ˋDeprecationWarning: 'java_ver' is
deprecated and slated for removal in Python 3.15ˋ.

## Example
ˋˋˋpython
import platform

release, vendor, vm_info, os_info = platform.java_ver()
ˋˋˋ

## Use instead
ˋˋˋpython
import platform

implementation = platform.python_implementation()
ˋˋˋ

## Fix safety
No fix is offered.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [platform](https://docs.python.org/3.14/library/platform.html)
`),
}

var javaVerNames = lastNames("platform.java_ver")

func checkPY225(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, javaVerNames, func(q string, ref ast.Node) {
		if q == "platform.java_ver" && !portingExempt(p.Model, n, since314, false) {
			p.Reportf(ref, "`platform.java_ver()` is deprecated and will be removed in Python 3.15; it only ever answered on Jython")
		}
	})
}
