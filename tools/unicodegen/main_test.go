package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/scanner"
	"github.com/py314/py314/parser/token"
)

// These tests run CPython 3.14 (node and tools/oracle/node_modules must be
// installed: "npm ci" in tools/oracle) and fail without it.

var cpython struct {
	once  sync.Once
	root  string
	facts *facts
	err   error
}

func loadCPython(t *testing.T) (string, *facts) {
	t.Helper()
	cpython.once.Do(func() {
		cpython.root, cpython.err = moduleRoot()
		if cpython.err == nil {
			cpython.facts, cpython.err = loadFacts(cpython.root)
		}
	})
	if cpython.err != nil {
		t.Fatalf("cannot ask CPython 3.14: %v", cpython.err)
	}
	return cpython.root, cpython.facts
}

func TestTablesCurrent(t *testing.T) {
	root, f := loadCPython(t)
	files, err := generate(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		old, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file.path)))
		if err != nil {
			t.Errorf("%s: %v", file.path, err)
			continue
		}
		if !bytes.Equal(old, file.data) {
			t.Errorf("%s is out of date: run go run ./tools/unicodegen", file.path)
		}
	}
}

func TestCharacterClassesMatchCPython(t *testing.T) {
	_, f := loadCPython(t)
	check := func(name string, fn func(rune) bool, rs [][2]uint32) {
		next := 0 // index of the first range not entirely below r
		for r := rune(0); r <= utf8.MaxRune; r++ {
			for next < len(rs) && rs[next][1] < uint32(r) {
				next++
			}
			want := next < len(rs) && rs[next][0] <= uint32(r)
			if got := fn(r); got != want {
				t.Errorf("%s(%U) = %v, CPython says %v", name, r, got, want)
				return
			}
		}
	}
	check("token.IsIdentStart", token.IsIdentStart, f.IdentStart)
	check("token.IsIdentContinue", token.IsIdentContinue, f.IdentContinue)
	check("ast.IsPrintable", ast.IsPrintable, f.Printable)
}

// decodeDeclared decodes "# coding: <name>\n" + body.
func decodeDeclared(name string, body []byte) (string, scanner.Source, *scanner.Error) {
	head := "# coding: " + name + "\n"
	src, err := scanner.Decode(append([]byte(head), body...))
	return head, src, err
}

func TestCodecNamesMatchCPython(t *testing.T) {
	_, f := loadCPython(t)
	names := map[string]string{} // name -> module
	for alias, mod := range f.Aliases {
		names[alias] = mod
	}
	for mod := range f.Modules {
		names[mod] = mod
	}
	for _, name := range sortedKeys(names) {
		m, ok := f.Modules[names[name]]
		if !ok {
			continue // an alias of a module CPython cannot load here (mbcs, oem)
		}
		_, src, err := decodeDeclared(name, []byte("x = 1\n"))
		switch kind := codecKind(names[name], m, f); kind {
		case "binaryCodec":
			want := fmt.Sprintf("'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs", name)
			if err == nil || err.Msg != want {
				t.Errorf("coding %s: got %v, want %q", name, err, want)
			}
		case "undefinedCodec", "unsupportedCodec":
			if err == nil {
				t.Errorf("coding %s: decoded as %s, want an error", name, src.Encoding)
			}
		default:
			want := m.Name
			if kind == "utf8Codec" {
				want = "utf-8"
			}
			if err != nil || src.Encoding != want {
				t.Errorf("coding %s: got %q, %v; want %q", name, src.Encoding, err, want)
			}
		}
	}
}

func TestSingleByteCodecsMatchCPython(t *testing.T) {
	_, f := loadCPython(t)
	for _, mod := range sortedKeys(f.Modules) {
		m := f.Modules[mod]
		if codecKind(mod, m, f) != "tableCodec" {
			continue
		}
		chars := []rune(m.Table.Chars)
		var body []byte
		var want strings.Builder
		for b, r := range chars {
			if b != 0 && b != '\n' && b != '\r' && r != 0xFFFE {
				body = append(body, byte(b))
				want.WriteRune(r)
			}
		}
		head, src, err := decodeDeclared(mod, body)
		if err != nil || string(src.Text) != head+want.String() {
			t.Errorf("%s: Decode = %q, %v; want %q", mod, src.Text, err, head+want.String())
		}
		for b, r := range chars {
			if r != 0xFFFE {
				continue
			}
			head, _, err := decodeDeclared(mod, []byte{'#', byte(b)})
			msg := fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s",
				m.Table.Error.Codec, b, len(head)+1, m.Table.Error.Reason)
			if err == nil || err.Msg != msg || int(err.Pos) != len(head)+1 {
				t.Errorf("%s: byte %#x: got %v, want %q", mod, b, err, msg)
			}
		}
	}
}

