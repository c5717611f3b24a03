package scanner

import (
	"encoding/binary"
	"math/bits"

	"github.com/py314/py314/parser/token"
)

// The scanner spends most of its time on a few kinds of tokens in the
// middle of lines: ASCII names, brackets, commas, dots, newlines. The
// general path returns each token through scan and take, several calls
// with their register spills per token. appendLine scans runs of those
// tokens in one loop, dispatched on the first byte, appending them to the
// token slice directly; everything else (layout, f-strings, backslashes,
// string prefixes, non-ASCII names, errors) it leaves to scan. On the
// standard library this removes about a third of the scanner's
// instructions.

// Lead-byte classes for appendLine.
const (
	leadOther   = iota // handled by scan
	leadName           // ASCII letter or '_'
	leadDigit          // '0'-'9'
	leadQuote          // ' or "
	leadOne            // an operator that is always one byte: , ; ~
	leadOpen           // ( [ {
	leadClose          // ) ] }
	leadDot            // .
	leadOneEq          // : or =, alone or followed by '='
	leadOp             // another operator character, for scanOperator
	leadHash           // #
	leadNewline        // \n or \r
	leadSpace          // \t or \f (spaces are skipped before the dispatch)
)

// leadClass and leadKind are read-only tables, built once: the class of
// each first byte and, for one-byte tokens, their kind.
var leadClass, leadKind = func() (c [256]uint8, k [256]token.Kind) {
	for b := 0; b < 256; b++ {
		switch {
		case byteClass[b]&classIdentStart != 0:
			c[b] = leadName
		case isDigit(byte(b)):
			c[b] = leadDigit
		}
	}
	set := func(class uint8, chars string, kinds ...token.Kind) {
		for i := 0; i < len(chars); i++ {
			c[chars[i]] = class
			if kinds != nil {
				k[chars[i]] = kinds[i]
			}
		}
	}
	set(leadQuote, `'"`)
	set(leadOne, ",;~", token.COMMA, token.SEMI, token.TILDE)
	set(leadOpen, "([{", token.LPAR, token.LSQB, token.LBRACE)
	set(leadClose, ")]}", token.RPAR, token.RSQB, token.RBRACE)
	set(leadDot, ".", token.DOT)
	set(leadOneEq, ":=", token.COLON, token.EQUAL)
	set(leadOp, "+-*/%&|^@<>!")
	set(leadHash, "#")
	set(leadNewline, "\n\r")
	set(leadSpace, "\t\f")
	return c, k
}()

// appendLine appends to dst the tokens from s.off on, for as long as they
// are of the kinds it handles, and returns the extended slice. It stops
// after a NEWLINE, at the start of a physical line that starts a logical
// line (after a blank line's NL), or before a token it leaves to scan,
// with s.off there. It must be called in the state midLine reports: no
// f-string is open, so brackets need no field bookkeeping.
//
// It is a function rather than a method so that s stays a plain pointer
// parameter; the loop keeps the offset in a local variable and stores it
// only when it calls out or returns.
func appendLine(s *Scanner, dst []token.Token) []token.Token {
	src := s.src
	i := s.off
loop:
	for {
		if i >= len(src) {
			break
		}
		c := src[i]
		// Most tokens follow no space or one: a comparison per space
		// here, tabs and form feeds through the dispatch.
		for c == ' ' {
			if i++; i >= len(src) {
				break loop
			}
			c = src[i]
		}
		start := i
		var k token.Kind
		var t token.Token
		switch leadClass[c] {
		case leadName:
			// The name's first eight bytes, as a word, find its end
			// and, when it is no longer, whether it is a keyword.
			var w uint64
			if i+8 <= len(src) {
				w = binary.LittleEndian.Uint64(src[i : i+8])
				if m := identStops(w); m != 0 {
					i += bits.TrailingZeros64(m) / 8
					w &= (m&-m)>>7 - 1 // the bytes before the first stop
				} else if i = identEnd(src, i+8); i-start > 8 {
					w = 0 // too long for a keyword
				}
			} else {
				i = identEnd(src, i+1)
				for j := i - 1; j >= start; j-- {
					w = w<<8 | uint64(src[j])
				}
			}
			if i < len(src) && byteClass[src[i]]&classNameStop != 0 {
				// A string prefix or a non-ASCII name.
				t = s.scanName(start)
				goto called
			}
			k = keywordKind(w)
		case leadOne:
			k = leadKind[c]
			i++
		case leadOpen:
			if len(s.brackets) >= maxLevel {
				break loop // the error is scanOperator's
			}
			s.brackets = append(s.brackets, bracket{ch: c, pos: token.Pos(start)})
			k = leadKind[c]
			i++
		case leadClose:
			n := len(s.brackets)
			if n == 0 || closing(s.brackets[n-1].ch) != c {
				break loop // the errors are scanOperator's
			}
			s.brackets = s.brackets[:n-1]
			k = leadKind[c]
			i++
		case leadDot:
			if i+1 < len(src) && isDigit(src[i+1]) {
				t = s.scanNumber(start)
				goto called
			}
			if i+1 < len(src) && src[i+1] == '.' {
				t = s.scanOperator(start) // an ellipsis, or two dots
				goto called
			}
			k = token.DOT
			i++
		case leadOneEq:
			if i+1 < len(src) && src[i+1] == '=' {
				t = s.scanOperator(start) // := or ==
				goto called
			}
			k = leadKind[c]
			i++
		case leadDigit:
			t = s.scanNumber(start)
			goto called
		case leadQuote:
			t = s.scanString(start, start)
			goto called
		case leadOp:
			t = s.scanOperator(start)
			goto called
		case leadHash:
			j := s.commentEnd(i)
			s.comments = append(s.comments, token.Span{Start: token.Pos(start), End: token.Pos(j)})
			i = j
			continue
		case leadSpace:
			i++
			continue
		case leadNewline:
			i++
			if c == '\r' && i < len(src) && src[i] == '\n' {
				i++
			}
			if len(s.brackets) > 0 {
				continue // NL: the logical line goes on
			}
			if s.lineHasTok {
				s.lineHasTok = false
				dst = append(dst, mk(token.NEWLINE, start, i))
			}
			// The next line's indentation, in the common cases that
			// need no INDENT or DEDENT and no error: spaces as deep as
			// the current block, or any spaces before a blank line or
			// a comment. Anything else is indentation's.
			j := i
			for j+8 <= len(src) {
				if w := binary.LittleEndian.Uint64(src[j:j+8]) ^ 0x2020202020202020; w != 0 {
					j += bits.TrailingZeros64(w) / 8
					break
				}
				j += 8
			}
			for j < len(src) && src[j] == ' ' {
				j++
			}
			if j < len(src) {
				switch col, top := j-i, len(s.indents)-1; {
				case src[j] == '\n' || src[j] == '\r' || src[j] == '#':
					i = j
					continue
				case src[j] != '\t' && src[j] != '\f' && col == s.indents[top] && col == s.altIndts[top]:
					i = j
					continue
				}
			}
			s.off = i
			s.atLineStart = true
			return dst
		default:
			break loop
		}
		dst = append(dst, mk(k, start, i))
		s.lineHasTok = true
		continue
	called:
		// The token t came from one of the general functions, which set
		// s.off; it is of the line's content (ILLEGAL for a stray
		// character). It may have started an f-string, whose text is
		// scan's.
		dst = append(dst, t)
		s.lineHasTok = true
		i = s.off
		if len(s.fmodes) > 0 {
			return dst
		}
	}
	s.off = i
	return dst
}

