package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// The tests here need control over timing that scripts do not have: a
// request that is still running when it is cancelled, and a check that is
// still running when the document changes.

func initializeAndOpen(t testing.TB, c *client, text string) {
	t.Helper()
	c.send(t, "initialize", json.RawMessage(`{"id": 1, "method": "initialize", "params": {"processId": null, "capabilities": {}}}`))
	c.expect(t, "initialize", json.RawMessage(`{"id": 1, "result": "$any"}`))
	open, _ := json.Marshal(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{
		"textDocument": map[string]any{"uri": "file:///w/a.py", "languageId": "python", "version": 1, "text": text}}})
	c.send(t, "didOpen", open)
}

func shutdownAndExit(t testing.TB, c *client) {
	t.Helper()
	c.send(t, "shutdown", json.RawMessage(`{"id": 99, "method": "shutdown"}`))
	c.expect(t, "shutdown", json.RawMessage(`{"id": 99, "result": null}`))
	c.send(t, "exit", json.RawMessage(`{"method": "exit"}`))
	c.wait(t, "exit", 0)
}

func TestCancelRequest(t *testing.T) {
	s := newServer(Options{Log: testLog{t}})
	// Hover waits until it is cancelled; other requests run at once.
	s.testHookRun = func(ctx context.Context, method string) {
		if method == "textDocument/hover" {
			<-ctx.Done()
		}
	}
	c := startServer(s)
	defer c.stop()
	initializeAndOpen(t, c, "import ast\nast.Num\n")
	c.expect(t, "publish", json.RawMessage(`{"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/a.py", "version": 1, "diagnostics": "$any"}}`))
	c.send(t, "hover", json.RawMessage(`{"id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///w/a.py"}, "position": {"line": 1, "character": 0}}}`))
	// Cancelling a request that is not running, or that never was,
	// does nothing.
	c.send(t, "cancel", json.RawMessage(`{"method": "$/cancelRequest", "params": {"id": 77}}`))
	c.send(t, "cancel", json.RawMessage(`{"method": "$/cancelRequest", "params": {"id": "x"}}`))
	c.send(t, "cancel", json.RawMessage(`{"method": "$/cancelRequest", "params": {"id": 2}}`))
	c.expect(t, "hover", json.RawMessage(`{"id": 2, "error": {"code": -32800, "message": "the request was cancelled"}}`))
	// A request with the same id afterwards is a new request.
	s.testHookRun = nil
	c.send(t, "code action", json.RawMessage(`{"id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///w/a.py"}, "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "context": {"diagnostics": []}}}`))
	c.expect(t, "code action", json.RawMessage(`{"id": 2, "result": [{"title": "py314: Disable every problem with noqa comments", "command": "py314.addNoqa", "arguments": [{"uri": "file:///w/a.py", "version": 1}]}]}`))
	shutdownAndExit(t, c)
}

func TestStaleCheckNotPublished(t *testing.T) {
	s := newServer(Options{Log: testLog{t}})
	// The check of version 1 goes on until version 2 makes it stale.
	s.testHookLint = func(ctx context.Context, sn *snapshot) {
		if sn.version == 1 {
			<-ctx.Done()
		}
	}
	c := startServer(s)
	defer c.stop()
	initializeAndOpen(t, c, "import ast\nast.Num\n")
	c.send(t, "change", json.RawMessage(`{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///w/a.py", "version": 2}, "contentChanges": [{"text": "import ast\n"}]}}`))
	// Only version 2 is published: wait checks that nothing else was.
	c.expect(t, "publish", json.RawMessage(`{"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/a.py", "version": 2, "diagnostics": []}}`))
	shutdownAndExit(t, c)
}

// blockingChecks makes the checks of the given versions wait, as checks
// that cannot be interrupted do, until released, whether stale or not.
// It records the versions checked.
type blockingChecks struct {
	mu      sync.Mutex
	checked []int
	started map[int]chan struct{}
	release map[int]chan struct{}
	end     chan struct{} // closed at the end of the test: releases all
}

func newBlockingChecks(versions ...int) *blockingChecks {
	b := &blockingChecks{started: map[int]chan struct{}{}, release: map[int]chan struct{}{}, end: make(chan struct{})}
	for _, v := range versions {
		b.started[v] = make(chan struct{})
		b.release[v] = make(chan struct{})
	}
	return b
}

func (b *blockingChecks) hook(ctx context.Context, sn *snapshot) {
	b.mu.Lock()
	b.checked = append(b.checked, sn.version)
	b.mu.Unlock()
	if c := b.started[sn.version]; c != nil {
		close(c)
		select {
		case <-b.release[sn.version]:
		case <-b.end:
		}
	}
}

