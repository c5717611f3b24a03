package fixes

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/py314/py314/parser/scanner"
)

// TestWriteFileFailedWrite makes writing the new text fail half way, with
// a file size limit, which holds even for root: the original file stays
// as it was and the temporary file is gone.
func TestWriteFileFailedWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.py")
	raw := "x = 1\n"
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	limit := old
	limit.Cur = 4
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, []byte("x = 1\ny = 2\n"), scanner.Source{Encoding: "utf-8"})
	if rerr := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); rerr != nil {
		t.Fatal(rerr)
	}
	if err == nil || !strings.Contains(err.Error(), "file too large") {
		t.Errorf("got error %v, want file too large", err)
	}
	checkIntact(t, path, raw)
}
