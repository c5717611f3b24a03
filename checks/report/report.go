// Package report renders the readiness report of a code base for Python
// 3.14, as `py314 report` writes it: one self-contained HTML page (inline
// CSS and SVG, nothing fetched from the network, no script) or Markdown
// for a pull-request comment.
//
// The report gives a verdict per rule family, the counts per severity, a
// chart of the findings per top-level package, the worst files and every
// finding with its source line, a link to its rule's page and whether a
// safe fix exists. It holds no timestamp: the same input renders the same
// bytes.
package report

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

// A File is one checked file and what was found in it.
type File struct {
	// Path is the file's path relative to the report's root,
	// slash-separated.
	Path string
	// Package is the top-level package (or module) the file belongs to,
	// as the per-package chart groups files.
	Package string
	// File is the decoded source the diagnostics' spans point into. It
	// may be nil when there are no diagnostics.
	File        *token.File
	Diagnostics []checks.Diagnostic
}

// Input is what a report is made of.
type Input struct {
	// Project names the code base: the base name of the root directory.
	Project string
	// Version is py314's version.
	Version string
	// Files are every checked file, with or without findings.
	Files []File
	// Rules are the rules that were enabled. A family none of whose rules
	// was enabled is reported as not checked.
	Rules []*checks.Rule
	// DocsURL returns the address of a rule's page.
	DocsURL func(code string) string
	// FamilyName returns the title of a family ("FT": "Free threading").
	FamilyName func(family string) string
}

// Families lists the rule families in the order the report shows them.
var Families = []string{"FT", "DA", "ZS", "PY"}

// A Verdict is how ready a family, or the whole code base, is for
// Python 3.14.
type Verdict int

// The verdicts, from best to worst.
const (
	NotChecked Verdict = iota // no rule of the family was enabled
	Ready                     // nothing found
	Review                    // warnings or information only
	Blocked                   // at least one error: something breaks on 3.14
)

var verdictNames = [...]string{NotChecked: "Not checked", Ready: "Ready", Review: "Needs review", Blocked: "Blocked"}

// String returns "Not checked", "Ready", "Needs review" or "Blocked".
func (v Verdict) String() string { return verdictNames[v] }

// Class returns the CSS class of a verdict in the HTML page.
func (v Verdict) Class() string {
	return [...]string{NotChecked: "unchecked", Ready: "ready", Review: "review", Blocked: "blocked"}[v]
}

// counts are findings by severity.
type counts struct {
	Errors, Warnings, Info int
}

func (c counts) Total() int { return c.Errors + c.Warnings + c.Info }

func (c *counts) add(s checks.Severity) {
	switch s {
	case checks.Info:
		c.Info++
	case checks.Warning:
		c.Warnings++
	default:
		c.Errors++
	}
}

// verdict returns the verdict for counts of checked findings.
func (c counts) verdict() Verdict {
	switch {
	case c.Errors > 0:
		return Blocked
	case c.Total() > 0:
		return Review
	}
	return Ready
}

// A familyRow is one line of the verdict table.
type familyRow struct {
	Code, Name string
	Verdict    Verdict
	counts
	Files   int // files with a finding of the family
	Fixable int // findings with a safe fix
	Rules   int // enabled rules of the family
}

// A packageRow is one bar of the per-package chart.
type packageRow struct {
	Name     string
	Files    int
	ByFamily []int // parallel to model.families
	counts
}

// A fileRow is one line of the worst-files table.
type fileRow struct {
	Path, Anchor string
	counts
}

// A finding is one diagnostic as the report shows it.
type finding struct {
	Line, Column   int
	Code, RuleName string
	URL            string
	Severity       string
	Message        string
	// MessageParts is Message split at backquotes: code spans are Code.
	MessageParts []messagePart
	// The source line, split around the flagged part; Point marks an
	// empty flagged part (an insertion point, such as a missing colon).
	Before, Flagged, After string
	Point                  bool
	Fix                    string // "safe", "unsafe", "display-only" or ""
}

// A messagePart is a run of a message: plain text or a code span.
type messagePart struct {
	Text string
	Code bool
}

// splitCode splits a message at its backquoted code spans. An unpaired
// backquote is kept as text.
func splitCode(msg string) []messagePart {
	var out []messagePart
	for msg != "" {
		i := strings.IndexByte(msg, '`')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(msg[i+1:], '`')
		}
		if i < 0 || j < 0 {
			out = append(out, messagePart{Text: msg})
			break
		}
		if i > 0 {
			out = append(out, messagePart{Text: msg[:i]})
		}
		out = append(out, messagePart{Text: msg[i+1 : i+1+j], Code: true})
		msg = msg[i+j+2:]
	}
	return out
}

