package semantic

import (
	"slices"
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
	b := newBuilder(f)
	b.module(f.Module)
	b.m.layOut()
	b.resolve()
	b.finish()
	return b.m
}

// newBuilder returns a builder of the model of f, its module scope open.
func newBuilder(f *parser.File) *builder {
	m := &Model{
		Module: f.Module,
		calls:  map[ScopeID][]ScopeID{},
		scopes: map[NodeID]ScopeID{},
	}
	// The tables are allocated once at a size guessed from the source
	// rather than grown by copying: nine files in ten of the standard
	// library have fewer than one node per eight bytes. About one node in
	// nine binds a new name in its scope.
	n := len(f.File.Src)/8 + 16
	m.Nodes = make([]NodeInfo, 0, n)
	m.Bindings = make([]Binding, 0, n/8)
	m.idents = make(map[string]int32, n/16)
	m.names = newNameTable(n / 8)
	m.lists = make([]nameList, 0, n/8)
	m.quals = append(m.quals, "")
	b := &builder{m: m, src: f.File.Src, cur: NoNode, guard: NoGuard, kind: Assignment,
		refs: make([]pendingRef, 0, n/4), identQual: make([]int32, 0, n/16), qualIndex: map[string]int32{}}
	b.openScope(ModuleScope, f.Module)
	return b
}

// pendingRef is a read of the Name node, from scope at pos, to resolve
// once every binding is known.
type pendingRef struct {
	node  NodeID
	scope ScopeID
	pos   token.Pos
	ident int32 // the number of the name's identifier
}

type pendingCall struct {
	scope ScopeID // the function (or module) making the call
	fn    ast.Expr
	pos   token.Pos
	self  string // the first parameter of the enclosing method, if any
	class ScopeID
}

// The builder walks the tree once, in the model's preorder. Each node
// kind has its case in expr, stmt or visit, which records the node
// (add for a leaf, open and close around a node's children) and visits
// its children in that order: a type switch on the concrete types, with
// no conversion between the interfaces ast.Expr, ast.Stmt and ast.Node
// (each one an itab lookup at run time) on the way.
type builder struct {
	m     *Model
	src   []byte
	cur   NodeID // the node whose children are being visited
	scope ScopeID
	flags NodeFlags
	guard GuardID
	kind  BindingKind // what a Name in Store context binds as

	refs  []pendingRef
	calls []pendingCall
	attrs []NodeID   // every Attribute node, in preorder
	stack []ast.Node // the children of the nodes being visited by generic

	// identQual is by identifier number the index in Model.quals of
	// "builtins." and the identifier, once known: 0 before, -1 for an
	// identifier that is no builtin.
	identQual []int32
	qualIndex map[string]int32 // the index of each qualified name in Model.quals
}

// add records n, whose location is loc, as a child of the current node,
// and numbers it. Its subtree is itself alone until close says otherwise.
func (b *builder) add(n ast.Node, loc *ast.Loc, k ast.Kind) NodeID {
	id := NodeID(len(b.m.Nodes))
	b.m.Nodes = append(b.m.Nodes, NodeInfo{Node: n, Parent: b.cur, Scope: b.scope, Flags: b.flags, Guard: b.guard, Ref: NoBinding, End: id + 1, bound: NoBinding})
	loc.ID = int32(id) + 1
	b.m.kinds[k/64] |= 1 << (k % 64)
	return id
}

// open records n and makes it the current node: the nodes recorded until
// close(id) are its descendants.
func (b *builder) open(n ast.Node, loc *ast.Loc, k ast.Kind) NodeID {
	id := b.add(n, loc, k)
	b.cur = id
	return id
}

