package parser

import "github.com/py314/py314/parser/ast"

// Most nodes and lists of a tree are carved out of chunks rather than
// allocated one by one: a file's tree lives and dies as a whole, and a few
// large allocations cost the allocator and the garbage collector much less
// than many small ones.

// The unused tail of a file's last array of each type lives as long as the
// tree. So arrays are sized from the number of elements the file is
// expected to need (see arena.init): the first holds half of them, and
// those after it an eighth each, so that a file sparser than the average
// wastes little and at most an eighth of the expected number is left
// unused at the end. Over the standard library, quarters and sixteenths
// retain 4.89 bytes per source byte and halves and eighths 5.15, but
// halves make 18% fewer allocations (146k instead of 178k) and parsing
// takes 2.4% fewer instructions; a whole first array would retain 5.72.
const minChunk = 4

// chunk hands out elements of type T from arrays.
type chunk[T any] struct {
	buf  []T
	next int // length of the next array
	rest int // length of the arrays after it
}

// expect sizes the arrays for about n elements.
func (c *chunk[T]) expect(n int) {
	c.next, c.rest = n/2, n/8
}

// grow starts a new array with room for at least n elements.
func (c *chunk[T]) grow(n int) {
	c.buf = make([]T, 0, max(c.next, n, minChunk))
	c.next = c.rest
}

// new returns a pointer to a new zero T.
func (c *chunk[T]) new() *T {
	if len(c.buf) == cap(c.buf) {
		c.grow(1)
	}
	c.buf = c.buf[:len(c.buf)+1]
	return &c.buf[len(c.buf)-1]
}

// list returns an empty slice with room for n elements. Appending beyond
// n moves the slice out of the chunk, as append does.
func (c *chunk[T]) list(n int) []T {
	if cap(c.buf)-len(c.buf) < n {
		c.grow(n)
	}
	i := len(c.buf)
	c.buf = c.buf[:i+n]
	return c.buf[i : i : i+n]
}

// copy returns a copy of list carved out of the chunk, exactly as long,
// or nil when list is empty.
//
// Lists are built in a small array on the builder's stack (var buf [8]T;
// list := buf[:0]; list = append(list, x)) and copied once complete: a
// list grown inside the chunk would leave its outgrown copies and its
// spare capacity there for the life of the tree.
func (c *chunk[T]) copy(list []T) []T {
	if len(list) == 0 {
		return nil
	}
	return append(c.list(len(list)), list...)
}

// arena holds the chunks of one parse.
type arena struct {
	names      chunk[ast.Name]
	constants  chunk[ast.Constant]
	attributes chunk[ast.Attribute]
	calls      chunk[ast.Call]
	args       chunk[ast.Arg]
	keywords   chunk[ast.Keyword]
	compares   chunk[ast.Compare]
	binOps     chunk[ast.BinOp]
	subscripts chunk[ast.Subscript]
	tuples     chunk[ast.Tuple]
	assigns    chunk[ast.Assign]
	exprStmts  chunk[ast.ExprStmt]
	ifs        chunk[ast.If]
	returns    chunk[ast.Return]
	funcDefs   chunk[ast.FunctionDef]
	arguments  chunk[ast.Arguments]
	// Less frequent nodes: an array of each per file still costs fewer
	// allocations than one per node.
	aliases        chunk[ast.Alias]
	raises         chunk[ast.Raise]
	unaryOps       chunk[ast.UnaryOp]
	boolOps        chunk[ast.BoolOp]
	tries          chunk[ast.Try]
	handlers       chunk[ast.ExceptHandler]
	classDefs      chunk[ast.ClassDef]
	fors           chunk[ast.For]
	imports        chunk[ast.Import]
	importFroms    chunk[ast.ImportFrom]
	comprehensions chunk[ast.Comprehension]
	augAssigns     chunk[ast.AugAssign]

	exprs    chunk[ast.Expr]
	cmpOps   chunk[ast.CmpOp]
	stmts    chunk[ast.Stmt]
	argLists chunk[*ast.Arg]
	kwLists  chunk[*ast.Keyword]

	aliasLists   chunk[*ast.Alias]
	handlerLists chunk[*ast.ExceptHandler]
	compLists    chunk[*ast.Comprehension]
}

