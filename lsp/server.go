// Package lsp is py314's language server: it shows py314's diagnostics in
// an editor as the code changes, and offers the fixes as code actions.
//
// The server speaks LSP 3.17 over a pair of streams (JSON-RPC 2.0 with
// Content-Length framing). One goroutine reads the messages and handles
// them in order: the lifecycle, text synchronization and configuration
// change the session there, so that edits are applied in the order they
// were made. Linting runs on immutable snapshots of the documents in the
// background, one check per document at a time; a newer edit makes the
// running check's result stale and is checked next (see linter).
// Requests (code actions, hover, pull diagnostics, commands) take the
// snapshot current when they arrive and run in their own goroutines, so
// that $/cancelRequest can stop them.
//
// Positions are byte offsets everywhere in py314 except here: mapper.go
// converts them to the position encoding negotiated with the client,
// UTF-8 when the client offers it and UTF-16 otherwise.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	protocol "github.com/sourcegraph/go-lsp"
	"github.com/sourcegraph/jsonrpc2"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/config"
	"github.com/py314/py314/checks/rules"
)

// Options configure a server.
type Options struct {
	// Version is the server version reported to the client.
	Version string
	// Rules are the rules the server knows; nil means rules.All().
	Rules []*checks.Rule
	// Log receives the server's own log; nil discards it. The protocol's
	// stream is never used for it.
	Log io.Writer
}

// ErrNoShutdown is returned by Serve when the client ended the session
// with exit before asking for shutdown.
var ErrNoShutdown = errors.New("exit before shutdown")

// ErrDisconnected is returned by Serve when the input ended before the
// client sent exit.
var ErrDisconnected = errors.New("the client closed the connection without exit")

// Serve runs a language server session that reads messages from in and
// writes messages to out, until the client sends exit, the input ends or
// ctx is cancelled. It returns nil when the client asked for shutdown and
// then sent exit, as the LSP requires for a successful exit, ErrNoShutdown
// when it sent exit without shutdown, and ErrDisconnected, ctx.Err() or a
// read error otherwise. The caller owns in and out; Serve closes in if it
// is an io.Closer, so that reading stops.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	s := newServer(opts)
	return s.serve(ctx, in, out)
}

// phase is where a session is in its lifecycle.
type phase uint8

const (
	phaseStarted     phase = iota // before initialize
	phaseInitialized              // after initialize
	phaseShutDown                 // after shutdown
)

// server is one session. The fields in the first two groups are set
// before the first message is handled, those in the third by initialize,
// and none of them changes afterwards. The fourth is the session, changed
// by the messages in the order they come; the rest are shared with the
// background goroutines and guarded.
type server struct {
	opts  Options
	rules []*checks.Rule
	log   *log.Logger

	stream *stream
	conn   *jsonrpc2.Conn
	ready  chan struct{}   // closed once conn is set
	ctx    context.Context // cancelled when the session ends
	exit   chan error      // receives Serve's result at exit
	wg     sync.WaitGroup  // background goroutines
	linter *linter

	client clientFeatures
	root   string // the workspace's directory, or ""

	// sessionMu guards the session: the dispatcher holds it while it
	// handles a message, and background goroutines that change settings
	// take it too.
	sessionMu sync.Mutex
	phase     phase
	exited    bool
	docs      map[protocol.DocumentURI]*snapshot
	settings  editorSettings
	resolver  *config.Resolver
	nextID    uint64 // of the next snapshot

	mu       sync.Mutex
	inflight map[jsonrpc2.ID]context.CancelFunc
	reported map[string]bool // rule failures and configuration errors already shown

	// testHookRun, if set, runs at the start of every background
	// request, and testHookLint before every background check.
	testHookRun  func(ctx context.Context, method string)
	testHookLint func(ctx context.Context, sn *snapshot)
}

// clientFeatures are what the client said it supports at initialize.
type clientFeatures struct {
	encoding          string // the position encoding
	pull              bool   // the client pulls diagnostics
	refresh           bool   // workspace/diagnostic/refresh
	literals          bool   // code action literals (not only commands)
	resolve           bool   // codeAction/resolve computes the edit
	documentChanges   bool   // versioned edits in WorkspaceEdit
	applyEdit         bool   // workspace/applyEdit
	configuration     bool   // workspace/configuration
	watchRegistration bool   // dynamic registration of didChangeWatchedFiles
	markdown          bool   // hover in Markdown
}

func newServer(opts Options) *server {
	s := &server{
		opts:     opts,
		rules:    opts.Rules,
		exit:     make(chan error, 1),
		ready:    make(chan struct{}),
		docs:     map[protocol.DocumentURI]*snapshot{},
		inflight: map[jsonrpc2.ID]context.CancelFunc{},
		reported: map[string]bool{},
	}
	if s.rules == nil {
		s.rules = rules.All()
	}
	w := opts.Log
	if w == nil {
		w = io.Discard
	}
	s.log = log.New(w, "py314 lsp: ", log.LstdFlags)
	return s
}

