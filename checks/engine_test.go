package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// TestRunSurvivesPanickingRules checks that a rule that panics is
// reported in RuleErrors and disabled, and that the other rules (and the
// rules after it on the same node) still run.
func TestRunSurvivesPanickingRules(t *testing.T) {
	var calls []string
	record := func(code string) func(p *Pass, n ast.Node) {
		return func(p *Pass, n ast.Node) {
			name := n.(*ast.Name)
			calls = append(calls, code+":"+name.Id)
			if name.Id == "boom" && code != "XX003" {
				panic("boom in " + code)
			}
			p.Reportf(n, "name %s", name.Id)
		}
	}
	rules := []*Rule{
		{Code: "XX001", Severity: Warning, Kinds: []ast.Kind{ast.KindName}, Check: record("XX001")},
		{Code: "XX002", Severity: Warning, Kinds: []ast.Kind{ast.KindName}, Check: record("XX002")},
		{Code: "XX003", Severity: Warning, Kinds: []ast.Kind{ast.KindName}, Check: record("XX003")},
		{Code: "XX004", Severity: Warning, File: func(p *Pass) { panic("file hook") }},
		{Code: "XX005", Severity: Warning, File: func(p *Pass) {
			p.Reportf(p.File.Module, "file hook ran")
		}},
	}
	f := parser.ParseSource("t.py", []byte("a\nboom\nc\n"), parser.Options{})
	res := Run(f, Settings{Rules: rules, Target: parser.Version{Major: 3, Minor: 14}})

	if got, want := strings.Join(calls, " "), "XX001:a XX002:a XX003:a XX001:boom XX002:boom XX003:boom XX003:c"; got != want {
		t.Errorf("calls:\n got %s\nwant %s", got, want)
	}
	var diags []string
	for _, d := range res.Diagnostics {
		diags = append(diags, fmt.Sprintf("%d-%d %s %s", d.Span.Start, d.Span.End, d.Rule.Code, d.Message))
	}
	want := []string{
		"0-1 XX001 name a",
		"0-1 XX002 name a",
		"0-1 XX003 name a",
		"0-0 XX005 file hook ran",
		"2-6 XX003 name boom",
		"7-8 XX003 name c",
	}
	if got := strings.Join(diags, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	var errs []string
	for _, e := range res.RuleErrors {
		first, _, _ := strings.Cut(e.Panic, "\n")
		errs = append(errs, e.Rule.Code+": "+first)
		if !strings.Contains(e.Panic, "goroutine") {
			t.Errorf("%s: the panic has no stack: %q", e.Rule.Code, e.Panic)
		}
	}
	if got, want := strings.Join(errs, "\n"), "XX001: boom in XX001\nXX002: boom in XX002\nXX004: file hook"; got != want {
		t.Errorf("rule errors:\n%s\nwant\n%s", got, want)
	}
}

// TestRunStops checks that a run stops calling rules soon after
// Settings.Stop reports true, and that its result is marked incomplete
// and has no diagnostics.
func TestRunStops(t *testing.T) {
	var src strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&src, "a%d\n", i)
	}
	f := parser.ParseSource("t.py", []byte(src.String()), parser.Options{})
	calls, hooks := 0, 0
	rules := []*Rule{
		{Code: "XX001", Severity: Warning, Kinds: []ast.Kind{ast.KindName}, Check: func(p *Pass, n ast.Node) {
			calls++
			p.Reportf(n, "name")
		}},
		{Code: "XX002", Severity: Warning, File: func(p *Pass) { hooks++ }},
	}
	for _, tc := range []struct {
		name         string
		stop         func() bool
		calls, hooks int
		diags        int
		incomplete   bool
	}{
		{"never", func() bool { return false }, 1000, 1, 1000, false},
		{"nil", nil, 1000, 1, 1000, false},
		{"at once", func() bool { return true }, 0, 0, 0, true},
		// Nodes go module, statement, name, statement, name...: the 300th
		// name is node 600, and Stop is next asked at node 768, before
		// which the rule has seen the names of nodes 602 to 766 too.
		{"after 300 names", func() bool { return calls >= 300 }, 383, 0, 0, true},
		// Stopped after the walk, before the file hook.
		{"before the file hook", func() bool { return calls >= 1000 }, 1000, 0, 0, true},
	} {
		calls, hooks = 0, 0
		res := Run(f, Settings{Rules: rules, Target: parser.Version{Major: 3, Minor: 14}, Stop: tc.stop})
		if calls != tc.calls || hooks != tc.hooks || len(res.Diagnostics) != tc.diags || res.Incomplete != tc.incomplete {
			t.Errorf("%s: %d calls, %d file hooks, %d diagnostics, incomplete %v; want %d, %d, %d, %v",
				tc.name, calls, hooks, len(res.Diagnostics), res.Incomplete, tc.calls, tc.hooks, tc.diags, tc.incomplete)
		}
	}
}

