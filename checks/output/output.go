// Package output renders check results in the formats that
// `py314 check --output-format` offers: full (the default), concise, json,
// json-lines, sarif, github, gitlab, junit and pylint.
//
// The formats follow Ruff's conventions where users and CI integrations
// rely on them: the same JSON field names, the same GitHub workflow
// commands, the same JUnit layout. Lines are 1-based; columns are 1-based
// and count characters (Unicode code points), not bytes. Every format sorts
// diagnostics by path, then position, then code, so the output does not
// depend on the order in which files were checked.
package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

// FileResult is the outcome of checking one file.
type FileResult struct {
	// Path is the file's path as shown to the user: relative to the
	// working directory when the file is under it, as given otherwise.
	Path string
	// File holds the decoded source the diagnostics' spans point into.
	File *token.File
	// Diagnostics are the findings, in any order.
	Diagnostics []checks.Diagnostic
}

// Options are the settings a rendering needs besides the results.
type Options struct {
	// Version is py314's version, reported as SARIF's tool.driver.version.
	Version string
	// UnsafeFixes says whether unsafe fixes are enabled. It decides which
	// diagnostics carry the "[*]" fix-available mark: safe fixes always
	// do, unsafe ones only when this is set, display-only ones never.
	UnsafeFixes bool
	// DocsURL returns the documentation page of a rule code. Nil means
	// DefaultDocsURL.
	DocsURL func(code string) string
	// WorkDir is the absolute working directory: relative Paths are
	// resolved against it, and SARIF and GitLab report paths relative to
	// it. Empty means the process's working directory.
	WorkDir string
}

// DefaultDocsURL returns https://py314.dev/rules/CODE.
func DefaultDocsURL(code string) string { return "https://py314.dev/rules/" + code }

// formatNames lists the formats in the order Formats reports them.
var formatNames = [...]string{"full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "pylint"}

// Formats returns the names of the output formats; the first is the
// default.
func Formats() []string { return formatNames[:] }

// Write renders results in the named format to w. It returns an error,
// writing nothing, for an unknown format (the message lists the valid
// ones), a diagnostic without a rule, or a result without a source file;
// otherwise it returns the first error of w.
//
// full, concise, pylint and github write nothing when there are no
// diagnostics; json and gitlab write an empty array, sarif a run without
// results, junit a single passing test case. None of them prints a
// summary: that is the caller's job.
func Write(w io.Writer, format string, results []FileResult, opts Options) error {
	var render func(*bytes.Buffer, []item, *Options) error
	switch format {
	case "full":
		render = writeFull
	case "concise":
		render = writeConcise
	case "json":
		render = writeJSON
	case "json-lines":
		render = writeJSONLines
	case "sarif":
		render = writeSARIF
	case "github":
		render = writeGitHub
	case "gitlab":
		render = writeGitLab
	case "junit":
		render = writeJUnit
	case "pylint":
		render = writePylint
	default:
		return fmt.Errorf("unknown output format %q (valid formats: %s)", format, strings.Join(Formats(), ", "))
	}
	if opts.DocsURL == nil {
		opts.DocsURL = DefaultDocsURL
	}
	if opts.WorkDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return fmt.Errorf("output: working directory: %w", err)
		}
		opts.WorkDir = wd
	}
	items, err := collect(results, opts.WorkDir, format == "sarif" || format == "gitlab")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render(&buf, items, &opts); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// An item is one diagnostic with everything the formats print about it.
type item struct {
	path        string // as shown to the user
	abs         string // absolute, in the operating system's form
	rel         string // relative to the working directory, slash-separated; absolute if outside it
	outside     bool   // the file is not under the working directory
	file        *token.File
	d           *checks.Diagnostic
	code        string
	severity    checks.Severity
	start, end  location
	fingerprint string // only for the formats that print it
}

