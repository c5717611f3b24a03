package semantic

import (
	"github.com/py314/py314/parser/ast"
)

// ClassBases returns the base classes of c that the module itself
// defines, in the order of the class statement. Bases that are imported,
// built in or computed are left out.
func (m *Model) ClassBases(c *ast.ClassDef) []*ast.ClassDef {
	var out []*ast.ClassDef
	for _, e := range c.Bases {
		if b := m.classNamed(e); b != nil && b != c {
			out = append(out, b)
		}
	}
	return out
}

// classNamed returns the class of the module that a name expression stands
// for, or nil.
func (m *Model) classNamed(e ast.Expr) *ast.ClassDef {
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	id := m.Resolve(n)
	if id == NoBinding || m.Bindings[id].Kind != ClassDef {
		return nil
	}
	c, _ := m.Bindings[id].Node.(*ast.ClassDef)
	return c
}

// Ancestry returns c and every class of the module it derives from,
// directly or through other classes of the module, depth first in the
// order of the bases (an approximation of the MRO that is exact for single
// inheritance). Each class appears once.
func (m *Model) Ancestry(c *ast.ClassDef) []*ast.ClassDef {
	seen := map[*ast.ClassDef]bool{}
	var out []*ast.ClassDef
	var walk func(*ast.ClassDef)
	walk = func(c *ast.ClassDef) {
		if seen[c] {
			return
		}
		seen[c] = true
		out = append(out, c)
		for _, b := range m.ClassBases(c) {
			walk(b)
		}
	}
	walk(c)
	return out
}

// InheritsFrom reports whether c derives from a class with one of the
// qualified names ("threading.Thread"), directly or through classes of the
// module.
func (m *Model) InheritsFrom(c *ast.ClassDef, names ...string) bool {
	for _, a := range m.Ancestry(c) {
		for _, b := range a.Bases {
			if m.MatchesQualified(b, names...) {
				return true
			}
		}
	}
	return false
}

// Subclasses returns the classes of the module that derive from c,
// directly or indirectly, in source order.
func (m *Model) Subclasses(c *ast.ClassDef) []*ast.ClassDef {
	var out []*ast.ClassDef
	for i := range m.Scopes {
		s := &m.Scopes[i]
		d, ok := s.Node.(*ast.ClassDef)
		if !ok || s.Kind != ClassScope || d == c {
			continue
		}
		for _, a := range m.Ancestry(d)[1:] {
			if a == c {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// Method returns the def of the method name that instances of c use: the
// one c defines, else the first found in its bases of the module (see
// Ancestry). It returns nil when no class of the module defines it.
func (m *Model) Method(c *ast.ClassDef, name string) ast.Node {
	for _, a := range m.Ancestry(c) {
		s, ok := m.ScopeFor(a)
		if !ok {
			continue
		}
		ids := m.bindingsIn(s, name)
		for i := len(ids) - 1; i >= 0; i-- {
			if b := &m.Bindings[ids[i]]; b.Kind == FunctionDef {
				return b.Node
			}
		}
	}
	return nil
}

// SelfParam returns the def of the method whose first parameter the name
// n reads, and the class defining that method; ok is false when n is not
// the first parameter of a method (in the method's body or in a lambda or
// comprehension inside it). Static methods have no such parameter.
func (m *Model) SelfParam(n *ast.Name) (fn ast.Node, class *ast.ClassDef, ok bool) {
	id := m.Resolve(n)
	if id == NoBinding || m.Bindings[id].Kind != Parameter {
		return nil, nil, false
	}
	b := &m.Bindings[id]
	fn = m.Scopes[b.Scope].Node
	class = m.ClassOf(fn)
	if class == nil {
		return nil, nil, false
	}
	var args *ast.Arguments
	var decorators []ast.Expr
	switch f := fn.(type) {
	case *ast.FunctionDef:
		args, decorators = f.Args, f.DecoratorList
	case *ast.AsyncFunctionDef:
		args, decorators = f.Args, f.DecoratorList
	default:
		return nil, nil, false
	}
	for _, d := range decorators {
		if m.MatchesQualified(d, "builtins.staticmethod") {
			return nil, nil, false
		}
	}
	var first *ast.Arg
	if len(args.Posonlyargs) > 0 {
		first = args.Posonlyargs[0]
	} else if len(args.Args) > 0 {
		first = args.Args[0]
	}
	if first == nil || b.Node != ast.Node(first) {
		return nil, nil, false
	}
	return fn, class, true
}

// IsClassMethod reports whether fn is decorated with classmethod.
func (m *Model) IsClassMethod(fn ast.Node) bool {
	var decorators []ast.Expr
	switch f := fn.(type) {
	case *ast.FunctionDef:
		decorators = f.DecoratorList
	case *ast.AsyncFunctionDef:
		decorators = f.DecoratorList
	}
	for _, d := range decorators {
		if m.MatchesQualified(d, "builtins.classmethod") {
			return true
		}
	}
	return false
}

// CallTarget returns the scope of the function of the module that a call
// runs: a function or nested function called by name, the __init__ of a
// class called by name, a method called through the first parameter of a
// method (self.m(), cls.m(), looked up through the bases of the module as
// Method does), a method called through a class name (C.m()), or a base
// class's method called through super().m(). ok is false when the callee
// is not a function of the module.
func (m *Model) CallTarget(c *ast.Call) (ScopeID, bool) {
	switch fn := c.Func.(type) {
	case *ast.Name:
		id := m.Resolve(fn)
		if id == NoBinding {
			return 0, false
		}
		b := &m.Bindings[id]
		switch b.Kind {
		case FunctionDef:
			return m.ScopeFor(b.Node)
		case ClassDef:
			if cls, ok := b.Node.(*ast.ClassDef); ok {
				return m.methodScope(cls, "__init__")
			}
		}
	case *ast.Attribute:
		switch v := fn.Value.(type) {
		case *ast.Name:
			if _, cls, ok := m.SelfParam(v); ok {
				return m.methodScope(cls, fn.Attr)
			}
			if cls := m.classNamed(v); cls != nil {
				return m.methodScope(cls, fn.Attr)
			}
		case *ast.Call:
			// super().m() in a method: the method of a base class.
			if n, ok := v.Func.(*ast.Name); ok && n.Id == "super" && m.QualifiedName(n) == "builtins.super" {
				def := m.FunctionOf(c)
				for def != nil {
					if _, ok := def.(*ast.Lambda); !ok {
						break
					}
					def = m.FunctionOf(def)
				}
				cls := m.ClassOf(def)
				if cls == nil {
					return 0, false
				}
				for _, a := range m.Ancestry(cls)[1:] {
					if s, ok := m.methodScope(a, fn.Attr); ok {
						return s, true
					}
				}
			}
		}
	}
	return 0, false
}

func (m *Model) methodScope(c *ast.ClassDef, name string) (ScopeID, bool) {
	if def := m.Method(c, name); def != nil {
		return m.ScopeFor(def)
	}
	return 0, false
}
