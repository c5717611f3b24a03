package token

import "testing"

// identCases come from CPython 3.14.2 (Unicode 16.0): chr(c).isidentifier()
// and ('a' + chr(c)).isidentifier().
var identCases = []struct {
	r           rune
	start, cont bool
}{
	{'a', true, true},
	{'Z', true, true},
	{'_', true, true},
	{'0', false, true},
	{'$', false, false},
	{' ', false, false},
	{0x7F, false, false},
	{0xAA, true, true},     // FEMININE ORDINAL INDICATOR
	{0xB5, true, true},     // MICRO SIGN
	{0xB7, false, true},    // MIDDLE DOT (Other_ID_Continue)
	{0x0660, false, true},  // ARABIC-INDIC DIGIT ZERO
	{0x0E33, false, true},  // THAI CHARACTER SARA AM (not XID_Start: NFKC)
	{0x1885, true, true},   // MONGOLIAN LETTER ALI GALI BALUDA (Other_ID_Start)
	{0x1C89, true, true},   // CYRILLIC CAPITAL LETTER TJE (new in Unicode 16.0)
	{0x200C, false, true},  // ZERO WIDTH NON-JOINER
	{0x200D, false, true},  // ZERO WIDTH JOINER
	{0x2118, true, true},   // SCRIPT CAPITAL P (Other_ID_Start)
	{0x212E, true, true},   // ESTIMATED SYMBOL (Other_ID_Start)
	{0x2E2F, false, false}, // VERTICAL TILDE (Pattern_Syntax)
	{0x309B, false, false}, // KATAKANA-HIRAGANA VOICED SOUND MARK
	{0x30FB, false, true},  // KATAKANA MIDDLE DOT
	{0xFEFF, false, false}, // ZERO WIDTH NO-BREAK SPACE
	{0xFF3F, false, true},  // FULLWIDTH LOW LINE
	{0xFF65, false, true},  // HALFWIDTH KATAKANA MIDDLE DOT
	{0x10D4A, true, true},  // GARAY VOWEL SIGN A (new in Unicode 16.0)
	{0x10D6E, false, false},
	{0x16D40, true, true}, // KIRAT RAI SIGN ANUSVARA (new in Unicode 16.0)
	{0x1E5D0, true, true}, // OL ONAL LETTER O (new in Unicode 16.0)
	{0x1E5FF, false, false},
	{0x1F600, false, false}, // GRINNING FACE
	{0x30000, true, true},
	{0x323AF, true, true},
	{0xD800, false, false}, // surrogate
	{0x10FFFF, false, false},
	{0x110000, false, false},
	{-1, false, false},
}

func TestIsIdent(t *testing.T) {
	for _, c := range identCases {
		if got := IsIdentStart(c.r); got != c.start {
			t.Errorf("IsIdentStart(%U) = %v, want %v", c.r, got, c.start)
		}
		if got := IsIdentContinue(c.r); got != c.cont {
			t.Errorf("IsIdentContinue(%U) = %v, want %v", c.r, got, c.cont)
		}
	}
}

// The ASCII fast paths must agree with the generated tables.
func TestIsIdentASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if got, want := IsIdentStart(r), inRanges(identStart[:], r); got != want {
			t.Errorf("IsIdentStart(%q) = %v, table says %v", r, got, want)
		}
		if got, want := IsIdentContinue(r), inRanges(identContinue[:], r); got != want {
			t.Errorf("IsIdentContinue(%q) = %v, table says %v", r, got, want)
		}
	}
}

func TestIdentTablesSorted(t *testing.T) {
	for name, tab := range map[string][]uint32{"identStart": identStart[:], "identContinue": identContinue[:]} {
		for i := 0; i+1 < len(tab); i += 2 {
			if tab[i] > tab[i+1] || i+2 < len(tab) && tab[i+1]+1 >= tab[i+2] {
				t.Errorf("%s: range %d [%#x, %#x] is empty, unsorted or touches the next", name, i/2, tab[i], tab[i+1])
			}
		}
	}
}

func BenchmarkIsIdentContinue(b *testing.B) {
	const s = "identifier_42_ñandú_переменная_变量"
	for b.Loop() {
		for _, r := range s {
			IsIdentContinue(r)
		}
	}
}
