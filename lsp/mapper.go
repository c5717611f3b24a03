package lsp

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	protocol "github.com/sourcegraph/go-lsp"

	"github.com/py314/py314/parser/token"
)

// The position encodings of LSP 3.17: what a Position's character counts.
const (
	encodingUTF8  = "utf-8"  // bytes
	encodingUTF16 = "utf-16" // UTF-16 code units; the default, and the only one before 3.17
)

// A mapper converts between byte offsets into one text and LSP positions
// in one encoding. Lines end at "\n", "\r\n" or a lone "\r", as in the
// LSP and in the parser. This is the only place where UTF-16 exists: the
// rest of py314 speaks byte offsets.
type mapper struct {
	text  []byte
	lines []token.Pos // offset of the first byte of each line
	utf8  bool        // characters count bytes, not UTF-16 code units
}

// newMapper returns a mapper for text in the position encoding enc.
func newMapper(text []byte, enc string) *mapper {
	return &mapper{text: text, lines: token.NewFile("", text).Lines(), utf8: enc == encodingUTF8}
}

// edit returns the mapper of m's text with the bytes [start, end)
// replaced by ins; the text is a new slice. Typing in a large document
// sends one such change per keystroke: the line table is updated, at the
// cost of copying it, rather than built again from a scan of the text.
//
// A byte offset q > 0 starts a line when the byte before it is "\n", or
// "\r" not followed by "\n"; that depends on the bytes at q-1 and q
// only. So the line starts before start stay, those after the inserted
// text shift with it, and only the offsets from start to the end of the
// inserted text are looked at.
func (m *mapper) edit(start, end int, ins string) *mapper {
	old := m.text
	text := make([]byte, 0, len(old)-(end-start)+len(ins))
	text = append(text, old[:start]...)
	text = append(text, ins...)
	text = append(text, old[end:]...)
	insEnd := start + len(ins)
	delta := insEnd - end

	before := sort.Search(len(m.lines), func(i int) bool { return int(m.lines[i]) >= start })
	after := sort.Search(len(m.lines), func(i int) bool { return int(m.lines[i]) > end })
	lines := make([]token.Pos, 0, before+len(m.lines)-after+strings.Count(ins, "\n")+2)
	lines = append(lines, m.lines[:before]...)
	if start == 0 {
		lines = append(lines, 0)
	}
	for q := max(start, 1); q <= insEnd; q++ {
		if c := text[q-1]; c == '\n' || c == '\r' && (q == len(text) || text[q] != '\n') {
			lines = append(lines, token.Pos(q))
		}
	}
	for _, p := range m.lines[after:] {
		lines = append(lines, token.Pos(int(p)+delta))
	}
	return &mapper{text: text, lines: lines, utf8: m.utf8}
}

// lineContent returns the bounds of the 0-based line n, without its line
// break.
func (m *mapper) lineContent(n int) (start, end int) {
	start = int(m.lines[n])
	end = len(m.text)
	if n+1 < len(m.lines) {
		end = int(m.lines[n+1])
	}
	for end > start && (m.text[end-1] == '\n' || m.text[end-1] == '\r') {
		end--
	}
	return start, end
}

// offset returns the byte offset of p. A character past the end of its
// line means the end of the line, as the LSP specifies; a character in the
// middle of a UTF-8 sequence or of a UTF-16 surrogate pair means the start
// of that character. A line past the last one is an error.
func (m *mapper) offset(p protocol.Position) (int, error) {
	if p.Line < 0 || p.Character < 0 {
		return 0, fmt.Errorf("invalid position %d:%d", p.Line, p.Character)
	}
	if p.Line >= len(m.lines) {
		return 0, fmt.Errorf("position %d:%d is past the end of the document (%d lines)", p.Line, p.Character, len(m.lines))
	}
	start, end := m.lineContent(p.Line)
	line := m.text[start:end]
	if m.utf8 {
		i := min(p.Character, len(line))
		for i > 0 && i < len(line) && !utf8.RuneStart(line[i]) {
			i--
		}
		return start + i, nil
	}
	units := 0
	for i := 0; i < len(line); {
		if units >= p.Character {
			return start + i, nil
		}
		c := line[i]
		if c < utf8.RuneSelf {
			i++
			units++
			continue
		}
		r, size := utf8.DecodeRune(line[i:])
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units+n > p.Character {
			return start + i, nil // inside a surrogate pair
		}
		i += size
		units += n
	}
	return end, nil
}

// clampedOffset is offset for edits from the client: a position past the
// end of the document means the end of the document, as editors' own
// document models do it.
func (m *mapper) clampedOffset(p protocol.Position) (int, error) {
	if p.Line >= len(m.lines) && p.Character >= 0 {
		return len(m.text), nil
	}
	return m.offset(p)
}

// position returns the position of the byte offset off, which must lie in
// the text (its end included).
func (m *mapper) position(off int) protocol.Position {
	off = max(0, min(off, len(m.text)))
	n := sort.Search(len(m.lines), func(i int) bool { return int(m.lines[i]) > off }) - 1
	start := int(m.lines[n])
	if m.utf8 {
		return protocol.Position{Line: n, Character: off - start}
	}
	units := 0
	for b := m.text[start:off]; len(b) > 0; {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			units++
			continue
		}
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		units++
		if r >= 0x10000 {
			units++ // a surrogate pair
		}
	}
	return protocol.Position{Line: n, Character: units}
}

// rangeOf returns the range of the byte span [start, end).
func (m *mapper) rangeOf(start, end token.Pos) protocol.Range {
	return protocol.Range{Start: m.position(int(start)), End: m.position(int(end))}
}

// span returns the byte span of r.
func (m *mapper) span(r protocol.Range) (start, end int, err error) {
	if start, err = m.offset(r.Start); err != nil {
		return 0, 0, err
	}
	if end, err = m.offset(r.End); err != nil {
		return 0, 0, err
	}
	if end < start {
		return 0, 0, fmt.Errorf("range %s ends before it starts", r)
	}
	return start, end, nil
}
