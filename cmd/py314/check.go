package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/cache"
	"github.com/py314/py314/checks/config"
	"github.com/py314/py314/checks/files"
	"github.com/py314/py314/checks/output"
	"github.com/py314/py314/checks/rules"
	"github.com/py314/py314/fixes"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/scanner"
	"github.com/py314/py314/parser/token"
)

// checkFlags are the flags of py314 check.
type checkFlags struct {
	selectRules, extendSelect, ignore      string
	fix, unsafeFixes, diff, showFixes      bool
	statistics, exitZero, exitNonZeroOnFix bool
	quiet, addNoqa, forceExclude, noCache  bool
	targetVersion, configPath, failOn      string
	outputFormat, stdinFilename, cacheDir  string
	baseline, shard                        string
	updateBaseline                         bool
}

func checkCommand() *command {
	var cf checkFlags
	return &command{
		name:    "check",
		summary: "check Python files for what breaks, races or changes on Python 3.14",
		usage:   "py314 check [flags] [PATH...]",
		help: `Check checks the Python files (.py and .pyi) under each PATH (default: the current
directory) with py314's rules and reports what it finds. Directories are walked
recursively; .gitignore files, virtual environments, caches and build output are
skipped. A PATH of "-" reads one file from standard input (name it with
--stdin-filename so that configuration and per-file-ignores apply).

Settings come from [tool.py314] in pyproject.toml, or from py314.toml or
.py314.toml, the nearest one above each file; flags override them.

A baseline lets a code base adopt py314 without fixing everything first:
--update-baseline records the current findings in the --baseline file (JSON,
sorted, meant to be committed), and later runs with --baseline report only the
findings it does not hold. A finding is recognised by its file, its code and
the text it flags, not by its line, so edits elsewhere in the file do not
disturb it. Findings of the baseline that no longer occur are counted; the
next --update-baseline drops them.

--shard K/N checks part K of N of the files, chosen by a hash of each file's
path, so that N parallel CI jobs check everything exactly once; their json
and gitlab outputs are arrays to concatenate, their json-lines and text
outputs lines to join, their sarif outputs runs to put in one log.

Exit status: 0 when nothing at or above --fail-on was found (or everything found
was fixed), 1 when something was, 2 for bad usage, bad configuration or an
internal error.
`,
		setup: func(fs *flag.FlagSet) {
			fs.StringVar(&cf.selectRules, "select", "", "comma-separated rule `selectors` to enable (codes, prefixes, names, ALL); replaces the configured selection")
			fs.StringVar(&cf.extendSelect, "extend-select", "", "comma-separated rule `selectors` to enable in addition")
			fs.StringVar(&cf.ignore, "ignore", "", "comma-separated rule `selectors` to disable")
			fs.BoolVar(&cf.fix, "fix", false, "apply safe fixes")
			fs.BoolVar(&cf.unsafeFixes, "unsafe-fixes", false, "also apply unsafe fixes (with --fix or --diff), and show them")
			fs.BoolVar(&cf.diff, "diff", false, "print the changes the fixes would make as a unified diff; write nothing")
			fs.BoolVar(&cf.showFixes, "show-fixes", false, "list the fixes applied")
			fs.BoolVar(&cf.statistics, "statistics", false, "print the number of findings per rule instead of the findings")
			fs.StringVar(&cf.targetVersion, "target-version", "", "the oldest Python `version` the code must run on (py39 ... py315)")
			fs.StringVar(&cf.configPath, "config", "", "use this configuration `file` for every path")
			fs.BoolVar(&cf.exitZero, "exit-zero", false, "exit 0 even when something was found")
			fs.BoolVar(&cf.exitNonZeroOnFix, "exit-non-zero-on-fix", false, "exit 1 when fixes were applied, even if nothing is left")
			fs.StringVar(&cf.failOn, "fail-on", "", "the least `severity` that fails the run: error, warning or info (default info)")
			fs.BoolVar(&cf.quiet, "quiet", false, "print the findings only, no summary")
			fs.BoolVar(&cf.addNoqa, "add-noqa", false, "add a # noqa comment for every finding, to adopt py314 on a code base step by step")
			fs.StringVar(&cf.outputFormat, "output-format", "", "`format` of the findings: "+strings.Join(output.Formats(), ", ")+" (default full)")
			fs.StringVar(&cf.stdinFilename, "stdin-filename", "", "the `name` of the file read from standard input")
			fs.BoolVar(&cf.forceExclude, "force-exclude", false, "apply exclusions to paths named on the command line too")
			fs.BoolVar(&cf.noCache, "no-cache", false, "check every file again, without reading or writing the cache")
			fs.StringVar(&cf.cacheDir, "cache-dir", ".py314_cache", "the `directory` of the cache of results, keyed by file content, settings and py314 build")
			fs.StringVar(&cf.baseline, "baseline", "", "report and fail only on findings not recorded in this baseline `file`")
			fs.BoolVar(&cf.updateBaseline, "update-baseline", false, "write every finding to the --baseline file (dropping those that no longer occur) instead of reporting them")
			fs.StringVar(&cf.shard, "shard", "", "check only part `K/N` of the files (1 <= K <= N), to split a run over N parallel jobs")
		},
		run: func(c *command, e *env, fs *flag.FlagSet) int { return runCheck(c, e, fs, &cf) },
	}
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// fileOutcome is what checking one file gave.
type fileOutcome struct {
	path    string
	file    *token.File
	diags   []checks.Diagnostic
	applied []fixes.Count
	diff    string
	errs    []string // internal errors: rule panics, fix bugs, write failures
	fatal   error    // the file could not be read or configured
}

func runCheck(c *command, e *env, fs *flag.FlagSet, cf *checkFlags) int {
	o := config.Overrides{
		Source:        "command line",
		ConfigPath:    cf.configPath,
		ExtendSelect:  splitList(cf.extendSelect),
		Ignore:        splitList(cf.ignore),
		TargetVersion: cf.targetVersion,
		FailOn:        cf.failOn,
		OutputFormat:  cf.outputFormat,
	}
	if cf.selectRules != "" {
		o.Select = splitList(cf.selectRules)
	}
	if cf.unsafeFixes {
		on := true
		o.UnsafeFixes = &on
	}
	resolver, err := config.NewResolver(rules.All(), o)
	if err != nil {
		fmt.Fprintf(e.stderr, "py314 check: %v\n", err)
		return exitUsage
	}
	run, err := resolver.ForDir(".")
	if err != nil {
		fmt.Fprintf(e.stderr, "py314 check: %v\n", err)
		return exitUsage
	}
	format := run.OutputFormat
	if format == "" {
		format = "full"
	}

	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var part shard
	if cf.shard != "" {
		if part, err = parseShard(cf.shard); err != nil {
			return c.usageError(e, "%v", err)
		}
		if len(paths) == 1 && paths[0] == "-" {
			return c.usageError(e, "--shard does not apply to standard input")
		}
	}
	var base *baseline
	switch {
	case cf.baseline != "":
		if base, err = readBaseline(cf.baseline, cf.updateBaseline); err != nil {
			fmt.Fprintf(e.stderr, "py314 check: %v\n", err)
			return exitUsage
		}
	case cf.updateBaseline:
		return c.usageError(e, "--update-baseline needs --baseline FILE")
	}
	if cf.updateBaseline && cf.diff {
		return c.usageError(e, "--update-baseline records what is in the files; --diff changes nothing")
	}
	var outcomes []*fileOutcome
	if len(paths) == 1 && paths[0] == "-" {
		raw, err := io.ReadAll(e.stdin)
		if err != nil {
			fmt.Fprintf(e.stderr, "py314 check: reading standard input: %v\n", err)
			return exitUsage
		}
		name := cf.stdinFilename
		if name == "" {
			name = "-"
		}
		out := checkSource(resolver, name, raw, cf, true)
		if cf.fix && !cf.diff && out.fatal == nil && out.file != nil {
			// With --fix, standard input is written back to standard output.
			e.stdout.Write(out.file.Src)
			format = "none"
		}
		outcomes = append(outcomes, out)
	} else {
		found, err := discover(e, "check", resolver, paths, cf.forceExclude)
		if err != nil {
			var cfgErr *config.Error
			if errors.As(err, &cfgErr) || len(found) == 0 {
				return exitUsage
			}
		}
		if part.n > 0 {
			cwd, err := os.Getwd()
			if err != nil {
				fmt.Fprintf(e.stderr, "py314 check: %v\n", err)
				return exitUsage
			}
			found = part.filter(cwd, found)
		}
		var c *cache.Cache
		if !cf.noCache && !cf.fix && !cf.diff && !cf.addNoqa {
			c = openCache(e, cf.cacheDir)
		}
		outcomes = checkFiles(e, resolver, c, found, cf)
		if c != nil {
			if err := c.Save(); err != nil {
				fmt.Fprintf(e.stderr, "py314 check: warning: the cache was not saved: %v\n", err)
			}
		}
	}
	return report(e, outcomes, format, run, cf, base)
}

// discover finds the Python files under paths with the exclusions the
// configuration gives, printing each path it could not read or judge as
// "py314 CMD: error".
func discover(e *env, cmd string, resolver *config.Resolver, paths []string, forceExclude bool) ([]string, error) {
	found, err := files.Discover(paths, files.Options{
		ForceExclude: forceExclude,
		Exclude: func(p string, isDir bool) (bool, error) {
			return resolver.Excluded(p, isDir, files.DefaultExcluded)
		},
	})
	if err != nil {
		var list files.ErrorList
		if errors.As(err, &list) {
			for _, err := range list {
				fmt.Fprintf(e.stderr, "py314 %s: %v\n", cmd, err)
			}
		} else {
			fmt.Fprintf(e.stderr, "py314 %s: %v\n", cmd, err)
		}
	}
	return found, err
}

// checkFiles checks the files in parallel and returns the outcomes in the
// order of paths.
func checkFiles(e *env, resolver *config.Resolver, c *cache.Cache, paths []string, cf *checkFlags) []*fileOutcome {
	outcomes := make([]*fileOutcome, len(paths))
	var next, done atomic.Int64
	stop := progress(e.stderr, len(paths), &done)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				outcomes[i] = checkPath(resolver, c, paths[i], cf)
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	stop()
	return outcomes
}

// progress shows "checked N/M files" on a terminal when checking takes
// more than a second; the returned function clears it.
func progress(w io.Writer, total int, done *atomic.Int64) func() {
	f, ok := w.(*os.File)
	if !ok {
		return func() {}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		select {
		case <-quit:
			return
		case <-time.After(time.Second):
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(f, "\rpy314: checked %d/%d files", done.Load(), total)
			select {
			case <-quit:
				fmt.Fprint(f, "\r\033[K")
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(quit); <-finished }
}

// openCache opens the result cache, or returns nil (checking without it)
// when it cannot be used, with a warning.
func openCache(e *env, dir string) *cache.Cache {
	salt, err := cache.BuildSalt()
	if err == nil {
		var c *cache.Cache
		if c, err = cache.Open(dir, salt, rules.All()); err == nil {
			return c
		}
	}
	fmt.Fprintf(e.stderr, "py314 check: warning: not using the cache: %v\n", err)
	return nil
}

func checkPath(resolver *config.Resolver, c *cache.Cache, path string, cf *checkFlags) *fileOutcome {
	if c != nil {
		return checkCached(resolver, c, path, cf)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return &fileOutcome{path: path, fatal: pathError(path, err)}
	}
	return checkSource(resolver, path, raw, cf, false).keepSourceIfNeeded()
}

// pathError names path in err the way the rest of the output does.
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", path, pe.Err)
	}
	return err
}

// keepSourceIfNeeded drops the file's text when nothing printed later
// refers to it, so that a large tree is not held in memory until the end.
func (o *fileOutcome) keepSourceIfNeeded() *fileOutcome {
	if len(o.diags) == 0 && o.diff == "" {
		o.file = nil
	}
	return o
}

// checkCached answers from the cache when it holds the file's results, and
// otherwise checks the file and records what it found. A file whose status
// (size, times, inode) is the one recorded is not read at all unless its
// findings are to be printed.
func checkCached(resolver *config.Resolver, c *cache.Cache, path string, cf *checkFlags) *fileOutcome {
	settings, err := resolver.For(path)
	if err != nil {
		return &fileOutcome{path: path, fatal: err}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return &fileOutcome{path: path, fatal: pathError(path, err)}
	}
	st := cache.StatusOf(fi)
	diags, hit := c.Lookup(path, st, settings.Settings)
	if hit && len(diags) == 0 {
		return &fileOutcome{path: path}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return &fileOutcome{path: path, fatal: pathError(path, err)}
	}
	// On a hit by status the content key is not needed: hashing is
	// most of the work of a warm run that reports something.
	var key cache.Hash
	keyed := !hit
	if keyed {
		key = cache.Key(raw)
		diags, hit = c.LookupContent(path, st, key, settings.Settings)
	}
	if hit {
		if src, derr := scanner.Decode(raw); derr == nil {
			out := &fileOutcome{path: path, file: token.NewFile(path, src.Text), diags: diags}
			return out.keepSourceIfNeeded()
		}
	}
	out := checkSource(resolver, path, raw, cf, false)
	if out.fatal == nil && len(out.errs) == 0 {
		if !keyed {
			key = cache.Key(raw)
		}
		c.Put(path, st, key, settings.Settings, out.diags)
	}
	return out.keepSourceIfNeeded()
}

// checkSource checks one file's bytes: it lints them, and with --fix or
// --diff applies the fixes to a fixpoint, writing the file back (unless it
// came from standard input) or computing the diff.
func checkSource(resolver *config.Resolver, path string, raw []byte, cf *checkFlags, stdin bool) *fileOutcome {
	out := &fileOutcome{path: path}
	settings, err := resolver.For(path)
	if err != nil {
		out.fatal = err
		return out
	}
	var mu sync.Mutex
	lint := func(f *parser.File) []checks.Diagnostic {
		res := checks.Run(f, settings.Settings)
		mu.Lock()
		for _, re := range res.RuleErrors {
			out.errs = append(out.errs, fmt.Sprintf("%s: internal error: %v", path, re))
		}
		mu.Unlock()
		return res.Diagnostics
	}
	f := parser.ParseFile(path, raw, parser.Options{KeepTokens: cf.addNoqa})
	out.file = f.File
	if !cf.fix && !cf.diff && !cf.addNoqa {
		out.diags = lint(f)
		return out
	}
	var text []byte
	var final *parser.File
	if cf.addNoqa {
		diags := lint(f)
		edits := checks.NoqaEdits(f, diags)
		text, err = fixes.Apply(f.File.Src, edits)
		if err != nil {
			out.errs = append(out.errs, fmt.Sprintf("%s: internal error: adding noqa comments: %v", path, err))
			out.diags = diags
			return out
		}
		final = parser.ParseSource(path, text, parser.Options{})
		final.Encoding, final.BOM = f.Encoding, f.BOM
		out.diags = lint(final)
	} else {
		min := checks.Safe
		if settings.UnsafeFixes {
			min = checks.Unsafe
		}
		res := fixes.Fix(f, lint, fixes.Options{Applicability: min, Fixable: settings.Fixable})
		for _, b := range res.Bugs {
			out.errs = append(out.errs, fmt.Sprintf("%s: %v", path, b))
		}
		if len(res.Unconverged) > 0 {
			var codes []string
			for _, r := range res.Unconverged {
				codes = append(codes, r.Code)
			}
			out.errs = append(out.errs, fmt.Sprintf("%s: fixes failed to converge after %d rounds (rules %s); this is a bug in py314", path, fixes.DefaultMaxRounds, strings.Join(codes, ", ")))
		}
		out.applied = res.Applied
		out.diags = res.Diagnostics
		final = res.File
		text = final.File.Src
	}
	out.file = final.File
	if string(text) == string(f.File.Src) {
		return out
	}
	switch {
	case cf.diff:
		out.diff = fixes.Unified(filepath.ToSlash(path), filepath.ToSlash(path), f.File.Src, text)
	case stdin:
		// The caller prints the text.
	default:
		if err := fixes.WriteFile(path, text, scanner.Source{Encoding: f.Encoding, BOM: f.BOM}); err != nil {
			out.errs = append(out.errs, fmt.Sprintf("%s: %v", path, err))
		}
	}
	return out
}

// report prints the outcomes and returns the exit status. With a
// baseline, the findings it records are left out first (and with
// --update-baseline it is rewritten).
func report(e *env, outcomes []*fileOutcome, format string, run config.Settings, cf *checkFlags, base *baseline) int {
	status := exitOK
	var based *baselineResult
	if base != nil {
		res, err := base.apply(outcomes, cf.updateBaseline)
		if err != nil {
			fmt.Fprintf(e.stderr, "py314 check: %v\n", err)
			status = exitUsage
		}
		based = &res
	}
	var results []output.FileResult
	t := tally{failOn: run.FailOn, byFamily: map[string]int{}}
	var diffs strings.Builder
	for _, o := range outcomes {
		if o.fatal != nil {
			fmt.Fprintf(e.stderr, "py314 check: %v\n", o.fatal)
			status = exitUsage
			continue
		}
		for _, msg := range o.errs {
			fmt.Fprintf(e.stderr, "py314 check: %s\n", msg)
			status = exitUsage
		}
		diffs.WriteString(o.diff)
		for _, a := range o.applied {
			t.fixed += a.Count
		}
		for i := range o.diags {
			t.add(&o.diags[i])
		}
		results = append(results, output.FileResult{Path: o.path, File: o.file, Diagnostics: o.diags})
	}
	text := format == "full" || format == "concise"
	switch {
	case cf.diff:
		fmt.Fprint(e.stdout, diffs.String())
	case cf.statistics:
		printStatistics(e.stdout, results)
	case format == "none":
	default:
		opts := output.Options{Version: version(), UnsafeFixes: run.UnsafeFixes, DocsURL: rules.DocsURL}
		if err := output.Write(e.stdout, format, results, opts); err != nil {
			fmt.Fprintf(e.stderr, "py314 check: %v\n", err)
			return exitUsage
		}
	}
	if cf.showFixes && t.fixed > 0 {
		printFixes(e.stderr, outcomes)
	}
	if !cf.quiet && !cf.diff && format != "none" {
		// The machine-readable formats keep standard output to themselves.
		w := e.stderr
		if text || cf.statistics {
			w = e.stdout
		}
		summary(w, &t, cf, text || cf.statistics)
		if based != nil {
			baselineSummary(w, cf.baseline, based)
		}
	}
	if status == exitUsage {
		return status
	}
	switch {
	case cf.exitZero:
		return exitOK
	case cf.diff && diffs.Len() > 0:
		return exitFound
	case t.failing > 0:
		return exitFound
	case cf.exitNonZeroOnFix && t.fixed > 0:
		return exitFound
	}
	return exitOK
}

// A tally counts the findings a run reports.
type tally struct {
	diags, fixable, fixed, failing int

	failOn     checks.Severity
	byFamily   map[string]int
	bySeverity [checks.Error + 1]int
}

// add counts one reported diagnostic.
func (t *tally) add(d *checks.Diagnostic) {
	t.diags++
	if d.Fix != nil && d.Fix.Applicability == checks.Safe {
		t.fixable++
	}
	sev := d.Severity
	if sev == 0 {
		sev = d.Rule.Severity
	}
	if sev < checks.Info || sev > checks.Error {
		sev = checks.Error
	}
	t.bySeverity[sev]++
	if sev >= t.failOn {
		t.failing++
	}
	t.byFamily[d.Rule.Family()]++
}

// familyOrder is the order in which the summary lists the families; any
// other prefix follows, alphabetically.
var familyOrder = [...]string{"FT", "DA", "ZS", "PY"}

// breakdown returns the counts per family and per severity:
// "3 FT, 1 PY; 2 errors, 1 warning, 1 info".
func (t *tally) breakdown() string {
	var fams []string
	for _, f := range familyOrder {
		if n := t.byFamily[f]; n > 0 {
			fams = append(fams, fmt.Sprintf("%d %s", n, f))
		}
	}
	var others []string
	for f := range t.byFamily {
		if !slices.Contains(familyOrder[:], f) {
			others = append(others, f)
		}
	}
	sort.Strings(others)
	for _, f := range others {
		fams = append(fams, fmt.Sprintf("%d %s", t.byFamily[f], f))
	}
	var sevs []string
	for s := checks.Error; s >= checks.Info; s-- {
		n := t.bySeverity[s]
		switch {
		case n == 0:
			continue
		case n == 1 || s == checks.Info:
			sevs = append(sevs, fmt.Sprintf("%d %s", n, s))
		default:
			sevs = append(sevs, fmt.Sprintf("%d %ss", n, s))
		}
	}
	return strings.Join(fams, ", ") + "; " + strings.Join(sevs, ", ")
}

func plural(n int, s string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, s)
	}
	return fmt.Sprintf("%d %ss", n, s)
}

