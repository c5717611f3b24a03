package semantic

import (
	"strings"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// Build builds the model of a parsed file. It works on partial trees too:
// every node present is recorded.
//
// Build writes each node's number into the ID field of its ast.Loc, so
// that NodeID needs no index: it must not run concurrently with another
// Build of the same tree or with readers of those fields. Building a
// model of the same tree again, or of a fresh tree, is fine; a model
// still answers for its own nodes after another model renumbered them
// (more slowly).
func Build(f *parser.File) *Model {
	m := &Model{
		Module: f.Module,
		calls:  map[ScopeID][]ScopeID{},
		scopes: map[NodeID]ScopeID{},
	}
	// Counting the nodes first lets the tables be allocated once, at
	// their size, rather than grown by copying (most of Build's memory
	// before).
	n := 1
	stack := ast.AppendChildren(make([]ast.Node, 0, 64), f.Module)
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = ast.AppendChildren(stack[:len(stack)-1], c)
		n++
	}
	m.Nodes = make([]NodeInfo, 0, n)
	m.Bindings = make([]Binding, 0, n/8)
	// About one node in nine binds a new name in its scope (the standard
	// library's density).
	m.names = make(map[scopeName]int32, n/8)
	m.lists = make([]nameList, 0, n/8)
	b := &builder{m: m, src: f.File.Src, cur: NoNode, guard: NoGuard, kind: Assignment,
		refs: make([]pendingRef, 0, n/4), stack: stack}
	b.openScope(ModuleScope, f.Module)
	b.visit(f.Module)
	m.layOut()
	b.resolve()
	b.finish()
	return m
}

// pendingRef is a read of the Name node, from scope at pos, to resolve
// once every binding is known.
type pendingRef struct {
	node  NodeID
	scope ScopeID
	pos   token.Pos
}

type pendingCall struct {
	scope ScopeID // the function (or module) making the call
	fn    ast.Expr
	pos   token.Pos
	self  string // the first parameter of the enclosing method, if any
	class ScopeID
}

type builder struct {
	m     *Model
	src   []byte
	cur   NodeID
	scope ScopeID
	flags NodeFlags
	guard GuardID
	kind  BindingKind // what a Name in Store context binds as

	refs  []pendingRef
	calls []pendingCall
	stack []ast.Node // the children of the nodes being visited by children
}

func (b *builder) add(n ast.Node) NodeID {
	id := NodeID(len(b.m.Nodes))
	b.m.Nodes = append(b.m.Nodes, NodeInfo{Node: n, Parent: b.cur, Scope: b.scope, Flags: b.flags, Guard: b.guard, Ref: NoBinding})
	// The commonest nodes are numbered without the assertion to an
	// interface type, which looks up an itab at run time.
	switch x := n.(type) {
	case *ast.Name:
		x.ID = int32(id) + 1
	case *ast.Attribute:
		x.ID = int32(id) + 1
	case *ast.Call:
		x.ID = int32(id) + 1
	case *ast.Constant:
		x.ID = int32(id) + 1
	case *ast.ExprStmt:
		x.ID = int32(id) + 1
	case *ast.Assign:
		x.ID = int32(id) + 1
	case *ast.Arg:
		x.ID = int32(id) + 1
	case *ast.Keyword:
		x.ID = int32(id) + 1
	default:
		n.(numbered).NodeLoc().ID = int32(id) + 1
	}
	return id
}

func (b *builder) openScope(kind ScopeKind, n ast.Node) ScopeID {
	parent := NoScope
	if len(b.m.Scopes) > 0 {
		parent = b.scope
	}
	id := ScopeID(len(b.m.Scopes))
	b.m.Scopes = append(b.m.Scopes, Scope{Kind: kind, Node: n, Parent: parent, m: b.m, id: id})
	switch kind {
	case ModuleScope:
		b.m.scopes[0] = id // opened before the module is visited
	case TypeParamScope:
	default:
		b.m.scopes[b.cur] = id // n is the node being visited
	}
	b.scope = id
	return id
}

func (b *builder) pushGuard(g Guard, n ast.Node) GuardID {
	g.Parent = b.guard
	g.Node = n
	id := GuardID(len(b.m.Guards))
	b.m.Guards = append(b.m.Guards, g)
	return id
}

