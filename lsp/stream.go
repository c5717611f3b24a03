package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
)

// maxMessage is the largest message body read; larger ones are skipped
// and answered with an error.
const maxMessage = 256 << 20

// A stream carries the messages of the LSP base protocol: header fields,
// of which Content-Length is required, a blank line, and a JSON body. It
// implements jsonrpc2.ObjectStream.
//
// Unlike jsonrpc2's own codec, which ends the connection at the first bad
// message, a stream answers a message it cannot use with a JSON-RPC error
// (a parse error for a body that is not JSON or a header without a usable
// Content-Length, an invalid request for JSON that is neither a request nor
// a response) and reads on. Only the end of the input, or a failure to
// read it, ends the connection.
type stream struct {
	max    int // the largest body read
	r      *bufio.Reader
	w      io.Writer
	closer io.Closer // closes the input; or nil
	logf   func(format string, args ...any)

	mu sync.Mutex // serializes writes
}

func newStream(in io.Reader, out io.Writer, logf func(format string, args ...any)) *stream {
	s := &stream{max: maxMessage, r: bufio.NewReader(in), w: out, logf: logf}
	if c, ok := in.(io.Closer); ok {
		s.closer = c
	}
	return s
}

// WriteObject writes obj as one message.
func (s *stream) WriteObject(obj any) error {
	body, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	return s.write(body)
}

func (s *stream) write(body []byte) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.w.Write(b.Bytes())
	return err
}

// ReadObject reads the next usable message into v, answering and
// skipping those it cannot use.
func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readMessage()
		var bad *badMessage
		switch {
		case errors.As(err, &bad):
			s.reject(nil, jsonrpc2.CodeParseError, bad.msg)
			continue
		case err != nil:
			return err
		}
		if err := json.Unmarshal(body, v); err != nil {
			if !json.Valid(body) {
				s.reject(nil, jsonrpc2.CodeParseError, "the message is not JSON: "+err.Error())
			} else {
				s.reject(idOf(body), jsonrpc2.CodeInvalidRequest, "the message is not a JSON-RPC request or response: "+err.Error())
			}
			continue
		}
		return nil
	}
}

// Close closes the input, if it can be closed.
func (s *stream) Close() error {
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}

// badMessage is a message whose header cannot be used. Reading goes on
// after it.
type badMessage struct{ msg string }

func (e *badMessage) Error() string { return e.msg }

// readMessage reads one message and returns its body. A bad header gives
// a *badMessage; the end of the input gives io.EOF, or
// io.ErrUnexpectedEOF in the middle of a message.
func (s *stream) readMessage() ([]byte, error) {
	length := -1
	var problem string
	started := false
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			if err == io.EOF && (started || line != "") {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !started {
				continue // blank lines between messages
			}
			break
		}
		started = true
		// A header field may follow the rest of a body that a wrong
		// Content-Length left behind: look for it inside the line.
		if i := strings.Index(strings.ToLower(line), "content-length:"); i > 0 {
			problem = "unexpected data before a header"
			line = line[i:]
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			problem = fmt.Sprintf("malformed header field %q", line)
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				problem = fmt.Sprintf("invalid Content-Length %q", strings.TrimSpace(value))
				continue
			}
			length = int(min(n, 1<<62))
		}
	}
	if length < 0 {
		if problem == "" {
			problem = "no Content-Length header"
		}
		return nil, &badMessage{problem}
	}
	if problem != "" {
		s.logf("lsp: %s; reading the message that follows", problem)
	}
	if length > s.max {
		if _, err := io.CopyN(io.Discard, s.r, int64(length)); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, &badMessage{fmt.Sprintf("a message of %d bytes is larger than the limit of %d", length, s.max)}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// reject answers a message that could not be used with an error response.
// id is the raw JSON of the message's id, or nil when unknown.
func (s *stream) reject(id json.RawMessage, code int64, msg string) {
	s.logf("lsp: rejected a message: %s", msg)
	if id == nil {
		id = json.RawMessage("null")
	}
	resp := struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   jsonrpc2.Error  `json:"error"`
	}{"2.0", id, jsonrpc2.Error{Code: code, Message: msg}}
	body, err := json.Marshal(resp)
	if err != nil {
		return
	}
	if err := s.write(body); err != nil {
		s.logf("lsp: writing an error response: %v", err)
	}
}

// idOf returns the id of a JSON object if it is a number or a string, and
// nil otherwise.
func idOf(body []byte) json.RawMessage {
	var m struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(body, &m) != nil || len(m.ID) == 0 {
		return nil
	}
	switch m.ID[0] {
	case '"', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return m.ID
	}
	return nil
}
