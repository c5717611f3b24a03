package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY105 reports pty.master_open and pty.slave_open, which Python 3.14
// removed.
var PY105 = &checks.Rule{
	Code:     "PY105",
	Name:     "removed-pty-open-function",
	Summary:  "`pty.master_open` and `pty.slave_open` were removed in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY105,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "pty") },
	Doc: portDoc(`## What it does
Reports ˋpty.master_openˋ and ˋpty.slave_openˋ, and imports of them.

## Why it matters on Python 3.14
Both were deprecated in 3.12 and Python 3.14 removed them: ˋpty.master_open()ˋ raises
AttributeError and ˋfrom pty import slave_openˋ raises ImportError.

## Example
ˋˋˋpython
import pty

master_fd, slave_name = pty.master_open()
ˋˋˋ

## Use instead
ˋˋˋpython
import os
import pty

master_fd, slave_fd = pty.openpty()
slave_name = os.ttyname(slave_fd)
ˋˋˋ

## Fix safety
No fix is offered: ˋpty.openpty()ˋ opens both ends and returns two file descriptors, where
ˋmaster_open()ˋ returned a descriptor and the name of the other end, so the code around the
call changes.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [pty.openpty](https://docs.python.org/3.14/library/pty.html#pty.openpty)
`),
}

var ptyOpenNames = lastNames("pty.master_open", "pty.slave_open")

func checkPY105(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, ptyOpenNames, func(q string, ref ast.Node) {
		if (q == "pty.master_open" || q == "pty.slave_open") && !portingExempt(p.Model, n, since314, true) {
			p.Reportf(ref, "`%s` was removed in Python 3.14: %s raises %s; use `pty.openpty()`", q, refWording(ref), failure(ref))
		}
	})
}
