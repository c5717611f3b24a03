package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
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

// matchesQualified reports whether e stands for one of the dotted names,
// as Model.MatchesQualified does. The qualified name of an attribute ends
// with the attribute, so an attribute whose name is not the last component
// of one of a few names is ruled out without looking the node up: rules
// ask this of most calls and attributes of every file, and nearly all of
// them are something else.
func matchesQualified(m *semantic.Model, e ast.Expr, names ...string) bool {
	return qualifiedIn(m, e, names...) != ""
}

// qualifiedIn returns the qualified name of e when it is one of names, and
// "" otherwise (see matchesQualified).
func qualifiedIn(m *semantic.Model, e ast.Expr, names ...string) string {
	// For a few names, comparing an attribute's name with their last
	// components is cheaper than finding the node's record in the model.
	if a, ok := e.(*ast.Attribute); ok && len(names) <= 3 && !lastIn(a.Attr, names) {
		return ""
	}
	q := m.QualifiedName(e)
	if q == "" {
		return ""
	}
	for _, n := range names {
		if q == n {
			return q
		}
	}
	return ""
}

// lastIn reports whether last is the last component of one of the dotted
// names.
func lastIn(last string, names []string) bool {
	for _, q := range names {
		if len(q) > len(last) && q[len(q)-len(last)-1] == '.' && q[len(q)-len(last):] == last {
			return true
		}
	}
	return false
}

// calls reports whether c calls one of the functions or classes with the
// qualified names.
func calls(p *checks.Pass, c *ast.Call, names ...string) bool {
	return qualifiedIn(p.Model, c.Func, names...) != ""
}
