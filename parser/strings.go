package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// String literal prefixes.
const (
	prefixRaw = 1 << iota
	prefixBytes
	prefixU
	prefixF
	prefixT
)

// splitString returns the prefix flags of a string token's text, the
// length of its prefix and the length of its quotes (1 or 3).
func splitString(s string) (flags, prefixLen, quoteLen int) {
	i := 0
	for ; i < len(s) && s[i] != '\'' && s[i] != '"'; i++ {
		switch s[i] {
		case 'r', 'R':
			flags |= prefixRaw
		case 'b', 'B':
			flags |= prefixBytes
		case 'u', 'U':
			flags |= prefixU
		case 'f', 'F':
			flags |= prefixF
		case 't', 'T':
			flags |= prefixT
		}
	}
	quoteLen = 1
	if i+2 < len(s) && s[i+1] == s[i] && s[i+2] == s[i] && len(s)-i >= 6 {
		quoteLen = 3
	}
	return flags, i, quoteLen
}

// strPiece is one decoded part of a string concatenation: literal text or
// (for f-strings and t-strings) a replacement field.
type strPiece struct {
	text  string   // literal text, when expr is nil
	loc   ast.Loc  // span of the literal text
	expr  ast.Expr // a FormattedValue or Interpolation, or nil
	kindU bool     // the literal comes from a u-prefixed string
}

// strings parses a concatenation of string, bytes, f-string and t-string
// literals.
func (p *parser) strings() ast.Expr {
	start := p.start()
	first := p.cur()
	// Fast path: a lone plain string.
	if p.tok == token.STRING {
		next := p.peek(1)
		if next != token.STRING && next != token.FSTRING_START && next != token.TSTRING_START {
			p.next()
			v, ok := p.stringValue(first)
			if !ok {
				return p.bad
			}
			c := p.newConstant(ast.Loc{Start: first.Start, Stop: first.End}, v)
			if p.src[first.Start] == 'u' {
				c.StrKind = "u"
			}
			return c
		}
	}
	var pieces []strPiece
	nBytes, nStr, nF, nT := 0, 0, 0, 0
	for {
		t := p.cur()
		switch p.tok {
		case token.STRING:
			p.next()
			flags, _, _ := splitString(p.text(t))
			if flags&prefixBytes != 0 {
				nBytes++
			} else {
				nStr++
			}
			v, ok := p.stringValue(t)
			if !ok {
				return p.bad
			}
			pieces = append(pieces, strPiece{text: v.Text, loc: ast.Loc{Start: t.Start, Stop: t.End}, kindU: p.src[t.Start] == 'u'})
			continue
		case token.FSTRING_START:
			nF++
			pieces = p.fstring(pieces)
			continue
		case token.TSTRING_START:
			nT++
			pieces = p.fstring(pieces)
			continue
		}
		break
	}
	if p.failed {
		return p.bad
	}
	loc := p.loc(start)
	if nT > 0 && nStr+nBytes+nF > 0 {
		// CPython reports the first pair of a t-string next to another
		// kind of literal.
		p.mixedTString(start)
		return p.bad
	}
	if nBytes > 0 && (nStr > 0 || nF > 0) {
		t := p.toks[p.far]
		p.errorAt(t.Start, t.End, "cannot mix bytes and nonbytes literals")
		return p.bad
	}
	if nF == 0 && nT == 0 {
		var b strings.Builder
		for _, pc := range pieces {
			b.WriteString(pc.text)
		}
		kind := ast.StrValue
		if nBytes > 0 {
			kind = ast.BytesValue
		}
		c := &ast.Constant{Loc: loc, Value: ast.Value{Kind: kind, Text: b.String()}}
		if pieces[0].kindU {
			c.StrKind = "u"
		}
		return c
	}
	values := joinPieces(pieces)
	if nT > 0 {
		p.gate(TemplateStrings, loc.Start, loc.Stop)
		return &ast.TemplateStr{Loc: loc, Values: values}
	}
	return &ast.JoinedStr{Loc: loc, Values: values}
}

