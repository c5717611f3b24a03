package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata")

// Rules of every family, made up for the tests.
var (
	ruleFT = &checks.Rule{Code: "FT001", Name: "unsynchronized-global-update", Severity: checks.Error}
	ruleDA = &checks.Rule{Code: "DA001", Name: "annotations-dict-access", Severity: checks.Warning}
	ruleZS = &checks.Rule{Code: "ZS001", Name: "zstd-available", Severity: checks.Info}
	rulePY = &checks.Rule{Code: "PY101", Name: "removed-ast-constant-class", Severity: checks.Error}
	ruleXX = &checks.Rule{Code: "XX001", Name: "other-tool", Severity: checks.Warning}
)

// span returns the span of the first occurrence of sub in src.
func span(t *testing.T, src, sub string) token.Span {
	t.Helper()
	i := strings.Index(src, sub)
	if i < 0 {
		t.Fatalf("%q not in the source", sub)
	}
	return token.Span{Start: token.Pos(i), End: token.Pos(i + len(sub))}
}

func testInput(t *testing.T) *Input {
	core := "import threading\n\ncounter = 0\n\n\ndef bump():\n\tglobal counter\n\tcounter += 1\n\n\nx = ast.Num(1)\nhint = Item.__annotations__\n"
	io := "import gzip\n\n" + "data = gzip.compress(b'" + strings.Repeat("x", 200) + "')\n"
	setup := "values = [a for a in range(3)]\n"
	fcore := token.NewFile("app/core.py", []byte(core))
	fio := token.NewFile("app/util/io.py", []byte(io))
	fsetup := token.NewFile("setup.py", []byte(setup))
	return &Input{
		Project: "shop",
		Version: "1.2.3",
		Rules:   []*checks.Rule{ruleFT, ruleDA, rulePY},
		DocsURL: func(code string) string { return "https://py314.dev/rules/" + code },
		FamilyName: func(f string) string {
			return map[string]string{"FT": "Free threading", "DA": "Deferred annotations", "ZS": "Zstandard", "PY": "Porting"}[f]
		},
		Files: []File{
			{Path: "setup.py", Package: "setup", File: fsetup, Diagnostics: []checks.Diagnostic{
				{Rule: ruleXX, Span: span(t, setup, "[a for a in range(3)]"), Message: "use `a | b` instead of <b>x</b>"},
			}},
			{Path: "app/core.py", Package: "app", File: fcore, Diagnostics: []checks.Diagnostic{
				{Rule: rulePY, Span: span(t, core, "ast.Num"), Message: "`ast.Num` was removed in Python 3.14; use `ast.Constant`", Severity: checks.Error,
					Fix: &checks.Fix{Title: "Replace", Applicability: checks.Safe}},
				{Rule: ruleFT, Span: span(t, core, "counter += 1"), Message: "`counter` is updated from several threads without a lock", Severity: checks.Error},
				{Rule: ruleDA, Span: span(t, core, "Item.__annotations__"), Message: "`__annotations__` read directly", Severity: checks.Warning,
					Fix: &checks.Fix{Title: "Use annotationlib", Applicability: checks.Unsafe}},
			}},
			{Path: "app/util/io.py", Package: "app", File: fio, Diagnostics: []checks.Diagnostic{
				{Rule: ruleZS, Span: token.Span{Start: token.Pos(len("import gzip")), End: token.Pos(len("import gzip"))}, Message: "`compression.zstd` is available"},
				{Rule: ruleZS, Span: span(t, io, "gzip.compress"), Message: "consider `compression.zstd`", Severity: checks.Info},
			}},
			{Path: "scripts/run.py", Package: "scripts"},
		},
	}
}

// TestGolden renders the test input as HTML and Markdown and compares them
// with testdata/report.html and testdata/report.md; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		file   string
		render func(*bytes.Buffer, *Input) error
	}{
		{"report.html", func(b *bytes.Buffer, in *Input) error { return HTML(b, in) }},
		{"report.md", func(b *bytes.Buffer, in *Input) error { return Markdown(b, in) }},
	} {
		var buf bytes.Buffer
		if err := tc.render(&buf, testInput(t)); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", tc.file)
		if *update {
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != string(want) {
			t.Errorf("%s differs from %s (run go test -update to rewrite it):\n%s", tc.file, golden, firstDiff(got, string(want)))
		}
		// The same input gives the same bytes.
		var again bytes.Buffer
		if err := tc.render(&again, testInput(t)); err != nil {
			t.Fatal(err)
		}
		if again.String() != buf.String() {
			t.Errorf("%s: two renderings differ", tc.file)
		}
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return "no line differs"
}

// TestSelfContained checks that the page loads nothing: no scripts, no
// style sheets, images or fonts from elsewhere; the only addresses are
// the links to the rule pages.
func TestSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, testInput(t)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(", "src="} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`(?:https?:)?//[^"'\s<)]+`).FindAllString(page, -1) {
		if m == "http://www.w3.org/2000/svg" {
			continue // the SVG namespace, not a resource
		}
		if !strings.HasPrefix(m, "https://py314.dev/rules/") {
			t.Errorf("the page names %q", m)
		}
	}
	// Text from the code base is escaped.
	if !strings.Contains(page, "instead of &lt;b&gt;x&lt;/b&gt;") || strings.Contains(page, "<b>x</b>") {
		t.Error("a message's markup is not escaped")
	}
}

