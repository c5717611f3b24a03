package token

import "unicode/utf8"

// IsIdentStart reports whether r may start a Python 3.14 identifier: r is
// '_' or in Unicode 16.0's XID_Start, exactly the r for which CPython
// 3.14's chr(r).isidentifier() is true.
func IsIdentStart(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_'
	}
	return inRanges(identStart[:], r)
}

// IsIdentContinue reports whether r may follow the first character of a
// Python 3.14 identifier: r is in Unicode 16.0's XID_Continue, exactly the r
// for which CPython 3.14's ('a' + chr(r)).isidentifier() is true.
func IsIdentContinue(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_' || '0' <= r && r <= '9'
	}
	return inRanges(identContinue[:], r)
}

// inRanges reports whether r lies in one of the sorted, disjoint [lo, hi]
// pairs of t.
func inRanges(t []uint32, r rune) bool {
	if r < 0 {
		return false
	}
	c := uint32(r)
	lo, hi := 0, len(t)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t[2*m+1] < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(t)/2 && t[2*lo] <= c
}
