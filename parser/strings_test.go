package parser

import (
	"testing"

	"github.com/py314/py314/parser/ast"
)

// TestDecode covers the decoding of string and bytes literal bodies:
// runs of plain text between escapes, line endings, doubled braces.
func TestDecode(t *testing.T) {
	strs := []struct {
		body        string
		raw, braces bool
		want        string
	}{
		{"plain", false, false, "plain"},
		{"ab\r\ncd\re\n", false, false, "ab\ncd\ne\n"},
		{"a{{b}}c\\n{", false, true, "a{b}c\n{"},
		{"a{{b}}", false, false, "a{{b}}"},
		{"x\\ty\r\n", true, false, "x\\ty\n"},
		{"\\d\\", false, false, "\\d\\"},
		{"a\\\r\nb\\\nc", false, false, "abc"},
		{"long text \\u00e9 more text \\x41", false, false, "long text é more text A"},
	}
	for _, tt := range strs {
		if got, msg := decodeStr(tt.body, tt.raw, tt.braces); got != tt.want || msg != "" {
			t.Errorf("decodeStr(%q, %v, %v) = %q, %q; want %q", tt.body, tt.raw, tt.braces, got, msg, tt.want)
		}
	}
	bytes := []struct {
		body string
		raw  bool
		want string
	}{
		{"a\\x41\r\nb\r", false, "aA\nb\n"},
		{"a\\x41", true, "a\\x41"},
		{"tail\\", false, "tail\\"},
	}
	for _, tt := range bytes {
		if got, msg := decodeBytes(tt.body, tt.raw); got != tt.want || msg != "" {
			t.Errorf("decodeBytes(%q, %v) = %q, %q; want %q", tt.body, tt.raw, got, msg, tt.want)
		}
	}
}

// TestStringValues checks string constants in a file with and without
// carriage returns, which decide whether literals are searched for them.
func TestStringValues(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n"} {
		src := "a = 'x\\ty'" + nl + "b = r'\\d'" + nl + "c = '''p" + nl + "q'''" + nl + "d = 'plain'" + nl
		f := ParseSource("x.py", []byte(src), Options{})
		if len(f.Errors) > 0 {
			t.Fatalf("%q: %v", src, f.Errors)
		}
		want := []string{"x\ty", `\d`, "p\nq", "plain"}
		for i, s := range f.Module.Body {
			c := s.(*ast.Assign).Value.(*ast.Constant)
			if c.Value.Text != want[i] {
				t.Errorf("%q: value %d = %q, want %q", src, i, c.Value.Text, want[i])
			}
		}
	}
}
