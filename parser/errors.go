package parser

import (
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/scanner"
	"github.com/py314/py314/parser/token"
)

// This file reproduces the choices of CPython's second parsing pass, in
// which the grammar's invalid_* rules pick a specific message for a
// statement that failed to parse.

// tokenAt returns the index of the token that starts at pos, or -1.
func (p *parser) tokenAt(pos token.Pos) int {
	lo, hi := 0, len(p.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if p.toks[m].Start < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for lo < len(p.toks) && p.toks[lo].Start == pos {
		switch p.toks[lo].Kind {
		case token.INDENT, token.DEDENT, token.NEWLINE:
			if p.toks[lo].End == p.toks[lo].Start {
				lo++
				continue
			}
		}
		return lo
	}
	return -1
}

// tokenAfter returns the index of the first token that starts at or after
// pos.
func (p *parser) tokenAfter(pos token.Pos) int {
	lo, hi := 0, len(p.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if p.toks[m].Start < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return min(lo, len(p.toks)-1)
}

// parenthesized reports whether e is written in parentheses of its own.
func (p *parser) parenthesized(e ast.Expr) bool {
	i := p.tokenAt(e.Pos())
	if i <= 0 || p.toks[i-1].Kind != token.LPAR {
		return false
	}
	j := p.tokenAfter(e.End())
	return p.toks[j].Kind == token.RPAR
}

// isBitwiseOr reports whether e, as written, is a bitwise_or in CPython's
// grammar: an expression with no comparison, boolean operator, "not",
// conditional, lambda, star or walrus outside parentheses.
func (p *parser) isBitwiseOr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Compare, *ast.BoolOp, *ast.IfExp, *ast.Lambda, *ast.Starred, *ast.NamedExpr,
		*ast.Yield, *ast.YieldFrom:
		return p.parenthesized(e)
	case *ast.UnaryOp:
		return x.Op != ast.Not || p.parenthesized(e)
	case *ast.Tuple:
		return p.src[x.Pos()] == '('
	}
	return true
}

// startsWithDisplay reports whether e starts with a list or tuple display,
// a generator expression, True, None or False: the expressions that
// CPython's invalid_named_expression rule leaves alone.
func (p *parser) startsWithDisplay(e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.List, *ast.GeneratorExp:
			return true
		case *ast.Tuple:
			return p.src[x.Pos()] == '('
		case *ast.Constant:
			switch x.Value.Kind {
			case ast.TrueValue, ast.FalseValue, ast.NoneValue:
				return true
			}
			return false
		case *ast.Attribute:
			e = x.Value
		case *ast.Subscript:
			e = x.Value
		case *ast.Call:
			e = x.Func
		case *ast.BinOp:
			e = x.Left
		case *ast.Compare:
			e = x.Left
		case *ast.BoolOp:
			e = x.Values[0]
		case *ast.IfExp:
			e = x.Body
		default:
			return false
		}
		if p.parenthesized(e) {
			return false
		}
	}
}

