// Package ast declares the syntax tree of Python 3.14 source.
//
// The tree mirrors CPython's ast module node for node and field for field:
// every node type of CPython's ast has a Go type of the same name, and every
// field the same meaning, so that [Dump] prints exactly what CPython's
// ast.dump(tree, include_attributes=True) prints. Each field carries its
// CPython name in a `py` struct tag; the tag option "opt" marks fields that
// CPython declares optional (they print nothing when absent), and the tag
// option "last" a field that CPython lists after all the others but that
// comes first in the Go struct, where it fills the padding after Loc (the
// expression context: it makes a Name 32 bytes instead of 40).
//
// Nodes store byte offsets (see [token.Pos]); CPython's lineno, col_offset,
// end_lineno and end_col_offset are computed from them with a [token.File].
//
// walk_gen.go, dump_gen.go and kind_gen.go are generated from this file by
// gen.go (go generate); a test fails when they are stale.
package ast

//go:generate go run gen.go

import "github.com/py314/py314/parser/token"

// Node is implemented by every node of the tree.
type Node interface {
	Pos() token.Pos // offset of the node's first byte
	End() token.Pos // offset just past the node's last byte
	Kind() Kind     // the node's type as a small integer, for kind masks
}

// Expr is implemented by expression nodes.
type Expr interface {
	Node
	exprNode()
}

// Stmt is implemented by statement nodes.
type Stmt interface {
	Node
	stmtNode()
}

// Pattern is implemented by match-statement pattern nodes.
type Pattern interface {
	Node
	patternNode()
}

// TypeParam is implemented by type parameter nodes (PEP 695).
type TypeParam interface {
	Node
	typeParamNode()
}

// Loc is embedded in every node and holds its byte range.
type Loc struct {
	Start token.Pos // offset of the first byte
	Stop  token.Pos // offset just past the last byte
	// ID is the node's number in the last semantic model built of a tree
	// holding it, plus one; zero until checks/semantic numbers the tree.
	// The parser leaves it zero. Only the semantic model reads it, and it
	// checks that the number it finds is its own.
	ID int32
}

// NodeLoc returns the node's Loc, so that code holding a Node can reach the
// fields every node has.
func (l *Loc) NodeLoc() *Loc { return l }

// Pos returns the offset of the node's first byte.
func (l *Loc) Pos() token.Pos { return l.Start }

// End returns the offset just past the node's last byte.
func (l *Loc) End() token.Pos { return l.Stop }

// Span returns the node's byte range.
func (l *Loc) Span() token.Span { return token.Span{Start: l.Start, End: l.Stop} }

// Generators returns the for and if clauses of a comprehension (ListComp,
// SetComp, DictComp or GeneratorExp), and whether n is one.
func Generators(n Node) ([]*Comprehension, bool) {
	switch n := n.(type) {
	case *ListComp:
		return n.Generators, true
	case *SetComp:
		return n.Generators, true
	case *DictComp:
		return n.Generators, true
	case *GeneratorExp:
		return n.Generators, true
	}
	return nil, false
}

// ---------------------------------------------------------------------------
// Module

// Module is the root of a parsed file.
type Module struct {
	Loc
	Body        []Stmt        `py:"body"`
	TypeIgnores []*TypeIgnore `py:"type_ignores"`
}

// TypeIgnore is a "# type: ignore" comment (only with type comments enabled).
type TypeIgnore struct {
	Loc
	Lineno int    `py:"lineno"`
	Tag    string `py:"tag"`
}

// ---------------------------------------------------------------------------
// Statements

