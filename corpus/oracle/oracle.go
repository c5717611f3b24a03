// Package oracle asks CPython 3.14 about Python source, for tests that
// compare py314 with the reference implementation.
//
// CPython runs as pyodide (CPython compiled to WebAssembly) under node,
// driven by tools/oracle/oracle.mjs, with the version pinned in
// tools/oracle/package-lock.json. Starting it takes seconds, so [Run] sends
// a whole batch to one node process and keeps every answer in a
// content-addressed cache under .cache/oracle/ at the module root; a batch
// whose answers are all cached does not start node at all.
//
// The tools are installed by scripts/test.sh. When node or the pinned
// pyodide is missing, Run fails with an error that says so; tests must
// report that as a failure, not skip.
package oracle

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Op is a question the oracle answers.
type Op string

// The questions.
const (
	// Dump parses Src with ast.parse and answers
	// ast.dump(tree, include_attributes=True), or the error.
	Dump Op = "dump"
	// Compile compiles Src with compile(src, Filename, "exec"), which adds
	// the symbol-table and code-generation errors to those of Dump.
	Compile Op = "compile"

	// Exec compiles the source and runs it as __main__ in a new empty
	// directory, recording standard output, standard error and every
	// warning; an exception it raises is the Result's Err.
	Exec Op = "exec"
	// Stdlib answers every .py file of the standard library pyodide runs
	// from (its python_stdlib.zip), in Result.Files. Src is ignored.
	Stdlib Op = "stdlib"
)

// InstallHint is the command that installs what the oracle needs.
const InstallHint = "run scripts/test.sh from the module root (it runs npm ci --prefix tools/oracle)"

// A Request is one question.
type Request struct {
	ID       string // copied to the Result; need not be unique
	Op       Op
	Src      []byte // the source as bytes: decoding is part of the question
	Filename string // file name for Compile; "<file>" when empty
}

// Error is the exception CPython raised for a source: its class name
// (SyntaxError, IndentationError, TabError, ValueError...) and the fields
// of a SyntaxError. Lineno and Offset are 1-based; Offset and EndOffset
// count characters, as in CPython. Fields CPython leaves as None are 0.
type Error struct {
	Type      string `json:"type"`
	Msg       string `json:"msg"`
	Lineno    int    `json:"lineno"`
	Offset    int    `json:"offset"`
	EndLineno int    `json:"end_lineno"`
	EndOffset int    `json:"end_offset"`
}

func (e *Error) String() string {
	return fmt.Sprintf("%s: %s (line %d, offset %d, end %d:%d)",
		e.Type, e.Msg, e.Lineno, e.Offset, e.EndLineno, e.EndOffset)
}

// A File is one file of the standard library.
type File struct {
	Path string `json:"path"` // slash-separated, relative to the library root
	Src  []byte `json:"src"`
}

// A Result is the answer to the Request with the same index.
type Result struct {
	ID    string
	Op    Op
	Dump  string // for Dump, when Err is nil
	Err   *Error // CPython rejected the source
	Files []File // for Stdlib

	Stdout, Stderr string   // for Exec
	Warnings       []string // for Exec: "Category: message", in order
}

// Run answers reqs, in order. It fails only when the oracle cannot run or
// cannot answer; a source CPython rejects is an answer, with Result.Err set.
func Run(reqs []Request) ([]Result, error) {
	o, err := open()
	if err != nil {
		return nil, err
	}
	return o.run(reqs)
}

// StdlibFiles returns every .py file of pyodide's standard library, sorted
// by path.
func StdlibFiles() ([]File, error) {
	res, err := Run([]Request{{ID: "stdlib", Op: Stdlib}})
	if err != nil {
		return nil, err
	}
	return res[0].Files, nil
}

// oracle is one configuration: where the tools and the cache are, and how
// to start node.
type oracle struct {
	dir     string // tools/oracle
	cache   string // .cache/oracle
	version string // pinned pyodide version, from package-lock.json
	script  []byte // oracle.mjs, part of every cache key
	start   func(o *oracle, reqs []wireRequest) ([]answer, error)
}