// close ends the subtree of the node id and makes its parent current.
func (b *builder) close(id NodeID) {
	info := &b.m.Nodes[id]
	info.End = NodeID(len(b.m.Nodes))
	b.cur = info.Parent
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

// ident returns the number of the identifier name, numbering it the first
// time.
func (b *builder) ident(name string) int32 {
	if i, ok := b.m.idents[name]; ok {
		return i
	}
	i := int32(len(b.identQual))
	b.m.idents[name] = i
	b.identQual = append(b.identQual, 0)
	return i
}

// bind records a binding of name in scope s (redirected by global and
// nonlocal declarations of s) made by the node n, whose ID is nid.
func (b *builder) bind(name string, kind BindingKind, n ast.Node, nid NodeID, span token.Span, qualified string) BindingID {
	return b.bindIdent(name, b.ident(name), kind, n, nid, span, qualified)
}

// bindIdent is bind for a name whose identifier number is ident.
func (b *builder) bindIdent(name string, ident int32, kind BindingKind, n ast.Node, nid NodeID, span token.Span, qualified string) BindingID {
	s := b.scope
	if kind != GlobalDecl {
		s = b.targetScope(name, s)
	}
	id := BindingID(len(b.m.Bindings))
	m := b.m
	var qual int32
	if qualified != "" {
		qual = b.intern(qualified)
		if (kind == Import || kind == FromImport) && qualified[0] != '.' {
			top, _, _ := strings.Cut(qualified, ".")
			if !slices.Contains(m.packages, top) {
				m.packages = append(m.packages, top)
			}
		}
	}
	m.Bindings = append(m.Bindings, Binding{Name: name, Kind: kind, Scope: s, Node: n, Span: span, Qualified: qualified, Guard: b.guard, next: NoBinding, qual: qual})
	if info := &m.Nodes[nid]; info.bound == NoBinding {
		info.bound = id
	}
	key := nameKey(s, ident)
	if i, ok := m.names.get(key); ok {
		l := &m.lists[i]
		m.Bindings[l.last].next = id
		l.last = id
		l.n++
	} else {
		m.names.put(key, int32(len(m.lists)))
		m.lists = append(m.lists, nameList{first: id, last: id, n: 1})
		m.Scopes[s].names++
	}
	return id
}

// targetScope returns the scope a store of name in scope s binds in.
func (b *builder) targetScope(name string, s ScopeID) ScopeID {
	sc := &b.m.Scopes[s]
	switch {
	case len(sc.globals) != 0 && sc.globals[name]:
		return 0
	case len(sc.nonlocals) != 0 && sc.nonlocals[name]:
		for p := sc.Parent; p != NoScope; p = b.m.Scopes[p].Parent {
			if k := b.m.Scopes[p].Kind; k == FunctionScope || k == LambdaScope {
				return p
			}
		}
		return 0
	}
	return s
}

func (b *builder) module(n *ast.Module) {
	id := b.open(n, &n.Loc, ast.KindModule)
	b.stmts(n.Body)
	for _, t := range n.TypeIgnores {
		if t != nil {
			b.add(t, &t.Loc, ast.KindTypeIgnore)
		}
	}
	b.close(id)
}

func (b *builder) stmts(body []ast.Stmt) {
	for _, s := range body {
		b.stmt(s)
	}
}

func (b *builder) exprs(list []ast.Expr) {
	for _, e := range list {
		b.expr(e)
	}
}

// expr visits e, which may be nil.
func (b *builder) expr(e ast.Expr) {
	switch e := e.(type) {
	case nil:
	case *ast.Name:
		b.name(e, b.add(e, &e.Loc, ast.KindName))
	case *ast.Constant:
		b.add(e, &e.Loc, ast.KindConstant)
	case *ast.Attribute:
		id := b.open(e, &e.Loc, ast.KindAttribute)
		if e.Value != nil {
			b.attrs = append(b.attrs, id)
			b.expr(e.Value)
		}
		b.close(id)
	case *ast.Call:
		id := b.open(e, &e.Loc, ast.KindCall)
		b.expr(e.Func)
		b.exprs(e.Args)
		for _, k := range e.Keywords {
			b.keyword(k)
		}
		b.recordCall(e)
		b.close(id)
	case *ast.Subscript:
		id := b.open(e, &e.Loc, ast.KindSubscript)
		b.expr(e.Value)
		b.expr(e.Slice)
		b.close(id)
	case *ast.Tuple:
		id := b.open(e, &e.Loc, ast.KindTuple)
		b.exprs(e.Elts)
		b.close(id)
	case *ast.List:
		id := b.open(e, &e.Loc, ast.KindList)
		b.exprs(e.Elts)
		b.close(id)
	case *ast.BinOp:
		id := b.open(e, &e.Loc, ast.KindBinOp)
		b.expr(e.Left)
		b.expr(e.Right)
		b.close(id)
	case *ast.Compare:
		id := b.open(e, &e.Loc, ast.KindCompare)
		b.expr(e.Left)
		b.exprs(e.Comparators)
		b.close(id)
	case *ast.UnaryOp:
		id := b.open(e, &e.Loc, ast.KindUnaryOp)
		b.expr(e.Operand)
		b.close(id)
	case *ast.BoolOp:
		id := b.open(e, &e.Loc, ast.KindBoolOp)
		b.exprs(e.Values)
		b.close(id)
	case *ast.Starred:
		id := b.open(e, &e.Loc, ast.KindStarred)
		b.expr(e.Value)
		b.close(id)
	case *ast.Slice:
		id := b.open(e, &e.Loc, ast.KindSlice)
		b.expr(e.Lower)
		b.expr(e.Upper)
		b.expr(e.Step)
		b.close(id)
	case *ast.Dict:
		id := b.open(e, &e.Loc, ast.KindDict)
		b.exprs(e.Keys)
		b.exprs(e.Values)
		b.close(id)
	case *ast.Set:
		id := b.open(e, &e.Loc, ast.KindSet)
		b.exprs(e.Elts)
		b.close(id)
	case *ast.JoinedStr:
		id := b.open(e, &e.Loc, ast.KindJoinedStr)
		b.exprs(e.Values)
		b.close(id)
	case *ast.TemplateStr:
		id := b.open(e, &e.Loc, ast.KindTemplateStr)
		b.exprs(e.Values)
		b.close(id)
	case *ast.FormattedValue:
		id := b.open(e, &e.Loc, ast.KindFormattedValue)
		b.expr(e.Value)
		b.expr(e.FormatSpec)
		b.close(id)
	case *ast.Interpolation:
		id := b.open(e, &e.Loc, ast.KindInterpolation)
		b.expr(e.Value)
		b.expr(e.FormatSpec)
		b.close(id)
	case *ast.IfExp:
		id := b.open(e, &e.Loc, ast.KindIfExp)
		b.expr(e.Test)
		b.expr(e.Body)
		b.expr(e.Orelse)
		b.close(id)
	case *ast.Await:
		id := b.open(e, &e.Loc, ast.KindAwait)
		b.expr(e.Value)
		b.close(id)
	case *ast.Yield:
		id := b.open(e, &e.Loc, ast.KindYield)
		b.expr(e.Value)
		b.close(id)
	case *ast.YieldFrom:
		id := b.open(e, &e.Loc, ast.KindYieldFrom)
		b.expr(e.Value)
		b.close(id)
	case *ast.Lambda:
		id := b.open(e, &e.Loc, ast.KindLambda)
		b.lambda(e)
		b.close(id)
	case *ast.ListComp:
		id := b.open(e, &e.Loc, ast.KindListComp)
		b.comprehension(e, e.Generators, e.Elt, nil)
		b.close(id)
	case *ast.SetComp:
		id := b.open(e, &e.Loc, ast.KindSetComp)
		b.comprehension(e, e.Generators, e.Elt, nil)
		b.close(id)
	case *ast.GeneratorExp:
		id := b.open(e, &e.Loc, ast.KindGeneratorExp)
		b.comprehension(e, e.Generators, e.Elt, nil)
		b.close(id)
	case *ast.DictComp:
		id := b.open(e, &e.Loc, ast.KindDictComp)
		b.comprehension(e, e.Generators, e.Key, e.Value)
		b.close(id)
	case *ast.NamedExpr:
		id := b.open(e, &e.Loc, ast.KindNamedExpr)
		b.expr(e.Value)
		if t, ok := e.Target.(*ast.Name); ok {
			saved := b.scope
			for b.m.Scopes[b.scope].Kind == ComprehensionScope {
				b.scope = b.m.Scopes[b.scope].Parent
			}
			b.expr(t)
			b.scope = saved
		} else {
			b.expr(e.Target)
		}
		b.close(id)
	default:
		b.generic(e)
	}
}

// stmt visits s, which may be nil.
func (b *builder) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case nil:
	case *ast.ExprStmt:
		id := b.open(s, &s.Loc, ast.KindExprStmt)
		b.expr(s.Value)
		b.close(id)
	case *ast.Assign:
		id := b.open(s, &s.Loc, ast.KindAssign)
		b.exprs(s.Targets)
		b.expr(s.Value)
		b.close(id)
	case *ast.If:
		id := b.open(s, &s.Loc, ast.KindIf)
		b.ifStmt(s)
		b.close(id)
	case *ast.Return:
		id := b.open(s, &s.Loc, ast.KindReturn)
		b.expr(s.Value)
		b.close(id)
	case *ast.FunctionDef:
		id := b.open(s, &s.Loc, ast.KindFunctionDef)
		b.function(s, id, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams)
		b.close(id)
	case *ast.AsyncFunctionDef:
		id := b.open(s, &s.Loc, ast.KindAsyncFunctionDef)
		b.function(s, id, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams)
		b.close(id)
	case *ast.ClassDef:
		id := b.open(s, &s.Loc, ast.KindClassDef)
		b.class(s, id)
		b.close(id)
	case *ast.Raise:
		id := b.open(s, &s.Loc, ast.KindRaise)
		b.expr(s.Exc)
		b.expr(s.Cause)
		b.close(id)
	case *ast.Assert:
		id := b.open(s, &s.Loc, ast.KindAssert)
		b.expr(s.Test)
		b.expr(s.Msg)
		b.close(id)
	case *ast.Pass:
		b.add(s, &s.Loc, ast.KindPass)
	case *ast.Break:
		b.add(s, &s.Loc, ast.KindBreak)
	case *ast.Continue:
		b.add(s, &s.Loc, ast.KindContinue)
	case *ast.Import:
		id := b.open(s, &s.Loc, ast.KindImport)
		for _, a := range s.Names {
			aid := b.add(a, &a.Loc, ast.KindAlias)
			if a.Asname != "" {
				b.bind(a.Asname, Import, a, aid, b.tailSpan(a.Loc, a.Asname), a.Name)
			} else {
				top, _, _ := strings.Cut(a.Name, ".")
				b.bind(top, Import, a, aid, token.Span{Start: a.Start, End: a.Start + token.Pos(len(top))}, top)
			}
		}
		b.close(id)
	case *ast.ImportFrom:
		id := b.open(s, &s.Loc, ast.KindImportFrom)
		mod := strings.Repeat(".", s.Level) + s.Module
		for _, a := range s.Names {
			aid := b.add(a, &a.Loc, ast.KindAlias)
			if a.Name == "*" {
				continue
			}
			q := mod + "." + a.Name
			if s.Module == "" {
				q = mod + a.Name
			}
			if a.Asname != "" {
				b.bind(a.Asname, FromImport, a, aid, b.tailSpan(a.Loc, a.Asname), q)
			} else {
				b.bind(a.Name, FromImport, a, aid, token.Span{Start: a.Start, End: a.Start + token.Pos(len(a.Name))}, q)
			}
		}
		b.close(id)
	case *ast.Global:
		id := b.open(s, &s.Loc, ast.KindGlobal)
		sc := &b.m.Scopes[b.scope]
		if sc.globals == nil {
			sc.globals = map[string]bool{}
		}
		for _, name := range s.Names {
			sc.globals[name] = true
			b.bind(name, GlobalDecl, s, id, b.findName(s.Loc, name), "")
		}
		b.close(id)
	case *ast.Nonlocal:
		id := b.open(s, &s.Loc, ast.KindNonlocal)
		sc := &b.m.Scopes[b.scope]
		if sc.nonlocals == nil {
			sc.nonlocals = map[string]bool{}
		}
		for _, name := range s.Names {
			sc.nonlocals[name] = true
			b.bind(name, GlobalDecl, s, id, b.findName(s.Loc, name), "")
		}
		b.close(id)
	case *ast.Try:
		id := b.open(s, &s.Loc, ast.KindTry)
		b.try(s, s.Body, s.Handlers, s.Orelse, s.Finalbody)
		b.close(id)
	case *ast.TryStar:
		id := b.open(s, &s.Loc, ast.KindTryStar)
		b.try(s, s.Body, s.Handlers, s.Orelse, s.Finalbody)
		b.close(id)
	case *ast.For:
		id := b.open(s, &s.Loc, ast.KindFor)
		b.loop(s.Target, s.Iter, s.Body, s.Orelse)
		b.close(id)
	case *ast.AsyncFor:
		id := b.open(s, &s.Loc, ast.KindAsyncFor)
		b.loop(s.Target, s.Iter, s.Body, s.Orelse)
		b.close(id)
	case *ast.While:
		id := b.open(s, &s.Loc, ast.KindWhile)
		b.expr(s.Test)
		saved := b.flags
		b.flags |= InLoop
		b.stmts(s.Body)
		b.flags = saved
		b.stmts(s.Orelse)
		b.close(id)
	case *ast.With:
		id := b.open(s, &s.Loc, ast.KindWith)
		for _, w := range s.Items {
			b.withItem(w)
		}
		b.stmts(s.Body)
		b.close(id)
	case *ast.AsyncWith:
		id := b.open(s, &s.Loc, ast.KindAsyncWith)
		for _, w := range s.Items {
			b.withItem(w)
		}
		b.stmts(s.Body)
		b.close(id)
	case *ast.AugAssign:
		id := b.open(s, &s.Loc, ast.KindAugAssign)
		b.expr(s.Value)
		if t, ok := s.Target.(*ast.Name); ok {
			// Reads and writes the name.
			tid := b.add(t, &t.Loc, ast.KindName)
			// The read happens before the write: resolve it just before.
			ident := b.ident(t.Id)
			b.refs = append(b.refs, pendingRef{node: tid, scope: b.scope, pos: t.Start - 1, ident: ident})
			b.bindIdent(t.Id, ident, AugAssignment, t, tid, t.Span(), "")
		} else {
			b.expr(s.Target)
		}
		b.close(id)
	case *ast.AnnAssign:
		id := b.open(s, &s.Loc, ast.KindAnnAssign)
		saved := b.flags
		b.flags |= InAnnotation
		b.expr(s.Annotation)
		b.flags = saved
		b.expr(s.Value)
		if s.Value == nil {
			savedKind := b.kind
			b.kind = Annotation
			b.expr(s.Target)
			b.kind = savedKind
		} else {
			b.expr(s.Target)
		}
		b.close(id)
	case *ast.Delete:
		id := b.open(s, &s.Loc, ast.KindDelete)
		saved, savedKind := b.flags, b.kind
		b.flags |= InDelete
		b.kind = Deletion
		b.exprs(s.Targets)
		b.flags, b.kind = saved, savedKind
		b.close(id)
	case *ast.Match:
		id := b.open(s, &s.Loc, ast.KindMatch)
		b.expr(s.Subject)
		for _, c := range s.Cases {
			if c != nil {
				cid := b.open(c, &c.Loc, ast.KindMatchCase)
				b.visit(c.Pattern)
				b.expr(c.Guard)
				b.stmts(c.Body)
				b.close(cid)
			}
		}
		b.close(id)
	case *ast.TypeAlias:
		id := b.open(s, &s.Loc, ast.KindTypeAlias)
		savedKind := b.kind
		b.kind = TypeAliasName
		b.expr(s.Name)
		b.kind = savedKind
		saved := b.scope
		if len(s.TypeParams) > 0 {
			b.openScope(TypeParamScope, s)
			b.typeParams(s.TypeParams)
		}
		savedFlags := b.flags
		b.flags |= InAnnotation
		b.expr(s.Value)
		b.flags = savedFlags
		b.scope = saved
		b.close(id)
	default:
		b.generic(s)
	}
}

