package corpus

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// e2eTool returns the path of an external program an end-to-end test
// needs, failing the test (never skipping it) when it is missing.
func e2eTool(t *testing.T, name, why string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed: %s. scripts/test.sh installs it (apt-get install %s)", name, why, name)
	}
	return path
}

// e2eDir returns a new empty directory that is removed after the test,
// ignoring what cannot be removed: the programs the end-to-end tests run
// may leave read-only or late files behind, which must not fail the test.
func e2eDir(t *testing.T, pattern string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", pattern)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
			if err == nil && info.IsDir() {
				os.Chmod(path, 0o755)
			}
			return nil
		})
		os.RemoveAll(dir)
	})
	return dir
}

// e2eEnv returns the test's environment without Git's variables (a test
// run from a Git hook must not act on the outer repository), with extra
// settings added.
func e2eEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// e2eRun runs a program in dir and returns its combined output and exit
// status; it fails the test if the program cannot be run at all.
func e2eRun(t *testing.T, dir string, env []string, timeout time.Duration, name string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %s: timed out after %v\n%s", name, strings.Join(args, " "), timeout, out.String())
	}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return out.String(), ee.ExitCode()
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.String())
	}
	return out.String(), 0
}

// e2eMust runs a program that must succeed and returns its output.
func e2eMust(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, code := e2eRun(t, dir, env, 2*time.Minute, name, args...)
	if code != 0 {
		t.Fatalf("%s %s: exit status %d\n%s", name, strings.Join(args, " "), code, out)
	}
	return out
}

// TestPreCommit runs the real pre-commit on a Git repository whose
// .pre-commit-config.yaml points at a clone of this repository at its
// current commit: the py314 hook fails and shows the finding; the
// py314-fix hook fixes the file, which pre-commit reports as a failure
// (files were modified); the next run passes. An excluded file is passed
// to the hooks by pre-commit and left alone, thanks to --force-exclude.
//
// The hooks are built with `go install ./...` by pre-commit, so this test
// needs the Go module proxy (or a module cache holding the dependencies)
// and takes a while the first time.
func TestPreCommit(t *testing.T) {
	git := e2eTool(t, "git", "the pre-commit test needs Git")
	preCommit := e2eTool(t, "pre-commit", "the pre-commit test runs the real pre-commit")
	goCmd := e2eTool(t, "go", "pre-commit builds the hooks with Go")
	env := e2eEnv()

	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	head := strings.TrimSpace(e2eMust(t, root, env, git, "rev-parse", "HEAD"))
	modCache := strings.TrimSpace(e2eMust(t, root, env, goCmd, "env", "GOMODCACHE"))
	tmp := e2eDir(t, "py314-pre-commit-")
	clone := filepath.Join(tmp, "py314")
	e2eMust(t, tmp, env, git, "clone", "--quiet", "--no-hardlinks", root, clone)
	e2eMust(t, clone, env, git, "checkout", "--quiet", head)
	if _, err := os.Stat(filepath.Join(clone, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatalf("the current commit %.12s has no .pre-commit-hooks.yaml: %v", head, err)
	}
	t.Logf("%s, %s, hooks from commit %.12s",
		strings.TrimSpace(e2eMust(t, tmp, env, preCommit, "--version")),
		strings.TrimSpace(e2eMust(t, tmp, env, goCmd, "version")), head)

	proj := filepath.Join(tmp, "project")
	files := map[string]string{
		"app/tree.py":    "import ast\n\nx = ast.Num(n=1)\n",
		"legacy/old.py":  "import ast\n\ny = ast.Num(n=2)\n",
		"pyproject.toml": "[tool.py314]\nselect = [\"PY101\"]\nextend-exclude = [\"legacy\"]\n",
	}
	for name, src := range files {
		path := filepath.Join(proj, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	config := func(hooks ...string) {
		t.Helper()
		text := "repos:\n  - repo: " + clone + "\n    rev: " + head + "\n    hooks:\n"
		for _, h := range hooks {
			text += "      - id: " + h + "\n"
		}
		if err := os.WriteFile(filepath.Join(proj, ".pre-commit-config.yaml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		e2eMust(t, proj, env, git, "add", ".pre-commit-config.yaml")
	}
	e2eMust(t, proj, env, git, "init", "--quiet", ".")
	e2eMust(t, proj, env, git, "add", ".")

	// pre-commit keeps its clones and built hooks under PRE_COMMIT_HOME.
	// It sets GOPATH to the hook's environment, which would put a fresh
	// module cache there: point it at the existing one instead.
	pcEnv := e2eEnv("PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"), "GOMODCACHE="+modCache)
	preCommitRun := func() (string, int) {
		t.Helper()
		return e2eRun(t, proj, pcEnv, 10*time.Minute, preCommit, "run", "--all-files", "--color", "never")
	}
	readTree := func() string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(proj, "app", "tree.py"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	expectIn := func(run, out string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the output lacks %q:\n%s", run, w, out)
			}
		}
	}

	config("py314")
	out, code := preCommitRun()
	if code != 1 {
		t.Errorf("py314 hook: exit status %d, want 1", code)
	}
	expectIn("py314 hook", out,
		"\npy314....",
		"Failed\n- hook id: py314\n- exit code: 1\n",
		"app/tree.py:3:5: PY101 [*] `ast.Num` was removed in Python 3.14; use `ast.Constant`\n"+
			"  |\n3 | x = ast.Num(n=1)\n  |     ^^^^^^^\n  |\n"+
			"help: Replace `ast.Num(...)` with `ast.Constant(...)`\n",
		"Found 1 finding: 1 PY; 1 error.\n")
	if strings.Contains(out, "legacy/old.py") {
		t.Errorf("py314 hook: the excluded legacy/old.py was checked:\n%s", out)
	}
	if got := readTree(); got != files["app/tree.py"] {
		t.Errorf("the py314 hook changed app/tree.py:\n%s", got)
	}

	config("py314-fix", "py314")
	out, code = preCommitRun()
	if code != 1 {
		t.Errorf("py314-fix hook, first run: exit status %d, want 1", code)
	}
	expectIn("py314-fix hook, first run", out,
		"py314 (fix)....",
		"Failed\n- hook id: py314-fix\n- files were modified by this hook\n",
		"Found 1 finding (1 fixed, 0 remaining).\n")
	if got, want := readTree(), "import ast\n\nx = ast.Constant(value=1)\n"; got != want {
		t.Errorf("app/tree.py after py314-fix:\n%s\nwant:\n%s", got, want)
	}
	if data, err := os.ReadFile(filepath.Join(proj, "legacy", "old.py")); err != nil || string(data) != files["legacy/old.py"] {
		t.Errorf("py314-fix changed the excluded legacy/old.py: %q, %v", data, err)
	}

	out, code = preCommitRun()
	if code != 0 {
		t.Errorf("second run: exit status %d, want 0\n%s", code, out)
	}
	expectIn("second run", out, "py314 (fix)....", "py314....")
	if n := strings.Count(out, "Passed\n"); n != 2 {
		t.Errorf("second run: %d hooks passed, want 2:\n%s", n, out)
	}
}
