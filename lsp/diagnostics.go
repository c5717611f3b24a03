package lsp

import (
	"context"
	"strings"
	"sync"

	protocol "github.com/sourcegraph/go-lsp"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/rules"
)

// A linter checks documents in the background and publishes their
// diagnostics. Each document has at most one worker at a time; scheduling
// a newer snapshot while one is being checked makes the running check
// stale: its result is dropped, and the worker goes on with the newest
// snapshot. Publishing happens under the linter's lock, so a stale result
// is never published after a newer snapshot was scheduled or the document
// was closed.
type linter struct {
	ctx context.Context
	s   *server

	mu      sync.Mutex
	jobs    map[protocol.DocumentURI]*lintJob
	stopped bool
	wg      sync.WaitGroup
}

// lintJob is the state of one document's worker.
type lintJob struct {
	next    *snapshot          // the snapshot to check next, or nil
	running bool               // a worker is running
	cancel  context.CancelFunc // makes the running check stale
}

func newLinter(ctx context.Context, s *server) *linter {
	return &linter{ctx: ctx, s: s, jobs: map[protocol.DocumentURI]*lintJob{}}
}

// schedule has sn checked and its diagnostics published, unless a newer
// snapshot of the document is scheduled first.
func (l *linter) schedule(sn *snapshot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return
	}
	j := l.jobs[sn.uri]
	if j == nil {
		j = &lintJob{}
		l.jobs[sn.uri] = j
	}
	j.next = sn
	if j.cancel != nil {
		j.cancel()
	}
	if !j.running {
		j.running = true
		l.wg.Add(1)
		go l.work(sn.uri, j)
	}
}

func (l *linter) work(uri protocol.DocumentURI, j *lintJob) {
	defer l.wg.Done()
	for {
		l.mu.Lock()
		sn := j.next
		j.next = nil
		if sn == nil || l.stopped {
			j.running = false
			j.cancel = nil
			if l.jobs[uri] == j {
				delete(l.jobs, uri)
			}
			l.mu.Unlock()
			return
		}
		ctx, cancel := context.WithCancel(l.ctx)
		j.cancel = cancel
		l.mu.Unlock()

		l.check(ctx, sn)
		cancel()
	}
}

// check analyzes sn and publishes its diagnostics if the result is not
// stale by then.
func (l *linter) check(ctx context.Context, sn *snapshot) {
	if l.s.testHookLint != nil {
		l.s.testHookLint(ctx, sn)
	}
	a := sn.analyze()
	if a.configErr != nil {
		l.s.reportConfigError(a.configErr)
	}
	diags := l.s.diagnostics(sn)
	l.mu.Lock()
	defer l.mu.Unlock()
	if ctx.Err() != nil || l.stopped {
		return
	}
	v := sn.version
	l.s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: sn.uri, Version: &v, Diagnostics: diags})
}

// close forgets a closed document and clears its diagnostics.
func (l *linter) close(uri protocol.DocumentURI) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if j := l.jobs[uri]; j != nil {
		j.next = nil
		if j.cancel != nil {
			j.cancel()
		}
	}
	if l.stopped {
		return
	}
	l.s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []diagnostic{}})
}

// stop makes every running check stale, stops the workers and waits for
// them. Nothing is published afterwards.
func (l *linter) stop() {
	l.mu.Lock()
	l.stopped = true
	for _, j := range l.jobs {
		j.next = nil
		if j.cancel != nil {
			j.cancel()
		}
	}
	l.mu.Unlock()
	l.wg.Wait()
}

// diagnostics returns the snapshot's diagnostics in LSP form.
func (s *server) diagnostics(sn *snapshot) []diagnostic {
	a := sn.analyze()
	out := make([]diagnostic, 0, len(a.diags))
	for _, d := range a.diags {
		out = append(out, sn.protocolDiagnostic(d))
	}
	return out
}

// protocolDiagnostic converts one diagnostic of the snapshot.
func (sn *snapshot) protocolDiagnostic(d checks.Diagnostic) diagnostic {
	pd := diagnostic{
		Range:           sn.mapper().rangeOf(d.Span.Start, d.Span.End),
		Severity:        severity(d.Severity),
		Code:            d.Rule.Code,
		CodeDescription: &codeDescription{Href: rules.DocsURL(d.Rule.Code)},
		Source:          "py314",
		Message:         d.Message,
	}
	if d.Rule == checks.UnusedSuppressionRule {
		pd.Tags = []int{tagUnnecessary}
	}
	if f := d.Fix; f != nil {
		pd.Data = &diagnosticData{Fix: &fixData{
			Title:         f.Title,
			Applicability: f.Applicability.String(),
			Edits:         sn.textEdits(f.Edits),
		}}
	}
	return pd
}

func severity(s checks.Severity) protocol.DiagnosticSeverity {
	switch s {
	case checks.Error:
		return protocol.Error
	case checks.Warning:
		return protocol.Warning
	}
	return protocol.Information
}

// reportConfigError shows a configuration error, once.
func (s *server) reportConfigError(err error) {
	if s.once("config: " + err.Error()) {
		s.log.Print(err)
		s.showMessage(protocol.MTError, "py314: "+err.Error())
	}
}

// forgetConfigErrors lets configuration errors be shown again, after the
// configuration changed.
func (s *server) forgetConfigErrors() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.reported {
		if strings.HasPrefix(k, "config: ") {
			delete(s.reported, k)
		}
	}
}
