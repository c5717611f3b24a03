package parser

import "testing"

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
