package scanner

import (
	"bytes"
	"testing"
)

// decodeTests hold byte sources and what CPython 3.14.2 makes of them with
// ast.parse(raw): the decoded text (checked against the string constants of
// CPython's AST) or the SyntaxError message. Error positions are py314's:
// CPython reports none for most of these errors; Pos and End delimit the
// offending bytes of raw.
var decodeTests = []struct {
	name string
	raw  string
	want Source
	err  *Error
}{
	{name: "empty",
		raw:  "",
		want: Source{Text: []byte(""), Encoding: "utf-8"}},
	{name: "ascii",
		raw:  "x = 1\n",
		want: Source{Text: []byte("x = 1\n"), Encoding: "utf-8"}},
	{name: "utf-8 text",
		raw:  "x = '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'\n",
		want: Source{Text: []byte("x = 'é€😀'\n"), Encoding: "utf-8"}},
	{name: "no final newline",
		raw:  "x = 1",
		want: Source{Text: []byte("x = 1"), Encoding: "utf-8"}},
	{name: "crlf and cr kept",
		raw:  "x = 1\r\ny = 2\rz = 3\n",
		want: Source{Text: []byte("x = 1\r\ny = 2\rz = 3\n"), Encoding: "utf-8"}},
	{name: "bom",
		raw:  "\xef\xbb\xbfx = 1\n",
		want: Source{Text: []byte("x = 1\n"), Encoding: "utf-8", BOM: true}},
	{name: "bom only",
		raw:  "\xef\xbb\xbf",
		want: Source{Text: []byte(""), Encoding: "utf-8", BOM: true}},
	{name: "bom with utf-8 declaration",
		raw:  "\xef\xbb\xbf# -*- coding: utf-8 -*-\nx = '\xc3\xa9'\n",
		want: Source{Text: []byte("# -*- coding: utf-8 -*-\nx = 'é'\n"), Encoding: "utf-8", BOM: true}},
	{name: "bom with UTF_8 declaration",
		raw:  "\xef\xbb\xbf# coding=UTF_8\n",
		want: Source{Text: []byte("# coding=UTF_8\n"), Encoding: "utf-8", BOM: true}},
	{name: "bom with utf-8-sig declaration on line 2",
		raw:  "\xef\xbb\xbf#!/usr/bin/python\n# coding: utf-8-sig\n",
		want: Source{Text: []byte("#!/usr/bin/python\n# coding: utf-8-sig\n"), Encoding: "utf-8", BOM: true}},
	{name: "utf-8 declaration",
		raw:  "# coding: utf-8\nx = '\xc3\xa9'\n",
		want: Source{Text: []byte("# coding: utf-8\nx = 'é'\n"), Encoding: "utf-8"}},
	{name: "latin-1",
		raw:  "# -*- coding: latin-1 -*-\nx = '\xe9'\n",
		want: Source{Text: []byte("# -*- coding: latin-1 -*-\nx = 'é'\n"), Encoding: "iso8859-1"}},
	{name: "latin-1 crlf",
		raw:  "# coding: latin-1\r\nx = '\xe9'\r\ny = 2\r\n",
		want: Source{Text: []byte("# coding: latin-1\r\nx = 'é'\r\ny = 2\r\n"), Encoding: "iso8859-1"}},
	{name: "latin-1 cr",
		raw:  "# coding: latin-1\rx = '\xe9'\r",
		want: Source{Text: []byte("# coding: latin-1\rx = 'é'\r"), Encoding: "iso8859-1"}},
	{name: "latin-1 no final newline",
		raw:  "# coding: latin-1\nx = '\xe9'",
		want: Source{Text: []byte("# coding: latin-1\nx = 'é'"), Encoding: "iso8859-1"}},
	{name: "iso-latin-1-x",
		raw:  "# coding: ISO_Latin_1-x\nx = '\xe9'\n",
		want: Source{Text: []byte("# coding: ISO_Latin_1-x\nx = 'é'\n"), Encoding: "iso8859-1"}},
	{name: "iso8859.1",
		raw:  "# coding: iso8859.1\nx = '\xe9'\n",
		want: Source{Text: []byte("# coding: iso8859.1\nx = 'é'\n"), Encoding: "iso8859-1"}},
	{name: "cp1252 on line 2 after shebang",
		raw:  "#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nx = '\x80\x9c'\n",
		want: Source{Text: []byte("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nx = '€œ'\n"), Encoding: "cp1252"}},
	{name: "declaration on line 2 after blank line",
		raw:  "  \t\n#coding:windows-1251\nx = '\xcf\xf0\xe8'\n",
		want: Source{Text: []byte("  \t\n#coding:windows-1251\nx = 'При'\n"), Encoding: "cp1251"}},
	{name: "declaration on line 2 after comment with bad utf-8",
		raw:  "# \xff\n# coding: latin-1\nx = '\xff'\n",
		want: Source{Text: []byte("# ÿ\n# coding: latin-1\nx = 'ÿ'\n"), Encoding: "iso8859-1"}},
	{name: "declaration after code is ignored",
		raw:  "x = 1  # coding: latin-1\n",
		want: Source{Text: []byte("x = 1  # coding: latin-1\n"), Encoding: "utf-8"}},
	{name: "declaration on line 3 is ignored",
		raw:  "#\n#\n# coding: latin-1\n",
		want: Source{Text: []byte("#\n#\n# coding: latin-1\n"), Encoding: "utf-8"}},
	{name: "first declaration wins",
		raw:  "# coding: latin-1 coding: koi8-r\nx = '\xe9'\n",
		want: Source{Text: []byte("# coding: latin-1 coding: koi8-r\nx = 'é'\n"), Encoding: "iso8859-1"}},
	{name: "empty name is skipped",
		raw:  "# coding: , coding=koi8-r\nx = '\xf0\xd2\xc9'\n",
		want: Source{Text: []byte("# coding: , coding=koi8-r\nx = 'При'\n"), Encoding: "koi8-r"}},
	{name: "tab before name",
		raw:  "# coding:\tkoi8_u\nx = '\xf0\xd2\xc9'\n",
		want: Source{Text: []byte("# coding:\tkoi8_u\nx = 'При'\n"), Encoding: "koi8-u"}},
	{name: "form feed before name ends it",
		raw:  "# coding:\x0clatin-1\nx = 1\n",
		want: Source{Text: []byte("# coding:\x0clatin-1\nx = 1\n"), Encoding: "utf-8"}},
	{name: "name stops at other characters",
		raw:  "# coding: iso-8859-15+x\nx = '\xa4'\n",
		want: Source{Text: []byte("# coding: iso-8859-15+x\nx = '€'\n"), Encoding: "iso8859-15"}},
	{name: "coding spec needs the colon on the line",
		raw:  "#coding\n",
		want: Source{Text: []byte("#coding\n"), Encoding: "utf-8"}},
	{name: "utf8 declaration",
		raw:  "# coding: utf8\nx = '\xc3\xa9'\n",
		want: Source{Text: []byte("# coding: utf8\nx = 'é'\n"), Encoding: "utf-8"}},
	{name: "u8 declaration, crlf",
		raw:  "# coding: U8\r\nx = '\xc3\xa9'\r\n",
		want: Source{Text: []byte("# coding: U8\r\nx = 'é'\r\n"), Encoding: "utf-8"}},
	{name: "ascii declaration",
		raw:  "# coding: us-ascii\nx = 1\n",
		want: Source{Text: []byte("# coding: us-ascii\nx = 1\n"), Encoding: "ascii"}},
	{name: "mac-roman",
		raw:  "# coding: macintosh\nx = '\x8e'\n",
		want: Source{Text: []byte("# coding: macintosh\nx = 'é'\n"), Encoding: "mac-roman"}},
	{name: "cp437",
		raw:  "# coding: IBM437\nx = '\xb0\xb1\xb2'\n",
		want: Source{Text: []byte("# coding: IBM437\nx = '░▒▓'\n"), Encoding: "cp437"}},
	{name: "shift_jis",
		raw:  "# coding: shift_jis\nx = '\x82\xa0\x88\x9f\xb1'\n",
		want: Source{Text: []byte("# coding: shift_jis\nx = 'あ亜ｱ'\n"), Encoding: "shift_jis"}},
	{name: "cp932 extension",
		raw:  "# coding: cp932\nx = '\x87@\xed@'\n",
		want: Source{Text: []byte("# coding: cp932\nx = '①纊'\n"), Encoding: "cp932"}},
	{name: "euc-jp with JIS X 0212 and half-width kana",
		raw:  "# coding: euc-jp\nx = '\xa4\xa2\x8f\xb0\xa1\x8e\xb1'\n",
		want: Source{Text: []byte("# coding: euc-jp\nx = 'あ丂ｱ'\n"), Encoding: "euc_jp"}},
	{name: "gbk",
		raw:  "# coding: gbk\nx = '\xc4\xe3\xba\xc3\x81@'\n",
		want: Source{Text: []byte("# coding: gbk\nx = '你好丂'\n"), Encoding: "gbk"}},
	{name: "gb2312",
		raw:  "# coding: gb2312\nx = '\xc4\xe3\xba\xc3'\n",
		want: Source{Text: []byte("# coding: gb2312\nx = '你好'\n"), Encoding: "gb2312"}},
	{name: "gb18030 four-byte",
		raw:  "# coding: gb18030\nx = '\xc4\xe3\x810\x810\x952\x826'\n",
		want: Source{Text: []byte("# coding: gb18030\nx = '你\u0080𠀀'\n"), Encoding: "gb18030"}},
	{name: "big5",
		raw:  "# coding: big5\nx = '\xa4\xa4\xa4\xe5'\n",
		want: Source{Text: []byte("# coding: big5\nx = '中文'\n"), Encoding: "big5"}},
	{name: "big5hkscs two characters",
		raw:  "# coding: big5hkscs\nx = '\x88b'\n",
		want: Source{Text: []byte("# coding: big5hkscs\nx = 'Ê\u0304'\n"), Encoding: "big5hkscs"}},
	{name: "euc-kr with make-up sequence",
		raw:  "# coding: euc-kr\nx = '\xb0\xa1\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4'\n",
		want: Source{Text: []byte("# coding: euc-kr\nx = '가가'\n"), Encoding: "euc_kr"}},
	{name: "cp949 extension",
		raw:  "# coding: cp949\nx = '\x81A'\n",
		want: Source{Text: []byte("# coding: cp949\nx = '갂'\n"), Encoding: "cp949"}},
	{name: "null byte",
		raw: "x = 1\n\x00y\n",
		err: &Error{Pos: 6, End: 7, Msg: "source code string cannot contain null bytes"}},
	{name: "null byte before bad utf-8",
		raw: "\xef\xbb\xbf\xff\x00",
		err: &Error{Pos: 4, End: 5, Msg: "source code string cannot contain null bytes"}},
	{name: "null byte before unknown encoding",
		raw: "# coding: foo\n\x00",
		err: &Error{Pos: 14, End: 15, Msg: "source code string cannot contain null bytes"}},
	{name: "bad utf-8",
		raw: "x = '\xff'\n",
		err: &Error{Pos: 5, End: 6, Msg: "Non-UTF-8 code starting with '\\xff' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
	{name: "bad utf-8 on line 3",
		raw: "x = 1\r\ny = 2\rz = '\xc3\xa9\xe2\x82'\n",
		err: &Error{Pos: 20, End: 21, Msg: "Non-UTF-8 code starting with '\\xe2' on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
	{name: "surrogate in utf-8 after bom",
		raw: "\xef\xbb\xbf\n'\xed\xa0\x80'\n",
		err: &Error{Pos: 5, End: 6, Msg: "Non-UTF-8 code starting with '\\xed' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
	{name: "overlong utf-8 with utf-8 declaration",
		raw: "# coding: utf-8\nx = '\xc0\x80'\n",
		err: &Error{Pos: 21, End: 22, Msg: "Non-UTF-8 code starting with '\\xc0' on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
	{name: "partial bom",
		raw: "\xef\xbb",
		err: &Error{Pos: 0, End: 1, Msg: "Non-UTF-8 code starting with '\\xef' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
	{name: "declaration on line 3 does not count",
		raw: "#\n#\n# coding: latin-1\nx = '\xe9'\n",
		err: &Error{Pos: 27, End: 28, Msg: "Non-UTF-8 code starting with '\\xe9' on line 4, but no encoding declared; see https://peps.python.org/pep-0263/ for details"}},
	{name: "bom with latin-1",
		raw: "\xef\xbb\xbf# coding: latin-1\nx = 1\n",
		err: &Error{Pos: 3, End: 20, Msg: "encoding problem: iso-8859-1 with BOM"}},
	{name: "bom with utf8 on line 2",
		raw: "\xef\xbb\xbf\r\n# coding: utf8\r\n",
		err: &Error{Pos: 5, End: 19, Msg: "encoding problem: utf8 with BOM"}},
	{name: "unknown encoding",
		raw: "# coding: FOO\nx = 1\n",
		err: &Error{Pos: 10, End: 13, Msg: "unknown encoding: FOO"}},
	{name: "latin.1 is unknown",
		raw: "# coding: latin.1\nx = 1\n",
		err: &Error{Pos: 10, End: 17, Msg: "unknown encoding: latin.1"}},
	{name: "mbcs is unknown here",
		raw: "# coding: mbcs\nx = 1\n",
		err: &Error{Pos: 10, End: 14, Msg: "unknown encoding: mbcs"}},
	{name: "not a text encoding",
		raw: "# coding: rot13\nx = 1\n",
		err: &Error{Pos: 10, End: 15, Msg: "'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs"}},
	{name: "base64 is not a text encoding",
		raw: "# coding: Base64\nx = 1\n",
		err: &Error{Pos: 10, End: 16, Msg: "'Base64' is not a text encoding; use codecs.decode() to handle arbitrary codecs"}},
	{name: "undefined encoding",
		raw: "# coding: undefined\nx = 1\n",
		err: &Error{Pos: 10, End: 19, Msg: "undefined encoding"}},
	{name: "utf8 invalid start byte",
		raw: "# coding: utf8\nx = '\xff'\n",
		err: &Error{Pos: 20, End: 21, Msg: "'utf-8' codec can't decode byte 0xff in position 20: invalid start byte"}},
	{name: "utf8 invalid continuation",
		raw: "# coding: utf8\nx = '\xe2\x82'\n",
		err: &Error{Pos: 20, End: 22, Msg: "'utf-8' codec can't decode bytes in position 20-21: invalid continuation byte"}},
	{name: "utf8 truncated before crlf",
		raw: "# coding: utf8\r\n\r\nx = 1 #\xf0\x9f\x98\r\n",
		err: &Error{Pos: 25, End: 28, Msg: "'utf-8' codec can't decode bytes in position 23-25: invalid continuation byte"}},
	{name: "utf8 truncated at the end",
		raw: "# coding: utf8\nx = 1 #\xc3",
		err: &Error{Pos: 22, End: 23, Msg: "'utf-8' codec can't decode byte 0xc3 in position 22: invalid continuation byte"}},
	{name: "ascii with crlf",
		raw: "# coding: ascii\r\nx = '\x80'\r\n",
		err: &Error{Pos: 22, End: 23, Msg: "'ascii' codec can't decode byte 0x80 in position 21: ordinal not in range(128)"}},
	{name: "cp1252 undefined byte",
		raw: "# coding: cp1252\nx = '\x81'\n",
		err: &Error{Pos: 22, End: 23, Msg: "'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>"}},
	{name: "tis-620 undefined byte",
		raw: "# coding: tis-620\r\nx = '\xff'\r\n",
		err: &Error{Pos: 24, End: 25, Msg: "'charmap' codec can't decode byte 0xff in position 23: character maps to <undefined>"}},
	{name: "shift_jis bad trail byte",
		raw: "# coding: shift_jis\nx = '\x82 '\n",
		err: &Error{Pos: 25, End: 26, Msg: "'shift_jis' codec can't decode byte 0x82 in position 25: illegal multibyte sequence"}},
	{name: "shift_jis rejects cp932 extension",
		raw: "# coding: shift_jis\nx = '\x87@'\n",
		err: &Error{Pos: 25, End: 26, Msg: "'shift_jis' codec can't decode byte 0x87 in position 25: illegal multibyte sequence"}},
	{name: "euc-jp three-byte sequence cut by the end",
		raw: "# coding: euc_jp\nx = 1 #\x8f\xa1",
		err: &Error{Pos: 24, End: 25, Msg: "'euc_jp' codec can't decode byte 0x8f in position 24: illegal multibyte sequence"}},
	{name: "gb18030 four-byte sequence cut by the end",
		raw: "# coding: gb18030\nx = 1 #\x810",
		err: &Error{Pos: 25, End: 27, Msg: "'gb18030' codec can't decode bytes in position 25-27: incomplete multibyte sequence"}},
	{name: "gb18030 unmapped four-byte sequence",
		raw: "# coding: gb18030\nx = '\x841\xa50'\n",
		err: &Error{Pos: 23, End: 24, Msg: "'gb18030' codec can't decode byte 0x84 in position 23: illegal multibyte sequence"}},
	{name: "gb2312 rejects gbk",
		raw: "# coding: gb2312\nx = '\x81@'\n",
		err: &Error{Pos: 22, End: 23, Msg: "'gb2312' codec can't decode byte 0x81 in position 22: illegal multibyte sequence"}},
	{name: "euc-kr make-up sequence cut by the end",
		raw: "# coding: euc-kr\nx = '\xa4\xd4\xa4\xa1'\n",
		err: &Error{Pos: 22, End: 28, Msg: "'euc_kr' codec can't decode bytes in position 22-27: incomplete multibyte sequence"}},
	{name: "euc-kr bad make-up sequence",
		raw: "# coding: euc-kr\nx = '\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xff'\n",
		err: &Error{Pos: 22, End: 23, Msg: "'euc_kr' codec can't decode byte 0xa4 in position 22: illegal multibyte sequence"}},
	// CPython 3.14 decodes UTF-7 source; py314 does not.
	{name: "utf-7 is not supported",
		raw: "# coding: utf-7\nx = 1\n",
		err: &Error{Pos: 10, End: 15, Msg: "py314 cannot decode source code in utf-7"}},
}

func TestDecode(t *testing.T) {
	for _, tt := range decodeTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.raw))
			if tt.err != nil {
				want := *tt.err
				want.Type = SyntaxError
				if err == nil {
					t.Fatalf("Decode(%q) = %q (%s), want error %+v", tt.raw, got.Text, got.Encoding, want)
				}
				if *err != want {
					t.Fatalf("Decode(%q) error = %+v, want %+v", tt.raw, *err, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode(%q) error = %+v", tt.raw, *err)
			}
			if !bytes.Equal(got.Text, tt.want.Text) || got.Encoding != tt.want.Encoding || got.BOM != tt.want.BOM {
				t.Fatalf("Decode(%q) = {%q %s %v}, want {%q %s %v}", tt.raw,
					got.Text, got.Encoding, got.BOM, tt.want.Text, tt.want.Encoding, tt.want.BOM)
			}
		})
	}
}

// reencoded holds the decodeTests whose text Encode writes differently
// from the input, and what it writes.
var reencoded = map[string]string{
	// Encode uses the ordinary code of the syllable, not a make-up sequence.
	"euc-kr with make-up sequence": "# coding: euc-kr\nx = '\xb0\xa1\xb0\xa1'\n",
}

func TestEncodeRoundTrip(t *testing.T) {
	for _, tt := range decodeTests {
		if tt.err != nil {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			src, err := Decode([]byte(tt.raw))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			got, encErr := Encode(src.Text, src)
			if encErr != nil {
				t.Fatalf("Encode: %v", encErr)
			}
			want, ok := reencoded[tt.name]
			if !ok {
				want = tt.raw
			}
			if string(got) != want {
				t.Fatalf("Encode(Decode(%q)) = %q, want %q", tt.raw, got, want)
			}
		})
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		src  Source
		want string
	}{
		{"latin-1 has no euro sign", "x = '€'\n", Source{Encoding: "iso8859-1"},
			"iso8859-1 cannot encode U+20AC at offset 5"},
		{"ascii", "# coding: ascii\nx = 'é'\n", Source{Encoding: "ascii"},
			"ascii cannot encode U+00E9 at offset 21"},
		{"shift_jis has no hangul", "x = '가'\n", Source{Encoding: "shift_jis"},
			"shift_jis cannot encode U+AC00 at offset 5"},
		{"invalid utf-8", "x = '\xff'\n", Source{Encoding: "utf-8"},
			"text is not valid UTF-8 at offset 5"},
		{"bom with cp1252", "x = 1\n", Source{Encoding: "cp1252", BOM: true},
			"a byte order mark goes only with utf-8, not cp1252"},
		{"unknown encoding", "x = 1\n", Source{Encoding: "klingon"},
			"unknown encoding: klingon"},
		{"unsupported encoding", "x = 1\n", Source{Encoding: "utf-16"},
			"py314 cannot encode utf-16"},
	}
	for _, tt := range tests {
		got, err := Encode([]byte(tt.text), tt.src)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Encode = %q, %v; want error %q", tt.name, got, err, tt.want)
		}
	}
}

func TestEncodeBOM(t *testing.T) {
	got, err := Encode([]byte("x = 'é'\n"), Source{Encoding: "utf-8", BOM: true})
	if want := "\xef\xbb\xbfx = '\xc3\xa9'\n"; err != nil || string(got) != want {
		t.Fatalf("Encode = %q, %v; want %q", got, err, want)
	}
}

// benchSource is about 100 KB of Python with some non-ASCII text.
func benchSource(head string) []byte {
	var b bytes.Buffer
	b.WriteString(head)
	for b.Len() < 100_000 {
		b.WriteString("def f(x):\n    # caf\xe9 au lait\n    return x + 1\n\n")
	}
	return b.Bytes()
}

func BenchmarkDecodeUTF8(b *testing.B) {
	raw := bytes.ReplaceAll(benchSource(""), []byte("\xe9"), []byte("\xc3\xa9"))
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Decode(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeLatin1(b *testing.B) {
	raw := benchSource("# -*- coding: latin-1 -*-\n")
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Decode(raw); err != nil {
			b.Fatal(err)
		}
	}
}
