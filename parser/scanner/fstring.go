package scanner

import (
	"github.com/py314/py314/parser/token"
)

// topFMode returns the innermost f-string or t-string if its replacement
// field is being scanned, and nil otherwise.
func (s *Scanner) topFMode() *fmode {
	if n := len(s.fmodes); n > 0 && s.fmodes[n-1].inExpr {
		return &s.fmodes[n-1]
	}
	return nil
}

// startFString returns the START token of an f-string or t-string whose
// prefix is src[start:q] and whose opening quote is at q.
func (s *Scanner) startFString(start, q int, raw, tstring bool) token.Token {
	src := s.src
	quote := src[q]
	triple := q+2 < len(src) && src[q+1] == quote && src[q+2] == quote
	end := q + 1
	if triple {
		end = q + 3
	}
	if len(s.fmodes)+1 >= maxFStringNest {
		// CPython counts the new string in the limit.
		s.errorf(q, "too many nested f-strings or t-strings")
	}
	s.fmodes = append(s.fmodes, fmode{
		quote: quote, triple: triple, raw: raw, tstring: tstring, start: start,
		fields: s.spareFields(),
	})
	s.off = end
	if tstring {
		return mk(token.TSTRING_START, start, end)
	}
	return mk(token.FSTRING_START, start, end)
}

// spareFields returns an empty slice, reusing the storage of a popped
// f-string mode when there is one.
func (s *Scanner) spareFields() []int {
	if n := len(s.fmodes); n < cap(s.fmodes) {
		return s.fmodes[:n+1][n].fields[:0]
	}
	return nil
}

// kind names the string in messages: "f-string" or "t-string".
func (f *fmode) kind() string {
	if f.tstring {
		return "t-string"
	}
	return "f-string"
}

func (f *fmode) middle() token.Kind {
	if f.tstring {
		return token.TSTRING_MIDDLE
	}
	return token.FSTRING_MIDDLE
}

// openField enters the replacement field whose '{' is at pos.
func (s *Scanner) openField(f *fmode, pos int) token.Token {
	if len(s.brackets) >= maxLevel {
		s.errorf(pos, "too many nested parentheses")
	}
	if len(f.fields) >= maxFieldNest {
		kind := "f-string"
		if f.tstring {
			kind = "t-string"
		}
		s.errorf(pos-1, "%s: expressions nested too deeply", kind)
	}
	s.brackets = append(s.brackets, bracket{ch: '{', pos: token.Pos(pos)})
	f.fields = append(f.fields, len(s.brackets))
	f.inExpr, f.inSpec = true, false
	s.off = pos + 1
	return mk(token.LBRACE, pos, pos+1)
}

// closeField leaves the innermost replacement field at its '}'. The
// caller has consumed the brace.
func (s *Scanner) closeField(f *fmode) {
	s.brackets = s.brackets[:len(s.brackets)-1]
	f.fields = f.fields[:len(f.fields)-1]
	f.inExpr = false
	// Back in the format spec of the enclosing field, or in the text.
	f.inSpec = len(f.fields) > 0
}

