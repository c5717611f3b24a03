package checks

import (
	"bytes"
	"strings"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/token"
)

// Suppression is one suppression comment: "# noqa", "# noqa: CODE, CODE"
// on a line, or "# py314: noqa[: CODE, ...]" for the whole file. Codes may
// also be rule names.
type Suppression struct {
	Line    int          // 1-based line of the comment; 0 for a file-level one
	Comment token.Span   // the whole comment
	Span    token.Span   // the directive: from "noqa" (or "py314:") to its last code
	Codes   []string     // nil for a bare noqa
	Spans   []token.Span // the span of each code
}

// ParseSuppressions returns the suppression comments of a file.
func ParseSuppressions(f *parser.File) []Suppression {
	var out []Suppression
	src := f.File.Src
	for _, c := range f.Comments {
		if !containsNoqa(src[c.Start:c.End]) {
			continue // most comments: no need to copy and lower them
		}
		text := string(src[c.Start:c.End])
		if s, ok := parseSuppression(text, c); ok {
			if s.Line != 0 {
				s.Line, _ = f.File.LineCol(c.Start)
			}
			out = append(out, s)
		}
	}
	return out
}

// containsNoqa reports whether b contains "noqa" in any case, which every
// suppression comment does. It looks for the rare letter q with
// IndexByte, which skips most comments several bytes at a time, and
// compares the letters around each one found.
func containsNoqa(b []byte) bool {
	for _, q := range [2]byte{'q', 'Q'} {
		for i := 2; i+1 < len(b); i++ {
			j := bytes.IndexByte(b[i:len(b)-1], q)
			if j < 0 {
				break
			}
			i += j
			if b[i-2]|0x20 == 'n' && b[i-1]|0x20 == 'o' && b[i+1]|0x20 == 'a' {
				return true
			}
		}
	}
	return false
}

// parseSuppression parses one comment. Line is set to 1 for a line
// suppression and 0 for a file-level one.
func parseSuppression(text string, c token.Span) (Suppression, bool) {
	lower := strings.ToLower(text)
	// A file-level directive: "# py314: noqa" with optional codes.
	if i := strings.Index(lower, "py314:"); i >= 0 {
		rest := lower[i+len("py314:"):]
		j := len(rest) - len(strings.TrimLeft(rest, " \t"))
		if strings.HasPrefix(rest[j:], "noqa") {
			s := Suppression{Comment: c}
			start := i
			codes, spans, end := parseCodes(text, i+len("py314:")+j+len("noqa"))
			s.Codes, s.Spans = codes, shift(spans, c.Start)
			s.Span = token.Span{Start: c.Start + token.Pos(start), End: c.Start + token.Pos(end)}
			return s, true
		}
	}
	for from := 0; ; {
		i := strings.Index(lower[from:], "noqa")
		if i < 0 {
			return Suppression{}, false
		}
		i += from
		from = i + 4
		// "noqa" must be the start of a comment: after '#' and spaces.
		k := i - 1
		for k >= 0 && (text[k] == ' ' || text[k] == '\t') {
			k--
		}
		if k < 0 || text[k] != '#' {
			continue
		}
		if i+4 < len(text) && isCodeChar(text[i+4]) {
			continue // "noqatest"
		}
		s := Suppression{Line: 1, Comment: c}
		codes, spans, end := parseCodes(text, i+4)
		s.Codes, s.Spans = codes, shift(spans, c.Start)
		s.Span = token.Span{Start: c.Start + token.Pos(i), End: c.Start + token.Pos(end)}
		return s, true
	}
}

func isCodeChar(b byte) bool {
	return b == '-' || b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// parseCodes parses ": CODE, CODE ..." at text[i:]. It returns the codes,
// their spans relative to the comment, and where the directive ends.
func parseCodes(text string, i int) ([]string, []token.Span, int) {
	end := i
	j := i
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j >= len(text) || text[j] != ':' {
		return nil, nil, end
	}
	j++
	var codes []string
	var spans []token.Span
	for {
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == ',') {
			j++
		}
		k := j
		for k < len(text) && isCodeChar(text[k]) {
			k++
		}
		if k == j || !looksLikeCode(text[j:k]) {
			break
		}
		codes = append(codes, text[j:k])
		spans = append(spans, token.Span{Start: token.Pos(j), End: token.Pos(k)})
		end = k
		j = k
	}
	if len(codes) == 0 {
		return nil, nil, end
	}
	return codes, spans, end
}

