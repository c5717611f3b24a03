package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTopLevelPackage(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"lib/src/__init__.py", "pkg/__init__.py"} {
		path := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		root, rel, project string
		rootIsPackage      bool
		want               string
	}{
		{root, "shop/orders/tree.py", "proj", false, "shop"},
		{root, "setup.py", "proj", false, "setup"},
		{root, "stubs.pyi", "proj", false, "stubs"},
		{root, "src/shop/tree.py", "proj", false, "shop"},             // the src layout
		{root, "src/tool.py", "proj", false, "src"},                   // a module directly in src/
		{filepath.Join(root, "lib"), "src/m.py", "lib", false, "src"}, // src/ is a package here
		{filepath.Join(root, "pkg"), "__init__.py", "pkg", true, "pkg"},
		{filepath.Join(root, "pkg"), "cache.py", "pkg", true, "pkg.cache"},
		{filepath.Join(root, "pkg"), "sub/x.py", "pkg", true, "pkg.sub"},
	} {
		if got := topLevelPackage(tc.root, tc.rel, tc.project, tc.rootIsPackage); got != tc.want {
			t.Errorf("topLevelPackage(%s) = %q, want %q", tc.rel, got, tc.want)
		}
	}
}

// TestReportFiles writes the report to files: HTML by default, Markdown
// for a .md file.
func TestReportFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "app", "tree.py"), []byte("import ast\nx = ast.Num(n=1)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, tc := range []struct {
		args []string
		file string
		want []string // in this order
	}{
		{[]string{"report", "app", "-o", "out.html", "--select", "PY101"}, "out.html", []string{
			"<!DOCTYPE html>",
			"<title>Python 3.14 readiness: app</title>",
			`<div class="verdict blocked" id="verdict"><strong>Blocked</strong>1 finding breaks on Python 3.14.</div>`,
			`<text x="190" y="24" text-anchor="end" class="label">tree</text>`,
			`<a href="#file-1">tree.py</a>`,
			`<pre class="src">x = <mark>ast.Num</mark>(n=1)</pre>`,
			`<span class="fix-safe">safe fix</span>`,
			"</html>\n",
		}},
		{[]string{"report", "-o", "out.md", "--select", "PY101", "app"}, "out.md", []string{
			"## Python 3.14 readiness: app — ❌ Blocked\n",
			"| `tree.py:2:5` | [PY101](https://py314.dev/rules/PY101) | error | `ast.Num` was removed in Python 3.14; use `ast.Constant` | safe |\n",
		}},
		{[]string{"report", "--format", "html", "-o", "forced.md", "--select", "PY101", "app"}, "forced.md", []string{
			"<!DOCTYPE html>",
		}},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tc.args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
			t.Fatalf("%s: exit %d\n%s", strings.Join(tc.args, " "), code, stderr.String())
		}
		if stdout.Len() > 0 || stderr.Len() > 0 {
			t.Errorf("%s: output %q, %q; want none", strings.Join(tc.args, " "), stdout.String(), stderr.String())
		}
		data, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		rest := string(data)
		for _, w := range tc.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: %q missing (or out of order) in\n%s", tc.file, w, data)
				break
			}
			rest = rest[i+len(w):]
		}
	}
}