// FunctionDef is a def statement.
type FunctionDef struct {
	Loc
	Name          string      `py:"name"`
	Args          *Arguments  `py:"args"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	Returns       Expr        `py:"returns,opt"` // or nil
	TypeComment   string      `py:"type_comment,opt"`
	TypeParams    []TypeParam `py:"type_params"`
}

// AsyncFunctionDef is an async def statement.
type AsyncFunctionDef struct {
	Loc
	Name          string      `py:"name"`
	Args          *Arguments  `py:"args"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	Returns       Expr        `py:"returns,opt"` // or nil
	TypeComment   string      `py:"type_comment,opt"`
	TypeParams    []TypeParam `py:"type_params"`
}

// ClassDef is a class statement.
type ClassDef struct {
	Loc
	Name          string      `py:"name"`
	Bases         []Expr      `py:"bases"`
	Keywords      []*Keyword  `py:"keywords"`
	Body          []Stmt      `py:"body"`
	DecoratorList []Expr      `py:"decorator_list"`
	TypeParams    []TypeParam `py:"type_params"`
}

// Return is a return statement.
type Return struct {
	Loc
	Value Expr `py:"value,opt"` // or nil
}

// Delete is a del statement.
type Delete struct {
	Loc
	Targets []Expr `py:"targets"`
}

// Assign is an assignment with one or more targets: a = b = value.
type Assign struct {
	Loc
	Targets     []Expr `py:"targets"`
	Value       Expr   `py:"value"`
	TypeComment string `py:"type_comment,opt"`
}

// TypeAlias is a type statement (PEP 695).
type TypeAlias struct {
	Loc
	Name       Expr        `py:"name"`
	TypeParams []TypeParam `py:"type_params"`
	Value      Expr        `py:"value"`
}

// AugAssign is an augmented assignment: target op= value.
type AugAssign struct {
	Loc
	Target Expr     `py:"target"`
	Op     Operator `py:"op"`
	Value  Expr     `py:"value"`
}

// AnnAssign is an annotated assignment: target: annotation [= value].
type AnnAssign struct {
	Loc
	Target     Expr `py:"target"`
	Annotation Expr `py:"annotation"`
	Value      Expr `py:"value,opt"` // or nil
	Simple     int  `py:"simple"`    // 1 for a plain name target not in parentheses
}

// For is a for statement.
type For struct {
	Loc
	Target      Expr   `py:"target"`
	Iter        Expr   `py:"iter"`
	Body        []Stmt `py:"body"`
	Orelse      []Stmt `py:"orelse"`
	TypeComment string `py:"type_comment,opt"`
}

// AsyncFor is an async for statement.
type AsyncFor struct {
	Loc
	Target      Expr   `py:"target"`
	Iter        Expr   `py:"iter"`
	Body        []Stmt `py:"body"`
	Orelse      []Stmt `py:"orelse"`
	TypeComment string `py:"type_comment,opt"`
}

// While is a while statement.
type While struct {
	Loc
	Test   Expr   `py:"test"`
	Body   []Stmt `py:"body"`
	Orelse []Stmt `py:"orelse"`
}

// If is an if statement; elif becomes a nested If in Orelse.
type If struct {
	Loc
	Test   Expr   `py:"test"`
	Body   []Stmt `py:"body"`
	Orelse []Stmt `py:"orelse"`
}

// With is a with statement.
type With struct {
	Loc
	Items       []*WithItem `py:"items"`
	Body        []Stmt      `py:"body"`
	TypeComment string      `py:"type_comment,opt"`
}

// AsyncWith is an async with statement.
type AsyncWith struct {
	Loc
	Items       []*WithItem `py:"items"`
	Body        []Stmt      `py:"body"`
	TypeComment string      `py:"type_comment,opt"`
}

// Match is a match statement.
type Match struct {
	Loc
	Subject Expr         `py:"subject"`
	Cases   []*MatchCase `py:"cases"`
}

// Raise is a raise statement.
type Raise struct {
	Loc
	Exc   Expr `py:"exc,opt"`   // or nil
	Cause Expr `py:"cause,opt"` // or nil
}

