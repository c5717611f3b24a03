package fixes

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/token"
)

// A fakeRule reports a diagnostic for every match of a pattern, with a fix
// whose edits fix returns for the match.
type fakeRule struct {
	rule    *checks.Rule
	pattern *regexp.Regexp
	fix     func(src []byte, m []int) []checks.Edit
	app     checks.Applicability
}

// replacing returns a rule that replaces every match of pattern with with.
func replacing(code, pattern, with string) fakeRule {
	return fakeRule{
		rule:    &checks.Rule{Code: code},
		pattern: regexp.MustCompile(pattern),
		fix: func(_ []byte, m []int) []checks.Edit {
			return []checks.Edit{repl(m[0], m[1], with)}
		},
		app: checks.Safe,
	}
}

// lint returns a lint function running rules over the text of a file.
func lint(rules ...fakeRule) func(*parser.File) []checks.Diagnostic {
	return func(f *parser.File) []checks.Diagnostic {
		src := f.File.Src
		var diags []checks.Diagnostic
		for _, r := range rules {
			for _, m := range r.pattern.FindAllSubmatchIndex(src, -1) {
				diags = append(diags, checks.Diagnostic{
					Rule:    r.rule,
					Span:    token.Span{Start: token.Pos(m[0]), End: token.Pos(m[1])},
					Message: "found " + string(src[m[0]:m[1]]),
					Fix:     &checks.Fix{Title: "fix it", Applicability: r.app, Edits: r.fix(src, m)},
				})
			}
		}
		checks.SortDiagnostics(diags)
		return diags
	}
}

// summary prints a Result in full for comparison.
func summary(r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "rounds: %d\ntext: %q\n", r.Rounds, r.File.File.Src)
	for _, c := range r.Applied {
		fmt.Fprintf(&b, "applied: %d × %s\n", c.Count, c.Rule.Code)
	}
	for _, d := range r.Diagnostics {
		fmt.Fprintf(&b, "remaining: %s %d-%d %s\n", d.Rule.Code, d.Span.Start, d.Span.End, d.Message)
	}
	if len(r.File.Errors) > 0 {
		fmt.Fprintf(&b, "first syntax error: %s\n", r.File.Errors[0].Msg)
	}
	for _, bug := range r.Bugs {
		fmt.Fprintf(&b, "bug: %s\n", bug.Error())
	}
	for _, u := range r.Unconverged {
		fmt.Fprintf(&b, "unconverged: %s\n", u.Code)
	}
	return b.String()
}

func parse(src string) *parser.File { return parser.ParseSource("t.py", []byte(src), parser.Options{}) }

func checkFix(t *testing.T, name string, got Result, want string) {
	t.Helper()
	if s := summary(got); s != want {
		t.Errorf("%s: got\n%s\nwant\n%s", name, s, want)
	}
}

func TestFixNothing(t *testing.T) {
	f := parse("x = 1\n")
	res := Fix(f, lint(replacing("FK001", `old_name`, "new_name")), Options{Applicability: checks.Safe})
	checkFix(t, "nothing", res, "rounds: 0\ntext: \"x = 1\\n\"\n")
	if res.File != f {
		t.Errorf("File is not the file given when nothing was fixed")
	}
}

// TestFixUndecodable does not fix a file whose bytes could not be decoded.
func TestFixUndecodable(t *testing.T) {
	header := replacing("FK009", `\A`, "import os\n")
	f := parser.ParseFile("t.py", []byte("x = 1\x00\n"), parser.Options{})
	checkFix(t, "undecodable", Fix(f, lint(header), Options{Applicability: checks.Safe}), `rounds: 0
text: "x = 1\x00\n"
remaining: FK009 0-0 found 
first syntax error: source code string cannot contain null bytes
`)
}

// TestFixInteracting has one rule's fix make the code another rule fixes:
// renaming old_name to new_name needs an import, which the second round
// adds once for both uses.
func TestFixInteracting(t *testing.T) {
	rename := replacing("FK001", `\bold_name\b`, "new_name")
	importer := fakeRule{
		rule:    &checks.Rule{Code: "FK002"},
		pattern: regexp.MustCompile(`(?m)^[xy] = (new_name)`),
		fix: func(src []byte, m []int) []checks.Edit {
			return []checks.Edit{repl(0, 0, "import new_name\n")}
		},
		app: checks.Safe,
	}
	// The importer reports nothing once the import is there.
	lintAll := func(f *parser.File) []checks.Diagnostic {
		rules := []fakeRule{rename}
		if !strings.HasPrefix(string(f.File.Src), "import new_name\n") {
			rules = append(rules, importer)
		}
		return lint(rules...)(f)
	}
	res := Fix(parse("x = old_name\ny = old_name\n"), lintAll, Options{Applicability: checks.Safe})
	checkFix(t, "interacting", res, `rounds: 2
text: "import new_name\nx = new_name\ny = new_name\n"
applied: 2 × FK001
applied: 2 × FK002
`)
}

