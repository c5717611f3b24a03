package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/config"
	"github.com/py314/py314/checks/rules"
	"github.com/py314/py314/corpus/oracle"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/token"
)

// The PY3xx and PY4xx rules claim that code fails, warns or behaves
// differently on Python 3.14. These tests run the fixtures of the rules
// under CPython 3.14 (the oracle) and check each claim with the program's
// full output: the original fails as the rule says, and the text the
// rule's fix produces (the fixture's golden) does not.

// pyRun is what a program does under CPython 3.14: its standard output,
// its warnings and the exception that ends it ("Type: message"), if any.
type pyRun struct {
	stdout   string
	warnings []string
	err      string
}

func (r pyRun) String() string {
	return fmt.Sprintf("stdout=%q warnings=%q err=%q", r.stdout, r.warnings, r.err)
}

func pyResult(r oracle.Result) pyRun {
	run := pyRun{stdout: r.Stdout, warnings: r.Warnings}
	if r.Err != nil {
		run.err = r.Err.Type + ": " + r.Err.Msg
	}
	return run
}

// fixtureSection returns one section of a rule fixture archive.
func fixtureSection(t *testing.T, archive, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("rules", archive))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range txtar.Parse(data).Files {
		if f.Name == name {
			return f.Data
		}
	}
	t.Fatalf("%s has no section %s", archive, name)
	return nil
}

// pyBehaviourCase runs one fixture section, and its fixed golden, under
// CPython 3.14.
type pyBehaviourCase struct {
	archive string // under corpus/rules
	section string // the input section, such as "runtime.py"
	// golden is the section holding the fixed text ("runtime.py.fixed" or
	// "runtime.py.fixed.unsafe"), or "" when the rule offers no fix or its
	// fix cannot run in the oracle.
	golden string
	// prelude is code run before both programs, to set up what the oracle
	// lacks; it is not linted.
	prelude string
	// before and after are what the original and the fixed program do.
	before, after pyRun
}

