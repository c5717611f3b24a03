// Package scanner turns decoded Python 3.14 source into tokens.
//
// The scanner follows CPython's tokenizer: it produces NEWLINE, INDENT and
// DEDENT for the block structure, tracks bracket nesting (no NEWLINE inside
// brackets), and splits f-strings and t-strings into START, MIDDLE and END
// tokens with ordinary tokens for the replacement fields, so that the parser
// needs no feedback channel into the scanner.
//
// Token contract, for the parser:
//   - Tokens carry only a kind and a byte range; the text is src[Start:End].
//   - NAME covers identifiers and soft keywords; hard keywords have their
//     own kinds (token.Lookup).
//   - STRING covers one whole string or bytes literal: prefix, quotes, body.
//   - FSTRING_START (TSTRING_START) covers the prefix and the opening
//     quote(s); FSTRING_END (TSTRING_END) the closing quote(s).
//   - FSTRING_MIDDLE (TSTRING_MIDDLE) covers one run of literal text, raw:
//     doubled braces "{{" and "}}" and backslash escapes are not decoded.
//     A run stops before a single "{" that opens a replacement field, before
//     the "}" that closes a format spec, and before the closing quote.
//     Empty runs are not emitted.
//   - Inside a replacement field, "{" is LBRACE and "}" is RBRACE, "!" is
//     EXCLAMATION when not followed by "=", and a ":" at the field's own
//     bracket level is COLON and switches to the format spec, whose literal
//     text comes as MIDDLE tokens and whose nested fields come as LBRACE ...
//     RBRACE again.
//   - NEWLINE covers the newline characters ending a logical line, or is
//     empty at the end of input when the last line has none.
//   - INDENT spans the indentation of the line that opens a block; DEDENT is
//     empty, at the first token of the line that closes blocks.
//   - EOF is empty, at len(src), after the final NEWLINE and DEDENTs.
//   - NL and COMMENT are never returned by Next; comments are recorded (see
//     Comments) and, with KeepTokens, every token goes into Tokens.
//
// Errors are appended to the ErrorList given to Init with CPython 3.14's
// messages; the scanner then goes on with a best-effort token, so the
// parser always sees a well-formed stream ending in EOF.
package scanner

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/py314/py314/parser/token"
)

// Mode controls optional scanner behaviour.
type Mode uint8

const (
	// KeepTokens records every token, NL and COMMENT included, in Tokens.
	KeepTokens Mode = 1 << iota
)

// CPython's limits.
const (
	maxIndent      = 100 // indentation levels (MAXINDENT)
	maxLevel       = 200 // nested brackets (MAXLEVEL)
	maxFStringNest = 150 // nested f-strings and t-strings (MAXFSTRINGLEVEL)
	maxFieldNest   = 3   // replacement fields nested in format specs (MAX_EXPR_NESTING)
)

// bracket is an open bracket: its character and where it is.
type bracket struct {
	ch  byte // '(', '[' or '{'
	pos token.Pos
}

// fmode is the state of one f-string or t-string being scanned.
type fmode struct {
	quote   byte // ' or "
	triple  bool
	raw     bool
	tstring bool
	start   int   // offset of the prefix
	inExpr  bool  // scanning a replacement field (regular tokens)
	inSpec  bool  // scanning the literal text of a format spec
	fields  []int // len(brackets) just after the '{' of each open field, innermost last
}

// Scanner tokenizes decoded Python source. The zero value is not ready;
// call Init.
type Scanner struct {
	src  []byte
	errs *ErrorList
	mode Mode

	off         int  // reading offset
	lineHasTok  bool // the current logical line has a significant token
	atLineStart bool // at the start of a physical line that starts a logical line
	pendDedent  int  // DEDENT tokens still to return
	pendIndent  bool // an INDENT token is still to return
	indentStart int  // start of the indentation of the current line

	indents  []int // indentation columns (tabs to multiples of 8), innermost last
	altIndts []int // the same with tabs counting 1, for TabError
	brackets []bracket
	fmodes   []fmode

	comments []token.Span
	tokens   []token.Token

	unclosed    bracket // innermost bracket open at EOF
	hasUnclosed bool

	nonASCIIName bool // a NAME token with a non-ASCII character was scanned
	hasCR        bool // src holds a '\r': comments may end at one

	lineMemoOff, lineMemo int // last line lookup, to keep lineAt linear
}