func (b *builder) keyword(k *ast.Keyword) {
	if k != nil {
		id := b.open(k, &k.Loc, ast.KindKeyword)
		b.expr(k.Value)
		b.close(id)
	}
}

func (b *builder) withItem(w *ast.WithItem) {
	if w != nil {
		id := b.open(w, &w.Loc, ast.KindWithItem)
		b.expr(w.ContextExpr)
		b.expr(w.OptionalVars)
		b.close(id)
	}
}

// visit visits a node that is neither an expression nor a statement
// (patterns and the like), which may be nil.
func (b *builder) visit(n ast.Node) {
	switch n := n.(type) {
	case nil:
	case *ast.MatchValue:
		id := b.open(n, &n.Loc, ast.KindMatchValue)
		b.expr(n.Value)
		b.close(id)
	case *ast.MatchAs:
		id := b.open(n, &n.Loc, ast.KindMatchAs)
		b.visit(n.Pattern)
		if n.Name != "" {
			b.bind(n.Name, MatchCapture, n, id, token.Span{Start: n.Stop - token.Pos(len(n.Name)), End: n.Stop}, "")
		}
		b.close(id)
	case *ast.MatchStar:
		id := b.add(n, &n.Loc, ast.KindMatchStar)
		if n.Name != "" {
			b.bind(n.Name, MatchCapture, n, id, token.Span{Start: n.Stop - token.Pos(len(n.Name)), End: n.Stop}, "")
		}
	case *ast.MatchMapping:
		id := b.open(n, &n.Loc, ast.KindMatchMapping)
		b.exprs(n.Keys)
		b.patterns(n.Patterns)
		if n.Rest != "" {
			b.bind(n.Rest, MatchCapture, n, id, b.findName(n.Loc, n.Rest), "")
		}
		b.close(id)
	case *ast.MatchClass:
		id := b.open(n, &n.Loc, ast.KindMatchClass)
		b.expr(n.Cls)
		b.patterns(n.Patterns)
		b.patterns(n.KwdPatterns)
		b.close(id)
	case *ast.MatchSequence:
		id := b.open(n, &n.Loc, ast.KindMatchSequence)
		b.patterns(n.Patterns)
		b.close(id)
	case *ast.MatchOr:
		id := b.open(n, &n.Loc, ast.KindMatchOr)
		b.patterns(n.Patterns)
		b.close(id)
	case *ast.MatchSingleton:
		b.add(n, &n.Loc, ast.KindMatchSingleton)
	case *ast.ExceptHandler:
		b.handler(n)
	default:
		b.generic(n)
	}
}