// summary prints the line that sums up a run: how many findings, per
// family and per severity, and how many fail the run when --fail-on is
// above info; then, with hint, how many a --fix could fix.
func summary(w io.Writer, t *tally, cf *checkFlags, hint bool) {
	gate := ""
	if t.failOn > checks.Info && t.diags > 0 {
		gate = fmt.Sprintf(" (%d at or above fail-on %s)", t.failing, t.failOn)
	}
	switch {
	case t.diags == 0 && t.fixed == 0:
		fmt.Fprintln(w, "All checks passed!")
	case t.diags == 0:
		fmt.Fprintf(w, "Found %s (%d fixed, 0 remaining).\n", plural(t.fixed, "finding"), t.fixed)
	case t.fixed > 0:
		fmt.Fprintf(w, "Found %s (%d fixed, %d remaining): %s%s.\n", plural(t.diags+t.fixed, "finding"), t.fixed, t.diags, t.breakdown(), gate)
	default:
		fmt.Fprintf(w, "Found %s: %s%s.\n", plural(t.diags, "finding"), t.breakdown(), gate)
	}
	if hint && t.fixable > 0 && !cf.fix {
		fmt.Fprintf(w, "[*] %d fixable with the `--fix` option.\n", t.fixable)
	}
}

// baselineSummary prints what the baseline named name left out, or, when
// it was updated, what it holds now.
func baselineSummary(w io.Writer, name string, r *baselineResult) {
	if r.updating {
		fmt.Fprintf(w, "Wrote %s to baseline %s (%d new, %d dropped).\n", plural(r.written, "finding"), name, r.added, r.gone)
		return
	}
	fmt.Fprintf(w, "Baseline %s: %s not reported", name, plural(r.known, "known finding"))
	if r.gone > 0 {
		fmt.Fprintf(w, "; %d no longer found (--update-baseline drops them)", r.gone)
	}
	fmt.Fprintln(w, ".")
}