func TestModel(t *testing.T) {
	m, err := build(testInput(t))
	if err != nil {
		t.Fatal(err)
	}
	type fam struct {
		code    string
		verdict Verdict
		c       counts
		files   int
		fixable int
	}
	var got []fam
	for _, f := range m.Families {
		got = append(got, fam{f.Code, f.Verdict, f.counts, f.Files, f.Fixable})
	}
	want := []fam{
		{"FT", Blocked, counts{Errors: 1}, 1, 0},
		{"DA", Review, counts{Warnings: 1}, 1, 0},
		// No ZS rule is enabled, but findings of the family were
		// reported: they count.
		{"ZS", Review, counts{Info: 2}, 1, 0},
		{"PY", Blocked, counts{Errors: 1}, 1, 1},
		{"XX", Review, counts{Warnings: 1}, 1, 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("families:\n%+v\nwant\n%+v", got, want)
	}
	if m.Verdict != Blocked || m.Total != (counts{Errors: 2, Warnings: 2, Info: 2}) || m.Fixable != 1 {
		t.Errorf("verdict %v, total %+v, fixable %d", m.Verdict, m.Total, m.Fixable)
	}
	if m.FilesChecked != 4 || m.FilesAffected != 3 {
		t.Errorf("%d files checked, %d affected; want 4, 3", m.FilesChecked, m.FilesAffected)
	}
	var pkgs []string
	for _, p := range m.Packages {
		pkgs = append(pkgs, p.Name+":"+strconv.Itoa(p.Files)+":"+strconv.Itoa(p.Total()))
	}
	if want := []string{"app:2:5", "setup:1:1", "scripts:1:0"}; !reflect.DeepEqual(pkgs, want) {
		t.Errorf("packages %q, want %q", pkgs, want)
	}
	var worst []string
	for _, f := range m.Worst {
		worst = append(worst, f.Path)
	}
	if want := []string{"app/core.py", "setup.py", "app/util/io.py"}; !reflect.DeepEqual(worst, want) {
		t.Errorf("worst files %q, want %q", worst, want)
	}
	// Findings are in source order within a file, files in path order.
	var order []string
	for _, f := range m.Files {
		for _, d := range f.Findings {
			order = append(order, f.Path+":"+strconv.Itoa(d.Line)+":"+strconv.Itoa(d.Column)+":"+d.Code)
		}
	}
	wantOrder := []string{"app/core.py:8:2:FT001", "app/core.py:11:5:PY101", "app/core.py:12:8:DA001",
		"app/util/io.py:1:12:ZS001", "app/util/io.py:3:8:ZS001", "setup.py:1:10:XX001"}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("findings in order %q, want %q", order, wantOrder)
	}
}