// mixedTString reports a t-string concatenated with another kind of
// literal, between the two offending literals.
func (p *parser) mixedTString(start token.Pos) {
	// Walk the literals again to find the first boundary between a t-string
	// and another literal.
	i := 0
	for p.toks[i].Start < start {
		i++
	}
	type lit struct {
		t          bool
		start, end token.Pos
	}
	var lits []lit
	for i < len(p.toks) {
		t := p.toks[i]
		switch t.Kind {
		case token.STRING:
			lits = append(lits, lit{false, t.Start, t.End})
			i++
			continue
		case token.FSTRING_START, token.TSTRING_START:
			depth := 0
			j := i
			for ; j < len(p.toks); j++ {
				switch p.toks[j].Kind {
				case token.FSTRING_START, token.TSTRING_START:
					depth++
				case token.FSTRING_END, token.TSTRING_END:
					depth--
				}
				if depth == 0 {
					break
				}
			}
			if j >= len(p.toks) {
				j = len(p.toks) - 1
			}
			lits = append(lits, lit{t.Kind == token.TSTRING_START, t.Start, p.toks[j].End})
			i = j + 1
			continue
		}
		break
	}
	for k := 1; k < len(lits); k++ {
		if lits[k].t != lits[k-1].t {
			p.errorAt(lits[k-1].start, lits[k].end, "cannot mix t-string literals with string or bytes literals")
			return
		}
	}
	p.syntaxError()
}

// joinPieces merges adjacent literal pieces and drops empty ones, as
// CPython does for the values of a JoinedStr or TemplateStr.
func joinPieces(pieces []strPiece) []ast.Expr {
	var values []ast.Expr
	for i := 0; i < len(pieces); {
		pc := pieces[i]
		if pc.expr != nil {
			values = append(values, pc.expr)
			i++
			continue
		}
		j := i + 1
		for j < len(pieces) && pieces[j].expr == nil {
			j++
		}
		text := pc.text
		if j > i+1 {
			var b strings.Builder
			for _, q := range pieces[i:j] {
				b.WriteString(q.text)
			}
			text = b.String()
		}
		if text != "" {
			c := &ast.Constant{Loc: ast.Loc{Start: pc.loc.Start, Stop: pieces[j-1].loc.Stop},
				Value: ast.Value{Kind: ast.StrValue, Text: text}}
			if pc.kindU {
				c.StrKind = "u"
			}
			values = append(values, c)
		}
		i = j
	}
	return values
}

// stringValue decodes a STRING token.
func (p *parser) stringValue(t token.Token) (ast.Value, bool) {
	s := p.text(t)
	flags, pre, q := splitString(s)
	if len(s) < pre+2*q {
		return ast.Value{Kind: ast.StrValue}, true // unterminated: the scanner reported it
	}
	body := s[pre+q : len(s)-q]
	if flags&prefixBytes != 0 {
		for i := 0; i < len(body); i++ {
			if body[i] >= 0x80 {
				p.errorTok(t, "bytes can only contain ASCII literal characters")
				return ast.Value{}, false
			}
		}
		v, msg := decodeBytes(body, flags&prefixRaw != 0)
		if msg != "" {
			p.errorTok(t, msg)
			return ast.Value{}, false
		}
		return ast.Value{Kind: ast.BytesValue, Text: v}, true
	}
	raw := flags&prefixRaw != 0
	if !p.hasCR && (raw || strings.IndexByte(body, '\\') < 0) {
		// Nothing to decode, known without decodeStr's search for '\r'.
		return ast.Value{Kind: ast.StrValue, Text: body}, true
	}
	v, msg := decodeStr(body, raw, false)
	if msg != "" {
		p.errorTok(t, msg)
		return ast.Value{}, false
	}
	return ast.Value{Kind: ast.StrValue, Text: v}, true
}

// needsDecoding reports whether body holds a backslash, a carriage return
// or (with braces) a doubled brace.
func needsDecoding(body string, braces bool) bool {
	// One vectorized IndexByte pass per byte value beats a byte loop that
	// tests them all, on docstrings especially.
	if strings.IndexByte(body, '\\') >= 0 || strings.IndexByte(body, '\r') >= 0 {
		return true
	}
	return braces && (strings.IndexByte(body, '{') >= 0 || strings.IndexByte(body, '}') >= 0)
}

