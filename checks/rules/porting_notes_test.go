package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPortingNotes compares docs/porting-notes.md with the page generated
// from portingNotes (run with -update to rewrite it), and checks the table:
// each item names existing rules or says why none can report it, and every
// PY3xx and PY4xx rule covers an item.
func TestPortingNotes(t *testing.T) {
	all := All()
	known := map[string]bool{}
	for _, r := range all {
		known[r.Code] = true
	}
	cited := map[string]bool{}
	for _, s := range portingNotes {
		for _, n := range s.notes {
			if (len(n.rules) == 0) == (n.why == "") {
				t.Errorf("%q: give either rules or the reason there are none", n.item)
			}
			for _, code := range n.rules {
				if !known[code] {
					t.Errorf("%q: no rule has code %s", n.item, code)
				}
				cited[code] = true
			}
		}
	}
	for _, r := range all {
		if (strings.HasPrefix(r.Code, "PY3") || strings.HasPrefix(r.Code, "PY4")) && !cited[r.Code] {
			t.Errorf("%s covers no item of the porting notes", r.Code)
		}
	}

	path := filepath.Join("..", "..", "docs", "porting-notes.md")
	want := portingNotesPage(all)
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s is stale: run go test ./checks/rules -run TestPortingNotes -update", path)
	}
}
