package scanner

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"

	"github.com/py314/py314/parser/token"
)

// Source is Python source decoded to UTF-8.
type Source struct {
	Text []byte // UTF-8, BOM removed; line endings as in the input
	// Encoding is "utf-8", or the codec a PEP 263 declaration selects,
	// named as Python's codecs.lookup(name).name names it: "iso8859-1" for
	// "latin-1", "cp1252" for "windows-1252", "shift_jis" for "sjis".
	Encoding string
	BOM      bool // the input started with a UTF-8 byte order mark
}

const utf8BOM = "\xef\xbb\xbf"

// Decode turns the bytes of a Python source file into UTF-8 text as CPython
// 3.14 does for compile(raw, ...) and ast.parse(raw):
//
//   - a null byte anywhere is an error;
//   - a leading UTF-8 byte order mark is removed;
//   - a PEP 263 declaration (a comment matching
//     ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)) on line 1, or on line 2 when
//     line 1 is blank or a comment, selects a Python codec by name;
//     names that CPython's tokenizer normalizes to utf-8 (utf-8, UTF_8,
//     utf-8-sig, ...) keep UTF-8; with a byte order mark any other
//     declaration is an error;
//   - otherwise the source must be valid UTF-8.
//
// Line breaks ("\n", "\r\n", "\r") are kept as they are. When no codec is
// involved, Text shares memory with raw.
//
// The error, if any, is the SyntaxError CPython raises, with its message.
// Its Pos and End are byte offsets in raw, not in decoded text: the null
// byte, the bytes that do not decode, the encoding name in the declaration,
// or the declaration's line for a byte order mark conflict. (CPython itself
// gives no position for most of these errors.) Besides CPython's errors,
// Decode fails for the few codecs py314 cannot decode: UTF-16, UTF-32,
// UTF-7, the stateful ISO-2022 and HZ codecs, the EBCDIC code pages, the
// escape codecs, idna, punycode, and the JIS X 0213 and Johab codecs.
func Decode(raw []byte) (Source, *Error) {
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return Source{}, rawError(i, i+1, "source code string cannot contain null bytes")
	}
	src := Source{Encoding: "utf-8"}
	body := raw
	if bytes.HasPrefix(raw, []byte(utf8BOM)) {
		src.BOM = true
		body = raw[len(utf8BOM):]
	}
	off := len(raw) - len(body)
	if spec, ok := findCodingSpec(body); ok {
		if src.BOM && spec.name != "utf-8" {
			return Source{}, rawError(off+spec.lineStart, off+spec.lineEnd,
				fmt.Sprintf("encoding problem: %s with BOM", spec.name))
		}
		if spec.name != "utf-8" {
			return decodeDeclared(raw, spec)
		}
	}
	if i := invalidUTF8(body); i >= 0 {
		i += off
		line := 1 + countLineBreaks(raw[off:i])
		return Source{}, rawError(i, i+1, fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' on line %d, "+
			"but no encoding declared; see https://peps.python.org/pep-0263/ for details", raw[i], line))
	}
	src.Text = body
	return src, nil
}

func rawError(pos, end int, msg string) *Error {
	return &Error{Pos: token.Pos(pos), End: token.Pos(end), Type: SyntaxError, Msg: msg}
}

// invalidUTF8 returns the offset of the first byte of b that does not start
// a valid UTF-8 sequence, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// countLineBreaks counts "\n", "\r\n" and lone "\r" in b.
func countLineBreaks(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			n++
		case '\r':
			n++
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
	}
	return n
}

// lineAt returns the end of the line starting at start (before its line
// break) and the start of the next line.
func lineAt(b []byte, start int) (end, next int) {
	for i := start; i < len(b); i++ {
		switch b[i] {
		case '\n':
			return i, i + 1
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		}
	}
	return len(b), len(b)
}

// A codingSpec is a PEP 263 declaration. Offsets are in the source after
// the byte order mark.
type codingSpec struct {
	name               string // the encoding name as CPython's tokenizer normalizes it
	nameStart, nameEnd int    // the name as written
	lineStart, lineEnd int    // the line holding the declaration, without its line break
}

// findCodingSpec looks for the declaration where CPython's tokenizer does:
// on line 1, then on line 2 if line 1 is blank or only a comment and is
// followed by something.
func findCodingSpec(b []byte) (codingSpec, bool) {
	end, next := lineAt(b, 0)
	if spec, ok := codingSpecIn(b, 0, end, 0); ok {
		return spec, true
	}
	if !blankOrComment(b[:end]) || next >= len(b) {
		return codingSpec{}, false
	}
	end, _ = lineAt(b, next)
	// The tokenizer looks at the second line with its line break, which
	// leaves room for one more character at the end than on the first.
	return codingSpecIn(b, next, end, 1)
}

