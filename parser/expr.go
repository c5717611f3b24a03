package parser

import (
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// Expression rules follow CPython's grammar rule for rule. A node spans
// from the first token its rule consumed to the last one (p.loc), so a
// parenthesized operand keeps its own span while an operation on it
// starts at the parenthesis, as in CPython.

// startsExpr reports whether a token of kind k can start an expression.
func startsExpr(k token.Kind) bool {
	switch k {
	case token.NAME, token.NUMBER, token.STRING, token.FSTRING_START, token.TSTRING_START,
		token.LPAR, token.LSQB, token.LBRACE, token.MINUS, token.PLUS, token.TILDE,
		token.NOT, token.LAMBDA, token.AWAIT, token.NONE, token.TRUE, token.FALSE,
		token.ELLIPSIS:
		return true
	}
	return false
}

func (p *parser) startsExpr() bool { return startsExpr(p.tok) }

// startsFactor reports whether a token of kind k can start a factor: the
// operand of a unary or binary arithmetic operator.
func startsFactor(k token.Kind) bool {
	switch k {
	case token.NAME, token.NUMBER, token.STRING, token.FSTRING_START, token.TSTRING_START,
		token.LPAR, token.LSQB, token.LBRACE, token.MINUS, token.PLUS, token.TILDE,
		token.AWAIT, token.NONE, token.TRUE, token.FALSE, token.ELLIPSIS:
		return true
	}
	return false
}

// Like CPython's PEG parser, the loops of binary operations do not take an
// operator unless an operand can follow it: "1 +" parses as "1" followed
// by a stray "+", which is what CPython's error messages describe.

// startsStarExpr reports whether the current token can start a
// star_expression.
func (p *parser) startsStarExpr() bool { return p.tok == token.STAR || startsExpr(p.tok) }

// starExpressions parses star_expression (',' star_expression)* [','],
// a Tuple when there is a comma.
func (p *parser) starExpressions() ast.Expr {
	start := p.start()
	first := p.starExpression()
	if p.tok != token.COMMA {
		return first
	}
	var buf [8]ast.Expr
	elts := append(buf[:0], first)
	for p.got(token.COMMA) {
		if !p.startsStarExpr() {
			break
		}
		elts = append(elts, p.starExpression())
	}
	return p.newTuple(p.loc(start), p.arena.exprs.copy(elts), ast.Load)
}

// starExpression parses '*' bitwise_or | expression.
func (p *parser) starExpression() ast.Expr {
	if p.tok == token.STAR {
		start := p.start()
		p.next()
		v := p.bitwiseOr()
		return &ast.Starred{Loc: p.loc(start), Value: v, Ctx: ast.Load}
	}
	return p.expression()
}

// starNamedExpression parses '*' bitwise_or | named_expression.
func (p *parser) starNamedExpression() ast.Expr {
	if p.tok == token.STAR {
		start := p.start()
		p.next()
		if !p.startsExpr() {
			p.syntaxErrorMsg("Invalid star expression")
			return p.bad
		}
		v := p.bitwiseOr()
		return &ast.Starred{Loc: p.loc(start), Value: v, Ctx: ast.Load}
	}
	return p.namedExpression()
}

// namedExpression parses NAME ':=' expression | expression.
func (p *parser) namedExpression() ast.Expr {
	if p.tok == token.NAME && p.peek(1) == token.COLONEQUAL {
		return p.walrus()
	}
	e := p.expression()
	if p.tok == token.COLONEQUAL && !p.failed {
		if startsExpr(p.peekQuiet(1)) {
			p.errorf(e.Pos(), e.End(), "cannot use assignment expressions with %s", exprName(e))
		} else {
			p.syntaxError()
		}
	}
	if p.tok == token.EQUAL && !p.failed {
		p.namedAssignError(e)
	}
	return e
}

// walrus parses NAME ':=' expression.
func (p *parser) walrus() ast.Expr {
	start := p.start()
	t := p.cur()
	p.next()
	p.next()
	v := p.expression()
	target := &ast.Name{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Id: p.ident(t), Ctx: ast.Store}
	return &ast.NamedExpr{Loc: p.loc(start), Target: target, Value: v}
}

// Nesting is charged against maxDepth in CPython's rule levels: two for
// expression (expression and if_expression or lambdef), fourteen for the
// rules from disjunction down to atom, one or two for each unary or power
// operator.
const (
	expressionCost  = 2
	disjunctionCost = 14
)

// expression parses a conditional expression, a lambda or a disjunction.
func (p *parser) expression() ast.Expr {
	// Fast path: a lone name or number, as most arguments and values are.
	if p.tok == token.NAME || p.tok == token.NUMBER {
		switch p.peek(1) {
		case token.COMMA, token.RPAR, token.RSQB, token.RBRACE, token.COLON,
			token.NEWLINE, token.EQUAL, token.SEMI:
			return p.atom()
		}
	}
	if startsPrimary(p.tok) {
		return p.primaryFirst()
	}
	if !p.enter(expressionCost) {
		p.leave(expressionCost)
		return p.bad
	}
	if p.tok == token.LAMBDA {
		e := p.lambda()
		p.leave(expressionCost)
		return e
	}
	start, startIdx := p.start(), p.pos
	return p.expressionTail(start, startIdx, p.disjunction())
}

// startsPrimary reports whether a token of kind k starts a primary: an
// atom, perhaps followed by attributes, calls and subscripts.
func startsPrimary(k token.Kind) bool {
	switch k {
	case token.NAME, token.NUMBER, token.STRING, token.FSTRING_START, token.TSTRING_START,
		token.LPAR, token.LSQB, token.LBRACE, token.NONE, token.TRUE, token.FALSE,
		token.ELLIPSIS:
		return true
	}
	return false
}

// primaryFirst parses an expression that starts with a primary. It is
// what expression does through disjunction, conjunction, inversion,
// comparison, bitwise_or, factor, power and await_primary down to
// primary, without the twelve calls that return their operand unchanged
// when no operator follows: the primary is parsed first, and the rules
// above it run only if the token after it may continue the expression.
// This saves about 7% of the parse's instructions. The nesting charged is
// the same.
func (p *parser) primaryFirst() ast.Expr {
	const cost = expressionCost + disjunctionCost
	if !p.enter(cost) {
		p.leave(cost)
		return p.bad
	}
	start, startIdx := p.start(), p.pos
	e := p.primary()
	switch p.tok {
	case token.COMMA, token.RPAR, token.RSQB, token.RBRACE, token.COLON, token.NEWLINE,
		token.EQUAL, token.SEMI, token.FOR, token.COLONEQUAL, token.AS, token.RARROW:
		// Nothing above primary takes these tokens, nor do they start an
		// expression: e is the whole expression.
		p.leave(cost)
		return e
	}
	// What the rules from await_primary to disjunction do after their
	// first operand, innermost first.
	e = p.powerTail(start, e)
	e = p.binaryTail(start, 1, e)
	e = p.comparisonTail(start, e)
	e = p.conjunctionTail(start, e)
	e = p.disjunctionTail(start, e)
	p.leave(disjunctionCost)
	return p.expressionTail(start, startIdx, e)
}

// expressionTail is the rest of expression after its disjunction e, which
// started at start, token startIdx: an if-else around it. It leaves the
// nesting expression entered.
func (p *parser) expressionTail(start token.Pos, startIdx int, e ast.Expr) ast.Expr {
	if startsExpr(p.tok) && !p.failed && p.noInvalid == 0 && p.explore() {
		p.invalidExpression(startIdx, e)
	}
	if p.tok == token.IF && p.startsInversionAt(1) {
		p.next()
		test := p.disjunction()
		if p.tok != token.ELSE {
			if !p.failed && p.tok != token.COLON {
				p.errorAt(e.Pos(), test.End(), "expected 'else' after 'if' expression")
			}
			p.syntaxError()
			p.leave(expressionCost)
			return p.bad
		}
		p.next()
		if !p.startsExpr() {
			p.errorTok(p.cur(), "expected expression after 'else', but statement is given")
		}
		orelse := p.expression()
		e = &ast.IfExp{Loc: p.loc(start), Test: test, Body: e, Orelse: orelse}
	}
	p.leave(expressionCost)
	return e
}

// invalidExpression is called when the disjunction a, which started at
// token startIdx, is followed by a token that can start an expression. It
// records CPython's message when there is one: a missing comma between two
// expressions inside brackets, or a Python 2 print or exec statement.
func (p *parser) invalidExpression(startIdx int, a ast.Expr) {
	first := p.toks[startIdx]
	if first.Kind == token.STRING && a.End() == first.End && p.stringIntended(a) {
		return
	}
	_, isName := a.(*ast.Name)
	isName = isName && first.Kind == token.NAME && a.End() == first.End
	legacy := isName && (p.text(first) == "print" || p.text(first) == "exec")
	skip := first.Kind == token.NAME && p.isSoftKeyword(first)
	if first.Kind == token.NAME {
		switch p.toks[startIdx+1].Kind {
		case token.STRING, token.FSTRING_START, token.TSTRING_START:
			skip = true
		}
	}
	if !skip && !legacy {
		m, far := p.mark(), p.far
		p.noInvalid++ // expression_without_invalid
		p.expression()
		p.noInvalid--
		ok, end, level := !p.failed, p.prevEnd(), p.levelAt(p.pos-1)
		p.reset(m)
		p.far = far
		if ok && level > 0 {
			p.errorAt(a.Pos(), end, "invalid syntax. Perhaps you forgot a comma?")
			return
		}
	}
	if !isName || p.inLegacy > 0 {
		return
	}
	// invalid_legacy_expression: NAME !'(' star_expressions, parsed with
	// CPython's invalid_ rules, whose errors come first; then the Python 2
	// print and exec statements.
	m, far := p.mark(), p.far
	p.inLegacy++
	p.starExpressions()
	p.inLegacy--
	if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
		return
	}
	ok, end := !p.failed, p.prevEnd()
	p.reset(m)
	p.far = far
	if ok && legacy {
		id := p.text(first)
		p.errorf(a.Pos(), end, "Missing parentheses in call to '%s'. Did you mean %s(...)?", id, id)
	}
}

