package ast

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Repr returns Python's repr() of the value.
func (v Value) Repr() string {
	switch v.Kind {
	case NoneValue:
		return "None"
	case TrueValue:
		return "True"
	case FalseValue:
		return "False"
	case EllipsisValue:
		return "Ellipsis"
	case IntValue:
		return v.Int().String()
	case FloatValue:
		return ReprFloat(v.Float())
	case ImagValue:
		return reprFloat(v.Float(), false) + "j"
	case StrValue:
		return ReprStr(v.Text)
	case BytesValue:
		return ReprBytes(v.Text)
	}
	return "None"
}

// Int returns the value of an integer literal.
func (v Value) Int() *big.Int {
	s := strings.ReplaceAll(v.Text, "_", "")
	base := 10
	if len(s) > 1 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			base, s = 16, s[2:]
		case 'o', 'O':
			base, s = 8, s[2:]
		case 'b', 'B':
			base, s = 2, s[2:]
		}
	}
	if base == 10 {
		s = strings.TrimLeft(s, "0")
		if s == "" {
			s = "0"
		}
	}
	n, ok := new(big.Int).SetString(s, base)
	if !ok {
		return new(big.Int)
	}
	return n
}

// Float returns the value of a float literal, or the imaginary part of an
// imaginary literal.
func (v Value) Float() float64 {
	s := strings.ReplaceAll(v.Text, "_", "")
	s = strings.TrimRight(s, "jJ")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(f, 0) {
		return 0
	}
	return f
}

// ReprFloat returns Python's repr() of a float.
func ReprFloat(f float64) string { return reprFloat(f, true) }

// reprFloat formats f as Python's float_repr_style 'short' does: the
// shortest digits that round-trip, in positional notation for exponents
// from -4 to 15 and in scientific notation otherwise. addDot0 adds ".0" to
// integral values in positional notation, as repr(float) does and
// repr(complex) does not.
func reprFloat(f float64, addDot0 bool) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // "-d.ddde+XX"
	neg := false
	if e[0] == '-' {
		neg, e = true, e[1:]
	}
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if exp < -4 || exp >= 16 {
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		if exp < 0 {
			b.WriteByte('-')
			exp = -exp
		} else {
			b.WriteByte('+')
		}
		if exp < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(exp))
		return b.String()
	}
	point := exp + 1 // digits before the decimal point
	switch {
	case point <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -point))
		b.WriteString(digits)
	case point >= len(digits):
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", point-len(digits)))
		if addDot0 {
			b.WriteString(".0")
		}
	default:
		b.WriteString(digits[:point])
		b.WriteByte('.')
		b.WriteString(digits[point:])
	}
	return b.String()
}

// ReprStr returns Python's repr() of a str. s holds the string in UTF-8,
// with lone surrogates encoded as three-byte sequences (WTF-8).
func ReprStr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == quote || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\t':
				b.WriteString(`\t`)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c < ' ' || c == 0x7f:
				writeHex(&b, `\x`, uint32(c), 2)
			default:
				b.WriteByte(c)
			}
			continue
		}
		r, size := DecodeWTF8(s[i:])
		if size == 0 {
			// Not even WTF-8: cannot come from the parser.
			writeHex(&b, `\x`, uint32(c), 2)
			i++
			continue
		}
		switch {
		case IsPrintable(r):
			b.WriteString(s[i : i+size])
		case r <= 0xff:
			writeHex(&b, `\x`, uint32(r), 2)
		case r <= 0xffff:
			writeHex(&b, `\u`, uint32(r), 4)
		default:
			writeHex(&b, `\U`, uint32(r), 8)
		}
		i += size
	}
	b.WriteByte(quote)
	return b.String()
}

// ReprBytes returns Python's repr() of a bytes object.
func ReprBytes(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 3)
	b.WriteByte('b')
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			writeHex(&b, `\x`, uint32(c), 2)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

func writeHex(b *strings.Builder, prefix string, v uint32, width int) {
	const hex = "0123456789abcdef"
	b.WriteString(prefix)
	for i := width - 1; i >= 0; i-- {
		b.WriteByte(hex[(v>>(4*uint(i)))&0xf])
	}
}

// DecodeWTF8 decodes the first code point of s, accepting encoded
// surrogates (U+D800 to U+DFFF) as utf8.DecodeRuneInString does not. It
// returns size 0 for an invalid sequence.
func DecodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xed && s[1] >= 0xa0 && s[1] <= 0xbf && s[2]&0xc0 == 0x80 {
		return rune(0xd000) | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), 3
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size <= 1 {
		return r, 0
	}
	return r, size
}

// IsPrintable reports whether CPython 3.14's str.isprintable() holds for
// the one-character string chr(r): r is a space or in a Unicode 16.0
// category other than Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs. Surrogates are not
// printable.
func IsPrintable(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= ' ' && r < 0x7f
	}
	c := uint32(r)
	lo, hi := 0, len(printableRanges)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if printableRanges[2*m+1] < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(printableRanges)/2 && printableRanges[2*lo] <= c
}
