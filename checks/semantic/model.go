// Package semantic builds the model of one Python module that py314's
// rules share: scopes with their bindings and references, imports resolved
// to qualified names, the guards that code runs under (TYPE_CHECKING,
// sys.version_info, try/except ImportError, hasattr), and a call graph
// between the functions of the module.
//
// Rules ask the model; they do not re-derive names. The model is built in
// one walk of the tree, which also records every node with its parent and
// scope, so that the rule engine can dispatch nodes without walking again.
package semantic

import (
	"reflect"
	"slices"
	"sync"

	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// ScopeKind is the kind of a scope.
type ScopeKind uint8

// The scope kinds.
const (
	ModuleScope ScopeKind = iota
	ClassScope
	FunctionScope      // def and async def
	LambdaScope        // lambda
	ComprehensionScope // list, set, dict comprehensions and generator expressions
	TypeParamScope     // the scope of PEP 695 type parameters
)

var scopeKindNames = [...]string{"module", "class", "function", "lambda", "comprehension", "type-params"}

func (k ScopeKind) String() string { return scopeKindNames[k] }

// ScopeID identifies a scope of a Model; the module scope is 0.
type ScopeID int32

// NoScope is the parent of the module scope.
const NoScope ScopeID = -1

// Scope is one namespace.
type Scope struct {
	Kind   ScopeKind
	Node   ast.Node // *ast.Module, *ast.ClassDef, *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, a comprehension, or the generic def, class or type alias
	Parent ScopeID

	m         *Model
	id        ScopeID
	names     int32           // the number of distinct names bound here
	globals   map[string]bool // names declared global here
	nonlocals map[string]bool // names declared nonlocal here
}

// IsFunctionLike reports whether the scope is a function body: a def, a
// lambda or a comprehension.
func (s *Scope) IsFunctionLike() bool {
	return s.Kind == FunctionScope || s.Kind == LambdaScope || s.Kind == ComprehensionScope
}

// Bindings returns the bindings of name in the scope, in source order.
func (s *Scope) Bindings(name string) []BindingID { return s.m.bindingsIn(s.id, name) }

// Names returns the number of distinct names bound in the scope.
func (s *Scope) Names() int { return int(s.names) }

// IsGlobal reports whether the scope declares name global.
func (s *Scope) IsGlobal(name string) bool { return s.globals[name] }

// IsNonlocal reports whether the scope declares name nonlocal.
func (s *Scope) IsNonlocal(name string) bool { return s.nonlocals[name] }

// BindingKind says how a name was bound.
type BindingKind uint8

// The binding kinds.
const (
	Import        BindingKind = iota // import a.b / import a.b as c
	FromImport                       // from a import b [as c]
	Assignment                       // a = ..., for a in, with ... as a, a := ...
	AugAssignment                    // a += ...
	Annotation                       // a: T (no value: declares but does not bind)
	Parameter                        // a function or lambda parameter
	FunctionDef                      // def a
	ClassDef                         // class a
	ExceptName                       // except E as a
	MatchCapture                     // case a / case [*a] / case {**a}
	Deletion                         // del a
	TypeParameter                    // def f[T]
	TypeAliasName                    // type A = ...
	GlobalDecl                       // global a / nonlocal a (the declaration itself)
)

var bindingKindNames = [...]string{"import", "from-import", "assignment", "aug-assignment",
	"annotation", "parameter", "function", "class", "except-name", "match-capture", "deletion",
	"type-parameter", "type-alias", "global-declaration"}

func (k BindingKind) String() string { return bindingKindNames[k] }

// BindingID identifies a binding of a Model.
type BindingID int32

// NoBinding marks a reference that resolves to no binding of the module:
// a builtin or an undefined name.
const NoBinding BindingID = -1

// Binding is one place where a name is bound.
type Binding struct {
	Name  string
	Kind  BindingKind
	Scope ScopeID
	Node  ast.Node   // the Name, Alias, Arg, def, class, handler or pattern that binds
	Span  token.Span // where the name is
	// Qualified is the dotted name an import binding stands for:
	// "gzip" for import gzip, "a.b.c" for import a.b.c as x or
	// from a.b import c, "." prefixes for relative imports. Empty for
	// other bindings.
	Qualified string
	Guard     GuardID // the innermost guard the binding runs under

	next BindingID // the next binding of the name in the scope, or NoBinding
	qual int32     // the index of Qualified in Model.quals
}

// IsImport reports whether the binding comes from an import statement.
func (b *Binding) IsImport() bool { return b.Kind == Import || b.Kind == FromImport }

// NodeID identifies a node of a Model: its index in the preorder list.
//
// The preorder is the model's walk, the order in which the engine
// dispatches nodes: code in the order it runs, so a def's decorators,
// type parameters, parameter defaults and annotations come before its
// body, and a comprehension's first iterable (evaluated in the enclosing
// scope) comes before its generators and hangs directly off the
// comprehension expression, not off the *ast.Comprehension. A node's
// descendants in that tree are the contiguous IDs after it, up to
// NodeInfo.End.
type NodeID int32

// NoNode is the parent of the root.
const NoNode NodeID = -1

// NodeFlags describe the context of a node.
type NodeFlags uint16

// The node flags.
const (
	InAnnotation    NodeFlags = 1 << iota // inside an annotation expression
	InTypeChecking                        // inside an `if TYPE_CHECKING:` body
	InTryBody                             // inside the body of a try statement
	InExceptHandler                       // inside an except clause
	InFinally                             // inside a finally clause
	InLoop                                // inside a for or while body of the same function
	InDecorator                           // inside a decorator expression
	InDefault                             // inside a parameter default
	InDelete                              // a target of del
)

// NodeInfo is what the model knows of one node.
type NodeInfo struct {
	Node   ast.Node
	Parent NodeID
	Scope  ScopeID // the scope the node's code runs in
	Flags  NodeFlags
	Guard  GuardID   // the innermost guard the node runs under
	Ref    BindingID // for a Name: the binding it reads (Load) or creates (Store, Del)
	End    NodeID    // one past the node's last descendant: the subtree is Nodes[id:End]

	qual  int32     // for a Name or Attribute: the index of its qualified name in Model.quals
	bound BindingID // the first binding the node creates
}

// Model is the semantic model of one module.
type Model struct {
	Module   *ast.Module
	Nodes    []NodeInfo // every node in preorder; Nodes[0] is the module
	Scopes   []Scope    // Scopes[0] is the module scope
	Bindings []Binding
	Guards   []Guard

	// The bindings of each name of each scope: one table for the module
	// and one array, rather than a map per scope and a slice per name.
	// idents numbers the identifiers of the module; names gives for a
	// scope and an identifier's number the index of the name's list; a
	// list chains its bindings through Binding.next while Build walks,
	// and is laid out in ids, in source order, after.
	idents map[string]int32
	names  nameTable
	lists  []nameList
	ids    []BindingID
	calls  map[ScopeID][]ScopeID
	scopes map[NodeID]ScopeID               // the scope each def, class, lambda or comprehension opens
	quals  []string                         // qualified names of names and attributes, interned; quals[0] is ""
	kinds  [(ast.NumKinds + 63) / 64]uint64 // the node kinds of the module, a bit each
	// packages are the top-level packages of the module's absolute
	// imports, in the order first imported.
	packages []string

	// index maps nodes to their IDs when the number a node carries is not
	// this model's (another model of a tree sharing the node was built
	// since); built on first need.
	indexOnce sync.Once
	index     map[ast.Node]NodeID
}

// nameTable maps a scope and the number of an identifier to the index of
// the identifier's list of bindings in the scope: an open-addressing hash
// table keyed by one integer, cheaper to hash and to compare than a
// string.
type nameTable struct {
	slots []nameSlot // a power of two of them
	n     int        // the slots in use
	shift uint8      // 64 minus the log2 of len(slots)
}

type nameSlot struct {
	key uint64 // nameKey, or 0 for a free slot
	val int32
}

// nameKey is the key of an identifier in a scope: never 0.
func nameKey(s ScopeID, ident int32) uint64 { return uint64(s+1)<<32 | uint64(uint32(ident)) }

func newNameTable(size int) nameTable {
	n, shift := 16, uint8(60)
	for n < size {
		n *= 2
		shift--
	}
	return nameTable{slots: make([]nameSlot, n), shift: shift}
}

// get returns the value of key, or false.
func (t *nameTable) get(key uint64) (int32, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := (key * 0x9e3779b97f4a7c15) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i&mask]
		if s.key == key {
			return s.val, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}

// put adds key, which the table does not have, with its value.
func (t *nameTable) put(key uint64, val int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		*t = newNameTable(2 * len(old))
		for _, s := range old {
			if s.key != 0 {
				t.put(s.key, s.val)
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	i := (key * 0x9e3779b97f4a7c15) >> t.shift
	for t.slots[i&mask].key != 0 {
		i = (i + 1) & mask
	}
	t.slots[i&mask] = nameSlot{key: key, val: val}
	t.n++
}

// nameList is the list of the bindings of one name in one scope.
type nameList struct {
	first, last BindingID // the chain through Binding.next
	off, n      int32     // where the list is in Model.ids
}

// bindingsIn returns the bindings of name in scope s, in source order.
func (m *Model) bindingsIn(s ScopeID, name string) []BindingID {
	ident, ok := m.idents[name]
	if !ok {
		return nil
	}
	i, ok := m.names.get(nameKey(s, ident))
	if !ok {
		return nil
	}
	l := &m.lists[i]
	return m.ids[l.off : l.off+l.n : l.off+l.n]
}

// numbered is what every node implements through its embedded ast.Loc.
type numbered interface{ NodeLoc() *ast.Loc }

// HasKind reports whether the module has at least one node of kind k.
func (m *Model) HasKind(k ast.Kind) bool {
	return k < ast.NumKinds && m.kinds[k/64]&(1<<(k%64)) != 0
}

// ImportsPackage reports whether the module imports anything from the
// top-level package pkg ("os", "asyncio"), in any form and at any depth:
// `import pkg`, `import pkg.sub as x`, `from pkg.sub import name`.
// Relative imports do not count, nor do star imports, which bind no name.
// A qualified name under pkg can only come from such an import.
func (m *Model) ImportsPackage(pkg string) bool { return slices.Contains(m.packages, pkg) }

// Scope returns the scope with the given ID.
func (m *Model) Scope(id ScopeID) *Scope { return &m.Scopes[id] }

// Binding returns the binding with the given ID.
func (m *Model) Binding(id BindingID) *Binding { return &m.Bindings[id] }

// NodeID returns the ID of n, or NoNode if n is not in the module. It is
// O(1): Build stores each node's number in its ast.Loc.
func (m *Model) NodeID(n ast.Node) NodeID {
	// Rules ask mostly of names, attributes, calls and defs: for them a
	// type switch and a pointer comparison replace the assertion to an
	// interface and the interface comparison of the general case.
	switch x := n.(type) {
	case *ast.Name:
		return m.nameID(x)
	case *ast.Attribute:
		return m.attrID(x)
	case *ast.Call:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.Call); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case *ast.Constant:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.Constant); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case *ast.Subscript:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.Subscript); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case *ast.FunctionDef:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.FunctionDef); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case *ast.AsyncFunctionDef:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.AsyncFunctionDef); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case *ast.ClassDef:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.ClassDef); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case *ast.Return:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.Return); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case *ast.Assign:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.Assign); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case *ast.ExprStmt:
		if x == nil {
			return NoNode
		}
		if y, ok := m.numbered(x.ID).(*ast.ExprStmt); ok && y == x {
			return NodeID(x.ID - 1)
		}
	case nil:
		return NoNode
	default:
		if reflect.ValueOf(n).IsNil() {
			return NoNode // a nil pointer of a node type
		}
		id := NodeID(n.(numbered).NodeLoc().ID - 1)
		if uint(id) < uint(len(m.Nodes)) && m.Nodes[id].Node == n {
			return id
		}
	}
	return m.slowNodeID(n)
}

