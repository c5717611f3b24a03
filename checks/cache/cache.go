// Package cache keeps the diagnostics of checked files on disk, so that
// checking an unchanged tree again reads results instead of parsing.
//
// A result belongs to a file's content, the settings it was checked with
// and the py314 build: its entry records a hash of each. To answer without
// reading every file, an entry also records the file's status (size,
// modification and change times, inode): when a file's status is the one
// recorded, its content is taken to be the one recorded too, as Git's index
// does. A status taken within [RacyWindow] of the file's last modification
// is never trusted, since a second change in the same instant would leave
// it equal; such a file is read and hashed again next time.
//
// The entries live in one index file per py314 build in the cache
// directory, written atomically (temporary file and rename): runs sharing a
// directory never read a partial index, and concurrent runs merge their
// entries into the newest index on disk when they save. An entry lost to a
// race is only a later miss.
package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/token"
)

// RacyWindow is how long after a file's modification its status is not
// trusted to identify its content.
const RacyWindow = 2 * time.Second

// unusedAfter is how long an entry for a path no run has looked up stays in
// the index.
const unusedAfter = 30 * 24 * time.Hour

// Hash is a SHA-256 digest.
type Hash [sha256.Size]byte

// Cache is the index of one cache directory for one py314 build. Its
// methods may be called from several goroutines.
type Cache struct {
	dir   string
	index string // the index file of this build
	salt  Hash
	rules map[string]*checks.Rule
	now   func() time.Time

	mu       sync.Mutex
	entries  map[string]*entry // by path and settings
	dirty    map[string]bool   // the entries this run wrote or used
	settings map[settingsKey]Hash
}

// entry is what the index records of one file checked with one set of
// settings.
type entry struct {
	Status      Status
	Content     Hash
	Used        int64 // Unix day of the last lookup that found it
	Diagnostics []storedDiagnostic
}

type storedDiagnostic struct {
	Code     string
	Start    int32
	End      int32
	Message  string
	Severity uint8
	Fix      *storedFix
}

type storedFix struct {
	Title         string
	Applicability uint8
	Edits         []storedEdit
}

type storedEdit struct {
	Start int32
	End   int32
	New   string
}

// Status identifies a version of a file without reading it.
type Status struct {
	Size   int64
	Mtime  int64 // nanoseconds since the Unix epoch
	Ctime  int64 // inode change time where the system has one, else 0
	Inode  uint64
	Device uint64
	Mode   uint32
}

// StatusOf returns the status of the file fi describes.
func StatusOf(fi fs.FileInfo) Status {
	s := Status{Size: fi.Size(), Mtime: fi.ModTime().UnixNano(), Mode: uint32(fi.Mode())}
	sysStatus(fi, &s)
	return s
}

// Open returns the cache in dir for the build salt identifies, creating
// the directory (with a .gitignore that ignores it all) when needed and
// reading the build's index if there is one. An unreadable index is
// treated as empty. all maps the codes of stored diagnostics back to rules.
func Open(dir string, salt []byte, all []*checks.Rule) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %v", err)
	}
	ignore := filepath.Join(dir, ".gitignore")
	if _, err := os.Stat(ignore); os.IsNotExist(err) {
		os.WriteFile(ignore, []byte("# Created by py314.\n*\n"), 0o644)
	}
	c := &Cache{
		dir:      dir,
		salt:     sha256.Sum256(salt),
		rules:    make(map[string]*checks.Rule, len(all)),
		now:      time.Now,
		settings: map[settingsKey]Hash{},
		dirty:    map[string]bool{},
	}
	c.index = filepath.Join(dir, "index-"+hex.EncodeToString(c.salt[:8]))
	for _, r := range all {
		c.rules[r.Code] = r
	}
	c.entries = c.read()
	return c, nil
}

// read returns the entries of the index on disk, or an empty map.
func (c *Cache) read() map[string]*entry {
	data, err := os.ReadFile(c.index)
	if err != nil {
		return map[string]*entry{}
	}
	entries, err := decodeIndex(data, c.salt)
	if err != nil {
		return map[string]*entry{}
	}
	return entries
}

// settingsKey identifies a checks.Settings value cheaply: runs resolve
// many files to the same rule slice.
type settingsKey struct {
	first  **checks.Rule
	n      int
	target parser.Version
}

// settingsHash returns the hash of what a result depends on in s: the set
// of enabled rules and the target version.
func (c *Cache) settingsHash(s checks.Settings) Hash {
	k := settingsKey{n: len(s.Rules), target: s.Target}
	if len(s.Rules) > 0 {
		k.first = &s.Rules[0]
	}
	c.mu.Lock()
	h, ok := c.settings[k]
	c.mu.Unlock()
	if ok {
		return h
	}
	codes := make([]string, len(s.Rules))
	for i, r := range s.Rules {
		codes[i] = r.Code
	}
	slices.Sort(codes)
	h = sha256.Sum256(fmt.Appendf(nil, "%s;%d.%d", strings.Join(codes, ","), s.Target.Major, s.Target.Minor))
	c.mu.Lock()
	c.settings[k] = h
	c.mu.Unlock()
	return h
}