// stringIntended reports, after recording CPython's error, expressions
// between two strings, as in "'a' b 'c'" for "'a b c'".
func (p *parser) stringIntended(a ast.Expr) bool {
	m, far := p.mark(), p.far
	start := p.start()
	var end token.Pos
	n := 0
	p.noInvalid++
	for p.tok != token.STRING && startsExpr(p.tok) && !p.failed {
		p.expression()
		end = p.prevEnd()
		n++
	}
	p.noInvalid--
	ok := !p.failed && n > 0 && p.tok == token.STRING
	p.reset(m)
	p.far = far
	if ok {
		p.errorAt(start, end, "invalid syntax. Is this intended to be part of the string?")
	}
	return ok
}

// isSoftKeyword reports whether the NAME token t is a soft keyword.
func (p *parser) isSoftKeyword(t token.Token) bool {
	switch p.text(t) {
	case "match", "case", "type", "_":
		return true
	}
	return false
}

// levelAt returns the number of brackets open after token i, counting from
// the start of the current statement.
func (p *parser) levelAt(i int) int {
	level := 0
	for j := p.stmtStart; j <= i && j < len(p.toks); j++ {
		switch p.toks[j].Kind {
		case token.LPAR, token.LSQB, token.LBRACE:
			level++
		case token.RPAR, token.RSQB, token.RBRACE:
			level--
		}
	}
	return level
}

func (p *parser) lambda() ast.Expr {
	start := p.start()
	p.next()
	args := p.parameters(token.COLON)
	if !p.expect(token.COLON) {
		return p.bad
	}
	body := p.expression()
	return &ast.Lambda{Loc: p.loc(start), Args: args, Body: body}
}

func (p *parser) disjunction() ast.Expr {
	if !p.enter(disjunctionCost) {
		p.leave(disjunctionCost)
		return p.bad
	}
	e := p.disjunction1()
	p.leave(disjunctionCost)
	return e
}

func (p *parser) disjunction1() ast.Expr {
	start := p.start()
	return p.disjunctionTail(start, p.conjunction())
}

// disjunctionTail is the rest of a disjunction whose first operand e
// started at start.
func (p *parser) disjunctionTail(start token.Pos, e ast.Expr) ast.Expr {
	if p.tok != token.OR || !p.startsInversionAt(1) {
		return e
	}
	var buf [4]ast.Expr
	values := append(buf[:0], e)
	for p.tok == token.OR && p.startsInversionAt(1) {
		p.next()
		values = append(values, p.conjunction())
	}
	return alloc(&p.arena.boolOps, ast.BoolOp{Loc: p.loc(start), Op: ast.Or, Values: p.arena.exprs.copy(values)})
}

func (p *parser) conjunction() ast.Expr {
	start := p.start()
	return p.conjunctionTail(start, p.inversion())
}