func (s *server) serve(ctx context.Context, in io.Reader, out io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.ctx = ctx
	s.linter = newLinter(ctx, s)
	s.stream = newStream(in, out, s.log.Printf)
	s.conn = jsonrpc2.NewConn(ctx, s.stream, s, jsonrpc2.SetLogger(s.log))
	close(s.ready)
	var err error
	select {
	case err = <-s.exit:
	case <-s.conn.DisconnectNotify():
		// The exit notification may have come just before the end.
		select {
		case err = <-s.exit:
		default:
			err = ErrDisconnected
		}
	case <-ctx.Done():
		err = ctx.Err()
	}
	s.linter.stop()
	cancel()
	s.conn.Close()
	s.wg.Wait()
	return err
}

// Handle handles one message; the connection calls it for each message in
// turn. It implements jsonrpc2.Handler.
func (s *server) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	<-s.ready
	defer func() {
		if v := recover(); v != nil {
			msg := fmt.Sprintf("internal error handling %s: %v", req.Method, v)
			s.log.Printf("%s\n%s", msg, debug.Stack())
			s.logMessage(protocol.MTError, msg)
			if !req.Notif {
				s.replyError(req.ID, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: msg})
			}
		}
	}()
	s.sessionMu.Lock()
	defer s.sessionMu.Unlock()
	if s.exited {
		return
	}
	if req.Notif {
		s.notification(req)
		return
	}
	s.request(req)
}

// A backgroundFunc computes the result of a request away from the
// dispatcher. It should stop early when ctx is cancelled.
type backgroundFunc func(ctx context.Context) (any, error)

func (s *server) request(req *jsonrpc2.Request) {
	switch {
	case s.phase == phaseStarted && req.Method != "initialize":
		s.replyError(req.ID, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "the server is not initialized"})
		return
	case s.phase == phaseShutDown:
		s.replyError(req.ID, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shut down"})
		return
	case s.phase == phaseInitialized && req.Method == "initialize":
		s.replyError(req.ID, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is already initialized"})
		return
	}
	var result any
	var run backgroundFunc
	var err error
	params := req.Params
	switch req.Method {
	case "initialize":
		result, err = s.initialize(params)
	case "shutdown":
		result, err = s.shutdown()
	case "textDocument/codeAction":
		run, err = s.codeAction(params)
	case "codeAction/resolve":
		run, err = s.resolveCodeAction(params)
	case "textDocument/hover":
		run, err = s.hover(params)
	case "textDocument/diagnostic":
		run, err = s.documentDiagnostic(params)
	case "workspace/executeCommand":
		run, err = s.executeCommand(params)
	default:
		err = &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	}
	if err != nil || run == nil {
		s.reply(req.ID, result, err)
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	s.mu.Lock()
	s.inflight[req.ID] = cancel
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			s.mu.Lock()
			delete(s.inflight, req.ID)
			s.mu.Unlock()
			cancel()
		}()
		if s.testHookRun != nil {
			s.testHookRun(ctx, req.Method)
		}
		result, err := s.runSafely(ctx, req.Method, run)
		if ctx.Err() != nil && s.ctx.Err() == nil {
			result, err = nil, &jsonrpc2.Error{Code: codeRequestCancelled, Message: "the request was cancelled"}
		}
		s.reply(req.ID, result, err)
	}()
}

// runSafely runs f, turning a panic into an error.
func (s *server) runSafely(ctx context.Context, method string, f backgroundFunc) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			msg := fmt.Sprintf("internal error handling %s: %v", method, v)
			s.log.Printf("%s\n%s", msg, debug.Stack())
			s.logMessage(protocol.MTError, msg)
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: msg}
		}
	}()
	if ctx.Err() != nil {
		return nil, nil
	}
	return f(ctx)
}

func (s *server) notification(req *jsonrpc2.Request) {
	if req.Method == "exit" {
		s.exited = true
		if s.phase == phaseShutDown {
			s.exit <- nil
		} else {
			s.exit <- ErrNoShutdown
		}
		return
	}
	if s.phase != phaseInitialized {
		return // the LSP drops notifications before initialize and after shutdown
	}
	var err error
	params := req.Params
	switch req.Method {
	case "initialized":
		s.initialized()
	case "$/cancelRequest":
		err = s.cancelRequest(params)
	case "textDocument/didOpen":
		err = s.didOpen(params)
	case "textDocument/didChange":
		err = s.didChange(params)
	case "textDocument/didSave":
		err = s.didSave(params)
	case "textDocument/didClose":
		err = s.didClose(params)
	case "workspace/didChangeConfiguration":
		err = s.didChangeConfiguration(params)
	case "workspace/didChangeWatchedFiles":
		err = s.didChangeWatchedFiles(params)
	default:
		// The LSP asks servers to ignore the notifications they do not
		// handle.
	}
	if err != nil {
		msg := err.Error()
		var e *jsonrpc2.Error
		if errors.As(err, &e) {
			msg = e.Message
		}
		s.log.Printf("%s: %s", req.Method, msg)
		s.logMessage(protocol.MTError, req.Method+": "+msg)
	}
}

