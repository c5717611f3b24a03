package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// This file holds what the rules about except clauses share: telling the
// PEP 758 spelling "except A, B:" from the parenthesized one, and the
// Python 2 spelling "except E, e:" from both.

// python2Except reports whether h is written "except E, name:" with name
// a lowercase name unbound where the clause is evaluated: Python 2's
// "except E as name:". It returns the type tuple and the name.
func python2Except(p *checks.Pass, h *ast.ExceptHandler) (*ast.Tuple, *ast.Name, bool) {
	t, ok := h.Type.(*ast.Tuple)
	if !ok || len(t.Elts) != 2 || h.Name != "" || !unparenthesizedExcept(p.File, t) {
		return nil, nil, false
	}
	name, ok := t.Elts[1].(*ast.Name)
	if !ok || !looksLikeVariable(name.Id) || !unboundAt(p.Model, name, h) {
		return nil, nil, false
	}
	return t, name, true
}

// unparenthesizedExcept reports whether t is the type of an except clause
// written without parentheses (PEP 758).
func unparenthesizedExcept(f *parser.File, t *ast.Tuple) bool {
	for _, g := range f.Gates {
		if g.Feature == parser.UnparenthesizedExceptTypes && g.Span.Start == t.Pos() && g.Span.End == t.End() {
			return true
		}
	}
	return false
}

// hasUnparenthesizedExcept reports whether the file has an except clause
// whose types are written without parentheses.
func hasUnparenthesizedExcept(f *parser.File) bool {
	for _, g := range f.Gates {
		if g.Feature == parser.UnparenthesizedExceptTypes {
			return true
		}
	}
	return false
}

// looksLikeVariable reports whether an identifier is spelled like a
// variable (error, e, _exc) rather than a class (ValueError).
func looksLikeVariable(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c == '_' {
			continue
		}
		return 'a' <= c && c <= 'z'
	}
	return false
}

// unboundAt reports whether name, read in the except clause h, has no
// binding there: no builtin, no import, no assignment before the clause.
// A binding inside the handler body itself does not count: the clause is
// evaluated before the body runs.
func unboundAt(m *semantic.Model, name *ast.Name, h *ast.ExceptHandler) bool {
	id := m.Resolve(name)
	if id == semantic.NoBinding {
		return !semantic.IsBuiltin(name.Id)
	}
	b := m.Binding(id)
	return len(h.Body) > 0 && b.Span.Start >= h.Body[0].Pos() && b.Span.End <= h.End()
}