// conjunctionTail is the rest of a conjunction whose first operand e
// started at start.
func (p *parser) conjunctionTail(start token.Pos, e ast.Expr) ast.Expr {
	if p.tok != token.AND || !p.startsInversionAt(1) {
		return e
	}
	var buf [4]ast.Expr
	values := append(buf[:0], e)
	for p.tok == token.AND && p.startsInversionAt(1) {
		p.next()
		values = append(values, p.inversion())
	}
	return alloc(&p.arena.boolOps, ast.BoolOp{Loc: p.loc(start), Op: ast.And, Values: p.arena.exprs.copy(values)})
}

// startsInversionAt reports whether the token n places ahead can start an
// inversion ("not" or a factor).
func (p *parser) startsInversionAt(n int) bool {
	k := p.peek(n)
	return k == token.NOT || startsFactor(k)
}

func (p *parser) inversion() ast.Expr {
	if p.tok == token.NOT {
		start := p.start()
		p.next()
		if !p.enter(1) {
			p.leave(1)
			return p.bad
		}
		v := p.inversion()
		p.leave(1)
		return alloc(&p.arena.unaryOps, ast.UnaryOp{Loc: p.loc(start), Op: ast.Not, Operand: v})
	}
	return p.comparison()
}

func (p *parser) comparison() ast.Expr {
	start := p.start()
	return p.comparisonTail(start, p.bitwiseOr())
}

// comparisonTail is the rest of a comparison whose first operand e
// started at start.
func (p *parser) comparisonTail(start token.Pos, e ast.Expr) ast.Expr {
	var opBuf [4]ast.CmpOp
	var compBuf [4]ast.Expr
	ops, comps := opBuf[:0], compBuf[:0]
	for {
		var op ast.CmpOp
		switch p.tok {
		case token.EQEQUAL:
			op = ast.Eq
		case token.NOTEQUAL:
			op = ast.NotEq
		case token.LESS:
			op = ast.Lt
		case token.LESSEQUAL:
			op = ast.LtE
		case token.GREATER:
			op = ast.Gt
		case token.GREATEREQUAL:
			op = ast.GtE
		case token.IN:
			op = ast.In
		case token.NOT:
			if p.peek(1) != token.IN || !startsFactor(p.peek(2)) {
				goto done
			}
			p.next()
			op = ast.NotIn
		case token.IS:
			op = ast.Is
			if p.peek(1) == token.NOT {
				if !startsFactor(p.peek(2)) {
					goto done
				}
				p.next()
				op = ast.IsNot
			} else if !startsFactor(p.peek(1)) {
				goto done
			}
		default:
			goto done
		}
		if op != ast.NotIn && op != ast.IsNot && op != ast.Is && !startsFactor(p.peek(1)) {
			goto done
		}
		p.next()
		ops = append(ops, op)
		comps = append(comps, p.bitwiseOr())
	}
done:
	if len(ops) == 0 {
		return e
	}
	return p.newCompare(p.loc(start), e, p.arena.cmpOps.copy(ops), p.arena.exprs.copy(comps))
}

// binaryOp returns the precedence (0 for none) and operator of a binary
// operator token, from '|' (1) to the multiplicative operators (6).
func binaryOp(k token.Kind) (int, ast.Operator) {
	switch k {
	case token.VBAR:
		return 1, ast.BitOr
	case token.CIRCUMFLEX:
		return 2, ast.BitXor
	case token.AMPER:
		return 3, ast.BitAnd
	case token.LEFTSHIFT:
		return 4, ast.LShift
	case token.RIGHTSHIFT:
		return 4, ast.RShift
	case token.PLUS:
		return 5, ast.Add
	case token.MINUS:
		return 5, ast.Sub
	case token.STAR:
		return 6, ast.Mult
	case token.SLASH:
		return 6, ast.Div
	case token.DOUBLESLASH:
		return 6, ast.FloorDiv
	case token.PERCENT:
		return 6, ast.Mod
	case token.AT:
		return 6, ast.MatMult
	}
	return 0, 0
}

func (p *parser) bitwiseOr() ast.Expr { return p.binary(1) }

// binary parses left-associative binary operations of precedence prec or
// higher.
func (p *parser) binary(prec int) ast.Expr {
	start := p.start()
	return p.binaryTail(start, prec, p.factor())
}

// binaryTail is the rest of binary operations of precedence prec or
// higher whose first operand x started at start.
func (p *parser) binaryTail(start token.Pos, prec int, x ast.Expr) ast.Expr {
	for {
		opPrec, op := binaryOp(p.tok)
		if opPrec < prec || opPrec == 0 || !startsFactor(p.peek(1)) {
			return x
		}
		p.next()
		y := p.binary(opPrec + 1)
		x = p.newBinOp(p.loc(start), x, op, y)
	}
}

func (p *parser) factor() ast.Expr {
	var op ast.UnaryOperator
	switch p.tok {
	case token.PLUS:
		op = ast.UAdd
	case token.MINUS:
		op = ast.USub
	case token.TILDE:
		op = ast.Invert
	default:
		return p.power()
	}
	start := p.start()
	p.next()
	if !p.enter(1) {
		p.leave(1)
		return p.bad
	}
	v := p.factor()
	p.leave(1)
	return alloc(&p.arena.unaryOps, ast.UnaryOp{Loc: p.loc(start), Op: op, Operand: v})
}

func (p *parser) power() ast.Expr {
	start := p.start()
	return p.powerTail(start, p.awaitPrimary())
}

// powerTail is the rest of a power whose operand x started at start.
func (p *parser) powerTail(start token.Pos, x ast.Expr) ast.Expr {
	if p.tok != token.DOUBLESTAR || !startsFactor(p.peek(1)) {
		return x
	}
	p.next()
	if !p.enter(2) {
		p.leave(2)
		return p.bad
	}
	y := p.factor()
	p.leave(2)
	return &ast.BinOp{Loc: p.loc(start), Left: x, Op: ast.Pow, Right: y}
}

func (p *parser) awaitPrimary() ast.Expr {
	if p.tok != token.AWAIT {
		return p.primary()
	}
	start := p.start()
	p.next()
	if !p.enter(1) {
		p.leave(1)
		return p.bad
	}
	v := p.primary()
	p.leave(1)
	return &ast.Await{Loc: p.loc(start), Value: v}
}

