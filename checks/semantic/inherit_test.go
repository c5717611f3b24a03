package semantic

import (
	"fmt"
	"strings"
	"testing"

	"github.com/py314/py314/parser/ast"
)

func classByName(m *Model, name string) *ast.ClassDef {
	for i := range m.Scopes {
		if c, ok := m.Scopes[i].Node.(*ast.ClassDef); ok && c.Name == name && m.Scopes[i].Kind == ClassScope {
			return c
		}
	}
	return nil
}

func classNames(cs []*ast.ClassDef) string {
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	return strings.Join(names, ",")
}

func TestInheritance(t *testing.T) {
	src := `import threading
from threading import Thread as T
import socketserver

class Base(T):
    def run(self):
        self.step()
    def step(self):
        pass

class Mixin:
    def step(self):
        pass

class Worker(Base, Mixin):
    pass

class Leaf(Worker):
    def step(self):
        super().step()

class Handler(socketserver.BaseRequestHandler):
    pass

class Plain:
    pass

class Cycle(Cycle2):
    pass
`
	_, m := build(t, src)
	leaf := classByName(m, "Leaf")
	if got := classNames(m.Ancestry(leaf)); got != "Leaf,Worker,Base,Mixin" {
		t.Errorf("Ancestry(Leaf) = %s", got)
	}
	if got := classNames(m.ClassBases(classByName(m, "Worker"))); got != "Base,Mixin" {
		t.Errorf("ClassBases(Worker) = %s", got)
	}
	if got := classNames(m.Subclasses(classByName(m, "Base"))); got != "Worker,Leaf" {
		t.Errorf("Subclasses(Base) = %s", got)
	}
	for _, tc := range []struct {
		class string
		names []string
		want  bool
	}{
		{"Leaf", []string{"threading.Thread"}, true},
		{"Base", []string{"threading.Thread"}, true},
		{"Mixin", []string{"threading.Thread"}, false},
		{"Handler", []string{"socketserver.BaseRequestHandler"}, true},
		{"Plain", []string{"threading.Thread", "socketserver.BaseRequestHandler"}, false},
		{"Cycle", []string{"threading.Thread"}, false},
	} {
		if got := m.InheritsFrom(classByName(m, tc.class), tc.names...); got != tc.want {
			t.Errorf("InheritsFrom(%s, %v) = %v", tc.class, tc.names, got)
		}
	}
	// Worker's step comes from Base (first base), Leaf's is its own.
	methodLine := func(class, name string) string {
		def := m.Method(classByName(m, class), name)
		if def == nil {
			return "none"
		}
		return classNameOf(m, def) + "." + name
	}
	for _, tc := range [][3]string{
		{"Worker", "step", "Base.step"},
		{"Leaf", "step", "Leaf.step"},
		{"Leaf", "run", "Base.run"},
		{"Mixin", "run", "none"},
	} {
		if got := methodLine(tc[0], tc[1]); got != tc[2] {
			t.Errorf("Method(%s, %s) = %s, want %s", tc[0], tc[1], got, tc[2])
		}
	}
}

func classNameOf(m *Model, def ast.Node) string {
	if c := m.ClassOf(def); c != nil {
		return c.Name
	}
	return "?"
}

func TestCallTarget(t *testing.T) {
	src := `def helper():
    pass

class A:
    def __init__(self):
        self.go()
    def go(self):
        helper()
    @classmethod
    def make(cls):
        return cls.build()
    @classmethod
    def build(cls):
        return cls()
    @staticmethod
    def static(self):
        self.go()

class B(A):
    def go(self):
        super().go()
        A.go(self)
        f = lambda: self.other()
        f()
    def other(self):
        unknown()

def outer():
    def inner():
        pass
    inner()
    A()
    x = A()
    x.go()
`
	f, m := build(t, src)
	var got []string
	for _, info := range m.Nodes {
		c, ok := info.Node.(*ast.Call)
		if !ok {
			continue
		}
		line, _ := f.File.LineCol(c.Pos())
		target := "-"
		if s, ok := m.CallTarget(c); ok {
			line, _ := f.File.LineCol(m.Scope(s).Node.Pos())
			target = fmt.Sprintf("def at line %d", line)
		}
		got = append(got, fmt.Sprintf("%d %s: %s", line, f.File.Src[c.Pos():c.End()], target))
	}
	want := `6 self.go(): def at line 7
8 helper(): def at line 1
11 cls.build(): def at line 13
14 cls(): -
17 self.go(): -
21 super().go(): def at line 7
21 super(): -
22 A.go(self): def at line 7
23 self.other(): def at line 25
24 f(): -
26 unknown(): -
31 inner(): def at line 29
32 A(): def at line 5
33 A(): def at line 5
34 x.go(): -`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("call targets:\n%s\nwant:\n%s", g, want)
	}
}
