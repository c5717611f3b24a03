package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/py314/py314/checks/config"
	readiness "github.com/py314/py314/checks/report"
	"github.com/py314/py314/checks/rules"
)

// reportFlags are the flags of py314 report.
type reportFlags struct {
	out, format                       string
	selectRules, extendSelect, ignore string
	targetVersion, configPath         string
}

func reportCommand() *command {
	var rf reportFlags
	return &command{
		name:    "report",
		summary: "write a readiness report for Python 3.14 as one HTML page or Markdown",
		usage:   "py314 report [flags] [PATH]",
		help: `Report checks the Python files under PATH (default: the current directory) as
py314 check does, with the same configuration, and writes a readiness report
for Python 3.14: a verdict per rule family (FT, DA, ZS, PY), the findings per
severity, a chart of the findings per top-level package, the worst files and
every finding with its source line, its rule's page and whether a safe fix
exists.

The HTML page is self-contained: styles and charts are inline, nothing is
fetched from the network. --format markdown writes Markdown for a pull-request
comment instead. The format defaults to markdown when the -o file ends in .md.

Exit status: 0 when the report was written, whatever it found; 2 for bad usage,
bad configuration, files that could not be read or an internal error.
`,
		setup: func(fs *flag.FlagSet) {
			fs.StringVar(&rf.out, "o", "", "write the report to this `file` instead of standard output")
			fs.StringVar(&rf.format, "format", "", "`format` of the report: html or markdown (default html, or markdown for an -o file ending in .md)")
			fs.StringVar(&rf.selectRules, "select", "", "comma-separated rule `selectors` to enable (codes, prefixes, names, ALL); replaces the configured selection")
			fs.StringVar(&rf.extendSelect, "extend-select", "", "comma-separated rule `selectors` to enable in addition")
			fs.StringVar(&rf.ignore, "ignore", "", "comma-separated rule `selectors` to disable")
			fs.StringVar(&rf.targetVersion, "target-version", "", "the oldest Python `version` the code must run on (py39 ... py315)")
			fs.StringVar(&rf.configPath, "config", "", "use this configuration `file` for every path")
		},
		run: func(c *command, e *env, fs *flag.FlagSet) int { return runReport(c, e, fs, &rf) },
	}
}

func runReport(c *command, e *env, fs *flag.FlagSet, rf *reportFlags) int {
	// Flags may follow the PATH, as in "py314 report src -o report.html".
	var paths []string
	for args := fs.Args(); len(args) > 0; args = fs.Args() {
		if args[0] == "--" {
			paths = append(paths, args[1:]...)
			break
		}
		paths = append(paths, args[0])
		if err := fs.Parse(args[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.printHelp(e.stdout)
				return exitOK
			}
			fmt.Fprintf(e.stderr, "usage: %s\nRun 'py314 %s --help' for details.\n", c.usage, c.name)
			return exitUsage
		}
	}
	if len(paths) > 1 {
		return c.usageError(e, "one PATH at most, got %d", len(paths))
	}
	format := rf.format
	if format == "" {
		format = "html"
		if ext := strings.ToLower(filepath.Ext(rf.out)); ext == ".md" || ext == ".markdown" {
			format = "markdown"
		}
	}
	var write func(*bytes.Buffer, *readiness.Input) error
	switch format {
	case "html":
		write = func(b *bytes.Buffer, in *readiness.Input) error { return readiness.HTML(b, in) }
	case "markdown":
		write = func(b *bytes.Buffer, in *readiness.Input) error { return readiness.Markdown(b, in) }
	default:
		return c.usageError(e, "unknown format %q (valid formats: html, markdown)", format)
	}
	root := "."
	if len(paths) == 1 {
		root = paths[0]
	}
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		if err == nil {
			err = errors.New("not a directory")
		}
		fmt.Fprintf(e.stderr, "py314 report: %s: %v\n", root, unwrapPathError(err))
		return exitUsage
	}

	o := config.Overrides{
		Source:        "command line",
		ConfigPath:    rf.configPath,
		ExtendSelect:  splitList(rf.extendSelect),
		Ignore:        splitList(rf.ignore),
		TargetVersion: rf.targetVersion,
	}
	if rf.selectRules != "" {
		o.Select = splitList(rf.selectRules)
	}
	resolver, err := config.NewResolver(rules.All(), o)
	if err != nil {
		fmt.Fprintf(e.stderr, "py314 report: %v\n", err)
		return exitUsage
	}
	settings, err := resolver.ForDir(root)
	if err != nil {
		fmt.Fprintf(e.stderr, "py314 report: %v\n", err)
		return exitUsage
	}
	status := exitOK
	found, err := discover(e, "report", resolver, []string{root}, false)
	if err != nil {
		status = exitUsage
	}
	outcomes := checkFiles(e, resolver, nil, found, &checkFlags{})

	absRoot, err := filepath.Abs(root)
	if err != nil {
		fmt.Fprintf(e.stderr, "py314 report: %v\n", err)
		return exitUsage
	}
	in := &readiness.Input{
		Project:    filepath.Base(absRoot),
		Version:    version(),
		Rules:      settings.Rules,
		DocsURL:    rules.DocsURL,
		FamilyName: rules.FamilyName,
	}
	rootIsPackage := isFile(filepath.Join(root, "__init__.py"))
	for _, o := range outcomes {
		if o.fatal != nil {
			fmt.Fprintf(e.stderr, "py314 report: %v\n", o.fatal)
			status = exitUsage
			continue
		}
		for _, msg := range o.errs {
			fmt.Fprintf(e.stderr, "py314 report: %s\n", msg)
			status = exitUsage
		}
		rel, err := filepath.Rel(root, o.path)
		if err != nil {
			rel = o.path
		}
		rel = filepath.ToSlash(rel)
		in.Files = append(in.Files, readiness.File{
			Path:        rel,
			Package:     topLevelPackage(root, rel, in.Project, rootIsPackage),
			File:        o.file,
			Diagnostics: o.diags,
		})
	}
	var buf bytes.Buffer
	if err := write(&buf, in); err != nil {
		fmt.Fprintf(e.stderr, "py314 report: %v\n", err)
		return exitUsage
	}
	if rf.out == "" || rf.out == "-" {
		e.stdout.Write(buf.Bytes())
		return status
	}
	if err := os.WriteFile(rf.out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "py314 report: %v\n", unwrapPathError(err))
		return exitUsage
	}
	return status
}

// topLevelPackage returns the top-level package or module of the file at
// rel (slash-separated, relative to root): its first path element, without
// the .py or .pyi of a module at the root. Under a "src" directory that is
// not a package itself (the src layout), the element below it counts.
// When the root is a package itself (it has an __init__.py), the package
// is named project and its modules and subpackages are shown below it:
// "project.module".
func topLevelPackage(root, rel, project string, rootIsPackage bool) string {
	parts := strings.Split(rel, "/")
	if len(parts) > 2 && parts[0] == "src" && !isFile(filepath.Join(root, "src", "__init__.py")) {
		parts = parts[1:]
	}
	name := parts[0]
	if len(parts) == 1 {
		name = strings.TrimSuffix(strings.TrimSuffix(name, ".pyi"), ".py")
	}
	if rootIsPackage {
		if name == "__init__" {
			return project
		}
		return project + "." + name
	}
	return name
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// unwrapPathError returns the error of a *fs.PathError without the path
// and operation, which the caller prints its own way.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