// A fileFindings is the findings of one file.
type fileFindings struct {
	Path, Anchor string
	Findings     []finding
}

// model is the report computed from an Input.
type model struct {
	Project, Version string
	Verdict          Verdict
	Headline         string
	Families         []familyRow
	Total            counts
	Fixable          int
	FilesChecked     int
	FilesAffected    int
	RulesEnabled     int
	Packages         []packageRow
	Worst            []fileRow
	Files            []fileFindings
	families         []string // the codes of Families, then any other prefix

	// For the HTML page only.
	Chart  template.HTML
	Legend []legendItem
}

// maxWorst is the number of files in the worst-files table.
const maxWorst = 10

// severityOf returns the severity a diagnostic is reported with.
func severityOf(d *checks.Diagnostic) checks.Severity {
	s := d.Severity
	if s == 0 && d.Rule != nil {
		s = d.Rule.Severity
	}
	if s < checks.Info || s > checks.Error {
		s = checks.Error
	}
	return s
}

// build computes the model of in. It fails for a diagnostic without a rule
// or a file with diagnostics but no source.
func build(in *Input) (*model, error) {
	m := &model{Project: in.Project, Version: in.Version, FilesChecked: len(in.Files), RulesEnabled: len(in.Rules)}
	familyName := in.FamilyName
	if familyName == nil {
		familyName = func(string) string { return "" }
	}
	docsURL := in.DocsURL
	if docsURL == nil {
		docsURL = func(string) string { return "" }
	}

	// The families: the four, then any other prefix met, sorted.
	m.families = append(m.families, Families...)
	index := map[string]int{}
	for i, f := range Families {
		index[f] = i
	}
	var extra []string
	note := func(f string) {
		if _, ok := index[f]; !ok {
			index[f] = -1
			extra = append(extra, f)
		}
	}
	for _, r := range in.Rules {
		note(r.Family())
	}
	files := append([]File(nil), in.Files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for _, f := range files {
		for i := range f.Diagnostics {
			d := &f.Diagnostics[i]
			if d.Rule == nil {
				return nil, fmt.Errorf("report: %s: diagnostic without a rule: %s", f.Path, d.Message)
			}
			note(d.Rule.Family())
		}
		if len(f.Diagnostics) > 0 && f.File == nil {
			return nil, fmt.Errorf("report: %s: diagnostics without a source file", f.Path)
		}
	}
	sort.Strings(extra)
	for _, f := range extra {
		index[f] = len(m.families)
		m.families = append(m.families, f)
	}
	m.Families = make([]familyRow, len(m.families))
	for i, f := range m.families {
		m.Families[i] = familyRow{Code: f, Name: familyName(f)}
	}
	for _, r := range in.Rules {
		m.Families[index[r.Family()]].Rules++
	}

	packages := map[string]*packageRow{}
	for fi, f := range files {
		anchor := fmt.Sprintf("file-%d", fi+1)
		p := packages[f.Package]
		if p == nil {
			p = &packageRow{Name: f.Package, ByFamily: make([]int, len(m.families))}
			packages[f.Package] = p
		}
		p.Files++
		if len(f.Diagnostics) == 0 {
			continue
		}
		m.FilesAffected++
		diags := append([]checks.Diagnostic(nil), f.Diagnostics...)
		sort.SliceStable(diags, func(i, j int) bool {
			a, b := &diags[i], &diags[j]
			if a.Span.Start != b.Span.Start {
				return a.Span.Start < b.Span.Start
			}
			return a.Rule.Code < b.Rule.Code
		})
		row := fileRow{Path: f.Path, Anchor: anchor}
		ff := fileFindings{Path: f.Path, Anchor: anchor}
		touched := map[int]bool{}
		for i := range diags {
			d := &diags[i]
			sev := severityOf(d)
			fam := index[d.Rule.Family()]
			fr := &m.Families[fam]
			fr.add(sev)
			if !touched[fam] {
				touched[fam] = true
				fr.Files++
			}
			safe := d.Fix != nil && d.Fix.Applicability == checks.Safe
			if safe {
				fr.Fixable++
				m.Fixable++
			}
			m.Total.add(sev)
			p.add(sev)
			p.ByFamily[fam]++
			row.add(sev)
			ff.Findings = append(ff.Findings, makeFinding(f.File, d, sev, docsURL))
		}
		m.Worst = append(m.Worst, row)
		m.Files = append(m.Files, ff)
	}
	for i := range m.Families {
		fr := &m.Families[i]
		fr.Verdict = fr.verdict()
		if fr.Rules == 0 && fr.Total() == 0 {
			fr.Verdict = NotChecked
		}
		if fr.Verdict > m.Verdict {
			m.Verdict = fr.Verdict
		}
	}
	if m.Verdict == NotChecked {
		m.Verdict = Ready
	}
	m.Headline = headline(m)

	for _, p := range packages {
		m.Packages = append(m.Packages, *p)
	}
	sort.Slice(m.Packages, func(i, j int) bool {
		a, b := &m.Packages[i], &m.Packages[j]
		if a.Total() != b.Total() {
			return a.Total() > b.Total()
		}
		return a.Name < b.Name
	})
	sort.SliceStable(m.Worst, func(i, j int) bool {
		a, b := &m.Worst[i], &m.Worst[j]
		switch {
		case a.Errors != b.Errors:
			return a.Errors > b.Errors
		case a.Warnings != b.Warnings:
			return a.Warnings > b.Warnings
		case a.Info != b.Info:
			return a.Info > b.Info
		}
		return a.Path < b.Path
	})
	if len(m.Worst) > maxWorst {
		m.Worst = m.Worst[:maxWorst]
	}
	return m, nil
}

// headline returns the sentence under the verdict.
func headline(m *model) string {
	switch m.Verdict {
	case Blocked:
		s := fmt.Sprintf("%s %s on Python 3.14", plural(m.Total.Errors, "finding"), verb(m.Total.Errors, "breaks", "break"))
		if n := m.Total.Warnings + m.Total.Info; n > 0 {
			return s + fmt.Sprintf("; %s to review.", plural(n, "more finding"))
		}
		return s + "."
	case Review:
		return fmt.Sprintf("Nothing found that breaks on Python 3.14; %s to review.", plural(m.Total.Total(), "finding"))
	}
	return "Nothing found that stands between this code and Python 3.14."
}

// plural returns "1 thing" or "n things" ("fixes" for "fix").
func plural(n int, s string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, s)
	}
	if strings.HasSuffix(s, "x") || strings.HasSuffix(s, "s") {
		return fmt.Sprintf("%d %ses", n, s)
	}
	return fmt.Sprintf("%d %ss", n, s)
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// maxSourceLine is the most characters of a source line a finding shows.
const maxSourceLine = 160

