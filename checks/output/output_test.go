package output

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The rules of the synthetic results.
var (
	ruleShared = &checks.Rule{
		Code: "FT001", Name: "shared-counter-update", Summary: "a shared counter updated without a lock",
		Doc: "## What it does\nFlags `count += 1` on shared state.\n", Severity: checks.Error, Fix: checks.FixAlways,
	}
	ruleCall = &checks.Rule{
		Code: "FT002", Name: "unlocked-call", Summary: "a call that needs a lock",
		Doc: "## What it does\nFlags calls.\n", Severity: checks.Warning, Fix: checks.FixSometimes,
	}
	ruleGzip = &checks.Rule{
		Code: "ZS001", Name: "gzip-import", Summary: "gzip where zstd would do",
		Doc: "## What it does\nFlags `import gzip`.\n", Severity: checks.Warning, Fix: checks.FixSometimes,
	}
	ruleName = &checks.Rule{
		Code: "DA001", Name: "non-ascii-name", Summary: "a name with non-ASCII characters",
		Doc: "## What it does\nFlags names.\n", Severity: checks.Warning,
	}
	ruleString = &checks.Rule{
		Code: "PY900", Name: "odd-string", Summary: "a string with odd characters",
		Doc: "## What it does\nFlags strings.\n", Severity: checks.Error,
	}
)

// modSrc has a tab-indented line, multi-byte characters (two bytes in
// "héllo", wide CJK characters in the name) and a call over four lines.
const modSrc = "import gzip\n" +
	"def f(x):\n" +
	"\tcount = 1\n" +
	"\treturn \"héllo\" + 文字\n" +
	"total = compute(\n" +
	"    1,\n" +
	"    2,\n" +
	")\n"

// otherSrc has CRLF line breaks and the same flagged text twice.
const otherSrc = "x = \"100%, sure: <yes> & 'no'\"\r\n" +
	"x = \"100%, sure: <yes> & 'no'\"\r\n"

const libSrc = "print(1)\n"

// span returns the span of the n-th (from 0) occurrence of text in src.
func span(t *testing.T, src, text string, n int) token.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(src[off:], text)
		if j < 0 {
			t.Fatalf("%q: occurrence %d not found", text, n)
		}
		if i == n {
			start := token.Pos(off + j)
			return token.Span{Start: start, End: start + token.Pos(len(text))}
		}
		off += j + len(text)
	}
}

// sampleResults returns results for three files: one under the working
// directory with five diagnostics, one in a directory with a space in its
// name, and one outside the working directory. They are deliberately out
// of order.
func sampleResults(t *testing.T) []FileResult {
	mod := token.NewFile("pkg/mod.py", []byte(modSrc))
	other := token.NewFile("a b/other.py", []byte(otherSrc))
	lib := token.NewFile("../shared/lib.py", []byte(libSrc))
	call := span(t, modSrc, "compute(\n    1,\n    2,\n)", 0)
	return []FileResult{
		{Path: "pkg/mod.py", File: mod, Diagnostics: []checks.Diagnostic{
			{
				Rule: ruleCall, Span: call, Severity: checks.Warning,
				Message: "`compute` is called without holding `lock`",
				Fix: &checks.Fix{Title: "Wrap the call in `with lock:`", Applicability: checks.Unsafe, Edits: []checks.Edit{
					checks.Insert(span(t, modSrc, "total", 0).Start, "with lock:\n    "),
					checks.Replace(span(t, modSrc, "    1,\n    2,\n)", 0), "1, 2)"),
				}},
			},
			{
				Rule: ruleShared, Span: span(t, modSrc, "count = 1", 0),
				Message: "`count` is updated without a lock",
				Fix: &checks.Fix{Title: "Rename `count` to `_count`", Applicability: checks.Safe, Edits: []checks.Edit{
					checks.Replace(span(t, modSrc, "count", 0), "_count"),
				}},
			},
			{
				Rule: ruleName, Span: span(t, modSrc, "文字", 0), Severity: checks.Info,
				Message: "`文字` is not an ASCII name",
			},
			{
				Rule: ruleGzip, Span: span(t, modSrc, "import gzip", 0), Severity: checks.Warning,
				Message: "`gzip` imported; consider `compression.zstd`",
				Fix: &checks.Fix{Title: "Import `compression.zstd` instead", Applicability: checks.DisplayOnly, Edits: []checks.Edit{
					checks.Replace(span(t, modSrc, "gzip", 0), "compression.zstd"),
				}},
			},
		}},
		{Path: "../shared/lib.py", File: lib, Diagnostics: []checks.Diagnostic{
			{Rule: ruleString, Span: span(t, libSrc, "print", 0), Message: "`print` called"},
		}},
		{Path: "a b/other.py", File: other, Diagnostics: []checks.Diagnostic{
			{Rule: ruleString, Span: span(t, otherSrc, `"100%, sure: <yes> & 'no'"`, 1), Severity: checks.Error,
				Message: `string has "%", "," and ":" in <yes> & 'no'`},
			{Rule: ruleString, Span: span(t, otherSrc, `"100%, sure: <yes> & 'no'"`, 0), Severity: checks.Error,
				Message: `string has "%", "," and ":" in <yes> & 'no'`},
			{Rule: ruleName, Span: token.Span{Start: 0, End: 0}, Severity: checks.Info,
				Message: "empty span at the start of the file"},
		}},
		{Path: "pkg/clean.py", File: token.NewFile("pkg/clean.py", []byte("pass\n"))},
	}
}

