// Command unicodegen regenerates the tables py314 takes from CPython 3.14:
//
//   - parser/token/ident_tables.go: the characters str.isidentifier accepts
//     at the start and in the rest of an identifier;
//   - parser/ast/printable_tables.go: the characters str.isprintable accepts;
//   - parser/scanner/decode_tables.go: the codecs a PEP 263 declaration can
//     name, how their names resolve, and what they decode bytes to.
//
// Usage, from anywhere inside the module:
//
//	go run ./tools/unicodegen          # rewrite the tables
//	go run ./tools/unicodegen -check   # fail if a table is out of date
//
// The facts come from tables.py, which gen.mjs runs in CPython 3.14 under
// node (pyodide, installed by "npm ci" in tools/oracle).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	check := flag.Bool("check", false, "compare the generated tables with the files instead of writing them")
	flag.Parse()
	if err := run(*check); err != nil {
		fmt.Fprintln(os.Stderr, "unicodegen:", err)
		os.Exit(1)
	}
}

func run(check bool) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	f, err := loadFacts(root)
	if err != nil {
		return err
	}
	files, err := generate(f)
	if err != nil {
		return err
	}
	var stale []string
	for _, file := range files {
		path := filepath.Join(root, filepath.FromSlash(file.path))
		if check {
			old, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(old, file.data) {
				stale = append(stale, file.path)
			}
			continue
		}
		if err := os.WriteFile(path, file.data, 0o644); err != nil {
			return err
		}
	}
	if len(stale) > 0 {
		return fmt.Errorf("out of date (run go run ./tools/unicodegen): %s", strings.Join(stale, ", "))
	}
	return nil
}

// moduleRoot returns the directory of the go.mod enclosing the working
// directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// facts is the JSON document tables.py returns.
type facts struct {
	Python        string                `json:"python"`
	Unidata       string                `json:"unidata"`
	IdentStart    [][2]uint32           `json:"ident_start"`
	IdentContinue [][2]uint32           `json:"ident_continue"`
	Printable     [][2]uint32           `json:"printable"`
	Aliases       map[string]string     `json:"aliases"`
	Modules       map[string]moduleFact `json:"modules"`
	CJK           map[string]cjkFact    `json:"cjk"`
}

type moduleFact struct {
	Name  string     `json:"name"`
	Text  bool       `json:"text"`
	Table *tableFact `json:"table"`
}

type tableFact struct {
	Chars string     `json:"chars"` // 256 characters, U+FFFE for undecodable bytes
	Error *errorFact `json:"error"`
}

type errorFact struct {
	Codec      string `json:"codec"`
	Reason     string `json:"reason"`
	Illegal    string `json:"illegal"`
	Incomplete string `json:"incomplete"`
}

type cjkFact struct {
	Lead    []*string         `json:"lead"`  // bytes 0x80..0xFF: the character, or nil for a lead byte
	Pairs   map[string]string `json:"pairs"` // "b0b1" in hex -> decoded text, for the valid pairs
	Triples map[string]string `json:"triples"`
	Quads   [][3]uint32       `json:"quads"`
	Makeup  *makeupFact       `json:"makeup"`
	Error   errorFact         `json:"error"`
}

type makeupFact struct {
	Cho  []int `json:"cho"`
	Jung []int `json:"jung"`
	Jong []int `json:"jong"`
}

// loadFacts runs gen.mjs and parses its output.
func loadFacts(root string) (*facts, error) {
	script := filepath.Join(root, "tools", "unicodegen", "gen.mjs")
	if _, err := exec.LookPath("node"); err != nil {
		return nil, errors.New("node is not installed; it runs CPython 3.14 (pyodide) to compute the tables")
	}
	cmd := exec.Command("node", script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node %s: %v\n%s", script, err, stderr.Bytes())
	}
	var f facts
	if err := json.Unmarshal(out, &f); err != nil {
		return nil, fmt.Errorf("parsing the output of %s: %v", script, err)
	}
	return &f, nil
}

// genFile is one generated file: a path relative to the module root and its
// gofmt'ed content.
type genFile struct {
	path string
	data []byte
}

func generate(f *facts) ([]genFile, error) {
	var files []genFile
	for _, g := range []func(*facts) (genFile, error){identTables, printableTables, decodeTables} {
		file, err := g(f)
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}