func (b *builder) patterns(list []ast.Pattern) {
	for _, p := range list {
		b.visit(p)
	}
}

// generic visits a node of a kind the walk has no case for, children in
// the order of their fields.
func (b *builder) generic(n ast.Node) {
	id := b.open(n, n.(numbered).NodeLoc(), n.Kind())
	base := len(b.stack)
	b.stack = ast.AppendChildren(b.stack, n)
	end := len(b.stack)
	for i := base; i < end; i++ {
		// b.stack may be reallocated by the visit.
		switch c := b.stack[i].(type) {
		case ast.Expr:
			b.expr(c)
		case ast.Stmt:
			b.stmt(c)
		default:
			b.visit(c)
		}
	}
	b.stack = b.stack[:base]
	b.close(id)
}

func (b *builder) name(n *ast.Name, id NodeID) {
	switch n.Ctx {
	case ast.Load:
		b.refs = append(b.refs, pendingRef{node: id, scope: b.scope, pos: n.Start, ident: b.ident(n.Id)})
	case ast.Store:
		b.m.Nodes[id].Ref = b.bindIdent(n.Id, b.ident(n.Id), b.kind, n, id, n.Span(), "")
	case ast.Del:
		ident := b.ident(n.Id)
		b.refs = append(b.refs, pendingRef{node: id, scope: b.scope, pos: n.Start, ident: ident})
		b.bindIdent(n.Id, ident, Deletion, n, id, n.Span(), "")
	}
}

