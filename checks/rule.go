// Package checks is py314's rule framework: what a rule is, what it reports,
// and the engine that runs the enabled rules over one parsed file.
//
// A rule is a value (*Rule), not a type to implement. It names the node
// kinds it wants to see and a function that looks at one node; the engine
// parses a file once, builds the semantic model once, and dispatches every
// node to the rules subscribed to its kind. Rules live in package
// checks/rules, one file per rule; a generated registry lists them.
package checks

import (
	"github.com/py314/py314/parser/ast"
)

// Severity orders how serious a finding is. Higher is more serious.
type Severity uint8

// The severities, from least to most serious. The zero value means "the
// rule's own severity" in a Diagnostic being reported.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = [...]string{"", "info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string { return severityNames[s] }

// ParseSeverity parses "info", "warning" or "error".
func ParseSeverity(s string) (Severity, bool) {
	for i, n := range severityNames {
		if n == s && i > 0 {
			return Severity(i), true
		}
	}
	return 0, false
}

// FixAvailability says whether a rule's diagnostics come with fixes.
type FixAvailability uint8

// The fix availabilities.
const (
	FixNone      FixAvailability = iota // the rule never offers a fix
	FixSometimes                        // some diagnostics have a fix
	FixAlways                           // every diagnostic has a fix
)

var fixAvailabilityNames = [...]string{FixNone: "none", FixSometimes: "sometimes", FixAlways: "always"}

// String returns "none", "sometimes" or "always".
func (f FixAvailability) String() string { return fixAvailabilityNames[f] }

// Rule describes one check. Rules are immutable values: per-run settings
// reach a rule through its Pass, never through fields of the Rule.
type Rule struct {
	Code     string // "FT001": family prefix and three digits; never reused
	Name     string // kebab-case name of the flagged pattern: "unsynchronized-shared-update"
	Summary  string // one line, lowercase, no trailing period
	Doc      string // the rule's page in Markdown, see below
	Severity Severity
	Default  bool // in the default rule set
	Fix      FixAvailability

	// Kinds lists the node kinds Check wants to see. The engine calls
	// Check once for every node of these kinds, in source order.
	Kinds []ast.Kind
	Check func(p *Pass, n ast.Node)

	// File, if set, runs once per file after the walk: for rules that look
	// at tokens, comments or the whole model.
	File func(p *Pass)

	// Applies, if set, is asked once per file, after the semantic model
	// is built and before any node is dispatched. When it reports false
	// the rule's Check and File are not called for that file at all. It
	// is for cheap whole-file tests that rule every report out (the
	// module imports none of the modules the rule is about, the file has
	// no t-string), which spare the engine calling the rule on every node
	// of its kinds. It must never report false for a file on which Check
	// or File could report something.
	Applies func(p *Pass) bool
}

// Doc is Markdown with these sections, in this order: "## What it does",
// "## Why it matters on Python 3.14", "## Example", "## Use instead",
// "## Fix safety" and "## References". The docs/ pages and `py314 rule`
// are generated from it.

// Family returns the rule's family: "FT", "DA", "ZS" or "PY".
func (r *Rule) Family() string { return r.Code[:2] }