// Key returns the content hash of raw as the cache records it.
func Key(raw []byte) Hash { return sha256.Sum256(raw) }

// entryName is the index key of path checked with settings s.
func (c *Cache) entryName(path string, s checks.Settings) string {
	h := c.settingsHash(s)
	return hex.EncodeToString(h[:8]) + " " + path
}

// Lookup returns the diagnostics recorded for path checked with s when
// the file's status st is the one recorded (and was recorded outside the
// racy window). It reads nothing but the index in memory.
func (c *Cache) Lookup(path string, st Status, s checks.Settings) ([]checks.Diagnostic, bool) {
	name := c.entryName(path, s)
	c.mu.Lock()
	e := c.entries[name]
	c.mu.Unlock()
	if e == nil || e.Status == (Status{}) || e.Status != st {
		return nil, false
	}
	return c.hit(name, e)
}

// LookupContent returns the diagnostics recorded for path checked with s
// when its content hashes to content. A hit records st as the file's
// status, so that the next lookup need not read the file.
func (c *Cache) LookupContent(path string, st Status, content Hash, s checks.Settings) ([]checks.Diagnostic, bool) {
	name := c.entryName(path, s)
	c.mu.Lock()
	e := c.entries[name]
	c.mu.Unlock()
	if e == nil || e.Content != content {
		return nil, false
	}
	diags, ok := c.hit(name, e)
	if ok && e.Status != c.trusted(st) {
		c.mu.Lock()
		e2 := *e
		e2.Status = c.trusted(st)
		c.entries[name] = &e2
		c.dirty[name] = true
		c.mu.Unlock()
	}
	return diags, ok
}

// hit decodes e's diagnostics and marks it used today.
func (c *Cache) hit(name string, e *entry) ([]checks.Diagnostic, bool) {
	diags, ok := c.decode(e.Diagnostics)
	if !ok {
		return nil, false
	}
	if day := c.now().Unix() / 86400; e.Used != day {
		c.mu.Lock()
		e.Used = day
		c.dirty[name] = true
		c.mu.Unlock()
	}
	return diags, true
}

// trusted returns st, or the zero Status when st was taken so soon after
// the file's modification that it cannot tell versions apart.
func (c *Cache) trusted(st Status) Status {
	if c.now().UnixNano()-st.Mtime < int64(RacyWindow) {
		return Status{}
	}
	return st
}

// Put records the diagnostics of path, whose content hashes to content
// and whose status was st before it was read, checked with s.
func (c *Cache) Put(path string, st Status, content Hash, s checks.Settings, diags []checks.Diagnostic) {
	e := &entry{Status: c.trusted(st), Content: content, Used: c.now().Unix() / 86400, Diagnostics: encode(diags)}
	name := c.entryName(path, s)
	c.mu.Lock()
	c.entries[name] = e
	c.dirty[name] = true
	c.mu.Unlock()
}

// Save writes the index back when this run changed it: the index on disk
// now, which other runs may have written since Open, with this run's new
// and used entries. Entries not used for a month are dropped.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.dirty) == 0 {
		return nil
	}
	merged := c.read()
	for name := range c.dirty {
		merged[name] = c.entries[name]
	}
	oldest := (c.now().Add(-unusedAfter)).Unix() / 86400
	for name, e := range merged {
		if e.Used < oldest {
			delete(merged, name)
		}
	}
	if err := writeAtomic(c.index, encodeIndex(c.salt, merged)); err != nil {
		return fmt.Errorf("cache: %v", err)
	}
	c.entries = merged
	clear(c.dirty)
	return nil
}

// writeAtomic replaces the file at p with data through a temporary file in
// the same directory.
func writeAtomic(p string, data []byte) error {
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

func encode(diags []checks.Diagnostic) []storedDiagnostic {
	out := make([]storedDiagnostic, 0, len(diags))
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
		out = append(out, sd)
	}
	return out
}

// decode turns stored diagnostics back into diagnostics; it fails when a
// code names no rule of this build.
func (c *Cache) decode(stored []storedDiagnostic) ([]checks.Diagnostic, bool) {
	diags := make([]checks.Diagnostic, 0, len(stored))
	for _, d := range stored {
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

// BuildSalt identifies the running py314 build by its executable's path,
// size and modification time, so that a rebuilt py314 (new rules, fixed
// bugs) never reads the results of an older one without hashing the whole
// executable on every run.
func BuildSalt() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return nil, err
	}
	st := StatusOf(fi)
	b := binary.LittleEndian.AppendUint64([]byte(exe+"\x00"), uint64(st.Size))
	b = binary.LittleEndian.AppendUint64(b, uint64(st.Mtime))
	b = binary.LittleEndian.AppendUint64(b, uint64(st.Ctime))
	return binary.LittleEndian.AppendUint64(b, st.Inode), nil
}
