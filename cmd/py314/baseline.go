package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/output"
	"github.com/py314/py314/parser/token"
)

// baselineVersion is the version of the baseline file format.
const baselineVersion = 1

// maxBaselineText is the most characters of flagged text a baseline entry
// shows; the fingerprint covers all of it.
const maxBaselineText = 80

// A baselineFile is the JSON form of a baseline: the findings a code base
// had when the baseline was written, which py314 check --baseline does not
// report. Entries are sorted by path, code, text and fingerprint, so that
// the file is stable and its changes can be reviewed.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// A baselineEntry is one recorded finding. Only Fingerprint is matched;
// the other fields say what it is to a reader. There is no line number:
// it would change with every edit above the finding.
type baselineEntry struct {
	// Path is the file, relative to the directory of the baseline file
	// ("../" where it must), slash-separated; absolute only when no
	// relative path leads there (another Windows volume).
	Path string `json:"path"`
	Code string `json:"code"`
	// Text is the flagged source text with runs of white space collapsed,
	// shortened to maxBaselineText characters.
	Text        string `json:"text"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
}

// A baseline is a baseline file read for one run.
type baseline struct {
	name    string // as the user named it
	dir     string // absolute directory of the file: entry paths are relative to it
	entries []baselineEntry
	known   map[string]bool // fingerprints of entries
}

// readBaseline reads the baseline file name. A missing file is an empty
// baseline if missingOK is set, an error otherwise.
func readBaseline(name string, missingOK bool) (*baseline, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, err
	}
	b := &baseline{name: name, dir: filepath.Dir(abs), known: map[string]bool{}}
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		if missingOK {
			return b, nil
		}
		return nil, fmt.Errorf("baseline %s does not exist; write it with --update-baseline", name)
	}
	if err != nil {
		return nil, fmt.Errorf("baseline: %v", err)
	}
	var f baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a py314 baseline: %v", name, err)
	}
	if f.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d, want %d", name, f.Version, baselineVersion)
	}
	for i, e := range f.Findings {
		if e.Path == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline %s: finding %d has no path or no fingerprint", name, i+1)
		}
		b.known[e.Fingerprint] = true
	}
	b.entries = f.Findings
	return b, nil
}

// relPath returns the path of a checked file as the baseline records it.
func (b *baseline) relPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(b.dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// entriesFor returns the baseline entries of one file's diagnostics, in
// their order.
func (b *baseline) entriesFor(path string, f *token.File, diags []checks.Diagnostic) []baselineEntry {
	rel := b.relPath(path)
	fps := output.Fingerprints(rel, f, diags)
	out := make([]baselineEntry, len(diags))
	for i := range diags {
		d := &diags[i]
		out[i] = baselineEntry{
			Path:        rel,
			Code:        d.Rule.Code,
			Text:        shorten(strings.Join(strings.FieldsFunc(output.FlaggedText(f, d.Span), unicode.IsSpace), " ")),
			Message:     d.Message,
			Fingerprint: fps[i],
		}
	}
	return out
}

// shorten cuts s to maxBaselineText characters, marking a cut with "…".
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxBaselineText {
		return s
	}
	n := 0
	for i := range s {
		if n == maxBaselineText-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// A baselineResult is what applying a baseline to a run gave.
type baselineResult struct {
	known    int // findings not reported because the baseline holds them
	gone     int // entries of checked or deleted files that no longer occur
	written  int // with --update-baseline: the entries written
	added    int // with --update-baseline: new entries
	updating bool
}

// apply removes from the outcomes the diagnostics the baseline records.
// With update, it then rewrites the baseline file with every finding of
// the checked files, keeping the entries of files that were not checked
// and still exist, and dropping the others; nothing is left to report.
func (b *baseline) apply(outcomes []*fileOutcome, update bool) (baselineResult, error) {
	res := baselineResult{updating: update}
	checked := map[string]bool{}
	seen := map[string]bool{}
	var current []baselineEntry
	for _, o := range outcomes {
		if o.fatal != nil || o.file == nil {
			continue
		}
		checked[b.relPath(o.path)] = true
		entries := b.entriesFor(o.path, o.file, o.diags)
		kept := o.diags[:0:0]
		for i, e := range entries {
			seen[e.Fingerprint] = true
			current = append(current, e)
			if b.known[e.Fingerprint] && !update {
				res.known++
				continue
			}
			if !b.known[e.Fingerprint] {
				res.added++
			}
			if !update {
				kept = append(kept, o.diags[i])
			}
		}
		o.diags = kept
	}
	var keep []baselineEntry
	for _, e := range b.entries {
		if seen[e.Fingerprint] {
			continue
		}
		if checked[e.Path] || !b.exists(e.Path) {
			res.gone++
			continue
		}
		keep = append(keep, e)
	}
	if !update {
		return res, nil
	}
	all := append(keep, current...)
	res.written = len(all)
	return res, b.write(all)
}

// exists reports whether the file at the baseline path p exists.
func (b *baseline) exists(p string) bool {
	path := filepath.FromSlash(p)
	if !filepath.IsAbs(path) {
		path = filepath.Join(b.dir, path)
	}
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// write writes entries, sorted, as the baseline file, replacing it
// atomically.
func (b *baseline) write(entries []baselineEntry) error {
	sort.Slice(entries, func(i, j int) bool {
		x, y := &entries[i], &entries[j]
		switch {
		case x.Path != y.Path:
			return x.Path < y.Path
		case x.Code != y.Code:
			return x.Code < y.Code
		case x.Text != y.Text:
			return x.Text < y.Text
		}
		return x.Fingerprint < y.Fingerprint
	})
	if entries == nil {
		entries = []baselineEntry{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(baselineFile{Version: baselineVersion, Findings: entries}); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(b.name), ".py314-baseline-*")
	if err != nil {
		return fmt.Errorf("writing baseline: %v", err)
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), b.name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing baseline: %v", err)
	}
	return nil
}
