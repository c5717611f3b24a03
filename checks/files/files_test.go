package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// makeTree creates tree under root. A name ending in "/" is an empty
// directory; a content starting with "-> " makes a symbolic link to the
// rest.
func makeTree(t testing.TB, root string, tree map[string]string) {
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
		if target, ok := strings.CutPrefix(text, "-> "); ok {
			if err := os.Symlink(filepath.FromSlash(target), p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// workspace is a Git working tree ("repo"), and a tree beside it that is
// not one ("plain").
var workspace = map[string]string{
	"repo/.git/HEAD":         "ref: refs/heads/main\n",
	"repo/.git/info/exclude": "secret_*.py\n",
	"repo/.git/hooks/h.py":   "",
	"repo/.gitignore": "# generated code\n" +
		"/generated/\n" +
		"logs/\n" +
		"*.tmp.py\n" +
		"!keep.tmp.py\n" +
		"\\#hash.py\n" +
		"docs/**/draft_*.py\n",
	"repo/a.py":                  "",
	"repo/b.pyi":                 "",
	"repo/c.txt":                 "",
	"repo/script":                "",
	"repo/secret_key.py":         "",
	"repo/x.tmp.py":              "",
	"repo/keep.tmp.py":           "",
	"repo/#hash.py":              "",
	"repo/generated/g.py":        "",
	"repo/pkg/__init__.py":       "",
	"repo/pkg/generated/g.py":    "",
	"repo/pkg/logs/l.py":         "",
	"repo/pkg/mod.py":            "",
	"repo/docs/draft_a.py":       "",
	"repo/docs/x/y/draft_b.py":   "",
	"repo/docs/final.py":         "",
	"repo/sub/.gitignore":        "*.py\n!keep_*.py\n",
	"repo/sub/a.py":              "",
	"repo/sub/keep_1.py":         "",
	"repo/sub/nested/.gitignore": "!*.py\n",
	"repo/sub/nested/n.py":       "",
	"repo/build/b.py":            "",
	"repo/dist/d.py":             "",
	"repo/.venv/lib/v.py":        "",
	"repo/venv/v.py":             "",
	"repo/demo.egg-info/e.py":    "",
	"repo/pkg/__pycache__/p.py":  "",
	"repo/node_modules/m.py":     "",
	"repo/.tox/t.py":             "",
	"repo/.hidden/h.py":          "",
	"repo/loop":                  "-> .",
	"repo/pkg/up":                "-> ..",
	"repo/alias":                 "-> pkg",
	"repo/outside":               "-> ../ext",
	"repo/file_link.py":          "-> a.py",
	"repo/dangling.py":           "-> nowhere.py",
	"repo/dir.py/inner.py":       "",
	// A nested working tree: the enclosing one's ignore files do not
	// apply in it.
	"repo/vendored/.git":                      "gitdir: ../.git/modules/vendored\n",
	"repo/vendored/logs/l.py":                 "",
	"repo/vendored/x.tmp.py":                  "",
	"repo/vendored/secret_v.py":               "",
	"repo/.git/modules/vendored/info/exclude": "v_*.py\n",
	"repo/vendored/v_1.py":                    "",
	// Outside a working tree, .gitignore files are not read.
	"plain/.gitignore": "*.py\n",
	"plain/p.py":       "",
	"ext/e.py":         "",
}

// inWorkspace creates the workspace in a new temporary directory and
// makes dir inside it the working directory.
func inWorkspace(t *testing.T, dir string) string {
	t.Helper()
	root := t.TempDir()
	makeTree(t, root, workspace)
	t.Chdir(filepath.Join(root, dir))
	return root
}

// repoFiles is what walking "." in repo finds with the default options.
var repoFiles = []string{
	".hidden/h.py",
	"a.py",
	"alias/__init__.py",
	"alias/generated/g.py", // /generated/ is anchored at the top
	"alias/mod.py",
	"b.pyi",
	"dir.py/inner.py",
	"docs/final.py",
	"file_link.py",
	"keep.tmp.py",
	"outside/e.py",
	"pkg/__init__.py",
	"pkg/generated/g.py",
	"pkg/mod.py",
	"sub/keep_1.py",
	"sub/nested/n.py",
	"vendored/logs/l.py",
	"vendored/secret_v.py",
	"vendored/x.tmp.py",
}

func check(t *testing.T, name string, got []string, err error, want []string, wantErr string) {
	t.Helper()
	gotErr := ""
	if err != nil {
		gotErr = err.Error()
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || gotErr != wantErr {
		t.Errorf("%s:\ngot\n\t%s\nerror %q\nwant\n\t%s\nerror %q", name,
			strings.Join(got, "\n\t"), gotErr, strings.Join(want, "\n\t"), wantErr)
	}
}

func TestDiscoverWalk(t *testing.T) {
	inWorkspace(t, "repo")
	for _, workers := range []int{0, 1, 3, 16} {
		got, err := Discover([]string{"."}, Options{Workers: workers})
		check(t, fmt.Sprintf("walk . with %d workers", workers), got, err, repoFiles, "")
	}
	var pkg []string
	for _, f := range repoFiles {
		if strings.HasPrefix(f, "pkg/") {
			pkg = append(pkg, f)
		}
	}
	// pkg/up links back to the top, which is not above pkg.
	for _, f := range repoFiles {
		if !strings.HasPrefix(f, "pkg/") && !strings.HasPrefix(f, "alias/") {
			pkg = append(pkg, "pkg/up/"+f)
		}
	}
	slices.Sort(pkg)
	got, err := Discover([]string{"./pkg/"}, Options{})
	check(t, "walk ./pkg/", got, err, pkg, "")

	abs, err := filepath.Abs("pkg")
	if err != nil {
		t.Fatal(err)
	}
	var absPkg []string
	for _, f := range pkg {
		absPkg = append(absPkg, filepath.Join(abs, strings.TrimPrefix(f, "pkg/")))
	}
	got, err = Discover([]string{abs}, Options{})
	check(t, "walk absolute pkg", got, err, absPkg, "")

	got, err = Discover([]string{"a.py", ".", "./a.py", "pkg/mod.py"}, Options{})
	check(t, "duplicates", got, err, repoFiles, "")
}

func TestDiscoverOutsideRepository(t *testing.T) {
	inWorkspace(t, "repo")
	for _, force := range []bool{false, true} {
		got, err := Discover([]string{"../plain"}, Options{ForceExclude: force})
		check(t, fmt.Sprint("../plain, ForceExclude ", force), got, err, []string{"../plain/p.py"}, "")
	}
}

func TestDiscoverExplicit(t *testing.T) {
	inWorkspace(t, "repo")
	for _, c := range []struct {
		paths []string
		want  []string // without ForceExclude
		force []string // with ForceExclude
	}{
		{[]string{"build/b.py"}, []string{"build/b.py"}, nil},
		{[]string{"build"}, []string{"build/b.py"}, nil},
		{[]string{"pkg/__pycache__/p.py"}, []string{"pkg/__pycache__/p.py"}, nil},
		{[]string{"generated/g.py"}, []string{"generated/g.py"}, nil},
		{[]string{"generated"}, []string{"generated/g.py"}, nil},
		{[]string{"x.tmp.py", "secret_key.py", "#hash.py"}, []string{"#hash.py", "secret_key.py", "x.tmp.py"}, nil},
		{[]string{"sub/a.py"}, []string{"sub/a.py"}, nil},
		{[]string{"pkg/logs/l.py"}, []string{"pkg/logs/l.py"}, nil},
		{[]string{"a.py", "c.txt", "script"}, []string{"a.py", "c.txt", "script"}, []string{"a.py", "c.txt", "script"}},
		{[]string{"keep.tmp.py", "sub/keep_1.py", "sub/nested/n.py"},
			[]string{"keep.tmp.py", "sub/keep_1.py", "sub/nested/n.py"},
			[]string{"keep.tmp.py", "sub/keep_1.py", "sub/nested/n.py"}},
		{[]string{"vendored/logs/l.py", "vendored/v_1.py"},
			[]string{"vendored/logs/l.py", "vendored/v_1.py"},
			[]string{"vendored/logs/l.py"}},
		{[]string{"file_link.py", "alias/mod.py"}, []string{"alias/mod.py", "file_link.py"}, []string{"alias/mod.py", "file_link.py"}},
	} {
		got, err := Discover(c.paths, Options{})
		check(t, fmt.Sprint(c.paths), got, err, c.want, "")
		got, err = Discover(c.paths, Options{ForceExclude: true})
		check(t, fmt.Sprint(c.paths, " with ForceExclude"), got, err, c.force, "")
	}

	// Directories above the working directory are not looked at.
	t.Chdir("build")
	got, err := Discover([]string{"b.py"}, Options{ForceExclude: true})
	check(t, "b.py in build", got, err, []string{"b.py"}, "")
	got, err = Discover([]string{"."}, Options{ForceExclude: true})
	check(t, ". in build", got, err, []string{"b.py"}, "")
}

func TestDiscoverExclude(t *testing.T) {
	inWorkspace(t, "repo")
	var seen sync.Map
	opts := Options{Exclude: func(path string, isDir bool) (bool, error) {
		if !filepath.IsAbs(path) || filepath.Clean(path) != path {
			return false, fmt.Errorf("not absolute and clean: %s", path)
		}
		seen.Store(filepath.Base(path), isDir)
		return filepath.Base(path) == "pkg", nil
	}}
	got, err := Discover([]string{"."}, opts)
	check(t, "custom Exclude", got, err, []string{
		".hidden/h.py",
		".tox/t.py",
		".venv/lib/v.py",
		"a.py",
		"alias/__init__.py",
		"alias/__pycache__/p.py",
		"alias/generated/g.py",
		"alias/mod.py",
		"b.pyi",
		"build/b.py",
		"demo.egg-info/e.py",
		"dir.py/inner.py",
		"dist/d.py",
		"docs/final.py",
		"file_link.py",
		"keep.tmp.py",
		"node_modules/m.py",
		"outside/e.py",
		"sub/keep_1.py",
		"sub/nested/n.py",
		"vendored/logs/l.py",
		"vendored/secret_v.py",
		"vendored/x.tmp.py",
		"venv/v.py",
	}, "")
	for name, isDir := range map[string]bool{"pkg": true, "a.py": false, "alias": true, "dir.py": true, "file_link.py": false} {
		if v, ok := seen.Load(name); !ok || v != isDir {
			t.Errorf("Exclude(%s): called %v with isDir %v, want isDir %v", name, ok, v, isDir)
		}
	}
	for _, name := range []string{"c.txt", "script", ".git", "hooks", "secret_key.py", "#hash.py", "dangling.py"} {
		if _, ok := seen.Load(name); ok {
			t.Errorf("Exclude(%s) called", name)
		}
	}

	failing := Options{Exclude: func(path string, isDir bool) (bool, error) {
		switch filepath.Base(path) {
		case "pkg", "sub", "docs":
			return false, errors.New("pyproject.toml:3: [tool.py314] unknown key \"selekt\"")
		case "b.pyi":
			return false, errors.New("another error")
		}
		return DefaultExcluded(filepath.Base(path)), nil
	}}
	got, err = Discover([]string{"."}, failing)
	check(t, "failing Exclude", got, err, []string{
		".hidden/h.py",
		"a.py",
		"alias/__init__.py",
		"alias/generated/g.py",
		"alias/mod.py",
		"dir.py/inner.py",
		"file_link.py",
		"keep.tmp.py",
		"outside/e.py",
		"vendored/logs/l.py",
		"vendored/secret_v.py",
		"vendored/x.tmp.py",
	}, "another error\npyproject.toml:3: [tool.py314] unknown key \"selekt\"")
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Errorf("error is %T %v, want an ErrorList of 2", err, err)
	}
}

func TestDiscoverErrors(t *testing.T) {
	root := inWorkspace(t, "repo")
	got, err := Discover([]string{"missing.py", "a.py", "missing/"}, Options{})
	check(t, "missing paths", got, err, []string{"a.py"},
		"stat missing.py: no such file or directory\nstat missing/: no such file or directory")
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "missing.py" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.As: got %v", pe)
	}

	// A directory whose path is too long to open: the walk reports it
	// and goes on with the rest.
	r, err := os.OpenRoot(filepath.Join(root, "repo"))
	if err != nil {
		t.Fatal(err)
	}
	name := strings.Repeat("d", 200)
	path := "deep"
	if err := r.Mkdir("deep", 0o755); err != nil {
		t.Fatal(err)
	}
	want := []string{"deep/a.py"}
	wantErr := ""
	for wantErr == "" {
		f, err := r.Create(filepath.Join(filepath.Base(path), "a.py"))
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		sub, err := r.OpenRoot(filepath.Base(path))
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		r = sub
		if err := r.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		path = filepath.Join(path, name)
		abs := filepath.Join(root, "repo", path)
		if _, err := os.Stat(abs); err != nil {
			wantErr = "stat " + path + ": file name too long"
		} else {
			want = append(want, filepath.Join(path, "a.py"))
		}
	}
	r.Close()
	got, err = Discover([]string{"deep", "a.py"}, Options{})
	check(t, "deep", got, err, append([]string{"a.py"}, want...), wantErr)
}
