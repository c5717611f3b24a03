package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheckCache runs check repeatedly on a tree that changes between runs
// and compares every run's output with what a run without the cache prints.
func TestCheckCache(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check := func(extra ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args := append([]string{"check", "--output-format", "concise", "--exit-zero"}, extra...)
		if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitOK || stderr.Len() > 0 {
			t.Fatalf("py314 %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
		}
		return stdout.String()
	}
	// same checks that a cached run prints what an uncached one does.
	same := func(step string, want string, extra ...string) {
		t.Helper()
		if got := check(extra...); got != want {
			t.Errorf("%s: cached run printed\n%s\nwant\n%s", step, got, want)
		}
		if got := check(append([]string{"--no-cache"}, extra...)...); got != want {
			t.Errorf("%s: run without the cache printed\n%s\nwant\n%s", step, got, want)
		}
	}
	write("a.py", "import ast\nx = ast.Num(1)\n")
	write("b.py", "y = 1\n")
	one := "a.py:2:5: PY101 [*] `ast.Num` was removed in Python 3.14; use `ast.Constant`\nFound 1 finding: 1 PY; 1 error.\n[*] 1 fixable with the `--fix` option.\n"
	same("first run", one)
	if _, err := os.Stat(filepath.Join(".py314_cache", ".gitignore")); err != nil {
		t.Errorf("the cache directory has no .gitignore: %v", err)
	}
	index, _ := filepath.Glob(filepath.Join(".py314_cache", "index-*"))
	if len(index) != 1 {
		t.Fatalf("cache files %v, want one index", index)
	}
	same("unchanged", one)

	// A change of the same size, even with the old modification time put
	// back, is seen.
	fi, _ := os.Stat("b.py")
	write("b.py", "y = 2\n")
	os.Chtimes("b.py", fi.ModTime(), fi.ModTime())
	same("same-size change", one)
	write("b.py", "import ast\nz = ast.Str('s')\n")
	two := "a.py:2:5: PY101 [*] `ast.Num` was removed in Python 3.14; use `ast.Constant`\n" +
		"b.py:2:5: PY101 [*] `ast.Str` was removed in Python 3.14; use `ast.Constant`\nFound 2 findings: 2 PY; 2 errors.\n[*] 2 fixable with the `--fix` option.\n"
	same("new finding", two)

	// Touching a file without changing it keeps its results.
	later := time.Now().Add(time.Hour)
	os.Chtimes("a.py", later, later)
	same("touched", two)

	// Other settings are other results.
	same("other rules", "All checks passed!\n", "--select", "FT")
	same("other target", two, "--target-version", "3.9")
	write("pyproject.toml", "[tool.py314]\nignore = [\"PY101\"]\n")
	same("configuration", "All checks passed!\n")
	os.Remove("pyproject.toml")
	same("configuration removed", two)

	// A removed file's results are gone with it.
	os.Remove("b.py")
	same("removed file", one)
}
