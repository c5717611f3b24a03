package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/py314/py314/parser/ast"
	"golang.org/x/tools/txtar"
)

// TestValidDumps parses testdata/valid/*.py and compares the dump of each
// with the .dump file next to it: CPython 3.14's
// ast.dump(ast.parse(source), include_attributes=True).
func TestValidDumps(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "valid", "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(name + ".dump")
		if err != nil {
			t.Fatal(err)
		}
		f := ParseFile(name, src, Options{})
		if len(f.Errors) > 0 {
			t.Errorf("%s: unexpected error %s", name, describeError(f))
			continue
		}
		got := ast.Dump(f.File, f.Module) + "\n"
		if got != string(want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			lo := max(0, i-120)
			t.Errorf("%s: dump differs at byte %d\n got: …%s\nwant: …%s", name, i,
				got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)])
		}
	}
}

// TestInvalidErrors parses each section of testdata/invalid.txtar and
// compares the first error with CPython's, recorded in
// testdata/invalid.golden.
func TestInvalidErrors(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "invalid.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join("testdata", "invalid.golden"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(golden)), "\n") {
		name, msg, _ := strings.Cut(line, ": ")
		want[name] = msg
	}
	if len(ar.Files) != len(want) {
		t.Fatalf("%d sources but %d golden lines", len(ar.Files), len(want))
	}
	for _, file := range ar.Files {
		f := ParseFile(file.Name, file.Data, Options{})
		if got := describeError(f); got != want[file.Name] {
			t.Errorf("%s:\n got: %s\nwant: %s", file.Name, got, want[file.Name])
		}
	}
}

// describeError formats the first error of f as CPython's SyntaxError
// shows: type, message, line and 1-based character offset.
func describeError(f *File) string {
	if len(f.Errors) == 0 {
		return "ACCEPTED"
	}
	e := f.Errors[0]
	line, _ := f.File.LineCol(e.Pos)
	start := f.File.LineStart(line)
	col := utf8.RuneCount(f.File.Src[start:min(int(e.Pos), len(f.File.Src))]) + 1
	return fmt.Sprintf("%s: %s (line %d, offset %d)", e.Type, e.Msg, line, col)
}

// TestNesting checks the bound on expression nesting: CPython 3.14 accepts
// a few thousand nested unary operators or lambdas and gives up beyond,
// and the parser must neither crash nor run out of stack.
func TestNesting(t *testing.T) {
	const overflow = "SyntaxError: Parser stack overflowed - Python source too complex to parse (line 1, offset 5)"
	tests := []struct {
		src, want string
	}{
		{"x = " + strings.Repeat("-", 1000) + "1\n", "ACCEPTED"},
		{"x = " + strings.Repeat("not ", 1000) + "1\n", "ACCEPTED"},
		{"x = " + strings.Repeat("lambda: ", 1000) + "1\n", "ACCEPTED"},
		{"x = " + strings.Repeat("a if b else ", 1000) + "1\n", "ACCEPTED"},
		{"x = " + strings.Repeat("(", 199) + "1" + strings.Repeat(")", 199) + "\n", "ACCEPTED"},
		{"x = " + strings.Repeat("-", 100000) + "1\n", overflow},
		{"x = " + strings.Repeat("not ", 100000) + "1\n", overflow},
		{"x = " + strings.Repeat("lambda: ", 100000) + "1\n", overflow},
		{"x = " + strings.Repeat("a if b else ", 100000) + "1\n", overflow},
		{"x = " + strings.Repeat("a ** ", 100000) + "1\n", overflow},
	}
	for _, tt := range tests {
		f := ParseSource("t.py", []byte(tt.src), Options{})
		got := describeError(f)
		if strings.HasPrefix(got, "SyntaxError: Parser stack") {
			// The offset depends on where the bound is reached.
			got = got[:strings.LastIndex(got, "offset ")] + "offset 5)"
		}
		if got != tt.want {
			t.Errorf("%.30q...: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

// TestRecovery checks that parsing goes on after an error: each bad
// statement is reported, and the good ones are in the tree.
func TestRecovery(t *testing.T) {
	src := "x = (1 2)\ny = 1\nif z\n    pass\ndef f():\n    return = 3\n    w = 4\nprint 'a'\n"
	f := ParseSource("t.py", []byte(src), Options{})
	var got []string
	for _, e := range f.Errors {
		line, _ := f.File.LineCol(e.Pos)
		got = append(got, fmt.Sprintf("%d: %s", line, e.Msg))
	}
	want := []string{
		"1: invalid syntax. Perhaps you forgot a comma?",
		"3: expected ':'",
		"6: invalid syntax",
		"8: Missing parentheses in call to 'print'. Did you mean print(...)?",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantDump := "Module(body=[Assign(targets=[Name(id='y', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value=Constant(value=1, lineno=2, col_offset=4, end_lineno=2, end_col_offset=5), lineno=2, col_offset=0, end_lineno=2, end_col_offset=5), FunctionDef(name='f', args=arguments(), body=[Assign(targets=[Name(id='w', ctx=Store(), lineno=7, col_offset=4, end_lineno=7, end_col_offset=5)], value=Constant(value=4, lineno=7, col_offset=8, end_lineno=7, end_col_offset=9), lineno=7, col_offset=4, end_lineno=7, end_col_offset=9)], lineno=5, col_offset=0, end_lineno=7, end_col_offset=9)])"
	if got := ast.Dump(f.File, f.Module); got != wantDump {
		t.Errorf("tree:\n got: %s\nwant: %s", got, wantDump)
	}
}
