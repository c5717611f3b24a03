package main

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// cjkBase names, for each multibyte codec py314 decodes, the x/text
// encoding whose tables do most of the work; the generated tables record
// where CPython's codec differs from it.
var cjkBase = map[string]struct {
	expr string // Go expression in parser/scanner
	enc  encoding.Encoding
	form string // cjkForm constant: the codec's sequences longer than two bytes
}{
	"shift_jis": {"japanese.ShiftJIS", japanese.ShiftJIS, "cjkPlain"},
	"cp932":     {"japanese.ShiftJIS", japanese.ShiftJIS, "cjkPlain"},
	"euc_jp":    {"japanese.EUCJP", japanese.EUCJP, "cjkEUCJP"},
	"gbk":       {"simplifiedchinese.GBK", simplifiedchinese.GBK, "cjkPlain"},
	"gb2312":    {"simplifiedchinese.GBK", simplifiedchinese.GBK, "cjkPlain"},
	"gb18030":   {"simplifiedchinese.GB18030", simplifiedchinese.GB18030, "cjkGB18030"},
	"big5":      {"traditionalchinese.Big5", traditionalchinese.Big5, "cjkPlain"},
	"cp950":     {"traditionalchinese.Big5", traditionalchinese.Big5, "cjkPlain"},
	"big5hkscs": {"traditionalchinese.Big5", traditionalchinese.Big5, "cjkPlain"},
	"euc_kr":    {"korean.EUCKR", korean.EUCKR, "cjkEUCKR"},
	"cp949":     {"korean.EUCKR", korean.EUCKR, "cjkPlain"},
}

// baseDecode decodes one whole multibyte sequence with an x/text decoder;
// ok is false when x/text rejects it. parser/scanner has the same function:
// the generated tables are the differences between this and CPython.
func baseDecode(d *encoding.Decoder, seq []byte) (string, bool) {
	var buf [32]byte
	d.Reset()
	n, m, err := d.Transform(buf[:], seq, true)
	if err != nil || m != len(seq) || bytes.ContainsRune(buf[:n], utf8.RuneError) {
		return "", false
	}
	return string(buf[:n]), true
}

// A codec's kind, as the parser/scanner constants are named.
func codecKind(module string, m moduleFact, f *facts) string {
	switch {
	case m.Name == "utf-8" || m.Name == "utf-8-sig":
		return "utf8Codec"
	case module == "ascii":
		return "asciiCodec"
	case module == "undefined":
		return "undefinedCodec"
	case !m.Text:
		return "binaryCodec"
	case m.Table != nil && tableKeepsNewlines(m.Table.Chars):
		return "tableCodec"
	}
	if _, ok := f.CJK[module]; ok {
		if _, ok := cjkBase[module]; ok {
			return "cjkCodec"
		}
	}
	return "unsupportedCodec"
}

// tableKeepsNewlines reports whether a single-byte codec decodes "\n" and
// "\r" to themselves and nothing else to either: then decoding the bytes as
// they are and decoding them after CPython's newline translation agree.
func tableKeepsNewlines(chars string) bool {
	for i, r := range []rune(chars) {
		switch {
		case i == '\n' || i == '\r':
			if r != rune(i) {
				return false
			}
		case r == '\n' || r == '\r':
			return false
		}
	}
	return true
}