// Init prepares s to scan src. Errors are appended to errs.
func (s *Scanner) Init(src []byte, errs *ErrorList, mode Mode) {
	*s = Scanner{
		src:         src,
		errs:        errs,
		mode:        mode,
		atLineStart: true,
		indents:     append(s.indents[:0], 0),
		altIndts:    append(s.altIndts[:0], 0),
		brackets:    s.brackets[:0],
		fmodes:      s.fmodes[:0],
		comments:    s.comments[:0],
		tokens:      s.tokens[:0],
		lineMemo:    1,
		hasCR:       bytes.IndexByte(src, '\r') >= 0,
	}
}

// Comments returns the spans of the comments scanned so far, '#'
// included, line ending excluded.
func (s *Scanner) Comments() []token.Span { return s.comments }

// Tokens returns every token scanned so far when Init was given
// KeepTokens, and nil otherwise.
func (s *Scanner) Tokens() []token.Token { return s.tokens }

// Unclosed reports the innermost bracket still open at the end of input.
func (s *Scanner) Unclosed() (ch byte, pos token.Pos, ok bool) {
	return s.unclosed.ch, s.unclosed.pos, s.hasUnclosed
}

// NonASCIINames reports whether a NAME token scanned so far holds a
// character outside ASCII. When it does not, every identifier is its own
// NFKC normal form and needs no normalization.
func (s *Scanner) NonASCIINames() bool { return s.nonASCIIName }

// Depth returns the number of brackets open after the last token.
func (s *Scanner) Depth() int { return len(s.brackets) }

// Next returns the next significant token. NL and COMMENT tokens are
// skipped. At the end of input it returns EOF, again and again.
func (s *Scanner) Next() token.Token {
	for {
		if t := s.scan(); s.take(t) {
			return t
		}
	}
}

// AppendTokens appends the tokens that Next returns, up to and including
// the first EOF, to dst and returns the extended slice. It is faster than
// a loop on Next: the common tokens in the middle of a line are scanned
// by appendLine without a call per token.
func (s *Scanner) AppendTokens(dst []token.Token) []token.Token {
	fast := s.mode&KeepTokens == 0 // appendLine does not record NL and COMMENT tokens
	for {
		if fast && s.atLineStart && s.pendDedent == 0 && !s.pendIndent && len(s.fmodes) == 0 {
			// scanLayout's case for a new line, without scanRegular
			// after it: appendLine takes the line's first token.
			s.atLineStart = false
			if t, ok := s.indentation(); ok {
				dst = append(dst, t) // INDENT or DEDENT: take would keep it
				continue
			}
		}
		if fast && s.midLine() {
			dst = appendLine(s, dst)
		}
		t := s.scan()
		if s.take(t) {
			dst = append(dst, t)
			if t.Kind == token.EOF {
				return dst
			}
		}
	}
}

// take records the token t that scan returned and reports whether it is
// significant.
func (s *Scanner) take(t token.Token) bool {
	if s.mode&KeepTokens != 0 {
		s.keep(t)
	}
	// The layout kinds come before NAME: one comparison tells the tokens
	// of a line's content from the rest.
	switch {
	case t.Kind >= token.NAME || t.Kind == token.ILLEGAL:
		s.lineHasTok = true
	case t.Kind == token.NL || t.Kind == token.COMMENT:
		return false
	}
	return true
}

// keep appends t to the token list, once for the final EOF.
func (s *Scanner) keep(t token.Token) {
	if !(t.Kind == token.EOF && len(s.tokens) > 0 && s.tokens[len(s.tokens)-1].Kind == token.EOF) {
		s.tokens = append(s.tokens, t)
	}
}

func mk(k token.Kind, start, end int) token.Token {
	return token.Token{Kind: k, Start: token.Pos(start), End: token.Pos(end)}
}

func (s *Scanner) error(pos, end int, typ ErrorType, msg string) {
	s.errs.Add(token.Pos(pos), token.Pos(end), typ, msg)
}

func (s *Scanner) errorf(pos int, format string, args ...any) {
	s.errs.Add(token.Pos(pos), token.Pos(pos), SyntaxError, fmt.Sprintf(format, args...))
}

// lineAt returns the 1-based line number of offset off.
func (s *Scanner) lineAt(off int) int {
	from, line := 0, 1
	if off >= s.lineMemoOff {
		from, line = s.lineMemoOff, s.lineMemo
	}
	src := s.src
	for i := from; i < off && i < len(src); i++ {
		switch src[i] {
		case '\n':
			line++
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				if i+1 >= off {
					break
				}
				i++
			}
			line++
		}
	}
	s.lineMemoOff, s.lineMemo = off, line
	return line
}

