package lsp

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	protocol "github.com/sourcegraph/go-lsp"
)

// The text has a line of ASCII, a line with a two-byte character (é, one
// UTF-16 unit) and an astral one (😀, four bytes, two UTF-16 units), a
// CRLF line break, a lone CR, and no line break at the end.
const mapperText = "ab\nxé😀y\r\nz\rend"

func TestMapperPositions(t *testing.T) {
	// For every byte offset that starts a character: the position in
	// both encodings.
	for _, c := range []struct {
		off         int
		utf16, utf8 string
	}{
		{0, "0:0", "0:0"},
		{2, "0:2", "0:2"},  // the "\n"
		{3, "1:0", "1:0"},  // x
		{4, "1:1", "1:1"},  // é
		{6, "1:2", "1:3"},  // 😀
		{10, "1:4", "1:7"}, // y
		{11, "1:5", "1:8"}, // "\r\n"
		{13, "2:0", "2:0"}, // z
		{14, "2:1", "2:1"}, // "\r"
		{15, "3:0", "3:0"}, // e
		{18, "3:3", "3:3"}, // the end
	} {
		for _, enc := range []string{encodingUTF16, encodingUTF8} {
			m := newMapper([]byte(mapperText), enc)
			want := c.utf16
			if enc == encodingUTF8 {
				want = c.utf8
			}
			p := m.position(c.off)
			if got := p.String(); got != want {
				t.Errorf("%s: position(%d) = %s, want %s", enc, c.off, got, want)
			}
			if off, err := m.offset(p); err != nil || off != c.off {
				t.Errorf("%s: offset(%s) = %d, %v, want %d", enc, p, off, err, c.off)
			}
		}
	}
}

func TestMapperOffsets(t *testing.T) {
	for _, c := range []struct {
		enc       string
		line, chr int
		want      string // the offset, or the error
	}{
		// Inside a character: its start.
		{encodingUTF16, 1, 3, "6"}, // between the surrogates of 😀
		{encodingUTF8, 1, 2, "4"},  // inside é
		{encodingUTF8, 1, 5, "6"},  // inside 😀
		// Past the end of a line: the end of the line, before its break.
		{encodingUTF16, 0, 99, "2"},
		{encodingUTF16, 1, 5, "11"},
		{encodingUTF8, 1, 99, "11"},
		{encodingUTF16, 3, 99, "18"},
		// Past the last line, or negative: an error.
		{encodingUTF16, 4, 0, "position 4:0 is past the end of the document (4 lines)"},
		{encodingUTF16, -1, 0, "invalid position -1:0"},
		{encodingUTF8, 0, -1, "invalid position 0:-1"},
	} {
		m := newMapper([]byte(mapperText), c.enc)
		off, err := m.offset(protocol.Position{Line: c.line, Character: c.chr})
		got := fmt.Sprint(off)
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%s: offset(%d:%d) = %s, want %s", c.enc, c.line, c.chr, got, c.want)
		}
	}
}

func TestMapperClamped(t *testing.T) {
	m := newMapper([]byte(mapperText), encodingUTF16)
	if off, err := m.clampedOffset(protocol.Position{Line: 9, Character: 0}); err != nil || off != len(mapperText) {
		t.Errorf("clampedOffset(9:0) = %d, %v, want %d", off, err, len(mapperText))
	}
	if _, err := m.clampedOffset(protocol.Position{Line: 9, Character: -1}); err == nil {
		t.Error("clampedOffset(9:-1) did not fail")
	}
}

func TestMapperEmptyAndTrailingNewline(t *testing.T) {
	m := newMapper(nil, encodingUTF16)
	if p := m.position(0); p.String() != "0:0" {
		t.Errorf("empty text: position(0) = %s", p)
	}
	m = newMapper([]byte("a\n"), encodingUTF16)
	// The line after the last line break exists, and is empty.
	if off, err := m.offset(protocol.Position{Line: 1, Character: 0}); err != nil || off != 2 {
		t.Errorf("offset(1:0) = %d, %v, want 2", off, err)
	}
	if p := m.position(2); p.String() != "1:0" {
		t.Errorf("position(2) = %s, want 1:0", p)
	}
}

func TestMapperSpan(t *testing.T) {
	m := newMapper([]byte(mapperText), encodingUTF16)
	start, end, err := m.span(protocol.Range{Start: protocol.Position{Line: 1, Character: 2}, End: protocol.Position{Line: 1, Character: 4}})
	if err != nil || start != 6 || end != 10 {
		t.Errorf("span(1:2-1:4) = %d, %d, %v, want 6, 10", start, end, err)
	}
	_, _, err = m.span(protocol.Range{Start: protocol.Position{Line: 1, Character: 4}, End: protocol.Position{Line: 1, Character: 2}})
	if err == nil || err.Error() != "range 1:4-1:2 ends before it starts" {
		t.Errorf("span(1:4-1:2): error %v", err)
	}
}

