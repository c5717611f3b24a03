package rules

import (
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/corpus/oracle"
	"github.com/py314/py314/parser"
)

// BenchmarkRules runs each rule alone over CPython 3.14's standard library,
// parsed once beforehand. The "none" case is the engine and the semantic
// model with no rule enabled; a rule's own cost is its time minus that.
// Select one rule with -bench Rules/PY304.
func BenchmarkRules(b *testing.B) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		b.Fatal(err)
	}
	var parsed []*parser.File
	var n int64
	for _, f := range files {
		parsed = append(parsed, parser.ParseFile("x.py", f.Src, parser.Options{}))
		n += int64(len(f.Src))
	}
	target := parser.Version{Major: 3, Minor: 14}
	run := func(b *testing.B, rs []*checks.Rule) {
		s := checks.Settings{Rules: rs, Target: target}
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range parsed {
				checks.Run(f, s)
			}
		}
	}
	b.Run("none", func(b *testing.B) { run(b, nil) })
	b.Run("ALL", func(b *testing.B) { run(b, All()) })
	for _, r := range All() {
		b.Run(r.Code, func(b *testing.B) { run(b, []*checks.Rule{r}) })
	}
}
