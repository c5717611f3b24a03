package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// calledName returns the qualified name of what a call calls ("gzip.open",
// "builtins.open"), or "" when the callee is not an import or a builtin.
func calledName(p *checks.Pass, c *ast.Call) string { return p.Model.QualifiedName(c.Func) }

// keyword returns the keyword argument name of c, or nil.
func keyword(c *ast.Call, name string) *ast.Keyword {
	for _, k := range c.Keywords {
		if k.Arg == name {
			return k
		}
	}
	return nil
}

// argument returns the argument of c at position pos or, failing that, the
// keyword argument name; nil when neither is given. Positions after a
// *args argument are not trusted.
func argument(c *ast.Call, pos int, name string) ast.Expr {
	for i, a := range c.Args {
		if _, ok := a.(*ast.Starred); ok {
			break
		}
		if i == pos {
			return a
		}
	}
	if k := keyword(c, name); k != nil {
		return k.Value
	}
	return nil
}

// stringConstant returns the value of a str literal.
func stringConstant(e ast.Expr) (string, bool) {
	if k, ok := e.(*ast.Constant); ok && k.Value.Kind == ast.StrValue {
		return k.Value.Text, true
	}
	return "", false
}

// calls reports whether c calls one of the functions or classes with the
// qualified names.
func calls(p *checks.Pass, c *ast.Call, names ...string) bool {
	return p.Model.QualifiedIn(c.Func, names...) != ""
}
