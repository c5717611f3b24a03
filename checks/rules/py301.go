package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// PY301 reports return, break and continue statements that leave a
// finally block (PEP 765).
var PY301 = &checks.Rule{
	Code:     "PY301",
	Name:     "control-flow-out-of-finally",
	Summary:  "`return`, `break` or `continue` that leaves a `finally` block, a SyntaxWarning since Python 3.14 (PEP 765)",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindReturn, ast.KindBreak, ast.KindContinue},
	Check:    checkPY301,
	Applies:  func(p *checks.Pass) bool { return hasKind(p, ast.KindTry, ast.KindTryStar) },
	Doc: `## What it does
Reports ` + "`return`" + ` statements inside a ` + "`finally`" + ` block, and ` + "`break` and `continue`" + `
statements inside a ` + "`finally`" + ` block that leave it for a loop around the ` + "`try`" + `
statement. A loop or a function inside the ` + "`finally`" + ` block is fine: its ` + "`break`" + ` or
` + "`return`" + ` does not leave the block.

## Why it matters on Python 3.14
Such a statement silently discards the exception that was propagating through the ` + "`finally`" + `
block, and overrides any ` + "`return`" + ` of the ` + "`try`" + ` body. PEP 765 makes the compiler emit a
` + "`SyntaxWarning`" + ` for it in Python 3.14: every import of the module prints the warning, and
under ` + "`-Werror`" + ` (common in test suites) the module fails to import with a SyntaxError. Other
Python implementations may make it an error outright.

## Example
` + "```python" + `
def read_config(path):
    try:
        return parse(open(path).read())
    finally:
        return {}
` + "```" + `

## Use instead
` + "```python" + `
def read_config(path):
    try:
        return parse(open(path).read())
    except (OSError, ValueError):
        return {}
` + "```" + `

## Fix safety
No fix is offered. Moving the statement out of the ` + "`finally`" + ` block changes which exceptions
propagate, which is the point of the warning: a person has to decide which ones the code meant
to swallow.

## References
- [PEP 765: Disallow return/break/continue that exit a finally block](https://peps.python.org/pep-0765/)
- [What's New in Python 3.14: PEP 765](https://docs.python.org/3.14/whatsnew/3.14.html#pep-765-control-flow-in-finally-blocks)
`,
}

func checkPY301(p *checks.Pass, n ast.Node) {
	// A statement that leaves a finally block is in one: the model flags
	// it so, unless a class body in between (where the walk below goes on
	// and the model clears the flag) makes it one of the class's.
	if info := p.Model.Info(n); info.Flags&semantic.InFinally == 0 && p.Model.Scope(info.Scope).Kind != semantic.ClassScope {
		return
	}
	_, isReturn := n.(*ast.Return)
	var prev ast.Node = n
	leaves := false
	p.Model.Ancestors(n, func(a ast.Node) bool {
		defer func() { prev = a }()
		switch a := a.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda:
			return false
		case *ast.Try:
			if inStmts(a.Finalbody, prev) {
				leaves = true
				return false
			}
		case *ast.TryStar:
			if inStmts(a.Finalbody, prev) {
				leaves = true
				return false
			}
		case *ast.For, *ast.AsyncFor, *ast.While:
			if !isReturn && inStmts(loopBody(a), prev) {
				// The loop this break or continue belongs to.
				return false
			}
		}
		return true
	})
	if !leaves {
		return
	}
	kw := "return"
	switch n.(type) {
	case *ast.Break:
		kw = "break"
	case *ast.Continue:
		kw = "continue"
	}
	p.Reportf(n, "'%s' in a 'finally' block swallows the exception in flight; Python 3.14 emits a SyntaxWarning for it (an error under -Werror)", kw)
}

// inStmts reports whether n is one of the statements.
func inStmts(stmts []ast.Stmt, n ast.Node) bool {
	for _, s := range stmts {
		if ast.Node(s) == n {
			return true
		}
	}
	return false
}

// loopBody returns the body of a for or while loop (not its else clause).
func loopBody(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.For:
		return n.Body
	case *ast.AsyncFor:
		return n.Body
	case *ast.While:
		return n.Body
	}
	return nil
}