// init sizes the chunks for a source of n bytes, from the average number
// of source bytes per element over the standard library (46 bytes per
// Name, for instance).
func (a *arena) init(n int) {
	a.names.expect(n / 46)
	a.constants.expect(n / 100)
	a.attributes.expect(n / 145)
	a.calls.expect(n / 187)
	a.args.expect(n / 335)
	a.keywords.expect(n / 1545)
	a.compares.expect(n / 713)
	a.binOps.expect(n / 1095)
	a.subscripts.expect(n / 1137)
	a.tuples.expect(n / 1141)
	a.assigns.expect(n / 268)
	a.exprStmts.expect(n / 475)
	a.ifs.expect(n / 518)
	a.returns.expect(n / 774)
	a.funcDefs.expect(n / 717)
	a.arguments.expect(n / 694)
	a.aliases.expect(n / 1620)
	a.raises.expect(n / 3280)
	a.unaryOps.expect(n / 2840)
	a.boolOps.expect(n / 3930)
	a.tries.expect(n / 4970)
	a.handlers.expect(n / 5100)
	a.classDefs.expect(n / 5060)
	a.fors.expect(n / 6090)
	a.imports.expect(n / 6530)
	a.importFroms.expect(n / 9410)
	a.comprehensions.expect(n / 7560)
	a.augAssigns.expect(n / 9830)

	a.exprs.expect(n / 51)
	a.cmpOps.expect(n / 706)
	a.stmts.expect(n / 79)
	a.argLists.expect(n / 348)
	a.kwLists.expect(n / 1545)
	a.aliasLists.expect(n / 1620)
	a.handlerLists.expect(n / 5100)
	a.compLists.expect(n / 7560)
}

// alloc returns a pointer to a copy of v carved out of c, for the nodes
// without a constructor of their own.
func alloc[T any](c *chunk[T], v T) *T {
	n := c.new()
	*n = v
	return n
}

// The constructors of the most frequent nodes.

func (p *parser) newName(loc ast.Loc, id string, ctx ast.ExprContext) *ast.Name {
	n := p.arena.names.new()
	*n = ast.Name{Loc: loc, Id: id, Ctx: ctx}
	return n
}

func (p *parser) newConstant(loc ast.Loc, v ast.Value) *ast.Constant {
	n := p.arena.constants.new()
	*n = ast.Constant{Loc: loc, Value: v}
	return n
}

func (p *parser) newAttribute(loc ast.Loc, value ast.Expr, attr string) *ast.Attribute {
	n := p.arena.attributes.new()
	*n = ast.Attribute{Loc: loc, Value: value, Attr: attr, Ctx: ast.Load}
	return n
}

func (p *parser) newCall(loc ast.Loc, fn ast.Expr, args []ast.Expr, kws []*ast.Keyword) *ast.Call {
	n := p.arena.calls.new()
	*n = ast.Call{Loc: loc, Func: fn, Args: args, Keywords: kws}
	return n
}

func (p *parser) newSubscript(loc ast.Loc, value, slice ast.Expr) *ast.Subscript {
	n := p.arena.subscripts.new()
	*n = ast.Subscript{Loc: loc, Value: value, Slice: slice, Ctx: ast.Load}
	return n
}

func (p *parser) newBinOp(loc ast.Loc, left ast.Expr, op ast.Operator, right ast.Expr) *ast.BinOp {
	n := p.arena.binOps.new()
	*n = ast.BinOp{Loc: loc, Left: left, Op: op, Right: right}
	return n
}

func (p *parser) newCompare(loc ast.Loc, left ast.Expr, ops []ast.CmpOp, comps []ast.Expr) *ast.Compare {
	n := p.arena.compares.new()
	*n = ast.Compare{Loc: loc, Left: left, Ops: ops, Comparators: comps}
	return n
}

func (p *parser) newTuple(loc ast.Loc, elts []ast.Expr, ctx ast.ExprContext) *ast.Tuple {
	n := p.arena.tuples.new()
	*n = ast.Tuple{Loc: loc, Elts: elts, Ctx: ctx}
	return n
}

func (p *parser) newArg(loc ast.Loc, name string, ann ast.Expr) *ast.Arg {
	n := p.arena.args.new()
	*n = ast.Arg{Loc: loc, Arg: name, Annotation: ann}
	return n
}

func (p *parser) newKeyword(loc ast.Loc, name string, value ast.Expr) *ast.Keyword {
	n := p.arena.keywords.new()
	*n = ast.Keyword{Loc: loc, Arg: name, Value: value}
	return n
}

func (p *parser) newAssign(loc ast.Loc, targets []ast.Expr, value ast.Expr) *ast.Assign {
	n := p.arena.assigns.new()
	*n = ast.Assign{Loc: loc, Targets: targets, Value: value}
	return n
}

func (p *parser) newExprStmt(loc ast.Loc, value ast.Expr) *ast.ExprStmt {
	n := p.arena.exprStmts.new()
	*n = ast.ExprStmt{Loc: loc, Value: value}
	return n
}

func (p *parser) newIf(loc ast.Loc, test ast.Expr, body, orelse []ast.Stmt) *ast.If {
	n := p.arena.ifs.new()
	*n = ast.If{Loc: loc, Test: test, Body: body, Orelse: orelse}
	return n
}

func (p *parser) newReturn(loc ast.Loc, value ast.Expr) *ast.Return {
	n := p.arena.returns.new()
	*n = ast.Return{Loc: loc, Value: value}
	return n
}

func (p *parser) newArguments() *ast.Arguments { return p.arena.arguments.new() }
