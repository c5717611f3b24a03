package semantic

import (
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// GuardID identifies a guard of a Model.
type GuardID int32

// NoGuard is the guard of unguarded code.
const NoGuard GuardID = -1

// GuardKind says what a guard checks.
type GuardKind uint8

// The guard kinds.
const (
	TypeCheckingGuard    GuardKind = iota // body of `if TYPE_CHECKING:`; never runs
	NotTypeCheckingGuard                  // else branch of `if TYPE_CHECKING:`
	VersionAtLeast                        // runs only on sys.version_info >= Version
	VersionBelow                          // runs only on sys.version_info < Version
	TryGuard                              // body of a try with an ImportError or AttributeError handler
	FallbackGuard                         // an except ImportError / AttributeError clause
	HasAttrGuard                          // body of `if hasattr(obj, "name"):`; Name is "obj.name" qualified
	NotHasAttrGuard                       // else branch, or `if not hasattr(...)`
)

var guardKindNames = [...]string{"type-checking", "not-type-checking", "version-at-least",
	"version-below", "try", "fallback", "has-attr", "not-has-attr"}

func (k GuardKind) String() string { return guardKindNames[k] }

// Guard is a condition that code runs under.
type Guard struct {
	Kind    GuardKind
	Parent  GuardID        // the enclosing guard
	Version parser.Version // for VersionAtLeast and VersionBelow
	Name    string         // for HasAttrGuard: the qualified attribute, "" if unknown
	Node    ast.Node       // the if or try statement (for fallbacks, the handler)
}

// Guarded reports whether n runs under a guard of one of the kinds.
func (m *Model) Guarded(n ast.Node, kinds ...GuardKind) bool {
	info := m.Info(n)
	if info == nil {
		return false
	}
	for g := info.Guard; g != NoGuard; g = m.Guards[g].Parent {
		for _, k := range kinds {
			if m.Guards[g].Kind == k {
				return true
			}
		}
	}
	return false
}

// VersionRange returns the range of Python versions [lo, hi) that n can
// run on according to the sys.version_info checks around it. lo is the
// zero Version and hi is {255, 255} when unconstrained.
func (m *Model) VersionRange(n ast.Node) (lo, hi parser.Version) {
	hi = parser.Version{Major: 255, Minor: 255}
	info := m.Info(n)
	if info == nil {
		return lo, hi
	}
	for g := info.Guard; g != NoGuard; g = m.Guards[g].Parent {
		gd := &m.Guards[g]
		switch gd.Kind {
		case VersionAtLeast:
			if lo.Less(gd.Version) {
				lo = gd.Version
			}
		case VersionBelow:
			if gd.Version.Less(hi) {
				hi = gd.Version
			}
		}
	}
	return lo, hi
}

// InTypeChecking reports whether n is inside an `if TYPE_CHECKING:` body.
func (m *Model) InTypeChecking(n ast.Node) bool {
	info := m.Info(n)
	return info != nil && info.Flags&InTypeChecking != 0
}

// conditionGuards returns the guard kinds an if-test establishes for its
// body and for its else branch, or ok == false if the test is not one the
// model understands.
func (b *builder) conditionGuards(test ast.Expr) (body, orelse Guard, ok bool) {
	switch t := test.(type) {
	case *ast.Name, *ast.Attribute:
		if b.isTypeChecking(t) {
			return Guard{Kind: TypeCheckingGuard}, Guard{Kind: NotTypeCheckingGuard}, true
		}
	case *ast.UnaryOp:
		if t.Op == ast.Not {
			if body, orelse, ok := b.conditionGuards(t.Operand); ok {
				return orelse, body, true
			}
		}
	case *ast.Call:
		if name, ok := b.hasattrCall(t); ok {
			return Guard{Kind: HasAttrGuard, Name: name}, Guard{Kind: NotHasAttrGuard, Name: name}, true
		}
	case *ast.Compare:
		if v, op, ok := b.versionCompare(t); ok {
			switch op {
			case ast.GtE:
				return Guard{Kind: VersionAtLeast, Version: v}, Guard{Kind: VersionBelow, Version: v}, true
			case ast.Lt:
				return Guard{Kind: VersionBelow, Version: v}, Guard{Kind: VersionAtLeast, Version: v}, true
			case ast.Gt:
				v = v.Next()
				return Guard{Kind: VersionAtLeast, Version: v}, Guard{Kind: VersionBelow, Version: v}, true
			case ast.LtE:
				v = v.Next()
				return Guard{Kind: VersionBelow, Version: v}, Guard{Kind: VersionAtLeast, Version: v}, true
			}
		}
	}
	return Guard{}, Guard{}, false
}

func (b *builder) isTypeChecking(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Name:
		if e.Id == "TYPE_CHECKING" {
			return true
		}
	case *ast.Attribute:
		if e.Attr == "TYPE_CHECKING" {
			return true
		}
	}
	return false
}

// hasattrCall recognizes hasattr(x, "name") and returns the qualified
// attribute when x resolves, else "name" alone.
func (b *builder) hasattrCall(c *ast.Call) (string, bool) {
	fn, ok := c.Func.(*ast.Name)
	if !ok || fn.Id != "hasattr" || len(c.Args) != 2 || len(c.Keywords) != 0 {
		return "", false
	}
	s, ok := c.Args[1].(*ast.Constant)
	if !ok || s.Value.Kind != ast.StrValue {
		return "", false
	}
	if q := b.pendingQualified(c.Args[0]); q != "" {
		return q + "." + s.Value.Text, true
	}
	return s.Value.Text, true
}

// versionCompare recognizes sys.version_info OP (3, N) and
// sys.version_info[:2] OP (3, N), also with the operands swapped.
func (b *builder) versionCompare(c *ast.Compare) (parser.Version, ast.CmpOp, bool) {
	return versionComparison(c, b.isVersionInfo)
}

func (b *builder) isVersionInfo(e ast.Expr) bool {
	if s, ok := e.(*ast.Subscript); ok {
		if sl, ok := s.Slice.(*ast.Slice); ok && sl.Lower == nil && sl.Step == nil {
			e = s.Value
		}
	}
	return b.pendingQualified(e) == "sys.version_info"
}
