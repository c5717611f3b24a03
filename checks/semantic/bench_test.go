package semantic

import (
	"testing"

	"github.com/py314/py314/corpus/oracle"
	"github.com/py314/py314/parser"
)

// BenchmarkBuild builds the model of every file of the standard library,
// parsed once before.
func BenchmarkBuild(b *testing.B) {
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
	b.Run("stdlib", func(b *testing.B) {
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range parsed {
				Build(f)
			}
		}
	})
}