func TestVerdicts(t *testing.T) {
	for _, tc := range []struct {
		rules []*checks.Rule
		diags []checks.Diagnostic
		want  Verdict
		head  string
	}{
		{nil, nil, Ready, "Nothing found that stands between this code and Python 3.14."},
		{[]*checks.Rule{rulePY}, nil, Ready, "Nothing found that stands between this code and Python 3.14."},
		{[]*checks.Rule{rulePY}, []checks.Diagnostic{{Rule: ruleDA, Message: "m"}}, Review,
			"Nothing found that breaks on Python 3.14; 1 finding to review."},
		{[]*checks.Rule{rulePY}, []checks.Diagnostic{{Rule: rulePY, Message: "m"}, {Rule: rulePY, Message: "m"}}, Blocked,
			"2 findings break on Python 3.14."},
		{[]*checks.Rule{rulePY}, []checks.Diagnostic{{Rule: rulePY, Message: "m"}, {Rule: ruleZS, Message: "m"}}, Blocked,
			"1 finding breaks on Python 3.14; 1 more finding to review."},
	} {
		in := &Input{Rules: tc.rules, Files: []File{{Path: "a.py", Package: "a", File: token.NewFile("a.py", []byte("x\n")), Diagnostics: tc.diags}}}
		m, err := build(in)
		if err != nil {
			t.Fatal(err)
		}
		if m.Verdict != tc.want || m.Headline != tc.head {
			t.Errorf("%d findings: verdict %v %q, want %v %q", len(tc.diags), m.Verdict, m.Headline, tc.want, tc.head)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	for _, in := range []*Input{
		{Files: []File{{Path: "a.py", File: token.NewFile("a.py", nil), Diagnostics: []checks.Diagnostic{{Message: "no rule"}}}}},
		{Files: []File{{Path: "a.py", Diagnostics: []checks.Diagnostic{{Rule: rulePY, Message: "no file"}}}}},
	} {
		var buf bytes.Buffer
		if err := HTML(&buf, in); err == nil {
			t.Errorf("HTML of %+v: no error", in.Files[0])
		}
		if err := Markdown(&buf, in); err == nil {
			t.Errorf("Markdown of %+v: no error", in.Files[0])
		}
		if buf.Len() != 0 {
			t.Errorf("wrote %q on error", buf.String())
		}
	}
}

func TestSplitCode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []messagePart
	}{
		{"", nil},
		{"plain", []messagePart{{Text: "plain"}}},
		{"`a` then `b`", []messagePart{{Text: "a", Code: true}, {Text: " then "}, {Text: "b", Code: true}}},
		{"use `x", []messagePart{{Text: "use `x"}}},
		{"``", []messagePart{{Text: "", Code: true}}},
	} {
		if got := splitCode(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitCode(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestFitLine(t *testing.T) {
	long := strings.Repeat("a", 300)
	for _, tc := range []struct {
		before, flagged, after string
		want                   [3]string
	}{
		{"\tx = ", "f()", "  ", [3]string{"x = ", "f()", ""}},
		{"", long, "", [3]string{"", strings.Repeat("a", maxSourceLine-1) + "…", ""}},
		{long, "f()", long, [3]string{"…" + strings.Repeat("a", 77), "f()", strings.Repeat("a", 78) + "…"}},
	} {
		b, f, a := fitLine(tc.before, tc.flagged, tc.after)
		if got := [3]string{b, f, a}; got != tc.want {
			t.Errorf("fitLine(%.10q…, %.10q…, %.10q…) = %q, want %q", tc.before, tc.flagged, tc.after, got, tc.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		s    string
		want string
	}{
		{0, "finding", "0 findings"},
		{1, "finding", "1 finding"},
		{2, "safe fix", "2 safe fixes"},
		{1, "safe fix", "1 safe fix"},
	} {
		if got := plural(tc.n, tc.s); got != tc.want {
			t.Errorf("plural(%d, %q) = %q, want %q", tc.n, tc.s, got, tc.want)
		}
	}
}

// TestChartPackages checks that the chart sums up the packages beyond its
// last bar in one.
func TestChartPackages(t *testing.T) {
	in := &Input{Rules: []*checks.Rule{rulePY}}
	for i := 0; i < maxBars+5; i++ {
		src := "x = 1\n"
		f := File{Path: "p" + strconv.Itoa(i) + ".py", Package: "p" + strconv.Itoa(i), File: token.NewFile("", []byte(src))}
		for j := 0; j < maxBars+5-i; j++ {
			f.Diagnostics = append(f.Diagnostics, checks.Diagnostic{Rule: rulePY, Message: "m"})
		}
		in.Files = append(in.Files, f)
	}
	m, err := build(in)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := chartPackages(m)
	if len(pkgs) != maxBars {
		t.Fatalf("%d bars, want %d", len(pkgs), maxBars)
	}
	last := pkgs[maxBars-1]
	// The six smallest packages have 6, 5, ..., 1 findings.
	if last.Name != "6 other packages" || last.Files != 6 || last.Total() != 21 || last.ByFamily[3] != 21 {
		t.Errorf("last bar %+v, want 6 other packages with 6 files and 21 PY findings", last)
	}
	if first := pkgs[0]; first.Name != "p0" || first.Total() != maxBars+5 {
		t.Errorf("first bar %+v, want p0 with %d findings", first, maxBars+5)
	}
	if svg := chart(m); strings.Count(svg, `<g class="bar">`) != maxBars || !strings.Contains(svg, ">6 other packages</text>") {
		t.Errorf("the chart does not show %d bars ending with the other packages:\n%s", maxBars, svg)
	}
}
