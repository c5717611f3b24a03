package corpus

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/config"
	"github.com/py314/py314/checks/rules"
	"github.com/py314/py314/corpus/oracle"
	"github.com/py314/py314/fixes"
	"github.com/py314/py314/parser"
)

var update = flag.Bool("update", false, "rewrite the fix goldens of corpus/rules")

// A rule fixture is a txtar archive under corpus/rules/CODE/. Its comment
// holds options, one "key: value" per line:
//
//	select: PY101, PY002   rules to enable (default: the directory's code)
//	target: 3.9            the oldest Python the code must run on (default 3.14)
//
// Each NAME.py section is checked with those rules. A "# want: CODE" comment
// marks a line that must be flagged, once per code listed (a quoted regular
// expression after a code must match the message); lines without one must
// not be flagged. NAME.py.fixed is the text after applying safe fixes and
// NAME.py.fixed.unsafe the text after applying unsafe fixes as well; each
// golden must exist exactly when the fixes change the text, and CPython 3.14
// must parse it. -update rewrites the goldens.

var wantRE = regexp.MustCompile(`#\s*want:\s*(.*)$`)
var wantItemRE = regexp.MustCompile(`([A-Z]{2}[0-9]{3})(?:\s+"((?:[^"\\]|\\.)*)")?`)

type want struct {
	line int
	code string
	re   *regexp.Regexp
}

func parseWants(t *testing.T, src []byte) []want {
	var out []want
	for i, line := range strings.Split(string(src), "\n") {
		m := wantRE.FindStringSubmatch(strings.TrimRight(line, "\r"))
		if m == nil {
			continue
		}
		for _, it := range wantItemRE.FindAllStringSubmatch(m[1], -1) {
			w := want{line: i + 1, code: it[1]}
			if it[2] != "" {
				re, err := regexp.Compile(strings.ReplaceAll(it[2], `\"`, `"`))
				if err != nil {
					t.Errorf("line %d: bad want pattern: %v", i+1, err)
					continue
				}
				w.re = re
			}
			out = append(out, w)
		}
	}
	return out
}

type fixtureOptions struct {
	selectors []string
	target    parser.Version
}

func parseOptions(t *testing.T, code string, comment []byte) fixtureOptions {
	opts := fixtureOptions{selectors: []string{code}, target: parser.Version{Major: 3, Minor: 14}}
	for _, line := range strings.Split(string(comment), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "select":
			opts.selectors = nil
			for _, s := range strings.Split(value, ",") {
				opts.selectors = append(opts.selectors, strings.TrimSpace(s))
			}
		case "target":
			v, err := parser.ParseVersion(value)
			if err != nil {
				t.Fatal(err)
			}
			opts.target = v
		}
	}
	return opts
}

func TestRuleFixtures(t *testing.T) {
	all := rules.All()
	dirs, err := filepath.Glob(filepath.Join("rules", "*"))
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, r := range all {
		known[r.Code] = true
	}
	covered := map[string]bool{}
	var goldens []oracle.Request
	for _, dir := range dirs {
		code := filepath.Base(dir)
		if !known[code] {
			t.Errorf("%s: no rule has code %s", dir, code)
			continue
		}
		covered[code] = true
		archives, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
		for _, path := range archives {
			t.Run(strings.TrimSuffix(filepath.ToSlash(path), ".txtar"), func(t *testing.T) {
				goldens = append(goldens, checkArchive(t, path, code, all)...)
			})
		}
	}
	for _, r := range all {
		if !covered[r.Code] {
			t.Errorf("rule %s has no fixtures under corpus/rules/%s", r.Code, r.Code)
		}
	}
	if len(goldens) == 0 {
		return
	}
	res, err := oracle.Run(goldens)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Errorf("%s: CPython 3.14 cannot parse the fixed text: %s", r.ID, r.Err)
		}
	}
}

