// Package config finds, reads and applies py314's configuration.
//
// Configuration lives in a py314.toml or .py314.toml file, or in the
// [tool.py314] table of a pyproject.toml, with the same kebab-case keys:
//
//	select, extend-select, ignore   rule selectors (see Selection)
//	per-file-ignores                glob -> rule selectors
//	exclude, extend-exclude         globs of paths not to check
//	target-version                  "py39" to "py315", or "3.9"
//	fixable, unfixable              rule selectors
//	unsafe-fixes                    boolean
//	output-format                   full, concise, json, json-lines, sarif,
//	                                github, gitlab, junit or pylint
//	fail-on                         "error", "warning" or "info"
//
// Globs are doublestar globs relative to the directory of the file that
// holds them; a glob without a slash also matches a base name at any depth.
//
// The file that applies to a Python file is found by walking up from the
// file's directory: the nearest directory with a configuration wins, and
// within one directory .py314.toml comes before py314.toml, which comes
// before pyproject.toml. A pyproject.toml without a [tool.py314] table is
// not a configuration, but its [project] requires-python still gives the
// target version when the configuration of its directory names none, or
// when no configuration is found at all and it is the nearest
// pyproject.toml with a requires-python.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser"
)

// Overrides are settings given outside configuration files, on the command
// line or by an editor. They take precedence over the files. The zero
// value overrides nothing.
type Overrides struct {
	// Source names the overrides in error messages: "command line".
	Source string

	// ConfigPath, when set, names the one configuration file that
	// applies to every path; no other file is looked for.
	ConfigPath string

	// Select, ExtendSelect and Ignore form a selection layer applied
	// after the configuration file's: a non-nil Select replaces the
	// file's selection.
	Select, ExtendSelect, Ignore []string

	TargetVersion string // as target-version; "" keeps the file's
	UnsafeFixes   *bool  // nil keeps the file's
	FailOn        string // as fail-on; "" keeps the file's
	OutputFormat  string // as output-format; "" keeps the file's
}

// Settings are the settings for checking one file.
type Settings struct {
	checks.Settings // the enabled rules and the target version

	// Fixable reports whether fixes of a rule may be applied: the rule
	// is matched by fixable (by default ALL) and not by unfixable. It
	// does not look at whether the rule has fixes.
	Fixable func(*checks.Rule) bool

	UnsafeFixes  bool            // apply unsafe fixes too; default false
	OutputFormat string          // default "full"
	FailOn       checks.Severity // the least severity that fails a run; default checks.Info

	// ConfigFile is the configuration file the settings come from, as
	// the user would name it, or "" when none applies.
	ConfigFile string
}

// Resolver finds the settings for files. It caches what it reads per
// directory; call Reload after a configuration file changed. Relative paths
// are taken against the working directory when the Resolver was made. A
// Resolver is safe for concurrent use.
type Resolver struct {
	all   []*checks.Rule
	o     Overrides
	layer Selection // the overrides' selection, checked
	cwd   string

	target       *parser.Version
	unsafeFixes  *bool
	failOn       checks.Severity
	outputFormat string

	mu     sync.RWMutex
	dirs   map[string]*resolved  // by absolute directory
	files  map[string]*pyproject // read configuration files by absolute path
	errs   map[string]error      // files that failed to read, by absolute path
	byFile map[*fileConfig]*resolved
	forced *resolved // from Overrides.ConfigPath
}

// resolved is one configuration with the settings it gives, before
// per-file-ignores.
type resolved struct {
	cfg  *fileConfig // nil: no configuration file applies
	base Settings
	err  error
}

// NewResolver returns a Resolver for the rules all, with the overrides o.
// It fails if an override is not valid or the file o.ConfigPath names
// cannot be read or is not valid.
func NewResolver(all []*checks.Rule, o Overrides) (*Resolver, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	r := &Resolver{all: all, o: o, cwd: cwd}
	source := o.Source
	if source == "" {
		source = "overrides"
	}
	r.layer = Selection{Select: o.Select, ExtendSelect: o.ExtendSelect, Ignore: o.Ignore}
	if _, err := Select(all, r.layer); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if o.TargetVersion != "" {
		t, err := parseTarget(o.TargetVersion)
		if err != nil {
			return nil, fmt.Errorf("%s: target-version: %w", source, err)
		}
		r.target = &t
	}
	if o.FailOn != "" {
		if r.failOn, err = parseFailOn(o.FailOn); err != nil {
			return nil, fmt.Errorf("%s: fail-on: %w", source, err)
		}
	}
	if o.OutputFormat != "" {
		if err := checkOutputFormat(o.OutputFormat); err != nil {
			return nil, fmt.Errorf("%s: output-format: %w", source, err)
		}
		r.outputFormat = o.OutputFormat
	}
	r.unsafeFixes = o.UnsafeFixes
	if err := r.Reload(); err != nil {
		return nil, err
	}
	return r, nil
}

