package fixes

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/scanner"
)

// roundTrip decodes raw as a source file, inserts text at offset at of the
// decoded text, writes the result over a file holding raw with WriteFile,
// and returns the bytes of the file and its mode.
func roundTrip(t *testing.T, raw string, mode fs.FileMode, at int, text string) (string, fs.FileMode) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "m.py")
	if err := os.WriteFile(path, []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	src, serr := scanner.Decode([]byte(raw))
	if serr != nil {
		t.Fatal(serr)
	}
	out, err := Apply(src.Text, []checks.Edit{ins(at, text)})
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, out, src); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want just m.py", len(entries))
	}
	return string(got), info.Mode()
}

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		mode fs.FileMode
		at   int
		text string
		want string
	}{
		{"utf-8", "x = 1\n", 0o644, 0, "import os\n", "import os\nx = 1\n"},
		{"mode kept", "#!/usr/bin/env python3\nx = 1\n", 0o751, 23, "y = 2\n", "#!/usr/bin/env python3\ny = 2\nx = 1\n"},
		{"bom", "\ufeffx = 'é'\n", 0o600, 0, "import os\n", "\ufeffimport os\nx = 'é'\n"},
		{"crlf", "x = 1\r\ny = 2\r\n", 0o644, 7, "import os\nimport sys\n", "x = 1\r\nimport os\r\nimport sys\r\ny = 2\r\n"},
		{"latin-1 and crlf", "# coding: latin-1\r\nx = 'caf\xe9'\r\n", 0o640, 19, "y = 'né'\n",
			"# coding: latin-1\r\ny = 'n\xe9'\r\nx = 'caf\xe9'\r\n"},
		{"cp1252", "# coding: cp1252\nq = '\x93quoted\x94'\n", 0o644, 17, "e = '€'\n",
			"# coding: cp1252\ne = '\x80'\nq = '\x93quoted\x94'\n"},
	}
	for _, tt := range tests {
		got, mode := roundTrip(t, tt.raw, tt.mode, tt.at, tt.text)
		if got != tt.want {
			t.Errorf("%s: file holds %q, want %q", tt.name, got, tt.want)
		}
		if mode != tt.mode {
			t.Errorf("%s: mode %v, want %v", tt.name, mode, tt.mode)
		}
	}
}

// TestWriteFileUnchanged leaves a file alone when its bytes would not
// change, even if it was decoded from another encoding.
func TestWriteFileUnchanged(t *testing.T) {
	for _, raw := range []string{"x = 1\n", "\ufeffx = 1\r\n", "# coding: latin-1\nx = '\xe9'\n"} {
		path := filepath.Join(t.TempDir(), "m.py")
		if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
		if err := os.Chtimes(path, old, old); err != nil {
			t.Fatal(err)
		}
		before, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		src, serr := scanner.Decode([]byte(raw))
		if serr != nil {
			t.Fatal(serr)
		}
		if err := WriteFile(path, src.Text, src); err != nil {
			t.Fatal(err)
		}
		after, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if !after.ModTime().Equal(old) {
			t.Errorf("%q: modification time %v, want %v", raw, after.ModTime(), old)
		}
		if !os.SameFile(before, after) {
			t.Errorf("%q: file was replaced", raw)
		}
	}
}

// TestWriteFileSymlink writes through a symbolic link to its target and
// keeps the link.
func TestWriteFileSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.py")
	link := filepath.Join(dir, "link.py")
	if err := os.WriteFile(target, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.py", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("x = 2\n"), scanner.Source{Encoding: "utf-8"}); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(target); err != nil || string(got) != "x = 2\n" {
		t.Errorf("target holds %q, %v; want %q", got, err, "x = 2\n")
	}
	if dest, err := os.Readlink(link); err != nil || dest != "real.py" {
		t.Errorf("link points to %q, %v; want real.py", dest, err)
	}
}

// TestWriteFileEncodeError refuses text the file's encoding cannot hold,
// leaving the file as it was.
func TestWriteFileEncodeError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.py")
	raw := "# coding: latin-1\nx = 1\n"
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, []byte("# coding: latin-1\nx = '→'\n"), scanner.Source{Encoding: "iso8859-1"})
	want := path + ": iso8859-1 cannot encode U+2192 at offset 23"
	if err == nil || err.Error() != want {
		t.Errorf("got error %v, want %q", err, want)
	}
	checkIntact(t, path, raw)
}

// TestWriteFileReadOnlyDir writes into a directory without write
// permission: if the process may not create files there (it may, as root),
// WriteFile fails and leaves the file as it was.
func TestWriteFileReadOnlyDir(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.py")
	raw := "x = 1\n"
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)

	probe, perr := os.CreateTemp(dir, "probe")
	mayCreate := perr == nil
	if mayCreate {
		probe.Close()
		if err := os.Remove(probe.Name()); err != nil {
			t.Fatal(err)
		}
	}

	err := WriteFile(path, []byte("x = 2\n"), scanner.Source{Encoding: "utf-8"})
	if mayCreate {
		if err != nil {
			t.Fatalf("WriteFile: %v", err)
		}
		checkIntact(t, path, "x = 2\n")
		return
	}
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("got error %v, want permission denied", err)
	}
	checkIntact(t, path, raw)
}

// checkIntact checks that path holds want and is alone in its directory.
func checkIntact(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("file holds %q, %v; want %q", got, err, want)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != filepath.Base(path) {
		t.Errorf("directory holds %q, want just %s", names, filepath.Base(path))
	}
}