// decodeStops classifies the bytes that decodeStr does not just copy.
var decodeStops = [256]uint8{'\r': stopCR, '\\': stopBackslash, '{': stopBrace, '}': stopBrace}

const (
	stopCR        = 1 << iota // a line ending to translate
	stopBackslash             // an escape, unless raw
	stopBrace                 // a doubled brace, in f-string text
)

// decodeStr decodes the body of a str literal: escape sequences unless
// raw, line endings to "\n", and with braces "{{" and "}}" to single
// braces (f-string text). It returns CPython's error message for a bad
// escape sequence, or "".
func decodeStr(body string, raw, braces bool) (string, string) {
	if !needsDecoding(body, braces) {
		return body, ""
	}
	b := make([]byte, 0, len(body))
	// The bytes that need more than a copy, as a mask of decodeStops.
	stops := uint8(stopCR)
	if !raw {
		stops |= stopBackslash
	}
	if braces {
		stops |= stopBrace
	}
	for i := 0; i < len(body); {
		c := body[i]
		if decodeStops[c]&stops == 0 {
			b, i = appendPlain(b, body, i, stops)
			continue
		}
		switch {
		case c == '\r':
			b = append(b, '\n')
			i++
			if i < len(body) && body[i] == '\n' {
				i++
			}
			continue
		case braces && (c == '{' || c == '}'):
			b = append(b, c)
			i++
			if i < len(body) && body[i] == c {
				i++
			}
			continue
		case c != '\\' || raw:
			b = append(b, c)
			i++
			continue
		}
		// A backslash escape.
		if i+1 >= len(body) {
			b = append(b, '\\')
			i++
			continue
		}
		e := body[i+1]
		switch e {
		case '\n':
			i += 2
			continue
		case '\r':
			i += 2
			if i < len(body) && body[i] == '\n' {
				i++
			}
			continue
		case '\\', '\'', '"', 'a', 'b', 'f', 'n', 'r', 't', 'v':
			b = append(b, simpleEscape(e))
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, j := rune(0), i+1
			for n := 0; n < 3 && j < len(body) && body[j] >= '0' && body[j] <= '7'; n++ {
				v = v*8 + rune(body[j]-'0')
				j++
			}
			b = appendWTF8(b, v)
			i = j
			continue
		case 'x', 'u', 'U':
			n := 2
			reason := `truncated \xXX escape`
			if e == 'u' {
				n, reason = 4, `truncated \uXXXX escape`
			} else if e == 'U' {
				n, reason = 8, `truncated \UXXXXXXXX escape`
			}
			v, j := rune(0), i+2
			for k := 0; k < n; k++ {
				if j >= len(body) || hexVal(body[j]) < 0 {
					return "", unicodeError(body, i, j, reason)
				}
				v = v*16 + rune(hexVal(body[j]))
				j++
			}
			if v > 0x10ffff {
				return "", unicodeError(body, i, j, "illegal Unicode character")
			}
			b = appendWTF8(b, v)
			i = j
			continue
		case 'N':
			j := i + 2
			if j >= len(body) || body[j] != '{' {
				return "", unicodeError(body, i, j, `malformed \N character escape`)
			}
			j++
			k := strings.IndexByte(body[j:], '}')
			if k < 0 {
				return "", unicodeError(body, i, len(body), `malformed \N character escape`)
			}
			if k == 0 {
				return "", unicodeError(body, i, j, `malformed \N character escape`)
			}
			r, ok := lookupUnicodeName(body[j : j+k])
			if !ok {
				return "", unicodeError(body, i, j+k+1, "unknown Unicode character name")
			}
			b = appendWTF8(b, r)
			i = j + k + 1
			continue
		default:
			// An invalid escape sequence stays as written (CPython warns).
			b = append(b, '\\')
			i++
			continue
		}
		i += 2
	}
	return string(b), ""
}

