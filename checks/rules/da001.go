package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// DA001 reports expressions that Python 3.14 refuses inside annotations.
var DA001 = &checks.Rule{
	Code:     "DA001",
	Name:     "expression-in-annotation",
	Summary:  "walrus, `yield` or `await` inside an annotation, a SyntaxError since Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindFunctionDef, ast.KindAsyncFunctionDef, ast.KindAnnAssign},
	Check:    checkDA001,
	// Every report is of a walrus, a yield or an await in an annotation,
	// which the model flags as in one.
	Applies: func(p *checks.Pass) bool { return !daIsStub(p) && indexFile(p).effectInAnnotation },
	Doc: `## What it does
Reports a named expression (` + "`:=`" + `), ` + "`yield`, `yield from` or `await`" + ` inside any
annotation: of a parameter, of a return value, or of an annotated assignment, including the
annotations of local variables, which are never evaluated. The messages are CPython's.

Lambdas and comprehensions inside an annotation are scopes of their own and may contain these
expressions, with one exception: the first iterable of a comprehension belongs to the annotation.
(An asynchronous comprehension inside an annotation is also a SyntaxError since 3.14, for the same
reason; PY304 reports it with the other compile-time errors.)

## Why it matters on Python 3.14
Since 3.14 every annotation is compiled into an annotate function of its own. The symbol table
rejects these expressions there, so the whole module fails to compile with a SyntaxError. Before
3.14 they compiled (local-variable annotations were not compiled at all). ` + "`ast.parse`" + ` accepts
the code; only ` + "`compile`" + ` and ` + "`import`" + ` reject it, so tools built on the ` + "`ast`" + ` module do
not see the problem.

## Example
` + "```python" + `
def scale(factor: (unit := 10)) -> int:
    return factor * unit

async def load(session):
    page: await session.kind() = await session.get()
` + "```" + `

## Use instead
` + "```python" + `
unit = 10

def scale(factor: unit) -> int:
    return factor * unit

async def load(session):
    kind = await session.kind()
    page: kind = await session.get()
` + "```" + `

## Fix safety
No fix is offered: the expression has to move to a statement of its own before the definition,
which changes when it runs.

## References
- [PEP 649: Deferred evaluation of annotations](https://peps.python.org/pep-0649/)
- [PEP 749: Implementing PEP 649](https://peps.python.org/pep-0749/)
- [What's New in Python 3.14: annotations](https://docs.python.org/3.14/whatsnew/3.14.html#pep-649-and-pep-749-deferred-evaluation-of-annotations)
`,
}

func checkDA001(p *checks.Pass, n ast.Node) {
	switch n := n.(type) {
	case *ast.FunctionDef:
		checkDA001Def(p, n.Args, n.Returns)
	case *ast.AsyncFunctionDef:
		checkDA001Def(p, n.Args, n.Returns)
	case *ast.AnnAssign:
		checkDA001Expr(p, n.Annotation)
	}
}

func checkDA001Def(p *checks.Pass, args *ast.Arguments, returns ast.Expr) {
	if args != nil {
		for _, a := range positionalParams(args) {
			checkDA001Expr(p, a.Annotation)
		}
		if args.Vararg != nil {
			checkDA001Expr(p, args.Vararg.Annotation)
		}
		for _, a := range args.Kwonlyargs {
			checkDA001Expr(p, a.Annotation)
		}
		if args.Kwarg != nil {
			checkDA001Expr(p, args.Kwarg.Annotation)
		}
	}
	checkDA001Expr(p, returns)
}

// checkDA001Expr walks one annotation and reports walrus, yield and
// await at the annotation's own level: not inside lambdas and
// comprehensions, except in a comprehension's first iterable, which the
// annotation evaluates.
func checkDA001Expr(p *checks.Pass, e ast.Expr) {
	if e == nil {
		return
	}
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case nil:
			return false
		case *ast.NamedExpr:
			p.Reportf(n, "named expression cannot be used within an annotation")
		case *ast.Yield, *ast.YieldFrom:
			p.Reportf(n, "yield expression cannot be used within an annotation")
		case *ast.Await:
			p.Reportf(n, "await expression cannot be used within an annotation")
		case *ast.Lambda:
			// The defaults belong to the annotation, the body to the lambda.
			if n.Args != nil {
				for _, d := range n.Args.Defaults {
					ast.Inspect(d, walk)
				}
				for _, d := range n.Args.KwDefaults {
					if d != nil {
						ast.Inspect(d, walk)
					}
				}
			}
			return false
		}
		if gens, ok := ast.Generators(n); ok {
			return daFirstIter(gens, walk)
		}
		return true
	}
	ast.Inspect(e, walk)
}
