package parser

import (
	"sort"
	"strconv"
	"strings"
)

// lookupUnicodeName returns the character that \N{name} stands for. Like
// CPython, it ignores ASCII case and accepts name aliases.
func lookupUnicodeName(name string) (rune, bool) {
	if len(name) == 0 || len(name) > 128 {
		return 0, false
	}
	var buf [128]byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	up := string(buf[:len(name)])
	if rest, ok := strings.CutPrefix(up, "HANGUL SYLLABLE "); ok {
		if r, ok := hangulSyllable(rest); ok {
			return r, true
		}
	}
	for _, rg := range unicodeNameRanges {
		if rest, ok := strings.CutPrefix(up, rg.prefix); ok {
			if len(rest) < 4 || len(rest) > 5 {
				continue
			}
			v, err := strconv.ParseUint(rest, 16, 32)
			if err != nil || strings.ToUpper(rest) != rest {
				continue
			}
			if r := rune(v); rg.lo <= r && r <= rg.hi {
				return r, true
			}
		}
	}
	// The last block whose first name is not greater than up.
	b := sort.Search(len(unicodeNameBlocks), func(i int) bool {
		return blockFirstName(i) > up
	}) - 1
	if b < 0 {
		return 0, false
	}
	off := int(unicodeNameBlocks[b])
	end := len(unicodeNames)
	if b+1 < len(unicodeNameBlocks) {
		end = int(unicodeNameBlocks[b+1])
	}
	var cur [128]byte
	n := 0
	for off < end {
		pl := int(unicodeNames[off] - 0x20)
		off++
		colon := strings.IndexByte(unicodeNames[off:], ':')
		nl := strings.IndexByte(unicodeNames[off:], '\n')
		n = pl + copy(cur[pl:], unicodeNames[off:off+colon])
		if string(cur[:n]) == up {
			v, _ := strconv.ParseUint(unicodeNames[off+colon+1:off+nl], 16, 32)
			return rune(v), true
		}
		off += nl + 1
	}
	return 0, false
}

// blockFirstName returns the first name of block i of unicodeNames.
func blockFirstName(i int) string {
	off := int(unicodeNameBlocks[i]) + 1
	colon := strings.IndexByte(unicodeNames[off:], ':')
	return unicodeNames[off : off+colon]
}

// The short names of the Hangul jamo that make up syllable names.
var (
	hangulL = [...]string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	hangulV = [...]string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	hangulT = [...]string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
)

// hangulSyllable composes a Hangul syllable from its jamo short names,
// taking the longest match for each jamo in turn as CPython does.
func hangulSyllable(s string) (rune, bool) {
	longest := func(s string, names []string) (int, int) {
		best, bestLen := -1, -1
		for i, n := range names {
			if len(n) > bestLen && strings.HasPrefix(s, n) {
				best, bestLen = i, len(n)
			}
		}
		return best, bestLen
	}
	l, n := longest(s, hangulL[:])
	if l < 0 {
		return 0, false
	}
	s = s[n:]
	v, n := longest(s, hangulV[:])
	if v < 0 {
		return 0, false
	}
	s = s[n:]
	t, n := longest(s, hangulT[:])
	if t < 0 || n != len(s) {
		return 0, false
	}
	return rune(0xac00 + (l*21+v)*28 + t), true
}
