package token

import (
	"fmt"
	"testing"
)

// TestLines checks the line table and LineCol for each kind of line end.
func TestLines(t *testing.T) {
	for _, tc := range []struct {
		src   string
		lines string // the line starts
		cols  string // LineCol of every offset, then of the end
	}{
		{"", "[0]", "1:0"},
		{"a", "[0]", "1:0 1:1"},
		{"ab\ncd\n", "[0 3 6]", "1:0 1:1 1:2 2:0 2:1 2:2 3:0"},
		{"a\n\nb", "[0 2 3]", "1:0 1:1 2:0 3:0 3:1"},
		{"a\r\nb\r\n", "[0 3 6]", "1:0 1:1 1:2 2:0 2:1 2:2 3:0"},
		{"a\rb\n\rc", "[0 2 4 5]", "1:0 1:1 2:0 2:1 3:0 4:0 4:1"},
		{"\n\r\n\r", "[0 1 3 4]", "1:0 2:0 2:1 3:0 4:0"},
	} {
		f := NewFile("t.py", []byte(tc.src))
		if got := fmt.Sprint(f.Lines()); got != tc.lines {
			t.Errorf("%q: lines %s, want %s", tc.src, got, tc.lines)
		}
		var cols []byte
		for p := 0; p <= len(tc.src); p++ {
			line, col := f.LineCol(Pos(p))
			if p > 0 {
				cols = append(cols, ' ')
			}
			cols = fmt.Appendf(cols, "%d:%d", line, col)
		}
		if string(cols) != tc.cols {
			t.Errorf("%q: LineCol %s, want %s", tc.src, cols, tc.cols)
		}
	}
}
