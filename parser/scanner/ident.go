package scanner

import (
	"unicode"

	"github.com/py314/py314/parser/token"
)

// isIdentStart and isIdentContinue classify non-ASCII identifier
// characters as CPython 3.14 does (Unicode 16.0).
func isIdentStart(r rune) bool { return token.IsIdentStart(r) }

func isIdentContinue(r rune) bool { return token.IsIdentContinue(r) }

// isPrintable tells "invalid character" from "invalid non-printable
// character" in error messages. It uses Go's Unicode tables, which may be
// a version older than CPython's; only the wording of a message depends on it.
func isPrintable(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S) || r == ' '
}