func TestMultibyteCodecsMatchCPython(t *testing.T) {
	_, f := loadCPython(t)
	for _, mod := range sortedKeys(f.CJK) {
		c := f.CJK[mod]
		if codecKind(mod, f.Modules[mod], f) != "cjkCodec" {
			continue
		}
		// check decodes "#" + seq + "\n", which CPython decodes to
		// "#" + text + "\n" when ok, else fails at seq.
		check := func(seq []byte, text string, ok bool) bool {
			body := append(append([]byte{'#'}, seq...), '\n')
			head, src, err := decodeDeclared(mod, body)
			if ok {
				if want := head + "#" + text + "\n"; err != nil || string(src.Text) != want {
					t.Errorf("%s: %x: Decode = %q, %v; want %q", mod, seq, src.Text, err, want)
					return false
				}
				return true
			}
			at := len(head) + 1
			msg := fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", c.Error.Codec, seq[0], at, c.Error.Illegal)
			if err == nil || err.Msg != msg || int(err.Pos) != at || int(err.End) != at+1 {
				t.Errorf("%s: %x: Decode = %q, %v; want error %q at %d", mod, seq, src.Text, err, msg, at)
				return false
			}
			return true
		}
		for i, lead := range c.Lead {
			b0 := byte(0x80 + i)
			if lead != nil {
				check([]byte{b0}, *lead, true)
				continue
			}
			for b1 := 1; b1 < 256; b1++ {
				if b1 == '\n' || b1 == '\r' {
					continue
				}
				text, ok := c.Pairs[fmt.Sprintf("%02x%02x", b0, b1)]
				if (mod == "gb18030" && '0' <= b1 && b1 <= '9') || (mod == "euc_kr" && b0 == 0xA4 && b1 == 0xD4) {
					continue // the start of a longer sequence, checked below
				}
				if !check([]byte{b0, byte(b1)}, text, ok) {
					return
				}
			}
		}
		for key, text := range c.Triples {
			var b1, b2 byte
			fmt.Sscanf(key, "%02x%02x", &b1, &b2)
			check([]byte{0x8F, b1, b2}, text, true)
		}
		if c.Triples != nil {
			check([]byte{0x8F, 0xA1, 0xA0}, "", false)
		}
		if mod == "gb18030" {
			checkQuads(t, c.Quads, check)
		}
		if c.Makeup != nil {
			for b := 1; b < 256; b++ {
				for part, idx := range [][]int{c.Makeup.Cho, c.Makeup.Jung, c.Makeup.Jong} {
					seq := []byte{0xA4, 0xD4, 0xA4, 0xA1, 0xA4, 0xBF, 0xA4, 0xD4}
					seq[3+2*part] = byte(b)
					text, ok := "", idx[b] >= 0
					if ok {
						parts := []int{0, 0, 0}
						parts[part] = idx[b]
						text = string(rune(0xAC00 + parts[0]*588 + parts[1]*28 + parts[2]))
					}
					if b == '\n' || b == '\r' {
						continue
					}
					check(seq, text, ok)
				}
			}
		}
	}
}

// checkQuads checks every four-byte gb18030 sequence, a block of 1260 at a
// time.
func checkQuads(t *testing.T, runs [][3]uint32, check func([]byte, string, bool) bool) {
	t.Helper()
	decoded := func(i uint32) (rune, bool) { // i increases from call to call
		for len(runs) > 0 && runs[0][0]+runs[0][1] <= i {
			runs = runs[1:]
		}
		if len(runs) > 0 && runs[0][0] <= i {
			return rune(runs[0][2] + i - runs[0][0]), true
		}
		return 0, false
	}
	for block := uint32(0); block < 126*10; block++ {
		var seqs []byte
		var text []rune
		var bad []byte
		for k := uint32(0); k < 1260; k++ {
			i := block*1260 + k
			seq := []byte{byte(0x81 + i/12600), byte(0x30 + i/1260%10), byte(0x81 + i/10%126), byte(0x30 + i%10)}
			if r, ok := decoded(i); ok {
				seqs = append(seqs, seq...)
				text = append(text, r)
			} else if bad == nil {
				bad = seq
			}
		}
		if !check(seqs, string(text), true) {
			return
		}
		if bad != nil && !check(bad, "", false) {
			return
		}
	}
}
