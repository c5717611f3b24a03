package parser

import (
	"fmt"

	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/scanner"
	"github.com/py314/py314/parser/token"
)

// matchStmt parses a match statement, or returns nil without consuming
// anything when the line starting with the soft keyword "match" is not
// one.
func (p *parser) matchStmt() ast.Stmt {
	m := p.mark()
	start := p.start()
	p.next() // match
	if !p.startsStarExpr() {
		p.reset(m)
		return nil
	}
	subject := p.subjectExpr()
	if !p.failed && p.tok == token.NEWLINE {
		// Not a match statement unless the line is not a valid simple
		// statement either: then CPython reports the missing ':'.
		nl := p.cur()
		p.reset(m)
		p.simpleStmts(nil)
		failed := p.failed
		p.reset(m)
		if failed {
			p.errorTok(nl, "expected ':'")
			return p.badStmt()
		}
		return nil
	}
	if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
		// CPython tries the match statement first: its specific error
		// stands unless the line is a valid simple statement.
		e := p.errs[len(p.errs)-1]
		p.reset(m)
		p.simpleStmts(nil)
		failed := p.failed
		p.reset(m)
		if failed {
			p.errs = append(p.errs, e)
			p.fail()
			return p.badStmt()
		}
		return nil
	}
	if p.failed || p.tok != token.COLON {
		p.reset(m)
		return nil
	}
	p.next()
	if p.tok != token.NEWLINE {
		p.syntaxError()
		return p.badStmt()
	}
	if p.peek(1) != token.INDENT {
		p.next()
		t := p.cur()
		line, _ := p.file.LineCol(start)
		p.errorTyped(t.Start, t.End, scanner.IndentationError, fmt.Sprintf("expected an indented block after 'match' statement on line %d", line))
		return p.badStmt()
	}
	p.next()
	p.next()
	var cases []*ast.MatchCase
	for p.isSoft("case") {
		pos := p.pos
		c := p.caseBlock()
		if p.failed {
			p.recover(pos)
			continue
		}
		cases = append(cases, c)
	}
	if p.tok != token.DEDENT {
		p.syntaxError()
		return p.badStmt()
	}
	p.next()
	p.gate(MatchStatement, start, start+5)
	return &ast.Match{Loc: p.loc(start), Subject: subject, Cases: cases}
}