// A location is a 1-based line and a 1-based character column. Its JSON
// form is Ruff's, with the fields in Ruff's (alphabetical) order.
type location struct {
	Column int `json:"column"`
	Line   int `json:"row"`
}

// collect flattens, checks and sorts the diagnostics of results, with
// their fingerprints if withFingerprints is set.
func collect(results []FileResult, workDir string, withFingerprints bool) ([]item, error) {
	var items []item
	for _, r := range results {
		if len(r.Diagnostics) == 0 {
			continue
		}
		if r.File == nil {
			return nil, fmt.Errorf("output: %s: diagnostics without a source file", r.Path)
		}
		abs := r.Path
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(workDir, abs)
		}
		abs = filepath.Clean(abs)
		for i := range r.Diagnostics {
			if d := &r.Diagnostics[i]; d.Rule == nil {
				return nil, fmt.Errorf("output: %s: diagnostic without a rule: %s", r.Path, d.Message)
			}
		}
		rel, outside := relativePath(workDir, abs)
		var fps []string
		if withFingerprints {
			fps = fingerprints(rel, r.File, r.Diagnostics)
		}
		for i := range r.Diagnostics {
			d := &r.Diagnostics[i]
			it := item{
				path:     r.Path,
				abs:      abs,
				rel:      rel,
				outside:  outside,
				file:     r.File,
				d:        d,
				code:     d.Rule.Code,
				severity: severityOf(d),
				start:    locate(r.File, d.Span.Start),
				end:      locate(r.File, d.Span.End),
			}
			if fps != nil {
				it.fingerprint = fps[i]
			}
			items = append(items, it)
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := &items[i], &items[j]
		if a.path != b.path {
			return a.path < b.path
		}
		if a.d.Span.Start != b.d.Span.Start {
			return a.d.Span.Start < b.d.Span.Start
		}
		if a.code != b.code {
			return a.code < b.code
		}
		if a.d.Span.End != b.d.Span.End {
			return a.d.Span.End < b.d.Span.End
		}
		return a.d.Message < b.d.Message
	})
	return items, nil
}

// relativePath returns abs relative to workDir with forward slashes, or,
// when abs is not under workDir, abs itself with forward slashes and true.
func relativePath(workDir, abs string) (string, bool) {
	rel, err := filepath.Rel(workDir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs), true
	}
	return filepath.ToSlash(rel), false
}

// severityOf returns the severity a diagnostic is reported with: its own,
// or its rule's when it has none.
func severityOf(d *checks.Diagnostic) checks.Severity {
	s := d.Severity
	if s == 0 {
		s = d.Rule.Severity
	}
	if s < checks.Info || s > checks.Error {
		s = checks.Error
	}
	return s
}

// clamp limits p to the source of f.
func clamp(f *token.File, p token.Pos) token.Pos {
	if p < 0 {
		return 0
	}
	if int(p) > len(f.Src) {
		return token.Pos(len(f.Src))
	}
	return p
}

// locate returns the 1-based line and character column of p.
func locate(f *token.File, p token.Pos) location {
	p = clamp(f, p)
	line, _ := f.LineCol(p)
	start := f.LineStart(line)
	return location{Line: line, Column: utf8.RuneCount(f.Src[start:p]) + 1}
}

// fixAvailable reports whether d's fix counts as available: it is safe, or
// unsafe with unsafe fixes enabled.
func fixAvailable(d *checks.Diagnostic, opts *Options) bool {
	if d.Fix == nil {
		return false
	}
	switch d.Fix.Applicability {
	case checks.Safe:
		return true
	case checks.Unsafe:
		return opts.UnsafeFixes
	}
	return false
}

// helpText returns the fix's title, marked when the fix is not safe.
func helpText(f *checks.Fix) string {
	title := f.Title
	if title == "" {
		title = "a fix is available"
	}
	switch f.Applicability {
	case checks.Unsafe:
		return title + " (unsafe fix)"
	case checks.DisplayOnly:
		return title + " (display-only fix)"
	}
	return title
}
