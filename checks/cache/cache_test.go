package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/token"
)

var (
	ruleA = &checks.Rule{Code: "PY901", Name: "a", Severity: checks.Error}
	ruleB = &checks.Rule{Code: "PY902", Name: "b", Severity: checks.Warning}
)

func render(diags []checks.Diagnostic) string {
	s := ""
	for _, d := range diags {
		s += fmt.Sprintf("%s %d-%d %s %q", d.Rule.Code, d.Span.Start, d.Span.End, d.Severity, d.Message)
		if d.Fix != nil {
			s += fmt.Sprintf(" fix %q %s %v", d.Fix.Title, d.Fix.Applicability, d.Fix.Edits)
		}
		s += "\n"
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(filepath.Join(dir, "c"), []byte("build-1"), []*checks.Rule{ruleA, ruleB})
	if err != nil {
		t.Fatal(err)
	}
	settings := checks.Settings{Rules: []*checks.Rule{ruleA, ruleB}, Target: parser.Version{Major: 3, Minor: 14}}
	key := c.Key("a.py", []byte("x = 1\n"), settings)
	if _, ok := c.Get(key); ok {
		t.Fatal("hit in an empty cache")
	}
	diags := []checks.Diagnostic{
		{Rule: ruleA, Span: token.Span{Start: 0, End: 1}, Message: "one", Severity: checks.Error,
			Fix: &checks.Fix{Title: "Do it", Applicability: checks.Safe, Edits: []checks.Edit{{Start: 0, End: 1, New: "y"}}}},
		{Rule: ruleB, Span: token.Span{Start: 4, End: 5}, Message: "two ✓", Severity: checks.Info},
	}
	if err := c.Put(key, diags); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(key)
	if !ok {
		t.Fatal("miss after Put")
	}
	want := "PY901 0-1 error \"one\" fix \"Do it\" safe [{0 1 y}]\nPY902 4-5 info \"two ✓\"\n"
	if render(got) != want {
		t.Errorf("got:\n%swant:\n%s", render(got), want)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "c", ".gitignore")); err != nil || string(data) != "# Created by py314.\n*\n" {
		t.Errorf(".gitignore = %q, %v", data, err)
	}
	// Everything the result depends on changes the key.
	other, _ := Open(filepath.Join(dir, "c"), []byte("build-2"), []*checks.Rule{ruleA, ruleB})
	keys := map[string]string{
		"same":     c.Key("a.py", []byte("x = 1\n"), settings),
		"content":  c.Key("a.py", []byte("x = 2\n"), settings),
		"path":     c.Key("b.py", []byte("x = 1\n"), settings),
		"rules":    c.Key("a.py", []byte("x = 1\n"), checks.Settings{Rules: []*checks.Rule{ruleA}, Target: settings.Target}),
		"target":   c.Key("a.py", []byte("x = 1\n"), checks.Settings{Rules: settings.Rules, Target: parser.Version{Major: 3, Minor: 9}}),
		"build":    other.Key("a.py", []byte("x = 1\n"), settings),
		"reversed": c.Key("a.py", []byte("x = 1\n"), checks.Settings{Rules: []*checks.Rule{ruleB, ruleA}, Target: settings.Target}),
	}
	if keys["same"] != key || keys["reversed"] != key {
		t.Error("the key is not a function of the inputs only")
	}
	seen := map[string]string{}
	for name, k := range keys {
		if name == "same" || name == "reversed" {
			continue
		}
		if k == key {
			t.Errorf("changing the %s does not change the key", name)
		}
		if prev, dup := seen[k]; dup {
			t.Errorf("%s and %s give the same key", name, prev)
		}
		seen[k] = name
	}
}

func TestConcurrentPut(t *testing.T) {
	c, err := Open(t.TempDir(), []byte("b"), []*checks.Rule{ruleA})
	if err != nil {
		t.Fatal(err)
	}
	key := c.Key("a.py", []byte("x"), checks.Settings{Rules: []*checks.Rule{ruleA}})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				c.Put(key, []checks.Diagnostic{{Rule: ruleA, Message: "m", Severity: checks.Error}})
				if d, ok := c.Get(key); ok && render(d) != "PY901 0-0 error \"m\"\n" {
					t.Errorf("read a partial entry: %q", render(d))
				}
			}
		}(i)
	}
	wg.Wait()
}
