package checks

import (
	"fmt"

	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// Pass is what a rule sees of one file: the parse result, the semantic
// model, the settings that apply to the file, and a way to report.
type Pass struct {
	File   *parser.File
	Model  *semantic.Model
	Target parser.Version // the oldest Python version the code must run on

	rule  *Rule
	diags []Diagnostic
	memo  []memoEntry
}

type memoEntry struct{ key, value any }

// Memo returns the value f computes for key, calling f only the first time
// the key is asked for in this file. Rules use it to share an analysis
// (such as which functions run on several threads) without computing it
// once per node. Keys should be values of an unexported type of the
// package that defines them, and few per file: Memo is asked on every
// node of some kinds, and the keys are compared one by one, which costs
// less than hashing an interface for the dozen keys a file has.
func (p *Pass) Memo(key any, f func() any) any {
	for i := range p.memo {
		if p.memo[i].key == key {
			return p.memo[i].value
		}
	}
	v := f()
	p.memo = append(p.memo, memoEntry{key, v})
	return v
}

// Rule returns the rule being run.
func (p *Pass) Rule() *Rule { return p.rule }

// Src returns the decoded source.
func (p *Pass) Src() []byte { return p.File.File.Src }

// Text returns the source text of a node.
func (p *Pass) Text(n ast.Node) string { return string(p.File.File.Src[n.Pos():n.End()]) }

// SpanText returns the source text of a span.
func (p *Pass) SpanText(s token.Span) string { return string(p.File.File.Src[s.Start:s.End]) }

// TargetBelow reports whether the target includes versions older than v:
// whether code must still run on a Python before v.
func (p *Pass) TargetBelow(v parser.Version) bool { return p.Target.Less(v) }

// Report records a diagnostic of the running rule. A zero Severity means
// the rule's.
func (p *Pass) Report(d Diagnostic) {
	d.Rule = p.rule
	if d.Severity == 0 {
		d.Severity = p.rule.Severity
	}
	p.diags = append(p.diags, d)
}

// Reportf reports a diagnostic on node n with a formatted message.
func (p *Pass) Reportf(n ast.Node, format string, args ...any) {
	p.Report(Diagnostic{Span: token.Span{Start: n.Pos(), End: n.End()}, Message: fmt.Sprintf(format, args...)})
}

// ReportFix reports a diagnostic on span with a fix (which may be nil).
func (p *Pass) ReportFix(span token.Span, msg string, fix *Fix) {
	p.Report(Diagnostic{Span: span, Message: msg, Fix: fix})
}

// SpanOf returns the span of a node.
func SpanOf(n ast.Node) token.Span { return token.Span{Start: n.Pos(), End: n.End()} }