// eofLine is the line CPython reports for an error detected at the end of
// input: a final line break does not start another line.
func (s *Scanner) eofLine() int {
	n := len(s.src)
	if n > 0 && (s.src[n-1] == '\n' || s.src[n-1] == '\r') {
		return s.lineAt(n - 1)
	}
	return s.lineAt(n)
}

// scan returns the next token of any kind.
func (s *Scanner) scan() token.Token {
	if s.midLine() {
		return s.scanRegular()
	}
	return s.scanLayout()
}

// midLine reports whether the next token is inside a line, outside
// f-string text, with no INDENT or DEDENT pending: scanRegular's case, and
// most tokens'.
func (s *Scanner) midLine() bool {
	return s.pendDedent == 0 && !s.pendIndent && len(s.fmodes) == 0 && !s.atLineStart
}

// scanLayout is scan at the start of a line, with INDENT or DEDENT tokens
// pending, or inside an f-string.
func (s *Scanner) scanLayout() token.Token {
	if s.pendDedent > 0 {
		s.pendDedent--
		return mk(token.DEDENT, s.off, s.off)
	}
	if s.pendIndent {
		s.pendIndent = false
		return mk(token.INDENT, s.indentStart, s.off)
	}
	if n := len(s.fmodes); n > 0 && !s.fmodes[n-1].inExpr {
		return s.scanFStringText(&s.fmodes[n-1])
	}
	if s.atLineStart {
		s.atLineStart = false
		if t, ok := s.indentation(); ok {
			return t
		}
	}
	return s.scanRegular()
}

// indentation measures the indentation of a new logical line and returns
// the INDENT or first DEDENT it causes.
func (s *Scanner) indentation() (token.Token, bool) {
	src := s.src
	start := s.off
	col, alt := 0, 0
	i := s.off
	// Indentation is mostly runs of spaces, a good part of all source
	// bytes: take them eight at a time, and the last ones of the run at
	// once from the first byte of the word that is not a space.
	for i+8 <= len(src) {
		if w := binary.LittleEndian.Uint64(src[i:i+8]) ^ 0x2020202020202020; w != 0 {
			i += bits.TrailingZeros64(w) / 8
			break
		}
		i += 8
	}
	col, alt = i-s.off, i-s.off
loop:
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ':
			col++
			alt++
		case '\t':
			col = (col/8 + 1) * 8
			alt++
		case '\f':
			col, alt = 0, 0
		default:
			break loop
		}
	}
	s.off = i
	if i >= len(src) {
		return token.Token{}, false
	}
	switch src[i] {
	case '#', '\n', '\r':
		return token.Token{}, false // a blank line does not change indentation
	case '\\':
		// A line continuation right after the indentation: CPython still
		// measures the indentation.
	}
	top := len(s.indents) - 1
	switch {
	case col == s.indents[top]:
		if alt != s.altIndts[top] {
			s.error(start, start, TabError, "inconsistent use of tabs and spaces in indentation")
		}
	case col > s.indents[top]:
		if len(s.indents) >= maxIndent {
			s.error(start, start, IndentationError, "too many levels of indentation")
			return token.Token{}, false
		}
		if alt <= s.altIndts[top] {
			s.error(start, start, TabError, "inconsistent use of tabs and spaces in indentation")
		}
		s.indents = append(s.indents, col)
		s.altIndts = append(s.altIndts, alt)
		return mk(token.INDENT, start, i), true
	default:
		n := 0
		for top > 0 && col < s.indents[top] {
			top--
			n++
		}
		s.indents = s.indents[:top+1]
		s.altIndts = s.altIndts[:top+1]
		if col != s.indents[top] {
			// CPython points past the end of the line.
			end := i
			for end < len(src) && src[end] != '\n' && src[end] != '\r' {
				end++
			}
			s.error(end, end, IndentationError, "unindent does not match any outer indentation level")
		} else if alt != s.altIndts[top] {
			s.error(start, start, TabError, "inconsistent use of tabs and spaces in indentation")
		}
		s.pendDedent = n - 1
		return mk(token.DEDENT, i, i), true
	}
	return token.Token{}, false
}

