package oracle

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestRun(t *testing.T) {
	reqs := []Request{
		{ID: "assign", Op: Dump, Src: []byte("x = 1\n")},
		{ID: "unclosed", Op: Dump, Src: []byte("x = (\n")},
		{ID: "latin-1", Op: Dump, Src: []byte("# coding: latin-1\nx = '\xe9'\n")},
		{ID: "return-parses", Op: Dump, Src: []byte("return 1\n")},
		{ID: "return-compiles-not", Op: Compile, Src: []byte("return 1\n")},
		{ID: "compiles", Op: Compile, Src: []byte("x = 1\n")},
		{ID: "null", Op: Dump, Src: []byte("x = 1\x00\n")},
		{ID: "indent", Op: Dump, Src: []byte("if x:\npass\n")},
		{ID: "assign-again", Op: Dump, Src: []byte("x = 1\n")},
	}
	assign := "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], " +
		"value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)])"
	want := []Result{
		{ID: "assign", Op: Dump, Dump: assign},
		{ID: "unclosed", Op: Dump, Err: &Error{Type: "SyntaxError", Msg: "'(' was never closed", Lineno: 1, Offset: 5, EndLineno: 1, EndOffset: 0}},
		{ID: "latin-1", Op: Dump, Dump: "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], " +
			"value=Constant(value='é', lineno=2, col_offset=4, end_lineno=2, end_col_offset=8), lineno=2, col_offset=0, end_lineno=2, end_col_offset=8)])"},
		{ID: "return-parses", Op: Dump, Dump: "Module(body=[Return(value=Constant(value=1, lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), " +
			"lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)])"},
		{ID: "return-compiles-not", Op: Compile, Err: &Error{Type: "SyntaxError", Msg: "'return' outside function", Lineno: 1, Offset: 1, EndLineno: 1, EndOffset: 9}},
		{ID: "compiles", Op: Compile},
		{ID: "null", Op: Dump, Err: &Error{Type: "SyntaxError", Msg: "source code string cannot contain null bytes"}},
		{ID: "indent", Op: Dump, Err: &Error{Type: "IndentationError", Msg: "expected an indented block after 'if' statement on line 1", Lineno: 2, Offset: 1, EndLineno: 2, EndOffset: 5}},
		{ID: "assign-again", Op: Dump, Dump: assign},
	}
	got, err := Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("result %d:\n got %s\nwant %s", i, show(got[i]), show(want[i]))
		}
	}
}

func show(r Result) string {
	s := fmt.Sprintf("{ID:%q Op:%s Dump:%q", r.ID, r.Op, r.Dump)
	if r.Err != nil {
		s += " Err:" + r.Err.String()
	}
	return s + fmt.Sprintf(" Files:%d}", len(r.Files))
}

func TestStdlibFiles(t *testing.T) {
	files, err := StdlibFiles()
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for i, f := range files {
		if i > 0 && files[i-1].Path >= f.Path {
			t.Errorf("files not sorted: %q before %q", files[i-1].Path, f.Path)
		}
		if filepath.Ext(f.Path) != ".py" {
			t.Errorf("%s: not a .py file", f.Path)
		}
		byPath[f.Path] = f.Src
	}
	// The standard library of CPython 3.14.2 as pyodide 314.0.7 ships it.
	if len(files) != 559 {
		t.Errorf("got %d files, want 559", len(files))
	}
	for path, prefix := range map[string]string{
		"__future__.py":                `"""Record of phased-in incompatible language changes.`,
		"annotationlib.py":             `"""Helpers for introspecting and wrapping annotations."""`,
		"compression/zstd/__init__.py": `"""Python bindings to the Zstandard (zstd) compression library (RFC-8878)."""`,
	} {
		src, ok := byPath[path]
		if !ok {
			t.Errorf("%s missing", path)
			continue
		}
		if got := string(src[:min(len(src), len(prefix))]); got != prefix {
			t.Errorf("%s starts with %q, want %q", path, got, prefix)
		}
	}
}

// fakeOracle is an oracle whose node process is replaced by a function
// that answers every request with its source and counts its calls.
func fakeOracle(t *testing.T) (*oracle, *[][]wireRequest) {
	t.Helper()
	var calls [][]wireRequest
	o := &oracle{
		dir:     t.TempDir(),
		cache:   filepath.Join(t.TempDir(), "cache"),
		version: "314.0.7",
		script:  []byte("script"),
		start: func(o *oracle, reqs []wireRequest) ([]answer, error) {
			calls = append(calls, reqs)
			var out []answer
			for _, r := range reqs {
				out = append(out, answer{ID: r.ID, Op: r.Op, Dump: string(r.Op) + ":" + r.Filename + ":" + string(r.Src)})
			}
			return out, nil
		},
	}
	return o, &calls
}

