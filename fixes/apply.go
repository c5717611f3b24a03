// Package fixes applies the fixes that rules attach to their diagnostics.
//
// A run of --fix over one file goes in rounds: [Select] picks the fixes the
// settings allow, [Merge] keeps those that can be applied together, [Apply]
// edits the text, and [Fix] repeats this on the re-parsed, re-linted text
// until no fix is left. [Unified] shows the change as a diff and
// [WriteFile] writes it back in the file's own encoding.
//
// All offsets are byte offsets into the decoded UTF-8 text of a file, as
// in package parser.
package fixes

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/py314/py314/checks"
)

// Apply returns a copy of src with the edits made. The edits must be in
// order: each starts at or after the end of the one before, so that they do
// not overlap; insertions at the same offset are made in the order given.
// Every edit must lie within src. Otherwise Apply returns an error and no
// text.
//
// Every line break in an edit's new text ("\n", "\r\n" or "\r") is written
// as the line break of src: that of its first line, or "\n" if src has a
// single line. Rules write "\n"; a file with "\r\n" line endings keeps them.
func Apply(src []byte, edits []checks.Edit) ([]byte, error) {
	if err := checkEdits(len(src), edits); err != nil {
		return nil, err
	}
	eol := LineEnding(src)
	var b bytes.Buffer
	b.Grow(len(src) + growth(edits))
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.Start])
		writeText(&b, e.New, eol)
		last = int(e.End)
	}
	b.Write(src[last:])
	return b.Bytes(), nil
}

// checkEdits reports whether edits are in order, do not overlap and lie
// within a text of size bytes.
func checkEdits(size int, edits []checks.Edit) error {
	prev := 0
	for i, e := range edits {
		switch {
		case e.Start < 0 || e.End < e.Start || int(e.End) > size:
			return fmt.Errorf("edit %d [%d, %d) is not within the text [0, %d)", i, e.Start, e.End, size)
		case int(e.Start) < prev:
			return fmt.Errorf("edit %d [%d, %d) overlaps or precedes the edit before it, which ends at %d", i, e.Start, e.End, prev)
		}
		prev = int(e.End)
	}
	return nil
}

func growth(edits []checks.Edit) int {
	n := 0
	for _, e := range edits {
		n += len(e.New) - int(e.End-e.Start)
	}
	return max(n, 0)
}

// writeText writes s with every line break replaced by eol.
func writeText(b *bytes.Buffer, s, eol string) {
	for {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		b.WriteString(eol)
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
}

// LineEnding returns the line break that ends the first line of src:
// "\r\n", "\r" or "\n"; "\n" if src has no line break.
func LineEnding(src []byte) string {
	i := bytes.IndexAny(src, "\r\n")
	switch {
	case i < 0 || src[i] == '\n':
		return "\n"
	case i+1 < len(src) && src[i+1] == '\n':
		return "\r\n"
	}
	return "\r"
}