// Try is a try statement with except clauses.
type Try struct {
	Loc
	Body      []Stmt           `py:"body"`
	Handlers  []*ExceptHandler `py:"handlers"`
	Orelse    []Stmt           `py:"orelse"`
	Finalbody []Stmt           `py:"finalbody"`
}

// TryStar is a try statement with except* clauses.
type TryStar struct {
	Loc
	Body      []Stmt           `py:"body"`
	Handlers  []*ExceptHandler `py:"handlers"`
	Orelse    []Stmt           `py:"orelse"`
	Finalbody []Stmt           `py:"finalbody"`
}

// Assert is an assert statement.
type Assert struct {
	Loc
	Test Expr `py:"test"`
	Msg  Expr `py:"msg,opt"` // or nil
}

// Import is an import statement.
type Import struct {
	Loc
	Names []*Alias `py:"names"`
}

// ImportFrom is a from ... import statement.
type ImportFrom struct {
	Loc
	Module string   `py:"module,opt"` // "" for "from . import x"
	Names  []*Alias `py:"names"`
	Level  int      `py:"level,opt"` // number of leading dots
}

// Global is a global statement.
type Global struct {
	Loc
	Names []string `py:"names"`
}

// Nonlocal is a nonlocal statement.
type Nonlocal struct {
	Loc
	Names []string `py:"names"`
}

// ExprStmt is an expression used as a statement (CPython's Expr).
type ExprStmt struct {
	Loc
	Value Expr `py:"value"`
}

// Pass is a pass statement.
type Pass struct{ Loc }

// Break is a break statement.
type Break struct{ Loc }

// Continue is a continue statement.
type Continue struct{ Loc }

// ---------------------------------------------------------------------------
// Expressions

// BoolOp is a chain of and or a chain of or.
type BoolOp struct {
	Loc
	Op     BoolOperator `py:"op"`
	Values []Expr       `py:"values"`
}

// NamedExpr is an assignment expression (walrus): target := value.
type NamedExpr struct {
	Loc
	Target Expr `py:"target"`
	Value  Expr `py:"value"`
}

// BinOp is a binary operation.
type BinOp struct {
	Loc
	Left  Expr     `py:"left"`
	Op    Operator `py:"op"`
	Right Expr     `py:"right"`
}

// UnaryOp is a unary operation.
type UnaryOp struct {
	Loc
	Op      UnaryOperator `py:"op"`
	Operand Expr          `py:"operand"`
}

// Lambda is a lambda expression.
type Lambda struct {
	Loc
	Args *Arguments `py:"args"`
	Body Expr       `py:"body"`
}

// IfExp is a conditional expression: body if test else orelse.
type IfExp struct {
	Loc
	Test   Expr `py:"test"`
	Body   Expr `py:"body"`
	Orelse Expr `py:"orelse"`
}

// Dict is a dict display. A nil key marks a **mapping unpacking.
type Dict struct {
	Loc
	Keys   []Expr `py:"keys"` // nil elements for ** entries
	Values []Expr `py:"values"`
}

// Set is a set display.
type Set struct {
	Loc
	Elts []Expr `py:"elts"`
}

// ListComp is a list comprehension.
type ListComp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// SetComp is a set comprehension.
type SetComp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// DictComp is a dict comprehension.
type DictComp struct {
	Loc
	Key        Expr             `py:"key"`
	Value      Expr             `py:"value"`
	Generators []*Comprehension `py:"generators"`
}

// GeneratorExp is a generator expression.
type GeneratorExp struct {
	Loc
	Elt        Expr             `py:"elt"`
	Generators []*Comprehension `py:"generators"`
}

// Await is an await expression.
type Await struct {
	Loc
	Value Expr `py:"value"`
}

// Yield is a yield expression.
type Yield struct {
	Loc
	Value Expr `py:"value,opt"` // or nil
}

// YieldFrom is a yield from expression.
type YieldFrom struct {
	Loc
	Value Expr `py:"value"`
}