// assignError records CPython's error for an assignment whose targets
// include one that cannot be assigned to. segments are the targets
// followed by the value.
func (p *parser) assignError(segments []ast.Expr) {
	first := segments[0]
	// invalid_named_expression on the last item of the first target, the
	// one directly followed by '='.
	last := first
	if t, ok := first.(*ast.Tuple); ok && p.src[t.Pos()] != '(' {
		last = t.Elts[len(t.Elts)-1]
	}
	next := segments[1]
	rhsOK := p.leadingBitwiseOr(next) && !(len(segments) > 2 && p.isBitwiseOr(next))
	if rhsOK && p.isBitwiseOr(last) {
		if _, ok := last.(*ast.Name); ok && !p.parenthesized(last) {
			p.errorAt(last.Pos(), p.bitwiseOrEnd(next), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			return
		}
		if !p.startsWithDisplay(last) {
			p.errorf(last.Pos(), last.End(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(last))
			return
		}
	}
	// invalid_assignment: the first target that is not one.
	for _, t := range segments[:len(segments)-1] {
		if invalidTarget(t, targetStar) == nil {
			continue
		}
		switch t.(type) {
		case *ast.Yield, *ast.YieldFrom:
			if !p.parenthesized(t) {
				p.errorNode(t, "assignment to yield expression not possible")
				return
			}
		}
		p.checkTarget(t, targetStar)
		return
	}
	p.syntaxError()
}

// leadingBitwiseOr reports whether e starts with a bitwise_or, which CPython
// can parse on its own.
func (p *parser) leadingBitwiseOr(e ast.Expr) bool {
	i := p.tokenAt(e.Pos())
	if i < 0 {
		return false
	}
	return startsFactor(p.toks[i].Kind)
}

// bitwiseOrEnd returns the end of the bitwise_or that starts e.
func (p *parser) bitwiseOrEnd(e ast.Expr) token.Pos {
	for !p.isBitwiseOr(e) {
		switch x := e.(type) {
		case *ast.Compare:
			e = x.Left
		case *ast.BoolOp:
			e = x.Values[0]
		case *ast.IfExp:
			e = x.Body
		case *ast.Tuple:
			e = x.Elts[0]
		default:
			return e.End()
		}
	}
	return e.End()
}

// namedAssignError records CPython's error for an expression a followed
// by '=' where a named expression is expected, as in "if x = 1:".
func (p *parser) namedAssignError(a ast.Expr) {
	m, far := p.mark(), p.far
	eq := p.pos
	p.next()
	ok := startsFactor(p.tok)
	var end token.Pos
	if ok {
		p.bitwiseOr()
		ok = !p.failed && p.tok != token.EQUAL && p.tok != token.COLONEQUAL
		end = p.prevEnd()
	}
	p.reset(m)
	p.far = max(far, eq+1)
	if ok {
		if _, isName := a.(*ast.Name); isName && !p.parenthesized(a) {
			p.errorAt(a.Pos(), end, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			return
		}
		if p.isBitwiseOr(a) && !p.startsWithDisplay(a) {
			p.errorf(a.Pos(), a.End(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(a))
			return
		}
	}
	p.syntaxError()
}

// typeAliasError returns the error CPython's second pass raises on a type
// statement before pos whose type parameter list has a default: it reads
// the statement as the Python 2 form "NAME expression" ("print x") and
// parses "X[T = int]" as a subscript, in which "T = int" looks like a
// mistyped comparison.
func (p *parser) typeAliasError(pos token.Pos) *scanner.Error {
	var found *scanner.Error
	ast.Inspect(p.module, func(n ast.Node) bool {
		if found != nil || n == nil || n.Pos() >= pos {
			return false
		}
		ta, ok := n.(*ast.TypeAlias)
		if !ok {
			return true
		}
		for _, tp := range ta.TypeParams {
			switch x := tp.(type) {
			case *ast.TypeVar:
				if x.Bound != nil {
					return false
				}
				if x.DefaultValue != nil && p.isBitwiseOr(x.DefaultValue) {
					found = &scanner.Error{Pos: x.Pos(), End: x.End(), Type: scanner.SyntaxError,
						Msg: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"}
				}
			case *ast.TypeVarTuple:
				if x.DefaultValue != nil {
					if _, ok := x.DefaultValue.(*ast.Starred); !ok {
						found = &scanner.Error{Pos: x.Pos(), End: x.End(), Type: scanner.SyntaxError,
							Msg: "cannot assign to iterable argument unpacking"}
					}
				}
			}
			if found != nil || !p.plainTypeParam(tp) {
				return false
			}
		}
		return false
	})
	return found
}

// plainTypeParam reports whether a type parameter also parses as an
// item of a subscript, so that CPython's reading of the statement goes on
// past it.
func (p *parser) plainTypeParam(tp ast.TypeParam) bool {
	switch x := tp.(type) {
	case *ast.TypeVar:
		return x.Bound == nil && x.DefaultValue == nil
	case *ast.TypeVarTuple:
		return x.DefaultValue == nil
	}
	return false
}

// juxtaposedItems handles a tuple statement followed by another item
// without a comma, as in "a, b c = d". CPython's invalid_assignment rule
// reads such items one after the other as named expressions, so that
// "c = d" gets the message of a mistyped comparison.
func (p *parser) juxtaposedItems() {
	far := p.far
	m := p.mark()
	for !p.failed && p.startsStarExpr() {
		p.starNamedExpression()
		p.got(token.COMMA)
	}
	if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
		return
	}
	p.reset(m)
	p.far = far
	p.syntaxError()
}

// startsExprAt reports whether the token n places ahead can start an
// expression.
func (p *parser) startsExprAt(n int) bool { return startsExpr(p.peek(n)) }