func open() (*oracle, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	return newOracle(filepath.Join(root, "tools", "oracle"), filepath.Join(root, ".cache", "oracle"))
}

func newOracle(dir, cache string) (*oracle, error) {
	version, err := lockedVersion(filepath.Join(dir, "package-lock.json"))
	if err != nil {
		return nil, err
	}
	script, err := os.ReadFile(filepath.Join(dir, "oracle.mjs"))
	if err != nil {
		return nil, fmt.Errorf("oracle: %v", err)
	}
	return &oracle{dir: dir, cache: cache, version: version, script: script, start: startNode}, nil
}

// moduleRoot finds the directory of the py314 go.mod at or above the
// working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("oracle: %v", err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(data, []byte("module github.com/py314/py314\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("oracle: not inside the py314 module (no go.mod for github.com/py314/py314 above the working directory)")
		}
		dir = parent
	}
}

// lockedVersion reads the pyodide version pinned by package-lock.json.
func lockedVersion(lock string) (string, error) {
	data, err := os.ReadFile(lock)
	if err != nil {
		return "", fmt.Errorf("oracle: %v", err)
	}
	var l struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(data, &l); err != nil {
		return "", fmt.Errorf("oracle: %s: %v", lock, err)
	}
	v := l.Packages["node_modules/pyodide"].Version
	if v == "" {
		return "", fmt.Errorf("oracle: %s pins no pyodide version", lock)
	}
	return v, nil
}

// wireRequest is a request as oracle.mjs reads it.
type wireRequest struct {
	ID       string `json:"id"`
	Op       Op     `json:"op"`
	Src      []byte `json:"src"` // base64 in JSON
	Filename string `json:"filename,omitempty"`
}