// bind records a binding of name in scope s (redirected by global and
// nonlocal declarations of s).
func (b *builder) bind(name string, kind BindingKind, n ast.Node, span token.Span, qualified string) BindingID {
	s := b.scope
	if kind != GlobalDecl {
		s = b.targetScope(name, s)
	}
	id := BindingID(len(b.m.Bindings))
	m := b.m
	m.Bindings = append(m.Bindings, Binding{Name: name, Kind: kind, Scope: s, Node: n, Span: span, Qualified: qualified, Guard: b.guard, next: NoBinding})
	key := scopeName{s, name}
	if i, ok := m.names[key]; ok {
		l := &m.lists[i]
		m.Bindings[l.last].next = id
		l.last = id
		l.n++
	} else {
		m.names[key] = int32(len(m.lists))
		m.lists = append(m.lists, nameList{first: id, last: id, n: 1})
		m.Scopes[s].names++
	}
	return id
}

// targetScope returns the scope a store of name in scope s binds in.
func (b *builder) targetScope(name string, s ScopeID) ScopeID {
	sc := &b.m.Scopes[s]
	switch {
	case sc.globals[name]:
		return 0
	case sc.nonlocals[name]:
		for p := sc.Parent; p != NoScope; p = b.m.Scopes[p].Parent {
			if k := b.m.Scopes[p].Kind; k == FunctionScope || k == LambdaScope {
				return p
			}
		}
		return 0
	}
	return s
}

// children visits the direct children of n.
//
// The children are appended to b.stack, above those of the nodes being
// visited, and taken off when done: no closure, no call per nil field.
func (b *builder) children(n ast.Node) {
	base := len(b.stack)
	b.stack = ast.AppendChildren(b.stack, n)
	end := len(b.stack)
	for i := base; i < end; i++ {
		b.visit(b.stack[i]) // b.stack may be reallocated by the visit
	}
	b.stack = b.stack[:base]
}

func (b *builder) with(flags NodeFlags, f func()) {
	saved := b.flags
	b.flags |= flags
	f()
	b.flags = saved
}

func (b *builder) visitExpr(e ast.Expr) {
	if e != nil {
		b.visit(e)
	}
}

func (b *builder) visitStmts(body []ast.Stmt) {
	for _, s := range body {
		b.visit(s)
	}
}

func (b *builder) visit(n ast.Node) {
	id := b.add(n)
	saved := b.cur
	b.cur = id
	b.node(n, id)
	b.cur = saved
}