// identEnd returns the end of the run of ASCII identifier characters that
// starts at i.
func identEnd(src []byte, i int) int {
	for i+8 <= len(src) {
		n := identRun(binary.LittleEndian.Uint64(src[i : i+8]))
		i += n
		if n < 8 {
			return i
		}
	}
	for i < len(src) && isASCIIIdentContinue(src[i]) {
		i++
	}
	return i
}

// identRun returns how many of the eight bytes of w, taken in little
// endian order, are ASCII identifier characters before the first that is
// not.
func identRun(w uint64) int { return bits.TrailingZeros64(identStops(w)) / 8 }

// identStops returns the high bits of the bytes of w that are not ASCII
// identifier characters. It tests all eight at once (SWAR): a byte x below
// 0x80 lies in [lo, hi] when x+(0x80-lo) has its high bit set and
// x+(0x7f-hi) has not; with the high bits cleared first, no sum carries
// into the next byte. Eight bytes cost about as much as two did one at a
// time.
func identStops(w uint64) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	x := w &^ high
	l := x | 0x20*ones // letters in lower case
	letter := (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones)
	digit := (x + (0x80-'0')*ones) &^ (x + (0x7f-'9')*ones)
	under := ^((x ^ '_'*ones) + 0x7f*ones)     // high bit set when x == '_'
	ok := (letter | digit | under) &^ w & high // and w's byte is ASCII
	return ^ok & high
}

// Keywords are found by a perfect hash of their bytes: keywordMagic maps
// the word of each keyword's bytes (little endian, zero-padded to eight
// bytes, as identRun reads them) to a distinct slot of keywords. A name
// then costs a multiplication and one comparison instead of a call to
// token.Lookup. TestKeywordKind checks the table against token.Lookup.
const keywordMagic = 0xb57c8e05e3c9b0e1

type keywordSlot struct {
	word uint64
	kind token.Kind
}

// keywords is a read-only table, built once. Empty slots have the word 0,
// which is also the word of a name too long for a keyword, and the kind
// NAME.
var keywords = func() (t [64]keywordSlot) {
	for i := range t {
		t[i].kind = token.NAME
	}
	for k := token.Kind(0); k < 255; k++ {
		if k.IsKeyword() {
			w := keywordWord(k.String())
			t[w*keywordMagic>>58] = keywordSlot{w, k}
		}
	}
	return t
}()

// keywordWord returns the word of the bytes of a name of at most eight
// bytes, little endian, zero-padded.
func keywordWord(name string) uint64 {
	var w uint64
	for j := len(name) - 1; j >= 0; j-- {
		w = w<<8 | uint64(name[j])
	}
	return w
}

// keywordKind returns the kind of the name whose word is w: its keyword
// kind, or NAME.
func keywordKind(w uint64) token.Kind {
	if e := &keywords[w*keywordMagic>>58]; e.word == w {
		return e.kind
	}
	return token.NAME
}