func (p *parser) primary() ast.Expr {
	start := p.start()
	e := p.atom()
	for {
		switch p.tok {
		case token.DOT:
			if p.peek(1) != token.NAME {
				return e
			}
			p.next()
			name, _, ok := p.name()
			if !ok {
				return p.bad
			}
			e = p.newAttribute(p.loc(start), e, name)
		case token.LPAR:
			args, kws := p.arguments(true)
			e = p.newCall(p.loc(start), e, args, kws)
		case token.LSQB:
			m := p.mark()
			p.next()
			s := p.slices()
			if !p.failed && p.tok != token.RSQB {
				p.syntaxError()
			}
			if p.failed {
				if p.errs[len(p.errs)-1].Msg != msgInvalidSyntax || p.noInvalid > 0 || p.inLegacy > 0 || !p.explore() {
					return p.bad
				}
				// Like CPython's PEG parser, give up the subscript and
				// leave the '[' to the caller, which may know better what
				// is wrong (a missing comma before a list, say).
				p.reset(m)
				return e
			}
			p.next()
			e = p.newSubscript(p.loc(start), e, s)
		default:
			return e
		}
	}
}

// slices parses the inside of a subscript.
func (p *parser) slices() ast.Expr {
	start := p.start()
	first := p.slice()
	_, starred := first.(*ast.Starred)
	if p.tok != token.COMMA && !starred {
		return first
	}
	var buf [8]ast.Expr
	elts := append(buf[:0], first)
	for p.got(token.COMMA) {
		if p.tok != token.COLON && !p.startsStarExpr() {
			break
		}
		elts = append(elts, p.slice())
	}
	return p.newTuple(p.loc(start), p.arena.exprs.copy(elts), ast.Load)
}

// slice parses a slice, a named expression or a starred expression.
func (p *parser) slice() ast.Expr {
	start := p.start()
	var lower ast.Expr
	switch {
	case p.tok == token.STAR:
		p.next()
		if !p.startsExpr() {
			p.syntaxErrorMsg("Invalid star expression")
			return p.bad
		}
		v := p.expression()
		p.gate(StarredSubscript, start, p.prevEnd())
		return &ast.Starred{Loc: p.loc(start), Value: v, Ctx: ast.Load}
	case p.tok == token.NAME && p.peek(1) == token.COLONEQUAL:
		e := p.walrus()
		p.gate(UnparenthesizedWalrus, start, p.prevEnd())
		return e
	case p.tok != token.COLON:
		lower = p.expression()
		if p.tok != token.COLON {
			if p.tok == token.COLONEQUAL && !p.failed {
				p.errorf(lower.Pos(), lower.End(), "cannot use assignment expressions with %s", exprName(lower))
			}
			if p.tok == token.EQUAL && !p.failed {
				p.namedAssignError(lower)
			}
			return lower
		}
	}
	p.next() // ':'
	var upper, step ast.Expr
	if p.startsExpr() {
		upper = p.expression()
	}
	if p.got(token.COLON) && p.startsExpr() {
		step = p.expression()
	}
	return &ast.Slice{Loc: p.loc(start), Lower: lower, Upper: upper, Step: step}
}