// node visits the children of n, whose ID is id.
func (b *builder) node(n ast.Node, id NodeID) {
	switch n := n.(type) {
	case *ast.FunctionDef:
		b.function(n, n.Name, n.Args, n.Body, n.DecoratorList, n.Returns, n.TypeParams)
	case *ast.AsyncFunctionDef:
		b.function(n, n.Name, n.Args, n.Body, n.DecoratorList, n.Returns, n.TypeParams)
	case *ast.ClassDef:
		b.class(n)
	case *ast.Lambda:
		b.lambda(n)
	case *ast.ListComp:
		b.comprehension(n, n.Generators, n.Elt)
	case *ast.SetComp:
		b.comprehension(n, n.Generators, n.Elt)
	case *ast.GeneratorExp:
		b.comprehension(n, n.Generators, n.Elt)
	case *ast.DictComp:
		b.comprehension(n, n.Generators, n.Key, n.Value)
	case *ast.Name:
		b.name(n, id)
	case *ast.Import:
		for _, a := range n.Names {
			b.visit(a)
			if a.Asname != "" {
				b.bind(a.Asname, Import, a, b.tailSpan(a.Loc, a.Asname), a.Name)
			} else {
				top, _, _ := strings.Cut(a.Name, ".")
				b.bind(top, Import, a, token.Span{Start: a.Start, End: a.Start + token.Pos(len(top))}, top)
			}
		}
	case *ast.ImportFrom:
		mod := strings.Repeat(".", n.Level) + n.Module
		for _, a := range n.Names {
			b.visit(a)
			if a.Name == "*" {
				continue
			}
			q := mod + "." + a.Name
			if n.Module == "" {
				q = mod + a.Name
			}
			if a.Asname != "" {
				b.bind(a.Asname, FromImport, a, b.tailSpan(a.Loc, a.Asname), q)
			} else {
				b.bind(a.Name, FromImport, a, token.Span{Start: a.Start, End: a.Start + token.Pos(len(a.Name))}, q)
			}
		}
	case *ast.Global:
		sc := &b.m.Scopes[b.scope]
		if sc.globals == nil {
			sc.globals = map[string]bool{}
		}
		for _, name := range n.Names {
			sc.globals[name] = true
			b.bind(name, GlobalDecl, n, b.findName(n.Loc, name), "")
		}
	case *ast.Nonlocal:
		sc := &b.m.Scopes[b.scope]
		if sc.nonlocals == nil {
			sc.nonlocals = map[string]bool{}
		}
		for _, name := range n.Names {
			sc.nonlocals[name] = true
			b.bind(name, GlobalDecl, n, b.findName(n.Loc, name), "")
		}
	case *ast.If:
		b.ifStmt(n)
	case *ast.Try:
		b.try(n, n.Body, n.Handlers, n.Orelse, n.Finalbody)
	case *ast.TryStar:
		b.try(n, n.Body, n.Handlers, n.Orelse, n.Finalbody)
	case *ast.For:
		b.loop(n.Target, n.Iter, n.Body, n.Orelse)
	case *ast.AsyncFor:
		b.loop(n.Target, n.Iter, n.Body, n.Orelse)
	case *ast.While:
		b.visitExpr(n.Test)
		b.with(InLoop, func() { b.visitStmts(n.Body) })
		b.visitStmts(n.Orelse)
	case *ast.AugAssign:
		b.visitExpr(n.Value)
		if t, ok := n.Target.(*ast.Name); ok {
			// Reads and writes the name.
			tid := b.add(t)
			// The read happens before the write: resolve it just before.
			b.refs = append(b.refs, pendingRef{node: tid, scope: b.scope, pos: t.Start - 1})
			b.bind(t.Id, AugAssignment, t, t.Span(), "")
		} else {
			b.visitExpr(n.Target)
		}
	case *ast.AnnAssign:
		b.with(InAnnotation, func() { b.visitExpr(n.Annotation) })
		b.visitExpr(n.Value)
		if n.Value == nil {
			b.withKind(Annotation, func() { b.visitExpr(n.Target) })
		} else {
			b.visitExpr(n.Target)
		}
	case *ast.Delete:
		b.with(InDelete, func() {
			b.withKind(Deletion, func() {
				for _, t := range n.Targets {
					b.visit(t)
				}
			})
		})
	case *ast.ExceptHandler:
		b.visitExpr(n.Type)
		if n.Name != "" {
			b.bind(n.Name, ExceptName, n, b.handlerNameSpan(n), "")
		}
		b.visitStmts(n.Body)
	case *ast.NamedExpr:
		b.visitExpr(n.Value)
		if t, ok := n.Target.(*ast.Name); ok {
			saved := b.scope
			for b.m.Scopes[b.scope].Kind == ComprehensionScope {
				b.scope = b.m.Scopes[b.scope].Parent
			}
			b.visit(t)
			b.scope = saved
		} else {
			b.visitExpr(n.Target)
		}
	case *ast.MatchAs:
		if n.Pattern != nil {
			b.visit(n.Pattern)
		}
		if n.Name != "" {
			b.bind(n.Name, MatchCapture, n, token.Span{Start: n.Stop - token.Pos(len(n.Name)), End: n.Stop}, "")
		}
	case *ast.MatchStar:
		if n.Name != "" {
			b.bind(n.Name, MatchCapture, n, token.Span{Start: n.Stop - token.Pos(len(n.Name)), End: n.Stop}, "")
		}
	case *ast.MatchMapping:
		b.children(n)
		if n.Rest != "" {
			b.bind(n.Rest, MatchCapture, n, b.findName(n.Loc, n.Rest), "")
		}
	case *ast.TypeAlias:
		b.withKind(TypeAliasName, func() { b.visitExpr(n.Name) })
		saved := b.scope
		if len(n.TypeParams) > 0 {
			b.openScope(TypeParamScope, n)
			b.typeParams(n.TypeParams)
		}
		b.with(InAnnotation, func() { b.visitExpr(n.Value) })
		b.scope = saved
	case *ast.Call:
		b.visitExpr(n.Func)
		for _, a := range n.Args {
			b.visit(a)
		}
		for _, k := range n.Keywords {
			b.visit(k)
		}
		b.recordCall(n)
	default:
		b.children(n)
	}
}

