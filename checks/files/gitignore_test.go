package files

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestMatchSegment(t *testing.T) {
	for _, c := range []struct {
		pat, s string
		want   bool
	}{
		{"a.py", "a.py", true},
		{"a.py", "b.py", false},
		{"*.py", "a.py", true},
		{"*.py", ".py", true},
		{"*.py", "a.pyi", false},
		{"*", "anything", true},
		{"a*b*c", "aXXbYYc", true},
		{"a*b*c", "aXXbYY", false},
		{"a*", "a", true},
		{"*a", "aba", true},
		{"*a", "bab", false},
		{"?.py", "a.py", true},
		{"?.py", "ab.py", false},
		{"?.py", "é.py", true},
		{"*é", "aé", true},
		{"[abc].py", "b.py", true},
		{"[abc].py", "d.py", false},
		{"[!abc].py", "d.py", true},
		{"[^abc].py", "a.py", false},
		{"[a-c]x", "bx", true},
		{"[a-c]x", "dx", false},
		{"[]a]", "]", true},
		{"[!]a]", "]", false},
		{"[a-]", "-", true},
		{"[[:digit:]]*", "7up", true},
		{"[[:digit:]]*", "up", false},
		{"[[:upper:][:digit:]]", "Q", true},
		{"[[:bogus:]]", "a", false},
		{"[\\]]", "]", true},
		{"[abc", "a", false}, // not closed
		{"\\*", "*", true},
		{"\\*", "a", false},
		{"\\#a", "#a", true},
		{"a\\ ", "a ", true},
		{"a\\", "a", false}, // trailing backslash
		{"", "", true},
		{"", "a", false},
	} {
		if got := matchSegment(c.pat, c.s); got != c.want {
			t.Errorf("matchSegment(%q, %q) = %v, want %v", c.pat, c.s, got, c.want)
		}
	}
}

// TestIgnoreFile checks one .gitignore against paths relative to its
// directory; a path ending in "/" is a directory. The expectations were
// checked against git check-ignore.
func TestIgnoreFile(t *testing.T) {
	const text = "# a comment\n" +
		"\n" +
		"*.log.py\n" +
		"!keep.log.py\n" +
		"/top.py\n" +
		"build/\n" +
		"docs/**/draft.py\n" +
		"**/cache\n" +
		"out/**\n" +
		"a/*/c.py\n" +
		"\\#hash.py\n" +
		"\\!bang.py\n" +
		"space.py   \n" +
		"tail\\ .py\n" +
		"CRLF.py\r\n" +
		"/\n" +
		"!\n" +
		"x[0-9].py\n"
	dir := filepath.Join(string(filepath.Separator), "repo")
	f := parseIgnore(dir, []byte(text))
	chain := (*ignoreChain)(nil).push(f)
	for _, c := range []struct {
		path string
		want bool
	}{
		{"a.log.py", true},
		{"deep/er/a.log.py", true},
		{"keep.log.py", false},
		{"deep/keep.log.py", false},
		{"top.py", true},
		{"sub/top.py", false},
		{"build/", true},
		{"src/build/", true},
		{"build", false}, // a file named build
		{"docs/draft.py", true},
		{"docs/a/b/draft.py", true},
		{"src/docs/draft.py", false},
		{"cache", true},
		{"x/y/cache/", true},
		{"out/", false},
		{"out/a.py", true},
		{"out/a/b/", true},
		{"a/b/c.py", true},
		{"a/c.py", false},
		{"a/b/d/c.py", false},
		{"#hash.py", true},
		{"!bang.py", true},
		{"space.py", true},
		{"tail .py", true},
		{"tail.py", false},
		{"CRLF.py", true},
		{"x1.py", true},
		{"xa.py", false},
		{"other.py", false},
	} {
		isDir := strings.HasSuffix(c.path, "/")
		abs := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(c.path, "/")))
		if got := chain.ignored(abs, isDir); got != c.want {
			t.Errorf("%s: ignored = %v, want %v", c.path, got, c.want)
		}
	}
	if got := chain.ignored(filepath.Join(string(filepath.Separator), "elsewhere", "a.log.py"), false); got {
		t.Errorf("a path outside the directory is ignored")
	}
}

// TestIgnoreChain checks that deeper files take precedence and that the
// last matching pattern of a file decides.
func TestIgnoreChain(t *testing.T) {
	root := filepath.Join(string(filepath.Separator), "repo")
	sub := filepath.Join(root, "sub")
	chain := (*ignoreChain)(nil).
		push(parseIgnore(root, []byte("gen_*.py\n"))).        // info/exclude
		push(parseIgnore(root, []byte("*.py\n!keep*.py\n"))). // .gitignore
		push(parseIgnore(sub, []byte("!*.py\nkeep2.py\n")))   // sub/.gitignore
	for _, c := range []struct {
		path string
		want bool
	}{
		{"a.py", true},
		{"keep.py", false},
		{"gen_a.py", true},
		{"keep_gen.py", false},
		{"sub/a.py", false},
		{"sub/keep2.py", true},
		{"sub/gen_x.py", false},
	} {
		abs := filepath.Join(root, filepath.FromSlash(c.path))
		if got := chain.ignored(abs, false); got != c.want {
			t.Errorf("%s: ignored = %v, want %v", c.path, got, c.want)
		}
	}
}