// Compare is a comparison chain: left op1 c1 op2 c2 ...
type Compare struct {
	Loc
	Left        Expr    `py:"left"`
	Ops         []CmpOp `py:"ops"`
	Comparators []Expr  `py:"comparators"`
}

// Call is a call expression.
type Call struct {
	Loc
	Func     Expr       `py:"func"`
	Args     []Expr     `py:"args"`
	Keywords []*Keyword `py:"keywords"`
}

// FormattedValue is a replacement field of an f-string.
type FormattedValue struct {
	Loc
	Value      Expr `py:"value"`
	Conversion int  `py:"conversion"`      // -1, or 's', 'r', 'a'
	FormatSpec Expr `py:"format_spec,opt"` // a *JoinedStr, or nil
}

// Interpolation is a replacement field of a t-string (PEP 750).
type Interpolation struct {
	Loc
	Value      Expr   `py:"value"`
	Str        string `py:"str"`             // the expression's source text
	Conversion int    `py:"conversion"`      // -1, or 's', 'r', 'a'
	FormatSpec Expr   `py:"format_spec,opt"` // a *JoinedStr, or nil
}

// JoinedStr is an f-string.
type JoinedStr struct {
	Loc
	Values []Expr `py:"values"`
}

// TemplateStr is a t-string (PEP 750).
type TemplateStr struct {
	Loc
	Values []Expr `py:"values"`
}

// Constant is a literal: a number, a string, bytes, True, False, None or
// Ellipsis.
type Constant struct {
	Loc
	Value   Value  `py:"value"`
	StrKind string `py:"kind,opt"` // "u" for a u-prefixed string, else ""
}

// Attribute is an attribute reference: value.attr.
type Attribute struct {
	Loc
	Ctx   ExprContext `py:"ctx,last"`
	Value Expr        `py:"value"`
	Attr  string      `py:"attr"`
}

// Subscript is a subscription: value[slice].
type Subscript struct {
	Loc
	Ctx   ExprContext `py:"ctx,last"`
	Value Expr        `py:"value"`
	Slice Expr        `py:"slice"`
}

// Starred is a starred expression: *value.
type Starred struct {
	Loc
	Ctx   ExprContext `py:"ctx,last"`
	Value Expr        `py:"value"`
}

// Name is an identifier used as an expression.
type Name struct {
	Loc
	Ctx ExprContext `py:"ctx,last"`
	Id  string      `py:"id"`
}

// List is a list display or a list target.
type List struct {
	Loc
	Ctx  ExprContext `py:"ctx,last"`
	Elts []Expr      `py:"elts"`
}

// Tuple is a tuple display or a tuple target.
type Tuple struct {
	Loc
	Ctx  ExprContext `py:"ctx,last"`
	Elts []Expr      `py:"elts"`
}

// Slice is a slice inside a subscript: lower:upper:step.
type Slice struct {
	Loc
	Lower Expr `py:"lower,opt"` // or nil
	Upper Expr `py:"upper,opt"` // or nil
	Step  Expr `py:"step,opt"`  // or nil
}

// ---------------------------------------------------------------------------
// Other nodes

// Comprehension is one for clause of a comprehension, with its if clauses.
// It has no position in CPython; Loc spans "for" to the last if clause.
type Comprehension struct {
	Loc
	Target  Expr   `py:"target"`
	Iter    Expr   `py:"iter"`
	Ifs     []Expr `py:"ifs"`
	IsAsync int    `py:"is_async"`
}

// ExceptHandler is an except or except* clause.
type ExceptHandler struct {
	Loc
	Type Expr   `py:"type,opt"` // or nil
	Name string `py:"name,opt"` // "" when there is no "as" name
	Body []Stmt `py:"body"`
}