// TestFixConflicting has two rules whose fixes overlap: the first fix (by
// position) wins the first round, the other is applied in the second if
// the rule still reports it.
func TestFixConflicting(t *testing.T) {
	call := replacing("FK001", `print\(x\)`, "log(x)")
	arg := replacing("FK002", `\(x\)`, "(y)")
	res := Fix(parse("print(x)\n"), lint(call, arg), Options{Applicability: checks.Safe})
	checkFix(t, "conflicting", res, `rounds: 2
text: "log(y)\n"
applied: 1 × FK001
applied: 1 × FK002
`)
}

// TestFixSyntaxError has a rule whose fix breaks the code in the same
// round as a good fix: the round is rolled back, the bad rule named, and
// the good fix applied without it.
func TestFixSyntaxError(t *testing.T) {
	good := replacing("FK001", `\bold_name\b`, "new_name")
	bad := replacing("FK003", `\bpass\b`, "pass)")
	res := Fix(parse("x = old_name\npass\n"), lint(good, bad), Options{Applicability: checks.Safe})
	checkFix(t, "syntax error", res, `rounds: 1
text: "x = new_name\npass\n"
applied: 1 × FK001
remaining: FK003 13-17 found pass
bug: fix of FK003 not applied (round 1): it would introduce a syntax error at 2:5: unmatched ')'
`)
}

// TestFixSyntaxErrorTogether has two fixes that are fine alone but break
// the code together: both rules are named.
func TestFixSyntaxErrorTogether(t *testing.T) {
	starA := replacing("FK004", `\ba\b`, "*a")
	starB := replacing("FK005", `\bb\b`, "*b")
	res := Fix(parse("def f(a, b): pass\n"), lint(starA, starB), Options{Applicability: checks.Safe})
	checkFix(t, "syntax error together", res, `rounds: 0
text: "def f(a, b): pass\n"
remaining: FK004 6-7 found a
remaining: FK005 9-10 found b
bug: fixes of FK004, FK005 not applied (round 1): they would introduce a syntax error at 1:11: * argument may appear only once
`)
}

// TestFixBrokenOriginal applies fixes to a file that has syntax errors to
// begin with: there is nothing to compare with, so nothing is rolled back.
func TestFixBrokenOriginal(t *testing.T) {
	bad := replacing("FK003", `(?m)^pass$`, "pass)")
	res := Fix(parse("x = 1)\npass\n"), lint(bad), Options{Applicability: checks.Safe})
	checkFix(t, "broken original", res, `rounds: 1
text: "x = 1)\npass)\n"
applied: 1 × FK003
first syntax error: unmatched ')'
`)
}

// TestFixNeverConverges has a rule that always has one more fix: Fix stops
// after 100 rounds and names it.
func TestFixNeverConverges(t *testing.T) {
	grow := fakeRule{
		rule:    &checks.Rule{Code: "FK006"},
		pattern: regexp.MustCompile(`\z`),
		fix: func(src []byte, m []int) []checks.Edit {
			return []checks.Edit{repl(m[0], m[0], "x = 1\n")}
		},
		app: checks.Safe,
	}
	stable := replacing("FK001", `\bold_name\b`, "new_name")
	res := Fix(parse("y = old_name\n"), lint(grow, stable), Options{Applicability: checks.Safe})
	want := fmt.Sprintf(`rounds: 100
text: %q
applied: 1 × FK001
applied: 100 × FK006
remaining: FK006 613-613 found 
unconverged: FK006
`, "y = new_name\n"+strings.Repeat("x = 1\n", 100))
	checkFix(t, "never converges", res, want)

	res = Fix(parse(""), lint(grow), Options{Applicability: checks.Safe, MaxRounds: 3})
	checkFix(t, "three rounds", res, `rounds: 3
text: "x = 1\nx = 1\nx = 1\n"
applied: 3 × FK006
remaining: FK006 18-18 found 
unconverged: FK006
`)
}

// TestFixNoChange has a rule whose fix leaves the text as it is: it would
// be offered forever, so it is reported at once.
func TestFixNoChange(t *testing.T) {
	same := replacing("FK007", `\bx\b`, "x")
	res := Fix(parse("x = 1\n"), lint(same), Options{Applicability: checks.Safe})
	checkFix(t, "no change", res, `rounds: 0
text: "x = 1\n"
remaining: FK007 0-1 found x
bug: fix of FK007 not applied (round 1): it would not change the text
`)
}

