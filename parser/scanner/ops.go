package scanner

import (
	"github.com/py314/py314/parser/token"
)

// scanOperator scans an operator or delimiter, keeping track of brackets
// and of replacement fields of f-strings.
func (s *Scanner) scanOperator(start int) token.Token {
	src := s.src
	c := src[start]
	var c1, c2 byte
	if start+1 < len(src) {
		c1 = src[start+1]
	}
	if start+2 < len(src) {
		c2 = src[start+2]
	}
	k, n := token.ILLEGAL, 1
	switch c {
	case '(':
		k = token.LPAR
	case ')':
		k = token.RPAR
	case '[':
		k = token.LSQB
	case ']':
		k = token.RSQB
	case '{':
		k = token.LBRACE
	case '}':
		k = token.RBRACE
	case ',':
		k = token.COMMA
	case ';':
		k = token.SEMI
	case '~':
		k = token.TILDE
	case ':':
		k = token.COLON
		if f := s.topFMode(); f != nil && len(s.brackets) == f.fields[len(f.fields)-1] {
			// A colon at the field's own level starts the format spec,
			// even before '=' (f"{x:=5}" is x formatted with "=5").
			f.inExpr, f.inSpec = false, true
			s.off = start + 1
			return mk(token.COLON, start, start+1)
		}
		if c1 == '=' {
			k, n = token.COLONEQUAL, 2
		}
	case '.':
		k = token.DOT
		if c1 == '.' && c2 == '.' {
			k, n = token.ELLIPSIS, 3
		}
	case '+':
		k = pick(c1, token.PLUS, token.PLUSEQUAL, &n)
	case '%':
		k = pick(c1, token.PERCENT, token.PERCENTEQUAL, &n)
	case '&':
		k = pick(c1, token.AMPER, token.AMPEREQUAL, &n)
	case '|':
		k = pick(c1, token.VBAR, token.VBAREQUAL, &n)
	case '^':
		k = pick(c1, token.CIRCUMFLEX, token.CIRCUMFLEXEQUAL, &n)
	case '@':
		k = pick(c1, token.AT, token.ATEQUAL, &n)
	case '=':
		k = pick(c1, token.EQUAL, token.EQEQUAL, &n)
	case '!':
		k = pick(c1, token.EXCLAMATION, token.NOTEQUAL, &n)
	case '-':
		switch c1 {
		case '=':
			k, n = token.MINEQUAL, 2
		case '>':
			k, n = token.RARROW, 2
		default:
			k = token.MINUS
		}
	case '*':
		switch {
		case c1 == '*' && c2 == '=':
			k, n = token.DOUBLESTAREQUAL, 3
		case c1 == '*':
			k, n = token.DOUBLESTAR, 2
		case c1 == '=':
			k, n = token.STAREQUAL, 2
		default:
			k = token.STAR
		}
	case '/':
		switch {
		case c1 == '/' && c2 == '=':
			k, n = token.DOUBLESLASHEQUAL, 3
		case c1 == '/':
			k, n = token.DOUBLESLASH, 2
		case c1 == '=':
			k, n = token.SLASHEQUAL, 2
		default:
			k = token.SLASH
		}
	case '<':
		switch {
		case c1 == '<' && c2 == '=':
			k, n = token.LEFTSHIFTEQUAL, 3
		case c1 == '<':
			k, n = token.LEFTSHIFT, 2
		case c1 == '=':
			k, n = token.LESSEQUAL, 2
		default:
			k = token.LESS
		}
	case '>':
		switch {
		case c1 == '>' && c2 == '=':
			k, n = token.RIGHTSHIFTEQUAL, 3
		case c1 == '>':
			k, n = token.RIGHTSHIFT, 2
		case c1 == '=':
			k, n = token.GREATEREQUAL, 2
		default:
			k = token.GREATER
		}
	default:
		if c < ' ' || c == 0x7f {
			s.errorf(start, "invalid non-printable character U+%04X", c)
		}
		// Other printable ASCII characters ($, ?, `) become tokens the
		// parser rejects with "invalid syntax", as in CPython.
	}
	end := start + n
	s.off = end
	switch k {
	case token.LPAR, token.LSQB, token.LBRACE:
		if len(s.brackets) >= maxLevel {
			s.errorf(start, "too many nested parentheses")
		}
		s.brackets = append(s.brackets, bracket{ch: c, pos: token.Pos(start)})
	case token.RPAR, token.RSQB, token.RBRACE:
		if f := s.topFMode(); f != nil && k == token.RBRACE && len(s.brackets) == f.fields[len(f.fields)-1] {
			s.closeField(f)
			return mk(k, start, end)
		}
		if f := s.topFMode(); f != nil && len(s.brackets) <= f.fields[len(f.fields)-1] {
			// A closing bracket that would close the replacement field's
			// brace: CPython reports the mismatch inside the f-string.
			s.errorf(start, "f-string: unmatched '%c'", c)
			return mk(k, start, end)
		}
		if len(s.brackets) == 0 {
			s.errorf(start, "unmatched '%c'", c)
			return mk(k, start, end)
		}
		open := s.brackets[len(s.brackets)-1]
		if want := closing(open.ch); want != c {
			if s.lineAt(int(open.pos)) != s.lineAt(start) {
				s.errorf(start, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.ch, s.lineAt(int(open.pos)))
			} else {
				s.errorf(start, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
			}
		}
		s.brackets = s.brackets[:len(s.brackets)-1]
	}
	return mk(k, start, end)
}

func pick(c1 byte, one, withEq token.Kind, n *int) token.Kind {
	if c1 == '=' {
		*n = 2
		return withEq
	}
	return one
}

func closing(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}