// eof returns the tokens that end the input: NEWLINE if the last logical
// line has no newline, DEDENTs, then EOF.
func (s *Scanner) eof() token.Token {
	n := len(s.src)
	if len(s.brackets) > 0 {
		if !s.hasUnclosed {
			s.unclosed, s.hasUnclosed = s.brackets[len(s.brackets)-1], true
		}
		return mk(token.EOF, n, n)
	}
	if s.lineHasTok {
		s.lineHasTok = false
		return mk(token.NEWLINE, n, n)
	}
	if len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.altIndts = s.altIndts[:len(s.altIndts)-1]
		return mk(token.DEDENT, n, n)
	}
	return mk(token.EOF, n, n)
}

// Byte classes, for the scanner's inner loops.
const (
	classIdentStart = 1 << iota // ASCII letter or '_'
	classIdentCont              // ASCII letter, digit or '_'
	classStringStop             // a byte that may end a run of string body: quote, '\\', newline
	classSpace                  // a space between tokens: ' ', '\t', '\f'
	classNameStop               // after ASCII letters, a string prefix or a non-ASCII name: quote, byte >= 0x80
)

// byteClass is a read-only table of byte classes, built once.
var byteClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= classIdentStart | classIdentCont
		t[c-'a'+'A'] |= classIdentStart | classIdentCont
	}
	t['_'] |= classIdentStart | classIdentCont
	for c := '0'; c <= '9'; c++ {
		t[c] |= classIdentCont
	}
	for _, c := range "'\"\\\n\r" {
		t[c] |= classStringStop
	}
	for _, c := range " \t\f" {
		t[c] |= classSpace
	}
	t['"'] |= classNameStop
	t['\''] |= classNameStop
	for c := 0x80; c < 0x100; c++ {
		t[c] |= classNameStop
	}
	return t
}()

func isASCIIIdentStart(c byte) bool { return byteClass[c]&classIdentStart != 0 }

func isASCIIIdentContinue(c byte) bool { return byteClass[c]&classIdentCont != 0 }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// scanRegular scans one token outside f-string literal text.
func (s *Scanner) scanRegular() token.Token {
	src := s.src
again:
	i := s.off
	for i < len(src) && byteClass[src[i]]&classSpace != 0 {
		i++
	}
	s.off = i
	if i >= len(src) {
		// Inside a replacement field the '{' is an open bracket: eof
		// records it for the parser's "'{' was never closed".
		return s.eof()
	}
	start := i
	c := src[i]
	switch {
	case isASCIIIdentStart(c) || c >= 0x80:
		return s.scanName(start)
	case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
		return s.scanNumber(start)
	case c == '\'' || c == '"':
		if f := s.topFMode(); f != nil && c == f.quote {
			return s.quoteInField(f, start)
		}
		return s.scanString(start, start)
	case c == '#':
		j := s.commentEnd(i)
		s.off = j
		s.comments = append(s.comments, token.Span{Start: token.Pos(start), End: token.Pos(j)})
		return mk(token.COMMENT, start, j)
	case c == '\n' || c == '\r':
		j := i + 1
		if c == '\r' && j < len(src) && src[j] == '\n' {
			j++
		}
		s.off = j
		if len(s.brackets) > 0 || !s.lineHasTok {
			if len(s.brackets) == 0 {
				s.atLineStart = true
			}
			return mk(token.NL, start, j)
		}
		s.atLineStart = true
		s.lineHasTok = false
		return mk(token.NEWLINE, start, j)
	case c == '\\':
		j := i + 1
		switch {
		case j >= len(src):
			s.error(j, j, SyntaxError, "unexpected EOF while parsing")
			s.off = j
			return s.eof()
		case src[j] == '\n':
			s.off = j + 1
		case src[j] == '\r':
			s.off = j + 1
			if s.off < len(src) && src[s.off] == '\n' {
				s.off++
			}
		default:
			s.error(j, j, SyntaxError, "unexpected character after line continuation character")
			s.off = j
			return mk(token.ILLEGAL, start, j)
		}
		if s.off >= len(src) {
			s.error(s.off, s.off, SyntaxError, "unexpected EOF while parsing")
			return s.eof()
		}
		goto again
	}
	return s.scanOperator(start)
}

// commentEnd returns the offset of the line end after the comment that
// starts at i, or the end of the source.
func (s *Scanner) commentEnd(i int) int {
	src := s.src
	j := len(src)
	if k := bytes.IndexByte(src[i:], '\n'); k >= 0 {
		j = i + k
	}
	if s.hasCR { // one look at the whole source, in Init, spares one per comment
		if k := bytes.IndexByte(src[i:j], '\r'); k >= 0 {
			j = i + k
		}
	}
	return j
}