func (s *server) cancelRequest(raw *json.RawMessage) error {
	var p struct {
		ID jsonrpc2.ID `json:"id"`
	}
	if err := decode(raw, &p); err != nil {
		return err
	}
	s.mu.Lock()
	cancel := s.inflight[p.ID]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	return nil
}

// ---------------------------------------------------------------------------
// Messages to the client

func (s *server) reply(id jsonrpc2.ID, result any, err error) {
	if err != nil {
		var e *jsonrpc2.Error
		if !errors.As(err, &e) {
			e = &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
		}
		s.replyError(id, e)
		return
	}
	if err := s.conn.Reply(s.ctx, id, result); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.log.Printf("replying to %s: %v", id, err)
	}
}

func (s *server) replyError(id jsonrpc2.ID, e *jsonrpc2.Error) {
	if err := s.conn.ReplyWithError(s.ctx, id, e); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.log.Printf("replying to %s: %v", id, err)
	}
}

// notify sends a notification.
func (s *server) notify(method string, params any) {
	body, err := encodeNotification(method, params)
	if err != nil {
		s.log.Printf("sending %s: %v", method, err)
		return
	}
	s.send(body)
}

// encodeNotification returns the body of a notification.
//
// The server encodes its notifications itself, rather than through the
// connection, which would encode params three times over: the diagnostics
// of a large file are most of what the server sends.
func encodeNotification(method string, params any) ([]byte, error) {
	return json.Marshal(struct {
		JSONRPC string `json:"jsonrpc"`
		Method  string `json:"method"`
		Params  any    `json:"params"`
	}{"2.0", method, params})
}

// send writes the body of a message, unless the session is over.
func (s *server) send(body []byte) {
	if s.ctx.Err() != nil {
		return
	}
	if err := s.stream.write(body); err != nil {
		s.log.Printf("sending a message: %v", err)
	}
}

// logMessage sends window/logMessage.
func (s *server) logMessage(typ protocol.MessageType, msg string) {
	s.notify("window/logMessage", protocol.LogMessageParams{Type: typ, Message: msg})
}

// showMessage sends window/showMessage.
func (s *server) showMessage(typ protocol.MessageType, msg string) {
	s.notify("window/showMessage", protocol.ShowMessageParams{Type: typ, Message: msg})
}

// once reports whether key is new, remembering it.
func (s *server) once(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reported[key] {
		return false
	}
	s.reported[key] = true
	return true
}

// reportRuleErrors logs the rules that panicked, each failure once.
func (s *server) reportRuleErrors(path string, errs []checks.RuleError) {
	for _, e := range errs {
		first, _, _ := strings.Cut(e.Panic, "\n")
		if !s.once("rule " + e.Rule.Code + ": " + first) {
			continue
		}
		s.log.Printf("%s: %v", path, e)
		s.logMessage(protocol.MTError, fmt.Sprintf("%s: rule %s failed, its diagnostics are missing (this is a bug in py314): %s",
			path, e.Rule.Code, e.Panic))
	}
}

// call sends a request to the client from a background goroutine and
// waits for the answer, or for ctx to be done.
func (s *server) call(ctx context.Context, method string, params, result any) error {
	return s.conn.Call(ctx, method, params, result)
}

// background runs f in a goroutine that Serve waits for.
func (s *server) background(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			if v := recover(); v != nil {
				s.log.Printf("internal error: %v\n%s", v, debug.Stack())
			}
		}()
		f()
	}()
}

// ---------------------------------------------------------------------------
// Parameters

// decode decodes a message's params into v. Missing params are an error.
func decode(raw *json.RawMessage, v any) error {
	if raw == nil || string(*raw) == "null" {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "missing params"}
	}
	if err := json.Unmarshal(*raw, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "invalid params: " + err.Error()}
	}
	return nil
}

func invalidParams(format string, args ...any) error {
	return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprintf(format, args...)}
}

// open returns the snapshot of an open document.
func (s *server) open(uri protocol.DocumentURI) (*snapshot, error) {
	if uri == "" {
		return nil, invalidParams("missing textDocument.uri")
	}
	sn := s.docs[uri]
	if sn == nil {
		return nil, invalidParams("document not open: %s", uri)
	}
	return sn, nil
}

// openURIs returns the URIs of the open documents, sorted.
func (s *server) openURIs() []protocol.DocumentURI {
	uris := make([]protocol.DocumentURI, 0, len(s.docs))
	for u := range s.docs {
		uris = append(uris, u)
	}
	sort.Slice(uris, func(i, j int) bool { return uris[i] < uris[j] })
	return uris
}

// pathFor returns the file path that configuration is looked up for: the
// file's for a file: URI, and a file in the workspace (or the working
// directory) for others.
func (s *server) pathFor(uri protocol.DocumentURI) string {
	if p, ok := uriPath(uri); ok {
		return p
	}
	dir := s.root
	if dir == "" {
		dir, _ = os.Getwd()
	}
	name := string(uri)
	if i := strings.LastIndexAny(name, "/:"); i >= 0 {
		name = name[i+1:]
	}
	if !strings.HasSuffix(name, ".py") && !strings.HasSuffix(name, ".pyi") {
		name += ".py"
	}
	return filepath.Join(dir, name)
}