// scanFStringText scans literal text of an f-string or t-string, or of a
// format spec, up to the next replacement field or the closing quote.
func (s *Scanner) scanFStringText(f *fmode) token.Token {
	src := s.src
	start := s.off
	i := start
	for i < len(src) {
		c := src[i]
		switch {
		case c == f.quote && (!f.triple || i+2 < len(src) && src[i+1] == c && src[i+2] == c):
			if f.inSpec {
				// The quote ends the string inside a format spec.
				s.errorf(i, "f-string: expecting '}'")
				s.brackets = s.brackets[:f.fields[0]-1]
				f.fields = f.fields[:0]
				f.inSpec = false
			}
			if i > start {
				s.off = i
				return mk(f.middle(), start, i)
			}
			n := 1
			if f.triple {
				n = 3
			}
			s.off = i + n
			return s.endFString(i, i+n)
		case c == '{':
			if !f.inSpec && i+1 < len(src) && src[i+1] == '{' {
				i += 2
				continue
			}
			if i > start {
				s.off = i
				return mk(f.middle(), start, i)
			}
			return s.openField(f, i)
		case c == '}':
			if f.inSpec {
				if i > start {
					s.off = i
					return mk(f.middle(), start, i)
				}
				s.off = i + 1
				s.closeField(f)
				return mk(token.RBRACE, i, i+1)
			}
			if i+1 < len(src) && src[i+1] == '}' {
				i += 2
				continue
			}
			s.errorf(i, "%s: single '}' is not allowed", f.kind())
			i++
			continue
		case c == '\\':
			i++
			if i >= len(src) {
				continue
			}
			switch d := src[i]; {
			case d == '{' || d == '}':
				// The brace keeps its meaning after a backslash.
				continue
			case d == 'N' && !f.raw && i+1 < len(src) && src[i+1] == '{':
				// \N{NAME}: the braces belong to the escape.
				j := i + 2
				for j < len(src) && src[j] != '}' && src[j] != f.quote && src[j] != '\n' && src[j] != '\r' {
					j++
				}
				if j < len(src) && src[j] == '}' {
					j++
				}
				i = j
				continue
			case d == '\r' && i+1 < len(src) && src[i+1] == '\n':
				i += 2
				continue
			}
			i++
			continue
		case (c == '\n' || c == '\r') && !f.triple:
			if f.inSpec {
				s.errorf(i, "f-string: newlines are not allowed in format specifiers for single quoted f-strings")
			}
			if i > start {
				s.off = i
				return mk(f.middle(), start, i)
			}
			s.off = i
			return s.unterminatedFString()
		}
		i++
	}
	if i > start {
		s.off = i
		return mk(f.middle(), start, i)
	}
	s.off = i
	return s.unterminatedFString()
}

// endFString pops the innermost f-string and returns its END token.
func (s *Scanner) endFString(start, end int) token.Token {
	f := &s.fmodes[len(s.fmodes)-1]
	k := token.FSTRING_END
	if f.tstring {
		k = token.TSTRING_END
	}
	s.fmodes = s.fmodes[:len(s.fmodes)-1]
	return mk(k, start, end)
}

// unterminatedFString reports the innermost f-string as unterminated at
// the current offset, closes what it left open and returns an empty END
// token so that the parser sees a complete string.
func (s *Scanner) unterminatedFString() token.Token {
	f := &s.fmodes[len(s.fmodes)-1]
	kind := "f-string"
	if f.tstring {
		kind = "t-string"
	}
	switch {
	case len(f.fields) > 0:
		s.errorf(s.off, "%s: expecting '}'", kind)
	case f.triple:
		s.errorf(f.start, "unterminated triple-quoted %s literal (detected at line %d)", kind, s.eofLine())
	default:
		s.errorf(f.start, "unterminated %s literal (detected at line %d)", kind, s.lineAt(s.off))
	}
	if len(f.fields) > 0 {
		s.brackets = s.brackets[:f.fields[0]-1]
	}
	return s.endFString(s.off, s.off)
}

// quoteInField handles the enclosing f-string's own quote met inside a
// replacement field. Since Python 3.12 it may start a nested string; but a
// string that does not end on its line means the field was never closed,
// and CPython reports "expecting '}'" at the quote.
func (s *Scanner) quoteInField(f *fmode, q int) token.Token {
	var errs ErrorList
	saved := s.errs
	s.errs = &errs
	t := s.scanString(q, q)
	s.errs = saved
	if len(errs) == 0 {
		return t
	}
	kind := "f-string"
	if f.tstring {
		kind = "t-string"
	}
	s.errorf(q, "%s: expecting '}'", kind)
	s.brackets = s.brackets[:f.fields[0]-1]
	n := 1
	if f.triple {
		n = 3
	}
	if q+n > len(s.src) {
		n = len(s.src) - q
	}
	s.off = q + n
	return s.endFString(q, q+n)
}