// checkArchive checks every input of one archive and returns the goldens
// for the oracle to parse.
func checkArchive(t *testing.T, path, code string, all []*checks.Rule) []oracle.Request {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ar := txtar.Parse(data)
	opts := parseOptions(t, code, ar.Comment)
	enabled, err := config.Select(all, config.Selection{Select: opts.selectors})
	if err != nil {
		t.Fatal(err)
	}
	settings := checks.Settings{Rules: enabled, Target: opts.target}
	lint := func(f *parser.File) []checks.Diagnostic { return checks.Run(f, settings).Diagnostics }

	sections := map[string][]byte{}
	var order []string
	for _, f := range ar.Files {
		sections[f.Name] = f.Data
		order = append(order, f.Name)
	}
	changed := false
	var goldens []oracle.Request
	for _, name := range order {
		if !strings.HasSuffix(name, ".py") {
			continue
		}
		src := sections[name]
		f := parser.ParseSource(name, src, parser.Options{})
		res := checks.Run(f, settings)
		for _, e := range res.RuleErrors {
			t.Errorf("%s: %v", name, e)
		}
		compareWants(t, name, f, parseWants(t, src), res.Diagnostics)

		for _, variant := range []struct {
			suffix string
			min    checks.Applicability
		}{{".fixed", checks.Safe}, {".fixed.unsafe", checks.Unsafe}} {
			fr := fixes.Fix(f, lint, fixes.Options{Applicability: variant.min})
			for _, b := range fr.Bugs {
				t.Errorf("%s: %v", name, b)
			}
			if len(fr.Unconverged) > 0 {
				t.Errorf("%s: fixes did not converge", name)
			}
			out := fr.File.File.Src
			golden := name + variant.suffix
			old, has := sections[golden]
			fixedSomething := !bytes.Equal(out, src)
			if variant.min == checks.Unsafe {
				// The unsafe golden exists only when it differs from the
				// safe result.
				safe := fixes.Fix(f, lint, fixes.Options{Applicability: checks.Safe}).File.File.Src
				fixedSomething = !bytes.Equal(out, safe)
			}
			switch {
			case *update:
				if fixedSomething {
					if !has || !bytes.Equal(old, out) {
						sections[golden] = out
						changed = true
					}
				} else if has {
					delete(sections, golden)
					changed = true
				}
			case fixedSomething && !has:
				t.Errorf("%s: the fixes change the text but there is no %s section (run go test ./corpus -run TestRuleFixtures -update):\n%s", name, golden, out)
			case !fixedSomething && has:
				t.Errorf("%s: %s exists but the fixes change nothing", name, golden)
			case has && !bytes.Equal(old, out):
				t.Errorf("%s: fixed text differs from %s:\ngot:\n%s\nwant:\n%s", name, golden, out, old)
			}
			if fixedSomething {
				goldens = append(goldens, oracle.Request{ID: path + ":" + golden, Op: oracle.Dump, Src: out})
			}
		}
	}
	if changed {
		var files []txtar.File
		seen := map[string]bool{}
		for _, name := range order {
			if _, ok := sections[name]; !ok || seen[name] {
				continue
			}
			seen[name] = true
			files = append(files, txtar.File{Name: name, Data: sections[name]})
			if strings.HasSuffix(name, ".py") {
				for _, suf := range []string{".fixed", ".fixed.unsafe"} {
					if g, ok := sections[name+suf]; ok && !seen[name+suf] {
						seen[name+suf] = true
						files = append(files, txtar.File{Name: name + suf, Data: g})
					}
				}
			}
		}
		ar.Files = files
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return goldens
}

// compareWants matches diagnostics against the want markers, one to one.
func compareWants(t *testing.T, name string, f *parser.File, wants []want, diags []checks.Diagnostic) {
	t.Helper()
	used := make([]bool, len(wants))
	var unexpected []string
	for _, d := range diags {
		line, col := f.File.LineCol(d.Span.Start)
		found := false
		for i, w := range wants {
			if used[i] || w.line != line || w.code != d.Rule.Code {
				continue
			}
			if w.re != nil && !w.re.MatchString(d.Message) {
				continue
			}
			used[i] = true
			found = true
			break
		}
		if !found {
			unexpected = append(unexpected, fmt.Sprintf("%s:%d:%d: unexpected %s %s", name, line, col+1, d.Rule.Code, d.Message))
		}
	}
	for i, w := range wants {
		if !used[i] {
			pat := ""
			if w.re != nil {
				pat = fmt.Sprintf(" matching %q", w.re)
			}
			unexpected = append(unexpected, fmt.Sprintf("%s:%d: no %s diagnostic%s", name, w.line, w.code, pat))
		}
	}
	sort.Strings(unexpected)
	for _, u := range unexpected {
		t.Error(u)
	}
}

// ruleLint returns a lint function for the fix loop that runs the one rule
// code with the target version target (3.14 when empty).
func ruleLint(t *testing.T, code, target string) func(*parser.File) []checks.Diagnostic {
	t.Helper()
	enabled, err := config.Select(rules.All(), config.Selection{Select: []string{code}})
	if err != nil {
		t.Fatal(err)
	}
	v := parser.Version{Major: 3, Minor: 14}
	if target != "" {
		if v, err = parser.ParseVersion(target); err != nil {
			t.Fatal(err)
		}
	}
	settings := checks.Settings{Rules: enabled, Target: v}
	return func(f *parser.File) []checks.Diagnostic { return checks.Run(f, settings).Diagnostics }
}