// TestRunApplies checks that a rule whose Applies reports false is called
// neither on nodes nor as a file hook for that file, that the other rules
// run as before, and that a panicking Applies is reported like a
// panicking check.
func TestRunApplies(t *testing.T) {
	var calls []string
	record := func(code string) func(p *Pass, n ast.Node) {
		return func(p *Pass, n ast.Node) {
			calls = append(calls, code+":"+n.(*ast.Name).Id)
			p.Reportf(n, "name %s", n.(*ast.Name).Id)
		}
	}
	hasB := func(p *Pass) bool {
		for i := range p.Model.Nodes {
			if n, ok := p.Model.Nodes[i].Node.(*ast.Name); ok && n.Id == "b" {
				return true
			}
		}
		return false
	}
	rules := []*Rule{
		{Code: "XX001", Severity: Warning, Kinds: []ast.Kind{ast.KindName}, Check: record("XX001"), Applies: hasB},
		{Code: "XX002", Severity: Warning, Kinds: []ast.Kind{ast.KindName}, Check: record("XX002")},
		{Code: "XX003", Severity: Warning, Kinds: []ast.Kind{ast.KindName}, Check: record("XX003"),
			Applies: func(p *Pass) bool { panic("applies") }},
		{Code: "XX004", Severity: Warning, Applies: hasB, File: func(p *Pass) {
			calls = append(calls, "XX004")
			p.Reportf(p.File.Module, "file hook ran")
		}},
	}
	for _, tc := range []struct{ src, calls, diags string }{
		{"a\nc\n", "XX002:a XX002:c", "0-1 XX002 name a\n2-3 XX002 name c"},
		{"a\nb\n", "XX001:a XX002:a XX001:b XX002:b XX004",
			"0-1 XX001 name a\n0-1 XX002 name a\n0-0 XX004 file hook ran\n2-3 XX001 name b\n2-3 XX002 name b"},
	} {
		calls = nil
		f := parser.ParseSource("t.py", []byte(tc.src), parser.Options{})
		res := Run(f, Settings{Rules: rules, Target: parser.Version{Major: 3, Minor: 14}})
		if got := strings.Join(calls, " "); got != tc.calls {
			t.Errorf("%q: calls:\n got %s\nwant %s", tc.src, got, tc.calls)
		}
		var diags []string
		for _, d := range res.Diagnostics {
			diags = append(diags, fmt.Sprintf("%d-%d %s %s", d.Span.Start, d.Span.End, d.Rule.Code, d.Message))
		}
		if got := strings.Join(diags, "\n"); got != tc.diags {
			t.Errorf("%q: diagnostics:\n%s\nwant\n%s", tc.src, got, tc.diags)
		}
		var errs []string
		for _, e := range res.RuleErrors {
			first, _, _ := strings.Cut(e.Panic, "\n")
			errs = append(errs, e.Rule.Code+": "+first)
		}
		if got, want := strings.Join(errs, "\n"), "XX003: applies"; got != want {
			t.Errorf("%q: rule errors:\n%s\nwant\n%s", tc.src, got, want)
		}
	}
}
