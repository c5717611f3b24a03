package py314_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/py314/py314"

// layers says which packages each py314 package may import, besides the
// standard library. Patterns are module-relative ("parser/..." is parser
// and everything under it), except for other modules, which are written
// in full. The first rule whose package pattern matches a package applies;
// a package that no rule matches is an error.
//
// This table is policy: imports point one way, parser <- checks <- fixes
// <- cmd, lsp. Do not edit it just to make the build pass; change the
// import instead, or change the policy on purpose.
var layers = []struct {
	pkg    string
	mayUse []string
}{
	{"parser/token", nil}, // the standard library only
	{"parser/scanner", []string{"parser/token", "golang.org/x/text/..."}},
	{"parser/ast", []string{"parser/token"}},
	{"parser", []string{"parser/token", "parser/scanner", "parser/ast", "golang.org/x/text/..."}},
	{"checks/...", []string{"checks/...", "parser/...", "github.com/bmatcuk/doublestar/v4", "github.com/BurntSushi/toml"}},
	{"fixes/...", []string{"fixes/...", "checks/...", "parser/..."}},
	{"corpus/oracle", nil}, // runs node; the standard library only
	{"corpus/...", []string{"parser/...", "checks/...", "fixes/...", "corpus/..."}},
	{"cmd/...", []string{"..."}},                                     // anything
	{"lsp/...", []string{"..."}},                                     // anything
	{"tools/...", []string{"..."}},                                   // code generators run by go generate, not part of py314
	{"bench/...", []string{"parser/...", "checks/...", "fixes/..."}}, // measurements, not part of py314
}

// match reports whether the import path matches pattern. Module-relative
// patterns are resolved against the module path; "..." alone matches
// everything.
func match(pattern, path string) bool {
	if pattern == "..." {
		return true
	}
	if !strings.Contains(strings.SplitN(pattern, "/", 2)[0], ".") {
		pattern = module + "/" + pattern
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == base || strings.HasPrefix(path, base+"/")
	}
	return path == pattern
}

// A listedPackage is the part of go list's output the check needs.
type listedPackage struct {
	ImportPath string
	Standard   bool
	GoFiles    []string
	Imports    []string
	Module     *struct{ Path string }
}

func TestImportLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-json", "./...").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	ours := 0
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Path == module {
			ours++
		}
	}
	if ours == 0 {
		t.Fatal("go list found no packages of the module")
	}
	for _, v := range violations(pkgs) {
		t.Error(v)
	}
	if err := consultSources("."); err != nil {
		t.Fatal(err)
	}
}

// consultSources stats every directory and .go file of the module. The go
// command caches a test's result keyed by the files the test itself
// looked at, not those go list read for it; without this, a new import
// elsewhere would not rerun the test.
func consultSources(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", ".cache", "node_modules", "testdata":
				if path != root {
					return filepath.SkipDir
				}
			}
		}
		if d.IsDir() || strings.HasSuffix(path, ".go") {
			_, err := os.Stat(path)
			return err
		}
		return nil
	})
}

// violations checks the imports of the module's packages in pkgs, which
// must also hold every standard package they import.
func violations(pkgs []listedPackage) []string {
	standard := map[string]bool{}
	for _, p := range pkgs {
		if p.Standard {
			standard[p.ImportPath] = true
		}
	}
	var out []string
	for _, p := range pkgs {
		if p.Module == nil || p.Module.Path != module || len(p.GoFiles) == 0 {
			continue // not ours, or only tests
		}
		rule := -1
		for i, l := range layers {
			if match(l.pkg, p.ImportPath) {
				rule = i
				break
			}
		}
		if rule < 0 {
			out = append(out, p.ImportPath+": no rule in the layers table; add one that says what it may import")
			continue
		}
	imports:
		for _, imp := range p.Imports {
			if standard[imp] || imp == "C" || imp == "unsafe" {
				continue
			}
			for _, allowed := range layers[rule].mayUse {
				if match(allowed, imp) {
					continue imports
				}
			}
			out = append(out, fmt.Sprintf("%s imports %s, which the rule for %s does not allow (it allows %s)",
				p.ImportPath, imp, layers[rule].pkg, allowedText(layers[rule].mayUse)))
		}
	}
	sort.Strings(out)
	return out
}

func TestViolations(t *testing.T) {
	ours := &struct{ Path string }{module}
	pkgs := []listedPackage{
		{ImportPath: "fmt", Standard: true, GoFiles: []string{"print.go"}},
		{ImportPath: module + "/parser/token", Module: ours, GoFiles: []string{"token.go"}, Imports: []string{"fmt"}},
		{ImportPath: module + "/parser/scanner", Module: ours, GoFiles: []string{"scanner.go"},
			Imports: []string{"fmt", module + "/parser/token", module + "/parser/ast", "golang.org/x/text/unicode/norm"}},
		{ImportPath: module + "/checks/ft", Module: ours, GoFiles: []string{"ft.go"}, Imports: []string{module + "/parser", module + "/fixes"}},
		{ImportPath: module + "/cmd/py314", Module: ours, GoFiles: []string{"main.go"}, Imports: []string{module + "/fixes", "example.com/x"}},
		{ImportPath: module + "/misc/gen", Module: ours, GoFiles: []string{"gen.go"}},
		{ImportPath: module, Module: ours}, // tests only
	}
	want := []string{
		module + "/checks/ft imports " + module + "/fixes, which the rule for checks/... does not allow (it allows the standard library and checks/..., parser/..., github.com/bmatcuk/doublestar/v4, github.com/BurntSushi/toml)",
		module + "/misc/gen: no rule in the layers table; add one that says what it may import",
		module + "/parser/scanner imports " + module + "/parser/ast, which the rule for parser/scanner does not allow (it allows the standard library and parser/token, golang.org/x/text/...)",
	}
	got := violations(pkgs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func allowedText(l []string) string {
	if len(l) == 0 {
		return "the standard library only"
	}
	return "the standard library and " + strings.Join(l, ", ")
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, path string
		want          bool
	}{
		{"parser", module + "/parser", true},
		{"parser", module + "/parser/ast", false},
		{"parser/...", module + "/parser", true},
		{"parser/...", module + "/parser/ast", true},
		{"parser/...", module + "/parserx", false},
		{"golang.org/x/text/...", "golang.org/x/text/unicode/norm", true},
		{"golang.org/x/text/...", module + "/golang.org/x/text", false},
		{"...", "example.com/anything", true},
	} {
		if got := match(c.pattern, c.path); got != c.want {
			t.Errorf("match(%q, %q) = %v, want %v", c.pattern, c.path, got, c.want)
		}
	}
}