// Reload forgets every configuration file read so far, so that the next
// calls read them again. With Overrides.ConfigPath it rereads that file
// and returns its error.
func (r *Resolver) Reload() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.dirs = map[string]*resolved{}
	r.files = map[string]*pyproject{}
	r.errs = map[string]error{}
	r.byFile = map[*fileConfig]*resolved{}
	r.forced = nil
	if r.o.ConfigPath == "" {
		return nil
	}
	abs, err := filepath.Abs(r.o.ConfigPath)
	if err != nil {
		return err
	}
	p, err := r.read(abs)
	if err == nil && p.cfg == nil {
		err = &Error{File: r.display(abs), Msg: "no [tool.py314] table"}
	}
	if err != nil {
		r.forced = &resolved{err: err}
		return err
	}
	r.forced = r.settingsFor(p.cfg, nil)
	return r.forced.err
}

// For returns the settings for checking the file at path: those of the
// configuration that applies to it, with the overrides and the
// configuration's per-file-ignores applied. The error is a configuration
// error (often an *Error).
func (r *Resolver) For(path string) (Settings, error) {
	abs := r.abs(path)
	res := r.lookup(filepath.Dir(abs))
	if res.err != nil {
		return Settings{}, res.err
	}
	s := res.base
	if res.cfg == nil || len(res.cfg.perFile) == 0 {
		return s, nil
	}
	rel := relSlash(res.cfg.dir, abs)
	off := map[*checks.Rule]bool{}
	for _, pf := range res.cfg.perFile {
		if !pf.pattern.match(abs, rel) {
			continue
		}
		for _, sel := range pf.selectors {
			for _, rule := range match(r.all, sel) {
				off[rule] = true
			}
		}
	}
	if len(off) == 0 {
		return s, nil
	}
	var rules []*checks.Rule
	for _, rule := range s.Rules {
		if !off[rule] {
			rules = append(rules, rule)
		}
	}
	s.Rules = rules
	return s, nil
}

// abs returns path made absolute against the working directory the
// Resolver was made in, without asking the system for it on every file.
func (r *Resolver) abs(path string) string {
	if filepath.IsAbs(path) {
		if isClean(path) {
			return path // as most are: Clean would cost more than the lookup
		}
		return filepath.Clean(path)
	}
	return filepath.Join(r.cwd, path)
}

// isClean reports whether filepath.Clean would return the absolute path p
// unchanged: no empty, "." or ".." element and no trailing separator (the
// root excepted).
func isClean(p string) bool {
	if filepath.Separator != '/' {
		return false // Clean decides
	}
	if p == "/" {
		return true
	}
	elem := 0 // the start of the current element
	for i := 1; i <= len(p); i++ {
		if i < len(p) && p[i] != '/' {
			continue
		}
		switch p[elem+1 : i] {
		case "", ".", "..":
			return false
		}
		elem = i
	}
	return true
}

// ForDir returns the settings of the configuration that applies to the
// files of the directory dir, before per-file-ignores. A command uses
// ForDir(".") for the settings of a whole run: output-format, fail-on.
func (r *Resolver) ForDir(dir string) (Settings, error) {
	abs := r.abs(dir)
	res := r.lookup(abs)
	return res.base, res.err
}

// Excluded reports whether the file or directory at path is excluded by
// the configuration that applies to the directory holding it: by its
// exclude globs, or, when it sets no exclude, by defaultExcluded applied
// to the base name (nil excludes nothing); or by its extend-exclude globs.
// The error is a configuration error.
func (r *Resolver) Excluded(path string, isDir bool, defaultExcluded func(name string) bool) (bool, error) {
	abs := r.abs(path)
	res := r.lookup(filepath.Dir(abs))
	if res.err != nil {
		return false, res.err
	}
	cfg := res.cfg
	if cfg == nil || cfg.exclude == nil {
		if defaultExcluded != nil && defaultExcluded(filepath.Base(abs)) {
			return true, nil
		}
		if cfg == nil {
			return false, nil
		}
	}
	rel := relSlash(cfg.dir, abs)
	for _, p := range cfg.exclude {
		if p.match(abs, rel) {
			return true, nil
		}
	}
	for _, p := range cfg.extendExclude {
		if p.match(abs, rel) {
			return true, nil
		}
	}
	return false, nil
}

