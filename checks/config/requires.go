package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/py314/py314/parser"
)

// specClause is one clause of a PEP 440 version specifier: ">=3.9".
type specClause struct {
	op       string
	release  []int // at least one component
	wildcard bool  // "==3.11.*"
	suffix   bool  // a pre-, post-, dev-release or local label follows the release
}

// lowestMinor returns the oldest Python minor version (3.10 for 3.10.4)
// that the PEP 440 specifier set spec allows, as project.requires-python
// states it: ">=3.9", ">=3.9,<4", "~=3.10", "==3.11.*". A version series
// counts as allowed when some release of it matches every clause, except
// that ">3.9" is taken to exclude the whole 3.9 series.
func lowestMinor(spec string) (parser.Version, error) {
	var clauses []specClause
	for _, part := range strings.Split(spec, ",") {
		c, err := parseClause(strings.TrimSpace(part))
		if err != nil {
			return parser.Version{}, fmt.Errorf("invalid version specifier %q", spec)
		}
		clauses = append(clauses, c)
	}
	for major := 0; major <= 9; major++ {
	minors:
		for minor := 0; minor <= 99; minor++ {
			for _, c := range clauses {
				if !c.allows(major, minor) {
					continue minors
				}
			}
			return parser.Version{Major: uint8(major), Minor: uint8(minor)}, nil
		}
	}
	return parser.Version{}, fmt.Errorf("version specifier %q allows no Python version", spec)
}

// parseClause parses one clause: an operator and a version.
func parseClause(s string) (specClause, error) {
	var c specClause
	for _, op := range []string{"~=", "===", "==", "!=", "<=", ">=", "<", ">"} {
		if rest, ok := strings.CutPrefix(s, op); ok {
			c.op = op
			s = strings.TrimSpace(rest)
			break
		}
	}
	if c.op == "" {
		return c, fmt.Errorf("no operator")
	}
	s = strings.TrimPrefix(strings.ToLower(s), "v")
	if e, rest, ok := strings.Cut(s, "!"); ok {
		if e != "0" {
			return c, fmt.Errorf("epoch")
		}
		s = rest
	}
	i := 0
	for {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i {
			if len(c.release) > 0 && s[i:] == "*" && (c.op == "==" || c.op == "!=") {
				c.wildcard = true
				return c, nil
			}
			return c, fmt.Errorf("bad release")
		}
		n, err := strconv.Atoi(s[i:j])
		if err != nil {
			return c, err
		}
		c.release = append(c.release, n)
		i = j
		if i < len(s) && s[i] == '.' && i+1 < len(s) && (s[i+1] >= '0' && s[i+1] <= '9' || s[i+1] == '*') {
			i++
			continue
		}
		break
	}
	if i < len(s) {
		if !validSuffix(s[i:]) {
			return c, fmt.Errorf("bad suffix")
		}
		c.suffix = true
	}
	if c.op == "~=" && len(c.release) < 2 {
		return c, fmt.Errorf("~= needs two components")
	}
	return c, nil
}

// validSuffix reports whether s can follow a release number: a pre-,
// post- or dev-release marker or a local label, in any PEP 440 spelling.
func validSuffix(s string) bool {
	c := s[0]
	if !(c >= 'a' && c <= 'z') && (len(s) == 1 || c != '.' && c != '-' && c != '_' && c != '+') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' || c == '+') {
			return false
		}
	}
	return true
}

// allows reports whether some release of the series major.minor matches c.
func (c specClause) allows(major, minor int) bool {
	vMinor := 0
	if len(c.release) > 1 {
		vMinor = c.release[1]
	}
	cmp := compare2(major, minor, c.release[0], vMinor)
	switch c.op {
	case ">=":
		return cmp >= 0
	case ">":
		if len(c.release) > 2 {
			return cmp >= 0 // >3.9.1 allows 3.9.2
		}
		return cmp > 0
	case "<=":
		return cmp <= 0
	case "<":
		if cmp == 0 {
			return c.laterInSeries()
		}
		return cmp < 0
	case "==", "===":
		if c.wildcard && len(c.release) == 1 {
			return major == c.release[0]
		}
		return cmp == 0
	case "!=":
		if c.wildcard && len(c.release) == 1 {
			return major != c.release[0]
		}
		if c.wildcard && len(c.release) == 2 {
			return cmp != 0
		}
		return true // excludes single releases only
	case "~=":
		if len(c.release) == 2 {
			return cmp >= 0 && major == c.release[0]
		}
		return cmp == 0
	}
	return false
}

// laterInSeries reports whether the clause's version is past the first
// release of its minor series, so that "<" it still allows that release.
func (c specClause) laterInSeries() bool {
	for _, n := range c.release[min(2, len(c.release)):] {
		if n > 0 {
			return true
		}
	}
	return false
}

func compare2(a1, a2, b1, b2 int) int {
	switch {
	case a1 != b1:
		return a1 - b1
	default:
		return a2 - b2
	}
}
