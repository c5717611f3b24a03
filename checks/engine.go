package checks

import (
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// Settings are what a run of the rules over one file depends on besides
// the file itself.
type Settings struct {
	Rules  []*Rule        // the enabled rules
	Target parser.Version // the oldest Python version the code must run on
}

// Result is the outcome of checking one file.
type Result struct {
	Diagnostics []Diagnostic // sorted by position, then code
	// RuleErrors records rules that panicked: the rule, and the panic
	// with its stack. The other rules' diagnostics are still reported.
	RuleErrors []RuleError
}

// RuleError is a panic inside one rule.
type RuleError struct {
	Rule  *Rule
	Panic string
}

func (e RuleError) Error() string { return fmt.Sprintf("rule %s failed: %s", e.Rule.Code, e.Panic) }

// Run checks one parsed file with the enabled rules: it builds the semantic
// model, dispatches every node to the rules subscribed to its kind, runs
// the rules' file hooks, turns parse errors into PY001, and applies
// suppression comments (reporting unused ones as PY002 when enabled).
func Run(f *parser.File, s Settings) Result {
	p := &Pass{File: f, Target: s.Target}
	p.Model = semantic.Build(f)
	var res Result

	var byKind [ast.NumKinds][]*Rule
	var fileRules []*Rule
	enabled := map[string]bool{}
	for _, r := range s.Rules {
		enabled[r.Code] = true
		for _, k := range r.Kinds {
			byKind[k] = append(byKind[k], r)
		}
		if r.File != nil {
			fileRules = append(fileRules, r)
		}
	}
	failed := map[*Rule]bool{}
	call := func(r *Rule, f func()) {
		if failed[r] {
			return
		}
		defer func() {
			if v := recover(); v != nil {
				failed[r] = true
				res.RuleErrors = append(res.RuleErrors, RuleError{Rule: r, Panic: fmt.Sprintf("%v\n%s", v, debug.Stack())})
			}
		}()
		p.rule = r
		f()
	}
	for i := range p.Model.Nodes {
		n := p.Model.Nodes[i].Node
		for _, r := range byKind[n.Kind()] {
			call(r, func() { r.Check(p, n) })
		}
	}
	for _, r := range fileRules {
		call(r, func() { r.File(p) })
	}
	diags := p.diags
	if enabled[SyntaxErrorRule.Code] {
		for _, e := range f.Errors {
			diags = append(diags, Diagnostic{
				Rule: SyntaxErrorRule, Span: token.Span{Start: e.Pos, End: e.End},
				Message: syntaxErrorMessage(e.Type.String(), e.Msg), Severity: Error,
			})
		}
	}
	diags = applySuppressions(f, diags, enabled)
	SortDiagnostics(diags)
	res.Diagnostics = diags
	return res
}

func syntaxErrorMessage(typ, msg string) string {
	if typ == "SyntaxError" {
		return msg
	}
	return typ + ": " + msg
}

// SortDiagnostics orders diagnostics by position, then code, then message.
func SortDiagnostics(d []Diagnostic) {
	sort.SliceStable(d, func(i, j int) bool {
		a, b := &d[i], &d[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Rule.Code != b.Rule.Code {
			return a.Rule.Code < b.Rule.Code
		}
		return a.Message < b.Message
	})
}