func decodeTables(f *facts) (genFile, error) {
	s := newSource(f, "scanner")
	s.printf("import (\n")
	for _, p := range []string{"japanese", "korean", "simplifiedchinese", "traditionalchinese"} {
		s.printf("\t%q\n", "golang.org/x/text/encoding/"+p)
	}
	s.printf(")\n\n")

	s.printf("// codecAlias returns the encodings module Python's encodings.aliases maps\n")
	s.printf("// the normalized codec name to, or \"\".\n")
	s.printf("func codecAlias(name string) string {\n\tswitch name {\n")
	byModule := map[string][]string{}
	for alias, mod := range f.Aliases {
		byModule[mod] = append(byModule[mod], alias)
	}
	for _, mod := range sortedKeys(byModule) {
		aliases := byModule[mod]
		sort.Strings(aliases)
		s.printf("\tcase ")
		for i, a := range aliases {
			if i > 0 {
				s.printf(", ")
			}
			s.printf("%q", a)
		}
		s.printf(":\n\t\treturn %q\n", mod)
	}
	s.printf("\t}\n\treturn \"\"\n}\n\n")

	s.printf("// codecModule returns the codec of the encodings module mod, if Python's\n")
	s.printf("// codecs.lookup(mod) finds one.\n")
	s.printf("func codecModule(mod string) (codec, bool) {\n\tswitch mod {\n")
	var tables, cjks []string
	for _, mod := range sortedKeys(f.Modules) {
		m := f.Modules[mod]
		kind := codecKind(mod, m, f)
		s.printf("\tcase %q:\n\t\treturn codec{name: %q, kind: %s", mod, m.Name, kind)
		switch kind {
		case "tableCodec":
			s.printf(", table: &%s", tableVar(mod))
			tables = append(tables, mod)
		case "cjkCodec":
			s.printf(", cjk: &%s", cjkVar(mod))
			cjks = append(cjks, mod)
		}
		s.printf("}, true\n")
	}
	s.printf("\t}\n\treturn codec{}, false\n}\n")

	for _, mod := range tables {
		writeTable(s, mod, f.Modules[mod].Table)
	}
	for _, mod := range cjks {
		if err := writeCJK(s, mod, f.CJK[mod]); err != nil {
			return genFile{}, err
		}
	}
	return s.file("parser/scanner/decode_tables.go")
}

func tableVar(mod string) string { return goName("table", mod) }
func cjkVar(mod string) string   { return goName("cjk", mod) }

// goName joins prefix and the parts of a module name in camel case:
// goName("table", "iso8859_15") is "tableIso885915".
func goName(prefix, mod string) string {
	name := prefix
	for _, part := range strings.Split(mod, "_") {
		name += strings.ToUpper(part[:1]) + part[1:]
	}
	return name
}

func writeTable(s *source, mod string, t *tableFact) {
	chars := []rune(t.Chars)
	from := 0x80
	for i := range 0x80 {
		if chars[i] != rune(i) {
			from = 0
			break
		}
	}
	codecName, reason := "", ""
	if t.Error != nil {
		codecName, reason = t.Error.Codec, t.Error.Reason
	}
	s.printf("\nvar %s = byteTable{\n\tfirst: 0x%02X,\n\tchars: %s,\n\terrCodec: %q,\n\terrReason: %q,\n}\n",
		tableVar(mod), from, quoteChars(string(chars[from:]), 16), codecName, reason)
}

// quoteChars quotes s as a Go string expression, perLine characters to a
// line, escaping everything outside printable ASCII so that the output does
// not depend on the Go version's Unicode tables.
func quoteChars(s string, perLine int) string {
	rs := []rune(s)
	var b bytes.Buffer
	for i := 0; i < len(rs); i += perLine {
		end := min(i+perLine, len(rs))
		if i > 0 {
			b.WriteString(" +")
		}
		b.WriteString("\n\t\t")
		b.WriteString(strconv.QuoteToASCII(string(rs[i:end])))
	}
	return b.String()
}

// Special lead-table entries.
const (
	leadMulti = 0xFFFF // the byte starts a multibyte sequence
)

type override struct {
	key uint32
	s   string
}

// An overrideRun maps the keys lo..hi to s when lo == hi, else to the
// consecutive characters starting with s, a single character.
type overrideRun struct {
	lo, hi uint32
	s      string
}

func overrideRuns(os []override) []overrideRun {
	var runs []overrideRun
	for _, o := range os {
		if n := len(runs); n > 0 {
			last := &runs[n-1]
			first, size := utf8.DecodeRuneInString(last.s)
			r, rsize := utf8.DecodeRuneInString(o.s)
			if last.hi+1 == o.key && size == len(last.s) && rsize == len(o.s) && r == first+rune(o.key-last.lo) {
				last.hi = o.key
				continue
			}
		}
		runs = append(runs, overrideRun{o.key, o.key, o.s})
	}
	return runs
}

