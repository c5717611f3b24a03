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
