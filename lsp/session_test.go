package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/rules"
	"github.com/py314/py314/parser/ast"
)

// TestSessions runs the scripted sessions in corpus/lsp/*.txtar. A script
// is a txtar archive; its comment says what it tests. Its files are
// written to an empty workspace directory, except "session", the script,
// and those under "later/", which the script writes when it says so.
// Scripts run in parallel, each with its own server.
//
// Before the script is read, these are replaced in it:
//
//	$ROOT_URI    the file: URI of the workspace directory
//	$ROOT        the workspace directory
//	$TEXT(NAME)  the content of the archive's file NAME, as a JSON string
//
// The script is a sequence of commands; lines starting with # are
// comments. A JSON argument may span lines.
//
//	send JSON       send a message ("jsonrpc": "2.0" is added)
//	send-raw STR    write the bytes of the JSON string STR as they are
//	send-body STR   send the bytes of the JSON string STR as a message body
//	recv JSON       expect a message from the server: the first one not
//	                yet expected with the same method and document URI
//	                (for a notification or a request) or the same id (for
//	                a response), waiting for it up to ten seconds. It must
//	                equal JSON, without its "jsonrpc" member; the string
//	                "$any" matches any value, and "$re:EXPR" any string
//	                that EXPR matches entirely.
//	write NAME FROM write the archive's file FROM to NAME in the workspace
//	remove NAME     remove the file NAME of the workspace
//	close           end the server's input
//	exit N          wait for the server to end; N is 0 if Serve returned
//	                nil, 1 otherwise. Every message the server sent must
//	                have been expected.
//
// Besides py314's rules, the server knows two rules that are not in the
// default set: XX998 flags the name unsafe_me with an unsafe fix, and
// XX999 panics on any name boom.
func TestSessions(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("..", "corpus", "lsp", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(scripts) == 0 {
		t.Fatal("no scripts in corpus/lsp")
	}
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(script), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runSession(t, script)
		})
	}
}

// panicRule panics on the name "boom", to show that a failing rule does
// not take the others down.
var panicRule = &checks.Rule{
	Code:     "XX999",
	Name:     "panicking-rule",
	Summary:  "a rule that fails on the name boom",
	Severity: checks.Warning,
	Kinds:    []ast.Kind{ast.KindName},
	Check: func(p *checks.Pass, n ast.Node) {
		if n.(*ast.Name).Id == "boom" {
			panic("boom")
		}
	},
}

// unsafeRule flags the name unsafe_me with an unsafe fix, as no rule of
// py314 has one yet.
var unsafeRule = &checks.Rule{
	Code:     "XX998",
	Name:     "unsafe-fix-rule",
	Summary:  "a rule with an unsafe fix",
	Severity: checks.Warning,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindName},
	Check: func(p *checks.Pass, n ast.Node) {
		if name := n.(*ast.Name); name.Id == "unsafe_me" {
			span := checks.Span(name.Pos(), name.End())
			p.ReportFix(span, "`unsafe_me` is unsafe", &checks.Fix{
				Title:         "Rename `unsafe_me` to `renamed`",
				Applicability: checks.Unsafe,
				Edits:         []checks.Edit{checks.Replace(span, "renamed")},
			})
		}
	},
}

func testRules() []*checks.Rule { return append(rules.All(), unsafeRule, panicRule) }

