package output

import (
	"io"
	"strings"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

// benchResults returns one file of 10,000 lines with a diagnostic on each.
func benchResults() []FileResult {
	line := "\tvalue = compute(\"héllo\", 文字)  # comment\n"
	src := strings.Repeat(line, 10000)
	f := token.NewFile("big.py", []byte(src))
	diags := make([]checks.Diagnostic, 0, 10000)
	for i := range 10000 {
		start := token.Pos(i*len(line) + 1)
		diags = append(diags, checks.Diagnostic{
			Rule: ruleShared, Span: token.Span{Start: start, End: start + 5}, Message: "`value` is updated without a lock",
			Fix: &checks.Fix{Title: "Rename", Applicability: checks.Safe, Edits: []checks.Edit{{Start: start, End: start + 5, New: "_value"}}},
		})
	}
	return []FileResult{{Path: "pkg/big.py", File: f, Diagnostics: diags}}
}

func BenchmarkWrite(b *testing.B) {
	results := benchResults()
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, format, results, sampleOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
