package rules

import (
	"github.com/py314/py314/checks"
)

// PY304 reports the SyntaxErrors that only the compiler raises.
var PY304 = &checks.Rule{
	Code:     "PY304",
	Name:     "compile-time-syntax-error",
	Summary:  "code that parses but that CPython 3.14's compiler rejects with a SyntaxError",
	Severity: checks.Error,
	Default:  true,
	File:     checkPY304,
	Doc: `## What it does
Reports the SyntaxErrors that CPython raises when it compiles a module but not when it only
parses it: ` + "`return`, `yield` and `await`" + ` outside their functions, ` + "`break` and `continue`" + `
outside a loop, ` + "`nonlocal`" + ` without a binding or at module level, a name that is both a
parameter and ` + "`global`" + `, a name used or assigned before its ` + "`global`" + ` declaration,
duplicate parameters and type parameters, ` + "`import *`" + ` inside a function or class, any binding
of ` + "`__debug__`" + `, ` + "`from __future__`" + ` imports after other code, repeated keyword arguments,
starred assignment targets out of place, a bare ` + "`except:`" + ` that is not last,
` + "`break`, `continue` and `return`" + ` that leave an ` + "`except*`" + ` clause, assignment
expressions that rebind comprehension variables, ` + "`return`" + ` with a value in an async generator,
and match statements with unreachable cases, duplicate captures or mapping keys, or alternatives
that bind different names. Each message is the one CPython 3.14 prints, at the same place (except
where CPython gives no line at all, for a ` + "`break`, `continue` or `return`" + ` that leaves an
` + "`except*`" + ` clause through a ` + "`with`" + ` or ` + "`finally`" + `: py304 reports the statement).

Yield, await and assignment expressions inside annotations are reported by the DA rules.

## Why it matters on Python 3.14
` + "`ast.parse`" + ` accepts all of these, so tools built on it (and editors) say nothing, but the
module fails to import with a SyntaxError. Python 3.14 moved some checks: writes to
` + "`__debug__`" + ` are now rejected even under ` + "`-O`" + `, and PEP 695 and PEP 696 added rules for
type parameters (no duplicates, no ` + "`nonlocal`" + ` of a type parameter, defaults in order, no
yield or walrus in bounds, defaults and type aliases).

## Example
` + "```python" + `
def visit(nodes, seen):
    for node in nodes:
        if node in seen:
            continue
    def report():
        continue
` + "```" + `

## Use instead
` + "```python" + `
def visit(nodes, seen):
    for node in nodes:
        if node in seen:
            continue
    def report():
        return
` + "```" + `

## Fix safety
No fix is offered: what the code meant is for a person to decide.

## References
- [The symbol table and compiler errors (Python reference: execution model)](https://docs.python.org/3.14/reference/executionmodel.html)
- [PEP 695: Type Parameter Syntax](https://peps.python.org/pep-0695/)
- [PEP 696: Type Defaults for Type Parameters](https://peps.python.org/pep-0696/)
`,
}

func checkPY304(p *checks.Pass) {
	for _, e := range compileErrors(p) {
		p.ReportFix(e.span, e.msg, nil)
	}
}