// numbered returns the node that m numbers id (its NodeID plus one), or
// nil.
func (m *Model) numbered(id int32) ast.Node {
	if i := uint(id - 1); i < uint(len(m.Nodes)) {
		return m.Nodes[i].Node
	}
	return nil
}

// nameID is NodeID for a Name.
func (m *Model) nameID(x *ast.Name) NodeID {
	if x == nil {
		return NoNode
	}
	if id := NodeID(x.ID - 1); uint(id) < uint(len(m.Nodes)) {
		if y, ok := m.Nodes[id].Node.(*ast.Name); ok && y == x {
			return id
		}
	}
	return m.slowNodeID(x)
}

// attrID is NodeID for an Attribute.
func (m *Model) attrID(x *ast.Attribute) NodeID {
	if x == nil {
		return NoNode
	}
	if id := NodeID(x.ID - 1); uint(id) < uint(len(m.Nodes)) {
		if y, ok := m.Nodes[id].Node.(*ast.Attribute); ok && y == x {
			return id
		}
	}
	return m.slowNodeID(x)
}

// slowNodeID finds n when the number it carries is not its number in m:
// never numbered (built after the model, by a fix), or numbered by
// another model of a tree sharing the node, or a copy of a node.
func (m *Model) slowNodeID(n ast.Node) NodeID {
	if n.(numbered).NodeLoc().ID == 0 {
		return NoNode // never numbered, so in no model
	}
	m.indexOnce.Do(func() {
		m.index = make(map[ast.Node]NodeID, len(m.Nodes))
		for i := range m.Nodes {
			m.index[m.Nodes[i].Node] = NodeID(i)
		}
	})
	if id, ok := m.index[n]; ok {
		return id
	}
	return NoNode
}

