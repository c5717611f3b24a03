package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/token"
)

var (
	ruleA = &checks.Rule{Code: "PY901", Name: "a", Severity: checks.Error}
	ruleB = &checks.Rule{Code: "PY902", Name: "b", Severity: checks.Warning}
	rules = []*checks.Rule{ruleA, ruleB}

	settings = checks.Settings{Rules: []*checks.Rule{ruleA, ruleB}, Target: parser.Version{Major: 3, Minor: 14}}
	diags    = []checks.Diagnostic{
		{Rule: ruleA, Span: token.Span{Start: 0, End: 1}, Message: "one", Severity: checks.Error,
			Fix: &checks.Fix{Title: "Do it", Applicability: checks.Safe, Edits: []checks.Edit{{Start: 0, End: 1, New: "y"}}}},
		{Rule: ruleB, Span: token.Span{Start: 4, End: 5}, Message: "two ✓", Severity: checks.Info},
	}
	rendered = "PY901 0-1 error \"one\" fix \"Do it\" safe [{0 1 y}]\nPY902 4-5 info \"two ✓\"\n"
)

func render(diags []checks.Diagnostic) string {
	s := ""
	for _, d := range diags {
		s += fmt.Sprintf("%s %d-%d %s %q", d.Rule.Code, d.Span.Start, d.Span.End, d.Severity, d.Message)
		if d.Fix != nil {
			s += fmt.Sprintf(" fix %q %s %v", d.Fix.Title, d.Fix.Applicability, d.Fix.Edits)
		}
		s += "\n"
	}
	return s
}

// clock is a settable time for the cache under test.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

var day0 = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// open opens the cache in dir for build at the time of clk.
func open(t *testing.T, dir, build string, clk *clock) *Cache {
	t.Helper()
	c, err := Open(dir, []byte(build), rules)
	if err != nil {
		t.Fatal(err)
	}
	c.now = clk.now
	c.entries = c.read() // Open read the index with the real clock; nothing depends on it there
	return c
}

// old is the status of a file last modified an hour before day0.
func old(size int64) Status {
	return Status{Size: size, Mtime: day0.Add(-time.Hour).UnixNano(), Ctime: day0.Add(-time.Hour).UnixNano(), Inode: 7, Mode: 0o644}
}

func lookup(c *Cache, path string, st Status, s checks.Settings) string {
	d, ok := c.Lookup(path, st, s)
	if !ok {
		return "miss"
	}
	return render(d)
}

func lookupContent(c *Cache, path string, st Status, content string, s checks.Settings) string {
	d, ok := c.LookupContent(path, st, Key([]byte(content)), s)
	if !ok {
		return "miss"
	}
	return render(d)
}

func TestRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "c")
	clk := &clock{day0}
	c := open(t, dir, "build-1", clk)
	st := old(6)
	if got := lookup(c, "a.py", st, settings); got != "miss" {
		t.Fatalf("empty cache: %s", got)
	}
	c.Put("a.py", st, Key([]byte("x = 1\n")), settings, diags)
	if got := lookup(c, "a.py", st, settings); got != rendered {
		t.Errorf("after Put:\n%swant:\n%s", got, rendered)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, ".gitignore")); err != nil || string(data) != "# Created by py314.\n*\n" {
		t.Errorf(".gitignore = %q, %v", data, err)
	}
	// A new run of the same build reads what the first one saved.
	c2 := open(t, dir, "build-1", clk)
	if got := lookup(c2, "a.py", st, settings); got != rendered {
		t.Errorf("next run:\n%swant:\n%s", got, rendered)
	}
	// Another build reads nothing of it.
	if got := lookup(open(t, dir, "build-2", clk), "a.py", st, settings); got != "miss" {
		t.Errorf("another build: %s", got)
	}
}

