package rules

import "testing"

// TestIsASCII puts one non-ASCII byte at every position of sources of
// several lengths, across the eight-byte words isASCII reads.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 20; n++ {
		src := make([]byte, n)
		for i := range src {
			src[i] = 'a' + byte(i%26)
		}
		if !isASCII(src) {
			t.Errorf("length %d, all ASCII: isASCII false", n)
		}
		for i := range src {
			b := append([]byte(nil), src...)
			b[i] = 0x80 | b[i]
			if isASCII(b) {
				t.Errorf("length %d, byte %#x at %d: isASCII true", n, b[i], i)
			}
		}
	}
	if isASCII([]byte("x = '\u00e9'\n")) {
		t.Error("é: isASCII true")
	}
}