func (b *builder) withKind(kind BindingKind, f func()) {
	saved := b.kind
	b.kind = kind
	f()
	b.kind = saved
}

func (b *builder) name(n *ast.Name, id NodeID) {
	switch n.Ctx {
	case ast.Load:
		b.refs = append(b.refs, pendingRef{node: id, scope: b.scope, pos: n.Start})
	case ast.Store:
		b.m.Nodes[id].Ref = b.bind(n.Id, b.kind, n, n.Span(), "")
	case ast.Del:
		b.refs = append(b.refs, pendingRef{node: id, scope: b.scope, pos: n.Start})
		b.bind(n.Id, Deletion, n, n.Span(), "")
	}
}

func (b *builder) loop(target, iter ast.Expr, body, orelse []ast.Stmt) {
	b.visitExpr(iter)
	b.visitExpr(target)
	b.with(InLoop, func() { b.visitStmts(body) })
	b.visitStmts(orelse)
}

// bodyFlags are the flags that do not carry into a nested function body.
const bodyFlags = InAnnotation | InTryBody | InExceptHandler | InFinally | InLoop | InDecorator | InDefault | InDelete

func (b *builder) function(n ast.Node, name string, args *ast.Arguments, body []ast.Stmt, decorators []ast.Expr, returns ast.Expr, tparams []ast.TypeParam) {
	b.with(InDecorator, func() {
		for _, d := range decorators {
			b.visit(d)
		}
	})
	outer := b.scope
	b.bind(name, FunctionDef, n, b.defNameSpan(n, name), "")
	if len(tparams) > 0 {
		b.openScope(TypeParamScope, n)
		b.typeParams(tparams)
	}
	// Defaults are evaluated where the def is; annotations (lazily) in the
	// annotation scope, which sees what the def sees.
	b.arguments(args, true)
	b.with(InAnnotation, func() { b.visitExpr(returns) })

	savedFlags := b.flags
	b.flags &^= bodyFlags
	b.openScope(FunctionScope, n)
	b.bindParams(args)
	b.visitStmts(body)
	b.flags = savedFlags
	b.scope = outer
}

// arguments visits the parameters (defaults, annotations) in the current
// scope; withAnnotations is false for lambdas, which have none.
func (b *builder) arguments(args *ast.Arguments, withAnnotations bool) {
	if args == nil {
		return
	}
	id := b.add(args)
	saved := b.cur
	b.cur = id
	b.with(InDefault, func() {
		for _, d := range args.Defaults {
			b.visitExpr(d)
		}
		for _, d := range args.KwDefaults {
			b.visitExpr(d)
		}
	})
	for a := range args.All() {
		aid := b.add(a)
		if withAnnotations && a.Annotation != nil {
			c := b.cur
			b.cur = aid
			b.with(InAnnotation, func() { b.visit(a.Annotation) })
			b.cur = c
		}
	}
	b.cur = saved
}

func (b *builder) bindParams(args *ast.Arguments) {
	for a := range args.All() {
		b.bind(a.Arg, Parameter, a, token.Span{Start: a.Start, End: a.Start + token.Pos(len(a.Arg))}, "")
	}
}

func (b *builder) typeParams(tps []ast.TypeParam) {
	for _, tp := range tps {
		id := b.add(tp)
		saved := b.cur
		b.cur = id
		switch tp := tp.(type) {
		case *ast.TypeVar:
			b.bind(tp.Name, TypeParameter, tp, token.Span{Start: tp.Start, End: tp.Start + token.Pos(len(tp.Name))}, "")
			b.with(InAnnotation, func() {
				b.visitExpr(tp.Bound)
				b.visitExpr(tp.DefaultValue)
			})
		case *ast.ParamSpec:
			b.bind(tp.Name, TypeParameter, tp, b.findName(tp.Loc, tp.Name), "")
			b.with(InAnnotation, func() { b.visitExpr(tp.DefaultValue) })
		case *ast.TypeVarTuple:
			b.bind(tp.Name, TypeParameter, tp, b.findName(tp.Loc, tp.Name), "")
			b.with(InAnnotation, func() { b.visitExpr(tp.DefaultValue) })
		}
		b.cur = saved
	}
}

