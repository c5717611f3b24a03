package output

import (
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

// TestFingerprintValue pins the scheme: baselines written by one version
// must match findings of the next.
func TestFingerprintValue(t *testing.T) {
	tests := []struct {
		path, code, text string
		occurrence       int
		want             string
	}{
		{"pkg/mod.py", "FT001", "count += 1", 0, "b5122ae1b5c4c22fc304093fd6b4f336"},
		{"pkg/mod.py", "FT001", "  count  +=\n\t1 ", 0, "b5122ae1b5c4c22fc304093fd6b4f336"},
		{"pkg/mod.py", "FT001", "count += 1", 1, "c4436651eff342256558dbe23ccc9dfd"},
		{"pkg/mod.py", "FT002", "count += 1", 0, "a8321a51e69d3322c0b30ae47b289e12"},
		{"pkg/other.py", "FT001", "count += 1", 0, "5b01c23cb9ac60ce3ad5bae53cba3ac0"},
	}
	for _, tt := range tests {
		if got := Fingerprint(tt.path, tt.code, tt.text, tt.occurrence); got != tt.want {
			t.Errorf("Fingerprint(%q, %q, %q, %d) = %s, want %s", tt.path, tt.code, tt.text, tt.occurrence, got, tt.want)
		}
	}
}

func TestFlaggedText(t *testing.T) {
	f := token.NewFile("x.py", []byte("a = 1\r\n  b = 2\n"))
	tests := []struct {
		span token.Span
		want string
	}{
		{token.Span{Start: 0, End: 5}, "a = 1"},
		{token.Span{Start: 9, End: 9}, "  b = 2"},  // empty: the whole line
		{token.Span{Start: 5, End: 5}, "a = 1"},    // at the line break
		{token.Span{Start: 15, End: 15}, ""},       // after the last line break
		{token.Span{Start: 11, End: 100}, "= 2\n"}, // clamped to the source
	}
	for _, tt := range tests {
		if got := FlaggedText(f, tt.span); got != tt.want {
			t.Errorf("FlaggedText(%v) = %q, want %q", tt.span, got, tt.want)
		}
	}
}

// diagsAt returns a diagnostic of rule for each span.
func diagsAt(rule *checks.Rule, spans ...token.Span) []checks.Diagnostic {
	var out []checks.Diagnostic
	for _, s := range spans {
		out = append(out, checks.Diagnostic{Rule: rule, Span: s, Message: "m"})
	}
	return out
}

// TestFingerprintsSurviveEdits checks that fingerprints do not depend on
// line numbers, on the order of the diagnostics, or on white space inside
// the flagged text, and that identical findings are told apart by their
// order in the file.
func TestFingerprintsSurviveEdits(t *testing.T) {
	before := "count += 1\nx = 1\ncount += 1\n"
	after := "import os\n\n\ncount +=  1\nx = 1\ncount += 1\n"
	fb := token.NewFile("m.py", []byte(before))
	fa := token.NewFile("m.py", []byte(after))
	got := Fingerprints("pkg/m.py", fb, diagsAt(ruleShared, span(t, before, "count += 1", 1), span(t, before, "count += 1", 0)))
	moved := Fingerprints("pkg/m.py", fa, diagsAt(ruleShared, span(t, after, "count +=  1", 0), span(t, after, "count += 1", 0)))
	first := Fingerprint("pkg/m.py", "FT001", "count += 1", 0)
	second := Fingerprint("pkg/m.py", "FT001", "count += 1", 1)
	if len(got) != 2 || got[0] != second || got[1] != first {
		t.Errorf("before the edit: got %v, want [%s %s]", got, second, first)
	}
	if len(moved) != 2 || moved[0] != first || moved[1] != second {
		t.Errorf("after the edit: got %v, want [%s %s]", moved, first, second)
	}
	if got := Fingerprints("pkg/m.py", fb, []checks.Diagnostic{{Span: token.Span{Start: 0, End: 1}}}); got != nil {
		t.Errorf("a diagnostic without a rule: got %v, want nil", got)
	}
}