// waitStarted waits for the check of version v to start.
func (b *blockingChecks) waitStarted(t *testing.T, v int) {
	t.Helper()
	select {
	case <-b.started[v]:
	case <-time.After(10 * time.Second):
		t.Fatalf("the check of version %d did not start", v)
	}
}

func change(t *testing.T, c *client, version int, text string) {
	t.Helper()
	msg, _ := json.Marshal(map[string]any{"method": "textDocument/didChange", "params": map[string]any{
		"textDocument":   map[string]any{"uri": "file:///w/a.py", "version": version},
		"contentChanges": []any{map[string]any{"text": text}},
	}})
	c.send(t, "change", msg)
}

func TestStaleSnapshotNotChecked(t *testing.T) {
	s := newServer(Options{Log: testLog{t}})
	// Version 1 becomes stale before its check starts parsing: it is
	// neither parsed nor checked.
	var first *snapshot
	s.testHookLint = func(ctx context.Context, sn *snapshot) {
		if sn.version == 1 {
			first = sn
			<-ctx.Done()
		}
	}
	c := startServer(s)
	defer c.stop()
	initializeAndOpen(t, c, "import ast\nast.Num\n")
	change(t, c, 2, "import ast\n")
	c.expect(t, "publish", json.RawMessage(`{"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/a.py", "version": 2, "diagnostics": []}}`))
	shutdownAndExit(t, c)
	if first == nil || first.a != nil {
		t.Errorf("the snapshot of version 1 was analyzed: %v", first)
	}
}

func TestBurstOfEdits(t *testing.T) {
	s := newServer(Options{Log: testLog{t}})
	b := newBlockingChecks(1)
	s.testHookLint = b.hook
	c := startServer(s)
	defer c.stop()
	defer close(b.end)
	initializeAndOpen(t, c, "import ast\nast.Num\n")
	b.waitStarted(t, 1)
	// While version 1 is checked, versions 2, 3 and 4 come: only the
	// newest of them is checked once the check of version 1 ends, and
	// only it is published.
	change(t, c, 2, "import ast\nast.Str\n")
	change(t, c, 3, "import ast\nast.Bytes\n")
	change(t, c, 4, "import ast\n")
	c.send(t, "ping", json.RawMessage(`{"id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///w/a.py"}, "position": {"line": 0, "character": 0}}}`))
	c.expect(t, "ping", json.RawMessage(`{"id": 5, "result": null}`)) // the changes were handled
	close(b.release[1])
	c.expect(t, "publish", json.RawMessage(`{"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/a.py", "version": 4, "diagnostics": []}}`))
	shutdownAndExit(t, c)
	if want := []int{1, 4}; !slices.Equal(b.checked, want) {
		t.Errorf("checked versions %v, want %v", b.checked, want)
	}
}

func TestCloseDropsRunningCheck(t *testing.T) {
	s := newServer(Options{Log: testLog{t}})
	started := make(chan struct{})
	s.testHookLint = func(ctx context.Context, sn *snapshot) {
		close(started)
		<-ctx.Done()
	}
	c := startServer(s)
	defer c.stop()
	initializeAndOpen(t, c, "import ast\nast.Num\n")
	<-started
	c.send(t, "close", json.RawMessage(`{"method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///w/a.py"}}}`))
	// The diagnostics are cleared, and the running check publishes
	// nothing after that.
	c.expect(t, "publish", json.RawMessage(`{"method": "textDocument/publishDiagnostics", "params": {"uri": "file:///w/a.py", "diagnostics": []}}`))
	shutdownAndExit(t, c)
}

func TestStreamTooLarge(t *testing.T) {
	in := "Content-Length: 40\r\n\r\n" + strings.Repeat("x", 40) +
		"Content-Length: 37\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\"}"
	var out bytes.Buffer
	st := newStream(strings.NewReader(in), &out, t.Logf)
	st.max = 37
	var m map[string]any
	if err := st.ReadObject(&m); err != nil {
		t.Fatal(err)
	}
	if m["method"] != "m" {
		t.Errorf("read %v, want the second message", m)
	}
	want := "Content-Length: 116\r\n\r\n" +
		`{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"a message of 40 bytes is larger than the limit of 37"}}`
	if out.String() != want {
		t.Errorf("wrote\n%q\nwant\n%q", out.String(), want)
	}
	if err := st.ReadObject(&m); err != io.EOF {
		t.Errorf("at the end: %v, want EOF", err)
	}
}