// answer is a result as oracle.mjs writes it and as the cache stores it.
type answer struct {
	ID    string `json:"id,omitempty"`
	Op    Op     `json:"op,omitempty"`
	Dump  string `json:"dump,omitempty"`
	Error *Error `json:"error,omitempty"`
	Files []File `json:"files,omitempty"`
	Fail  string `json:"fail,omitempty"`

	Stdout   string   `json:"stdout,omitempty"`
	Stderr   string   `json:"stderr,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

func (o *oracle) key(r Request) string {
	h := sha256.New()
	for _, s := range [][]byte{[]byte(r.Op), []byte("pyodide " + o.version), o.script, []byte(r.Filename), r.Src} {
		fmt.Fprintf(h, "%d:", len(s))
		h.Write(s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (o *oracle) cachePath(key string) string {
	return filepath.Join(o.cache, key[:2], key+".json.gz")
}

func (o *oracle) run(reqs []Request) ([]Result, error) {
	out := make([]Result, len(reqs))
	keys := make([]string, len(reqs))
	var missing []wireRequest
	pending := map[string][]int{} // key -> indexes of reqs waiting for it
	for i, r := range reqs {
		switch r.Op {
		case Dump, Compile, Stdlib, Exec:
		default:
			return nil, fmt.Errorf("oracle: request %q: unknown op %q", r.ID, r.Op)
		}
		k := o.key(r)
		keys[i] = k
		if a, ok := o.load(k); ok {
			out[i] = a.result(r)
			continue
		}
		if _, ok := pending[k]; !ok {
			filename := r.Filename
			if filename == "" && (r.Op == Compile || r.Op == Exec) {
				filename = "<file>"
			}
			missing = append(missing, wireRequest{ID: k, Op: r.Op, Src: r.Src, Filename: filename})
		}
		pending[k] = append(pending[k], i)
	}
	if len(missing) == 0 {
		return out, nil
	}
	answers, err := o.start(o, missing)
	if err != nil {
		return nil, err
	}
	if len(answers) != len(missing) {
		return nil, fmt.Errorf("oracle: asked %d questions, got %d answers", len(missing), len(answers))
	}
	for j, a := range answers {
		k := missing[j].ID
		if a.ID != k {
			return nil, fmt.Errorf("oracle: answer %d is for %q, want %q", j, a.ID, k)
		}
		if a.Fail != "" {
			return nil, fmt.Errorf("oracle: request %q: %s", reqs[pending[k][0]].ID, a.Fail)
		}
		a.ID, a.Op = "", ""
		if err := o.store(k, a); err != nil {
			return nil, err
		}
		for _, i := range pending[k] {
			out[i] = a.result(reqs[i])
		}
	}
	return out, nil
}

func (a answer) result(r Request) Result {
	return Result{ID: r.ID, Op: r.Op, Dump: a.Dump, Err: a.Error, Files: a.Files,
		Stdout: a.Stdout, Stderr: a.Stderr, Warnings: a.Warnings}
}

// load returns the cached answer for key; a missing or unreadable entry is
// a miss.
func (o *oracle) load(key string) (answer, bool) {
	f, err := os.Open(o.cachePath(key))
	if err != nil {
		return answer{}, false
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return answer{}, false
	}
	var a answer
	if err := json.NewDecoder(zr).Decode(&a); err != nil {
		return answer{}, false
	}
	return a, true
}

// store writes an answer, gzipped, to the cache atomically, so that concurrent test
// processes never read a partial entry.
func (o *oracle) store(key string, a answer) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return fmt.Errorf("oracle: %v", err)
	}
	if err := json.NewEncoder(zw).Encode(a); err != nil {
		return fmt.Errorf("oracle: %v", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("oracle: %v", err)
	}
	path := o.cachePath(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("oracle: cache: %v", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), key+".*.tmp")
	if err != nil {
		return fmt.Errorf("oracle: cache: %v", err)
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("oracle: cache: %v", werr)
	}
	return nil
}

// startNode runs oracle.mjs once for the whole batch.
func startNode(o *oracle, reqs []wireRequest) ([]answer, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("oracle: node is not installed (%v); %s", err, InstallHint)
	}
	if err := o.checkInstall(); err != nil {
		return nil, err
	}
	in, err := json.Marshal(reqs)
	if err != nil {
		return nil, fmt.Errorf("oracle: %v", err)
	}
	cmd := exec.Command(node, "oracle.mjs")
	cmd.Dir = o.dir
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("oracle: %v", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("oracle: starting node: %v", err)
	}
	var answers []answer
	dec := json.NewDecoder(bufio.NewReaderSize(stdout, 1<<20))
	var decErr error
	for {
		var a answer
		if err := dec.Decode(&a); err != nil {
			if !errors.Is(err, io.EOF) {
				decErr = err
			}
			break
		}
		answers = append(answers, a)
	}
	if decErr != nil {
		// Drain so that node can exit.
		_, _ = io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("oracle: node oracle.mjs: %v\n%s", err, tail(stderr.String()))
	}
	if decErr != nil {
		return nil, fmt.Errorf("oracle: reading answers: %v", decErr)
	}
	return answers, nil
}

// checkInstall reports whether npm ci installed the pinned pyodide.
func (o *oracle) checkInstall() error {
	pkg := filepath.Join(o.dir, "node_modules", "pyodide", "package.json")
	data, err := os.ReadFile(pkg)
	if err != nil {
		return fmt.Errorf("oracle: pyodide is not installed (%s is missing); %s", filepath.Join(o.dir, "node_modules", "pyodide"), InstallHint)
	}
	var p struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("oracle: %s: %v; %s", pkg, err, InstallHint)
	}
	if p.Version != o.version {
		return fmt.Errorf("oracle: installed pyodide is %s, package-lock.json pins %s; %s", p.Version, o.version, InstallHint)
	}
	return nil
}

// tail returns the last lines of a process's error output.
func tail(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}
