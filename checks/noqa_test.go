package checks_test

import (
	"strings"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/rules"
	"github.com/py314/py314/fixes"
	"github.com/py314/py314/parser"
)

func TestUnusedSuppressionFix(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = 1  # noqa: PY101\n", "x = 1\n"},
		{"x = 1\t# noqa:PY101\n", "x = 1\n"},
		{"x = 1  # NOQA: PY101, PY002\n", "x = 1\n"},
		{"import ast\nx = ast.Num  # NOQA: PY101, PY002\n", "import ast\nx = ast.Num  # NOQA: PY101\n"},
		{"x = 1  # reason  # noqa: PY101\n", "x = 1  # reason\n"},
		{"x = 1  # noqa: PY101  # reason\n", "x = 1  # reason\n"},
		{"x = 1  # noqa: PY101 because\n", "x = 1  # because\n"},
		{"import ast\nx = ast.Num  # noqa: PY002, PY101\n", "import ast\nx = ast.Num  # noqa: PY101\n"},
		{"# py314: noqa: PY101\nx = 1\n", "\nx = 1\n"},
		{"x = 1  # noqa\n", "x = 1  # noqa\n"},             // bare: left alone
		{"x = 1  # noqa: E501\n", "x = 1  # noqa: E501\n"}, // other tools' codes
	}
	settings := checks.Settings{Rules: []*checks.Rule{checks.UnusedSuppressionRule, rules.PY101}, Target: parser.Version{Major: 3, Minor: 14}}
	lint := func(f *parser.File) []checks.Diagnostic { return checks.Run(f, settings).Diagnostics }
	for _, tt := range tests {
		f := parser.ParseSource("t.py", []byte(tt.src), parser.Options{})
		res := fixes.Fix(f, lint, fixes.Options{Applicability: checks.Safe})
		if got := string(res.File.File.Src); got != tt.want {
			t.Errorf("fix of %q:\ngot  %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestNoqaEdits(t *testing.T) {
	src := "import ast\nx = ast.Num\ny = ast.Str  # keep\nz = ast.Bytes  # noqa: E501\ns = '''\n%s''' % ast.Num\nw = ast.Num  # noqa\n"
	f := parser.ParseSource("t.py", []byte(src), parser.Options{KeepTokens: true})
	settings := checks.Settings{Rules: []*checks.Rule{rules.PY101}}
	diags := checks.Run(f, settings).Diagnostics
	out, err := fixes.Apply(f.File.Src, checks.NoqaEdits(f, diags))
	if err != nil {
		t.Fatal(err)
	}
	want := "import ast\nx = ast.Num  # noqa: PY101\ny = ast.Str  # keep  # noqa: PY101\nz = ast.Bytes  # noqa: E501, PY101\ns = '''\n%s''' % ast.Num  # noqa: PY101\nw = ast.Num  # noqa\n"
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	f2 := parser.ParseSource("t.py", out, parser.Options{})
	if d := checks.Run(f2, settings).Diagnostics; len(d) != 0 {
		var msgs []string
		for _, x := range d {
			msgs = append(msgs, x.Message)
		}
		t.Errorf("after adding noqa comments: %s", strings.Join(msgs, "; "))
	}
}