func runSession(t *testing.T, script string) {
	raw, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	ar := txtar.Parse(raw)
	// The line of the archive where the session starts.
	first := 1
	if i := bytes.Index(raw, []byte("\n-- session --\n")); i >= 0 {
		first = bytes.Count(raw[:i], []byte("\n")) + 3
	}
	root := t.TempDir()
	files := map[string][]byte{}
	var session string
	for _, f := range ar.Files {
		files[f.Name] = f.Data
		switch {
		case f.Name == "session":
			session = string(f.Data)
		case strings.HasPrefix(f.Name, "later/"):
		default:
			writeFile(t, filepath.Join(root, f.Name), f.Data)
		}
	}
	if session == "" {
		t.Fatal("no session in the script")
	}
	session, err = expand(session, root, files)
	if err != nil {
		t.Fatal(err)
	}
	cmds, err := parseScript(session)
	if err != nil {
		t.Fatal(err)
	}

	c := startClient(t, Options{Rules: testRules()})
	defer c.stop()
	for _, cmd := range cmds {
		where := fmt.Sprintf("%s:%d", filepath.Base(script), first+cmd.line-1)
		switch cmd.name {
		case "send":
			c.send(t, where, cmd.arg)
		case "send-raw", "send-body":
			var s string
			if err := json.Unmarshal(cmd.arg, &s); err != nil {
				t.Fatalf("%s: %s needs a JSON string: %v", where, cmd.name, err)
			}
			if cmd.name == "send-body" {
				s = fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(s), s)
			}
			c.write(t, where, []byte(s))
		case "recv":
			c.expect(t, where, cmd.arg)
		case "write":
			name, from, _ := strings.Cut(cmd.word, " ")
			data, ok := files[from]
			if !ok {
				t.Fatalf("%s: no file %q in the archive", where, from)
			}
			writeFile(t, filepath.Join(root, name), data)
		case "remove":
			if err := os.Remove(filepath.Join(root, cmd.word)); err != nil {
				t.Fatal(err)
			}
		case "close":
			c.toServer.Close()
		case "exit":
			want, err := strconv.Atoi(cmd.word)
			if err != nil {
				t.Fatalf("%s: exit needs a number", where)
			}
			c.wait(t, where, want)
		}
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

var textRef = regexp.MustCompile(`\$TEXT\(([^)]*)\)`)

// expand replaces the script's variables.
func expand(s, root string, files map[string][]byte) (string, error) {
	var err error
	s = textRef.ReplaceAllStringFunc(s, func(m string) string {
		name := textRef.FindStringSubmatch(m)[1]
		data, ok := files[name]
		if !ok {
			err = fmt.Errorf("$TEXT(%s): no such file in the archive", name)
		}
		b, _ := json.Marshal(string(data))
		return string(b)
	})
	rootJSON, _ := json.Marshal(root)
	s = strings.ReplaceAll(s, "$ROOT_URI", string(pathURI(root)))
	s = strings.ReplaceAll(s, "$ROOT", string(rootJSON[1:len(rootJSON)-1]))
	return s, err
}

type scriptCmd struct {
	line int
	name string
	arg  json.RawMessage // for send, send-raw and recv
	word string          // for write and exit
}

func parseScript(s string) ([]scriptCmd, error) {
	var cmds []scriptCmd
	line := 1
	for len(s) > 0 {
		// Skip blank lines and comments.
		switch {
		case s[0] == '\n':
			line++
			s = s[1:]
			continue
		case s[0] == ' ' || s[0] == '\t' || s[0] == '\r':
			s = s[1:]
			continue
		case s[0] == '#':
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				i = len(s)
			}
			s = s[i:]
			continue
		}
		end := strings.IndexAny(s, " \t\n")
		if end < 0 {
			end = len(s)
		}
		cmd := scriptCmd{line: line, name: s[:end]}
		s = s[end:]
		switch cmd.name {
		case "send", "send-raw", "send-body", "recv":
			dec := json.NewDecoder(strings.NewReader(s))
			if err := dec.Decode(&cmd.arg); err != nil {
				return nil, fmt.Errorf("line %d: %s: %v", line, cmd.name, err)
			}
			n := int(dec.InputOffset())
			line += strings.Count(s[:n], "\n")
			s = s[n:]
		case "write", "remove", "exit":
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				i = len(s)
			}
			cmd.word = strings.TrimSpace(s[:i])
			s = s[i:]
		case "close":
		default:
			return nil, fmt.Errorf("line %d: unknown command %q", line, cmd.name)
		}
		cmds = append(cmds, cmd)
	}
	return cmds, nil
}

// A client drives a server over pipes.
type client struct {
	toServer   *io.PipeWriter
	fromServer *io.PipeReader
	done       chan error // Serve's result
	served     bool
	result     error

	mu       sync.Mutex
	cond     *sync.Cond
	received []map[string]any // not yet expected
	arrived  []time.Time      // when each of received was read, before it was decoded
	readErr  error            // set when reading ended
}

// startClient starts a server in-process with opts and a client for it.
func startClient(t testing.TB, opts Options) *client {
	if opts.Log == nil {
		opts.Log = testLog{t}
	}
	return startServer(newServer(opts))
}

// startServer runs s and returns a client for it.
func startServer(s *server) *client {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{toServer: inW, fromServer: outR, done: make(chan error, 1)}
	c.cond = sync.NewCond(&c.mu)
	go func() {
		err := s.serve(context.Background(), inR, outW)
		outW.Close()
		c.done <- err
	}()
	go c.read()
	return c
}

// testLog sends the server's log to the test's.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

// read collects the server's messages until its output ends.
func (c *client) read() {
	r := bufio.NewReader(c.fromServer)
	for {
		body, err := readFrame(r)
		at := time.Now()
		c.mu.Lock()
		if err != nil {
			c.readErr = err
			c.cond.Broadcast()
			c.mu.Unlock()
			return
		}
		var m map[string]any
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			c.readErr = fmt.Errorf("the server sent a message that is not a JSON object: %v: %s", err, body)
		} else {
			c.received = append(c.received, m)
			c.arrived = append(c.arrived, at)
		}
		c.cond.Broadcast()
		c.mu.Unlock()
	}
}

// readFrame reads one message with Content-Length framing.
func readFrame(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(line, "\r\n") {
			return nil, fmt.Errorf("header line %q does not end with CRLF", line)
		}
		line = strings.TrimSuffix(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ": ")
		if !ok || name != "Content-Length" {
			return nil, fmt.Errorf("unexpected header line %q", line)
		}
		if length, err = strconv.Atoi(value); err != nil {
			return nil, err
		}
	}
	if length < 0 {
		return nil, errors.New("no Content-Length")
	}
	body := make([]byte, length)
	_, err := io.ReadFull(r, body)
	return body, err
}

