// Package cache keeps the diagnostics of checked files on disk, keyed by
// the file's content, the settings it was checked with and the py314 build,
// so that checking an unchanged tree again reads results instead of
// parsing. Entries are written atomically (temporary file and rename), so
// concurrent runs sharing a directory never read a partial entry; a missing
// or unreadable entry is a miss.
package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

// Cache is a directory of entries.
type Cache struct {
	dir   string
	salt  []byte // what the build and run share: the py314 build's identity
	rules map[string]*checks.Rule
}

// Open returns the cache in dir, creating the directory (with a
// .gitignore that ignores it all) when needed. salt identifies the py314
// build: entries written by another build are never read. all maps the
// codes of stored diagnostics back to rules.
func Open(dir string, salt []byte, all []*checks.Rule) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %v", err)
	}
	ignore := filepath.Join(dir, ".gitignore")
	if _, err := os.Stat(ignore); os.IsNotExist(err) {
		os.WriteFile(ignore, []byte("# Created by py314.\n*\n"), 0o644)
	}
	rules := make(map[string]*checks.Rule, len(all))
	for _, r := range all {
		rules[r.Code] = r
	}
	return &Cache{dir: dir, salt: salt, rules: rules}, nil
}

// Key returns the key of a file: its path, its raw content and the
// settings it is checked with.
func (c *Cache) Key(path string, raw []byte, s checks.Settings) string {
	h := sha256.New()
	field := func(b []byte) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	field(c.salt)
	field([]byte(path))
	codes := make([]string, len(s.Rules))
	for i, r := range s.Rules {
		codes[i] = r.Code
	}
	sort.Strings(codes)
	field([]byte(fmt.Sprint(codes, s.Target)))
	field(raw)
	return hex.EncodeToString(h.Sum(nil))
}

type entry struct {
	Diagnostics []storedDiagnostic `json:"d"`
}

type storedDiagnostic struct {
	Code     string     `json:"c"`
	Start    int32      `json:"s"`
	End      int32      `json:"e"`
	Message  string     `json:"m"`
	Severity uint8      `json:"v"`
	Fix      *storedFix `json:"f,omitempty"`
}

type storedFix struct {
	Title         string       `json:"t"`
	Applicability uint8        `json:"a"`
	Edits         []storedEdit `json:"e"`
}

type storedEdit struct {
	Start int32  `json:"s"`
	End   int32  `json:"e"`
	New   string `json:"n"`
}

func (c *Cache) path(key string) string { return filepath.Join(c.dir, key[:2], key) }

// Get returns the diagnostics stored under key.
func (c *Cache) Get(key string) ([]checks.Diagnostic, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var e entry
	if json.Unmarshal(data, &e) != nil {
		return nil, false
	}
	diags := make([]checks.Diagnostic, 0, len(e.Diagnostics))
	for _, d := range e.Diagnostics {
		r := c.rules[d.Code]
		if r == nil {
			return nil, false
		}
		out := checks.Diagnostic{Rule: r, Span: token.Span{Start: token.Pos(d.Start), End: token.Pos(d.End)},
			Message: d.Message, Severity: checks.Severity(d.Severity)}
		if d.Fix != nil {
			fix := &checks.Fix{Title: d.Fix.Title, Applicability: checks.Applicability(d.Fix.Applicability)}
			for _, ed := range d.Fix.Edits {
				fix.Edits = append(fix.Edits, checks.Edit{Start: token.Pos(ed.Start), End: token.Pos(ed.End), New: ed.New})
			}
			out.Fix = fix
		}
		diags = append(diags, out)
	}
	return diags, true
}

// Put stores diagnostics under key. Errors are returned for reporting but
// leave the cache usable: a failed write is a later miss.
func (c *Cache) Put(key string, diags []checks.Diagnostic) error {
	e := entry{Diagnostics: make([]storedDiagnostic, 0, len(diags))}
	for _, d := range diags {
		sd := storedDiagnostic{Code: d.Rule.Code, Start: int32(d.Span.Start), End: int32(d.Span.End),
			Message: d.Message, Severity: uint8(d.Severity)}
		if d.Fix != nil {
			sf := &storedFix{Title: d.Fix.Title, Applicability: uint8(d.Fix.Applicability)}
			for _, ed := range d.Fix.Edits {
				sf.Edits = append(sf.Edits, storedEdit{Start: int32(ed.Start), End: int32(ed.End), New: ed.New})
			}
			sd.Fix = sf
		}
		e.Diagnostics = append(e.Diagnostics, sd)
	}
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// BuildSalt identifies the running py314 build: a hash of its executable,
// so that a rebuilt py314 (new rules, fixed bugs) never reads the results
// of an older one.
func BuildSalt() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	return sum[:], nil
}
