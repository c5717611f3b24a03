package lsp

import (
	"context"
	"strings"
	"sync"

	protocol "github.com/sourcegraph/go-lsp"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/config"
	"github.com/py314/py314/fixes"
	"github.com/py314/py314/parser"
)

// A snapshot is one version of an open document, with the settings it is
// checked with. It never changes: an edit or a change of settings makes a
// new snapshot. Background goroutines share snapshots; the analysis and the
// position mapper are computed once, by whichever needs them first.
type snapshot struct {
	uri        protocol.DocumentURI
	path       string // for configuration lookup and messages
	languageID string
	version    int
	id         uint64 // unique in the session: the result id of pull diagnostics
	text       []byte // the document's text; never modified
	encoding   string // the session's position encoding
	resolver   *config.Resolver
	report     func(path string, errs []checks.RuleError)

	mapOnce sync.Once
	m       *mapper

	analysisMu sync.Mutex // held while the analysis is computed
	a          *analysis

	tokensOnce sync.Once
	tokens     *parser.File
}

// analysis is what checking a snapshot gave.
type analysis struct {
	file      *parser.File // parsed without tokens: see tokenFile
	settings  config.Settings
	diags     []checks.Diagnostic
	configErr error // the settings could not be found; nothing was checked
}

// mapper returns the position mapper of the snapshot's text.
func (sn *snapshot) mapper() *mapper {
	sn.mapOnce.Do(func() { sn.m = newMapper(sn.text, sn.encoding) })
	return sn.m
}

// isPython reports whether the document is Python: by its language, or
// by its file name when the client gives no language.
func (sn *snapshot) isPython() bool {
	switch sn.languageID {
	case "python":
		return true
	case "":
		return strings.HasSuffix(sn.path, ".py") || strings.HasSuffix(sn.path, ".pyi")
	}
	return false
}

// analyze parses and checks the snapshot, once.
func (sn *snapshot) analyze() *analysis {
	a, _ := sn.analyzeContext(context.Background())
	return a
}

// analyzeContext is analyze for the linter, which may give up on a
// snapshot that a newer edit made stale: when ctx is done before the
// parse, before the check or during the check (which polls it between
// rules), it stops there and returns ctx's error, and the next caller
// starts over: an interrupted check is never kept.
func (sn *snapshot) analyzeContext(ctx context.Context) (*analysis, error) {
	sn.analysisMu.Lock()
	defer sn.analysisMu.Unlock()
	if sn.a != nil {
		return sn.a, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a := &analysis{}
	a.settings, a.configErr = sn.resolver.For(sn.path)
	// Only noqa edits need the tokens, and they are asked for far less
	// often than the document changes: tokenFile parses again for them.
	a.file = parser.ParseSource(sn.path, sn.text, parser.Options{})
	if a.configErr == nil && sn.isPython() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		diags, ok := sn.lintUnless(ctx, a.settings, a.file)
		if !ok {
			return nil, ctx.Err()
		}
		a.diags = diags
	}
	sn.a = a
	return a, nil
}

// tokenFile returns the snapshot's text parsed with every token, as
// checks.NoqaEdits needs it.
func (sn *snapshot) tokenFile() *parser.File {
	sn.tokensOnce.Do(func() {
		sn.tokens = parser.ParseSource(sn.path, sn.text, parser.Options{KeepTokens: true})
	})
	return sn.tokens
}

// lint runs the rules over f.
func (sn *snapshot) lint(settings config.Settings, f *parser.File) []checks.Diagnostic {
	diags, _ := sn.lintUnless(context.Background(), settings, f)
	return diags
}

// lintUnless runs the rules over f unless ctx is done first: then it
// stops them and reports false, and the diagnostics are not to be used.
func (sn *snapshot) lintUnless(ctx context.Context, settings config.Settings, f *parser.File) ([]checks.Diagnostic, bool) {
	s := settings.Settings // a copy: the resolver's settings are shared
	if done := ctx.Done(); done != nil {
		s.Stop = func() bool {
			select {
			case <-done:
				return true
			default:
				return false
			}
		}
	}
	res := checks.Run(f, s)
	if len(res.RuleErrors) > 0 && sn.report != nil {
		sn.report(sn.path, res.RuleErrors)
	}
	return res.Diagnostics, !res.Incomplete
}

// fixAll applies the fixes of at least applicability min to a fixpoint,
// as `py314 check --fix` does, and returns the edit that turns the text
// into the result, or nil when no fix applies. It also returns the
// fixes that were rolled back.
func (sn *snapshot) fixAll(min checks.Applicability) ([]protocol.TextEdit, []fixes.Bug) {
	a := sn.analyze()
	if a.configErr != nil || !sn.isPython() {
		return nil, nil
	}
	lint := func(f *parser.File) []checks.Diagnostic {
		if f == a.file {
			return a.diags
		}
		return sn.lint(a.settings, f)
	}
	res := fixes.Fix(a.file, lint, fixes.Options{Applicability: min, Fixable: a.settings.Fixable})
	return sn.replaceEdit(res.File.File.Src), res.Bugs
}

// hasFixes reports whether fixAll(min) has a fix to start from.
func (sn *snapshot) hasFixes(min checks.Applicability) bool {
	a := sn.analyze()
	return len(fixes.Select(a.diags, min, a.settings.Fixable)) > 0
}

// replaceEdit returns one edit that turns the snapshot's text into text:
// it replaces what lies between their common prefix and suffix, taken at
// character boundaries and never between "\r" and "\n". It returns nil
// when the texts are equal.
func (sn *snapshot) replaceEdit(text []byte) []protocol.TextEdit {
	old := sn.text
	if string(old) == string(text) {
		return nil
	}
	p := 0
	for p < len(old) && p < len(text) && old[p] == text[p] {
		p++
	}
	for p > 0 && (p < len(old) && !isBoundary(old, p) || p < len(text) && !isBoundary(text, p)) {
		p--
	}
	q := 0
	for q < len(old)-p && q < len(text)-p && old[len(old)-1-q] == text[len(text)-1-q] {
		q++
	}
	for q > 0 && (!isBoundary(old, len(old)-q) || !isBoundary(text, len(text)-q)) {
		q--
	}
	m := sn.mapper()
	return []protocol.TextEdit{{
		Range:   protocol.Range{Start: m.position(p), End: m.position(len(old) - q)},
		NewText: string(text[p : len(text)-q]),
	}}
}

// isBoundary reports whether a position may start or end an edit at
// offset i of b: at the start of a character, and not inside "\r\n".
func isBoundary(b []byte, i int) bool {
	if i <= 0 || i >= len(b) {
		return true
	}
	if b[i]&0xC0 == 0x80 {
		return false // a UTF-8 continuation byte
	}
	return b[i-1] != '\r' || b[i] != '\n'
}

// textEdits converts edits of the snapshot's text. Line breaks in the new
// text become the document's own, as fixes.Apply writes them.
func (sn *snapshot) textEdits(edits []checks.Edit) []protocol.TextEdit {
	m := sn.mapper()
	eol := fixes.LineEnding(sn.text)
	out := make([]protocol.TextEdit, len(edits))
	for i, e := range edits {
		out[i] = protocol.TextEdit{Range: m.rangeOf(e.Start, e.End), NewText: withLineEnding(e.New, eol)}
	}
	return out
}

// withLineEnding returns s with every line break written as eol.
func withLineEnding(s, eol string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if eol != "\n" {
		s = strings.ReplaceAll(s, "\n", eol)
	}
	return s
}
