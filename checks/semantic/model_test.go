package semantic

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

func build(t *testing.T, src string) (*parser.File, *Model) {
	t.Helper()
	f := parser.ParseSource("test.py", []byte(src), parser.Options{})
	if len(f.Errors) > 0 {
		t.Fatalf("parse: %v", f.Errors)
	}
	return f, Build(f)
}

// qualifiedNames renders the qualified name of every name and attribute
// chain that is read, as "line:col text -> qualified", skipping those that
// resolve to nothing.
func qualifiedNames(f *parser.File, m *Model) string {
	var lines []string
	for _, info := range m.Nodes {
		var e ast.Expr
		switch n := info.Node.(type) {
		case *ast.Name:
			if n.Ctx != ast.Load {
				continue
			}
			if _, ok := m.Parent(n).(*ast.Attribute); ok {
				continue
			}
			e = n
		case *ast.Attribute:
			if _, ok := m.Parent(n).(*ast.Attribute); ok {
				continue
			}
			e = n
		default:
			continue
		}
		q := m.QualifiedName(e)
		if q == "" {
			continue
		}
		line, col := f.File.LineCol(e.Pos())
		lines = append(lines, fmt.Sprintf("%d:%d %s -> %s", line, col, f.File.Src[e.Pos():e.End()], q))
	}
	return strings.Join(lines, "\n")
}

func TestQualifiedNames(t *testing.T) {
	src := `import gzip as gz
import a.b.c
import os.path as osp
from threading import Thread as T, Lock
from . import sibling
from ..pkg import mod as m2

gz.open("x")
a.b.c.d()
osp.join
T(target=f)
Lock()
sibling.x
m2.y
open("f")

def f(gzip):
    gzip.open("y")   # a parameter, not the module
    len(gzip)

def g():
    gz = None
    gz.open("z")     # a local shadows the import
`
	f, m := build(t, src)
	want := `8:0 gz.open -> gzip.open
9:0 a.b.c.d -> a.b.c.d
10:0 osp.join -> os.path.join
11:0 T -> threading.Thread
12:0 Lock -> threading.Lock
13:0 sibling.x -> .sibling.x
14:0 m2.y -> ..pkg.mod.y
15:0 open -> builtins.open
19:4 len -> builtins.len`
	if got := qualifiedNames(f, m); got != want {
		t.Errorf("qualified names:\n%s\nwant:\n%s", got, want)
	}
}

func TestScoping(t *testing.T) {
	src := `x = 1
class C:
    x = 2
    y = x          # the class's x
    def m(self):
        return x   # the module's x: class scope is not visible
    z = [x for _ in range(3)]  # the module's x inside the comprehension
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 1
    global counter
    counter = 5
def uses():
    return counter
`
	f, m := build(t, src)
	var got []string
	for _, info := range m.Nodes {
		n, ok := info.Node.(*ast.Name)
		if !ok || n.Ctx != ast.Load && !(n.Ctx == ast.Store && n.Id == "n") {
			continue
		}
		line, _ := f.File.LineCol(n.Pos())
		b := "builtin/undefined"
		if info.Ref != NoBinding {
			bd := m.Binding(info.Ref)
			bl, _ := f.File.LineCol(bd.Span.Start)
			b = fmt.Sprintf("%s %s in %s scope, line %d", bd.Kind, bd.Name, m.Scope(bd.Scope).Kind, bl)
		}
		got = append(got, fmt.Sprintf("line %d %s: %s", line, n.Id, b))
	}
	want := `line 4 x: assignment x in class scope, line 3
line 6 x: assignment x in module scope, line 1
line 7 range: builtin/undefined
line 7 x: assignment x in module scope, line 1
line 9 n: assignment n in function scope, line 9
line 12 n: assignment n in function scope, line 9
line 16 counter: assignment counter in module scope, line 14`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("references:\n%s\nwant:\n%s", g, want)
	}
	// The augmented assignment in inner() binds in outer()'s scope.
	outerScope, _ := m.ScopeFor(m.Module.Body[2])
	var kinds []string
	for _, id := range m.Scope(outerScope).Bindings("n") {
		kinds = append(kinds, m.Binding(id).Kind.String())
	}
	if g := strings.Join(kinds, ","); g != "assignment,aug-assignment" {
		t.Errorf("bindings of n in outer: %s", g)
	}
}

