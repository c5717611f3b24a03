package ast

import "testing"

// printableCases come from CPython 3.14.2 (Unicode 16.0): chr(c).isprintable().
var printableCases = []struct {
	r    rune
	want bool
}{
	{' ', true},
	{'~', true},
	{'\t', false},
	{0x7F, false},
	{0x85, false},    // Cc
	{0xA0, false},    // NO-BREAK SPACE, Zs
	{0xAD, false},    // SOFT HYPHEN, Cf
	{0xE9, true},     // é
	{0x0378, false},  // unassigned
	{0x1C89, true},   // CYRILLIC CAPITAL LETTER TJE, new in Unicode 16.0
	{0x2028, false},  // LINE SEPARATOR
	{0x2029, false},  // PARAGRAPH SEPARATOR
	{0x20C0, true},   // SOM SIGN
	{0x20C1, false},  // unassigned
	{0x3000, false},  // IDEOGRAPHIC SPACE
	{0xD800, false},  // surrogate
	{0xDFFF, false},  // surrogate
	{0xE000, false},  // private use
	{0xFEFF, false},  // Cf
	{0xFFFD, true},   // REPLACEMENT CHARACTER
	{0x1F600, true},  // GRINNING FACE
	{0x1F6D8, false}, // unassigned
	{0xE0100, true},  // VARIATION SELECTOR-17, Mn
	{0x2FFFF, false},
	{0x10FFFF, false},
	{0x110000, false},
	{-1, false},
}

func TestIsPrintable(t *testing.T) {
	for _, c := range printableCases {
		if got := IsPrintable(c.r); got != c.want {
			t.Errorf("IsPrintable(%U) = %v, want %v", c.r, got, c.want)
		}
	}
}

// The ASCII fast path must agree with the generated table.
func TestIsPrintableASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		want := false
		for i := 0; i < len(printableRanges); i += 2 {
			if printableRanges[i] <= uint32(r) && uint32(r) <= printableRanges[i+1] {
				want = true
			}
		}
		if got := IsPrintable(r); got != want {
			t.Errorf("IsPrintable(%q) = %v, table says %v", r, got, want)
		}
	}
}
