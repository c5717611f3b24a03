package semantic

import (
	"testing"

	"github.com/py314/py314/parser/ast"
)

// TestModuleLevelGlobal checks that a global statement at module level,
// which Python accepts and ignores, leaves names resolving to the
// module's bindings.
func TestModuleLevelGlobal(t *testing.T) {
	f, m := build(t, "import os\nglobal os, counter\ncounter = 1\nprint(os, counter)\n")
	var got []string
	for _, info := range m.Nodes {
		if n, ok := info.Node.(*ast.Name); ok && n.Ctx == ast.Load && n.Id != "print" {
			id := m.Resolve(n)
			if id == NoBinding {
				got = append(got, n.Id+" -> none")
				continue
			}
			b := m.Binding(id)
			line, _ := f.File.LineCol(b.Span.Start)
			got = append(got, n.Id+" -> "+b.Kind.String()+" on line "+string(rune('0'+line)))
		}
	}
	want := []string{"os -> import on line 1", "counter -> assignment on line 3"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got[i], want[i])
		}
	}
}