// Everything a result depends on is part of what finds it.
func TestInputs(t *testing.T) {
	clk := &clock{day0}
	c := open(t, t.TempDir(), "b", clk)
	st := old(6)
	c.Put("a.py", st, Key([]byte("x = 1\n")), settings, diags)
	reversed := checks.Settings{Rules: []*checks.Rule{ruleB, ruleA}, Target: settings.Target}
	tests := []struct {
		name    string
		path    string
		st      Status
		s       checks.Settings
		content string
		want    string // of Lookup, then LookupContent
	}{
		{"same", "a.py", st, settings, "x = 1\n", rendered + "|" + rendered},
		{"rules in another order", "a.py", st, reversed, "x = 1\n", rendered + "|" + rendered},
		{"content", "a.py", old(6), settings, "x = 2\n", rendered + "|miss"},
		{"status", "a.py", Status{Size: 6, Mtime: 1}, settings, "x = 1\n", "miss|" + rendered},
		{"path", "b.py", st, settings, "x = 1\n", "miss|miss"},
		{"rules", "a.py", st, checks.Settings{Rules: []*checks.Rule{ruleA}, Target: settings.Target}, "x = 1\n", "miss|miss"},
		{"target", "a.py", st, checks.Settings{Rules: settings.Rules, Target: parser.Version{Major: 3, Minor: 9}}, "x = 1\n", "miss|miss"},
	}
	for _, tt := range tests {
		got := lookup(c, tt.path, tt.st, tt.s) + "|" + lookupContent(c, tt.path, tt.st, tt.content, tt.s)
		if got != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, got, tt.want)
		}
	}
}