// appendPlain appends to b the run of body from i up to the next byte that
// is one of stops, and returns b and the index of that byte. Bodies that
// need decoding are mostly long docstrings with an escape or two, so their
// plain runs are copied at once rather than byte by byte.
func appendPlain(b []byte, body string, i int, stops uint8) ([]byte, int) {
	j := i + 1
	for j < len(body) && decodeStops[body[j]]&stops == 0 {
		j++
	}
	return append(b, body[i:j]...), j
}

// unicodeError formats CPython's error for a bad escape between body
// offsets start and end (exclusive). CPython decodes a copy of the body in
// which each non-ASCII character is spelled \UXXXXXXXX, and a backslash
// before one is spelled \u005c; positions count in that copy.
func unicodeError(body string, start, end int, reason string) string {
	pos := func(off int) int {
		n := 0
		for i := 0; i < off && i < len(body); {
			c := body[i]
			if c < 0x80 {
				if c == '\\' && i+1 < len(body) && body[i+1] >= 0x80 {
					n += 6
				} else {
					n++
				}
				i++
				continue
			}
			_, size := decodeRune(body[i:])
			n += 10
			i += size
		}
		return n
	}
	return fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
		pos(start), pos(end)-1, reason)
}

// decodeBytes decodes the body of a bytes literal.
func decodeBytes(body string, raw bool) (string, string) {
	if !needsDecoding(body, false) {
		return body, ""
	}
	b := make([]byte, 0, len(body))
	// The bytes that need more than a copy, as a mask of decodeStops.
	stops := uint8(stopCR)
	if !raw {
		stops |= stopBackslash
	}
	for i := 0; i < len(body); {
		c := body[i]
		if decodeStops[c]&stops == 0 {
			b, i = appendPlain(b, body, i, stops)
			continue
		}
		switch {
		case c == '\r':
			b = append(b, '\n')
			i++
			if i < len(body) && body[i] == '\n' {
				i++
			}
			continue
		case c != '\\' || raw || i+1 >= len(body):
			b = append(b, c)
			i++
			continue
		}
		e := body[i+1]
		switch e {
		case '\n':
			i += 2
			continue
		case '\r':
			i += 2
			if i < len(body) && body[i] == '\n' {
				i++
			}
			continue
		case '\\', '\'', '"', 'a', 'b', 'f', 'n', 'r', 't', 'v':
			b = append(b, simpleEscape(e))
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, j := 0, i+1
			for n := 0; n < 3 && j < len(body) && body[j] >= '0' && body[j] <= '7'; n++ {
				v = v*8 + int(body[j]-'0')
				j++
			}
			b = append(b, byte(v))
			i = j
			continue
		case 'x':
			if i+3 < len(body) && hexVal(body[i+2]) >= 0 && hexVal(body[i+3]) >= 0 {
				b = append(b, byte(hexVal(body[i+2])<<4|hexVal(body[i+3])))
				i += 4
				continue
			}
			return "", fmt.Sprintf(`(value error) invalid \x escape at position %d`, i)
		default:
			b = append(b, '\\')
			i++
			continue
		}
		i += 2
	}
	return string(b), ""
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// appendWTF8 appends r in UTF-8, encoding surrogates as three-byte
// sequences as Python's "surrogatepass" does.
func appendWTF8(b []byte, r rune) []byte {
	switch {
	case r < 0x80:
		return append(b, byte(r))
	case r < 0x800:
		return append(b, 0xc0|byte(r>>6), 0x80|byte(r)&0x3f)
	case r < 0x10000:
		return append(b, 0xe0|byte(r>>12), 0x80|byte(r>>6)&0x3f, 0x80|byte(r)&0x3f)
	}
	return append(b, 0xf0|byte(r>>18), 0x80|byte(r>>12)&0x3f, 0x80|byte(r>>6)&0x3f, 0x80|byte(r)&0x3f)
}

// decodeRune decodes one UTF-8 sequence, returning size 1 for a bad byte.
func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// simpleEscape returns the byte a one-character escape such as \n stands
// for, in str and bytes literals alike: \\ \' \" \a \b \f \n \r \t \v.
func simpleEscape(e byte) byte {
	switch e {
	case 'a':
		return 7
	case 'b':
		return 8
	case 'f':
		return 12
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'v':
		return 11
	}
	return e // \\, \' and \"
}
