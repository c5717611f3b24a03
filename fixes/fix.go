package fixes

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/scanner"
)

// DefaultMaxRounds is how many rounds Fix makes at most unless told
// otherwise.
const DefaultMaxRounds = 100

// Options control Fix.
type Options struct {
	// Applicability is the least trusted kind of fix to apply: checks.Safe
	// for --fix, checks.Unsafe for --unsafe-fixes. Display-only fixes are
	// never applied.
	Applicability checks.Applicability
	// Fixable, if not nil, says which rules' fixes may be applied (the
	// fixable and unfixable settings).
	Fixable func(*checks.Rule) bool
	// Parse are the options for re-parsing the text after each round.
	Parse parser.Options
	// MaxRounds bounds the number of rounds; 0 means DefaultMaxRounds.
	MaxRounds int
}

// Result is the outcome of fixing one file.
type Result struct {
	// File is the final text, parsed; File.File.Src is the text. It is the
	// file given to Fix if no fix was applied (Rounds == 0).
	File *parser.File
	// Applied counts the fixes applied, per rule, sorted by code.
	Applied []Count
	// Diagnostics are those that lint reported for the final text.
	Diagnostics []checks.Diagnostic
	// Rounds is the number of rounds whose fixes were kept.
	Rounds int
	// Bugs are the fixes that Fix rolled back or refused. The rules named
	// there had no further fixes applied.
	Bugs []Bug
	// Unconverged, if not empty, lists the rules, sorted by code, that
	// still offered fixes after the last round allowed: Fix stopped before
	// the text stopped changing.
	Unconverged []*checks.Rule
}

// Count is the number of fixes of one rule that were applied.
type Count struct {
	Rule  *checks.Rule
	Count int
}

// A Bug is a round of fixes that Fix did not keep, blamed on the rules
// whose fixes were in it.
type Bug struct {
	Rules  []*checks.Rule // sorted by code
	Round  int            // the round, from 1
	Reason string         // what went wrong: "would introduce a syntax error at 2:5: invalid syntax"
}

// Error says which rules' fixes were not applied and why: "fixes of
// FK004, FK005 not applied (round 1): they would introduce a syntax error
// at 1:11: * argument may appear only once".
func (b Bug) Error() string {
	codes := make([]string, len(b.Rules))
	for i, r := range b.Rules {
		codes[i] = r.Code
	}
	what, who := "fixes", "they"
	if len(codes) == 1 {
		what, who = "fix", "it"
	}
	return fmt.Sprintf("%s of %s not applied (round %d): %s %s", what, strings.Join(codes, ", "), b.Round, who, b.Reason)
}

// Fix applies fixes to f in rounds, as --fix does. Each round lints the
// text, selects the fixes opts allow, merges those that do not conflict,
// applies them, and re-parses the result under f's name; lint is called on
// every new parse. The rounds end when no fix is left to apply, or after
// opts.MaxRounds rounds, when the rules still offering fixes are listed in
// Result.Unconverged.
//
// A round is rolled back, and reported in Result.Bugs, if its fixes turn a
// text without syntax errors into one with some, leave the text as it was,
// or make text that cannot be written in f's encoding; a fix whose edits
// are out of order, overlap or lie outside the text is refused before the
// round. Fix then finds the rules whose fixes fail on their own (all of
// the round's rules if none does), reports each, applies no more fixes of
// theirs, and makes the round again without them.
//
// The parses Fix makes keep f.Encoding and f.BOM. A file with an empty
// Encoding, which is what parser.ParseFile gives when the bytes could not
// be decoded, is linted but not fixed: its text is not the file's.
func Fix(f *parser.File, lint func(*parser.File) []checks.Diagnostic, opts Options) Result {
	maxRounds := opts.MaxRounds
	if maxRounds <= 0 {
		maxRounds = DefaultMaxRounds
	}
	fx := &fixer{
		orig:     f,
		opts:     opts,
		disabled: map[string]bool{},
		applied:  map[string]*Count{},
	}
	res := Result{File: f}
	diags := lint(f)
	round := 0
	for {
		cands := Select(diags, opts.Applicability, fx.fixable)
		if len(cands) == 0 || f.Encoding == "" {
			break
		}
		if round == maxRounds {
			res.Unconverged = rulesOf(cands)
			break
		}
		cur := res.File
		src := cur.File.Src
		plan := Merge(len(src), cands)
		if len(plan.Invalid) > 0 {
			// Refuse the invalid fixes and try again on the same text.
			for _, c := range plan.Invalid {
				fx.disabled[c.Rule.Code] = true
			}
			res.Bugs = append(res.Bugs, Bug{Rules: rulesOf(plan.Invalid), Round: round + 1,
				Reason: "has edits out of order, overlapping or outside the text"})
			continue
		}
		next, reason := fx.try(cur, plan.Edits)
		if reason != "" {
			bugs := fx.blame(cur, plan.Fixes, round+1)
			if bugs == nil {
				bugs = []Bug{{Rules: rulesOf(plan.Fixes), Round: round + 1, Reason: reason}}
			}
			for _, b := range bugs {
				for _, r := range b.Rules {
					fx.disabled[r.Code] = true
				}
			}
			res.Bugs = append(res.Bugs, bugs...)
			continue
		}
		round++
		for _, c := range plan.Fixes {
			n := fx.applied[c.Rule.Code]
			if n == nil {
				n = &Count{Rule: c.Rule}
				fx.applied[c.Rule.Code] = n
			}
			n.Count++
		}
		res.File = next
		diags = lint(next)
	}
	res.Rounds = round
	res.Diagnostics = diags
	for _, n := range fx.applied {
		res.Applied = append(res.Applied, *n)
	}
	sort.Slice(res.Applied, func(i, j int) bool { return res.Applied[i].Rule.Code < res.Applied[j].Rule.Code })
	return res
}