func TestGuards(t *testing.T) {
	src := `import sys
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import a
else:
    import b
if sys.version_info >= (3, 14):
    c = 1
else:
    c = 2
if sys.version_info[:2] < (3, 12):
    d = 1
try:
    import e
except ImportError:
    e = None
if hasattr(sys, "_is_gil_enabled"):
    g = 1
`
	f, m := build(t, src)
	var got []string
	for i := range m.Bindings {
		b := &m.Bindings[i]
		var kinds []string
		for g := b.Guard; g != NoGuard; g = m.Guards[g].Parent {
			gd := m.Guards[g]
			s := fmt.Sprint(gd.Kind)
			switch gd.Kind {
			case VersionAtLeast, VersionBelow:
				s += " " + gd.Version.String()
			case HasAttrGuard:
				s += " " + gd.Name
			}
			kinds = append(kinds, s)
		}
		line, _ := f.File.LineCol(b.Span.Start)
		got = append(got, fmt.Sprintf("%d %s: %s", line, b.Name, strings.Join(kinds, " < ")))
	}
	want := `1 sys: 
2 TYPE_CHECKING: 
4 a: type-checking
6 b: not-type-checking
8 c: version-at-least 3.14
10 c: version-below 3.14
12 d: version-below 3.12
14 e: try
16 e: fallback
18 g: has-attr sys._is_gil_enabled`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("guards:\n%s\nwant:\n%s", g, want)
	}
	lo, hi := m.VersionRange(m.Module.Body[3].(*ast.If).Body[0])
	if lo.String() != "3.14" || hi.String() != "255.255" {
		t.Errorf("VersionRange = %s, %s", lo, hi)
	}
	if !m.InTypeChecking(m.Module.Body[2].(*ast.If).Body[0]) {
		t.Error("import a is not seen as under TYPE_CHECKING")
	}
}

func TestCallGraph(t *testing.T) {
	src := `import threading

def helper():
    bump()

def bump():
    pass

class Worker(threading.Thread):
    def run(self):
        self.step()
        helper()
    def step(self):
        pass

def main():
    w = Worker()
    [helper() for _ in range(2)]
`
	_, m := build(t, src)
	name := func(s ScopeID) string {
		switch n := m.Scope(s).Node.(type) {
		case *ast.FunctionDef:
			if c := m.ClassOf(n); c != nil {
				return c.Name + "." + n.Name
			}
			return n.Name
		case *ast.Module:
			return "<module>"
		}
		return m.Scope(s).Kind.String()
	}
	var got []string
	for i := range m.Scopes {
		var callees []string
		for _, c := range m.Callees(ScopeID(i)) {
			callees = append(callees, name(c))
		}
		if len(callees) > 0 {
			sort.Strings(callees)
			got = append(got, name(ScopeID(i))+" -> "+strings.Join(callees, ", "))
		}
	}
	want := `helper -> bump
Worker.run -> Worker.step, helper
main -> helper`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("call graph:\n%s\nwant:\n%s", g, want)
	}
	run, _ := m.ScopeFor(m.Module.Body[3].(*ast.ClassDef).Body[0])
	var reach []string
	for s := range m.Reachable(run) {
		reach = append(reach, name(s))
	}
	sort.Strings(reach)
	if g := strings.Join(reach, ", "); g != "Worker.run, Worker.step, bump, helper" {
		t.Errorf("reachable from Worker.run: %s", g)
	}
}