// printStatistics prints one line per rule: count, code, whether a safe
// fix exists for some finding, and the rule's name.
func printStatistics(w io.Writer, results []output.FileResult) {
	type stat struct {
		rule    *checks.Rule
		n       int
		fixable bool
	}
	by := map[string]*stat{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			s := by[d.Rule.Code]
			if s == nil {
				s = &stat{rule: d.Rule}
				by[d.Rule.Code] = s
			}
			s.n++
			if d.Fix != nil && d.Fix.Applicability == checks.Safe {
				s.fixable = true
			}
		}
	}
	var list []*stat
	for _, s := range by {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].rule.Code < list[j].rule.Code
	})
	for _, s := range list {
		mark := "   "
		if s.fixable {
			mark = "[*]"
		}
		fmt.Fprintf(w, "%5d\t%s\t%s %s\n", s.n, s.rule.Code, mark, s.rule.Name)
	}
}

// printFixes lists the fixes applied per file, as --show-fixes asks.
func printFixes(w io.Writer, outcomes []*fileOutcome) {
	fmt.Fprintln(w, "Fixed:")
	for _, o := range outcomes {
		if len(o.applied) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s:\n", o.path)
		for _, a := range o.applied {
			fmt.Fprintf(w, "    %d × %s (%s)\n", a.Count, a.Rule.Code, a.Rule.Name)
		}
	}
}