func (b *builder) loop(target, iter ast.Expr, body, orelse []ast.Stmt) {
	b.expr(iter)
	b.expr(target)
	saved := b.flags
	b.flags |= InLoop
	b.stmts(body)
	b.flags = saved
	b.stmts(orelse)
}

// bodyFlags are the flags that do not carry into a nested function body.
const bodyFlags = InAnnotation | InTryBody | InExceptHandler | InFinally | InLoop | InDecorator | InDefault | InDelete

// function visits the children of the def n, whose ID is id.
func (b *builder) function(n ast.Node, id NodeID, name string, args *ast.Arguments, body []ast.Stmt, decorators []ast.Expr, returns ast.Expr, tparams []ast.TypeParam) {
	savedFlags := b.flags
	b.flags |= InDecorator
	b.exprs(decorators)
	b.flags = savedFlags
	outer := b.scope
	b.bind(name, FunctionDef, n, id, b.defNameSpan(n, name), "")
	if len(tparams) > 0 {
		b.openScope(TypeParamScope, n)
		b.typeParams(tparams)
	}
	// Defaults are evaluated where the def is; annotations (lazily) in the
	// annotation scope, which sees what the def sees.
	b.arguments(args, true)
	b.flags |= InAnnotation
	b.expr(returns)
	b.flags = savedFlags

	b.flags &^= bodyFlags
	b.openScope(FunctionScope, n)
	b.bindParams(args)
	b.stmts(body)
	b.flags = savedFlags
	b.scope = outer
}