func (b *builder) class(n *ast.ClassDef) {
	b.with(InDecorator, func() {
		for _, d := range n.DecoratorList {
			b.visit(d)
		}
	})
	outer := b.scope
	b.bind(n.Name, ClassDef, n, b.defNameSpan(n, n.Name), "")
	if len(n.TypeParams) > 0 {
		b.openScope(TypeParamScope, n)
		b.typeParams(n.TypeParams)
	}
	for _, e := range n.Bases {
		b.visit(e)
	}
	for _, k := range n.Keywords {
		b.visit(k)
	}
	savedFlags := b.flags
	b.flags &^= bodyFlags &^ InTryBody
	b.openScope(ClassScope, n)
	b.visitStmts(n.Body)
	b.flags = savedFlags
	b.scope = outer
}

func (b *builder) lambda(n *ast.Lambda) {
	outer := b.scope
	b.arguments(n.Args, false)
	savedFlags := b.flags
	b.flags &^= InLoop | InDefault
	b.openScope(LambdaScope, n)
	b.bindParams(n.Args)
	b.visitExpr(n.Body)
	b.flags = savedFlags
	b.scope = outer
}

func (b *builder) comprehension(n ast.Node, gens []*ast.Comprehension, elts ...ast.Expr) {
	outer := b.scope
	if len(gens) > 0 {
		// The first iterable is evaluated in the enclosing scope.
		b.visitExpr(gens[0].Iter)
	}
	b.openScope(ComprehensionScope, n)
	for i, g := range gens {
		id := b.add(g)
		saved := b.cur
		b.cur = id
		if i > 0 {
			b.visitExpr(g.Iter)
		}
		b.visitExpr(g.Target)
		for _, c := range g.Ifs {
			b.visit(c)
		}
		b.cur = saved
	}
	for _, e := range elts {
		b.visitExpr(e)
	}
	b.scope = outer
}

func (b *builder) ifStmt(n *ast.If) {
	b.visitExpr(n.Test)
	body, orelse, ok := b.conditionGuards(n.Test)
	saved := b.guard
	savedFlags := b.flags
	if ok {
		b.guard = b.pushGuard(body, n)
		if body.Kind == TypeCheckingGuard {
			b.flags |= InTypeChecking
		}
	}
	b.visitStmts(n.Body)
	b.guard, b.flags = saved, savedFlags
	if ok {
		b.guard = b.pushGuard(orelse, n)
		if orelse.Kind == TypeCheckingGuard {
			b.flags |= InTypeChecking
		}
	}
	b.visitStmts(n.Orelse)
	b.guard, b.flags = saved, savedFlags
}

// catchesImportError reports whether a handler catches ImportError,
// ModuleNotFoundError or AttributeError (what an optional import or a
// missing attribute raises).
func (b *builder) catchesImportError(h *ast.ExceptHandler) bool {
	var types []ast.Expr
	switch t := h.Type.(type) {
	case nil:
		return false
	case *ast.Tuple:
		types = t.Elts
	default:
		types = []ast.Expr{t}
	}
	for _, t := range types {
		if n, ok := t.(*ast.Name); ok {
			switch n.Id {
			case "ImportError", "ModuleNotFoundError", "AttributeError":
				return true
			}
		}
	}
	return false
}

func (b *builder) try(n ast.Node, body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, finalbody []ast.Stmt) {
	guarded := false
	for _, h := range handlers {
		if b.catchesImportError(h) {
			guarded = true
		}
	}
	saved := b.guard
	if guarded {
		b.guard = b.pushGuard(Guard{Kind: TryGuard}, n)
	}
	b.with(InTryBody, func() { b.visitStmts(body) })
	b.guard = saved
	for _, h := range handlers {
		if b.catchesImportError(h) {
			b.guard = b.pushGuard(Guard{Kind: FallbackGuard}, h)
		}
		b.with(InExceptHandler, func() { b.visit(h) })
		b.guard = saved
	}
	b.visitStmts(orelse)
	b.with(InFinally, func() { b.visitStmts(finalbody) })
}

