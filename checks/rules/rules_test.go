package rules

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated docs under docs/")

// TestRegistryCurrent fails when a rule was added or removed without
// running go generate.
func TestRegistryCurrent(t *testing.T) {
	out, err := exec.Command("go", "run", "gen.go", "-check").CombinedOutput()
	if err != nil {
		t.Fatalf("%s%v", out, err)
	}
}

var (
	codeRE = regexp.MustCompile(`^(FT|DA|ZS|PY)[0-9]{3}$`)
	nameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// TestRuleMetadata checks what every rule must declare.
func TestRuleMetadata(t *testing.T) {
	codes := map[string]bool{}
	names := map[string]bool{}
	sections := []string{"## What it does", "## Why it matters on Python 3.14", "## Example", "## Use instead", "## Fix safety", "## References"}
	for _, r := range All() {
		if !codeRE.MatchString(r.Code) {
			t.Errorf("%s: code does not look like FT001", r.Code)
		}
		if !nameRE.MatchString(r.Name) {
			t.Errorf("%s: name %q is not kebab-case", r.Code, r.Name)
		}
		if codes[r.Code] || names[r.Name] {
			t.Errorf("%s: duplicate code or name %q", r.Code, r.Name)
		}
		codes[r.Code], names[r.Name] = true, true
		if r.Summary == "" || strings.HasSuffix(r.Summary, ".") || r.Summary[0] >= 'A' && r.Summary[0] <= 'Z' {
			t.Errorf("%s: summary %q must be lowercase with no trailing period", r.Code, r.Summary)
		}
		if r.Severity == 0 {
			t.Errorf("%s: no severity", r.Code)
		}
		last := -1
		for _, s := range sections {
			i := strings.Index(r.Doc, s+"\n")
			if i < 0 {
				t.Errorf("%s: documentation lacks %q", r.Code, s)
				continue
			}
			if i < last {
				t.Errorf("%s: documentation section %q out of order", r.Code, s)
			}
			last = i
		}
		if (r.Check == nil) != (len(r.Kinds) == 0) {
			t.Errorf("%s: Kinds and Check go together", r.Code)
		}
	}
}

// TestDocs compares docs/ with the pages generated from the rules; run
// with -update to rewrite them.
func TestDocs(t *testing.T) {
	dir := filepath.Join("..", "..", "docs")
	want := map[string]string{filepath.Join(dir, "rules.md"): Index(All())}
	for _, r := range All() {
		want[filepath.Join(dir, "rules", r.Code+".md")] = Page(r)
	}
	if *update {
		if err := os.MkdirAll(filepath.Join(dir, "rules"), 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(dir, "rules", "*.md"))
		for _, p := range old {
			if _, ok := want[p]; !ok {
				os.Remove(p)
			}
		}
		for p, text := range want {
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for p, text := range want {
		got, err := os.ReadFile(p)
		if err != nil || string(got) != text {
			t.Errorf("%s is stale: run go test ./checks/rules -run TestDocs -update", p)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "rules", "*.md"))
	for _, p := range pages {
		if _, ok := want[p]; !ok {
			t.Errorf("%s documents no rule: run go test ./checks/rules -run TestDocs -update", p)
		}
	}
}