var pyBehaviourCases = []pyBehaviourCase{
	{
		// PEP 765: the finally blocks swallow the OSError, the ValueError
		// and the ZeroDivisionError, and the compiler warns about each.
		archive: "PY301/basic.txtar", section: "runtime.py",
		before: pyRun{stdout: "default\nNone\n15\n", warnings: []string{
			"SyntaxWarning: 'return' in a 'finally' block",
			"SyntaxWarning: 'break' in a 'finally' block",
			"SyntaxWarning: 'continue' in a 'finally' block",
		}},
	},
	{
		// except ValueError, error: evaluates the name error when the
		// ValueError arrives.
		archive: "PY302/basic.txtar", section: "runtime.py", golden: "runtime.py.fixed",
		before: pyRun{stdout: "12\n", err: "NameError: name 'error' is not defined"},
		after:  pyRun{stdout: "12\nnot a number: invalid literal for int() with base 10: 'twelve'\nNone\n"},
	},
	{
		// get_event_loop() raises once no loop is running or set. pyodide
		// always runs its own loop and policy; the prelude restores
		// CPython's. The fix creates a selector loop, which pyodide cannot.
		archive: "PY401/basic.txtar", section: "runtime.py",
		prelude: "import asyncio.events\nasyncio.events._set_running_loop(None)\nasyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())\n",
		before: pyRun{
			warnings: []string{
				"DeprecationWarning: 'asyncio.DefaultEventLoopPolicy' is deprecated and slated for removal in Python 3.16",
				"DeprecationWarning: 'asyncio.set_event_loop_policy' is deprecated and slated for removal in Python 3.16",
			},
			err: "RuntimeError: There is no current event loop in thread 'MainThread'.",
		},
	},
	{
		// The default start method is forkserver, and what the rule reports
		// as targets cannot be pickled (pyodide cannot start processes).
		archive: "PY402/basic.txtar", section: "runtime.py",
		before: pyRun{stdout: "forkserver\nPicklingError\nPicklingError\n"},
	},
	{
		// The data filter refuses the member; filter="data" changes nothing.
		archive: "PY403/basic.txtar", section: "runtime.py", golden: "runtime.py.fixed",
		before: pyRun{stdout: "refused: OutsideDestinationError\n"},
		after:  pyRun{stdout: "refused: OutsideDestinationError\n"},
	},
	{
		// int() no longer falls back to __trunc__; math.trunc still does.
		archive: "PY404/basic.txtar", section: "runtime.py", golden: "runtime.py.fixed",
		before: pyRun{stdout: "19\n", err: "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'Money'"},
		after:  pyRun{stdout: "19\n19\n"},
	},
	{
		// not NotImplemented raises; the fix returns NotImplemented, and
		// != falls back to identity.
		archive: "PY405/basic.txtar", section: "runtime.py", golden: "runtime.py.fixed.unsafe",
		before: pyRun{stdout: "False\n", err: "TypeError: NotImplemented should not be used in a boolean context"},
		after:  pyRun{stdout: "False\nTrue\n"},
	},
	{
		// Through an instance the partial receives the instance.
		archive: "PY406/basic.txtar", section: "runtime.py", golden: "runtime.py.fixed",
		before: pyRun{stdout: "255\n", err: "TypeError: int() takes at most 2 arguments (3 given)"},
		after:  pyRun{stdout: "255\n255\n"},
	},
	{
		archive: "PY407/basic.txtar", section: "runtime.py", golden: "runtime.py.fixed",
		before: pyRun{err: "ProgrammingError: Binding 1 (':id') is a named parameter, but you supplied a sequence which requires nameless (qmark) placeholders."},
		after:  pyRun{stdout: "[(1, 'ada')]\n"},
	},
	{
		// A Template prints as its repr, compares by identity and does not
		// add to a str.
		archive: "PY408/basic.txtar", section: "runtime.py",
		before: pyRun{
			stdout: "Template(strings=('hello ', ''), interpolations=(Interpolation('world', 'name', None, ''),))\n" +
				"False\nFalse\n" +
				"Template(strings=('hello ', ''), interpolations=(Interpolation('world', 'name', None, ''),))!\n" +
				"<Template(strings=('hello ', ''), interpolations=(Interpolation('world', 'name', None, ''),))>\n",
			err: "TypeError: can only concatenate string.templatelib.Template (not \"str\") to string.templatelib.Template",
		},
	},
	{
		// Unions are no longer cached, and print as X | Y.
		archive: "PY409/basic.txtar", section: "runtime.py", golden: "runtime.py.fixed",
		before: pyRun{stdout: "False\nTrue\nFalse\n"},
		after:  pyRun{stdout: "True\nFalse\nFalse\n"},
	},
	{
		// create_task passes name= to the factory.
		archive: "PY410/basic.txtar", section: "runtime.py", golden: "runtime.py.fixed.unsafe",
		before: pyRun{err: "TypeError: factory() got an unexpected keyword argument 'name'"},
		after:  pyRun{stdout: "worker\n"},
	},
}