func TestStreamTruncated(t *testing.T) {
	for _, in := range []string{"Content-Length: 50\r\n\r\n{}", "Content-Length: 5\r\n", "Content-Le"} {
		var out bytes.Buffer
		st := newStream(strings.NewReader(in), &out, t.Logf)
		var m map[string]any
		if err := st.ReadObject(&m); err != io.ErrUnexpectedEOF {
			t.Errorf("%q: %v, want ErrUnexpectedEOF", in, err)
		}
		if out.Len() > 0 {
			t.Errorf("%q: wrote %q", in, out.String())
		}
	}
}

func TestStreamResynchronizes(t *testing.T) {
	// A Content-Length one byte too small leaves "}" before the next
	// header; the next message is still read.
	in := "Content-Length: 10\r\n\r\n{\"id\": 10}}Content-Length: 37\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\"}"
	var out bytes.Buffer
	st := newStream(strings.NewReader(in), &out, t.Logf)
	var m map[string]any
	if err := st.ReadObject(&m); err != nil {
		t.Fatal(err)
	}
	if m["id"] != 10.0 {
		t.Errorf("first message %v", m)
	}
	m = nil
	if err := st.ReadObject(&m); err != nil {
		t.Fatal(err)
	}
	if m["method"] != "m" {
		t.Errorf("second message %v", m)
	}
}

// testSnapshot returns a snapshot of text checked with the default
// settings, its positions in UTF-16.
func testSnapshot(t testing.TB, text string) (*server, *snapshot) {
	t.Helper()
	s := newServer(Options{Log: testLog{t}})
	r, err := editorSettings{}.resolver(s.rules)
	if err != nil {
		t.Fatal(err)
	}
	s.resolver = r
	s.client.encoding = encodingUTF16
	return s, s.newSnapshot("file:///w/a.py", "python", 1, []byte(text))
}

func TestNoqaAfterMultiLineString(t *testing.T) {
	// The check parses without tokens; the noqa edit still goes after
	// the string that the flagged line starts.
	s, sn := testSnapshot(t, "import ast\nx = ast.Num(1) if \"\"\"\n\"\"\" else 0\n")
	a := sn.analyze()
	if len(a.diags) != 1 {
		t.Fatalf("diagnostics %v, want one", a.diags)
	}
	d := a.diags[0]
	edits, err := s.actionEdits(sn, &actionData{URI: sn.uri, Version: 1, Action: actionNoqa, Code: d.Rule.Code, Start: int(d.Span.Start), End: int(d.Span.End)})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(edits)
	want := `[{"range":{"start":{"line":2,"character":10},"end":{"line":2,"character":10}},"newText":"  # noqa: PY101"}]`
	if string(got) != want {
		t.Errorf("edits\n%s\nwant\n%s", got, want)
	}
}

// TestCheckStoppedMidway checks that a check that becomes stale while the
// rules run stops there and keeps nothing, so that nothing of it can be
// published, and that the next analysis of the snapshot checks it whole.
func TestCheckStoppedMidway(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	rule := &checks.Rule{Code: "XX001", Severity: checks.Warning, Default: true,
		Kinds: []ast.Kind{ast.KindName},
		Check: func(p *checks.Pass, n ast.Node) {
			calls++
			if calls == 10 {
				cancel() // a newer version arrived
			}
			p.Reportf(n, "name %s", n.(*ast.Name).Id)
		}}
	s := newServer(Options{Log: testLog{t}, Rules: []*checks.Rule{rule}})
	r, err := editorSettings{}.resolver(s.rules)
	if err != nil {
		t.Fatal(err)
	}
	s.resolver = r
	var src strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&src, "a%d\n", i)
	}
	sn := s.newSnapshot("file:///w/a.py", "python", 1, []byte(src.String()))

	if a, err := sn.analyzeContext(ctx); a != nil || err != context.Canceled {
		t.Fatalf("stale check: %v, %v; want nil, %v", a, err, context.Canceled)
	}
	if sn.a != nil {
		t.Errorf("the stopped check was kept: %d diagnostics", len(sn.a.diags))
	}
	// Stop is asked every 256 nodes: module, statement, name, ...; the
	// 10th name is node 20, and the check stops at node 256.
	if calls != 127 {
		t.Errorf("the rule ran %d times before the check stopped, want 127", calls)
	}
	calls = 0
	a := sn.analyze()
	if calls != 1000 || len(a.diags) != 1000 || a.diags[999].Message != "name a999" {
		t.Errorf("the next analysis: %d calls, %d diagnostics; want 1000 of each, the last for a999", calls, len(a.diags))
	}
}