func TestNodeIDAcrossModels(t *testing.T) {
	f, m1 := build(t, "x = f(a.b)\n")
	call := f.Module.Body[0].(*ast.Assign).Value.(*ast.Call)
	want := m1.NodeID(call)
	if want <= 0 || m1.Nodes[want].Node != call {
		t.Fatalf("NodeID(call) = %d, want the call's index", want)
	}

	// A node built after the model, and a copy of a node of the tree, are
	// not in the module.
	if got := m1.NodeID(&ast.Name{Id: "f"}); got != NoNode {
		t.Errorf("NodeID(fresh node) = %d, want NoNode", got)
	}
	cp := *call
	if got := m1.NodeID(&cp); got != NoNode {
		t.Errorf("NodeID(copy of a node) = %d, want NoNode", got)
	}
	if got := m1.NodeID(nil); got != NoNode {
		t.Errorf("NodeID(nil) = %d, want NoNode", got)
	}
	// Nil pointers of node types, as a failed type assertion leaves them.
	for _, n := range []ast.Node{(*ast.Name)(nil), (*ast.Attribute)(nil), (*ast.Call)(nil), (*ast.ClassDef)(nil)} {
		if got := m1.NodeID(n); got != NoNode {
			t.Errorf("NodeID(%T(nil)) = %d, want NoNode", n, got)
		}
	}
	if got := m1.Resolve(nil); got != NoBinding {
		t.Errorf("Resolve(nil) = %d, want NoBinding", got)
	}
	if _, ok := m1.ScopeFor((*ast.ClassDef)(nil)); ok {
		t.Errorf("ScopeFor(nil class) found a scope")
	}

	// A second tree sharing the call numbers it differently; the first
	// model still finds it where it was, the second where it is now.
	g := parser.ParseSource("test.py", []byte("pass\npass\ny = 1\n"), parser.Options{})
	g.Module.Body[2].(*ast.Assign).Value = call
	m2 := Build(g)
	if got := m1.NodeID(call); got != want {
		t.Errorf("first model: NodeID(call) = %d, want %d", got, want)
	}
	id2 := m2.NodeID(call)
	if id2 == NoNode || m2.Nodes[id2].Node != call || id2 == want {
		t.Errorf("second model: NodeID(call) = %d, want its index there (not %d)", id2, want)
	}
	if got := m2.NodeID(f.Module.Body[0]); got != NoNode {
		t.Errorf("second model: NodeID(a node of the first tree only) = %d, want NoNode", got)
	}
	if got, want := m1.Parent(call), f.Module.Body[0]; got != want {
		t.Errorf("first model: Parent(call) = %v, want the first tree's assignment", got)
	}
	if got, want := m2.Parent(call), g.Module.Body[2]; got != want {
		t.Errorf("second model: Parent(call) = %v, want the second tree's assignment", got)
	}
}

// kindsOf renders nodes as their kinds, space-separated.
func kindsOf(nodes []ast.Node) string {
	var b strings.Builder
	for i, n := range nodes {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(n.Kind().String())
	}
	return b.String()
}

func TestSubtreeAndInspect(t *testing.T) {
	f, m := build(t, `@dec(k)
def f(a=1, *, b: int = 2) -> str:
    return [x for x in a if x]
`)
	def := f.Module.Body[0]
	var all []ast.Node
	for _, info := range m.Subtree(def) {
		all = append(all, info.Node)
	}
	want := "FunctionDef Call Name Name Arguments Constant Constant Arg Arg Name Name Return ListComp Name Comprehension Name Name Name"
	if got := kindsOf(all); got != want {
		t.Errorf("Subtree(def) =\n%s\nwant\n%s", got, want)
	}

	// Inspect skips the descendants of nodes for which f returns false.
	var seen []ast.Node
	m.Inspect(def, func(n ast.Node) bool {
		seen = append(seen, n)
		switch n.(type) {
		case *ast.Call, *ast.Arguments:
			return false
		}
		return true
	})
	want = "FunctionDef Call Arguments Name Return ListComp Name Comprehension Name Name Name"
	if got := kindsOf(seen); got != want {
		t.Errorf("Inspect(def) =\n%s\nwant\n%s", got, want)
	}

	// A node built after the model is walked with ast.Inspect, without
	// the nil calls.
	seen = seen[:0]
	fresh := &ast.Attribute{Value: &ast.Name{Id: "a"}, Attr: "b"}
	m.Inspect(fresh, func(n ast.Node) bool { seen = append(seen, n); return true })
	if got, want := kindsOf(seen), "Attribute Name"; got != want {
		t.Errorf("Inspect(fresh node) = %s, want %s", got, want)
	}
	if got := m.Subtree(fresh); got != nil {
		t.Errorf("Subtree(fresh node) = %v, want nil", got)
	}
}