// arguments visits the parameters (defaults, annotations) in the current
// scope; withAnnotations is false for lambdas, which have none.
func (b *builder) arguments(args *ast.Arguments, withAnnotations bool) {
	if args == nil {
		return
	}
	id := b.open(args, &args.Loc, ast.KindArguments)
	saved := b.flags
	b.flags |= InDefault
	b.exprs(args.Defaults)
	b.exprs(args.KwDefaults)
	b.flags = saved
	for a := range args.All() {
		if withAnnotations && a.Annotation != nil {
			aid := b.open(a, &a.Loc, ast.KindArg)
			b.flags |= InAnnotation
			b.expr(a.Annotation)
			b.flags = saved
			b.close(aid)
		} else {
			b.add(a, &a.Loc, ast.KindArg)
		}
	}
	b.close(id)
}

func (b *builder) bindParams(args *ast.Arguments) {
	for a := range args.All() {
		b.bind(a.Arg, Parameter, a, NodeID(a.ID-1), token.Span{Start: a.Start, End: a.Start + token.Pos(len(a.Arg))}, "")
	}
}

func (b *builder) typeParams(tps []ast.TypeParam) {
	saved := b.flags
	for _, tp := range tps {
		switch tp := tp.(type) {
		case *ast.TypeVar:
			id := b.open(tp, &tp.Loc, ast.KindTypeVar)
			b.bind(tp.Name, TypeParameter, tp, id, token.Span{Start: tp.Start, End: tp.Start + token.Pos(len(tp.Name))}, "")
			b.flags |= InAnnotation
			b.expr(tp.Bound)
			b.expr(tp.DefaultValue)
			b.flags = saved
			b.close(id)
		case *ast.ParamSpec:
			id := b.open(tp, &tp.Loc, ast.KindParamSpec)
			b.bind(tp.Name, TypeParameter, tp, id, b.findName(tp.Loc, tp.Name), "")
			b.flags |= InAnnotation
			b.expr(tp.DefaultValue)
			b.flags = saved
			b.close(id)
		case *ast.TypeVarTuple:
			id := b.open(tp, &tp.Loc, ast.KindTypeVarTuple)
			b.bind(tp.Name, TypeParameter, tp, id, b.findName(tp.Loc, tp.Name), "")
			b.flags |= InAnnotation
			b.expr(tp.DefaultValue)
			b.flags = saved
			b.close(id)
		default:
			b.add(tp, tp.(numbered).NodeLoc(), tp.Kind())
		}
	}
}