// lookup returns the configuration that applies to the absolute directory
// dir.
func (r *Resolver) lookup(dir string) *resolved {
	r.mu.RLock()
	res, ok := r.dirs[dir]
	forced := r.forced
	r.mu.RUnlock()
	if forced != nil {
		return forced
	}
	if ok {
		return res
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lookupLocked(dir)
}

// lookupLocked is lookup with r.mu held for writing.
func (r *Resolver) lookupLocked(dir string) *resolved {
	if res, ok := r.dirs[dir]; ok {
		return res
	}
	res := r.discover(dir)
	r.dirs[dir] = res
	return res
}

// discover finds the configuration for dir, which is not cached yet.
func (r *Resolver) discover(dir string) *resolved {
	for _, name := range []string{HiddenConfigName, ConfigName, PyprojectName} {
		abs := filepath.Join(dir, name)
		if fi, err := os.Stat(abs); err != nil || fi.IsDir() {
			continue
		}
		p, err := r.read(abs)
		if err != nil {
			return &resolved{err: err}
		}
		if p.cfg != nil {
			if res, ok := r.byFile[p.cfg]; ok {
				return res
			}
			res := r.settingsFor(p.cfg, nil)
			r.byFile[p.cfg] = res
			return res
		}
	}
	var parent *resolved
	if up := filepath.Dir(dir); up != dir {
		parent = r.lookupLocked(up)
	}
	if parent != nil && (parent.cfg != nil || parent.err != nil) {
		return parent
	}
	// No configuration up to the root: the nearest requires-python
	// gives the target.
	abs := filepath.Join(dir, PyprojectName)
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		if p, err := r.read(abs); err != nil {
			return &resolved{err: err}
		} else if p.hasRequires {
			return r.settingsFor(nil, p)
		}
	}
	if parent != nil {
		return parent
	}
	return r.settingsFor(nil, nil)
}

// read reads a configuration file once.
func (r *Resolver) read(abs string) (*pyproject, error) {
	if p, ok := r.files[abs]; ok {
		return p, nil
	}
	if err, ok := r.errs[abs]; ok {
		return nil, err
	}
	p, err := readConfig(abs, r.display(abs), r.all)
	if err != nil {
		r.errs[abs] = err
		return nil, err
	}
	r.files[abs] = p
	return p, nil
}

// settingsFor computes the settings of cfg (nil for none). The target
// version comes from, in order: the overrides, cfg, the requires-python of
// the pyproject.toml of cfg's directory, that of fallback, the default.
func (r *Resolver) settingsFor(cfg *fileConfig, fallback *pyproject) *resolved {
	res := &resolved{cfg: cfg}
	s := &res.base
	s.OutputFormat = OutputFormats()[0]
	s.FailOn = checks.Info
	s.Target = defaultTarget
	if cfg == nil {
		cfg = &fileConfig{}
	} else {
		s.ConfigFile = cfg.display
	}

	var err error
	if s.Rules, err = Select(r.all, cfg.sel, r.layer); err != nil {
		res.err = err // cannot happen: both layers were checked
		return res
	}

	switch {
	case r.target != nil:
		s.Target = *r.target
	case cfg.target != nil:
		s.Target = *cfg.target
	default:
		p := fallback
		if cfg.path != "" {
			abs := filepath.Join(cfg.dir, PyprojectName)
			if cfg.kind == PyprojectName {
				p = r.files[abs]
			} else if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
				if p, err = r.read(abs); err != nil {
					res.err = err
					return res
				}
			}
		}
		if p != nil && p.hasRequires {
			v, err := lowestMinor(p.requires)
			if err != nil {
				res.err = &Error{File: p.display, Line: p.requiresLine, Msg: "[project] requires-python: " + err.Error()}
				return res
			}
			s.Target = clampTarget(v)
		}
	}

	fixable, unfixable := cfg.fixable, cfg.unfixable
	if fixable == nil {
		fixable = []string{"ALL"}
	}
	fix, _ := Select(r.all, Selection{Select: fixable, Ignore: unfixable})
	canFix := make(map[*checks.Rule]bool, len(fix))
	for _, rule := range fix {
		canFix[rule] = true
	}
	s.Fixable = func(rule *checks.Rule) bool { return canFix[rule] }

	if cfg.unsafeFixes != nil {
		s.UnsafeFixes = *cfg.unsafeFixes
	}
	if r.unsafeFixes != nil {
		s.UnsafeFixes = *r.unsafeFixes
	}
	if cfg.outputFormat != "" {
		s.OutputFormat = cfg.outputFormat
	}
	if r.outputFormat != "" {
		s.OutputFormat = r.outputFormat
	}
	if cfg.failOn != 0 {
		s.FailOn = cfg.failOn
	}
	if r.failOn != 0 {
		s.FailOn = r.failOn
	}
	return res
}

// clampTarget brings v into the range of supported target versions.
func clampTarget(v parser.Version) parser.Version {
	if v.Less(minTarget) {
		return minTarget
	}
	if maxTarget.Less(v) {
		return maxTarget
	}
	return v
}

// display returns how the user would name the file at abs: relative to the
// working directory when it is inside it.
func (r *Resolver) display(abs string) string {
	if rel, err := filepath.Rel(r.cwd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return abs
}

// relSlash returns target relative to base, slash-separated.
func relSlash(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return filepath.ToSlash(target)
	}
	return filepath.ToSlash(rel)
}