func TestPYBehaviour(t *testing.T) {
	var reqs []oracle.Request
	for _, c := range pyBehaviourCases {
		src := fixtureSection(t, c.archive, c.section)
		reqs = append(reqs, oracle.Request{ID: c.archive + " " + c.section, Op: oracle.Exec, Src: append([]byte(c.prelude), src...)})
		if c.golden != "" {
			fixed := fixtureSection(t, c.archive, c.golden)
			reqs = append(reqs, oracle.Request{ID: c.archive + " " + c.golden, Op: oracle.Exec, Src: append([]byte(c.prelude), fixed...)})
		}
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for _, c := range pyBehaviourCases {
		if got := pyResult(res[i]); got.String() != c.before.String() {
			t.Errorf("%s %s under CPython 3.14:\ngot  %s\nwant %s", c.archive, c.section, got, c.before)
		}
		i++
		if c.golden != "" {
			if got := pyResult(res[i]); got.String() != c.after.String() {
				t.Errorf("%s %s under CPython 3.14:\ngot  %s\nwant %s", c.archive, c.golden, got, c.after)
			}
			i++
		}
	}
}

// TestPY303FeatureVersion parses each PY303 fixture the way the target
// Python would, with CPython 3.14's ast.parse(feature_version=...), which
// rejects the version-gated syntax that it knows the version of (it
// reports an except clause or a match statement at the end of its block).
// Fixed texts must parse.
func TestPY303FeatureVersion(t *testing.T) {
	cases := []struct {
		archive, section, version, want string
	}{
		{"PY303/py313.txtar", "except.py", "(3, 13)", "SyntaxError: except expressions without parentheses are only supported in Python 3.14 and greater (line 6)"},
		{"PY303/py313.txtar", "except.py.fixed", "(3, 13)", "ok"},
		{"PY303/py313.txtar", "tstring.py", "(3, 13)", "SyntaxError: t-strings are only supported in Python 3.14 and greater (line 2)"},
		{"PY303/py313.txtar", "python2.py", "(3, 13)", "SyntaxError: except expressions without parentheses are only supported in Python 3.14 and greater (line 5)"},
		{"PY303/py313.txtar", "older.py", "(3, 13)", "ok"},
		{"PY303/py39.txtar", "match.py", "(3, 9)", "SyntaxError: Pattern matching is only supported in Python 3.10 and greater (line 3)"},
		{"PY303/py39.txtar", "except_star.py", "(3, 9)", "SyntaxError: Exception groups are only supported in Python 3.11 and greater (line 4)"},
		{"PY303/py39.txtar", "generics.py", "(3, 9)", "SyntaxError: Type parameter lists are only supported in Python 3.12 and greater (line 1)"},
		{"PY303/py39.txtar", "older.py", "(3, 9)", "ok"},
	}
	var reqs []oracle.Request
	for _, c := range cases {
		src := fixtureSection(t, c.archive, c.section)
		prog := "import ast\ntry:\n    ast.parse(" + pyBytes(src) + ", feature_version=" + c.version + ")\n    print('ok')\n" +
			"except SyntaxError as e:\n    print(f'SyntaxError: {e.msg} (line {e.lineno})')\n"
		reqs = append(reqs, oracle.Request{ID: c.archive + " " + c.section, Op: oracle.Exec, Src: []byte(prog)})
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if got := strings.TrimSuffix(res[i].Stdout, "\n"); got != c.want || res[i].Err != nil {
			t.Errorf("%s %s with feature_version=%s: got %q (%v), want %q", c.archive, c.section, c.version, got, res[i].Err, c.want)
		}
	}
}

// pyBytes returns a Python bytes literal for b.
func pyBytes(b []byte) string {
	var s strings.Builder
	s.WriteString("b'")
	for _, c := range b {
		switch {
		case c == '\\' || c == '\'':
			s.WriteString("\\" + string(c))
		case c >= 0x20 && c < 0x7f:
			s.WriteByte(c)
		default:
			fmt.Fprintf(&s, "\\x%02x", c)
		}
	}
	s.WriteString("'")
	return s.String()
}

// compileMessage renders an error as "msg (line:offset-end_line:end_offset)"
// with CPython's 1-based character offsets.
func compileMessage(msg string, line, offset, endLine, endOffset int) string {
	return fmt.Sprintf("%s (%d:%d-%d:%d)", msg, line, offset, endLine, endOffset)
}

// compileRuleMessages returns the diagnostics of a rule on src as
// compileMessage strings, and false when src does not parse.
func compileRuleMessages(t *testing.T, code, name string, src []byte) ([]string, bool) {
	t.Helper()
	enabled, err := config.Select(rules.All(), config.Selection{Select: []string{code}})
	if err != nil {
		t.Fatal(err)
	}
	f := parser.ParseSource(name, src, parser.Options{})
	if len(f.Errors) > 0 {
		return nil, false
	}
	charCol := func(p int) (int, int) {
		line, col := f.File.LineCol(token.Pos(p))
		start := int(f.File.LineStart(line))
		return line, utf8.RuneCount(f.File.Src[start:start+col]) + 1
	}
	var out []string
	for _, d := range checks.Run(f, checks.Settings{Rules: enabled, Target: parser.Version{Major: 3, Minor: 14}}).Diagnostics {
		l, c := charCol(int(d.Span.Start))
		el, ec := charCol(int(d.Span.End))
		out = append(out, compileMessage("SyntaxError: "+d.Message, l, c, el, ec))
	}
	return out, true
}

// TestPY304Compile checks PY304 against compile() under CPython 3.14, on
// the sources of corpus/parser/valid/compile_only (which the parser accepts
// and the compiler rejects), on every input of PY304's fixtures, on the
// other valid parser fixtures and on the standard library: where compile()
// raises, its error (the first it finds) must be one of PY304's
// diagnostics (DA001's, for annotations), with the same message and span;
// where it compiles the source, PY304 must report nothing.
func TestPY304Compile(t *testing.T) {
	type source struct {
		name string
		src  []byte
	}
	var sources []source
	compileOnly, _ := filepath.Glob(filepath.Join("parser", "valid", "compile_only", "*.py"))
	if len(compileOnly) != 21 {
		t.Errorf("%d sources under parser/valid/compile_only, want 21", len(compileOnly))
	}
	err := filepath.WalkDir(filepath.Join("parser", "valid"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") {
			return err
		}
		data, err := os.ReadFile(path)
		sources = append(sources, source{filepath.ToSlash(path), data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	archives, _ := filepath.Glob(filepath.Join("rules", "PY304", "*.txtar"))
	for _, path := range archives {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range txtar.Parse(data).Files {
			sources = append(sources, source{filepath.ToSlash(path) + ":" + f.Name, f.Data})
		}
	}
	stdlib, err := oracle.StdlibFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range stdlib {
		sources = append(sources, source{"stdlib/" + f.Path, f.Src})
	}
	var reqs []oracle.Request
	for _, s := range sources {
		reqs = append(reqs, oracle.Request{ID: s.name, Op: oracle.Compile, Src: s.src})
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	rejected, compiled, unparsed := 0, 0, 0
	firstErrors := map[string]bool{}
	agreed := map[string]bool{}
	for i, s := range sources {
		ours, ok := compileRuleMessages(t, "PY304", s.name, s.src)
		if !ok {
			unparsed++
			continue
		}
		e := res[i].Err
		if e != nil && strings.HasSuffix(e.Msg, "within an annotation") {
			// Annotations belong to DA001.
			ours, _ = compileRuleMessages(t, "DA001", s.name, s.src)
		}
		if e == nil {
			compiled++
			if len(ours) > 0 {
				t.Errorf("%s: CPython compiles it, PY304 reports:\n%s", s.name, strings.Join(ours, "\n"))
			}
			continue
		}
		want := compileMessage(e.Type+": "+e.Msg, e.Lineno, e.Offset, e.EndLineno, e.EndOffset)
		found := false
		for _, o := range ours {
			if o == want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: CPython's compile() raises\n  %s\nPY304 reports:\n  %s", s.name, want, strings.Join(ours, "\n  "))
			continue
		}
		rejected++
		firstErrors[e.Msg] = true
		agreed[s.name] = true
	}
	for _, path := range compileOnly {
		if !agreed[filepath.ToSlash(path)] {
			t.Errorf("%s: not rejected by both compile() and PY304", path)
		}
	}
	t.Logf("PY304 agrees with compile() on %d rejected sources (%d distinct messages) and %d compiled sources; %d sources do not parse",
		rejected, len(firstErrors), compiled, unparsed)
}
