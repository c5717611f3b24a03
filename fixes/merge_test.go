package fixes

import (
	"fmt"
	"strings"
	"testing"

	"github.com/py314/py314/checks"
)

func cand(code string, edits ...checks.Edit) Candidate {
	return Candidate{Rule: &checks.Rule{Code: code}, Fix: &checks.Fix{Title: code, Applicability: checks.Safe, Edits: edits}}
}

// planString prints a plan in full: the accepted fixes by title, the
// merged edits, the invalid fixes, and the text after the edits.
func planString(src string, p Plan) string {
	var b strings.Builder
	for _, c := range p.Fixes {
		fmt.Fprintf(&b, "fix %s\n", c.Fix.Title)
	}
	for _, e := range p.Edits {
		fmt.Fprintf(&b, "edit [%d, %d) %q\n", e.Start, e.End, e.New)
	}
	for _, c := range p.Invalid {
		fmt.Fprintf(&b, "invalid %s\n", c.Fix.Title)
	}
	out, err := Apply([]byte(src), p.Edits)
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	} else {
		fmt.Fprintf(&b, "text %q\n", out)
	}
	return b.String()
}

func TestMerge(t *testing.T) {
	const src = "import a\nx = a.b(c)\n" // x at 9, a.b(c) at 13-19
	tests := []struct {
		name  string
		cands []Candidate
		want  string
	}{
		{"disjoint, taken by position", []Candidate{
			cand("late", repl(17, 18, "d")),
			cand("early", repl(9, 10, "y")),
		}, `fix early
fix late
edit [9, 10) "y"
edit [17, 18) "d"
text "import a\ny = a.b(d)\n"
`},
		{"overlap: the earlier fix wins", []Candidate{
			cand("inner", repl(15, 16, "c")),
			cand("outer", repl(13, 19, "f()")),
		}, `fix outer
edit [13, 19) "f()"
text "import a\nx = f()\n"
`},
		{"touching edits conflict", []Candidate{
			cand("left", repl(13, 15, "z.")),
			cand("right", repl(15, 16, "q")),
		}, `fix left
edit [13, 15) "z."
text "import a\nx = z.b(c)\n"
`},
		{"insertions at one offset conflict", []Candidate{
			cand("first", ins(0, "import b\n")),
			cand("second", ins(0, "import c\n")),
		}, `fix first
edit [0, 0) "import b\n"
text "import b\nimport a\nx = a.b(c)\n"
`},
		{"identical edits coalesce", []Candidate{
			cand("one", ins(0, "import b\n"), repl(9, 10, "y")),
			cand("two", ins(0, "import b\n"), repl(17, 18, "d")),
		}, `fix one
fix two
edit [0, 0) "import b\n"
edit [9, 10) "y"
edit [17, 18) "d"
text "import b\nimport a\ny = a.b(d)\n"
`},
		{"a duplicate fix coalesces whole", []Candidate{
			cand("one", repl(0, 9, "")),
			cand("again", repl(0, 9, "")),
		}, `fix one
fix again
edit [0, 9) ""
text "x = a.b(c)\n"
`},
		{"all edits or none", []Candidate{
			cand("two", repl(13, 14, "z"), repl(17, 18, "e")),
			cand("one", repl(9, 10, "y"), repl(17, 18, "d")),
			cand("three", repl(19, 20, "\n\n")),
		}, `fix one
fix three
edit [9, 10) "y"
edit [17, 18) "d"
edit [19, 20) "\n\n"
text "import a\ny = a.b(d)\n\n"
`},
		{"a conflict with one coalesced edit's neighbour", []Candidate{
			cand("one", ins(0, "import b\n")),
			cand("two", ins(0, "import b\n"), repl(0, 8, "import c")),
		}, `fix one
edit [0, 0) "import b\n"
text "import b\nimport a\nx = a.b(c)\n"
`},
		{"a fix's own edits may touch", []Candidate{
			cand("wrap", ins(13, "("), repl(13, 16, "a.c"), ins(16, ")")),
		}, `fix wrap
edit [13, 13) "("
edit [13, 16) "a.c"
edit [16, 16) ")"
text "import a\nx = (a.c)(c)\n"
`},
		{"a fix's own identical insertions are all made", []Candidate{
			cand("twice", ins(9, "#"), ins(9, "#")),
		}, `fix twice
edit [9, 9) "#"
edit [9, 9) "#"
text "import a\n##x = a.b(c)\n"
`},
		{"fixes without edits are left out", []Candidate{
			cand("empty"),
			{Rule: &checks.Rule{Code: "FK000"}},
			cand("fine", repl(9, 10, "y")),
		}, `fix fine
edit [9, 10) "y"
text "import a\ny = a.b(c)\n"
`},
		{"invalid fixes are set apart", []Candidate{
			cand("outside", repl(19, 40, "")),
			cand("overlapping", repl(0, 5, ""), repl(3, 8, "")),
			cand("fine", repl(9, 10, "y")),
		}, `fix fine
edit [9, 10) "y"
invalid outside
invalid overlapping
text "import a\ny = a.b(c)\n"
`},
	}
	for _, tt := range tests {
		if got := planString(src, Merge(len(src), tt.cands)); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestSelect(t *testing.T) {
	rule := func(code string) *checks.Rule { return &checks.Rule{Code: code} }
	fix := func(a checks.Applicability, edits ...checks.Edit) *checks.Fix {
		return &checks.Fix{Title: a.String(), Applicability: a, Edits: edits}
	}
	e := repl(0, 1, "x")
	diags := []checks.Diagnostic{
		{Rule: rule("FK001"), Fix: fix(checks.Safe, e)},
		{Rule: rule("FK002"), Fix: fix(checks.Unsafe, e)},
		{Rule: rule("FK003"), Fix: fix(checks.DisplayOnly, e)},
		{Rule: rule("FK004")},                        // no fix
		{Rule: rule("FK005"), Fix: fix(checks.Safe)}, // no edits
		{Fix: fix(checks.Safe, e)},                   // no rule
		{Rule: rule("FK006"), Fix: fix(checks.Safe, e)},
	}
	str := func(cs []Candidate) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.Rule.Code+" "+c.Fix.Title)
		}
		return strings.Join(s, ", ")
	}
	tests := []struct {
		min     checks.Applicability
		fixable func(*checks.Rule) bool
		want    string
	}{
		{checks.Safe, nil, "FK001 safe, FK006 safe"},
		{checks.Unsafe, nil, "FK001 safe, FK002 unsafe, FK006 safe"},
		{checks.DisplayOnly, nil, "FK001 safe, FK002 unsafe, FK006 safe"},
		{checks.Unsafe, func(r *checks.Rule) bool { return r.Code != "FK001" }, "FK002 unsafe, FK006 safe"},
	}
	for _, tt := range tests {
		if got := str(Select(diags, tt.min, tt.fixable)); got != tt.want {
			t.Errorf("Select(%s): got %q, want %q", tt.min, got, tt.want)
		}
	}
}