// Arguments is the parameter list of a function or lambda. It has no
// position in CPython; Loc spans the parameters.
type Arguments struct {
	Loc
	Posonlyargs []*Arg `py:"posonlyargs"`
	Args        []*Arg `py:"args"`
	Vararg      *Arg   `py:"vararg,opt"` // or nil
	Kwonlyargs  []*Arg `py:"kwonlyargs"`
	KwDefaults  []Expr `py:"kw_defaults"` // nil elements for parameters without a default
	Kwarg       *Arg   `py:"kwarg,opt"`   // or nil
	Defaults    []Expr `py:"defaults"`
}

// Arg is one parameter.
type Arg struct {
	Loc
	Arg         string `py:"arg"`
	Annotation  Expr   `py:"annotation,opt"` // or nil
	TypeComment string `py:"type_comment,opt"`
}

// Keyword is a keyword argument of a call or class definition; Arg is ""
// for **kwargs.
type Keyword struct {
	Loc
	Arg   string `py:"arg,opt"`
	Value Expr   `py:"value"`
}

// Alias is one name of an import statement.
type Alias struct {
	Loc
	Name   string `py:"name"`
	Asname string `py:"asname,opt"`
}

// WithItem is one context manager of a with statement. It has no position
// in CPython.
type WithItem struct {
	Loc
	ContextExpr  Expr `py:"context_expr"`
	OptionalVars Expr `py:"optional_vars,opt"` // or nil
}

// MatchCase is one case block of a match statement. It has no position in
// CPython.
type MatchCase struct {
	Loc
	Pattern Pattern `py:"pattern"`
	Guard   Expr    `py:"guard,opt"` // or nil
	Body    []Stmt  `py:"body"`
}

// ---------------------------------------------------------------------------
// Patterns

// MatchValue matches a value: a literal or a dotted name.
type MatchValue struct {
	Loc
	Value Expr `py:"value"`
}

// MatchSingleton matches None, True or False by identity.
type MatchSingleton struct {
	Loc
	Value Value `py:"value"`
}

// MatchSequence matches a sequence.
type MatchSequence struct {
	Loc
	Patterns []Pattern `py:"patterns"`
}

// MatchMapping matches a mapping; Rest is the name after **, or "".
type MatchMapping struct {
	Loc
	Keys     []Expr    `py:"keys"`
	Patterns []Pattern `py:"patterns"`
	Rest     string    `py:"rest,opt"`
}

// MatchClass matches a class with positional and keyword sub-patterns.
type MatchClass struct {
	Loc
	Cls         Expr      `py:"cls"`
	Patterns    []Pattern `py:"patterns"`
	KwdAttrs    []string  `py:"kwd_attrs"`
	KwdPatterns []Pattern `py:"kwd_patterns"`
}

// MatchStar matches the rest of a sequence: *name or *_ (Name "").
type MatchStar struct {
	Loc
	Name string `py:"name,opt"`
}

// MatchAs is a capture pattern, an as-pattern or the wildcard _.
type MatchAs struct {
	Loc
	Pattern Pattern `py:"pattern,opt"` // or nil
	Name    string  `py:"name,opt"`    // "" for _
}

// MatchOr is an or-pattern.
type MatchOr struct {
	Loc
	Patterns []Pattern `py:"patterns"`
}

// ---------------------------------------------------------------------------
// Type parameters

// TypeVar is a type variable parameter: T, T: bound, T = default.
type TypeVar struct {
	Loc
	Name         string `py:"name"`
	Bound        Expr   `py:"bound,opt"`         // or nil
	DefaultValue Expr   `py:"default_value,opt"` // or nil
}

// ParamSpec is a parameter specification parameter: **P.
type ParamSpec struct {
	Loc
	Name         string `py:"name"`
	DefaultValue Expr   `py:"default_value,opt"` // or nil
}

// TypeVarTuple is a variadic type parameter: *Ts.
type TypeVarTuple struct {
	Loc
	Name         string `py:"name"`
	DefaultValue Expr   `py:"default_value,opt"` // or nil
}
