package scanner

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/py314/py314/parser/token"
)

// scanName scans an identifier, a keyword, or the prefix of a string.
func (s *Scanner) scanName(start int) token.Token {
	src := s.src
	i := start
	// The ASCII part of the identifier first: most names are nothing else,
	// and only a name of at most 3 letters followed by a quote may be a
	// string prefix. Four bytes at a time while they are all identifier
	// characters, then one at a time.
	for i+4 <= len(src) && byteClass[src[i]]&byteClass[src[i+1]]&byteClass[src[i+2]]&byteClass[src[i+3]]&classIdentCont != 0 {
		i += 4
	}
	for i < len(src) && isASCIIIdentContinue(src[i]) {
		i++
	}
	if i-start <= 3 && i < len(src) && (src[i] == '"' || src[i] == '\'') {
		if t, ok := s.stringPrefix(start, i); ok {
			return t
		}
	}
	ascii := true
	for i < len(src) {
		c := src[i]
		if isASCIIIdentContinue(c) {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		ascii = false
		_, size := utf8.DecodeRune(src[i:])
		i += size
	}
	s.off = i
	if !ascii {
		if !s.verifyIdent(start, i) {
			return mk(token.ILLEGAL, start, i)
		}
		s.nonASCIIName = true
	}
	return mk(token.Lookup(src[start:i]), start, i)
}

// stringPrefix scans the string whose prefix would be src[start:q], q
// being a quote, and reports false if that is not a prefix: at most one
// each of b, r, u, f, t, in the combinations Python allows.
func (s *Scanner) stringPrefix(start, q int) (token.Token, bool) {
	var sawB, sawR, sawU, sawF, sawT bool
	for _, c := range s.src[start:q] {
		switch c | 0x20 { // lower case for letters
		case 'b':
			if sawB || sawU || sawF || sawT {
				return token.Token{}, false
			}
			sawB = true
		case 'u':
			if sawB || sawU || sawR || sawF || sawT {
				return token.Token{}, false
			}
			sawU = true
		case 'r':
			if sawR || sawU {
				return token.Token{}, false
			}
			sawR = true
		case 'f':
			if sawF || sawB || sawU || sawT {
				return token.Token{}, false
			}
			sawF = true
		case 't':
			if sawT || sawB || sawU || sawF {
				return token.Token{}, false
			}
			sawT = true
		default:
			return token.Token{}, false
		}
	}
	if sawF || sawT {
		return s.startFString(start, q, sawR, sawT), true
	}
	return s.scanString(start, q), true
}

// verifyIdent reports whether src[start:end] is a valid identifier, and
// reports the first character that is not.
func (s *Scanner) verifyIdent(start, end int) bool {
	src := s.src
	for i := start; i < end; {
		r, size := utf8.DecodeRune(src[i:end])
		ok := false
		if i == start {
			ok = isIdentStart(r)
		} else {
			ok = isIdentContinue(r)
		}
		if !ok {
			if r == utf8.RuneError && size <= 1 {
				s.errorf(i, "invalid character '\\x%02x'", src[i])
			} else if isPrintable(r) {
				s.errorf(i, "invalid character '%c' (U+%04X)", r, r)
			} else {
				s.errorf(i, "invalid non-printable character U+%04X", r)
			}
			return false
		}
		i += size
	}
	return true
}

// scanString scans a string or bytes literal whose prefix is
// src[start:q] and whose opening quote is at q.
func (s *Scanner) scanString(start, q int) token.Token {
	src := s.src
	quote := src[q]
	triple := q+2 < len(src) && src[q+1] == quote && src[q+2] == quote
	i := q + 1
	if triple {
		i = q + 3
		// Triple-quoted strings are mostly long docstrings: jump from
		// quote to quote with a vectorized IndexByte rather than look at
		// every byte, looking for backslashes only in between.
		for {
			k := bytes.IndexByte(src[i:], quote)
			if k < 0 {
				i = len(src)
				break
			}
			if b := bytes.IndexByte(src[i:i+k], '\\'); b >= 0 {
				i += b + 1 // skip the escaped character, as below
				if i < len(src) {
					if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
						i++
					}
					i++
				}
				continue
			}
			i += k
			if i+2 < len(src) && src[i+1] == quote && src[i+2] == quote {
				s.off = i + 3
				return mk(token.STRING, start, i+3)
			}
			i++
		}
	}
	for i < len(src) {
		// Eight bytes at a time up to the next quote, backslash or line
		// end: most strings are short runs of plain text.
		for i+8 <= len(src) {
			if m := stringStops(binary.LittleEndian.Uint64(src[i:i+8]), quote); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		if i >= len(src) {
			break
		}
		c := src[i]
		if byteClass[c]&classStringStop == 0 {
			i++
			continue
		}
		switch {
		case c == '\\':
			i++
			if i < len(src) {
				if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
				i++
			}
			continue
		case c == quote:
			if !triple {
				s.off = i + 1
				return mk(token.STRING, start, i+1)
			}
			if i+2 < len(src) && src[i+1] == quote && src[i+2] == quote {
				s.off = i + 3
				return mk(token.STRING, start, i+3)
			}
		case (c == '\n' || c == '\r') && !triple:
			hint := ""
			if i-2 > q && src[i-1] == quote && src[i-2] == '\\' {
				hint = "; perhaps you escaped the end quote?"
			}
			s.errorf(start, "unterminated string literal (detected at line %d)%s", s.lineAt(i), hint)
			s.off = i
			return mk(token.STRING, start, i)
		}
		i++
	}
	if triple {
		s.errorf(start, "unterminated triple-quoted string literal (detected at line %d)", s.eofLine())
	} else {
		s.errorf(start, "unterminated string literal (detected at line %d)", s.eofLine())
	}
	s.off = len(src)
	return mk(token.STRING, start, len(src))
}

// scanNumber scans a numeric literal, with CPython's errors for malformed
// ones.
func (s *Scanner) scanNumber(start int) token.Token {
	src := s.src
	i := start
	peek := func(j int) byte {
		if j < len(src) {
			return src[j]
		}
		return 0
	}
	fail := func(at int, msg string) token.Token {
		if !strings.HasPrefix(msg, "invalid digit") && at > start {
			at-- // CPython points at the last character read
		}
		s.errorf(at, "%s", msg)
		// Skip the rest of the malformed literal.
		for i < len(src) && (isASCIIIdentContinue(src[i]) || src[i] == '.') {
			i++
		}
		s.off = i
		return mk(token.NUMBER, start, i)
	}
	// digits scans digits accepted by ok, with single underscores between
	// them; it returns false on a misplaced underscore.
	digits := func(ok func(byte) bool) bool {
		for {
			for i < len(src) && ok(src[i]) {
				i++
			}
			if peek(i) != '_' {
				return true
			}
			i++
			if !ok(peek(i)) {
				return false
			}
		}
	}
	isHex := func(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }
	isOct := func(c byte) bool { return '0' <= c && c <= '7' }
	isBin := func(c byte) bool { return c == '0' || c == '1' }

	if src[i] == '0' && (peek(i+1)|0x20 == 'x' || peek(i+1)|0x20 == 'o' || peek(i+1)|0x20 == 'b') {
		kind := peek(i+1) | 0x20
		i += 2
		var ok func(byte) bool
		var name string
		switch kind {
		case 'x':
			ok, name = isHex, "hexadecimal"
		case 'o':
			ok, name = isOct, "octal"
		default:
			ok, name = isBin, "binary"
		}
		if peek(i) == '_' {
			i++
		}
		if !ok(peek(i)) {
			if kind != 'x' && isDigit(peek(i)) {
				return fail(i, "invalid digit '"+string(peek(i))+"' in "+name+" literal")
			}
			return fail(i, "invalid "+name+" literal")
		}
		if !digits(ok) {
			if kind != 'x' && isDigit(peek(i)) {
				return fail(i, "invalid digit '"+string(peek(i))+"' in "+name+" literal")
			}
			return fail(i, "invalid "+name+" literal")
		}
		if kind != 'x' && isDigit(peek(i)) {
			return fail(i, "invalid digit '"+string(peek(i))+"' in "+name+" literal")
		}
		return s.endNumber(start, i, name)
	}

	isFloat := false
	leadingZero := false
	if src[i] != '.' {
		if src[i] == '0' {
			// Only zeros may follow a leading zero in an integer.
			for peek(i) == '0' || peek(i) == '_' && peek(i+1) == '0' {
				if peek(i) == '_' {
					i++
				}
				i++
			}
		}
		j := i
		if !digits(isDigit) {
			return fail(i, "invalid decimal literal")
		}
		if src[start] == '0' && i > j {
			// Digits after leading zeros: fine for a float ("0_9.9"),
			// an error for an integer.
			leadingZero = true
		}
	}
	if peek(i) == '.' {
		isFloat = true
		i++
		if isDigit(peek(i)) && !digits(isDigit) {
			return fail(i, "invalid decimal literal")
		}
	}
	if c := peek(i); c == 'e' || c == 'E' {
		j := i + 1
		if peek(j) == '+' || peek(j) == '-' {
			j++
			if !isDigit(peek(j)) {
				i = j
				return fail(j, "invalid decimal literal")
			}
		} else if !isDigit(peek(j)) {
			// "1else": the number ends before the e.
			if leadingZero {
				return s.leadingZeros(start, i)
			}
			if isFloat {
				return s.endNumber(start, i, "decimal")
			}
			return s.endNumber(start, i, "decimal")
		}
		i = j
		if !digits(isDigit) {
			return fail(i, "invalid decimal literal")
		}
		isFloat = true
	}
	if c := peek(i); c == 'j' || c == 'J' {
		i++
		return s.endNumber(start, i, "imaginary")
	}
	if leadingZero && !isFloat {
		return s.leadingZeros(start, i)
	}
	return s.endNumber(start, i, "decimal")
}

func (s *Scanner) leadingZeros(start, end int) token.Token {
	s.error(start, end, SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
	s.off = end
	return mk(token.NUMBER, start, end)
}

// endNumber checks what follows a number: a keyword that may follow it
// ("1if x else 2") is accepted, any other identifier character is an
// error, as in CPython.
func (s *Scanner) endNumber(start, end int, kind string) token.Token {
	src := s.src
	s.off = end
	if end < len(src) && isASCIIIdentContinue(src[end]) {
		rest := src[end:]
		has := func(kw string) bool { return len(rest) >= len(kw) && string(rest[:len(kw)]) == kw }
		switch {
		case has("and"), has("else"), has("for"), has("if"), has("in"), has("is"), has("not"), has("or"):
			// SyntaxWarning in CPython, not an error.
		default:
			s.errorf(end-1, "invalid %s literal", kind)
			i := end
			for i < len(src) && isASCIIIdentContinue(src[i]) {
				i++
			}
			s.off = i
			return mk(token.NUMBER, start, i)
		}
	}
	return mk(token.NUMBER, start, end)
}

// stringStops returns a word with the high bit set in the first byte of w
// (little endian) that is quote, a backslash, '\n' or '\r', and perhaps in
// bytes after it; zero when there is none. A byte of x = w^c*ones is zero
// where w holds c, and (x-ones)&^x has the high bit of the first zero byte
// set (later bytes may show false positives, through the borrow).
func stringStops(w uint64, quote byte) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	zero := func(x uint64) uint64 { return (x - ones) &^ x & high }
	return zero(w^uint64(quote)*ones) | zero(w^'\\'*ones) | zero(w^'\n'*ones) | zero(w^'\r'*ones)
}