// class visits the children of the class n, whose ID is id.
func (b *builder) class(n *ast.ClassDef, id NodeID) {
	savedFlags := b.flags
	b.flags |= InDecorator
	b.exprs(n.DecoratorList)
	b.flags = savedFlags
	outer := b.scope
	b.bind(n.Name, ClassDef, n, id, b.defNameSpan(n, n.Name), "")
	if len(n.TypeParams) > 0 {
		b.openScope(TypeParamScope, n)
		b.typeParams(n.TypeParams)
	}
	b.exprs(n.Bases)
	for _, k := range n.Keywords {
		b.keyword(k)
	}
	b.flags &^= bodyFlags &^ InTryBody
	b.openScope(ClassScope, n)
	b.stmts(n.Body)
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
	b.expr(n.Body)
	b.flags = savedFlags
	b.scope = outer
}

// comprehension visits the children of a comprehension: its generators,
// then elt (or key and value; value is nil but for a dict).
func (b *builder) comprehension(n ast.Node, gens []*ast.Comprehension, elt, value ast.Expr) {
	outer := b.scope
	if len(gens) > 0 {
		// The first iterable is evaluated in the enclosing scope.
		b.expr(gens[0].Iter)
	}
	b.openScope(ComprehensionScope, n)
	for i, g := range gens {
		id := b.open(g, &g.Loc, ast.KindComprehension)
		if i > 0 {
			b.expr(g.Iter)
		}
		b.expr(g.Target)
		b.exprs(g.Ifs)
		b.close(id)
	}
	b.expr(elt)
	b.expr(value)
	b.scope = outer
}