// TestSubtreeMatchesTree checks that every subtree of the model holds the
// nodes ast.Inspect finds under the same node, except for comprehension
// clauses: the first iterable belongs to the comprehension expression.
func TestSubtreeMatchesTree(t *testing.T) {
	_, m := build(t, `import os
class C(Base, metaclass=M):
    x: int = 1
    def m[T: int](self, *a, k=os.sep, **kw) -> T:
        with open(a) as fh, lock:
            try:
                del self.x[0]
            except* (E, F) as e:
                raise
            finally:
                pass
        match k:
            case {"a": [1, *rest], **more} if rest:
                pass
            case C(x=y) | None:
                pass
        lam = lambda q, r=2: q + r
        return {k: v async for k, v in kw.items() if v} or (z := 3)
type A[*Ts, **P] = tuple[*Ts]
f"{os.sep!r:>{width}}"
`)
	for id, info := range m.Nodes {
		if _, ok := info.Node.(*ast.Comprehension); ok {
			continue
		}
		want := map[ast.Node]bool{}
		ast.Inspect(info.Node, func(n ast.Node) bool {
			if n != nil {
				want[n] = true
			}
			return true
		})
		sub := m.Subtree(info.Node)
		got := map[ast.Node]bool{}
		for i := range sub {
			got[sub[i].Node] = true
			if p := sub[i].Parent; i > 0 && (p < NodeID(id) || p >= NodeID(id+i)) {
				t.Errorf("node %d (%s): parent %d outside the subtree", id+i, sub[i].Node.Kind(), p)
			}
		}
		if len(got) != len(want) || len(sub) != len(want) {
			t.Errorf("Subtree(%s at %d) has %d nodes, ast.Inspect finds %d", info.Node.Kind(), id, len(sub), len(want))
			continue
		}
		for n := range want {
			if !got[n] {
				t.Errorf("Subtree(%s at %d) lacks %s", info.Node.Kind(), id, n.Kind())
			}
		}
	}
}

func TestHasKind(t *testing.T) {
	_, m := build(t, `import os
x = t"{os.sep!r}"
match x:
    case [1, *rest]:
        pass
`)
	var got []string
	for k := ast.KindInvalid; k <= ast.NumKinds; k++ {
		if m.HasKind(k) {
			got = append(got, k.String())
		}
	}
	want := "Module Import Assign Match Pass Attribute Name Interpolation TemplateStr Alias MatchCase MatchValue MatchSequence MatchStar Constant"
	sort.Strings(got)
	w := strings.Fields(want)
	sort.Strings(w)
	if g, w := strings.Join(got, " "), strings.Join(w, " "); g != w {
		t.Errorf("HasKind is true of\n%s\nwant\n%s", g, w)
	}

	// The kinds are those of the nodes of the tree, for every kind the
	// walk has a case for.
	f, m := build(t, `import os, a.b as c
from . import d
@dec
class C(Base, metaclass=M):
    x: int = 1
    y += 2; del y; global g; assert g, "m"
    async def m[T: int, **P, *Ts](self, /, *a, k=os.sep, **kw) -> T:
        async with open(a) as fh, lock:
            try:
                print(-a[1:2:3], not b, a and b, a if b else c, {1, 2}, {1: 2}, [*a], (yield), (yield from a), await a)
            except* (E, F) as e:
                raise E from e
            else:
                pass
            finally:
                pass
        async for i in a:
            continue
        while b:
            break
        for j in a:
            nonlocal q
        match k:
            case {"a": [1, *rest], **more} if rest:
                pass
            case C(x=y) | None as z:
                pass
        lam = lambda q, r=2: q + r
        return {k: v async for k, v in kw.items() if v} or (z := 3) or {s for s in a} or [l for l in a] or (g for g in a)
    def n(self): return f"{1!r:>{w}}" + t"{a}" < 3
type A[*Ts, **P] = tuple[*Ts]
if TYPE_CHECKING:
    import typing
`)
	var want2 [ast.NumKinds + 1]bool
	ast.Inspect(f.Module, func(n ast.Node) bool {
		if n != nil {
			want2[n.Kind()] = true
		}
		return true
	})
	for k := ast.KindInvalid; k <= ast.NumKinds; k++ {
		if m.HasKind(k) != want2[k] {
			t.Errorf("HasKind(%s) = %v, want %v", k, m.HasKind(k), want2[k])
		}
	}
}