// makeFinding returns the finding of d in f.
func makeFinding(f *token.File, d *checks.Diagnostic, sev checks.Severity, docsURL func(string) string) finding {
	start, end := clamp(f, d.Span.Start), clamp(f, d.Span.End)
	line, _ := f.LineCol(start)
	ls := f.LineStart(line)
	le := ls
	for int(le) < len(f.Src) && f.Src[le] != '\n' && f.Src[le] != '\r' {
		le++
	}
	if end > le {
		end = le
	}
	if end < start {
		end = start
	}
	before, flagged, after := string(f.Src[ls:start]), string(f.Src[start:end]), string(f.Src[end:le])
	before, flagged, after = fitLine(before, flagged, after)
	out := finding{
		Line:         line,
		Column:       utf8.RuneCount(f.Src[ls:start]) + 1,
		Code:         d.Rule.Code,
		RuleName:     d.Rule.Name,
		URL:          docsURL(d.Rule.Code),
		Severity:     sev.String(),
		Message:      d.Message,
		MessageParts: splitCode(d.Message),
		Before:       before,
		Flagged:      flagged,
		After:        after,
		Point:        flagged == "",
	}
	if d.Fix != nil {
		out.Fix = d.Fix.Applicability.String()
	}
	return out
}

// fitLine shortens a source line split in three to about maxSourceLine
// characters, keeping the flagged part in view and marking cuts with "…".
func fitLine(before, flagged, after string) (string, string, string) {
	before = strings.TrimLeft(strings.ReplaceAll(before, "\t", "    "), " ")
	after = strings.TrimRight(after, " \t")
	if n := utf8.RuneCountInString(flagged); n > maxSourceLine {
		return "", cut(flagged, maxSourceLine-1) + "…", ""
	}
	room := maxSourceLine - utf8.RuneCountInString(flagged)
	if n := utf8.RuneCountInString(before); n > room/2 {
		r := []rune(before)
		before = "…" + string(r[n-room/2+1:])
	}
	room -= utf8.RuneCountInString(before)
	if n := utf8.RuneCountInString(after); n > room {
		after = cut(after, max(room-1, 0)) + "…"
	}
	return before, flagged, after
}

// cut returns the first n characters of s.
func cut(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

func clamp(f *token.File, p token.Pos) token.Pos {
	if p < 0 {
		return 0
	}
	if int(p) > len(f.Src) {
		return token.Pos(len(f.Src))
	}
	return p
}