// looksLikeCode reports whether a word after "noqa:" is a code (letters
// then digits: FT001, E501) or a rule name (kebab-case with a hyphen), so
// that a reason written after the codes is not taken for one.
func looksLikeCode(w string) bool {
	if strings.Contains(w, "-") {
		return true
	}
	i := 0
	for i < len(w) && ('a' <= w[i]|0x20 && w[i]|0x20 <= 'z') {
		i++
	}
	if i == 0 || i == len(w) {
		return false
	}
	for ; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func shift(spans []token.Span, by token.Pos) []token.Span {
	for i := range spans {
		spans[i].Start += by
		spans[i].End += by
	}
	return spans
}

// matches reports whether code names the rule, by code or by name.
func matches(code string, r *Rule) bool {
	return strings.EqualFold(code, r.Code) || code == r.Name
}

// applySuppressions drops suppressed diagnostics and, when PY002 is
// enabled, reports the codes of enabled rules that suppressed nothing.
func applySuppressions(f *parser.File, diags []Diagnostic, enabled func(code string) bool) []Diagnostic {
	sups := ParseSuppressions(f)
	if len(sups) == 0 {
		return diags
	}
	byLine := map[int][]int{}
	var fileLevel []int
	for i, s := range sups {
		if s.Line == 0 {
			fileLevel = append(fileLevel, i)
		} else {
			byLine[s.Line] = append(byLine[s.Line], i)
		}
	}
	used := make([][]bool, len(sups))
	for i, s := range sups {
		used[i] = make([]bool, len(s.Codes))
	}
	// suppressed marks what suppresses d and reports whether anything does.
	suppressed := func(d *Diagnostic, idx []int) bool {
		hit := false
		for _, i := range idx {
			s := &sups[i]
			if s.Codes == nil {
				hit = true
				continue
			}
			for j, c := range s.Codes {
				if matches(c, d.Rule) {
					used[i][j] = true
					hit = true
				}
			}
		}
		return hit
	}
	kept := diags[:0]
	for _, d := range diags {
		if d.Rule == SyntaxErrorRule {
			kept = append(kept, d)
			continue
		}
		startLine, _ := f.File.LineCol(d.Span.Start)
		endLine, _ := f.File.LineCol(d.Span.End)
		// Not short-circuited: every suppression that applies is marked used.
		hit := suppressed(&d, byLine[startLine])
		hit = suppressed(&d, fileLevel) || hit
		if endLine != startLine {
			hit = suppressed(&d, byLine[endLine]) || hit
		}
		if !hit {
			kept = append(kept, d)
		}
	}
	if !enabled(UnusedSuppressionRule.Code) {
		return kept
	}
	for i, s := range sups {
		var unused []int
		for j, c := range s.Codes {
			if !used[i][j] && enabled(strings.ToUpper(c)) {
				unused = append(unused, j)
			}
		}
		if len(unused) == 0 {
			continue
		}
		kept = append(kept, unusedSuppression(f, &s, unused))
	}
	return kept
}

// unusedSuppression builds the PY002 diagnostic for the unused codes of s,
// with a fix that removes them, or the whole directive when none is left.
func unusedSuppression(f *parser.File, s *Suppression, unused []int) Diagnostic {
	src := f.File.Src
	var names []string
	for _, j := range unused {
		names = append(names, s.Codes[j])
	}
	d := Diagnostic{
		Rule:     UnusedSuppressionRule,
		Severity: UnusedSuppressionRule.Severity,
		Span:     s.Span,
		Message:  "unused suppression for " + strings.Join(names, ", "),
	}
	fix := &Fix{Applicability: Safe}
	if len(unused) == len(s.Codes) {
		fix.Title = "Remove the unused suppression"
		start, end := s.Span.Start, s.Span.End
		// The '#' that opens the directive, and blanks before it.
		hash := start
		for hash > s.Comment.Start && (src[hash-1] == ' ' || src[hash-1] == '\t') {
			hash--
		}
		if hash > s.Comment.Start && src[hash-1] == '#' {
			hash--
		}
		after := string(src[s.Span.End:s.Comment.End])
		rest := strings.TrimLeft(after, " \t")
		switch {
		case rest == "" && hash == s.Comment.Start:
			// The comment is only the directive: remove it and the blanks
			// before it.
			start, end = s.Comment.Start, s.Comment.End
			for start > 0 && (src[start-1] == ' ' || src[start-1] == '\t') {
				start--
			}
		case rest == "":
			// "# reason  # noqa: X": remove from the directive's '#' and
			// the blanks before it.
			start = hash
			for start > s.Comment.Start && (src[start-1] == ' ' || src[start-1] == '\t') {
				start--
			}
		case rest[0] == '#':
			// "# noqa: X  # more": remove up to the next comment.
			start = hash
			end = s.Span.End + token.Pos(len(after)-len(rest))
		default:
			// "# noqa: X reason": remove the directive and the blanks after.
			end = s.Span.End + token.Pos(len(after)-len(rest))
		}
		fix.Edits = []Edit{Delete(token.Span{Start: start, End: end})}
	} else {
		fix.Title = "Remove the unused codes"
		// Rewrite the code list without the unused codes.
		keep := make([]string, 0, len(s.Codes))
		drop := map[int]bool{}
		for _, j := range unused {
			drop[j] = true
		}
		for j, c := range s.Codes {
			if !drop[j] {
				keep = append(keep, c)
			}
		}
		first, last := s.Spans[0], s.Spans[len(s.Spans)-1]
		fix.Edits = []Edit{Replace(token.Span{Start: first.Start, End: last.End}, strings.Join(keep, ", "))}
	}
	d.Fix = fix
	return d
}