// Info returns what the model knows of n. n must be a node of the module.
func (m *Model) Info(n ast.Node) *NodeInfo {
	id := m.NodeID(n)
	if id == NoNode {
		return nil
	}
	return &m.Nodes[id]
}

// Parent returns the parent of n, or nil for the module and for nodes not
// in the module.
func (m *Model) Parent(n ast.Node) ast.Node {
	id := m.NodeID(n)
	if id <= 0 {
		return nil
	}
	return m.Nodes[m.Nodes[id].Parent].Node
}

// Ancestors calls f for each ancestor of n, innermost first, until f
// returns false.
func (m *Model) Ancestors(n ast.Node, f func(ast.Node) bool) {
	id := m.NodeID(n)
	if id == NoNode {
		return
	}
	for p := m.Nodes[id].Parent; p != NoNode; p = m.Nodes[p].Parent {
		if !f(m.Nodes[p].Node) {
			return
		}
	}
}

// ScopeOf returns the scope that n's code runs in.
func (m *Model) ScopeOf(n ast.Node) ScopeID {
	if info := m.Info(n); info != nil {
		return info.Scope
	}
	return 0
}

// ScopeFor returns the scope that a def, class, lambda or comprehension
// node opens, and false for other nodes.
func (m *Model) ScopeFor(n ast.Node) (ScopeID, bool) {
	id, ok := m.scopes[m.NodeID(n)]
	return id, ok
}