// subjectExpr parses star_named_expression ',' star_named_expressions?
// (a Tuple) or named_expression.
func (p *parser) subjectExpr() ast.Expr {
	start := p.start()
	first := p.starNamedExpression()
	if p.tok != token.COMMA {
		if _, ok := first.(*ast.Starred); ok {
			p.syntaxError()
		}
		return first
	}
	elts := []ast.Expr{first}
	for p.got(token.COMMA) {
		if !p.startsStarExpr() {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	return &ast.Tuple{Loc: p.loc(start), Elts: elts, Ctx: ast.Load}
}

func (p *parser) caseBlock() *ast.MatchCase {
	start := p.start()
	p.next() // case
	pat := p.patterns()
	var guard ast.Expr
	if p.got(token.IF) {
		guard = p.namedExpression()
	}
	if !p.expectColon() {
		return nil
	}
	body := p.block("'case' statement", start)
	return &ast.MatchCase{Loc: p.loc(start), Pattern: pat, Guard: guard, Body: body}
}

// badPattern is returned by pattern rules after an error.
func (p *parser) badPattern() ast.Pattern { return &ast.MatchAs{} }

// patterns parses the pattern of a case: an open sequence or a pattern.
func (p *parser) patterns() ast.Pattern {
	start := p.start()
	first := p.maybeStarPattern()
	if p.tok != token.COMMA {
		if _, ok := first.(*ast.MatchStar); ok {
			p.syntaxError()
		}
		return first
	}
	pats := []ast.Pattern{first}
	for p.got(token.COMMA) {
		if !p.startsPattern() {
			break
		}
		pats = append(pats, p.maybeStarPattern())
	}
	return &ast.MatchSequence{Loc: p.loc(start), Patterns: pats}
}

// startsPattern reports whether the current token can start a pattern.
func (p *parser) startsPattern() bool {
	switch p.tok {
	case token.NAME, token.NUMBER, token.MINUS, token.STRING, token.FSTRING_START,
		token.TSTRING_START, token.NONE, token.TRUE, token.FALSE, token.LPAR,
		token.LSQB, token.LBRACE, token.STAR:
		return true
	}
	return false
}

func (p *parser) maybeStarPattern() ast.Pattern {
	if p.tok == token.STAR {
		start := p.start()
		p.next()
		t := p.cur()
		if p.tok != token.NAME {
			p.syntaxError()
			return p.badPattern()
		}
		p.next()
		name := p.ident(t)
		if name == "_" {
			name = ""
		}
		return &ast.MatchStar{Loc: p.loc(start), Name: name}
	}
	return p.pattern()
}

// pattern parses an or-pattern with an optional "as" capture.
func (p *parser) pattern() ast.Pattern {
	start := p.start()
	pat := p.orPattern()
	if p.tok != token.AS {
		return pat
	}
	p.next()
	t := p.cur()
	if p.tok == token.NAME && p.text(t) == "_" {
		p.errorTok(t, "cannot use '_' as a target")
		return p.badPattern()
	}
	if p.tok != token.NAME || p.peek(1) == token.DOT || p.peek(1) == token.LPAR || p.peek(1) == token.EQUAL {
		if p.startsExpr() {
			m, far := p.mark(), p.far
			e := p.expression()
			if !p.failed {
				p.errorf(e.Pos(), e.End(), "cannot use %s as pattern target", exprName(e))
				return p.badPattern()
			}
			if p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
				return p.badPattern()
			}
			p.reset(m)
			p.far = far
		}
		p.syntaxError()
		return p.badPattern()
	}
	p.next()
	return &ast.MatchAs{Loc: p.loc(start), Pattern: pat, Name: p.ident(t)}
}

func (p *parser) orPattern() ast.Pattern {
	start := p.start()
	first := p.closedPattern()
	if p.tok != token.VBAR {
		return first
	}
	pats := []ast.Pattern{first}
	for p.got(token.VBAR) {
		pats = append(pats, p.closedPattern())
	}
	return &ast.MatchOr{Loc: p.loc(start), Patterns: pats}
}

func (p *parser) closedPattern() ast.Pattern {
	start := p.start()
	t := p.cur()
	switch p.tok {
	case token.NAME:
		next := p.peek(1)
		if p.text(t) == "_" {
			p.next()
			return &ast.MatchAs{Loc: p.loc(start)}
		}
		if next != token.DOT && next != token.LPAR {
			p.next()
			if p.tok == token.EQUAL {
				p.syntaxError()
				return p.badPattern()
			}
			return &ast.MatchAs{Loc: p.loc(start), Name: p.ident(t)}
		}
		cls := p.nameOrAttr()
		if p.tok == token.LPAR {
			return p.classPattern(start, cls)
		}
		if p.tok == token.EQUAL {
			p.syntaxError()
			return p.badPattern()
		}
		return &ast.MatchValue{Loc: p.loc(start), Value: cls}
	case token.NUMBER, token.MINUS:
		v := p.signedNumber()
		return &ast.MatchValue{Loc: p.loc(start), Value: v}
	case token.STRING, token.FSTRING_START, token.TSTRING_START:
		v := p.strings()
		return &ast.MatchValue{Loc: p.loc(start), Value: v}
	case token.NONE:
		p.next()
		return &ast.MatchSingleton{Loc: p.loc(start), Value: ast.Value{Kind: ast.NoneValue}}
	case token.TRUE:
		p.next()
		return &ast.MatchSingleton{Loc: p.loc(start), Value: ast.Value{Kind: ast.TrueValue}}
	case token.FALSE:
		p.next()
		return &ast.MatchSingleton{Loc: p.loc(start), Value: ast.Value{Kind: ast.FalseValue}}
	case token.LPAR:
		p.next()
		if p.got(token.RPAR) {
			return &ast.MatchSequence{Loc: p.loc(start)}
		}
		first := p.maybeStarPattern()
		if p.got(token.RPAR) {
			if _, ok := first.(*ast.MatchStar); ok {
				p.syntaxError()
				return p.badPattern()
			}
			return first // a group
		}
		if !p.expect(token.COMMA) {
			return p.badPattern()
		}
		pats := []ast.Pattern{first}
		for p.startsPattern() {
			pats = append(pats, p.maybeStarPattern())
			if !p.got(token.COMMA) {
				break
			}
		}
		if !p.expect(token.RPAR) {
			return p.badPattern()
		}
		return &ast.MatchSequence{Loc: p.loc(start), Patterns: pats}
	case token.LSQB:
		p.next()
		var pats []ast.Pattern
		for p.tok != token.RSQB {
			pats = append(pats, p.maybeStarPattern())
			if !p.got(token.COMMA) {
				break
			}
		}
		if !p.expect(token.RSQB) {
			return p.badPattern()
		}
		return &ast.MatchSequence{Loc: p.loc(start), Patterns: pats}
	case token.LBRACE:
		return p.mappingPattern()
	}
	p.syntaxError()
	return p.badPattern()
}

// nameOrAttr parses NAME ('.' NAME)* as a Name or Attribute.
func (p *parser) nameOrAttr() ast.Expr {
	start := p.start()
	t := p.cur()
	if p.tok != token.NAME {
		p.syntaxError()
		return p.bad
	}
	p.next()
	var e ast.Expr = &ast.Name{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Id: p.ident(t), Ctx: ast.Load}
	for p.got(token.DOT) {
		name, _, ok := p.name()
		if !ok {
			return p.bad
		}
		e = &ast.Attribute{Loc: p.loc(start), Value: e, Attr: name, Ctx: ast.Load}
	}
	return e
}

// signedNumber parses a number, a negated number or a complex literal
// such as -1+2j.
func (p *parser) signedNumber() ast.Expr {
	start := p.start()
	neg := p.got(token.MINUS)
	t := p.cur()
	if p.tok != token.NUMBER {
		p.syntaxError()
		return p.bad
	}
	p.next()
	v := numberValue(p.text(t))
	var e ast.Expr = &ast.Constant{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Value: v}
	if neg {
		e = &ast.UnaryOp{Loc: p.loc(start), Op: ast.USub, Operand: e}
	}
	if p.tok != token.PLUS && p.tok != token.MINUS {
		return e
	}
	if v.Kind == ast.ImagValue {
		p.errorAt(t.Start, t.End, "real number required in complex literal")
		return p.bad
	}
	op := ast.Add
	if p.tok == token.MINUS {
		op = ast.Sub
	}
	p.next()
	it := p.cur()
	if p.tok != token.NUMBER {
		p.syntaxError()
		return p.bad
	}
	p.next()
	iv := numberValue(p.text(it))
	if iv.Kind != ast.ImagValue {
		p.errorAt(it.Start, it.End, "imaginary number required in complex literal")
		return p.bad
	}
	imag := &ast.Constant{Loc: ast.Loc{Start: it.Start, Stop: it.End}, Value: iv}
	return &ast.BinOp{Loc: p.loc(start), Left: e, Op: op, Right: imag}
}

func (p *parser) classPattern(start token.Pos, cls ast.Expr) ast.Pattern {
	p.next() // (
	var pats, kwPats []ast.Pattern
	var kwNames []string
	for p.tok != token.RPAR {
		if p.tok == token.NAME && p.peek(1) == token.EQUAL {
			t := p.cur()
			p.next()
			p.next()
			kwNames = append(kwNames, p.ident(t))
			kwPats = append(kwPats, p.pattern())
		} else {
			pat := p.pattern()
			if len(kwNames) > 0 && !p.failed {
				p.errorNode(pat, "positional patterns follow keyword patterns")
				return p.badPattern()
			}
			pats = append(pats, pat)
		}
		if !p.got(token.COMMA) {
			break
		}
	}
	if !p.expect(token.RPAR) {
		return p.badPattern()
	}
	return &ast.MatchClass{Loc: p.loc(start), Cls: cls, Patterns: pats, KwdAttrs: kwNames, KwdPatterns: kwPats}
}

func (p *parser) mappingPattern() ast.Pattern {
	start := p.start()
	p.next() // {
	var keys []ast.Expr
	var pats []ast.Pattern
	rest := ""
	for p.tok != token.RBRACE {
		if p.tok == token.DOUBLESTAR {
			p.next()
			t := p.cur()
			if p.tok != token.NAME || p.text(t) == "_" {
				p.syntaxError()
				return p.badPattern()
			}
			p.next()
			rest = p.ident(t)
			p.got(token.COMMA)
			if p.tok != token.RBRACE && !p.failed {
				p.errorTok(p.cur(), msgInvalidSyntax)
				return p.badPattern()
			}
			break
		}
		keys = append(keys, p.mappingKey())
		if !p.expect(token.COLON) {
			return p.badPattern()
		}
		pats = append(pats, p.pattern())
		if !p.got(token.COMMA) {
			break
		}
	}
	if !p.expect(token.RBRACE) {
		return p.badPattern()
	}
	return &ast.MatchMapping{Loc: p.loc(start), Keys: keys, Patterns: pats, Rest: rest}
}

// mappingKey parses a literal or a dotted name used as a mapping key.
func (p *parser) mappingKey() ast.Expr {
	t := p.cur()
	switch p.tok {
	case token.NUMBER, token.MINUS:
		return p.signedNumber()
	case token.STRING, token.FSTRING_START, token.TSTRING_START:
		return p.strings()
	case token.NONE:
		p.next()
		return &ast.Constant{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Value: ast.Value{Kind: ast.NoneValue}}
	case token.TRUE:
		p.next()
		return &ast.Constant{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Value: ast.Value{Kind: ast.TrueValue}}
	case token.FALSE:
		p.next()
		return &ast.Constant{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Value: ast.Value{Kind: ast.FalseValue}}
	case token.NAME:
		if p.peek(1) == token.DOT {
			return p.nameOrAttr()
		}
	}
	p.syntaxError()
	return p.bad
}