// A hit by content teaches the cache the file's new status (a checkout
// that rewrote an unchanged file), so that the next lookup need not read it.
func TestStatusLearned(t *testing.T) {
	clk := &clock{day0}
	dir := t.TempDir()
	c := open(t, dir, "b", clk)
	c.Put("a.py", old(6), Key([]byte("x = 1\n")), settings, diags)
	touched := old(6)
	touched.Mtime += int64(time.Minute)
	if got := lookup(c, "a.py", touched, settings); got != "miss" {
		t.Fatalf("touched file found by status: %s", got)
	}
	if got := lookupContent(c, "a.py", touched, "x = 1\n", settings); got != rendered {
		t.Fatalf("touched file by content: %s", got)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if got := lookup(open(t, dir, "b", clk), "a.py", touched, settings); got != rendered {
		t.Errorf("the next run does not know the new status: %s", got)
	}
}

// A status taken right after a modification is not trusted: a second write
// in the same clock tick would leave it unchanged.
func TestRacyStatus(t *testing.T) {
	clk := &clock{day0}
	c := open(t, t.TempDir(), "b", clk)
	fresh := Status{Size: 6, Mtime: day0.Add(-time.Second).UnixNano(), Inode: 7}
	c.Put("a.py", fresh, Key([]byte("x = 1\n")), settings, diags)
	if got := lookup(c, "a.py", fresh, settings); got != "miss" {
		t.Errorf("racy status trusted: %s", got)
	}
	if got := lookupContent(c, "a.py", fresh, "x = 1\n", settings); got != rendered {
		t.Errorf("by content: %s", got)
	}
	clk.t = day0.Add(time.Minute)
	if got := lookupContent(c, "a.py", fresh, "x = 1\n", settings); got != rendered {
		t.Errorf("by content a minute later: %s", got)
	}
	if got := lookup(c, "a.py", fresh, settings); got != rendered {
		t.Errorf("a status read well after the modification is not learned: %s", got)
	}
}

// Entries nobody looked up for a month leave the index when it is saved.
func TestUnusedDropped(t *testing.T) {
	clk := &clock{day0}
	dir := t.TempDir()
	c := open(t, dir, "b", clk)
	c.Put("gone.py", old(1), Key([]byte("a")), settings, nil)
	c.Put("kept.py", old(1), Key([]byte("b")), settings, nil)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	clk.t = day0.Add(20 * 24 * time.Hour)
	c = open(t, dir, "b", clk)
	if got := lookup(c, "kept.py", old(1), settings); got != "" {
		t.Fatalf("kept.py: %q", got)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	clk.t = day0.Add(40 * 24 * time.Hour)
	c = open(t, dir, "b", clk)
	c.Put("new.py", old(1), Key([]byte("c")), settings, nil)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir, "b", clk)
	got := fmt.Sprint(lookup(c, "gone.py", old(1), settings) == "", lookup(c, "kept.py", old(1), settings) == "", lookup(c, "new.py", old(1), settings) == "")
	if got != "false true true" {
		t.Errorf("found gone, kept, new = %s, want false true true", got)
	}
}

// Runs sharing a directory keep each other's entries, and a run never
// reads a partial index while others write theirs.
func TestConcurrentRuns(t *testing.T) {
	clk := &clock{day0}
	dir := t.TempDir()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 10 {
				c, err := Open(dir, []byte("b"), rules)
				if err != nil {
					t.Error(err)
					return
				}
				c.now = clk.now
				path := fmt.Sprintf("f%d-%d.py", i, j)
				c.Put(path, old(1), Key([]byte(path)), settings, diags[:1])
				for name, e := range c.entries {
					if len(e.Diagnostics) != 1 || e.Diagnostics[0].Code != "PY901" {
						t.Errorf("entry %s read back as %+v", name, e)
					}
				}
				if err := c.Save(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	c := open(t, dir, "b", clk)
	if len(c.entries) == 0 {
		t.Fatal("no entries survived")
	}
	for name := range c.entries {
		var i, j int
		if _, err := fmt.Sscanf(name[17:], "f%d-%d.py", &i, &j); err != nil {
			t.Errorf("unexpected entry %q", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// Two runs that read the index before either saved both keep their
// entries.
func TestMerge(t *testing.T) {
	clk := &clock{day0}
	dir := t.TempDir()
	c1 := open(t, dir, "b", clk)
	c2 := open(t, dir, "b", clk)
	c1.Put("a.py", old(1), Key([]byte("a")), settings, diags[:1])
	c2.Put("b.py", old(1), Key([]byte("b")), settings, diags[1:])
	if err := c1.Save(); err != nil {
		t.Fatal(err)
	}
	if err := c2.Save(); err != nil {
		t.Fatal(err)
	}
	c := open(t, dir, "b", clk)
	got := lookup(c, "a.py", old(1), settings) + lookup(c, "b.py", old(1), settings)
	if want := rendered; got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
}

// The status of a real file changes with its content and is stable
// otherwise.
func TestStatusOf(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.py")
	if err := os.WriteFile(p, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stat := func() Status {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return StatusOf(fi)
	}
	a := stat()
	if b := stat(); a != b {
		t.Errorf("two stats of an untouched file differ: %+v %+v", a, b)
	}
	if a.Size != 6 || a.Mtime == 0 || a.Mode != 0o644 {
		t.Errorf("status %+v", a)
	}
	if err := os.WriteFile(p, []byte("x = 12\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b := stat(); b == a {
		t.Errorf("status unchanged by a write that changes the size: %+v", b)
	}
}

// The index file reads back as written, and a damaged one reads as an
// error, never a panic or a partial index.
func TestIndexEncoding(t *testing.T) {
	salt := Key([]byte("b"))
	entries := map[string]*entry{
		"0123456789abcdef a.py": {Status: old(6), Content: Key([]byte("x")), Used: 20417, Diagnostics: encode(diags)},
		"0123456789abcdef b.py": {Status: Status{Size: -1, Mtime: -5, Inode: 1 << 63}, Used: 1, Diagnostics: encode(nil)},
	}
	data := encodeIndex(salt, entries)
	got, err := decodeIndex(data, salt)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, entries) {
		t.Errorf("read back as %+v, want %+v", got, entries)
	}
	if _, err := decodeIndex(data, Key([]byte("other build"))); err == nil {
		t.Error("an index of another build was read")
	}
	for n := range len(data) {
		if _, err := decodeIndex(data[:n], salt); err == nil {
			t.Errorf("the first %d of %d bytes read without an error", n, len(data))
		}
	}
	for i := len(indexMagic) + len(salt); i < len(data); i++ {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0xff
		decodeIndex(bad, salt) // must not panic
	}
	if _, err := decodeIndex(append(data, 0), salt); err == nil {
		t.Error("trailing bytes read without an error")
	}
}