// codingSpecIn looks for a declaration in b[start:end], a line without its
// line break, following CPython's get_coding_spec: the line must start with
// optional blanks and '#', and the first "coding:" or "coding=" followed by
// a non-empty name wins. slack is how many characters after the line the
// tokenizer's bounds let "coding" extend into.
func codingSpecIn(b []byte, start, end, slack int) (codingSpec, bool) {
	s := b[start:end]
	at := func(i int) byte {
		if i < len(s) {
			return s[i]
		}
		return '\n'
	}
	limit := len(s) + slack - 6
	i := 0
	for ; i < limit; i++ {
		if s[i] == '#' {
			break
		}
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\f' {
			return codingSpec{}, false
		}
	}
	for ; i < limit; i++ {
		if !bytes.HasPrefix(s[i:], []byte("coding")) {
			continue
		}
		t := i + 6
		if c := at(t); c != ':' && c != '=' {
			continue
		}
		t++
		for at(t) == ' ' || at(t) == '\t' {
			t++
		}
		begin := t
		for isEncodingNameByte(at(t)) {
			t++
		}
		if begin < t {
			return codingSpec{
				name:      normalEncodingName(string(s[begin:t])),
				nameStart: start + begin,
				nameEnd:   start + t,
				lineStart: start,
				lineEnd:   end,
			}, true
		}
	}
	return codingSpec{}, false
}

func isEncodingNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.'
}

// blankOrComment reports whether a line has only blanks before an optional
// comment, so that the declaration may still come on the next line.
func blankOrComment(line []byte) bool {
	for _, c := range line {
		if c == '#' {
			return true
		}
		if c != ' ' && c != '\t' && c != '\f' {
			return false
		}
	}
	return true
}

// normalEncodingName does what CPython's tokenizer does to a declared name
// before anything else: judging by its first 12 characters, lower-cased
// with '_' read as '-', the utf-8 family becomes "utf-8" and the latin-1
// family "iso-8859-1"; other names stay as written.
func normalEncodingName(name string) string {
	var buf [12]byte
	n := 0
	for ; n < len(buf) && n < len(name); n++ {
		c := name[n]
		switch {
		case c == '_':
			c = '-'
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[n] = c
	}
	head := string(buf[:n])
	switch {
	case head == "utf-8" || strings.HasPrefix(head, "utf-8-"):
		return "utf-8"
	case head == "latin-1" || head == "iso-8859-1" || head == "iso-latin-1" ||
		strings.HasPrefix(head, "latin-1-") || strings.HasPrefix(head, "iso-8859-1-") ||
		strings.HasPrefix(head, "iso-latin-1-"):
		return "iso-8859-1"
	}
	return name
}

// normalizeCodecName is what Python's codec lookup does to a name before
// looking it up: lower-case it, turn every run of characters other than
// letters, digits and '.' into one '_', and drop such runs at either end.
func normalizeCodecName(name string) string {
	var b strings.Builder
	punct := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '.':
		default:
			punct = true
			continue
		}
		if punct && b.Len() > 0 {
			b.WriteByte('_')
		}
		punct = false
		b.WriteByte(c)
	}
	return b.String()
}

// lookupCodec finds a codec by name as Python's codecs.lookup does with the
// standard encodings package: an alias first, then a module of that name.
func lookupCodec(name string) (codec, bool) {
	norm := normalizeCodecName(name)
	alias := codecAlias(norm)
	if alias == "" {
		alias = codecAlias(strings.ReplaceAll(norm, ".", "_"))
	}
	for _, mod := range []string{alias, norm} {
		if mod == "" || strings.Contains(mod, ".") {
			continue
		}
		if c, ok := codecModule(mod); ok {
			return c, true
		}
	}
	return codec{}, false
}

// codecKind says how py314 handles a Python codec.
type codecKind uint8

const (
	utf8Codec        codecKind = iota // utf-8 and utf-8-sig
	asciiCodec                        // ascii
	tableCodec                        // one byte, one character (latin-1, cp1252, koi8-r, ...)
	cjkCodec                          // the multibyte CJK codecs x/text knows
	undefinedCodec                    // the codec that always fails
	binaryCodec                       // bytes-to-bytes codecs (base64, rot13, ...): not text encodings
	unsupportedCodec                  // text codecs py314 does not decode
)