func sampleOptions() Options {
	return Options{Version: "0.1.0", WorkDir: "/home/dev/proj"}
}

func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, format, sampleResults(t), sampleOptions()); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", format+".txt"), buf.String())
		})
	}
}

func TestGoldenUnsafeFixes(t *testing.T) {
	// With unsafe fixes enabled, FT002's unsafe fix counts as available;
	// ZS001's display-only fix still does not.
	opts := sampleOptions()
	opts.UnsafeFixes = true
	var buf bytes.Buffer
	if err := Write(&buf, "concise", sampleResults(t), opts); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "golden", "concise-unsafe-fixes.txt"), buf.String())
}

func TestNoDiagnostics(t *testing.T) {
	clean := []FileResult{{Path: "pkg/clean.py", File: token.NewFile("pkg/clean.py", []byte("pass\n"))}}
	for _, format := range Formats() {
		var buf bytes.Buffer
		if err := Write(&buf, format, clean, sampleOptions()); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		checkGolden(t, filepath.Join("testdata", "golden", "clean", format+".txt"), buf.String())
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s: output differs\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, "xml", sampleResults(t), sampleOptions())
	want := `unknown output format "xml" (valid formats: full, concise, json, json-lines, sarif, github, gitlab, junit, pylint)`
	if err == nil || err.Error() != want {
		t.Errorf("got error %v, want %s", err, want)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q", buf.String())
	}
}

