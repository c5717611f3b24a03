package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY217 reports the old tkinter variable trace methods, deprecated in
// Python 3.14.
var PY217 = &checks.Rule{
	Code:     "PY217",
	Name:     "deprecated-tkinter-trace-variable",
	Summary:  "tkinter `Variable.trace_variable()`, `trace_vdelete()` and `trace_vinfo()` are deprecated since Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute},
	Check:    checkPY217,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "tkinter") },
	Doc: portDoc(`## What it does
Reports ˋtrace_variableˋ, ˋtrace_vdeleteˋ and ˋtrace_vinfoˋ in a module that imports
ˋtkinterˋ, and their alias ˋtraceˋ on a name assigned a ˋtkinterˋ variable (ˋStringVar()ˋ,
ˋIntVar()ˋ, ...).

## Why it matters on Python 3.14
These methods wrap Tcl's ˋtrace variableˋ command, which Tcl 9 removed. Python 3.14 deprecated
them: ˋDeprecationWarning: trace_variable() is deprecated and not supported with Tcl 9; use
trace_add() instead.ˋ No removal version is set yet.

## Example
ˋˋˋpython
import tkinter as tk

name = tk.StringVar()
name.trace_variable("w", on_change)
ˋˋˋ

## Use instead
ˋˋˋpython
import tkinter as tk

name = tk.StringVar()
name.trace_add("write", on_change)
ˋˋˋ

## Fix safety
No fix is offered: the replacements take mode names (ˋ"write"ˋ, ˋ"read"ˋ, ˋ"unset"ˋ) instead
of letters, and ˋtrace_info()ˋ returns differently shaped data.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [tkinter Variable.trace_add](https://docs.python.org/3.14/library/tkinter.html)
`),
}

var tkinterVariables = map[string]bool{
	"tkinter.Variable": true, "tkinter.StringVar": true, "tkinter.IntVar": true,
	"tkinter.DoubleVar": true, "tkinter.BooleanVar": true,
}

var traceReplacements = map[string]string{
	"trace_variable": "trace_add()", "trace": "trace_add()", "trace_vdelete": "trace_remove()", "trace_vinfo": "trace_info()",
}

func checkPY217(p *checks.Pass, n ast.Node) {
	a := n.(*ast.Attribute)
	use, ok := traceReplacements[a.Attr]
	if !ok || a.Ctx != ast.Load || p.Model.QualifiedName(a) != "" {
		return
	}
	if a.Attr == "trace" && !tkinterVariables[producedBy(p, a.Value)] || !importsPackage(p, "tkinter") ||
		portingExempt(p.Model, n, since314, false) {
		return
	}
	p.Reportf(a, "tkinter `%s()` is deprecated since Python 3.14 (no removal version set yet; Tcl 9 lacks it); use `%s`", a.Attr, use)
}