func (b *builder) ifStmt(n *ast.If) {
	b.expr(n.Test)
	body, orelse, ok := b.conditionGuards(n.Test)
	saved := b.guard
	savedFlags := b.flags
	if ok {
		b.guard = b.pushGuard(body, n)
		if body.Kind == TypeCheckingGuard {
			b.flags |= InTypeChecking
		}
	}
	b.stmts(n.Body)
	b.guard, b.flags = saved, savedFlags
	if ok {
		b.guard = b.pushGuard(orelse, n)
		if orelse.Kind == TypeCheckingGuard {
			b.flags |= InTypeChecking
		}
	}
	b.stmts(n.Orelse)
	b.guard, b.flags = saved, savedFlags
}

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
	saved, savedFlags := b.guard, b.flags
	if guarded {
		b.guard = b.pushGuard(Guard{Kind: TryGuard}, n)
	}
	b.flags |= InTryBody
	b.stmts(body)
	b.guard, b.flags = saved, savedFlags
	for _, h := range handlers {
		if b.catchesImportError(h) {
			b.guard = b.pushGuard(Guard{Kind: FallbackGuard}, h)
		}
		b.flags |= InExceptHandler
		b.handler(h)
		b.guard, b.flags = saved, savedFlags
	}
	b.stmts(orelse)
	b.flags |= InFinally
	b.stmts(finalbody)
	b.flags = savedFlags
}

func (b *builder) handler(h *ast.ExceptHandler) {
	id := b.open(h, &h.Loc, ast.KindExceptHandler)
	b.expr(h.Type)
	if h.Name != "" {
		b.bind(h.Name, ExceptName, h, id, b.handlerNameSpan(h), "")
	}
	b.stmts(h.Body)
	b.close(id)
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

// resolve links every read of a name to its binding, which gives the
// name its qualified name, then builds the call graph.
func (b *builder) resolve() {
	m := b.m
	for _, r := range b.refs {
		info := &m.Nodes[r.node]
		name := info.Node.(*ast.Name).Id
		info.Ref = m.lookup(name, r.ident, r.scope, r.pos)
		if info.Ref != NoBinding {
			info.qual = m.Bindings[info.Ref].qual
			continue
		}
		q := b.identQual[r.ident]
		if q == 0 {
			q = -1
			if IsBuiltin(name) {
				q = b.intern("builtins." + name)
			}
			b.identQual[r.ident] = q
		}
		if q > 0 {
			info.qual = q
		}
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

// finish qualifies, once the names are resolved, each attribute whose
// value has a qualified name.
func (b *builder) finish() {
	m := b.m
	// The value of an attribute comes right after it, and an attribute
	// in the value of another after that one: going backwards qualifies
	// a chain from its root.
	var buf []byte
	for i := len(b.attrs) - 1; i >= 0; i-- {
		id := b.attrs[i]
		if v := m.Nodes[id+1].qual; v != 0 {
			a := m.Nodes[id].Node.(*ast.Attribute)
			buf = append(append(append(buf[:0], m.quals[v]...), '.'), a.Attr...)
			m.Nodes[id].qual = b.internBytes(buf)
		}
	}
}

// intern returns the index of the qualified name q in Model.quals, adding
// it the first time: each distinct name is stored once per module.
func (b *builder) intern(q string) int32 {
	if i, ok := b.qualIndex[q]; ok {
		return i
	}
	i := int32(len(b.m.quals))
	b.m.quals = append(b.m.quals, q)
	b.qualIndex[q] = i
	return i
}

// internBytes is intern for a name in a buffer.
func (b *builder) internBytes(q []byte) int32 {
	if i, ok := b.qualIndex[string(q)]; ok {
		return i
	}
	return b.intern(string(q))
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