func writeCJK(s *source, mod string, c cjkFact) error {
	base := cjkBase[mod]
	dec := base.enc.NewDecoder()
	var lead []rune
	for _, l := range c.Lead {
		switch {
		case l == nil:
			lead = append(lead, leadMulti)
		case utf8.RuneCountInString(*l) == 1:
			lead = append(lead, []rune(*l)[0])
		default:
			return fmt.Errorf("%s: a single byte decodes to %q", mod, *l)
		}
	}
	var invalid []uint32
	var overrides []override
	var bad error
	compare := func(key uint32, seq []byte, py string, pyOK bool) {
		// Decode restores line breaks by counting "\n"s: no sequence
		// may swallow or produce one.
		if pyOK && (bytes.ContainsAny(seq, "\r\n") || strings.ContainsAny(py, "\r\n")) && bad == nil {
			bad = fmt.Errorf("%s: %x decodes to %q", mod, seq, py)
		}
		x, xOK := baseDecode(dec, seq)
		switch {
		case pyOK && (!xOK || x != py || utf8.RuneCountInString(py) > 1):
			// Multi-character sequences are listed even where x/text
			// agrees: Encode needs them.
			overrides = append(overrides, override{key, py})
		case !pyOK && xOK:
			invalid = append(invalid, key)
		}
	}
	for i, l := range lead {
		if l != leadMulti {
			continue
		}
		b0 := byte(0x80 + i)
		for b1 := range 256 {
			py, ok := c.Pairs[fmt.Sprintf("%02x%02x", b0, b1)]
			compare(uint32(b0)<<8|uint32(b1), []byte{b0, byte(b1)}, py, ok)
		}
	}
	if base.form == "cjkEUCJP" {
		for b1 := range 256 {
			for b2 := range 256 {
				py, ok := c.Triples[fmt.Sprintf("%02x%02x", b1, b2)]
				compare(0x8F<<16|uint32(b1)<<8|uint32(b2), []byte{0x8F, byte(b1), byte(b2)}, py, ok)
			}
		}
	}
	if base.form == "cjkGB18030" {
		runs := c.Quads
		var seq [4]byte
		for i := range uint32(126 * 10 * 126 * 10) {
			for len(runs) > 0 && runs[0][0]+runs[0][1] <= i {
				runs = runs[1:]
			}
			py, ok := "", false
			if len(runs) > 0 && runs[0][0] <= i {
				py, ok = string(rune(runs[0][2]+i-runs[0][0])), true
			}
			seq = [4]byte{byte(0x81 + i/12600), byte(0x30 + i/1260%10), byte(0x81 + i/10%126), byte(0x30 + i%10)}
			key := uint32(seq[0])<<24 | uint32(seq[1])<<16 | uint32(seq[2])<<8 | uint32(seq[3])
			compare(key, seq[:], py, ok)
		}
	}
	if bad != nil {
		return bad
	}
	slices.Sort(invalid)
	sort.Slice(overrides, func(i, j int) bool { return overrides[i].key < overrides[j].key })

	s.printf("\n// %s decodes like %s except where the tables say otherwise.\n", cjkVar(mod), base.expr)
	s.printf("var %s = cjkTable{\n\tbase: %s,\n\tform: %s,\n", cjkVar(mod), base.expr, base.form)
	s.printf("\terrCodec: %q,\n\tillegal: %q,\n\tincomplete: %q,\n", c.Error.Codec, c.Error.Illegal, c.Error.Incomplete)
	s.printf("\tlead: %s,\n", quoteChars(string(lead), 16))
	s.printf("\tinvalid: []uint32{")
	var rs [][2]uint32
	for _, k := range invalid {
		if n := len(rs); n > 0 && rs[n-1][1]+1 == k {
			rs[n-1][1] = k
		} else {
			rs = append(rs, [2]uint32{k, k})
		}
	}
	if len(rs) > 0 {
		s.ranges(rs)
	}
	s.printf("},\n\toverride: []cjkOverride{")
	for i, o := range overrideRuns(overrides) {
		if i%3 == 0 {
			s.printf("\n\t\t")
		} else {
			s.printf(" ")
		}
		s.printf("{0x%04X, 0x%04X, %s},", o.lo, o.hi, strconv.QuoteToASCII(o.s))
	}
	if len(overrides) > 0 {
		s.printf("\n\t")
	}
	s.printf("},\n")
	if c.Makeup != nil {
		s.printf("\tmakeup: &eucKRMakeup{\n")
		for _, part := range []struct {
			name string
			idx  []int
		}{{"cho", c.Makeup.Cho}, {"jung", c.Makeup.Jung}, {"jong", c.Makeup.Jong}} {
			first, last := -1, -1
			for b, v := range part.idx {
				if v >= 0 {
					if first < 0 {
						first = b
					}
					last = b
				}
			}
			var idx []byte
			for b := first; b <= last; b++ {
				idx = append(idx, byte(part.idx[b]))
			}
			s.printf("\t\t%s: makeupIndex{0x%02X, %q},\n", part.name, first, idx)
		}
		s.printf("\t},\n")
	}
	s.printf("}\n")
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
