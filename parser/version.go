package parser

import (
	"fmt"
	"strconv"
	"strings"
)

// Less reports whether v is older than w.
func (v Version) Less(w Version) bool {
	return v.Major < w.Major || v.Major == w.Major && v.Minor < w.Minor
}

// Next returns the version after v: 3.14 for 3.13.
func (v Version) Next() Version { return Version{Major: v.Major, Minor: v.Minor + 1} }

// ParseVersion parses "3.14", "py314", "py3.14" or "3.14.2" (the micro
// version is ignored).
func ParseVersion(s string) (Version, error) {
	t := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "py")
	if !strings.Contains(t, ".") && len(t) >= 2 && t[0] == '3' {
		t = t[:1] + "." + t[1:]
	}
	parts := strings.Split(t, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return Version{}, fmt.Errorf("invalid Python version %q", s)
	}
	var n [2]int
	for i := 0; i < 2; i++ {
		x, err := strconv.Atoi(parts[i])
		if err != nil || x < 0 || x > 255 {
			return Version{}, fmt.Errorf("invalid Python version %q", s)
		}
		n[i] = x
	}
	return Version{Major: uint8(n[0]), Minor: uint8(n[1])}, nil
}