func TestReplaceEdit(t *testing.T) {
	for _, c := range []struct {
		old, new string
		want     string // the edit as range and new text
	}{
		{"x = 1\n", "x = 2\n", `0:4-0:5 "2"`},
		{"same\n", "same\n", "none"},
		// é and è share their first byte: the edit takes the whole
		// character.
		{"a = 'é'\n", "a = 'è'\n", `0:5-0:6 "è"`},
		// Never between "\r" and "\n".
		{"a\r\nb\r\n", "a\r\nc\nb\r\n", `1:0-1:0 "c\n"`},
		{"a\r\nb", "a\rb", `0:1-1:0 "\r"`},
		{"😀x😀", "😀y😀", `0:2-0:3 "y"`},
	} {
		sn := &snapshot{text: []byte(c.old), encoding: encodingUTF16}
		edits := sn.replaceEdit([]byte(c.new))
		got := "none"
		if edits != nil {
			got = fmt.Sprintf("%s %q", edits[0].Range, edits[0].NewText)
		}
		if got != c.want {
			t.Errorf("replaceEdit(%q, %q) = %s, want %s", c.old, c.new, got, c.want)
		}
	}
}

func TestMapperEdit(t *testing.T) {
	// Every edit of every text made of these pieces, at every pair of
	// offsets, with every one of these insertions: the line table
	// must be the one a scan of the new text gives.
	texts := []string{"", "a", "\n", "\r", "\r\n", "ab\r\ncd\ref\n\n", "é\r😀\r\r\n\n", mapperText}
	inserts := []string{"", "x", "\n", "\r", "\r\n", "\n\r", "é\r\n😀\r"}
	for _, text := range texts {
		m := newMapper([]byte(text), encodingUTF16)
		for start := 0; start <= len(text); start++ {
			for end := start; end <= len(text); end++ {
				for _, ins := range inserts {
					got := m.edit(start, end, ins)
					want := text[:start] + ins + text[end:]
					if string(got.text) != want {
						t.Fatalf("edit(%q, %d, %d, %q): text %q, want %q", text, start, end, ins, got.text, want)
					}
					if wl := newMapper([]byte(want), encodingUTF16).lines; !slices.Equal(got.lines, wl) {
						t.Errorf("edit(%q, %d, %d, %q) = %q: lines %v, want %v", text, start, end, ins, want, got.lines, wl)
					}
				}
			}
		}
		if string(m.text) != text {
			t.Errorf("edits changed the old text %q to %q", text, m.text)
		}
	}
}

func TestDidChangeIncremental(t *testing.T) {
	// Several changes in one notification, applied in order, in UTF-16
	// positions, over CRLF and lone CR line breaks and characters of
	// one, two, three and four bytes.
	s := newServer(Options{Log: testLog{t}})
	s.client = clientFeatures{encoding: encodingUTF16, pull: true} // nothing is linted
	raw := func(v string) *json.RawMessage { r := json.RawMessage(v); return &r }
	if err := s.didOpen(raw(`{"textDocument": {"uri": "file:///w/a.py", "languageId": "python", "version": 1, "text": "a = 'é😀'\r\nb = 1\rc = '€'\r\n"}}`)); err != nil {
		t.Fatal(err)
	}
	steps := []struct{ changes, want string }{
		// After 😀 (two UTF-16 units) on line 0; then the lone CR
		// becomes CRLF: line 2 starts after the "\n".
		{`[{"range": {"start": {"line": 0, "character": 8}, "end": {"line": 0, "character": 8}}, "text": "ü"},
		  {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "\n"}]`,
			"a = 'é😀ü'\r\nb = 1\r\nc = '€'\r\n"},
		// Join lines 0 and 1 across the CRLF, then replace € and the
		// CRLF after it (past the end of the line means its end, so
		// the range ends at the start of the next line).
		{`[{"range": {"start": {"line": 0, "character": 10}, "end": {"line": 1, "character": 0}}, "text": "; "},
		  {"range": {"start": {"line": 1, "character": 5}, "end": {"line": 2, "character": 0}}, "text": "$'\n"}]`,
			"a = 'é😀ü'; b = 1\r\nc = '$'\n"},
		// Insert lines with non-ASCII text at the top, then change the
		// line that was first, now third.
		{`[{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "# 😀\r\n# é\r"},
		  {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 1}}, "text": "A"}]`,
			"# 😀\r\n# é\rA = 'é😀ü'; b = 1\r\nc = '$'\n"},
	}
	for i, st := range steps {
		if err := s.didChange(raw(fmt.Sprintf(`{"textDocument": {"uri": "file:///w/a.py", "version": %d}, "contentChanges": %s}`, i+2, st.changes))); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		sn := s.docs["file:///w/a.py"]
		if string(sn.text) != st.want || sn.version != i+2 {
			t.Fatalf("step %d: version %d, text %q, want %d, %q", i, sn.version, sn.text, i+2, st.want)
		}
		if got, want := sn.mapper().lines, newMapper(sn.text, encodingUTF16).lines; !slices.Equal(got, want) {
			t.Errorf("step %d: lines %v, want %v", i, got, want)
		}
	}
}