// FunctionOf returns the innermost def, async def or lambda whose body n is
// in, or nil at module or class level.
func (m *Model) FunctionOf(n ast.Node) ast.Node {
	for s := m.ScopeOf(n); s != NoScope; s = m.Scopes[s].Parent {
		switch m.Scopes[s].Kind {
		case FunctionScope, LambdaScope:
			return m.Scopes[s].Node
		case ClassScope, ModuleScope:
			return nil
		}
	}
	return nil
}

// ClassOf returns the class whose body directly defines the function fn,
// or nil if fn is not a method.
func (m *Model) ClassOf(fn ast.Node) *ast.ClassDef {
	s, ok := m.ScopeFor(fn)
	if !ok {
		return nil
	}
	p := m.Scopes[s].Parent
	if p != NoScope && m.Scopes[p].Kind == TypeParamScope {
		p = m.Scopes[p].Parent
	}
	if p == NoScope || m.Scopes[p].Kind != ClassScope {
		return nil
	}
	c, _ := m.Scopes[p].Node.(*ast.ClassDef)
	return c
}

// Lookup returns the binding that name resolves to from scope s at
// position pos, following Python's rules (class scopes are not visible from
// nested functions; global and nonlocal declarations redirect), or
// NoBinding for builtins and undefined names.
func (m *Model) Lookup(name string, s ScopeID, pos token.Pos) BindingID {
	ident, ok := m.idents[name]
	if !ok {
		return NoBinding // bound nowhere in the module
	}
	return m.lookup(name, ident, s, pos)
}

