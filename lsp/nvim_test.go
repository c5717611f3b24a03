package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestNeovim runs a real editor: headless Neovim, configured by
// testdata/nvim/init.lua to start `py314 lsp` for Python files, opens a
// file with an FT002 finding (check-then-act on a dict shared by threads), waits for the diagnostic, asks for code
// actions at it, applies the preferred quick fix, writes the file, and
// waits for the diagnostic to go away. The file must then hold the fixed
// text, and the server must have exited with status 0 when Neovim stopped
// it. scripts/test.sh installs Neovim.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Fatal("nvim is not installed; scripts/test.sh installs it (Debian package neovim)")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "py314")
	build := exec.Command("go", "build", "-o", bin, "github.com/py314/py314/cmd/py314")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building py314: %v\n%s", err, out)
	}

	work := filepath.Join(tmp, "work")
	src, err := os.ReadFile(filepath.Join("testdata", "nvim", "example.py"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "nvim", "example.py.fixed"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(work, "example.py"), src)
	writeFile(t, filepath.Join(work, "pyproject.toml"), []byte("[project]\nname = \"example\"\n"))
	config, err := filepath.Abs(filepath.Join("testdata", "nvim", "init.lua"))
	if err != nil {
		t.Fatal(err)
	}
	results := filepath.Join(tmp, "results.json")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-u", config, "example.py")
	cmd.Dir = work
	cmd.Env = append(os.Environ(),
		"PY314_BIN="+bin,
		"PY314_NVIM_OUT="+results,
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"),
		"XDG_DATA_HOME="+filepath.Join(tmp, "data"),
		"XDG_STATE_HOME="+filepath.Join(tmp, "state"),
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
	)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	runErr := cmd.Run()
	logs, _ := filepath.Glob(filepath.Join(tmp, "*", "nvim", "lsp.log"))
	for _, l := range logs {
		if data, err := os.ReadFile(l); err == nil {
			t.Logf("%s:\n%s", l, data)
		}
	}
	data, err := os.ReadFile(results)
	if err != nil {
		t.Fatalf("neovim wrote no results (%v): %v\n%s", runErr, err, output.Bytes())
	}
	if runErr != nil {
		t.Errorf("neovim: %v\n%s", runErr, output.Bytes())
	}

	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("results %s: %v", data, err)
	}
	wantResults := map[string]any{
		"before": map[string]any{
			"count":   1.0,
			"code":    "FT002",
			"message": "`\"café 😀\" in sessions` then `del sessions[\"café 😀\"]` on shared `sessions` with no lock: another thread can change it in between, and free-threaded Python 3.14 makes that likely (`expire` runs as a thread target (line 10) on several threads at once)",
			"source":  "py314",
			// Neovim counts bytes, which it converted from the
			// server's UTF-16 units: the range ends 28 units into the
			// line, 31 bytes (é takes 2 bytes and 1 unit, 😀 4 bytes
			// and 2 units).
			"lnum": 6.0, "col": 4.0, "end_lnum": 6.0, "end_col": 31.0,
		},
		"offset_encoding": "utf-16",
		"titles": []any{
			"Replace with `sessions.pop(\"café 😀\", None)`",
			"Disable FT002 for this line",
			"py314: Fix all auto-fixable problems",
		},
		"resolved":  true,
		"after":     0.0,
		"exit_code": 0.0,
	}
	if !reflect.DeepEqual(got, wantResults) {
		t.Errorf("results:\n%s\nwant:\n%s", indent(got), indent(wantResults))
	}
	text, err := os.ReadFile(filepath.Join(work, "example.py"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(text, want) {
		t.Errorf("the file after the fix:\n%s\nwant:\n%s", text, want)
	}
}