// A codec is one of Python's codecs.
type codec struct {
	name  string // codecs.lookup(...).name
	kind  codecKind
	table *byteTable // for tableCodec
	cjk   *cjkTable  // for cjkCodec
}

// A byteTable is a single-byte codec.
type byteTable struct {
	first     byte   // bytes below first decode to themselves
	chars     string // the characters of bytes first..0xFF; U+FFFE for bytes that do not decode
	errCodec  string // codec name in CPython's error message
	errReason string // reason in CPython's error message
}

func (t *byteTable) runes() *[256]rune {
	var rs [256]rune
	for i := range int(t.first) {
		rs[i] = rune(i)
	}
	i := int(t.first)
	for _, r := range t.chars {
		rs[i] = r
		i++
	}
	return &rs
}

// A decodeFailure is a UnicodeDecodeError: the bytes [start, end) of the
// input do not decode.
type decodeFailure struct {
	codec      string
	start, end int
	reason     string
}

// message formats the failure as Python's str(UnicodeDecodeError) does.
func (f *decodeFailure) message(in []byte) string {
	if f.end == f.start+1 {
		return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", f.codec, in[f.start], f.start, f.reason)
	}
	return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", f.codec, f.start, f.end-1, f.reason)
}

// decodeDeclared decodes raw, which has no byte order mark, with the codec
// its declaration names.
func decodeDeclared(raw []byte, spec codingSpec) (Source, *Error) {
	nameErr := func(msg string) (Source, *Error) {
		return Source{}, rawError(spec.nameStart, spec.nameEnd, msg)
	}
	c, ok := lookupCodec(spec.name)
	if !ok {
		return nameErr("unknown encoding: " + spec.name)
	}
	switch c.kind {
	case binaryCodec:
		return nameErr(fmt.Sprintf("'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs", spec.name))
	case undefinedCodec:
		return nameErr("undefined encoding")
	case unsupportedCodec:
		return nameErr(fmt.Sprintf("py314 cannot decode source code in %s", c.name))
	}
	// CPython decodes the source after turning line breaks into "\n" and
	// adding one at the end; error positions count in that text.
	t := translateNewlines(raw)
	var out []byte
	var fail *decodeFailure
	switch c.kind {
	case utf8Codec:
		out, fail = decodeUTF8(t.text)
	case asciiCodec:
		out, fail = decodeASCII(t.text)
	case tableCodec:
		out, fail = c.table.decode(t.text)
	case cjkCodec:
		out, fail = c.cjk.decode(t.text)
	}
	if fail != nil {
		return Source{}, rawError(t.rawPos(fail.start), t.rawPos(fail.end), fail.message(t.text))
	}
	enc := c.name
	if c.kind == utf8Codec {
		enc = "utf-8"
	}
	return Source{Text: t.restore(out), Encoding: enc}, nil
}

// translated is a source with its line breaks turned into "\n" and a final
// "\n" added if missing, as CPython's tokenizer prepares it for decoding.
type translated struct {
	text    []byte
	breaks  []byte // for each "\n" of text, the kind of line break it replaces (see lineBreak)
	dropped []int  // offsets in text of the "\n"s that replace a "\r\n"
	rawLen  int
}

// lineBreak returns the line break of a kind in translated.breaks; kind 3
// is the "\n" added at the end, which stands for nothing.
func lineBreak(kind byte) string {
	switch kind {
	case 0:
		return "\n"
	case 1:
		return "\r\n"
	case 2:
		return "\r"
	}
	return ""
}

func translateNewlines(raw []byte) *translated {
	t := &translated{text: make([]byte, 0, len(raw)+1), rawLen: len(raw)}
	for rest := raw; len(rest) > 0; {
		i := bytes.IndexAny(rest, "\r\n")
		if i < 0 {
			t.text = append(t.text, rest...)
			break
		}
		t.text = append(t.text, rest[:i]...)
		kind := byte(0)
		switch {
		case rest[i] == '\n':
			rest = rest[i+1:]
		case i+1 < len(rest) && rest[i+1] == '\n':
			kind = 1
			t.dropped = append(t.dropped, len(t.text))
			rest = rest[i+2:]
		default:
			kind = 2
			rest = rest[i+1:]
		}
		t.text = append(t.text, '\n')
		t.breaks = append(t.breaks, kind)
	}
	if len(t.text) > 0 && t.text[len(t.text)-1] != '\n' {
		t.text = append(t.text, '\n')
		t.breaks = append(t.breaks, 3)
	}
	return t
}

