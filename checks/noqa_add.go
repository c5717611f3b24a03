package checks

import (
	"sort"
	"strings"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/token"
)

// NoqaEdits returns the edits that add "# noqa: CODE" comments for the
// given diagnostics: to the end of the line each starts on, or of the line
// a multi-line string there ends on, extending a noqa comment already on
// the line. Syntax errors get none: they cannot be suppressed. The file
// must have been parsed with Options.KeepTokens for multi-line strings to
// be recognized.
func NoqaEdits(f *parser.File, diags []Diagnostic) []Edit {
	// Lines that end inside a multi-line token take their comment on the
	// token's last line.
	moveTo := map[int]int{}
	for _, t := range f.Tokens {
		switch t.Kind {
		case token.STRING, token.FSTRING_MIDDLE, token.TSTRING_MIDDLE, token.FSTRING_START, token.TSTRING_START:
		default:
			continue
		}
		l1, _ := f.File.LineCol(t.Start)
		l2, _ := f.File.LineCol(t.End)
		for l := l1; l < l2; l++ {
			if moveTo[l] < l2 {
				moveTo[l] = l2
			}
		}
	}
	codes := map[int][]string{}
	for _, d := range diags {
		if d.Rule == SyntaxErrorRule {
			continue
		}
		line, _ := f.File.LineCol(d.Span.Start)
		for moveTo[line] > line {
			line = moveTo[line]
		}
		if !contains(codes[line], d.Rule.Code) {
			codes[line] = append(codes[line], d.Rule.Code)
		}
	}
	var lines []int
	for l := range codes {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	sups := ParseSuppressions(f)
	var edits []Edit
	for _, l := range lines {
		cs := codes[l]
		sort.Strings(cs)
		var sup *Suppression
		for i := range sups {
			if sups[i].Line == l {
				sup = &sups[i]
			}
		}
		switch {
		case sup != nil && sup.Codes == nil:
			// A bare noqa already suppresses everything.
		case sup != nil:
			var add []string
			for _, c := range cs {
				if !contains(sup.Codes, c) {
					add = append(add, c)
				}
			}
			if len(add) > 0 {
				last := sup.Spans[len(sup.Spans)-1]
				edits = append(edits, Insert(last.End, ", "+strings.Join(add, ", ")))
			}
		default:
			edits = append(edits, Insert(lineEnd(f, l), "  # noqa: "+strings.Join(cs, ", ")))
		}
	}
	return edits
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lineEnd returns the offset of the line break ending the 1-based line n,
// or the end of the source.
func lineEnd(f *parser.File, n int) token.Pos {
	src := f.File.Src
	i := int(f.File.LineStart(n))
	for i < len(src) && src[i] != '\n' && src[i] != '\r' {
		i++
	}
	return token.Pos(i)
}