// TestGenericWalk checks the walk's fallback for node kinds it has no case
// for (none today): for the kinds whose children the walk visits in the
// order of their fields, visiting a node through the fallback records the
// same subtree as the walk.
func TestGenericWalk(t *testing.T) {
	src := `x = f(a, *b, k=1, **c)[1:2, ::3] + -y if z else {1: 2, **d}
with open(p) as fh, lock:
    raise E("m") from e
match v:
    case C(1, [2, *r], k=None) | {"a": 3, **rest}:
        pass
try:
    assert a, f"{b!r:>{w}}"
except E:
    del q
import os, a.b as c
type A[T] = list[T]
`
	plain := map[ast.Kind]bool{}
	for _, k := range []ast.Kind{ast.KindAssign, ast.KindIfExp, ast.KindBinOp, ast.KindSubscript, ast.KindCall,
		ast.KindStarred, ast.KindKeyword, ast.KindTuple, ast.KindSlice, ast.KindUnaryOp, ast.KindDict,
		ast.KindWith, ast.KindWithItem, ast.KindRaise, ast.KindMatch, ast.KindMatchCase, ast.KindMatchOr,
		ast.KindMatchClass, ast.KindMatchSequence, ast.KindMatchMapping, ast.KindMatchValue, ast.KindTry,
		ast.KindAssert, ast.KindJoinedStr, ast.KindFormattedValue, ast.KindDelete, ast.KindImport, ast.KindTypeAlias} {
		plain[k] = true
	}
	// The shape of a subtree: each node's kind, parent and end relative
	// to the subtree's root.
	shape := func(sub []NodeInfo, base NodeID) string {
		var b strings.Builder
		for i, info := range sub {
			p := "-"
			if i > 0 {
				p = fmt.Sprint(info.Parent - base)
			}
			fmt.Fprintf(&b, "%s^%s:%d ", info.Node.Kind(), p, info.End-base)
		}
		return b.String()
	}
	f, m := build(t, src)
	type check struct {
		n    ast.Node
		want string
	}
	var checks []check
	seen := map[ast.Kind]bool{}
	for id, info := range m.Nodes {
		if k := info.Node.Kind(); plain[k] {
			seen[k] = true
			checks = append(checks, check{info.Node, shape(m.Nodes[id:info.End], NodeID(id))})
		}
	}
	for k := range plain {
		if !seen[k] {
			t.Errorf("the source has no %s", k)
		}
	}
	for _, c := range checks {
		b := newBuilder(f)
		b.generic(c.n)
		if got := shape(b.m.Nodes, 0); got != c.want {
			t.Errorf("generic(%s) recorded\n%s\nwant\n%s", c.n.Kind(), got, c.want)
		}
	}
}

// TestImportsPackage checks which top-level packages count as imported.
func TestImportsPackage(t *testing.T) {
	for _, tc := range []struct{ src, yes, no string }{
		{"import os.path\n", "os", "path posixpath os.path"},
		{"import xml.etree.ElementTree as ET\n", "xml", "ElementTree ET etree"},
		{"from asyncio.events import get_event_loop as g\n", "asyncio", "events g get_event_loop"},
		{"def f():\n    import gzip\n", "gzip", "zlib"},
		{"from . import asyncio\nfrom .gzip import open\n", "", "asyncio gzip"},
		{"from threading import *\n", "", "threading"},
		{"asyncio = 1\nopen('x')\n", "", "asyncio builtins"},
	} {
		_, m := build(t, tc.src)
		for _, pkg := range strings.Fields(tc.yes) {
			if !m.ImportsPackage(pkg) {
				t.Errorf("%q: ImportsPackage(%s) = false, want true", tc.src, pkg)
			}
		}
		for _, pkg := range strings.Fields(tc.no) {
			if m.ImportsPackage(pkg) {
				t.Errorf("%q: ImportsPackage(%s) = true, want false", tc.src, pkg)
			}
		}
	}
}
