package parser_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// FuzzParse feeds arbitrary bytes to the parser: it must not panic or hang,
// every error must lie inside the input, and every node's range must be
// well formed and inside the input. The seeds are the parser fixtures of
// corpus/parser; what the fuzzer found is kept in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	root := filepath.Join("..", "corpus", "parser")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		switch {
		case strings.HasSuffix(path, ".py"):
			f.Add(data)
		case strings.HasSuffix(path, ".txtar"):
			for _, file := range txtar.Parse(data).Files {
				f.Add(file.Data)
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, raw []byte) {
		res := parser.ParseFile("fuzz.py", raw, parser.Options{KeepTokens: true})
		n := len(res.File.Src)
		for _, e := range res.Errors {
			if e.Pos < 0 || int(e.Pos) > n || e.End < e.Pos || int(e.End) > n {
				t.Fatalf("error %q at %d-%d outside the input of %d bytes", e.Msg, e.Pos, e.End, n)
			}
		}
		ast.Inspect(res.Module, func(node ast.Node) bool {
			if node == nil {
				return false
			}
			if node.Pos() < 0 || node.End() < node.Pos() || int(node.End()) > n {
				t.Fatalf("%s has range %d-%d in an input of %d bytes", node.Kind(), node.Pos(), node.End(), n)
			}
			return true
		})
		for _, tok := range res.Tokens {
			if tok.Start < 0 || tok.End < tok.Start || int(tok.End) > n {
				t.Fatalf("token %s has range %d-%d in an input of %d bytes", tok.Kind, tok.Start, tok.End, n)
			}
		}
		ast.Dump(res.File, res.Module)
	})
}