func TestInvalidResults(t *testing.T) {
	src := []byte("pass\n")
	tests := []struct {
		results []FileResult
		want    string
	}{
		{[]FileResult{{Path: "x.py", Diagnostics: []checks.Diagnostic{{Rule: ruleName, Message: "m"}}}},
			"output: x.py: diagnostics without a source file"},
		{[]FileResult{{Path: "x.py", File: token.NewFile("x.py", src), Diagnostics: []checks.Diagnostic{{Message: "m"}}}},
			"output: x.py: diagnostic without a rule: m"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		err := Write(&buf, "full", tt.results, sampleOptions())
		if err == nil || err.Error() != tt.want {
			t.Errorf("got error %v, want %s", err, tt.want)
		}
		if buf.Len() != 0 {
			t.Errorf("wrote %q", buf.String())
		}
	}
}

// TestFullSnippets checks the full format's source excerpts: a long range
// is shortened, a range ending with a line break does not show the next
// line, an empty line inside a range gets no carets, an empty range at the
// end of a line gets one caret, and control characters are made visible.
func TestFullSnippets(t *testing.T) {
	src := "a = [\n    1,\n\n    2,\n    3,\n    4,\n    5,\n]\nb = 2\nc\f= 3\n"
	f := token.NewFile("s.py", []byte(src))
	list := span(t, src, "[\n    1,\n\n    2,\n    3,\n    4,\n    5,\n]", 0)
	short := span(t, src, "[\n    1,\n\n", 0)
	bLine := span(t, src, "b = 2\n", 0)
	eol := span(t, src, "2\n", 0)
	eol.Start++
	eol.End = eol.Start
	ff := span(t, src, "c\f= 3", 0)
	results := []FileResult{{Path: "s.py", File: f, Diagnostics: []checks.Diagnostic{
		{Rule: ruleName, Span: list, Message: "long range"},
		{Rule: ruleShared, Span: short, Message: "range over an empty line"},
		{Rule: ruleName, Span: bLine, Message: "line with its break"},
		{Rule: ruleCall, Span: eol, Message: "empty range at the end of a line"},
		{Rule: ruleGzip, Span: ff, Message: "form feed"},
	}}}
	var buf bytes.Buffer
	if err := Write(&buf, "full", results, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	want := "s.py:1:5: DA001 long range\n" +
		"  |\n" +
		"1 | a = [\n" +
		"  |     ^\n" +
		"2 |     1,\n" +
		"  | ^^^^^^\n" +
		"3 |\n" +
		"...\n" +
		"7 |     5,\n" +
		"  | ^^^^^^\n" +
		"8 | ]\n" +
		"  | ^\n" +
		"  |\n" +
		"\n" +
		"s.py:1:5: FT001 range over an empty line\n" +
		"  |\n" +
		"1 | a = [\n" +
		"  |     ^\n" +
		"2 |     1,\n" +
		"  | ^^^^^^\n" +
		"3 |\n" +
		"  |\n" +
		"\n" +
		"s.py:9:1: DA001 line with its break\n" +
		"  |\n" +
		"9 | b = 2\n" +
		"  | ^^^^^\n" +
		"  |\n" +
		"\n" +
		"s.py:9:6: FT002 empty range at the end of a line\n" +
		"  |\n" +
		"9 | b = 2\n" +
		"  |      ^\n" +
		"  |\n" +
		"\n" +
		"s.py:10:1: ZS001 form feed\n" +
		"   |\n" +
		"10 | c\u240c= 3\n" +
		"   | ^^^^^\n" +
		"   |\n" +
		"\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestDisplayLine(t *testing.T) {
	tests := []struct {
		line string
		text string
		cols []int // at each rune start, then at the end
	}{
		{"\tx", "    x", []int{0, 4, 5}},
		{"ab\tc", "ab  c", []int{0, 1, 2, 4, 5}},
		{"é=字", "é=字", []int{0, 1, 2, 4}},
		{"e\u0301x", "e\u0301x", []int{0, 1, 1, 2}},
		{"🎉!", "🎉!", []int{0, 2, 3}},
		{"a\x00", "a\u2400", []int{0, 1, 2}},
	}
	for _, tt := range tests {
		text, cols := displayLine([]byte(tt.line))
		if text != tt.text {
			t.Errorf("%q: text %q, want %q", tt.line, text, tt.text)
		}
		var starts []int
		for i, r := range tt.line {
			_ = r
			starts = append(starts, cols[i])
		}
		starts = append(starts, cols[len(tt.line)])
		if !equalInts(starts, tt.cols) {
			t.Errorf("%q: columns %v, want %v", tt.line, starts, tt.cols)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := githubData("50% done\r\nnext: a,b"), "50%25 done%0D%0Anext: a,b"; got != want {
		t.Errorf("githubData: got %q, want %q", got, want)
	}
	if got, want := githubProperty("C:\\a,b%\n"), "C%3A\\a%2Cb%25%0A"; got != want {
		t.Errorf("githubProperty: got %q, want %q", got, want)
	}
}

func TestFileURIs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/home/dev/my proj", "file:///home/dev/my%20proj/"},
		{"/", "file:///"},
	}
	for _, tt := range tests {
		if got := fileURI(tt.in, true); got != tt.want {
			t.Errorf("fileURI(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
	rel := []struct{ in, want string }{
		{"a b/c.py", "a%20b/c.py"},
		{"x:y/c.py", "./x:y/c.py"},
		{"pkg/100%.py", "pkg/100%25.py"},
	}
	for _, tt := range rel {
		if got := relativeURI(tt.in); got != tt.want {
			t.Errorf("relativeURI(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSARIFSchema validates the SARIF output against the OASIS SARIF 2.1.0
// schema with the Node.js validator in testdata/sarif, whose packages
// scripts/test.sh installs.
func TestSARIFSchema(t *testing.T) {
	dir := filepath.Join("testdata", "sarif")
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed; the SARIF schema test needs Node.js")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "ajv-draft-04")); err != nil {
		t.Fatalf("the SARIF validator's packages are not installed: run npm ci --prefix checks/output/testdata/sarif (%v)", err)
	}
	tmp := t.TempDir()
	var files []string
	for name, results := range map[string][]FileResult{
		"sample.sarif": sampleResults(t),
		"clean.sarif":  nil,
	} {
		var buf bytes.Buffer
		if err := Write(&buf, "sarif", results, sampleOptions()); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(tmp, name)
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	// An invalid log must be rejected, or the test proves nothing.
	bad := filepath.Join(tmp, "bad.sarif")
	if err := os.WriteFile(bad, []byte(`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "py314"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, append([]string{filepath.Join(dir, "validate.mjs")}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("SARIF output does not validate: %v\n%s", err, out)
	}
	out, err = exec.Command(node, filepath.Join(dir, "validate.mjs"), bad).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "/runs/0/results/0/level: must be equal to one of the allowed values") {
		t.Fatalf("the validator accepted an invalid log: %v\n%s", err, out)
	}
}

func TestXMLEscape(t *testing.T) {
	got := xmlEscape("a<b>&\"c\" 'd'\te\r\nf\x00\x1f\ufffe")
	want := "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;&#x9;e&#xD;&#xA;f\ufffd\ufffd\ufffd"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
