package checks

import (
	"cmp"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

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
	e := newEngine(p, s.Rules)
	e.run()

	diags := p.diags
	if e.enabled(SyntaxErrorRule.Code) {
		for _, e := range f.Errors {
			diags = append(diags, Diagnostic{
				Rule: SyntaxErrorRule, Span: token.Span{Start: e.Pos, End: e.End},
				Message: syntaxErrorMessage(e.Type.String(), e.Msg), Severity: Error,
			})
		}
	}
	diags = applySuppressions(f, diags, e.enabled)
	SortDiagnostics(diags)
	return Result{Diagnostics: diags, RuleErrors: e.errors}
}

// engine runs the rules of one file. It dispatches nodes in one loop under
// one recover, rather than with a deferred closure per node and rule: a
// rule that panics is recorded, disabled, and the loop resumes after the
// call that failed.
type engine struct {
	p      *Pass
	rules  []*Rule
	failed []bool // by index in rules
	errors []RuleError
	byKind [ast.NumKinds][]int32 // indexes in rules of the rules that check each kind
	file   []int32               // indexes of the rules with a file hook

	// Where the dispatch is: the next node, and the next rule for it.
	node, next int
	cur        int32 // the rule being called, -1 outside calls
}

func newEngine(p *Pass, rules []*Rule) *engine {
	e := &engine{p: p, rules: rules, failed: make([]bool, len(rules)), cur: -1}
	// One backing array for all kinds.
	var counts [ast.NumKinds]int
	total := 0
	for _, r := range rules {
		for _, k := range r.Kinds {
			counts[k]++
			total++
		}
	}
	all := make([]int32, 0, total)
	for k := range e.byKind {
		if counts[k] > 0 {
			e.byKind[k] = all[len(all) : len(all) : len(all)+counts[k]]
			all = all[:len(all)+counts[k]]
		}
	}
	for i, r := range rules {
		for _, k := range r.Kinds {
			e.byKind[k] = append(e.byKind[k], int32(i))
		}
		if r.File != nil {
			e.file = append(e.file, int32(i))
		}
	}
	return e
}

// enabled reports whether the rule with the given code is enabled. It is
// asked for a few codes per file: a scan is cheaper than building a set.
func (e *engine) enabled(code string) bool {
	for _, r := range e.rules {
		if r.Code == code {
			return true
		}
	}
	return false
}

// run dispatches every node, then runs the file hooks, until done.
func (e *engine) run() {
	for !e.dispatch() {
	}
	for _, i := range e.file {
		if !e.failed[i] {
			e.fileHook(i)
		}
	}
}

// dispatch calls the rules for the nodes from where the last call left
// off. It reports false when a rule panicked: that rule is then disabled
// and dispatch must be called again to go on.
func (e *engine) dispatch() (done bool) {
	defer e.recover()
	p, nodes := e.p, e.p.Model.Nodes
	for ; e.node < len(nodes); e.node, e.next = e.node+1, 0 {
		n := nodes[e.node].Node
		rules := e.byKind[n.Kind()]
		for e.next < len(rules) {
			i := rules[e.next]
			e.next++
			if e.failed[i] {
				continue
			}
			r := e.rules[i]
			e.cur, p.rule = i, r
			r.Check(p, n)
		}
	}
	e.cur = -1
	return true
}

func (e *engine) fileHook(i int32) {
	defer e.recover()
	r := e.rules[i]
	e.cur, e.p.rule = i, r
	r.File(e.p)
	e.cur = -1
}

// recover records a panic of the rule being called and disables it. It
// must be deferred directly.
func (e *engine) recover() {
	v := recover()
	if v == nil {
		return
	}
	if e.cur < 0 {
		// Not a rule's panic: the engine's own bug.
		panic(v)
	}
	e.failed[e.cur] = true
	e.errors = append(e.errors, RuleError{Rule: e.rules[e.cur], Panic: fmt.Sprintf("%v\n%s", v, debug.Stack())})
	e.cur = -1
}

func syntaxErrorMessage(typ, msg string) string {
	if typ == "SyntaxError" {
		return msg
	}
	return typ + ": " + msg
}

// SortDiagnostics orders diagnostics by position, then code, then message.
func SortDiagnostics(d []Diagnostic) {
	slices.SortStableFunc(d, func(a, b Diagnostic) int {
		if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule.Code, b.Rule.Code); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}
