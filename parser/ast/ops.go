package ast

// ExprContext says whether an expression is read, assigned or deleted.
type ExprContext uint8

// The expression contexts.
const (
	Load ExprContext = iota
	Store
	Del
)

var exprContextNames = [...]string{Load: "Load", Store: "Store", Del: "Del"}

// String returns the CPython class name of the context.
func (c ExprContext) String() string { return exprContextNames[c] }

// BoolOperator is the operator of a BoolOp.
type BoolOperator uint8

// The boolean operators.
const (
	And BoolOperator = iota
	Or
)

var boolOperatorNames = [...]string{And: "And", Or: "Or"}

// String returns the CPython class name of the operator.
func (o BoolOperator) String() string { return boolOperatorNames[o] }

// Operator is the operator of a BinOp or AugAssign.
type Operator uint8

// The binary operators.
const (
	Add Operator = iota
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

var operatorNames = [...]string{
	Add: "Add", Sub: "Sub", Mult: "Mult", MatMult: "MatMult", Div: "Div", Mod: "Mod",
	Pow: "Pow", LShift: "LShift", RShift: "RShift", BitOr: "BitOr", BitXor: "BitXor",
	BitAnd: "BitAnd", FloorDiv: "FloorDiv",
}

// String returns the CPython class name of the operator.
func (o Operator) String() string { return operatorNames[o] }

// UnaryOperator is the operator of a UnaryOp.
type UnaryOperator uint8

// The unary operators.
const (
	Invert UnaryOperator = iota
	Not
	UAdd
	USub
)

var unaryOperatorNames = [...]string{Invert: "Invert", Not: "Not", UAdd: "UAdd", USub: "USub"}

// String returns the CPython class name of the operator.
func (o UnaryOperator) String() string { return unaryOperatorNames[o] }

// CmpOp is one comparison operator of a Compare.
type CmpOp uint8

// The comparison operators.
const (
	Eq CmpOp = iota
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var cmpOpNames = [...]string{
	Eq: "Eq", NotEq: "NotEq", Lt: "Lt", LtE: "LtE", Gt: "Gt", GtE: "GtE",
	Is: "Is", IsNot: "IsNot", In: "In", NotIn: "NotIn",
}

// String returns the CPython class name of the operator.
func (o CmpOp) String() string { return cmpOpNames[o] }

// ValueKind is the Python type of a constant.
type ValueKind uint8

// The constant kinds.
const (
	NoneValue ValueKind = iota
	TrueValue
	FalseValue
	EllipsisValue
	IntValue   // Text is the literal as written: "0x_ff", "1_000"
	FloatValue // Text is the literal as written: "1e10", "1_0.5"
	ImagValue  // Text is the literal as written, with its j suffix
	StrValue   // Text is the decoded string (lone surrogates in WTF-8)
	BytesValue // Text holds the decoded bytes
)

// Value is the value of a Constant or MatchSingleton. Numbers keep their
// source text so that parsing never converts them; [Value.Repr] gives the
// Python repr.
type Value struct {
	Kind ValueKind
	Text string
}
