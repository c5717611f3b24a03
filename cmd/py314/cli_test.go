package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestCLI runs the scripts in corpus/cli/*.txtar. A script's comment holds
// directives, one per line ("#" lines are comments):
//
//	args: parse a.py -     the command line, split at spaces
//
// and its files are written to an empty working directory, except these,
// which describe the run:
//
//	stdin      standard input (empty when absent)
//	stdout     the whole expected standard output (empty when absent)
//	stdout.re  instead of stdout: one regular expression per output line,
//	           each matching its whole line
//	stderr     the whole expected standard error (empty when absent)
//	exit       the expected exit status (required)
//	want/PATH  the whole expected content of the file PATH after the run
//	           (--fix and --add-noqa write files)
func TestCLI(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("..", "..", "corpus", "cli", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(scripts) == 0 {
		t.Fatal("no scripts in corpus/cli")
	}
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(script), ".txtar"), func(t *testing.T) {
			runScript(t, script)
		})
	}
}

func runScript(t *testing.T, script string) {
	ar, err := txtar.ParseFile(script)
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	haveArgs := false
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "args:"):
			args = strings.Fields(strings.TrimPrefix(line, "args:"))
			haveArgs = true
		default:
			t.Fatalf("%s: unknown directive %q", script, line)
		}
	}
	if !haveArgs {
		t.Fatalf("%s: no args: directive", script)
	}

	dir := t.TempDir()
	special := map[string][]byte{}
	wantFiles := map[string][]byte{}
	for _, f := range ar.Files {
		switch f.Name {
		case "stdin", "stdout", "stdout.re", "stderr", "exit":
			special[f.Name] = f.Data
			continue
		}
		if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
			wantFiles[name] = f.Data
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exitText, ok := special["exit"]
	if !ok {
		t.Fatalf("%s: no exit section", script)
	}
	wantExit, err := strconv.Atoi(strings.TrimSpace(string(exitText)))
	if err != nil {
		t.Fatalf("%s: exit section: %v", script, err)
	}
	_, hasStdout := special["stdout"]
	_, hasStdoutRE := special["stdout.re"]
	if hasStdout && hasStdoutRE {
		t.Fatalf("%s: both stdout and stdout.re", script)
	}

	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	gotExit := run(args, bytes.NewReader(special["stdin"]), &stdout, &stderr)

	if gotExit != wantExit {
		t.Errorf("exit status %d, want %d", gotExit, wantExit)
	}
	if hasStdoutRE {
		if err := matchLines(stdout.String(), string(special["stdout.re"])); err != nil {
			t.Errorf("stdout: %v\n--- got ---\n%s", err, stdout.String())
		}
	} else if got, want := stdout.String(), string(special["stdout"]); got != want {
		t.Errorf("stdout:\n--- got ---\n%s--- want ---\n%s", got, want)
	}
	if got, want := stderr.String(), string(special["stderr"]); got != want {
		t.Errorf("stderr:\n--- got ---\n%s--- want ---\n%s", got, want)
	}
	for name, want := range wantFiles {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s after the run:\n--- got ---\n%q\n--- want ---\n%q", name, got, want)
		}
	}
}

// matchLines reports whether each line of out matches, as a whole, the
// regular expression on the same line of patterns.
func matchLines(out, patterns string) error {
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := strings.Split(strings.TrimSuffix(patterns, "\n"), "\n")
	if !strings.HasSuffix(out, "\n") {
		return fmt.Errorf("output does not end in a newline")
	}
	if len(got) != len(want) {
		return fmt.Errorf("%d lines, want %d", len(got), len(want))
	}
	for i := range want {
		re, err := regexp.Compile("^(?:" + want[i] + ")$")
		if err != nil {
			return fmt.Errorf("pattern %d: %v", i+1, err)
		}
		if !re.MatchString(got[i]) {
			return fmt.Errorf("line %d %q does not match %q", i+1, got[i], want[i])
		}
	}
	return nil
}
