package corpus

import (
	"runtime"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/rules"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/corpus/oracle"
	"github.com/py314/py314/fixes"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/scanner"
	"github.com/py314/py314/parser/token"
)

func stdlibSources(b *testing.B) ([][]byte, int64) {
	b.Helper()
	files, err := oracle.StdlibFiles()
	if err != nil {
		b.Fatal(err)
	}
	var srcs [][]byte
	var n int64
	for _, f := range files {
		srcs = append(srcs, f.Src)
		n += int64(len(f.Src))
	}
	return srcs, n
}

// BenchmarkScanStdlib measures the scanner alone over CPython 3.14's
// standard library.
func BenchmarkScanStdlib(b *testing.B) {
	srcs, n := stdlibSources(b)
	b.SetBytes(n)
	b.ResetTimer()
	var s scanner.Scanner
	var errs scanner.ErrorList
	for b.Loop() {
		for _, src := range srcs {
			errs = errs[:0]
			s.Init(src, &errs, 0)
			for s.Next().Kind != token.EOF {
			}
		}
	}
}

// BenchmarkParseStdlib measures parsing to the full tree with positions,
// one core, over CPython 3.14's standard library.
func BenchmarkParseStdlib(b *testing.B) {
	srcs, n := stdlibSources(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, src := range srcs {
			parser.ParseFile("x.py", src, parser.Options{})
		}
	}
}

// BenchmarkParseRetained reports the heap that parsed files keep, in bytes
// per source byte: every file of the standard library is parsed and held
// until the measurement, so that only the trees (with comments, gates and
// line tables left to build) count, not the garbage of parsing.
func BenchmarkParseRetained(b *testing.B) {
	srcs, n := stdlibSources(b)
	files := make([]*parser.File, len(srcs))
	var before, after runtime.MemStats
	b.ResetTimer()
	for b.Loop() {
		clear(files)
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i, src := range srcs {
			files[i] = parser.ParseFile("x.py", src, parser.Options{})
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	runtime.KeepAlive(files)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "retained-B/byte")
}

// BenchmarkCheckStdlib measures py314 check --select ALL without the
// command around it: parse, semantic model and every rule, one core, over
// CPython 3.14's standard library.
func BenchmarkCheckStdlib(b *testing.B) {
	srcs, n := stdlibSources(b)
	s := checks.Settings{Rules: rules.All(), Target: parser.Version{Major: 3, Minor: 14}}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, src := range srcs {
			f := parser.ParseFile("x.py", src, parser.Options{})
			checks.Run(f, s)
		}
	}
}

// BenchmarkFixStdlib measures py314 check --select ALL --fix
// --unsafe-fixes without the command around it: parse, check, and the fix
// loop with its re-parses and re-checks until nothing changes, one core,
// over the standard library (about twenty of its files have fixes).
func BenchmarkFixStdlib(b *testing.B) {
	srcs, n := stdlibSources(b)
	s := checks.Settings{Rules: rules.All(), Target: parser.Version{Major: 3, Minor: 14}}
	lint := func(f *parser.File) []checks.Diagnostic { return checks.Run(f, s).Diagnostics }
	opts := fixes.Options{Applicability: checks.Unsafe}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	fixed := 0
	for b.Loop() {
		fixed = 0
		for _, src := range srcs {
			res := fixes.Fix(parser.ParseFile("x.py", src, parser.Options{}), lint, opts)
			if len(res.Applied) > 0 {
				fixed++
			}
		}
	}
	b.ReportMetric(float64(fixed), "files-fixed")
}

// stdlibParsed returns the standard library's files parsed, for the
// benchmarks of what runs after the parser, and their total size.
func stdlibParsed(b *testing.B) ([]*parser.File, int64) {
	b.Helper()
	srcs, n := stdlibSources(b)
	parsed := make([]*parser.File, len(srcs))
	for i, src := range srcs {
		parsed[i] = parser.ParseFile("x.py", src, parser.Options{})
	}
	return parsed, n
}

// BenchmarkBuild builds the semantic model of every file of the standard
// library, parsed once before.
func BenchmarkBuild(b *testing.B) {
	parsed, n := stdlibParsed(b)
	b.Run("stdlib", func(b *testing.B) {
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range parsed {
				semantic.Build(f)
			}
		}
	})
}

// BenchmarkRules runs each rule alone over the standard library, parsed
// once beforehand. The "none" case is the engine and the semantic model
// with no rule enabled; a rule's own cost is its time minus that. Select
// one rule with -bench Rules/PY304.
func BenchmarkRules(b *testing.B) {
	parsed, n := stdlibParsed(b)
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
	b.Run("ALL", func(b *testing.B) { run(b, rules.All()) })
	for _, r := range rules.All() {
		b.Run(r.Code, func(b *testing.B) { run(b, []*checks.Rule{r}) })
	}
}
