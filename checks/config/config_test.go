package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// writeTree creates the files of tree under root; a name ending in "/" is
// an empty directory.
func writeTree(t *testing.T, root string, tree map[string]string) {
	t.Helper()
	for name, text := range tree {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// inTree creates tree in a new temporary directory and makes it the
// working directory.
func inTree(t *testing.T, tree map[string]string) {
	t.Helper()
	root := t.TempDir()
	writeTree(t, root, tree)
	t.Chdir(root)
}

// fixtureRules are the rules of the resolvers under test.
var fixtureRules = testRules()

// summary prints settings in one line.
func summary(s Settings) string {
	var fix []string
	for _, r := range fixtureRules {
		if s.Fixable(r) {
			fix = append(fix, r.Code)
		}
	}
	return fmt.Sprintf("rules=[%s] target=%s fixable=[%s] unsafe=%v format=%s fail-on=%s config=%s",
		codes(s.Rules), s.Target, strings.Join(fix, " "), s.UnsafeFixes, s.OutputFormat, s.FailOn, s.ConfigFile)
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		tree map[string]string
		o    Overrides
		want string
	}{
		{"unknown key in pyproject.toml", map[string]string{"pyproject.toml": `[project]
name = "x"

[tool.py314]
select = ["FT"]
selekt = ["FT001"]
`}, Overrides{}, `pyproject.toml:6: [tool.py314] unknown key "selekt"`},
		{"unknown key in py314.toml", map[string]string{"py314.toml": "\n\nselekt = []\n"}, Overrides{},
			`py314.toml:3: unknown key "selekt"`},
		{"unknown subtable", map[string]string{"pyproject.toml": "[tool.py314]\nselect = []\n[tool.py314.lint]\nselect = []\n"}, Overrides{},
			`pyproject.toml:3: [tool.py314] unknown key "lint"`},
		{"dotted keys", map[string]string{"pyproject.toml": "tool.py314.select = [\"FT\"]\n\ntool.py314.ignores = [\"FT\"]\n"}, Overrides{},
			`pyproject.toml:3: [tool.py314] unknown key "ignores"`},
		{"first error in file order", map[string]string{".py314.toml": "b-key = 1\na-key = 2\n"}, Overrides{},
			`.py314.toml:1: unknown key "b-key"`},
		{"not a table", map[string]string{"pyproject.toml": "[tool]\npy314 = 1\n"}, Overrides{},
			`pyproject.toml:2: [tool] py314: expected a table, found integer 1`},
		{"boolean", map[string]string{"py314.toml": `unsafe-fixes = "yes"`}, Overrides{},
			`py314.toml:1: unsafe-fixes: expected a boolean, found string "yes"`},
		{"list", map[string]string{"py314.toml": `select = "FT001"`}, Overrides{},
			`py314.toml:1: select: expected an array of strings, found string "FT001"`},
		{"list element", map[string]string{"py314.toml": `ignore = ["FT", 3]`}, Overrides{},
			`py314.toml:1: ignore: expected an array of strings, found an array holding integer 3`},
		{"unknown selector", map[string]string{"pyproject.toml": "[tool.py314]\nextend-select = [\n  \"FT001\",\n  \"FT999\",\n]\n"}, Overrides{},
			`pyproject.toml:2: [tool.py314] extend-select: unknown rule selector "FT999"`},
		{"unknown fixable selector", map[string]string{"py314.toml": `unfixable = ["syntax_error"]`}, Overrides{},
			`py314.toml:1: unfixable: unknown rule selector "syntax_error" (did you mean "syntax-error"?)`},
		{"old target", map[string]string{"py314.toml": `target-version = "py38"`}, Overrides{},
			`py314.toml:1: target-version: unsupported Python version "py38" (supported: py39 to py315)`},
		{"bad target", map[string]string{"py314.toml": `target-version = "banana"`}, Overrides{},
			`py314.toml:1: target-version: invalid Python version "banana"`},
		{"target type", map[string]string{"py314.toml": `target-version = 3.9`}, Overrides{},
			`py314.toml:1: target-version: expected a string, found float`},
		{"output format", map[string]string{"py314.toml": `output-format = "xml"`}, Overrides{},
			`py314.toml:1: output-format: unknown output format "xml" (expected one of full, concise, json, json-lines, sarif, github, gitlab, junit, pylint)`},
		{"fail-on", map[string]string{"py314.toml": `fail-on = "fatal"`}, Overrides{},
			`py314.toml:1: fail-on: unknown severity "fatal" (expected error, warning or info)`},
		{"per-file-ignores type", map[string]string{"py314.toml": `per-file-ignores = ["a"]`}, Overrides{},
			`py314.toml:1: per-file-ignores: expected a table, found array`},
		{"per-file-ignores glob", map[string]string{"py314.toml": "[per-file-ignores]\n\"ok/*.py\" = []\n\"tests/[\" = [\"FT001\"]\n"}, Overrides{},
			`py314.toml:3: per-file-ignores: invalid glob "tests/["`},
		{"per-file-ignores selector", map[string]string{"pyproject.toml": "[tool.py314.per-file-ignores]\n\"tests/*.py\" = [\"FT001\", \"XX001\"]\n"}, Overrides{},
			`pyproject.toml:2: [tool.py314] per-file-ignores."tests/*.py": unknown rule selector "XX001"`},
		{"per-file-ignores inline", map[string]string{"py314.toml": "per-file-ignores = {\"a.py\" = \"FT001\"}\n"}, Overrides{},
			`py314.toml:1: per-file-ignores."a.py": expected an array of strings, found string "FT001"`},
		{"per-file-ignores glob with a comma", map[string]string{"py314.toml": "\n[per-file-ignores]\n\"{a,b}.py\" = [\"XX001\"]\n"}, Overrides{},
			`py314.toml:2: per-file-ignores."{a,b}.py": unknown rule selector "XX001"`},
		{"exclude glob", map[string]string{"py314.toml": `exclude = ["a/[b"]`}, Overrides{},
			`py314.toml:1: exclude: invalid glob "a/[b"`},
		{"extend-exclude empty glob", map[string]string{"py314.toml": `extend-exclude = [""]`}, Overrides{},
			`py314.toml:1: extend-exclude: invalid glob ""`},
		{"TOML syntax", map[string]string{"py314.toml": "select = [\"FT\"]\nignore = [\n"}, Overrides{},
			`py314.toml:2: invalid TOML: unexpected EOF; expected value`},
		{"duplicate key", map[string]string{"py314.toml": "select = []\nselect = []\n"}, Overrides{},
			`py314.toml:2: invalid TOML: Key 'select' has already been defined.`},
		{"requires-python", map[string]string{"pyproject.toml": "[project]\nrequires-python = \">=three\"\n[tool.py314]\nselect = [\"FT\"]\n"}, Overrides{},
			`pyproject.toml:2: [project] requires-python: invalid version specifier ">=three"`},
		{"requires-python type", map[string]string{"pyproject.toml": "[project]\nrequires-python = 3\n"}, Overrides{},
			`pyproject.toml:2: [project] requires-python: expected a string, found integer 3`},
		{"requires-python of a sibling", map[string]string{
			"py314.toml":     "select = [\"FT\"]\n",
			"pyproject.toml": "[project]\nrequires-python = \"<3.9,>=3.10\"\n",
		}, Overrides{}, `pyproject.toml:2: [project] requires-python: version specifier "<3.9,>=3.10" allows no Python version`},
		{"config path without table", map[string]string{"pyproject.toml": "[project]\n"}, Overrides{ConfigPath: "pyproject.toml"},
			`pyproject.toml: no [tool.py314] table`},
		{"config path missing", nil, Overrides{ConfigPath: "nope.toml"},
			`nope.toml: no such file or directory`},
		{"override selector", nil, Overrides{Source: "command line", Select: []string{"NOPE"}},
			`command line: select: unknown rule selector "NOPE"`},
		{"override ignore", nil, Overrides{Ignore: []string{"FT003"}},
			`overrides: ignore: unknown rule selector "FT003"`},
		{"override target", nil, Overrides{Source: "editor settings", TargetVersion: "3.16"},
			`editor settings: target-version: unsupported Python version "3.16" (supported: py39 to py315)`},
		{"override fail-on", nil, Overrides{Source: "command line", FailOn: "warn"},
			`command line: fail-on: unknown severity "warn" (expected error, warning or info)`},
		{"override output format", nil, Overrides{Source: "command line", OutputFormat: "text"},
			`command line: output-format: unknown output format "text" (expected one of full, concise, json, json-lines, sarif, github, gitlab, junit, pylint)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			inTree(t, c.tree)
			r, err := NewResolver(fixtureRules, c.o)
			if err == nil {
				_, err = r.For("a.py")
			}
			if err == nil {
				t.Fatalf("no error, want %s", c.want)
			}
			if err.Error() != c.want {
				t.Errorf("got  %s\nwant %s", err, c.want)
			}
		})
	}
}

func TestErrorType(t *testing.T) {
	inTree(t, map[string]string{"sub/py314.toml": "\nselekt = 1\n"})
	r, err := NewResolver(fixtureRules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.For("sub/x.py")
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("got %T %v, want *Error", err, err)
	}
	want := Error{File: filepath.Join("sub", "py314.toml"), Line: 2, Msg: `unknown key "selekt"`}
	if *e != want {
		t.Errorf("got %#v, want %#v", *e, want)
	}
	// The error stays with the directory; others are unaffected.
	if _, err := r.For("x.py"); err != nil {
		t.Errorf("x.py: %v", err)
	}
	if _, err := r.For("sub/deeper/y.py"); err == nil || err.Error() != "sub/py314.toml:2: "+`unknown key "selekt"` {
		t.Errorf("sub/deeper/y.py: got %v", err)
	}
}

// project is a tree of nested configurations.
var project = map[string]string{
	"pyproject.toml": `[project]
name = "demo"
requires-python = ">=3.10"

[tool.py314]
select = ["FT", "PY"]
ignore = ["FT002"]
unfixable = ["FT010"]
fail-on = "warning"
output-format = "concise"
extend-exclude = ["generated", "docs/*.py"]

[tool.py314.per-file-ignores]
"tests/**" = ["FT001"]
"__init__.py" = ["FT010", "unused-suppression"]
"!src/**" = ["syntax-error"]
`,
	// A py314.toml without a target-version, and no pyproject.toml
	// beside it: the default target.
	"sub/py314.toml": `extend-select = ["DA001"]
unsafe-fixes = true
fixable = ["FT"]
exclude = ["*_pb2.py"]
`,
	// The hidden file wins over py314.toml; requires-python of the
	// pyproject.toml beside it gives the target.
	"other/.py314.toml": `select = ["DA"]`,
	"other/py314.toml":  `select = ["FT"]`,
	"other/pyproject.toml": `[project]
requires-python = "~=3.12"
`,
	// A pyproject.toml without [tool.py314] is skipped.
	"plain/pyproject.toml": "[project]\nrequires-python = \">=3.13\"\n",
	// So is one without [project].
	"plain2/pyproject.toml": "[tool.black]\nline-length = 100\n",
	"pinned/py314.toml":     `target-version = "3.11"`,
	"src/":                  "",
}

func TestResolve(t *testing.T) {
	inTree(t, project)
	r, err := NewResolver(fixtureRules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		// "!src/**" ignores syntax-error outside src.
		{"a.py", "rules=[FT001 FT010 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"src/a.py", "rules=[FT001 FT010 PY001 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"src/tests/a.py", "rules=[FT001 FT010 PY001 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"tests/a.py", "rules=[FT010 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"tests/deep/a.py", "rules=[FT010 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"src/pkg/__init__.py", "rules=[FT001 PY001] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"sub/a.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.14 fixable=[FT001 FT002 FT010] unsafe=true format=full fail-on=info config=sub/py314.toml"},
		{"sub/tests/a.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.14 fixable=[FT001 FT002 FT010] unsafe=true format=full fail-on=info config=sub/py314.toml"},
		{"other/x/a.py", "rules=[DA001] target=3.12 fixable=[DA001 FT001 FT002 FT010 PY001 PY002] unsafe=false format=full fail-on=info config=other/.py314.toml"},
		{"plain/a.py", "rules=[FT001 FT010 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"plain2/a.py", "rules=[FT001 FT010 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"pinned/a.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.11 fixable=[DA001 FT001 FT002 FT010 PY001 PY002] unsafe=false format=full fail-on=info config=pinned/py314.toml"},
	} {
		s, err := r.For(c.path)
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		if got := summary(s); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.path, got, c.want)
		}
	}
	// Relative globs start at the configuration's directory, wherever
	// the working directory is; relative paths start at the working
	// directory the Resolver was made in.
	top, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("src")
	rel, err := r.For(filepath.Join("src", "tests", "a.py"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := r.For(filepath.Join(top, "src", "tests", "a.py"))
	if err != nil {
		t.Fatal(err)
	}
	// File names are shown relative to the working directory the
	// Resolver was made in.
	want := "rules=[FT001 FT010 PY001 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"
	if got := summary(s); got != want {
		t.Errorf("src/tests/a.py from src:\ngot  %s\nwant %s", got, want)
	}
	if got := summary(rel); got != want {
		t.Errorf("src/tests/a.py named relative to the first working directory:\ngot  %s\nwant %s", got, want)
	}
	t.Chdir("..")

	s, err = r.ForDir("tests")
	if err != nil {
		t.Fatal(err)
	}
	want = "rules=[FT001 FT010 PY001 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"
	if got := summary(s); got != want {
		t.Errorf("ForDir(tests):\ngot  %s\nwant %s", got, want)
	}
}

func TestNoConfiguration(t *testing.T) {
	inTree(t, map[string]string{
		"pyproject.toml":       "[project]\nrequires-python = \">=3.11\"\n",
		"a/pyproject.toml":     "[project]\nname = \"a\"\n",
		"b/pyproject.toml":     "[project]\nrequires-python = \"==3.12.*\"\n",
		"c/pyproject.toml":     "[project]\nrequires-python = \">=3.6\"\n",
		"d/pyproject.toml":     "[project]\nrequires-python = \">=3.20\"\n",
		"e/f/pyproject.toml":   "[project]\nrequires-python = \">=3.12\"\n",
		"e/f/g/py314.toml":     "select = [\"PY001\"]\n",
		"e/f/h/pyproject.toml": "[tool.py314]\n",
	})
	r, err := NewResolver(fixtureRules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	const all = "fixable=[DA001 FT001 FT002 FT010 PY001 PY002] unsafe=false format=full fail-on=info"
	for _, c := range []struct{ path, want string }{
		{"x.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.11 " + all + " config="},
		{"a/x.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.11 " + all + " config="},
		{"b/x/y.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.12 " + all + " config="},
		{"c/x.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.9 " + all + " config="},
		{"d/x.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.15 " + all + " config="},
		// A configuration found: the requires-python of a pyproject.toml
		// in a parent directory does not count.
		{"e/f/g/x.py", "rules=[PY001] target=3.14 " + all + " config=e/f/g/py314.toml"},
		{"e/f/h/x.py", "rules=[DA001 FT001 FT010 PY001 PY002] target=3.14 " + all + " config=e/f/h/pyproject.toml"},
	} {
		s, err := r.For(c.path)
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		if got := summary(s); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.path, got, c.want)
		}
	}
}

func TestOverrides(t *testing.T) {
	inTree(t, project)
	yes, no := true, false
	for _, c := range []struct {
		name string
		o    Overrides
		path string
		want string
	}{
		{"select replaces the file's", Overrides{Select: []string{"DA001", "FT001"}}, "tests/a.py",
			// per-file-ignores still apply
			"rules=[DA001] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"extend-select after the file's ignore", Overrides{ExtendSelect: []string{"FT002"}}, "src/a.py",
			"rules=[FT001 FT002 FT010 PY001 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
		{"ignore", Overrides{Ignore: []string{"PY"}}, "sub/a.py",
			"rules=[DA001 FT001 FT010] target=3.14 fixable=[FT001 FT002 FT010] unsafe=true format=full fail-on=info config=sub/py314.toml"},
		{"scalars", Overrides{TargetVersion: "py313", UnsafeFixes: &no, FailOn: "error", OutputFormat: "json"}, "sub/a.py",
			"rules=[DA001 FT001 FT010 PY001 PY002] target=3.13 fixable=[FT001 FT002 FT010] unsafe=false format=json fail-on=error config=sub/py314.toml"},
		{"unsafe fixes", Overrides{UnsafeFixes: &yes}, "src/a.py",
			"rules=[FT001 FT010 PY001 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=true format=concise fail-on=warning config=pyproject.toml"},
		{"config path", Overrides{ConfigPath: "sub/py314.toml"}, "other/a.py",
			"rules=[DA001 FT001 FT010 PY001 PY002] target=3.14 fixable=[FT001 FT002 FT010] unsafe=true format=full fail-on=info config=sub/py314.toml"},
		{"config path with sibling pyproject.toml", Overrides{ConfigPath: "other/py314.toml"}, "a.py",
			"rules=[FT001 FT002 FT010] target=3.12 fixable=[DA001 FT001 FT002 FT010 PY001 PY002] unsafe=false format=full fail-on=info config=other/py314.toml"},
		{"config path per-file-ignores are relative to it", Overrides{ConfigPath: "pyproject.toml"}, "sub/tests/a.py",
			"rules=[FT001 FT010 PY002] target=3.10 fixable=[DA001 FT001 FT002 PY001 PY002] unsafe=false format=concise fail-on=warning config=pyproject.toml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := NewResolver(fixtureRules, c.o)
			if err != nil {
				t.Fatal(err)
			}
			s, err := r.For(c.path)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(s); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestExcluded(t *testing.T) {
	inTree(t, project)
	r, err := NewResolver(fixtureRules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	defaults := func(name string) bool { return name == "build" || name == "venv" }
	var got []string
	for _, c := range []struct {
		path  string
		isDir bool
	}{
		{"build", true},
		{"src/build", true},
		{"venv", true},
		{"generated", true},
		{"src/generated", true},
		{"generated.py", false},
		{"docs/conf.py", false},
		{"docs/api/conf.py", false},
		{"src/a.py", false},
		{"sub/build", true},     // sub's exclude replaces the defaults
		{"sub/venv", true},      // sub's exclude replaces the defaults
		{"sub/a_pb2.py", false}, // sub's exclude
		{"sub/x/a_pb2.py", false},
		{"sub/generated", true}, // the extend-exclude of another file
		{"a_pb2.py", false},
		{"other/build", true},
	} {
		ex, err := r.Excluded(c.path, c.isDir, defaults)
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if ex {
			got = append(got, c.path)
		}
	}
	want := "build src/build venv generated src/generated docs/conf.py sub/a_pb2.py sub/x/a_pb2.py other/build"
	if strings.Join(got, " ") != want {
		t.Errorf("excluded:\ngot  %s\nwant %s", strings.Join(got, " "), want)
	}
	if ex, err := r.Excluded("build", true, nil); ex || err != nil {
		t.Errorf("with no defaults: got %v, %v", ex, err)
	}
	abs, err := filepath.Abs("generated")
	if err != nil {
		t.Fatal(err)
	}
	if ex, err := r.Excluded(abs, true, nil); !ex || err != nil {
		t.Errorf("absolute path: got %v, %v", ex, err)
	}
}

func TestReload(t *testing.T) {
	inTree(t, map[string]string{"py314.toml": `select = ["FT001"]`})
	r, err := NewResolver(fixtureRules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	read := func() string {
		s, err := r.For("a.py")
		if err != nil {
			return err.Error()
		}
		return codes(s.Rules)
	}
	if got := read(); got != "FT001" {
		t.Fatalf("got %s", got)
	}
	writeTree(t, ".", map[string]string{"py314.toml": `select = ["PY"]`, "sub/.py314.toml": `select = ["DA"]`})
	if got := read(); got != "FT001" {
		t.Errorf("before Reload: got %s", got)
	}
	if err := r.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "PY001 PY002" {
		t.Errorf("after Reload: got %s", got)
	}
	writeTree(t, ".", map[string]string{"py314.toml": `select = 1`})
	if err := r.Reload(); err != nil {
		t.Fatal(err) // discovered files are read when needed
	}
	if got := read(); got != "py314.toml:1: select: expected an array of strings, found integer 1" {
		t.Errorf("after a bad edit: got %s", got)
	}

	r, err = NewResolver(fixtureRules, Overrides{ConfigPath: "sub/.py314.toml"})
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, ".", map[string]string{"sub/.py314.toml": `select = ["XX"]`})
	if err := r.Reload(); err == nil || err.Error() != `sub/.py314.toml:1: select: unknown rule selector "XX"` {
		t.Errorf("Reload with a bad ConfigPath: got %v", err)
	}
	if got := read(); got != `sub/.py314.toml:1: select: unknown rule selector "XX"` {
		t.Errorf("after a bad Reload: got %s", got)
	}
}

func TestLineOf(t *testing.T) {
	const doc = `top = 1
[tool.py314]
select = [
  "FT",
]
per-file-ignores = { "a.py" = ["X"], "b.py" = [] }

[[tool.other]]
x = 1

[tool.py314.sub]
deep = "y"
`
	for _, c := range []struct {
		key  string
		want int
	}{
		{"top", 1},
		{"tool.py314", 2},
		{"tool.py314.select", 3},
		{"tool.py314.per-file-ignores", 6},
		{"tool.py314.per-file-ignores.b\\.py", 6},
		{"tool.py314.sub.deep", 12},
		{"tool.py314.missing", 0},
		{"tool.other.x", 0}, // inside an array of tables
	} {
		var path []string
		for _, k := range strings.Split(c.key, ".") {
			if n := len(path); n > 0 && strings.HasSuffix(path[n-1], "\\") {
				path[n-1] = strings.TrimSuffix(path[n-1], "\\") + "." + k
				continue
			}
			path = append(path, k)
		}
		if got := lineOf(doc, path); got != c.want {
			t.Errorf("lineOf(%q) = %d, want %d", path, got, c.want)
		}
	}
}

// TestRulesOrder checks that Settings.Rules follows the order of the rules
// given, not that of the selectors.
func TestRulesOrder(t *testing.T) {
	inTree(t, map[string]string{"py314.toml": `select = ["PY002", "DA", "FT010"]`})
	r, err := NewResolver(fixtureRules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := r.For("a.py")
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(s.Rules); got != "DA001 FT010 PY002" {
		t.Errorf("got %s", got)
	}
}

// TestConcurrent resolves from many goroutines at once (run with -race)
// and checks they all see what a single goroutine sees.
func TestConcurrent(t *testing.T) {
	inTree(t, project)
	paths := []string{"a.py", "tests/a.py", "sub/a.py", "sub/x/y/z.py", "other/x/a.py", "plain/a.py", "pinned/a.py", "src/pkg/__init__.py"}
	resolve := func(r *Resolver, p string) string {
		s, err := r.For(p)
		if err != nil {
			return err.Error()
		}
		ex, err := r.Excluded(p, false, nil)
		return fmt.Sprint(summary(s), ex, err)
	}
	serial, err := NewResolver(fixtureRules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, p := range paths {
		want[p] = resolve(serial, p)
	}
	r, err := NewResolver(fixtureRules, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([][]string, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range paths {
				p := paths[(i+j)%len(paths)]
				got[i] = append(got[i], p+": "+resolve(r, p))
			}
		}()
	}
	wg.Wait()
	for i := range got {
		for _, line := range got[i] {
			p, res, _ := strings.Cut(line, ": ")
			if res != want[p] {
				t.Errorf("goroutine %d, %s:\ngot  %s\nwant %s", i, p, res, want[p])
			}
		}
	}
}

// TestIsClean checks isClean against filepath.Clean.
func TestIsClean(t *testing.T) {
	for _, p := range []string{
		"/", "/a", "/a/b.py", "/ab/cd/ef", "//", "//a", "/a/", "/a//b", "/a/./b", "/a/../b",
		"/.", "/..", "/a/.", "/a/..", "/a/.b", "/a/..b", "/a/b..", "/.a", "/a/b/",
	} {
		if got, want := isClean(p), filepath.Clean(p) == p; got != want {
			t.Errorf("isClean(%q) = %v, want %v", p, got, want)
		}
	}
}
