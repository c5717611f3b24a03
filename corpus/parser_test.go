package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/py314/py314/corpus/oracle"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/scanner"
	"golang.org/x/tools/txtar"
)

// TestStdlibParity parses every .py file of CPython's standard library and
// requires py314's dump to equal CPython's, byte for byte.
func TestStdlibParity(t *testing.T) {
	files, err := oracle.StdlibFiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("the oracle returned no standard library files")
	}
	reqs := make([]oracle.Request, len(files))
	for i, f := range files {
		reqs[i] = oracle.Request{ID: f.Path, Op: oracle.Dump, Src: f.Src}
	}
	results, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for i, f := range files {
		if msg := compareDump(f.Path, f.Src, results[i]); msg != "" {
			t.Errorf("%s", msg)
			continue
		}
		same++
	}
	t.Logf("standard library: %d/%d files identical to CPython", same, len(files))
}

// TestParserFixtures checks the fixtures under parser/: every valid file
// must dump as CPython dumps it, and every invalid snippet must be rejected
// at the line CPython rejects it.
func TestParserFixtures(t *testing.T) {
	var valid []string
	err := filepath.WalkDir(filepath.Join("parser", "valid"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".py") {
			valid = append(valid, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	invalidFiles, err := filepath.Glob(filepath.Join("parser", "invalid", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var invalid []snippet
	for _, name := range invalidFiles {
		s, err := readSnippets(name)
		if err != nil {
			t.Error(err)
			continue
		}
		invalid = append(invalid, s...)
	}
	// Cases whose bytes matter (bad encodings, NUL bytes) are files.
	byteFiles, err := filepath.Glob(filepath.Join("parser", "invalid", "bytes", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range byteFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		invalid = append(invalid, snippet{id: filepath.ToSlash(name), src: src})
	}

	var reqs []oracle.Request
	srcs := map[string][]byte{}
	for _, path := range valid {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		srcs[path] = src
		reqs = append(reqs, oracle.Request{ID: path, Op: oracle.Dump, Src: src})
	}
	for _, s := range invalid {
		reqs = append(reqs, oracle.Request{ID: s.id, Op: oracle.Dump, Src: s.src})
	}
	results, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("valid", func(t *testing.T) {
		if len(valid) == 0 {
			t.Fatal("no parser/valid/**/*.py fixtures")
		}
		same := 0
		for i, path := range valid {
			r := results[i]
			if r.Err != nil {
				t.Errorf("%s: fixture bug: CPython rejects it: %s", path, r.Err)
				continue
			}
			if msg := compareDump(path, srcs[path], r); msg != "" {
				t.Errorf("%s", msg)
				continue
			}
			same++
		}
		t.Logf("valid: %d/%d files identical to CPython", same, len(valid))
	})

	t.Run("invalid", func(t *testing.T) {
		if len(invalid) == 0 {
			t.Fatal("no parser/invalid/*.txtar fixtures")
		}
		var st errorStats
		for i, s := range invalid {
			r := results[len(valid)+i]
			if r.Err == nil {
				t.Errorf("%s: fixture bug: CPython accepts it", s.id)
				continue
			}
			if msg := st.compare(s, r.Err); msg != "" {
				t.Errorf("%s", msg)
			}
		}
		t.Logf("invalid: %d snippets; same line %d/%d, same column %d/%d, same type and message %d/%d",
			st.total, st.line, st.total, st.column, st.total, st.message, st.total)
	})
}

// compareDump parses src with py314 and compares its dump with the
// oracle's answer r. It returns "" when they are identical, and otherwise
// a report naming the file and showing where they first differ.
func compareDump(name string, src []byte, r oracle.Result) string {
	pf, perr := parse(name, src)
	if perr != nil {
		return fmt.Sprintf("%s: %v", name, perr)
	}
	if r.Err != nil {
		if len(pf.Errors) == 0 {
			return fmt.Sprintf("%s: py314 accepts it; CPython: %s", name, r.Err)
		}
		got := errorAnswer(pf, pf.Errors)
		want := fmt.Sprintf("%s: %s (line %d, offset %d)", r.Err.Type, r.Err.Msg, r.Err.Lineno, r.Err.Offset)
		if got != want {
			return fmt.Sprintf("%s: both reject it:\n  py314:   %s\n  CPython: %s", name, got, want)
		}
		return ""
	}
	if len(pf.Errors) > 0 {
		return fmt.Sprintf("%s: py314 rejects it: %s", name, errorAnswer(pf, pf.Errors))
	}
	got := ast.Dump(pf.File, pf.Module)
	if got == r.Dump {
		return ""
	}
	return fmt.Sprintf("%s: dump differs from CPython's\n%s", name, diffAt(got, r.Dump))
}

// parse runs the parser, turning a panic into an error so that one bad
// file does not hide the results of the others.
func parse(name string, src []byte) (f *parser.File, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("py314 panics: %v", p)
		}
	}()
	f = parser.ParseFile(name, src, parser.Options{})
	if f == nil || f.File == nil || f.Module == nil {
		return nil, fmt.Errorf("ParseFile returned an incomplete File")
	}
	return f, nil
}

// errorAnswer formats py314's first error the way the oracle's is
// formatted, with CPython's 1-based character offset.
func errorAnswer(f *parser.File, errs scanner.ErrorList) string {
	e := firstError(errs)
	line, col := charPosition(f, e)
	return fmt.Sprintf("%s: %s (line %d, offset %d)", e.Type, e.Msg, line, col)
}

// firstError returns the error that comes first in the source.
func firstError(errs scanner.ErrorList) *scanner.Error {
	sorted := append(scanner.ErrorList(nil), errs...)
	sorted.Sort()
	return sorted[0]
}

// charPosition returns the 1-based line and the 1-based character column
// of e, which is how CPython's SyntaxError counts.
func charPosition(f *parser.File, e *scanner.Error) (line, col int) {
	line, _ = f.File.LineCol(e.Pos)
	start := f.File.LineStart(line)
	end := min(int(e.Pos), len(f.File.Src))
	return line, utf8.RuneCount(f.File.Src[start:end]) + 1
}

// diffAt shows the two dumps around their first differing byte, with a
// caret under it, and the source line of the last node CPython starts
// before it.
func diffAt(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	// Back up to the start of a character, so that both lines are cut at
	// the same place of their common prefix.
	for i > 0 && i < len(want) && !utf8.RuneStart(want[i]) {
		i--
	}
	const before, after = 100, 60
	lo := max(0, i-before)
	for lo > 0 && !utf8.RuneStart(want[lo]) {
		lo--
	}
	lead := ""
	if lo > 0 {
		lead = "…"
	}
	clip := func(s string) string {
		hi := min(len(s), i+after)
		for hi < len(s) && !utf8.RuneStart(s[hi]) {
			hi++
		}
		if hi < len(s) {
			return lead + s[lo:hi] + "…"
		}
		return lead + s[lo:hi]
	}
	caret := strings.Repeat(" ", utf8.RuneCountInString(lead+want[lo:i])) + "^"
	near := ""
	if j := strings.LastIndex(want[:i], "lineno="); j >= 0 {
		k := j + len("lineno=")
		n := k
		for n < len(want) && want[n] >= '0' && want[n] <= '9' {
			n++
		}
		near = " (near source line " + want[k:n] + ")"
	}
	return fmt.Sprintf("  first difference at byte %d%s\n  py314:   %s\n  CPython: %s\n           %s",
		i, near, clip(got), clip(want), caret)
}

// A snippet is one source of an invalid-syntax fixture.
type snippet struct {
	id  string // fixture file and section, "name.txtar:x.py"
	src []byte
}

// errorStats counts how closely py314's first error matches CPython's.
type errorStats struct {
	total, line, column, message int
}

// compare checks one rejected snippet. It returns a failure report when
// py314 accepts the snippet or reports its first error on another line
// than CPython; column and message are only counted.
func (st *errorStats) compare(s snippet, want *oracle.Error) string {
	st.total++
	f, err := parse(s.id, s.src)
	if err != nil {
		return fmt.Sprintf("%s: %v", s.id, err)
	}
	if len(f.Errors) == 0 {
		return fmt.Sprintf("%s: py314 accepts it; CPython: %s", s.id, want)
	}
	e := firstError(f.Errors)
	line, col := charPosition(f, e)
	// CPython gives no position for some errors (null bytes in the
	// source); any line is then as good as CPython's.
	if want.Lineno != 0 && line != want.Lineno {
		return fmt.Sprintf("%s: first error on line %d, CPython's on line %d\n  py314:   %s: %s (line %d, offset %d)\n  CPython: %s",
			s.id, line, want.Lineno, e.Type, e.Msg, line, col, want)
	}
	st.line++
	if col == want.Offset {
		st.column++
	}
	if e.Type.String() == want.Type && e.Msg == want.Msg {
		st.message++
	}
	return ""
}

// readSnippets reads an invalid-syntax fixture: every "-- name.py --"
// section of the txtar file is one snippet. Sections with other names and
// duplicate names are fixture bugs.
func readSnippets(path string) ([]snippet, error) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		return nil, err
	}
	if len(ar.Files) == 0 {
		return nil, fmt.Errorf("%s: fixture bug: no -- name.py -- sections", path)
	}
	seen := map[string]bool{}
	var out []snippet
	for _, f := range ar.Files {
		if !strings.HasSuffix(f.Name, ".py") {
			return nil, fmt.Errorf("%s: fixture bug: section %q is not a .py snippet", path, f.Name)
		}
		if seen[f.Name] {
			return nil, fmt.Errorf("%s: fixture bug: two sections named %q", path, f.Name)
		}
		seen[f.Name] = true
		out = append(out, snippet{id: filepath.ToSlash(path) + ":" + f.Name, src: f.Data})
	}
	return out, nil
}
