package rules

import (
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// This file holds what fixes that add statements need to know about the
// text around a statement: whether it starts its line, and the
// indentation to repeat.

// statementStartsLine reports whether only indentation precedes the
// statement on its line.
func statementStartsLine(src []byte, s ast.Node) bool {
	for i := int(s.Pos()) - 1; i >= 0 && src[i] != '\n' && src[i] != '\r'; i-- {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	return true
}

// lineIndent returns the indentation of the line that pos is on.
func lineIndent(src []byte, pos token.Pos) string {
	start := int(pos)
	for start > 0 && src[start-1] != '\n' && src[start-1] != '\r' {
		start--
	}
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// endOfLastStatementLine returns where a statement's last line ends
// (before its newline, after any comment), and false when other code
// follows the statement on that line.
func endOfLastStatementLine(src []byte, s ast.Node) (token.Pos, bool) {
	i := int(s.End())
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i < len(src) && src[i] == '#' {
		for i < len(src) && src[i] != '\n' && src[i] != '\r' {
			i++
		}
	}
	if i < len(src) && src[i] != '\n' && src[i] != '\r' {
		return 0, false
	}
	return token.Pos(i), true
}
