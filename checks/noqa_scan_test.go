package checks

import (
	"strings"
	"testing"
)

// TestContainsNoqa checks containsNoqa against a plain search.
func TestContainsNoqa(t *testing.T) {
	for _, s := range []string{
		"", "q", "noq", "noqa", "NOQA", "NoQa", "# noqa: PY101", "#noqa", "x noqa", "nqa noq qa",
		"noq a", "n o q a", "qqqq", "noqnoqa", "aqnoqa", "quota noqa", "qnoq", "onqa", "# py314: NOQA",
		"ñoqa", "noqA!", "No Qa",
	} {
		want := strings.Contains(strings.ToLower(s), "noqa")
		if got := containsNoqa([]byte(s)); got != want {
			t.Errorf("containsNoqa(%q) = %v, want %v", s, got, want)
		}
	}
}