func (b *builder) recordCall(c *ast.Call) {
	s := b.scope
	for b.m.Scopes[s].Kind == ComprehensionScope || b.m.Scopes[s].Kind == TypeParamScope {
		s = b.m.Scopes[s].Parent
	}
	pc := pendingCall{scope: s, fn: c.Func, pos: c.Start, class: NoScope}
	if sc := &b.m.Scopes[s]; sc.Kind == FunctionScope {
		var args *ast.Arguments
		switch fn := sc.Node.(type) {
		case *ast.FunctionDef:
			args = fn.Args
		case *ast.AsyncFunctionDef:
			args = fn.Args
		}
		p := sc.Parent
		if p != NoScope && b.m.Scopes[p].Kind == TypeParamScope {
			p = b.m.Scopes[p].Parent
		}
		if p != NoScope && b.m.Scopes[p].Kind == ClassScope && args != nil {
			pc.class = p
			if len(args.Posonlyargs) > 0 {
				pc.self = args.Posonlyargs[0].Arg
			} else if len(args.Args) > 0 {
				pc.self = args.Args[0].Arg
			}
		}
	}
	b.calls = append(b.calls, pc)
}

// pendingQualified resolves a name or attribute chain with the bindings
// seen so far, for guards that are evaluated during the walk.
func (b *builder) pendingQualified(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		id := b.m.Lookup(e.Id, b.scope, e.Start)
		if id == NoBinding {
			return ""
		}
		return b.m.Bindings[id].Qualified
	case *ast.Attribute:
		q := b.pendingQualified(e.Value)
		if q == "" {
			return ""
		}
		return q + "." + e.Attr
	}
	return ""
}

// resolve links every read of a name to its binding, then builds the call
// graph.
func (b *builder) resolve() {
	m := b.m
	for _, r := range b.refs {
		info := &m.Nodes[r.node]
		info.Ref = m.Lookup(info.Node.(*ast.Name).Id, r.scope, r.pos)
	}
	for _, c := range b.calls {
		if callee, ok := b.callee(c); ok {
			m.calls[c.scope] = appendUnique(m.calls[c.scope], callee)
		}
	}
}

// layOut writes the lists of bindings into one array, each list
// contiguous and in source order, for Scope.Bindings.
func (m *Model) layOut() {
	m.ids = make([]BindingID, len(m.Bindings))
	off := int32(0)
	for i := range m.lists {
		l := &m.lists[i]
		l.off = off
		for id := l.first; id != NoBinding; id = m.Bindings[id].next {
			m.ids[off] = id
			off++
		}
	}
}