// TestFixInvalidEdits has a rule whose fix points outside the text.
func TestFixInvalidEdits(t *testing.T) {
	outside := fakeRule{
		rule:    &checks.Rule{Code: "FK008"},
		pattern: regexp.MustCompile(`\bx\b`),
		fix: func(src []byte, m []int) []checks.Edit {
			return []checks.Edit{repl(len(src), len(src)+5, "")}
		},
		app: checks.Safe,
	}
	good := replacing("FK001", `\bold_name\b`, "new_name")
	res := Fix(parse("x = old_name\n"), lint(outside, good), Options{Applicability: checks.Safe})
	checkFix(t, "invalid edits", res, `rounds: 1
text: "x = new_name\n"
applied: 1 × FK001
remaining: FK008 0-1 found x
bug: fix of FK008 not applied (round 1): it has edits out of order, overlapping or outside the text
`)
}

// TestFixSelection checks that applicability and the fixable setting
// decide which fixes Fix applies.
func TestFixSelection(t *testing.T) {
	safe := replacing("FK001", `\ba\b`, "A")
	unsafe := replacing("FK002", `\bb\b`, "B")
	unsafe.app = checks.Unsafe
	display := replacing("FK003", `\bc\b`, "C")
	display.app = checks.DisplayOnly
	other := replacing("FK004", `\bd\b`, "D")
	l := lint(safe, unsafe, display, other)
	src := "a = b + c + d\n"

	checkFix(t, "safe", Fix(parse(src), l, Options{Applicability: checks.Safe}), `rounds: 1
text: "A = b + c + D\n"
applied: 1 × FK001
applied: 1 × FK004
remaining: FK002 4-5 found b
remaining: FK003 8-9 found c
`)
	checkFix(t, "unsafe", Fix(parse(src), l, Options{Applicability: checks.Unsafe}), `rounds: 1
text: "A = B + c + D\n"
applied: 1 × FK001
applied: 1 × FK002
applied: 1 × FK004
remaining: FK003 8-9 found c
`)
	checkFix(t, "display-only never", Fix(parse(src), l, Options{Applicability: checks.DisplayOnly}), `rounds: 1
text: "A = B + c + D\n"
applied: 1 × FK001
applied: 1 × FK002
applied: 1 × FK004
remaining: FK003 8-9 found c
`)
	notFK004 := func(r *checks.Rule) bool { return r.Code != "FK004" }
	checkFix(t, "unfixable", Fix(parse(src), l, Options{Applicability: checks.Safe, Fixable: notFK004}), `rounds: 1
text: "A = b + c + d\n"
applied: 1 × FK001
remaining: FK002 4-5 found b
remaining: FK003 8-9 found c
remaining: FK004 12-13 found d
`)
}

// TestFixCRLF checks that fixes keep a file's line endings.
func TestFixCRLF(t *testing.T) {
	header := fakeRule{
		rule:    &checks.Rule{Code: "FK009"},
		pattern: regexp.MustCompile(`\A(x)`),
		fix: func(src []byte, m []int) []checks.Edit {
			return []checks.Edit{repl(0, 0, "import os\nimport sys\n")}
		},
		app: checks.Safe,
	}
	res := Fix(parse("x = 1\r\ny = 2\r\n"), lint(header), Options{Applicability: checks.Safe})
	checkFix(t, "crlf", res, `rounds: 1
text: "import os\r\nimport sys\r\nx = 1\r\ny = 2\r\n"
applied: 1 × FK009
`)
}

// TestFixEncoding refuses a fix whose text the file's encoding cannot
// hold, and keeps the encoding on the files it parses.
func TestFixEncoding(t *testing.T) {
	arrow := replacing("FK010", `->`, "→")
	eacute := replacing("FK011", `\be\b`, "é")
	f := parser.ParseFile("t.py", []byte("# coding: latin-1\nx = e  # ->\n"), parser.Options{})
	var seen []string
	l := lint(arrow, eacute)
	res := Fix(f, func(f *parser.File) []checks.Diagnostic {
		seen = append(seen, f.Encoding)
		return l(f)
	}, Options{Applicability: checks.Safe})
	checkFix(t, "encoding", res, `rounds: 1
text: "# coding: latin-1\nx = é  # ->\n"
applied: 1 × FK011
remaining: FK010 28-30 found ->
bug: fix of FK010 not applied (round 1): it would make text that cannot be written back: iso8859-1 cannot encode U+2192 at offset 27
`)
	if got := strings.Join(seen, " "); got != "iso8859-1 iso8859-1" {
		t.Errorf("lint saw encodings %q, want the original's on every parse", got)
	}
}