// rawPos maps an offset in text to the offset in the raw source.
func (t *translated) rawPos(p int) int {
	return min(p+sort.SearchInts(t.dropped, p), t.rawLen)
}

// restore puts the original line breaks back into the decoded text, whose
// "\n"s are those of text, in order.
func (t *translated) restore(decoded []byte) []byte {
	out := make([]byte, 0, len(decoded)+len(t.dropped))
	for _, kind := range t.breaks {
		i := bytes.IndexByte(decoded, '\n')
		out = append(out, decoded[:i]...)
		out = append(out, lineBreak(kind)...)
		decoded = decoded[i+1:]
	}
	return append(out, decoded...)
}

// decodeUTF8 is Python's UTF-8 decoder: the input is the output, if valid.
func decodeUTF8(in []byte) ([]byte, *decodeFailure) {
	if utf8.Valid(in) {
		return in, nil
	}
	fail := func(start, end int, reason string) ([]byte, *decodeFailure) {
		return nil, &decodeFailure{codec: "utf-8", start: start, end: end, reason: reason}
	}
	isCont := func(c byte) bool { return c&0xC0 == 0x80 }
	for i := 0; i < len(in); {
		c := in[i]
		var n int
		lo, hi := byte(0x80), byte(0xBF) // allowed range of the second byte
		switch {
		case c < 0x80:
			i++
			continue
		case c < 0xC2:
			return fail(i, i+1, "invalid start byte")
		case c < 0xE0:
			n = 2
		case c < 0xF0:
			n = 3
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
		case c < 0xF5:
			n = 4
			if c == 0xF0 {
				lo = 0x90
			} else if c == 0xF4 {
				hi = 0x8F
			}
		default:
			return fail(i, i+1, "invalid start byte")
		}
		for k := 1; k < n; k++ {
			if i+k >= len(in) {
				return fail(i, len(in), "unexpected end of data")
			}
			b := in[i+k]
			if !isCont(b) || k == 1 && (b < lo || b > hi) {
				return fail(i, i+k, "invalid continuation byte")
			}
		}
		i += n
	}
	return in, nil
}

func decodeASCII(in []byte) ([]byte, *decodeFailure) {
	for i, c := range in {
		if c >= 0x80 {
			return nil, &decodeFailure{codec: "ascii", start: i, end: i + 1, reason: "ordinal not in range(128)"}
		}
	}
	return in, nil
}

