package parser

import (
	"sort"
	"strings"

	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// fstr describes the f-string or t-string being parsed.
type fstr struct {
	tstring bool
	raw     bool
	quote   byte // ' or "
	triple  bool
}

// fstring parses an f-string or t-string, from its START token to its END
// token, and appends its literal text and replacement fields to pieces.
func (p *parser) fstring(pieces []strPiece) []strPiece {
	st := p.cur()
	text := p.text(st)
	flags, pre, _ := splitString(text)
	fs := fstr{
		tstring: st.Kind == token.TSTRING_START,
		raw:     flags&prefixRaw != 0,
		quote:   text[len(text)-1],
		triple:  len(text)-pre == 3,
	}
	p.next()
	for {
		switch p.tok {
		case token.FSTRING_MIDDLE, token.TSTRING_MIDDLE:
			t := p.cur()
			p.next()
			v, msg := decodeStr(p.text(t), fs.raw, true)
			if msg != "" {
				p.errorAt(t.End, t.End, msg)
				return pieces
			}
			pieces = append(pieces, strPiece{text: v, loc: ast.Loc{Start: t.Start, Stop: t.End}})
		case token.LBRACE:
			pieces = p.replacementField(pieces, &fs, fs.tstring)
		case token.FSTRING_END, token.TSTRING_END:
			p.next()
			return pieces
		default:
			p.syntaxError()
			return pieces
		}
		if p.failed {
			return pieces
		}
	}
}

// replacementField parses '{' expression ['='] ['!' NAME] [':' spec] '}'
// and appends its debug text, if any, and the field to pieces. interp
// makes the field an Interpolation (t-strings) rather than a
// FormattedValue.
func (p *parser) replacementField(pieces []strPiece, fs *fstr, interp bool) []strPiece {
	kind := "f-string"
	if fs.tstring {
		kind = "t-string"
	}
	lbrace := p.cur()
	p.next()
	switch p.tok {
	case token.EQUAL, token.EXCLAMATION, token.COLON, token.RBRACE:
		p.errorf(p.cur().Start, p.cur().End, "%s: valid expression required before '%s'", kind, p.tok)
		return pieces
	case token.LAMBDA:
		if p.lambdaInField(kind) {
			return pieces
		}
	}
	if !p.startsStarExpr() && p.tok != token.YIELD {
		p.errorf(p.cur().Start, p.cur().End, "%s: expecting a valid expression after '{'", kind)
		return pieces
	}
	var e ast.Expr
	exprTok := p.cur()
	if p.tok == token.YIELD {
		e = p.yieldExpr()
	} else {
		e = p.starExpressions()
	}
	if p.failed {
		if last := p.errs[len(p.errs)-1]; last.Msg == msgInvalidSyntax && !p.atomParsesAt(exprTok) {
			// No expression parses after the '{', not even a prefix.
			last.Pos, last.End = exprTok.Start, exprTok.End
			last.Msg = kind + ": expecting a valid expression after '{'"
		}
		return pieces
	}
	exprEnd := p.prevEnd()
	p.checkFStringExpr(fs, lbrace.End, p.start())
	debug := false
	var debugEnd token.Pos
	switch p.tok {
	case token.EQUAL:
		debug = true
		p.next()
		debugEnd = p.start()
		switch p.tok {
		case token.EXCLAMATION, token.COLON, token.RBRACE:
		default:
			p.errorf(p.cur().Start, p.cur().End, "%s: expecting '!', or ':', or '}'", kind)
			return pieces
		}
	case token.EXCLAMATION, token.COLON, token.RBRACE:
	default:
		p.errorf(p.cur().Start, p.cur().End, "%s: expecting '=', or '!', or ':', or '}'", kind)
		return pieces
	}
	conv := -1
	if p.tok == token.EXCLAMATION {
		bang := p.cur()
		p.next()
		t := p.cur()
		switch {
		case p.tok == token.COLON || p.tok == token.RBRACE:
			p.errorf(t.Start, t.End, "%s: missing conversion character", kind)
			return pieces
		case p.tok != token.NAME:
			p.errorf(t.Start, t.End, "%s: invalid conversion character", kind)
			return pieces
		case bang.End != t.Start:
			p.errorf(bang.Start, t.End, "%s: conversion type must come right after the exclamation mark", kind)
			return pieces
		}
		switch p.text(t) {
		case "s", "r", "a":
			conv = int(p.src[t.Start])
		default:
			p.errorf(t.Start, t.End, "%s: invalid conversion character %s: expected 's', 'r', or 'a'", kind, ast.ReprStr(p.text(t)))
			return pieces
		}
		p.next()
		if p.tok != token.COLON && p.tok != token.RBRACE {
			p.errorf(p.cur().Start, p.cur().End, "%s: expecting ':' or '}'", kind)
			return pieces
		}
	}
	var spec ast.Expr
	if p.tok == token.COLON {
		spec = p.formatSpec(fs)
		if p.failed {
			return pieces
		}
		if p.tok != token.RBRACE {
			p.errorf(p.cur().Start, p.cur().End, "%s: expecting '}', or format specs", kind)
			return pieces
		}
	}
	if p.tok != token.RBRACE {
		p.errorf(p.cur().Start, p.cur().End, "%s: expecting '}'", kind)
		return pieces
	}
	p.next()
	if debug {
		text := p.debugText(lbrace.End, debugEnd)
		pieces = append(pieces, strPiece{text: text, loc: ast.Loc{Start: lbrace.End, Stop: debugEnd}})
		if conv == -1 && spec == nil {
			conv = 'r'
		}
	}
	loc := p.loc(lbrace.Start)
	var field ast.Expr
	if interp {
		field = &ast.Interpolation{Loc: loc, Value: e, Str: p.str(lbrace.End, exprEnd), Conversion: conv, FormatSpec: spec}
	} else {
		field = &ast.FormattedValue{Loc: loc, Value: e, Conversion: conv, FormatSpec: spec}
	}
	return append(pieces, strPiece{expr: field})
}

// debugText returns the source text of a replacement field up to and
// including its '=', without comments and with line ends as "\n".
func (p *parser) debugText(start, end token.Pos) string {
	text := p.str(start, end)
	if strings.IndexByte(text, '#') >= 0 {
		var b []byte
		from := start
		i := sort.Search(len(p.comments), func(i int) bool { return p.comments[i].Start >= start })
		for ; i < len(p.comments) && p.comments[i].End <= end; i++ {
			b = append(b, p.src[from:p.comments[i].Start]...)
			from = p.comments[i].End
		}
		b = append(b, p.src[from:end]...)
		text = string(b)
	}
	if v, msg := decodeStr(text, true, false); msg == "" {
		text = v
	}
	return text
}

// atomParsesAt reports whether an atom parses at token t.
func (p *parser) atomParsesAt(t token.Token) bool {
	i := p.tokenAt(t.Start)
	if i < 0 {
		return false
	}
	errs := len(p.errs)
	m := p.mark()
	m.nerrs = errs
	far, fill, failed := p.far, p.fill, p.failed
	p.failed = false
	p.seek(i)
	p.noInvalid++
	p.atom()
	p.noInvalid--
	ok := !p.failed
	p.reset(m)
	p.far, p.fill = far, fill
	if failed {
		p.fail()
	}
	return ok
}

// lambdaInField reports, after recording CPython's error, a lambda at the
// top level of a replacement field, whose ':' the scanner took for the
// start of a format spec.
func (p *parser) lambdaInField(kind string) bool {
	m, far := p.mark(), p.far
	start := p.cur()
	p.next()
	p.parameters(token.COLON)
	ok := !p.failed && p.tok == token.COLON
	colon := p.cur()
	if ok {
		p.next()
		ok = p.tok == token.FSTRING_MIDDLE || p.tok == token.TSTRING_MIDDLE
	}
	p.reset(m)
	p.far = far
	if ok {
		p.errorf(start.Start, colon.End, "%s: lambda expressions are not allowed without parentheses", kind)
	}
	return ok
}

// formatSpec parses ':' followed by the literal text and replacement
// fields of a format spec, up to the closing '}' of the field.
func (p *parser) formatSpec(fs *fstr) ast.Expr {
	colon := p.start()
	p.next()
	var pieces []strPiece
	for {
		switch p.tok {
		case token.FSTRING_MIDDLE, token.TSTRING_MIDDLE:
			t := p.cur()
			p.next()
			v, msg := decodeStr(p.text(t), fs.raw, true)
			if msg != "" {
				p.errorAt(t.End, t.End, msg)
				return p.bad
			}
			pieces = append(pieces, strPiece{text: v, loc: ast.Loc{Start: t.Start, Stop: t.End}})
			continue
		case token.LBRACE:
			pieces = p.replacementField(pieces, fs, false)
			if p.failed {
				return p.bad
			}
			continue
		}
		break
	}
	return &ast.JoinedStr{Loc: p.loc(colon), Values: joinPieces(pieces)}
}

// checkFStringExpr records the PEP 701 gate when the expression part of a
// replacement field, src[start:end], uses what f-strings could not before
// Python 3.12: the enclosing quote, a backslash, a comment or, in a
// single-quoted f-string, a line break.
func (p *parser) checkFStringExpr(fs *fstr, start, end token.Pos) {
	if end <= start {
		return
	}
	s := p.src[start:end]
	run := 0
	for _, c := range s {
		switch c {
		case '\\', '#':
			p.gate(FStringSyntax, start, end)
			return
		case '\n', '\r':
			if !fs.triple {
				p.gate(FStringSyntax, start, end)
				return
			}
		}
		if c == fs.quote {
			run++
			if !fs.triple || run == 3 {
				p.gate(FStringSyntax, start, end)
				return
			}
		} else {
			run = 0
		}
	}
}
