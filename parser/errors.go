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

// assignError records CPython's error for an assignment that does not
// parse or has a target that cannot be assigned to. targets are the
// expressions before an '=', rhs the token index where the part after the
// first '=' starts. With generic, a generic error is recorded when no
// specific one applies; assignError reports whether it recorded one.
func (p *parser) assignError(targets []ast.Expr, rhs int, generic bool) bool {
	first := targets[0]
	// invalid_named_expression on the last item of the first target, the
	// one directly followed by '='.
	last := first
	if t, ok := first.(*ast.Tuple); ok && p.src[t.Pos()] != '(' {
		last = t.Elts[len(t.Elts)-1]
	}
	if end, ok := p.bitwiseOrAt(rhs); ok && p.isBitwiseOr(last) {
		if _, ok := last.(*ast.Name); ok && !p.parenthesized(last) {
			p.errorAt(last.Pos(), end, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
			return true
		}
		if !p.startsWithDisplay(last) {
			p.errorf(last.Pos(), last.End(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(last))
			return true
		}
	}
	// invalid_assignment: the first target that is not one.
	for _, t := range targets {
		if invalidTarget(t, targetStar) == nil {
			continue
		}
		switch t.(type) {
		case *ast.Yield, *ast.YieldFrom:
			if !p.parenthesized(t) {
				p.errorNode(t, "assignment to yield expression not possible")
				return true
			}
		}
		p.checkTarget(t, targetStar)
		return true
	}
	if generic {
		p.syntaxError()
	}
	return false
}

// bitwiseOrAt reports whether a bitwise_or parses from token i and is not
// followed by '=' or ':=', and returns its end.
func (p *parser) bitwiseOrAt(i int) (token.Pos, bool) {
	if !startsFactor(p.toks[i].Kind) {
		return 0, false
	}
	m, far, fill := p.mark(), p.far, p.fill
	p.seek(i)
	p.noInvalid++
	p.bitwiseOr()
	p.noInvalid--
	ok := !p.failed && p.tok != token.EQUAL && p.tok != token.COLONEQUAL
	end := p.prevEnd()
	p.reset(m)
	p.far, p.fill = far, fill
	return end, ok
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
	p.far = max(far, eq)
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

// secondPassError returns the error CPython's second pass raises, on its
// way to the real error at pos, on a statement that is valid:
//   - a type statement whose type parameter list has a default: CPython
//     reads "type X[T = int]" as the Python 2 form "NAME expression" ("print
//     x") and parses "X[T = int]" as a subscript, in which "T = int" looks
//     like a mistyped comparison;
//   - a statement that starts like a match statement without its colon,
//     "match(x)" or "match[x]": CPython reports the missing ':' there, at
//     the furthest token it read.
func (p *parser) secondPassError(pos token.Pos) *scanner.Error {
	var found *scanner.Error
	ast.Inspect(p.module, func(n ast.Node) bool {
		if found != nil || n == nil || n.Pos() >= pos {
			return false
		}
		switch x := n.(type) {
		case *ast.TypeAlias:
			found = p.typeAliasError(x)
			return false
		case *ast.Match:
			return true
		case ast.Stmt:
			if p.matchWithoutColon(x) {
				t := p.toks[p.firstErrFar]
				found = &scanner.Error{Pos: t.Start, End: t.End, Type: scanner.SyntaxError, Msg: "expected ':'"}
				return false
			}
		}
		return true
	})
	return found
}

// matchWithoutColon reports whether the statement s reads as "match"
// followed by a subject and the end of the line.
func (p *parser) matchWithoutColon(s ast.Stmt) bool {
	i := p.tokenAt(s.Pos())
	if i < 0 || p.toks[i].Kind != token.NAME || p.text(p.toks[i]) != "match" {
		return false
	}
	m, far, fill := p.mark(), p.far, p.fill
	p.seek(i + 1)
	ok := p.startsStarExpr()
	if ok {
		p.noInvalid++
		p.subjectExpr()
		p.noInvalid--
		ok = !p.failed && p.tok == token.NEWLINE
	}
	p.reset(m)
	p.far, p.fill = far, fill
	return ok
}

// typeAliasError returns the error CPython's second pass raises on the
// type statement ta, or nil.
func (p *parser) typeAliasError(ta *ast.TypeAlias) *scanner.Error {
	for _, tp := range ta.TypeParams {
		switch x := tp.(type) {
		case *ast.TypeVar:
			if x.Bound == nil && x.DefaultValue != nil && p.isBitwiseOr(x.DefaultValue) {
				return &scanner.Error{Pos: x.Pos(), End: x.End(), Type: scanner.SyntaxError,
					Msg: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"}
			}
		case *ast.TypeVarTuple:
			if x.DefaultValue != nil {
				if _, ok := x.DefaultValue.(*ast.Starred); !ok {
					return &scanner.Error{Pos: x.Pos(), End: x.End(), Type: scanner.SyntaxError,
						Msg: "cannot assign to iterable argument unpacking"}
				}
			}
		}
		if !p.plainTypeParam(tp) {
			return nil
		}
	}
	return nil
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