func (t *byteTable) decode(in []byte) ([]byte, *decodeFailure) {
	rs := t.runes()
	out := make([]byte, 0, len(in)+len(in)/4)
	for i, c := range in {
		if c < t.first {
			out = append(out, c)
			continue
		}
		r := rs[c]
		if r == 0xFFFE {
			return nil, &decodeFailure{codec: t.errCodec, start: i, end: i + 1, reason: t.errReason}
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// cjkForm says which sequences longer than two bytes a multibyte codec has.
type cjkForm uint8

const (
	cjkPlain   cjkForm = iota // one- and two-byte sequences only
	cjkEUCJP                  // 0x8F starts a three-byte JIS X 0212 sequence
	cjkGB18030                // a digit after the first byte makes a four-byte sequence
	cjkEUCKR                  // A4 D4 starts an eight-byte KS X 1001 make-up sequence
)

// leadMulti in a cjkTable's lead marks a byte that starts a multibyte
// sequence.
const leadMulti = 0xFFFF

// A cjkTable is one of CPython's multibyte CJK codecs, described by how it
// differs from an x/text encoding. A sequence's key is its bytes read as a
// big-endian number.
type cjkTable struct {
	base       encoding.Encoding
	form       cjkForm
	errCodec   string        // codec name in CPython's error messages
	illegal    string        // reason for a sequence that does not decode
	incomplete string        // reason for a sequence cut short by the end of the input
	lead       string        // the 128 characters of the bytes 0x80..0xFF alone, or leadMulti
	invalid    []uint32      // sorted [lo, hi] key ranges CPython rejects although base decodes them
	override   []cjkOverride // sorted by key
	makeup     *eucKRMakeup
}

// A cjkOverride gives CPython's text for the sequences whose keys are
// lo..hi, which the base encoding rejects or decodes differently: text
// itself when lo == hi, else the single character text plus key-lo.
type cjkOverride struct {
	lo, hi uint32
	text   string
}

func (o *cjkOverride) decode(key uint32) string {
	if o.lo == o.hi {
		return o.text
	}
	r, _ := utf8.DecodeRuneInString(o.text)
	return string(r + rune(key-o.lo))
}

// eucKRMakeup describes EUC-KR's make-up sequences A4 D4 A4 x A4 y A4 z,
// which spell a Hangul syllable by its initial x, medial y and final z.
type eucKRMakeup struct {
	cho, jung, jong makeupIndex
}

// makeupIndex maps a byte b to the jamo index idx[b-first]; 0xFF and bytes
// outside the string mean none.
type makeupIndex struct {
	first byte
	idx   string
}

func (m makeupIndex) get(b byte) (int, bool) {
	i := int(b) - int(m.first)
	if i < 0 || i >= len(m.idx) || m.idx[i] == 0xFF {
		return 0, false
	}
	return int(m.idx[i]), true
}

// cjkDecoder decodes one input with a cjkTable.
type cjkDecoder struct {
	*cjkTable
	lead []rune
	base *encoding.Decoder
}

func (c *cjkTable) decoder() *cjkDecoder {
	return &cjkDecoder{cjkTable: c, lead: []rune(c.lead), base: c.base.NewDecoder()}
}

func (c *cjkTable) decode(in []byte) ([]byte, *decodeFailure) {
	d := c.decoder()
	out := make([]byte, 0, len(in)+len(in)/2)
	for p := 0; p < len(in); {
		text, n, fail := d.next(in, p)
		if fail != nil {
			return nil, fail
		}
		out = append(out, text...)
		p += n
	}
	return out, nil
}

// next decodes the sequence at in[p:], returning its text and length.
func (d *cjkDecoder) next(in []byte, p int) (string, int, *decodeFailure) {
	b := in[p]
	if b < 0x80 {
		return string(rune(b)), 1, nil
	}
	if r := d.lead[b-0x80]; r != leadMulti {
		return string(r), 1, nil
	}
	illegal := &decodeFailure{codec: d.errCodec, start: p, end: p + 1, reason: d.illegal}
	n := 2
	if p+1 < len(in) {
		switch b1 := in[p+1]; {
		case d.form == cjkEUCJP && b == 0x8F:
			n = 3
		case d.form == cjkGB18030 && '0' <= b1 && b1 <= '9':
			n = 4
		case d.form == cjkEUCKR && b == 0xA4 && b1 == 0xD4:
			n = 8
		}
	} else if d.form == cjkEUCJP && b == 0x8F {
		n = 3
	}
	if p+n > len(in) {
		return "", 0, &decodeFailure{codec: d.errCodec, start: p, end: len(in), reason: d.incomplete}
	}
	seq := in[p : p+n]
	switch n {
	case 8:
		if r, ok := d.makeupSyllable(seq); ok {
			return string(r), n, nil
		}
		return "", 0, illegal
	case 4:
		if b < 0x81 || b > 0xFE || seq[2] < 0x81 || seq[2] > 0xFE || seq[3] < '0' || seq[3] > '9' {
			return "", 0, illegal
		}
	}
	var key uint32
	for _, c := range seq {
		key = key<<8 | uint32(c)
	}
	if i := sort.Search(len(d.override), func(i int) bool { return d.override[i].hi >= key }); i < len(d.override) && d.override[i].lo <= key {
		return d.override[i].decode(key), n, nil
	}
	if i := sort.Search(len(d.invalid)/2, func(i int) bool { return d.invalid[2*i+1] >= key }); i < len(d.invalid)/2 && d.invalid[2*i] <= key {
		return "", 0, illegal
	}
	text, ok := baseDecode(d.base, seq)
	if !ok {
		return "", 0, illegal
	}
	return text, n, nil
}

func (d *cjkDecoder) makeupSyllable(seq []byte) (rune, bool) {
	if d.makeup == nil || seq[2] != 0xA4 || seq[4] != 0xA4 || seq[6] != 0xA4 {
		return 0, false
	}
	cho, ok1 := d.makeup.cho.get(seq[3])
	jung, ok2 := d.makeup.jung.get(seq[5])
	jong, ok3 := d.makeup.jong.get(seq[7])
	if !ok1 || !ok2 || !ok3 {
		return 0, false
	}
	return rune(0xAC00 + cho*588 + jung*28 + jong), true
}

// baseDecode decodes one whole multibyte sequence with an x/text decoder;
// ok is false when x/text rejects it. tools/unicodegen has the same
// function: the generated tables are the differences between this and
// CPython.
func baseDecode(d *encoding.Decoder, seq []byte) (string, bool) {
	var buf [32]byte
	d.Reset()
	n, m, err := d.Transform(buf[:], seq, true)
	if err != nil || m != len(seq) || bytes.ContainsRune(buf[:n], utf8.RuneError) {
		return "", false
	}
	return string(buf[:n]), true
}

// Encode returns text encoded for writing back a source that Decode
// returned src for: in src.Encoding, after a UTF-8 byte order mark if
// src.BOM. Decode of the result gives text again, as long as text keeps the
// source's PEP 263 declaration. Encode fails when text is not valid UTF-8
// or has a character the encoding cannot represent.
func Encode(text []byte, src Source) ([]byte, error) {
	name := src.Encoding
	if name == "" {
		name = "utf-8"
	}
	c, ok := lookupCodec(name)
	if !ok {
		return nil, fmt.Errorf("unknown encoding: %s", name)
	}
	if src.BOM && c.kind != utf8Codec {
		return nil, fmt.Errorf("a byte order mark goes only with utf-8, not %s", name)
	}
	if i := invalidUTF8(text); i >= 0 {
		return nil, fmt.Errorf("text is not valid UTF-8 at offset %d", i)
	}
	cannot := func(r rune, i int) error {
		return fmt.Errorf("%s cannot encode %U at offset %d", name, r, i)
	}
	switch c.kind {
	case utf8Codec:
		if !src.BOM {
			return text, nil
		}
		return append([]byte(utf8BOM), text...), nil
	case asciiCodec:
		for i, r := range string(text) {
			if r >= 0x80 {
				return nil, cannot(r, i)
			}
		}
		return text, nil
	case tableCodec:
		rev := map[rune]byte{}
		for b, r := range c.table.runes() {
			if _, dup := rev[r]; !dup && r != 0xFFFE {
				rev[r] = byte(b)
			}
		}
		out := make([]byte, 0, len(text))
		for i, r := range string(text) {
			b, ok := rev[r]
			if !ok {
				return nil, cannot(r, i)
			}
			out = append(out, b)
		}
		return out, nil
	case cjkCodec:
		return c.cjk.encode(text, cannot)
	}
	return nil, fmt.Errorf("py314 cannot encode %s", c.name)
}

// encode encodes text, character by character, into sequences that decode
// back to the same character.
func (c *cjkTable) encode(text []byte, cannot func(rune, int) error) ([]byte, error) {
	d := c.decoder()
	rev := map[string][]byte{}
	for i, r := range d.lead {
		if r != leadMulti {
			rev[string(r)] = []byte{byte(0x80 + i)}
		}
	}
	for _, o := range c.override {
		for key := o.lo; key <= o.hi; key++ {
			text := o.decode(key)
			if _, dup := rev[text]; !dup {
				var seq []byte
				for k := key; k != 0; k >>= 8 {
					seq = append([]byte{byte(k)}, seq...)
				}
				rev[text] = seq
			}
		}
	}
	// Sequences that decode to more than one character (a letter and a
	// combining mark in big5hkscs) go first, longest first.
	var multi []string
	for text := range rev {
		if utf8.RuneCountInString(text) > 1 {
			multi = append(multi, text)
		}
	}
	sort.Slice(multi, func(i, j int) bool {
		if len(multi[i]) != len(multi[j]) {
			return len(multi[i]) > len(multi[j])
		}
		return multi[i] < multi[j]
	})
	enc := c.base.NewEncoder()
	out := make([]byte, 0, len(text)+len(text)/2)
	rest := string(text)
next:
	for len(rest) > 0 {
		for _, m := range multi {
			if strings.HasPrefix(rest, m) {
				out = append(out, rev[m]...)
				rest = rest[len(m):]
				continue next
			}
		}
		r, size := utf8.DecodeRuneInString(rest)
		ch := rest[:size]
		rest = rest[size:]
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		if seq, ok := rev[ch]; ok {
			out = append(out, seq...)
			continue
		}
		seq, err := enc.Bytes([]byte(ch))
		if err != nil {
			return nil, cannot(r, len(text)-len(rest)-size)
		}
		if got, n, fail := d.next(seq, 0); fail != nil || n != len(seq) || got != ch {
			return nil, cannot(r, len(text)-len(rest)-size)
		}
		out = append(out, seq...)
	}
	return out, nil
}