// lookup is Lookup for the name whose identifier number is ident.
func (m *Model) lookup(name string, ident int32, s ScopeID, pos token.Pos) BindingID {
	first := true
	for s != NoScope {
		sc := &m.Scopes[s]
		switch {
		case len(sc.globals) != 0 && sc.globals[name] && s != 0:
			// A global declaration at module level changes nothing.
			s = 0
			continue
		case len(sc.nonlocals) != 0 && sc.nonlocals[name]:
			s = sc.Parent
			first = false
			continue
		}
		if !first && sc.Kind == ClassScope {
			// Names of a class body are not visible in nested scopes.
			s = sc.Parent
			continue
		}
		if i, ok := m.names.get(nameKey(s, ident)); ok {
			if b := m.pick(m.lists[i].first, pos); b != NoBinding {
				return b
			}
		}
		s = sc.Parent
		first = false
	}
	return NoBinding
}

// pick chooses among the bindings of one name in one scope the one that a
// read at pos sees: the last binding (not an annotation-only declaration)
// before pos, else the first binding after it (a function reading a global
// defined later, a loop reading what a later iteration assigned).
//
// It follows the chain from first rather than the laid out list, so that
// Build can look names up during its walk.
func (m *Model) pick(first BindingID, pos token.Pos) BindingID {
	best := NoBinding
	for id := first; id != NoBinding; id = m.Bindings[id].next {
		b := &m.Bindings[id]
		if b.Kind == Annotation || b.Kind == GlobalDecl {
			continue
		}
		if b.Span.Start <= pos {
			best = id
		} else if best == NoBinding {
			return id
		} else {
			break
		}
	}
	return best
}

// BindingOf returns the first binding that node creates (a def, class,
// import alias, parameter, stored name, ...), or NoBinding.
func (m *Model) BindingOf(n ast.Node) BindingID {
	if id := m.NodeID(n); id != NoNode {
		return m.Nodes[id].bound
	}
	return NoBinding
}

// Resolve returns the binding a Name node reads or writes, or NoBinding.
func (m *Model) Resolve(n *ast.Name) BindingID {
	if id := m.nameID(n); id != NoNode {
		return m.Nodes[id].Ref
	}
	return NoBinding
}

// QualifiedName returns the dotted name an expression stands for when it
// is a name or attribute chain rooted in an import or a builtin:
// "gzip.open" for gz.open after import gzip as gz, "threading.Thread" for T
// after from threading import Thread as T, "builtins.open" for open. It
// returns "" for anything else (locals, calls, subscripts, shadowed names).
//
// For the nodes of the module the answer is computed once by Build: the
// call costs a lookup and does not allocate.
func (m *Model) QualifiedName(e ast.Expr) string {
	if q, ok := m.qualOf(e); ok {
		return m.quals[q]
	}
	return m.qualifiedSlow(e)
}

// qualOf returns the index in m.quals of the qualified name of e when e
// is a node of the model (numbered by it), with a type switch on the
// expression rather than the conversion to ast.Node (an itab lookup)
// that NodeID would need: rules ask this of most names, attributes and
// calls' functions of every file. It returns false for a name or
// attribute that does not carry its number in m.
func (m *Model) qualOf(e ast.Expr) (int32, bool) {
	switch x := e.(type) {
	case *ast.Name:
		if x != nil {
			if id := NodeID(x.ID - 1); uint(id) < uint(len(m.Nodes)) {
				if y, ok := m.Nodes[id].Node.(*ast.Name); ok && y == x {
					return m.Nodes[id].qual, true
				}
			}
		}
		return 0, false
	case *ast.Attribute:
		if x != nil {
			if id := NodeID(x.ID - 1); uint(id) < uint(len(m.Nodes)) {
				if y, ok := m.Nodes[id].Node.(*ast.Attribute); ok && y == x {
					return m.Nodes[id].qual, true
				}
			}
		}
		return 0, false
	}
	return 0, true // only names and attributes have one
}

