package fixes

import (
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// TestFixWithEngine runs Fix with the real engine: a rule that renames a
// name, checks.Run as lint, a suppression comment that keeps one use, and
// a diff of the result.
func TestFixWithEngine(t *testing.T) {
	rename := &checks.Rule{
		Code: "FK100", Name: "old-name", Severity: checks.Warning, Fix: checks.FixAlways,
		Kinds: []ast.Kind{ast.KindName},
		Check: func(p *checks.Pass, n ast.Node) {
			if name := n.(*ast.Name); name.Id == "old_name" {
				span := checks.SpanOf(n)
				p.ReportFix(span, "use of `old_name`", &checks.Fix{
					Title: "Rename to `new_name`", Applicability: checks.Safe,
					Edits: []checks.Edit{checks.Replace(span, "new_name")},
				})
			}
		},
	}
	settings := checks.Settings{Rules: []*checks.Rule{rename}, Target: parser.Version{Major: 3, Minor: 9}}
	lint := func(f *parser.File) []checks.Diagnostic { return checks.Run(f, settings).Diagnostics }

	raw := "x = old_name\r\ny = old_name  # noqa: FK100\r\nz = old_name + old_name\r\n"
	f := parser.ParseFile("pkg/m.py", []byte(raw), parser.Options{})
	res := Fix(f, lint, Options{Applicability: checks.Safe})
	checkFix(t, "engine", res, `rounds: 1
text: "x = new_name\r\ny = old_name  # noqa: FK100\r\nz = new_name + new_name\r\n"
applied: 3 × FK100
`)
	diff := Unified("pkg/m.py", "pkg/m.py", f.File.Src, res.File.File.Src)
	want := "--- a/pkg/m.py\n+++ b/pkg/m.py\n@@ -1,3 +1,3 @@\n" +
		"-x = old_name\r\n+x = new_name\r\n y = old_name  # noqa: FK100\r\n" +
		"-z = old_name + old_name\r\n+z = new_name + new_name\r\n"
	if diff != want {
		t.Errorf("diff: got\n%q\nwant\n%q", diff, want)
	}
}