func appendUnique(list []ScopeID, s ScopeID) []ScopeID {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// callee returns the function scope a call runs, when the module defines
// it.
func (b *builder) callee(c pendingCall) (ScopeID, bool) {
	m := b.m
	switch fn := c.fn.(type) {
	case *ast.Name:
		return b.bindingCallee(b.ref(fn))
	case *ast.Attribute:
		v, ok := fn.Value.(*ast.Name)
		if !ok {
			return 0, false
		}
		if c.class != NoScope && v.Id == c.self {
			return b.method(c.class, fn.Attr)
		}
		id := b.ref(v)
		if id != NoBinding && m.Bindings[id].Kind == ClassDef {
			if cs, ok := m.ScopeFor(m.Bindings[id].Node); ok {
				return b.method(cs, fn.Attr)
			}
		}
	}
	return 0, false
}

// ref is the binding a Name of the tree reads, as resolve found it.
func (b *builder) ref(n *ast.Name) BindingID {
	if id := b.m.NodeID(n); id != NoNode {
		return b.m.Nodes[id].Ref
	}
	return NoBinding
}

// finish records, once the walk and the resolution are done, where each
// subtree ends, the qualified name of each name and attribute, and the
// first binding each node creates.
func (b *builder) finish() {
	m := b.m
	// Children come after their parent: a backward pass sees every
	// descendant of a node (which ends its subtree and qualifies its
	// attribute chain) before the node.
	m.quals = append(m.quals, "")
	intern := map[string]int32{}
	var buf []byte
	for i := len(m.Nodes) - 1; i >= 0; i-- {
		info := &m.Nodes[i]
		if info.End < NodeID(i)+1 {
			info.End = NodeID(i) + 1
		}
		if p := info.Parent; p != NoNode && m.Nodes[p].End < info.End {
			m.Nodes[p].End = info.End
		}
		switch n := info.Node.(type) {
		case *ast.Name:
			switch {
			case info.Ref != NoBinding:
				if q := m.Bindings[info.Ref].Qualified; q != "" {
					buf = append(buf[:0], q...)
					info.qual = m.intern(intern, buf)
				}
			case IsBuiltin(n.Id):
				buf = append(append(buf[:0], "builtins."...), n.Id...)
				info.qual = m.intern(intern, buf)
			}
		case *ast.Attribute:
			if v := m.NodeID(n.Value); v > NodeID(i) && m.Nodes[v].qual != 0 {
				buf = append(append(append(buf[:0], m.quals[m.Nodes[v].qual]...), '.'), n.Attr...)
				info.qual = m.intern(intern, buf)
			}
		}
	}

	m.byNode = make([]BindingID, len(m.Nodes))
	for i := range m.byNode {
		m.byNode[i] = NoBinding
	}
	for i := len(m.Bindings) - 1; i >= 0; i-- {
		if id := m.NodeID(m.Bindings[i].Node); id != NoNode {
			m.byNode[id] = BindingID(i)
		}
	}
}

// intern returns the index of the qualified name q in m.quals, adding it
// the first time: each distinct name is allocated once per module.
func (m *Model) intern(table map[string]int32, q []byte) int32 {
	if i, ok := table[string(q)]; ok {
		return i
	}
	s := string(q)
	i := int32(len(m.quals))
	m.quals = append(m.quals, s)
	table[s] = i
	return i
}

func (b *builder) bindingCallee(id BindingID) (ScopeID, bool) {
	m := b.m
	if id == NoBinding {
		return 0, false
	}
	bd := &m.Bindings[id]
	switch bd.Kind {
	case FunctionDef:
		return m.ScopeFor(bd.Node)
	case ClassDef:
		// Calling a class runs its __init__.
		if cs, ok := m.ScopeFor(bd.Node); ok {
			return b.method(cs, "__init__")
		}
	}
	return 0, false
}

// method returns the scope of the method name defined in class scope cs.
func (b *builder) method(cs ScopeID, name string) (ScopeID, bool) {
	m := b.m
	if m.Scopes[cs].Kind == TypeParamScope {
		return 0, false
	}
	ids := m.bindingsIn(cs, name)
	for i := len(ids) - 1; i >= 0; i-- {
		if bd := &m.Bindings[ids[i]]; bd.Kind == FunctionDef {
			return m.ScopeFor(bd.Node)
		}
	}
	return 0, false
}

// ---------------------------------------------------------------------------
// Name positions the tree does not store

func isIdentByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// findName returns the span of the first whole-word occurrence of name in
// the node's range, or the node's start if there is none.
func (b *builder) findName(loc ast.Loc, name string) token.Span {
	start, end := int(loc.Start), int(loc.Stop)
	if end > len(b.src) {
		end = len(b.src)
	}
	for i := start; i+len(name) <= end; i++ {
		if string(b.src[i:i+len(name)]) == name &&
			(i == 0 || !isIdentByte(b.src[i-1])) &&
			(i+len(name) >= len(b.src) || !isIdentByte(b.src[i+len(name)])) {
			return token.Span{Start: token.Pos(i), End: token.Pos(i + len(name))}
		}
	}
	return token.Span{Start: loc.Start, End: loc.Start}
}

// tailSpan is the span of name at the end of loc ("import a as b").
func (b *builder) tailSpan(loc ast.Loc, name string) token.Span {
	return token.Span{Start: loc.Stop - token.Pos(len(name)), End: loc.Stop}
}

// defNameSpan is the span of the name of a def or class statement.
func (b *builder) defNameSpan(n ast.Node, name string) token.Span {
	loc := ast.Loc{Start: n.Pos(), Stop: n.End()}
	return b.findName(ast.Loc{Start: skipKeywords(b.src, loc.Start), Stop: loc.Stop}, name)
}

// skipKeywords skips "async", "def" and "class" keywords at pos.
func skipKeywords(src []byte, pos token.Pos) token.Pos {
	i := int(pos)
	for _, kw := range []string{"async", "def", "class"} {
		if i+len(kw) <= len(src) && string(src[i:i+len(kw)]) == kw {
			i += len(kw)
			for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\\' || src[i] == '\n' || src[i] == '\r' || src[i] == '\f') {
				i++
			}
		}
	}
	return token.Pos(i)
}

// handlerNameSpan is the span of the name of "except E as name".
func (b *builder) handlerNameSpan(h *ast.ExceptHandler) token.Span {
	from := h.Start
	if h.Type != nil {
		from = h.Type.End()
	}
	to := h.Stop
	if len(h.Body) > 0 {
		to = h.Body[0].Pos()
	}
	return b.findName(ast.Loc{Start: from, Stop: to}, h.Name)
}
