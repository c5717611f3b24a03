package token

import (
	"bytes"
	"fmt"
	"sort"
	"sync"
)

// Pos is a byte offset into the decoded UTF-8 source of one file.
// Every node and token of a parsed file carries Pos values; line and column
// are computed from them by [File.Position].
type Pos int32

// Span is a half-open byte range [Start, End) of one file.
type Span struct {
	Start Pos // offset of the first byte
	End   Pos // offset just past the last byte
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return int(s.End - s.Start) }

// Contains reports whether p lies inside s (End excluded).
func (s Span) Contains(p Pos) bool { return s.Start <= p && p < s.End }

// Position is a human-facing source position.
type Position struct {
	Filename string
	Offset   int // byte offset, starting at 0
	Line     int // line number, starting at 1
	Column   int // byte column, starting at 0 (as CPython's col_offset)
}

// String returns "file:line:col" with a 1-based column, as compilers print.
func (p Position) String() string {
	if p.Filename == "" {
		return fmt.Sprintf("%d:%d", p.Line, p.Column+1)
	}
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column+1)
}

// File is the decoded source of one Python file with a lazily built line
// table. A line ends at "\n", "\r\n" or a lone "\r", as in CPython, which
// translates all three to "\n" before tokenizing.
type File struct {
	Name string
	Src  []byte // decoded UTF-8 source, without a BOM

	once  sync.Once
	lines []Pos // offset of the first byte of each line
}

// NewFile returns a File for the decoded source src.
func NewFile(name string, src []byte) *File {
	return &File{Name: name, Src: src}
}

// Lines returns the offsets at which lines start; the first is 0.
func (f *File) Lines() []Pos {
	f.once.Do(f.buildLines)
	return f.lines
}

func (f *File) buildLines() {
	src := f.Src
	lines := make([]Pos, 1, len(src)/32+1)
	if bytes.IndexByte(src, '\r') < 0 {
		// Only \n ends lines: IndexByte finds each end several bytes
		// at a time. Output that locates diagnostics builds the table
		// of every file it reports on, cached runs included.
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			lines = append(lines, Pos(i))
		}
		f.lines = lines
		return
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			lines = append(lines, Pos(i+1))
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			lines = append(lines, Pos(i+1))
		}
	}
	f.lines = lines
}

// LineCol returns the 1-based line and the 0-based byte column of p.
func (f *File) LineCol(p Pos) (line, col int) {
	lines := f.Lines()
	i := sort.Search(len(lines), func(i int) bool { return lines[i] > p }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, int(p - lines[i])
}

// Position returns the human-facing position of p.
func (f *File) Position(p Pos) Position {
	line, col := f.LineCol(p)
	return Position{Filename: f.Name, Offset: int(p), Line: line, Column: col}
}

// LineStart returns the offset of the first byte of the 1-based line n.
// Lines past the end map to the end of the source.
func (f *File) LineStart(n int) Pos {
	lines := f.Lines()
	if n < 1 {
		return 0
	}
	if n > len(lines) {
		return Pos(len(f.Src))
	}
	return lines[n-1]
}