// arguments parses a parenthesized argument list, the current token being
// '('. With genexp, a lone generator expression may stand without its own
// parentheses.
func (p *parser) arguments(genexp bool) ([]ast.Expr, []*ast.Keyword) {
	open := p.start()
	p.next()
	var argBuf [8]ast.Expr
	var kwBuf [4]*ast.Keyword
	args, kws := argBuf[:0], kwBuf[:0]
	sawKeyword, sawDoubleStar := false, false
	positionalAfter := false // a positional argument follows a keyword one
	unpackingBefore := false // and a ** argument precedes it
	for p.tok != token.RPAR && !p.failed {
		start := p.start()
		switch {
		case p.tok == token.STAR:
			comma := p.toks[p.pos-1]
			p.next()
			if !p.startsExpr() {
				p.syntaxErrorMsg("Invalid star expression")
				return nil, nil
			}
			v := p.expression()
			if p.tok == token.EQUAL {
				p.next()
				p.expression()
				p.errorAt(start, p.prevEnd(), "cannot assign to iterable argument unpacking")
				return nil, nil
			}
			st := &ast.Starred{Loc: p.loc(start), Value: v, Ctx: ast.Load}
			if p.startsComprehension() {
				p.errorNode(st, "iterable unpacking cannot be used in comprehension")
				return nil, nil
			}
			if sawDoubleStar && !p.failed {
				p.errorAt(comma.Start, p.prevEnd(), "iterable argument unpacking follows keyword argument unpacking")
				return nil, nil
			}
			args = append(args, st)
		case p.tok == token.DOUBLESTAR:
			p.next()
			v := p.expression()
			if p.tok == token.EQUAL {
				p.next()
				p.expression()
				p.errorAt(start, p.prevEnd(), "cannot assign to keyword argument unpacking")
				return nil, nil
			}
			kws = append(kws, p.newKeyword(p.loc(start), "", v))
			sawDoubleStar = true
		case p.tok == token.NAME && p.peek(1) == token.EQUAL:
			t := p.cur()
			p.next()
			eq := p.cur()
			p.next()
			if p.tok == token.COMMA || p.tok == token.RPAR {
				p.errorAt(t.Start, eq.End, "expected argument value expression")
				return nil, nil
			}
			v := p.expression()
			if p.startsComprehension() {
				p.errorAt(t.Start, eq.End, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
				return nil, nil
			}
			kws = append(kws, p.newKeyword(p.loc(start), p.ident(t), v))
			sawKeyword = true
		case (p.tok == token.TRUE || p.tok == token.FALSE || p.tok == token.NONE) && p.peek(1) == token.EQUAL:
			t := p.cur()
			p.errorf(t.Start, p.toks[p.pos+1].End, "cannot assign to %s", p.text(t))
			return nil, nil
		default:
			var v ast.Expr
			if p.tok == token.NAME && p.peek(1) == token.COLONEQUAL {
				v = p.walrus()
			} else {
				v = p.expression()
				if p.tok == token.COLONEQUAL {
					p.syntaxError()
					return nil, nil
				}
			}
			if p.tok == token.EQUAL && !p.failed {
				p.errorAt(v.Pos(), p.cur().End, `expression cannot contain assignment, perhaps you meant "=="?`)
				return nil, nil
			}
			first := len(args) == 0 && len(kws) == 0
			if genexp && (first && p.comprehensionNext() || !first && p.startsComprehension()) {
				// Only a first argument may start a generator expression in
				// CPython's first pass; after others, the lookahead belongs
				// to its second pass and does not move a generic error.
				far := p.far
				gens := p.forIfClauses()
				if first && p.tok == token.RPAR {
					p.next()
					return []ast.Expr{&ast.GeneratorExp{Loc: p.loc(open), Elt: v, Generators: gens}}, nil
				}
				if !p.failed {
					if !first || p.tok == token.COMMA {
						p.errorAt(v.Pos(), p.prevEnd(), "Generator expression must be parenthesized")
					} else {
						p.syntaxError()
					}
				} else if !first && p.errs[len(p.errs)-1].Msg == msgInvalidSyntax {
					e := p.errs[len(p.errs)-1]
					t := p.toks[far]
					e.Pos, e.End = t.Start, t.End
				}
				return nil, nil
			}
			if (sawKeyword || sawDoubleStar) && !positionalAfter {
				positionalAfter, unpackingBefore = true, sawDoubleStar
			}
			args = append(args, v)
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	if positionalAfter && !p.failed {
		t := p.toks[max(p.far, p.pos)]
		if unpackingBefore {
			p.errorTok(t, "positional argument follows keyword argument unpacking")
		} else {
			p.errorTok(t, "positional argument follows keyword argument")
		}
		return nil, nil
	}
	p.expect(token.RPAR)
	return p.arena.exprs.copy(args), p.arena.kwLists.copy(kws)
}

// startsComprehension reports whether the current token starts the for
// clause of a comprehension. It is a lookahead CPython does not make, as
// opposed to comprehensionNext.
func (p *parser) startsComprehension() bool {
	return p.tok == token.FOR || p.tok == token.ASYNC && p.peekQuiet(1) == token.FOR
}

// comprehensionNext is startsComprehension where CPython's grammar tries
// the for clauses: after the first item of a display.
func (p *parser) comprehensionNext() bool {
	return p.tok == token.FOR || p.tok == token.ASYNC && p.peek(1) == token.FOR
}

// syntaxErrorMsg records msg at the furthest token examined, where CPython
// reports errors raised without a location.
func (p *parser) syntaxErrorMsg(msg string) {
	if p.failed {
		return
	}
	p.peek(0)
	t := p.toks[p.far]
	p.errorAt(t.Start, t.End, msg)
}

// atom parses a name, a literal or a display.
func (p *parser) atom() ast.Expr {
	t := p.cur()
	switch p.tok {
	case token.NAME:
		p.next()
		return p.newName(ast.Loc{Start: t.Start, Stop: t.End}, p.ident(t), ast.Load)
	case token.NUMBER:
		p.next()
		return p.newConstant(ast.Loc{Start: t.Start, Stop: t.End}, numberValue(p.text(t)))
	case token.TRUE:
		p.next()
		return p.newConstant(ast.Loc{Start: t.Start, Stop: t.End}, ast.Value{Kind: ast.TrueValue})
	case token.FALSE:
		p.next()
		return p.newConstant(ast.Loc{Start: t.Start, Stop: t.End}, ast.Value{Kind: ast.FalseValue})
	case token.NONE:
		p.next()
		return p.newConstant(ast.Loc{Start: t.Start, Stop: t.End}, ast.Value{Kind: ast.NoneValue})
	case token.ELLIPSIS:
		p.next()
		return &ast.Constant{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Value: ast.Value{Kind: ast.EllipsisValue}}
	case token.STRING, token.FSTRING_START, token.TSTRING_START:
		return p.strings()
	case token.LPAR:
		return p.parenAtom()
	case token.LSQB:
		return p.listAtom()
	case token.LBRACE:
		return p.braceAtom()
	}
	p.syntaxError()
	return p.bad
}

// numberValue classifies a number literal.
func numberValue(s string) ast.Value {
	kind := ast.IntValue
	switch last := s[len(s)-1]; {
	case last == 'j' || last == 'J':
		kind = ast.ImagValue
	case len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B'):
	default:
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '.' || c == 'e' || c == 'E' {
				kind = ast.FloatValue
				break
			}
		}
	}
	return ast.Value{Kind: kind, Text: s}
}

// parenAtom parses a tuple, a parenthesized expression or a generator
// expression.
func (p *parser) parenAtom() ast.Expr {
	start := p.start()
	p.next()
	if p.got(token.RPAR) {
		return p.newTuple(p.loc(start), nil, ast.Load)
	}
	if p.tok == token.YIELD {
		e := p.yieldExpr()
		if !p.expect(token.RPAR) {
			return p.bad
		}
		return e
	}
	if p.tok == token.DOUBLESTAR {
		t := p.cur()
		m, far := p.mark(), p.far
		p.next()
		p.expression()
		ok := !p.failed && p.tok == token.RPAR
		p.reset(m)
		p.far = far
		if ok {
			p.errorTok(t, "cannot use double starred expression here")
		} else {
			p.syntaxError()
		}
		return p.bad
	}
	first := p.starNamedExpression()
	if _, ok := first.(*ast.Starred); ok && p.startsComprehension() {
		p.errorNode(first, "iterable unpacking cannot be used in comprehension")
		return p.bad
	}
	switch p.tok {
	case token.RPAR:
		p.next()
		if _, ok := first.(*ast.Starred); ok && !p.failed {
			p.errorNode(first, "cannot use starred expression here")
		}
		return first
	case token.FOR, token.ASYNC:
		gens := p.forIfClauses()
		if !p.expect(token.RPAR) {
			return p.bad
		}
		return &ast.GeneratorExp{Loc: p.loc(start), Elt: first, Generators: gens}
	case token.COMMA:
		var buf [8]ast.Expr
		elts := append(buf[:0], first)
		for p.got(token.COMMA) {
			if !p.startsStarExpr() {
				break
			}
			elts = append(elts, p.starNamedExpression())
		}
		if !p.expect(token.RPAR) {
			return p.bad
		}
		return p.newTuple(p.loc(start), p.arena.exprs.copy(elts), ast.Load)
	}
	p.syntaxError()
	return p.bad
}

func (p *parser) listAtom() ast.Expr {
	start := p.start()
	p.next()
	if p.got(token.RSQB) {
		return &ast.List{Loc: p.loc(start), Ctx: ast.Load}
	}
	first := p.starNamedExpression()
	if p.comprehensionNext() {
		if _, ok := first.(*ast.Starred); ok {
			p.errorNode(first, "iterable unpacking cannot be used in comprehension")
			return p.bad
		}
		gens := p.forIfClauses()
		if !p.expect(token.RSQB) {
			return p.bad
		}
		return &ast.ListComp{Loc: p.loc(start), Elt: first, Generators: gens}
	}
	elts := p.displayRest(first, false)
	if !p.expect(token.RSQB) {
		return p.bad
	}
	return &ast.List{Loc: p.loc(start), Elts: elts, Ctx: ast.Load}
}

// displayRest parses the items after the first one of a list or set
// display, reporting a comprehension whose target lacks parentheses.
func (p *parser) displayRest(first ast.Expr, set bool) []ast.Expr {
	var buf [8]ast.Expr
	elts := append(buf[:0], first)
	for p.tok == token.COMMA {
		comma := p.cur()
		p.next()
		if !p.startsStarExpr() {
			if p.startsComprehension() && !p.failed && p.comprehensionFollows() {
				end := comma.End
				if len(elts) > 1 {
					end = elts[len(elts)-1].End()
				}
				p.errorAt(first.Pos(), end, "did you forget parentheses around the comprehension target?")
			}
			break
		}
		walrus := set && p.tok == token.NAME && p.peek(1) == token.COLONEQUAL
		e := p.starNamedExpression()
		if walrus {
			p.gate(UnparenthesizedWalrus, e.Pos(), e.End())
		}
		elts = append(elts, e)
	}
	if len(elts) > 1 && p.startsComprehension() && !p.failed && p.comprehensionFollows() {
		p.errorAt(first.Pos(), elts[len(elts)-1].End(), "did you forget parentheses around the comprehension target?")
	}
	return p.arena.exprs.copy(elts)
}

// comprehensionFollows reports whether for and if clauses parse from the
// current token.
func (p *parser) comprehensionFollows() bool {
	m, far := p.mark(), p.far
	p.forIfClauses()
	ok := !p.failed
	p.reset(m)
	p.far = far
	return ok
}

// braceAtom parses a dict or set display or comprehension.
func (p *parser) braceAtom() ast.Expr {
	start := p.start()
	p.next()
	if p.got(token.RBRACE) {
		return &ast.Dict{Loc: p.loc(start)}
	}
	if p.tok == token.DOUBLESTAR {
		t := p.cur()
		m, far := p.mark(), p.far
		p.next()
		p.bitwiseOr()
		comp := !p.failed && p.startsComprehension()
		p.reset(m)
		p.far = far
		if comp {
			p.errorTok(t, "dict unpacking cannot be used in dict comprehension")
			return p.bad
		}
		return p.dictRest(start, nil, nil)
	}
	walrus := p.tok == token.NAME && p.peek(1) == token.COLONEQUAL
	first := p.starNamedExpression()
	if p.tok == token.COLON {
		if _, ok := first.(*ast.Starred); ok {
			p.syntaxError()
			return p.bad
		}
		if walrus {
			p.errorTok(p.cur(), msgInvalidSyntax)
			return p.bad
		}
		colon := p.cur()
		p.next()
		if (p.tok == token.COMMA || p.tok == token.RBRACE) && !p.failed {
			p.errorTok(colon, "expression expected after dictionary key and ':'")
			return p.bad
		}
		value := p.expression()
		if p.tok == token.FOR || p.tok == token.ASYNC {
			gens := p.forIfClauses()
			if !p.expect(token.RBRACE) {
				return p.bad
			}
			return &ast.DictComp{Loc: p.loc(start), Key: first, Value: value, Generators: gens}
		}
		if p.tok == token.COMMA {
			p.next()
		} else if p.tok != token.RBRACE {
			p.syntaxError()
			return p.bad
		}
		return p.dictRest(start, []ast.Expr{first}, []ast.Expr{value})
	}
	if walrus {
		p.gate(UnparenthesizedWalrus, first.Pos(), first.End())
	}
	if p.comprehensionNext() {
		if _, ok := first.(*ast.Starred); ok {
			p.errorNode(first, "iterable unpacking cannot be used in comprehension")
			return p.bad
		}
		gens := p.forIfClauses()
		if !p.expect(token.RBRACE) {
			return p.bad
		}
		return &ast.SetComp{Loc: p.loc(start), Elt: first, Generators: gens}
	}
	elts := p.displayRest(first, true)
	if !p.expect(token.RBRACE) {
		return p.bad
	}
	return &ast.Set{Loc: p.loc(start), Elts: elts}
}

// dictRest parses the remaining items of a dict display, after a comma.
func (p *parser) dictRest(start token.Pos, firstKeys, firstValues []ast.Expr) ast.Expr {
	var keyBuf, valueBuf [8]ast.Expr
	keys := append(keyBuf[:0], firstKeys...)
	values := append(valueBuf[:0], firstValues...)
	for p.tok != token.RBRACE {
		if p.got(token.DOUBLESTAR) {
			keys = append(keys, nil)
			values = append(values, p.bitwiseOr())
		} else {
			k := p.expression()
			if p.tok != token.COLON {
				if !p.failed {
					p.errorAt(k.End()-1, k.End(), "':' expected after dictionary key")
				}
				return p.bad
			}
			colon := p.cur()
			p.next()
			if (p.tok == token.COMMA || p.tok == token.RBRACE) && !p.failed {
				p.errorTok(colon, "expression expected after dictionary key and ':'")
				return p.bad
			}
			keys = append(keys, k)
			values = append(values, p.expression())
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	if !p.expect(token.RBRACE) {
		return p.bad
	}
	return &ast.Dict{Loc: p.loc(start), Keys: p.arena.exprs.copy(keys), Values: p.arena.exprs.copy(values)}
}

// forIfClauses parses the for and if clauses of a comprehension.
func (p *parser) forIfClauses() []*ast.Comprehension {
	var buf [4]*ast.Comprehension
	gens := buf[:0]
	for p.tok == token.FOR || p.tok == token.ASYNC {
		start := p.start()
		async := 0
		if p.got(token.ASYNC) {
			async = 1
		}
		if !p.expect(token.FOR) {
			return p.arena.compLists.copy(gens)
		}
		target, ok := p.forTargets(true)
		if !ok {
			return p.arena.compLists.copy(gens)
		}
		iter := p.disjunction()
		var buf [4]ast.Expr
		ifs := buf[:0]
		for p.got(token.IF) {
			ifs = append(ifs, p.disjunction())
		}
		gens = append(gens, alloc(&p.arena.comprehensions, ast.Comprehension{Loc: p.loc(start), Target: target, Iter: iter, Ifs: p.arena.exprs.copy(ifs), IsAsync: async}))
	}
	return p.arena.compLists.copy(gens)
}

func (p *parser) yieldExpr() ast.Expr {
	start := p.start()
	p.next()
	if p.got(token.FROM) {
		v := p.expression()
		return &ast.YieldFrom{Loc: p.loc(start), Value: v}
	}
	var v ast.Expr
	if p.startsStarExpr() {
		v = p.starExpressions()
	}
	return &ast.Yield{Loc: p.loc(start), Value: v}
}

// ---------------------------------------------------------------------------
// Targets

// targetList parses star_targets, the targets of a for loop, a
// comprehension or a with item, without checking them: a Tuple when there
// is a comma. As in CPython's grammar, a target is a primary (a name, an
// attribute, a subscript or a parenthesized or bracketed display),
// possibly starred.
func (p *parser) targetList() ast.Expr {
	start := p.start()
	first := p.targetItem()
	if p.tok != token.COMMA {
		return first
	}
	var buf [4]ast.Expr
	elts := append(buf[:0], first)
	for p.got(token.COMMA) {
		if p.tok != token.STAR && !startsFactor(p.tok) {
			break
		}
		elts = append(elts, p.targetItem())
	}
	return p.newTuple(p.loc(start), p.arena.exprs.copy(elts), ast.Store)
}

// targetItem parses one star_target without checking it.
func (p *parser) targetItem() ast.Expr {
	if p.tok != token.STAR {
		return p.primary()
	}
	start := p.start()
	p.next()
	if p.tok == token.STAR {
		p.syntaxError()
		return p.bad
	}
	v := p.targetItem()
	return &ast.Starred{Loc: p.loc(start), Value: v, Ctx: ast.Store}
}

// forTargets parses the targets of a for loop or comprehension up to and
// including "in", with CPython's errors when they do not parse or cannot
// be assigned to.
func (p *parser) forTargets(comprehension bool) (ast.Expr, bool) {
	m := p.mark()
	target := p.targetList()
	if !p.failed && p.tok == token.IN && invalidTarget(target, targetFor) == nil {
		setContext(target, ast.Store)
		p.next()
		return target, true
	}
	if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
		return nil, false
	}
	far := p.far
	p.reset(m)
	if comprehension {
		// invalid_for_if_clause: bitwise_or (',' bitwise_or)* [','] !'in'
		p.noInvalid++
		p.bitwiseOr()
		for !p.failed && p.got(token.COMMA) && startsFactor(p.tok) {
			p.bitwiseOr()
		}
		p.noInvalid--
		if !p.failed && p.tok != token.IN {
			p.far = max(p.far, far)
			p.syntaxErrorMsg("'in' expected after for-loop variables")
			return nil, false
		}
		p.reset(m)
	}
	// invalid_for_target: star_expressions with a part that cannot be
	// assigned to.
	e := p.starExpressions()
	if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
		return nil, false
	}
	if !p.failed {
		if bad := invalidTarget(e, targetFor); bad != nil {
			p.errorf(bad.Pos(), bad.End(), "cannot assign to %s", exprName(bad))
			return nil, false
		}
	}
	p.reset(m)
	p.far = far
	p.syntaxError()
	return nil, false
}

type targetKind uint8

const (
	targetStar targetKind = iota // assignment
	targetFor                    // for loop
	targetDel                    // del statement
)

// checkTarget reports whether e can be assigned to (or deleted), after
// recording CPython's error for its first invalid part otherwise.
func (p *parser) checkTarget(e ast.Expr, kind targetKind) bool {
	bad := invalidTarget(e, kind)
	if bad == nil {
		return true
	}
	if kind == targetDel {
		p.errorf(bad.Pos(), bad.End(), "cannot delete %s", exprName(bad))
	} else {
		p.errorf(bad.Pos(), bad.End(), "cannot assign to %s", exprName(bad))
	}
	return false
}

// invalidTarget returns the first part of e that is not a valid target,
// or nil.
func invalidTarget(e ast.Expr, kind targetKind) ast.Expr {
	switch x := e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return nil
	case *ast.Tuple:
		for _, y := range x.Elts {
			if bad := invalidTarget(y, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *ast.List:
		for _, y := range x.Elts {
			if bad := invalidTarget(y, kind); bad != nil {
				return bad
			}
		}
		return nil
	case *ast.Starred:
		if kind == targetDel {
			return e
		}
		return invalidTarget(x.Value, kind)
	case *ast.Compare:
		if kind == targetFor {
			if x.Ops[0] == ast.In {
				return invalidTarget(x.Left, kind)
			}
			return nil
		}
		return e
	}
	return e
}

// setContext gives ctx to a target and to the targets it contains.
func setContext(e ast.Expr, ctx ast.ExprContext) {
	switch x := e.(type) {
	case *ast.Name:
		x.Ctx = ctx
	case *ast.Attribute:
		x.Ctx = ctx
	case *ast.Subscript:
		x.Ctx = ctx
	case *ast.Starred:
		x.Ctx = ctx
		setContext(x.Value, ctx)
	case *ast.Tuple:
		x.Ctx = ctx
		for _, y := range x.Elts {
			setContext(y, ctx)
		}
	case *ast.List:
		x.Ctx = ctx
		for _, y := range x.Elts {
			setContext(y, ctx)
		}
	}
}

// exprName names an expression as CPython's error messages do.
func exprName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.TemplateStr, *ast.Interpolation:
		return "t-string expression"
	case *ast.Constant:
		switch x.Value.Kind {
		case ast.NoneValue:
			return "None"
		case ast.FalseValue:
			return "False"
		case ast.TrueValue:
			return "True"
		case ast.EllipsisValue:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}

// ---------------------------------------------------------------------------
// Parameters

// parameters parses the parameters of a def (up to ')') or of a lambda
// (up to ':'); lambda parameters have no annotations.
func (p *parser) parameters(end token.Kind) *ast.Arguments {
	args := p.newArguments()
	lambda := end == token.COLON
	var plainBuf, kwonlyBuf [8]*ast.Arg
	var defaultBuf, kwDefaultBuf [8]ast.Expr
	plain, kwonly := plainBuf[:0], kwonlyBuf[:0]
	defaults, kwDefaults := defaultBuf[:0], kwDefaultBuf[:0]
	sawDefault, sawSlash, sawStar := false, false, false
loop:
	for p.tok != end && !p.failed {
		switch p.tok {
		case token.SLASH:
			t := p.cur()
			switch {
			case sawStar:
				p.errorTok(t, "/ must be ahead of *")
			case sawSlash:
				p.errorTok(t, "/ may appear only once")
			case len(plain) == 0:
				if p.peek(1) == token.COMMA {
					p.errorTok(t, "at least one argument must precede /")
				} else {
					p.errorTok(t, msgInvalidSyntax)
				}
			}
			p.next()
			if p.tok == token.STAR && !p.failed {
				p.errorTok(p.cur(), "expected comma between / and *")
			}
			args.Posonlyargs, plain = p.arena.argLists.copy(plain), plain[:0]
			sawSlash = true
		case token.STAR:
			t := p.cur()
			if sawStar {
				p.errorTok(t, "* argument may appear only once")
			}
			p.next()
			sawStar = true
			switch {
			case p.tok == token.NAME:
				args.Vararg = p.param(lambda, true)
				if p.tok == token.EQUAL {
					p.errorTok(p.cur(), "var-positional argument cannot have default value")
				}
			case p.tok == end || p.tok == token.COMMA && (p.peek(1) == end || p.peek(1) == token.DOUBLESTAR):
				if lambda {
					p.syntaxErrorMsg("named arguments must follow bare *")
				} else {
					p.errorTok(t, "named arguments must follow bare *")
				}
			case p.tok != token.COMMA:
				p.syntaxError()
			}
		case token.DOUBLESTAR:
			p.next()
			args.Kwarg = p.param(lambda, false)
			if p.tok == token.EQUAL {
				p.errorTok(p.cur(), "var-keyword argument cannot have default value")
			}
			if p.got(token.COMMA) && p.tok != end && !p.failed {
				switch p.tok {
				case token.NAME, token.STAR, token.DOUBLESTAR, token.SLASH:
					p.errorTok(p.cur(), "arguments cannot follow var-keyword argument")
				default:
					p.syntaxError()
				}
			}
			break loop
		case token.NAME:
			a := p.param(lambda, false)
			var def ast.Expr
			if p.tok == token.EQUAL {
				eq := p.cur()
				p.next()
				if p.tok == token.COMMA || p.tok == token.RPAR {
					p.errorTok(eq, "expected default value expression")
					break loop
				}
				def = p.expression()
			}
			if sawStar {
				kwonly = append(kwonly, a)
				kwDefaults = append(kwDefaults, def)
			} else {
				if def != nil {
					defaults = append(defaults, def)
					sawDefault = true
				} else if sawDefault && !p.failed {
					p.errorNode(a, "parameter without a default follows parameter with a default")
				}
				plain = append(plain, a)
			}
		case token.LPAR:
			if !sawDefault && !sawSlash && !sawStar {
				if close, ok := p.parenthesizedParams(); ok {
					msg := "Function parameters cannot be parenthesized"
					if lambda {
						msg = "Lambda expression parameters cannot be parenthesized"
					}
					p.errorAt(p.start(), p.toks[close].End, msg)
					break loop
				}
			}
			p.syntaxError()
			break loop
		default:
			p.syntaxError()
			break loop
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	args.Args = p.arena.argLists.copy(plain)
	args.Kwonlyargs = p.arena.argLists.copy(kwonly)
	args.KwDefaults = p.arena.exprs.copy(kwDefaults)
	args.Defaults = p.arena.exprs.copy(defaults)
	return args
}

// parenthesizedParams reports whether the current '(' starts a list of
// names in parentheses, as Python 2 tuple parameters, and returns the
// index of its ')'.
func (p *parser) parenthesizedParams() (int, bool) {
	i := p.pos + 1
	for n := 0; ; n++ {
		if p.toks[i].Kind != token.NAME {
			return 0, false
		}
		i++
		if p.toks[i].Kind == token.RPAR {
			return i, true
		}
		if p.toks[i].Kind != token.COMMA {
			return 0, false
		}
		i++
		if p.toks[i].Kind == token.RPAR {
			return i, true
		}
	}
}

// param parses NAME [':' annotation]. The annotation of *args may be
// starred (PEP 646).
func (p *parser) param(lambda, star bool) *ast.Arg {
	start := p.start()
	name, _, ok := p.name()
	if !ok {
		return &ast.Arg{}
	}
	var ann ast.Expr
	if !lambda && p.got(token.COLON) {
		if star && p.tok == token.STAR {
			ann = p.starExpression()
			p.gate(StarredAnnotation, ann.Pos(), ann.End())
		} else {
			ann = p.expression()
		}
	}
	return p.newArg(p.loc(start), name, ann)
}

// ---------------------------------------------------------------------------
// Type parameters

func (p *parser) typeParams() []ast.TypeParam {
	open := p.start()
	p.next()
	if p.tok == token.RSQB {
		t := p.cur()
		p.errorTok(t, "Type parameter list cannot be empty")
		return nil
	}
	var list []ast.TypeParam
	for p.tok != token.RSQB {
		list = append(list, p.typeParam())
		if !p.got(token.COMMA) {
			break
		}
	}
	if !p.expect(token.RSQB) {
		return nil
	}
	p.gate(TypeParameters, open, p.prevEnd())
	return list
}

// rejectBound reports a bound or constraints given to a TypeVarTuple or
// ParamSpec (kind), which only TypeVars may have, and skips them.
func (p *parser) rejectBound(kind string) {
	if p.tok != token.COLON {
		return
	}
	colon := p.start()
	p.next()
	msg := "cannot use bound with " + kind
	if _, ok := p.expression().(*ast.Tuple); ok {
		msg = "cannot use constraints with " + kind
	}
	p.errorAt(colon, p.prevEnd(), msg)
}

func (p *parser) typeParam() ast.TypeParam {
	start := p.start()
	switch p.tok {
	case token.STAR:
		p.next()
		name, _, _ := p.name()
		p.rejectBound("TypeVarTuple")
		var def ast.Expr
		if p.got(token.EQUAL) {
			def = p.starExpression()
			p.gate(TypeParameterDefaults, def.Pos(), def.End())
		}
		return &ast.TypeVarTuple{Loc: p.loc(start), Name: name, DefaultValue: def}
	case token.DOUBLESTAR:
		p.next()
		name, _, _ := p.name()
		p.rejectBound("ParamSpec")
		var def ast.Expr
		if p.got(token.EQUAL) {
			def = p.expression()
			p.gate(TypeParameterDefaults, def.Pos(), def.End())
		}
		return &ast.ParamSpec{Loc: p.loc(start), Name: name, DefaultValue: def}
	}
	name, _, _ := p.name()
	var bound, def ast.Expr
	if p.got(token.COLON) {
		bound = p.expression()
	}
	if p.got(token.EQUAL) {
		def = p.expression()
		p.gate(TypeParameterDefaults, def.Pos(), def.End())
	}
	return &ast.TypeVar{Loc: p.loc(start), Name: name, Bound: bound, DefaultValue: def}
}
