package semantic

import (
	"strconv"
	"strings"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// VersionTest returns the range of Python versions [lo, hi) for which the
// condition e is true, when e compares sys.version_info (or
// sys.version_info[:2], or a module-level variable assigned one of them
// once) with a tuple of integer constants, possibly negated with not, or
// names a module-level variable assigned exactly once such a comparison
// (PY314 = sys.version_info >= (3, 14)), or names a flag imported from
// another module whose name says what it tests (PY314, PY_3_14_PLUS,
// PY310_OR_ABOVE: true on 3.N and newer). Only the major and minor parts
// of the tuple count: (3, 12, 4) is taken as (3, 12) for >= and < and is
// not understood otherwise. ok is false for anything else.
func (m *Model) VersionTest(e ast.Expr) (lo, hi parser.Version, ok bool) {
	return m.versionTest(e, 0)
}

func (m *Model) versionTest(e ast.Expr, depth int) (lo, hi parser.Version, ok bool) {
	all := parser.Version{Major: 255, Minor: 255}
	switch e := e.(type) {
	case *ast.UnaryOp:
		if e.Op != ast.Not {
			return lo, hi, false
		}
		lo, hi, ok := m.versionTest(e.Operand, depth)
		if !ok {
			return lo, hi, false
		}
		// The complement of [lo, hi) is a range only when one end is open.
		switch {
		case lo == (parser.Version{}):
			return hi, all, true
		case hi == all:
			return parser.Version{}, lo, true
		}
		return lo, hi, false
	case *ast.Compare:
		v, op, ok := m.versionCompare(e)
		if !ok {
			return lo, hi, false
		}
		switch op {
		case ast.GtE:
			return v, all, true
		case ast.Gt:
			return v.Next(), all, true
		case ast.Lt:
			return parser.Version{}, v, true
		case ast.LtE:
			return parser.Version{}, v.Next(), true
		}
	case *ast.Name:
		if depth > 0 {
			return lo, hi, false
		}
		id := m.Resolve(e)
		if id == NoBinding {
			return lo, hi, false
		}
		b := m.Binding(id)
		if b.IsImport() {
			// A flag imported from another module: trust its name.
			if v, ok := versionFlagName(b.Qualified[strings.LastIndexByte(b.Qualified, '.')+1:]); ok {
				return v, all, true
			}
			return lo, hi, false
		}
		if b.Scope != 0 || b.Kind != Assignment || len(m.Scopes[0].Bindings(b.Name)) != 1 {
			return lo, hi, false
		}
		as, ok := m.Parent(b.Node).(*ast.Assign)
		if !ok || len(as.Targets) != 1 || as.Targets[0] != b.Node {
			return lo, hi, false
		}
		return m.versionTest(as.Value, depth+1)
	}
	return lo, hi, false
}

// versionCompare recognizes sys.version_info OP (3, N), also with the
// operands swapped, and returns it as sys.version_info OP version.
func (m *Model) versionCompare(c *ast.Compare) (parser.Version, ast.CmpOp, bool) {
	return versionComparison(c, m.isVersionInfo)
}

// versionComparison recognizes VERSION_INFO OP (3, N), also with the
// operands swapped, where isVersionInfo says what stands for
// sys.version_info, and returns it as sys.version_info OP version. A
// tuple with a micro version is understood only with >= and <.
func versionComparison(c *ast.Compare, isVersionInfo func(ast.Expr) bool) (parser.Version, ast.CmpOp, bool) {
	if len(c.Ops) != 1 {
		return parser.Version{}, 0, false
	}
	left, right, op := c.Left, c.Comparators[0], c.Ops[0]
	if !isVersionInfo(left) {
		left, right = right, left
		switch op {
		case ast.Lt:
			op = ast.Gt
		case ast.LtE:
			op = ast.GtE
		case ast.Gt:
			op = ast.Lt
		case ast.GtE:
			op = ast.LtE
		}
		if !isVersionInfo(left) {
			return parser.Version{}, 0, false
		}
	}
	tup, ok := right.(*ast.Tuple)
	if !ok || len(tup.Elts) < 1 {
		return parser.Version{}, 0, false
	}
	var parts [2]int
	for i, elt := range tup.Elts {
		k, ok := elt.(*ast.Constant)
		if !ok || k.Value.Kind != ast.IntValue {
			return parser.Version{}, 0, false
		}
		n, err := strconv.Atoi(k.Value.Text)
		if err != nil || n > 255 {
			return parser.Version{}, 0, false
		}
		if i < 2 {
			parts[i] = n
		}
	}
	if len(tup.Elts) > 2 && op != ast.GtE && op != ast.Lt {
		return parser.Version{}, 0, false
	}
	return parser.Version{Major: uint8(parts[0]), Minor: uint8(parts[1])}, op, true
}

// isVersionInfo recognizes sys.version_info, sys.version_info[:N], and a
// module-level variable assigned one of them exactly once.
func (m *Model) isVersionInfo(e ast.Expr) bool {
	if n, ok := e.(*ast.Name); ok {
		id := m.Resolve(n)
		if id == NoBinding {
			return false
		}
		b := m.Binding(id)
		if b.Scope != 0 || b.Kind != Assignment || len(m.Scopes[0].Bindings(b.Name)) != 1 {
			return false
		}
		as, ok := m.Parent(b.Node).(*ast.Assign)
		if !ok || len(as.Targets) != 1 || as.Targets[0] != b.Node {
			return false
		}
		if _, ok := as.Value.(*ast.Name); ok {
			return false
		}
		return m.isVersionInfo(as.Value)
	}
	if s, ok := e.(*ast.Subscript); ok {
		if sl, ok := s.Slice.(*ast.Slice); ok && sl.Lower == nil && sl.Step == nil {
			e = s.Value
		}
	}
	return m.QualifiedName(e) == "sys.version_info"
}

// versionFlagName recognizes the usual names of flags that say the running
// Python is at least 3.N: PY314, PY_3_14_PLUS, PY310_OR_ABOVE,
// PYTHON_3_12_OR_NEWER, _PY313 and the like.
func versionFlagName(name string) (parser.Version, bool) {
	s := strings.ToUpper(strings.TrimLeft(name, "_"))
	switch {
	case strings.HasPrefix(s, "PYTHON"):
		s = s[len("PYTHON"):]
	case strings.HasPrefix(s, "PY"):
		s = s[len("PY"):]
	default:
		return parser.Version{}, false
	}
	s = strings.TrimPrefix(s, "_")
	for _, suffix := range []string{"_OR_ABOVE", "_OR_NEWER", "_OR_GREATER", "_OR_LATER", "_PLUS", "PLUS", "_UP"} {
		if strings.HasSuffix(s, suffix) {
			s = s[:len(s)-len(suffix)]
			break
		}
	}
	s = strings.ReplaceAll(s, "_", "")
	if len(s) < 3 || len(s) > 4 || s[0] != '3' {
		return parser.Version{}, false
	}
	minor, err := strconv.Atoi(s[1:])
	if err != nil {
		return parser.Version{}, false
	}
	return parser.Version{Major: 3, Minor: uint8(minor)}, true
}

// VersionRangeOf is VersionRange that also understands if statements
// testing a variable that holds a version comparison (see VersionTest):
// the range of Python versions [lo, hi) that n can run on.
func (m *Model) VersionRangeOf(n ast.Node) (lo, hi parser.Version) {
	lo, hi = m.VersionRange(n)
	child := n
	m.Ancestors(n, func(a ast.Node) bool {
		defer func() { child = a }()
		s, ok := a.(*ast.If)
		if !ok {
			return true
		}
		// Intersecting with the ranges of the model's own guards again
		// changes nothing.
		tlo, thi, ok := m.VersionTest(s.Test)
		if !ok {
			return true
		}
		inBody := len(s.Body) > 0 && child.Pos() >= s.Body[0].Pos() && child.End() <= s.Body[len(s.Body)-1].End()
		inElse := len(s.Orelse) > 0 && child.Pos() >= s.Orelse[0].Pos() && child.End() <= s.Orelse[len(s.Orelse)-1].End()
		switch {
		case inBody:
		case inElse:
			all := parser.Version{Major: 255, Minor: 255}
			switch {
			case tlo == (parser.Version{}):
				tlo, thi = thi, all
			case thi == all:
				tlo, thi = parser.Version{}, tlo
			default:
				return true
			}
		default:
			return true
		}
		if lo.Less(tlo) {
			lo = tlo
		}
		if thi.Less(hi) {
			hi = thi
		}
		return true
	})
	return lo, hi
}