func TestCache(t *testing.T) {
	o, calls := fakeOracle(t)
	reqs := []Request{
		{ID: "a", Op: Dump, Src: []byte("a")},
		{ID: "b", Op: Dump, Src: []byte("b")},
		{ID: "a2", Op: Dump, Src: []byte("a")},
		{ID: "ca", Op: Compile, Src: []byte("a")},
		{ID: "cn", Op: Compile, Src: []byte("a"), Filename: "n.py"},
	}
	want := []Result{
		{ID: "a", Op: Dump, Dump: "dump::a"},
		{ID: "b", Op: Dump, Dump: "dump::b"},
		{ID: "a2", Op: Dump, Dump: "dump::a"},
		{ID: "ca", Op: Compile, Dump: "compile:<file>:a"},
		{ID: "cn", Op: Compile, Dump: "compile:n.py:a"},
	}
	got, err := o.run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("first run:\n got %v\nwant %v", got, want)
	}
	if len(*calls) != 1 || len((*calls)[0]) != 4 {
		t.Fatalf("first run: node started with %v, want once with the 4 distinct requests", *calls)
	}

	got, err = o.run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("cached run:\n got %v\nwant %v", got, want)
	}
	if len(*calls) != 1 {
		t.Fatalf("cached run started node again with %v", (*calls)[1:])
	}

	// A new source, or a new pyodide or script, is a cache miss.
	if _, err := o.run([]Request{{ID: "c", Op: Dump, Src: []byte("c")}, reqs[0]}); err != nil {
		t.Fatal(err)
	}
	if len(*calls) != 2 || len((*calls)[1]) != 1 || string((*calls)[1][0].Src) != "c" {
		t.Fatalf("new source: node started with %v, want only source c", (*calls)[1:])
	}
	o.version = "314.0.8"
	if _, err := o.run(reqs[:1]); err != nil {
		t.Fatal(err)
	}
	o.script = []byte("script v2")
	if _, err := o.run(reqs[:1]); err != nil {
		t.Fatal(err)
	}
	if len(*calls) != 4 {
		t.Fatalf("after version and script changes node ran %d times, want 4", len(*calls))
	}
}

func TestFail(t *testing.T) {
	o, _ := fakeOracle(t)
	o.start = func(o *oracle, reqs []wireRequest) ([]answer, error) {
		return []answer{{ID: reqs[0].ID, Op: reqs[0].Op, Fail: "unknown op 'dump'"}}, nil
	}
	_, err := o.run([]Request{{ID: "x", Op: Dump}})
	if got, want := fmt.Sprint(err), `oracle: request "x": unknown op 'dump'`; got != want {
		t.Errorf("got error %q, want %q", got, want)
	}
	_, err = o.run([]Request{{ID: "y", Op: "parse"}})
	if got, want := fmt.Sprint(err), `oracle: request "y": unknown op "parse"`; got != want {
		t.Errorf("got error %q, want %q", got, want)
	}
}

func TestMissingInstall(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"package-lock.json", "oracle.mjs"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "tools", "oracle", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o, err := newOracle(dir, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	_, err = o.run([]Request{{ID: "x", Op: Dump, Src: []byte("x\n")}})
	want := "oracle: pyodide is not installed (" + filepath.Join(dir, "node_modules", "pyodide") +
		" is missing); run scripts/test.sh from the module root (it runs npm ci --prefix tools/oracle)"
	if fmt.Sprint(err) != want {
		t.Errorf("got error\n%v\nwant\n%s", err, want)
	}

	if err := os.MkdirAll(filepath.Join(dir, "node_modules", "pyodide"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "node_modules", "pyodide", "package.json"), []byte(`{"version": "0.29.0"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = o.run([]Request{{ID: "x", Op: Dump, Src: []byte("x\n")}})
	want = "oracle: installed pyodide is 0.29.0, package-lock.json pins 314.0.7; run scripts/test.sh from the module root (it runs npm ci --prefix tools/oracle)"
	if fmt.Sprint(err) != want {
		t.Errorf("got error\n%v\nwant\n%s", err, want)
	}
}

func TestMissingNode(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	o, err := open()
	if err != nil {
		t.Fatal(err)
	}
	o.cache = t.TempDir()
	_, err = o.run([]Request{{ID: "x", Op: Dump, Src: []byte("x\n")}})
	want := `oracle: node is not installed (exec: "node": executable file not found in $PATH); ` +
		"run scripts/test.sh from the module root (it runs npm ci --prefix tools/oracle)"
	if fmt.Sprint(err) != want {
		t.Errorf("got error\n%v\nwant\n%s", err, want)
	}
}

func TestExec(t *testing.T) {
	res, err := Run([]Request{
		{ID: "ok", Op: Exec, Src: []byte("import warnings, sys\nprint('out')\nprint('err', file=sys.stderr)\nwarnings.warn('careful', DeprecationWarning)\n")},
		{ID: "raises", Op: Exec, Src: []byte("import ast\nast.Num\n")},
		{ID: "syntax-warning", Op: Exec, Src: []byte("def f():\n    try:\n        pass\n    finally:\n        return 1\nprint(f())\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := func(r Result) string {
		s := fmt.Sprintf("stdout=%q stderr=%q warnings=%q", r.Stdout, r.Stderr, r.Warnings)
		if r.Err != nil {
			s += " error=" + r.Err.Type + ": " + r.Err.Msg
		}
		return s
	}
	want := []string{
		`stdout="out\n" stderr="err\n" warnings=["DeprecationWarning: careful"]`,
		`stdout="" stderr="" warnings=[] error=AttributeError: module 'ast' has no attribute 'Num'`,
		`stdout="1\n" stderr="" warnings=["SyntaxWarning: 'return' in a 'finally' block"]`,
	}
	for i, r := range res {
		if g := got(r); g != want[i] {
			t.Errorf("%s:\ngot  %s\nwant %s", r.ID, g, want[i])
		}
	}
}
