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
// diagnostics.
//
// The newest version of a document wins. Each document has at most one
// check running. Scheduling a snapshot makes the running check stale: it
// stops at the next point where it can (before the parse, before the
// rules, before its diagnostics are converted; the rules themselves
// cannot be interrupted), its result is dropped, and the newest snapshot
// scheduled meanwhile is checked next, those in between never. A stale
// check is not given a second core to finish beside the newest one: in a
// burst of typing both cores would go to checks that are mostly stale, and
// the newest was measured to wait as long as it does in turn, longer when
// the machine is busy.
//
// Publications are in the order of the versions: a result is published
// only if no newer snapshot was scheduled and the document was not closed,
// and that test and the write are one step under publishMu. Scheduling
// never waits for a check or a write.
type linter struct {
	ctx context.Context
	s   *server

	publishMu sync.Mutex // held from the staleness test of a result to the end of its write

	mu      sync.Mutex // guards the fields below; never held while writing
	jobs    map[protocol.DocumentURI]*lintJob
	stopped bool
	wg      sync.WaitGroup
}

// lintJob is the state of one document's checks. The linter forgets it
// when no check runs.
type lintJob struct {
	uri     protocol.DocumentURI
	gen     uint64             // bumped by every schedule and close: results of older generations are stale
	next    *snapshot          // the snapshot to check when the running check ends, or nil
	running bool               // a check is running
	cancel  context.CancelFunc // makes the running check stale, or nil
}

// A lintRun is one check: of which snapshot, in which generation of its
// document.
type lintRun struct {
	sn     *snapshot
	gen    uint64
	ctx    context.Context // done when the run is stale
	cancel context.CancelFunc
}

func newLinter(ctx context.Context, s *server) *linter {
	return &linter{ctx: ctx, s: s, jobs: map[protocol.DocumentURI]*lintJob{}}
}

// schedule has sn checked and its diagnostics published, unless a newer
// snapshot of the document is scheduled first or the document is closed.
func (l *linter) schedule(sn *snapshot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return
	}
	j := l.jobs[sn.uri]
	if j == nil {
		j = &lintJob{uri: sn.uri}
		l.jobs[sn.uri] = j
	}
	j.gen++
	if j.cancel != nil {
		j.cancel()
		j.cancel = nil
	}
	if j.running {
		j.next = sn
		return
	}
	j.running = true
	l.wg.Add(1)
	go l.work(j, l.runLocked(j, sn))
}

// runLocked starts a run of sn in j's current generation.
func (l *linter) runLocked(j *lintJob, sn *snapshot) lintRun {
	ctx, cancel := context.WithCancel(l.ctx)
	j.cancel = cancel
	return lintRun{sn: sn, gen: j.gen, ctx: ctx, cancel: cancel}
}

// work does r, then the run of the newest snapshot scheduled meanwhile,
// until there is none.
func (l *linter) work(j *lintJob, r lintRun) {
	defer l.wg.Done()
	for {
		l.check(j, r)
		r.cancel()
		l.mu.Lock()
		sn := j.next
		j.next = nil
		if sn == nil || l.stopped {
			j.running = false
			j.cancel = nil
			if l.jobs[j.uri] == j {
				delete(l.jobs, j.uri)
			}
			l.mu.Unlock()
			return
		}
		r = l.runLocked(j, sn)
		l.mu.Unlock()
	}
}

// check analyzes the snapshot of r and publishes its diagnostics, unless
// r is stale by then.
func (l *linter) check(j *lintJob, r lintRun) {
	sn := r.sn
	if l.s.testHookLint != nil {
		l.s.testHookLint(r.ctx, sn)
	}
	a, err := sn.analyzeContext(r.ctx)
	if err != nil {
		return // stale
	}
	if a.configErr != nil {
		l.s.reportConfigError(a.configErr)
	}
	if r.ctx.Err() != nil {
		return
	}
	v := sn.version
	body, err := encodeNotification("textDocument/publishDiagnostics",
		publishDiagnosticsParams{URI: sn.uri, Version: &v, Diagnostics: l.s.diagnostics(sn)})
	if err != nil {
		l.s.log.Printf("publishing the diagnostics of %s: %v", sn.uri, err)
		return
	}
	l.publish(body, func() bool { return j.gen != r.gen })
}

// publish writes a notification unless the linter was stopped or stale
// says, under the linter's lock, that it is out of date.
func (l *linter) publish(body []byte, stale func() bool) {
	l.publishMu.Lock()
	defer l.publishMu.Unlock()
	l.mu.Lock()
	drop := l.stopped || stale()
	l.mu.Unlock()
	if !drop {
		l.s.send(body)
	}
}

// close forgets a closed document and clears its diagnostics. The
// results of its running checks are dropped.
func (l *linter) close(uri protocol.DocumentURI) {
	l.mu.Lock()
	if j := l.jobs[uri]; j != nil {
		j.gen++
		j.next = nil
		if j.cancel != nil {
			j.cancel()
			j.cancel = nil
		}
	}
	l.mu.Unlock()
	body, err := encodeNotification("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []diagnostic{}})
	if err != nil {
		l.s.log.Printf("clearing the diagnostics of %s: %v", uri, err)
		return
	}
	l.publish(body, func() bool { return false })
}

// stop makes every running check stale, stops the workers and waits for
// them. Nothing is published afterwards.
func (l *linter) stop() {
	// Under publishMu too, so that a write under way ends first.
	l.publishMu.Lock()
	l.mu.Lock()
	l.stopped = true
	for _, j := range l.jobs {
		j.next = nil
		if j.cancel != nil {
			j.cancel()
			j.cancel = nil
		}
	}
	l.mu.Unlock()
	l.publishMu.Unlock()
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