// fixer holds the state of one run of Fix.
type fixer struct {
	orig     *parser.File
	opts     Options
	disabled map[string]bool   // codes of the rules whose fixes failed
	applied  map[string]*Count // by code
}

func (fx *fixer) fixable(r *checks.Rule) bool {
	if fx.disabled[r.Code] {
		return false
	}
	return fx.opts.Fixable == nil || fx.opts.Fixable(r)
}

// try applies edits to cur and parses the result. It returns the new parse,
// or why the edits must be rolled back.
func (fx *fixer) try(cur *parser.File, edits []checks.Edit) (*parser.File, string) {
	text, err := Apply(cur.File.Src, edits)
	if err != nil {
		return nil, "has edits that cannot be applied: " + err.Error()
	}
	if bytes.Equal(text, cur.File.Src) {
		return nil, "would not change the text"
	}
	if _, err := scanner.Encode(text, scanner.Source{Encoding: fx.orig.Encoding}); err != nil {
		return nil, "would make text that cannot be written back: " + err.Error()
	}
	next := parser.ParseSource(cur.File.Name, text, fx.opts.Parse)
	next.Encoding, next.BOM = fx.orig.Encoding, fx.orig.BOM
	if len(cur.Errors) == 0 && len(next.Errors) > 0 {
		e := next.Errors[0]
		pos := next.File.Position(e.Pos)
		return nil, fmt.Sprintf("would introduce a syntax error at %d:%d: %s", pos.Line, pos.Column+1, e.Msg)
	}
	return next, ""
}

// blame tries the fixes of each rule among fixes on cur without the
// others' and returns a bug for each rule whose fixes fail on their own.
func (fx *fixer) blame(cur *parser.File, fixes []Candidate, round int) []Bug {
	rules := rulesOf(fixes)
	if len(rules) == 1 {
		return nil
	}
	var bugs []Bug
	for _, r := range rules {
		var own []Candidate
		for _, c := range fixes {
			if c.Rule.Code == r.Code {
				own = append(own, c)
			}
		}
		if _, reason := fx.try(cur, Merge(len(cur.File.Src), own).Edits); reason != "" {
			bugs = append(bugs, Bug{Rules: []*checks.Rule{r}, Round: round, Reason: reason})
		}
	}
	return bugs
}

// rulesOf returns the rules of cands, one per code, sorted by code.
func rulesOf(cands []Candidate) []*checks.Rule {
	seen := map[string]bool{}
	var rules []*checks.Rule
	for _, c := range cands {
		if !seen[c.Rule.Code] {
			seen[c.Rule.Code] = true
			rules = append(rules, c.Rule)
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].Code < rules[j].Code })
	return rules
}