// qualifiedSlow is QualifiedName for a name or attribute that qualOf
// does not find: numbered by another model of a tree sharing it, or built
// after the model (by a fix).
func (m *Model) qualifiedSlow(e ast.Expr) string {
	id := NoNode
	switch x := e.(type) {
	case *ast.Name:
		id = m.nameID(x)
	case *ast.Attribute:
		id = m.attrID(x)
	}
	if id != NoNode {
		return m.quals[m.Nodes[id].qual]
	}
	return m.qualifiedName(e)
}

// qualifiedName computes the qualified name of an expression built after
// the model (by a fix) from nodes of the module.
func (m *Model) qualifiedName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		id := m.Resolve(e)
		if id == NoBinding {
			if m.NodeID(e) != NoNode && IsBuiltin(e.Id) {
				return "builtins." + e.Id
			}
			return ""
		}
		return m.Bindings[id].Qualified
	case *ast.Attribute:
		q := m.QualifiedName(e.Value)
		if q == "" {
			return ""
		}
		return q + "." + e.Attr
	}
	return ""
}

// Subtree returns the model's records of n and of its descendants, in
// preorder (see NodeID): a slice of Nodes, so the record at index i is the
// node with ID NodeID(n)+i, and its own descendants end at its End. It
// returns nil when n is not in the module. Rules that look at every node
// under a statement or expression loop over it instead of calling
// ast.Inspect: no recursion, no closure, the scope, flags and guard of
// each node at hand.
func (m *Model) Subtree(n ast.Node) []NodeInfo {
	id := m.NodeID(n)
	if id == NoNode {
		return nil
	}
	return m.Nodes[id:m.Nodes[id].End]
}

// Inspect calls f for n and for each of its descendants in preorder (see
// NodeID), skipping the descendants of a node for which f returns false.
// It is a faster ast.Inspect for nodes of the module; unlike ast.Inspect
// it never calls f(nil), and the order is the model's, not the fields'.
// For a node not in the module (built by a fix) it walks the tree with
// ast.Inspect, still without the nil calls.
func (m *Model) Inspect(n ast.Node, f func(ast.Node) bool) {
	id := m.NodeID(n)
	if id == NoNode {
		if n != nil {
			ast.Inspect(n, func(c ast.Node) bool { return c != nil && f(c) })
		}
		return
	}
	for i, end := id, m.Nodes[id].End; i < end; {
		info := &m.Nodes[i]
		if f(info.Node) {
			i++
		} else {
			i = info.End
		}
	}
}

// MatchesQualified reports whether e stands for one of the dotted names.
func (m *Model) MatchesQualified(e ast.Expr, names ...string) bool {
	return m.QualifiedIn(e, names...) != ""
}

// QualifiedIn returns the qualified name of e when it is one of names, and
// "" otherwise. Rules ask this of most calls and attributes of every file,
// and nearly all of them have no qualified name: for a node of the model
// that costs a type switch and a look at its record.
func (m *Model) QualifiedIn(e ast.Expr, names ...string) string {
	var q string
	if i, ok := m.qualOf(e); ok {
		if i == 0 {
			return ""
		}
		q = m.quals[i]
	} else if q = m.qualifiedSlow(e); q == "" {
		return ""
	}
	for _, n := range names {
		if q == n {
			return q
		}
	}
	return ""
}

// Callees returns the functions of the module that the scope fn calls
// directly: module-level and nested functions by name, methods of the same
// class through self or cls.
func (m *Model) Callees(fn ScopeID) []ScopeID { return m.calls[fn] }

// Reachable returns every function scope reachable from the given scopes
// through the call graph, the given scopes included.
func (m *Model) Reachable(from ...ScopeID) map[ScopeID]bool {
	seen := map[ScopeID]bool{}
	stack := append([]ScopeID(nil), from...)
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[s] {
			continue
		}
		seen[s] = true
		stack = append(stack, m.calls[s]...)
		// Nested functions and lambdas defined in s run when s runs them;
		// comprehensions always run in place.
		for i := range m.Scopes {
			if m.Scopes[i].Parent == s && m.Scopes[i].Kind == ComprehensionScope {
				stack = append(stack, ScopeID(i))
			}
		}
	}
	return seen
}