func (c *client) send(t testing.TB, where string, msg json.RawMessage) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(msg, &m); err != nil {
		t.Fatalf("%s: send: %v", where, err)
	}
	if _, ok := m["jsonrpc"]; !ok {
		m["jsonrpc"] = "2.0"
	}
	body, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	c.write(t, where, []byte(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)))
}

func (c *client) write(t testing.TB, where string, b []byte) {
	t.Helper()
	if _, err := c.toServer.Write(b); err != nil {
		t.Fatalf("%s: writing to the server: %v", where, err)
	}
}

// key returns what a message is matched by.
func key(m map[string]any) string {
	method, _ := m["method"].(string)
	if method == "" {
		return fmt.Sprint("response ", m["id"])
	}
	if p, ok := m["params"].(map[string]any); ok {
		if uri, ok := p["uri"].(string); ok {
			return method + " " + uri
		}
		if td, ok := p["textDocument"].(map[string]any); ok {
			return fmt.Sprint(method, " ", td["uri"])
		}
	}
	return method
}

// next waits for the first message with key k, removes it and returns it.
func (c *client) next(k string, timeout time.Duration) (map[string]any, error) {
	m, _, err := c.nextArrived(k, timeout)
	return m, err
}

// nextArrived is next that also returns when the message was read.
func (c *client) nextArrived(k string, timeout time.Duration) (map[string]any, time.Time, error) {
	expired := false
	timer := time.AfterFunc(timeout, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		expired = true
		c.cond.Broadcast()
	})
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i, m := range c.received {
			if key(m) == k {
				at := c.arrived[i]
				c.received = append(c.received[:i], c.received[i+1:]...)
				c.arrived = append(c.arrived[:i], c.arrived[i+1:]...)
				return m, at, nil
			}
		}
		switch {
		case c.readErr != nil:
			return nil, time.Time{}, c.readErr
		case expired:
			return nil, time.Time{}, errTimeout
		}
		c.cond.Wait()
	}
}

var errTimeout = errors.New("timed out")

func (c *client) expect(t testing.TB, where string, want json.RawMessage) map[string]any {
	t.Helper()
	var w map[string]any
	dec := json.NewDecoder(bytes.NewReader(want))
	dec.UseNumber()
	if err := dec.Decode(&w); err != nil {
		t.Fatalf("%s: recv: %v", where, err)
	}
	k := key(w)
	got, err := c.next(k, 10*time.Second)
	if err != nil {
		t.Fatalf("%s: waiting for %s: %v\nnot expected so far:\n%s", where, k, err, c.pending())
	}
	if got["jsonrpc"] != "2.0" {
		t.Errorf("%s: the message has jsonrpc %v, want \"2.0\"", where, got["jsonrpc"])
	}
	delete(got, "jsonrpc")
	if path, ok := match(w, got, ""); !ok {
		compact, _ := json.Marshal(got)
		t.Fatalf("%s: message differs at %s\ngot:\n%s\nwant:\n%s\ngot, on one line:\n%s", where, path, indent(got), indent(w), compact)
	}
	return got
}

func (c *client) pending() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for _, m := range c.received {
		b.WriteString(indent(m))
		b.WriteString("\n")
	}
	return b.String()
}

func indent(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// match reports whether got matches want, and where it does not.
func match(want, got any, path string) (string, bool) {
	if s, ok := want.(string); ok {
		switch {
		case s == "$any":
			return "", true
		case strings.HasPrefix(s, "$re:"):
			g, ok := got.(string)
			if !ok || !regexp.MustCompile(`^(?s:`+s[len("$re:"):]+`)$`).MatchString(g) {
				return path, false
			}
			return "", true
		}
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return path, false
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				return path + "." + k + " (not expected)", false
			}
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				return path + "." + k + " (missing)", false
			}
			if p, ok := match(wv, gv, path+"."+k); !ok {
				return p, false
			}
		}
		return "", true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return path, false
		}
		for i := range w {
			if p, ok := match(w[i], g[i], fmt.Sprintf("%s[%d]", path, i)); !ok {
				return p, false
			}
		}
		return "", true
	}
	if !reflect.DeepEqual(want, got) {
		return path, false
	}
	return "", true
}

// wait waits for Serve to return and checks its result, and that every
// message was expected.
func (c *client) wait(t testing.TB, where string, want int) {
	t.Helper()
	select {
	case c.result = <-c.done:
		c.served = true
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: the server did not end", where)
	}
	got := 0
	if c.result != nil {
		got = 1
	}
	if got != want {
		t.Errorf("%s: the server ended with %v (exit status %d), want exit status %d", where, c.result, got, want)
	}
	// Serve has returned and closed its output: the reader ends.
	c.mu.Lock()
	for c.readErr == nil {
		c.cond.Wait()
	}
	c.mu.Unlock()
	if p := c.pending(); p != "" {
		t.Errorf("%s: messages not expected:\n%s", where, p)
	}
}

// stop ends the session if the script did not.
func (c *client) stop() {
	c.toServer.Close()
	if !c.served {
		<-c.done
	}
	c.fromServer.Close()
}
