package checks

import (
	"github.com/py314/py314/parser/token"
)

// Applicability says when a fix may be applied.
type Applicability uint8

// The applicabilities, from least to most trusted.
const (
	// DisplayOnly fixes are shown to the user and never applied.
	DisplayOnly Applicability = iota
	// Unsafe fixes may change behaviour or drop comments; they are
	// applied only with --unsafe-fixes.
	Unsafe
	// Safe fixes keep the meaning of the code exactly; --fix applies them.
	Safe
)

var applicabilityNames = [...]string{DisplayOnly: "display-only", Unsafe: "unsafe", Safe: "safe"}

// String returns "display-only", "unsafe" or "safe".
func (a Applicability) String() string { return applicabilityNames[a] }

// Edit replaces the bytes [Start, End) of the decoded source with New. A
// pure insertion has Start == End.
type Edit struct {
	Start, End token.Pos
	New        string
}

// Replace returns an edit that replaces span with text.
func Replace(span token.Span, text string) Edit {
	return Edit{Start: span.Start, End: span.End, New: text}
}

// Insert returns an edit that inserts text at pos.
func Insert(pos token.Pos, text string) Edit { return Edit{Start: pos, End: pos, New: text} }

// Delete returns an edit that removes span.
func Delete(span token.Span) Edit { return Edit{Start: span.Start, End: span.End} }

// Fix is one change that resolves a diagnostic. Its edits are applied all
// together or not at all; they must not overlap.
type Fix struct {
	Title         string // verb phrase: "Replace `ast.Num` with `ast.Constant`"
	Applicability Applicability
	Edits         []Edit // sorted by Start
}

// Diagnostic is one finding.
type Diagnostic struct {
	Rule     *Rule
	Span     token.Span // the flagged range of the decoded source
	Message  string     // lowercase, no trailing period
	Severity Severity   // the rule's severity, or lower where the rule says so
	Fix      *Fix       // or nil
}

// Span returns the span [start, end).
func Span(start, end token.Pos) token.Span { return token.Span{Start: start, End: end} }
