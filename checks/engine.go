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

	// Stop, when not nil, is asked every few hundred nodes and between
	// file hooks whether the run is still wanted (a language server's
	// check that a newer edit made stale). Once it reports true, Run
	// stops calling rules and returns a Result with Incomplete set. It
	// is called from Run's goroutine only and must be cheap.
	Stop func() bool
}

// Result is the outcome of checking one file.
type Result struct {
	Diagnostics []Diagnostic // sorted by position, then code
	// RuleErrors records rules that panicked: the rule, and the panic
	// with its stack. The other rules' diagnostics are still reported.
	RuleErrors []RuleError
	// Incomplete reports that Settings.Stop stopped the run. Such a
	// result has no diagnostics (the rules did not all see the file, so
	// what they found is neither complete nor suppression-filtered) and
	// must not be used as the file's diagnostics; RuleErrors still lists
	// the panics seen before the stop.
	Incomplete bool
}

// stopEvery is how many nodes the engine dispatches between two calls of
// Settings.Stop.
const stopEvery = 256

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
	e := &engine{p: p, rules: s.Rules, stop: s.Stop}
	e.table(e.applicable())
	if !e.run() {
		return Result{RuleErrors: e.errors, Incomplete: true}
	}

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
// rule that panics is recorded, taken out of the dispatch table, and the
// loop resumes after the call that failed.
type engine struct {
	p      *Pass
	rules  []*Rule
	failed map[*Rule]bool
	errors []RuleError
	byKind [ast.NumKinds][]*Rule // the rules that check each kind
	file   []*Rule               // the rules with a file hook
	stop   func() bool           // Settings.Stop
	halted bool                  // stop reported true

	// Where the dispatch is: the next node, and the next rule for it.
	node, next int
}

// applicable returns the enabled rules whose Applies does not rule the
// file out. A rule whose Applies panics is recorded and left out.
func (e *engine) applicable() []*Rule {
	var out []*Rule // nil while every rule so far applies
	for i, r := range e.rules {
		ok := r.Applies == nil || e.applies(r)
		switch {
		case !ok && out == nil:
			out = append(make([]*Rule, 0, len(e.rules)), e.rules[:i]...)
		case ok && out != nil:
			out = append(out, r)
		}
	}
	if out == nil {
		return e.rules
	}
	return out
}

// applies calls r.Applies under the engine's recover.
func (e *engine) applies(r *Rule) (ok bool) {
	defer e.recover()
	e.p.rule = r
	ok = r.Applies(e.p)
	e.p.rule = nil
	return ok
}

// table builds the dispatch table of rules.
func (e *engine) table(rules []*Rule) {
	// One backing array for all kinds.
	var counts [ast.NumKinds]int
	total := 0
	for _, r := range rules {
		for _, k := range r.Kinds {
			counts[k]++
			total++
		}
	}
	all := make([]*Rule, 0, total)
	for k := range e.byKind {
		if counts[k] > 0 {
			e.byKind[k] = all[len(all) : len(all) : len(all)+counts[k]]
			all = all[:len(all)+counts[k]]
		}
	}
	for _, r := range rules {
		for _, k := range r.Kinds {
			e.byKind[k] = append(e.byKind[k], r)
		}
		if r.File != nil {
			e.file = append(e.file, r)
		}
	}
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

// run dispatches every node, then runs the file hooks, until done. It
// reports false when e.stop stopped it.
func (e *engine) run() bool {
	if e.stopped() {
		return false
	}
	for !e.dispatch() {
	}
	if e.halted {
		return false
	}
	for _, r := range e.file {
		if e.stopped() {
			return false
		}
		if !e.failed[r] {
			e.fileHook(r)
		}
	}
	return true
}

// stopped asks e.stop whether to stop, and remembers a yes.
func (e *engine) stopped() bool {
	if !e.halted && e.stop != nil && e.stop() {
		e.halted = true
	}
	return e.halted
}

// dispatch calls the rules for the nodes from where the last call left
// off. It reports false when a rule panicked: that rule is then disabled
// and dispatch must be called again to go on. Only rule calls can panic in
// the loop, and p.rule is the rule being called.
func (e *engine) dispatch() (done bool) {
	defer e.recover()
	p, nodes := e.p, e.p.Model.Nodes
	for ; e.node < len(nodes); e.node, e.next = e.node+1, 0 {
		if e.stop != nil && e.node%stopEvery == 0 && e.next == 0 && e.stopped() {
			return true
		}
		n := nodes[e.node].Node
		rules := e.byKind[n.Kind()]
		for e.next < len(rules) {
			r := rules[e.next]
			e.next++
			p.rule = r
			r.Check(p, n)
		}
	}
	p.rule = nil
	return true
}

func (e *engine) fileHook(r *Rule) {
	defer e.recover()
	e.p.rule = r
	r.File(e.p)
	e.p.rule = nil
}

// recover records a panic of the rule being called (p.rule) and disables
// it. It must be deferred directly.
func (e *engine) recover() {
	v := recover()
	if v == nil {
		return
	}
	r := e.p.rule
	if r == nil {
		// Not a rule's panic: the engine's own bug.
		panic(v)
	}
	e.p.rule = nil
	if e.failed == nil {
		e.failed = map[*Rule]bool{}
	}
	e.failed[r] = true
	e.errors = append(e.errors, RuleError{Rule: r, Panic: fmt.Sprintf("%v\n%s", v, debug.Stack())})
	e.disable(r)
}

// disable takes r out of the dispatch table, keeping the position of the
// dispatch on the rules after it.
func (e *engine) disable(r *Rule) {
	var cur *[]*Rule
	if nodes := e.p.Model.Nodes; e.node < len(nodes) {
		cur = &e.byKind[nodes[e.node].Node.Kind()]
	}
	for k := range e.byKind {
		list := &e.byKind[k]
		kept := (*list)[:0]
		for i, x := range *list {
			if x != r {
				kept = append(kept, x)
			} else if list == cur && i < e.next {
				e.next--
			}
		}
		*list = kept
	}
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
