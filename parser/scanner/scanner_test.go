package scanner

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"testing"

	"github.com/py314/py314/parser/token"
)

// scanAll renders the significant tokens of src and the errors, one line
// each: "KIND text" for tokens, "error LINE:COL Type: msg" for errors.
func scanAll(src string) string {
	var errs ErrorList
	var s Scanner
	s.Init([]byte(src), &errs, 0)
	var toks []token.Token
	for {
		toks = append(toks, s.Next())
		if toks[len(toks)-1].Kind == token.EOF {
			break
		}
	}
	return render(src, toks, errs)
}

// appendAll is scanAll through AppendTokens, with the comments.
func appendAll(src string) string {
	var errs ErrorList
	var s Scanner
	s.Init([]byte(src), &errs, 0)
	out := render(src, s.AppendTokens(nil), errs)
	for _, c := range s.Comments() {
		out += fmt.Sprintf("\ncomment %q", src[c.Start:c.End])
	}
	return out
}

func render(src string, toks []token.Token, errs ErrorList) string {
	var b strings.Builder
	for _, t := range toks {
		text := src[t.Start:t.End]
		switch {
		case t.Kind.IsOperator() || t.Kind.IsKeyword():
			fmt.Fprintf(&b, "%s ", t.Kind)
		case text == "":
			fmt.Fprintf(&b, "%s ", t.Kind)
		default:
			fmt.Fprintf(&b, "%s%q ", t.Kind, text)
		}
	}
	f := token.NewFile("", []byte(src))
	b2 := strings.TrimSpace(b.String())
	b.Reset()
	b.WriteString(b2)
	for _, e := range errs {
		line, col := f.LineCol(e.Pos)
		fmt.Fprintf(&b, "\nerror %d:%d %s: %s", line, col, e.Type, e.Msg)
	}
	return strings.TrimSpace(b.String())
}

func TestScan(t *testing.T) {
	tests := []struct{ src, want string }{
		{"", `EOF`},
		{"x = 1\n", `NAME"x" = NUMBER"1" NEWLINE"\n" EOF`},
		{"x", `NAME"x" NEWLINE EOF`},
		{"if x:\n  pass\n", `if NAME"x" : NEWLINE"\n" INDENT"  " pass NEWLINE"\n" DEDENT EOF`},
		{"if x:\n  if y:\n    a\nb\n", `if NAME"x" : NEWLINE"\n" INDENT"  " if NAME"y" : NEWLINE"\n" INDENT"    " NAME"a" NEWLINE"\n" DEDENT DEDENT NAME"b" NEWLINE"\n" EOF`},
		{"if x:\n  a\n\n  # c\n  b", `if NAME"x" : NEWLINE"\n" INDENT"  " NAME"a" NEWLINE"\n" NAME"b" NEWLINE DEDENT EOF`},
		{"x = (1,\n  2)\r\ny\r", `NAME"x" = ( NUMBER"1" , NUMBER"2" ) NEWLINE"\r\n" NAME"y" NEWLINE"\r" EOF`},
		{"x = 1 + \\\n  2\n", `NAME"x" = NUMBER"1" + NUMBER"2" NEWLINE"\n" EOF`},
		{"a.b(**c) -> d := e ... != <= >>= //= **= @ ~", `NAME"a" . NAME"b" ( ** NAME"c" ) -> NAME"d" := NAME"e" ... != <= >>= //= **= @ ~ NEWLINE EOF`},
		{"match _: case type", `NAME"match" NAME"_" : NAME"case" NAME"type" NEWLINE EOF`},
		{"0x_ff 0o17 0b1_0 1_000 1.5e-3 .5 1. 1j 1.5J 0 00 0_0", `NUMBER"0x_ff" NUMBER"0o17" NUMBER"0b1_0" NUMBER"1_000" NUMBER"1.5e-3" NUMBER".5" NUMBER"1." NUMBER"1j" NUMBER"1.5J" NUMBER"0" NUMBER"00" NUMBER"0_0" NEWLINE EOF`},
		{"1if x else 2", `NUMBER"1" if NAME"x" else NUMBER"2" NEWLINE EOF`},
		{`'a' "b" r'\'' b"x" Rb'y' u'z' '''t'''`, `STRING"'a'" STRING"\"b\"" STRING"r'\\''" STRING"b\"x\"" STRING"Rb'y'" STRING"u'z'" STRING"'''t'''" NEWLINE EOF`},
		{"bu'x'", `NAME"bu" STRING"'x'" NEWLINE EOF`},
		{`f"a{{b{x!r:>{w}}c}}d"`, `FSTRING_START"f\"" FSTRING_MIDDLE"a{{b" { NAME"x" ! NAME"r" : FSTRING_MIDDLE">" { NAME"w" } } FSTRING_MIDDLE"c}}d" FSTRING_END"\"" NEWLINE EOF`},
		{`f"{x:=5}{y=}"`, `FSTRING_START"f\"" { NAME"x" : FSTRING_MIDDLE"=5" } { NAME"y" = } FSTRING_END"\"" NEWLINE EOF`},
		{`f"{"a"}" t'{x}'`, `FSTRING_START"f\"" { STRING"\"a\"" } FSTRING_END"\"" TSTRING_START"t'" { NAME"x" } TSTRING_END"'" NEWLINE EOF`},
		{`f"{a[1:2]}{ {1: 2} }"`, `FSTRING_START"f\"" { NAME"a" [ NUMBER"1" : NUMBER"2" ] } { { NUMBER"1" : NUMBER"2" } } FSTRING_END"\"" NEWLINE EOF`},
		{`f"{x:{{y}}}"`, `FSTRING_START"f\"" { NAME"x" : { { NAME"y" } } } FSTRING_END"\"" NEWLINE EOF`},
		{"f'''{\nx # c\n}'''", `FSTRING_START"f'''" { NAME"x" } FSTRING_END"'''" NEWLINE EOF`},
		{`f"\N{DASH}{x}\{y}" rf"\N{x}"`, `FSTRING_START"f\"" FSTRING_MIDDLE"\\N{DASH}" { NAME"x" } FSTRING_MIDDLE"\\" { NAME"y" } FSTRING_END"\"" FSTRING_START"rf\"" FSTRING_MIDDLE"\\N" { NAME"x" } FSTRING_END"\"" NEWLINE EOF`},
		{"ﬁ = µ", `NAME"ﬁ" = NAME"µ" NEWLINE EOF`},

		// Errors, with CPython 3.14's messages.
		{"1abc", "NUMBER\"1abc\" NEWLINE EOF\nerror 1:0 SyntaxError: invalid decimal literal"},
		{"0x", "NUMBER\"0x\" NEWLINE EOF\nerror 1:1 SyntaxError: invalid hexadecimal literal"},
		{"012", "NUMBER\"012\" NEWLINE EOF\nerror 1:0 SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
		{"0o8", "NUMBER\"0o8\" NEWLINE EOF\nerror 1:2 SyntaxError: invalid digit '8' in octal literal"},
		{"0b12", "NUMBER\"0b12\" NEWLINE EOF\nerror 1:3 SyntaxError: invalid digit '2' in binary literal"},
		{"1__0", "NUMBER\"1__0\" NEWLINE EOF\nerror 1:1 SyntaxError: invalid decimal literal"},
		{"1e+", "NUMBER\"1e+\" NEWLINE EOF\nerror 1:2 SyntaxError: invalid decimal literal"},
		{"x = \"abc\ny", "NAME\"x\" = STRING\"\\\"abc\" NEWLINE\"\\n\" NAME\"y\" NEWLINE EOF\nerror 1:4 SyntaxError: unterminated string literal (detected at line 1)"},
		{"'''abc\n\n", "STRING\"'''abc\\n\\n\" NEWLINE EOF\nerror 1:0 SyntaxError: unterminated triple-quoted string literal (detected at line 2)"},
		{"a€b", "ILLEGAL\"a€b\" NEWLINE EOF\nerror 1:1 SyntaxError: invalid character '€' (U+20AC)"},
		{"x = \x01", "NAME\"x\" = ILLEGAL\"\\x01\" NEWLINE EOF\nerror 1:4 SyntaxError: invalid non-printable character U+0001"},
		{"x $ y", `NAME"x" ILLEGAL"$" NAME"y" NEWLINE EOF`},
		{"if x:\n  a\n b\n", "if NAME\"x\" : NEWLINE\"\\n\" INDENT\"  \" NAME\"a\" NEWLINE\"\\n\" DEDENT NAME\"b\" NEWLINE\"\\n\" EOF\nerror 3:2 IndentationError: unindent does not match any outer indentation level"},
		{"if x:\n\ta\n        b\n", "if NAME\"x\" : NEWLINE\"\\n\" INDENT\"\\t\" NAME\"a\" NEWLINE\"\\n\" NAME\"b\" NEWLINE\"\\n\" DEDENT EOF\nerror 3:0 TabError: inconsistent use of tabs and spaces in indentation"},
		{"x = 1 \\ 2", "NAME\"x\" = NUMBER\"1\" ILLEGAL\"\\\\\" NUMBER\"2\" NEWLINE EOF\nerror 1:7 SyntaxError: unexpected character after line continuation character"},
		{"x = )", "NAME\"x\" = ) NEWLINE EOF\nerror 1:4 SyntaxError: unmatched ')'"},
		{"(]", "( ] NEWLINE EOF\nerror 1:1 SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"},
		{"(\n]", "( ] NEWLINE EOF\nerror 2:0 SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1"},
		{`f"{x"`, "FSTRING_START\"f\\\"\" { NAME\"x\" FSTRING_END\"\\\"\" NEWLINE EOF\nerror 1:4 SyntaxError: f-string: expecting '}'"},
		{`t"{x"`, "TSTRING_START\"t\\\"\" { NAME\"x\" TSTRING_END\"\\\"\" NEWLINE EOF\nerror 1:4 SyntaxError: t-string: expecting '}'"},
		{`f"abc`, "FSTRING_START\"f\\\"\" FSTRING_MIDDLE\"abc\" FSTRING_END NEWLINE EOF\nerror 1:0 SyntaxError: unterminated f-string literal (detected at line 1)"},
		{"f'''abc\n\n", "FSTRING_START\"f'''\" FSTRING_MIDDLE\"abc\\n\\n\" FSTRING_END NEWLINE EOF\nerror 1:0 SyntaxError: unterminated triple-quoted f-string literal (detected at line 2)"},
		{`f"a}b"`, "FSTRING_START\"f\\\"\" FSTRING_MIDDLE\"a}b\" FSTRING_END\"\\\"\" NEWLINE EOF\nerror 1:3 SyntaxError: f-string: single '}' is not allowed"},
		{`f"{x)}"`, "FSTRING_START\"f\\\"\" { NAME\"x\" ) } FSTRING_END\"\\\"\" NEWLINE EOF\nerror 1:4 SyntaxError: f-string: unmatched ')'"},
		{"f\"{x:\n}\"", "FSTRING_START\"f\\\"\" { NAME\"x\" : FSTRING_END NEWLINE\"\\n\" } STRING\"\\\"\" NEWLINE EOF\nerror 1:5 SyntaxError: f-string: newlines are not allowed in format specifiers for single quoted f-strings\nerror 1:5 SyntaxError: f-string: expecting '}'\nerror 2:0 SyntaxError: unmatched '}'\nerror 2:1 SyntaxError: unterminated string literal (detected at line 2)"},
		{"(1,", "( NUMBER\"1\" , EOF"},
		{"x = 'abc\\'\n", "NAME\"x\" = STRING\"'abc\\\\'\" NEWLINE\"\\n\" EOF\nerror 1:4 SyntaxError: unterminated string literal (detected at line 1); perhaps you escaped the end quote?"},
		{"t'a}b'", "TSTRING_START\"t'\" TSTRING_MIDDLE\"a}b\" TSTRING_END\"'\" NEWLINE EOF\nerror 1:3 SyntaxError: t-string: single '}' is not allowed"},
		{"0o1_8", "NUMBER\"0o1_8\" NEWLINE EOF\nerror 1:4 SyntaxError: invalid digit '8' in octal literal"},
		{"0_9.9 00.5e1 0_0", `NUMBER"0_9.9" NUMBER"00.5e1" NUMBER"0_0" NEWLINE EOF`},
		{"0_9", "NUMBER\"0_9\" NEWLINE EOF\nerror 1:0 SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
		{`f'{a:{b:{c:{d}}}}'`, "FSTRING_START\"f'\" { NAME\"a\" : { NAME\"b\" : { NAME\"c\" : { NAME\"d\" } } } } FSTRING_END\"'\" NEWLINE EOF\nerror 1:10 SyntaxError: f-string: expressions nested too deeply"},
		{"f\"{value # c}\"\n", `FSTRING_START"f\"" { NAME"value" EOF`},
	}
	for _, tt := range tests {
		if got := scanAll(tt.src); got != tt.want {
			t.Errorf("scan %q:\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
		if got, _, _ := strings.Cut(appendAll(tt.src), "\ncomment"); got != tt.want {
			t.Errorf("AppendTokens %q:\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestUnclosed(t *testing.T) {
	var errs ErrorList
	var s Scanner
	s.Init([]byte("x = [(1,\n 2"), &errs, 0)
	for s.Next().Kind != token.EOF {
	}
	ch, pos, ok := s.Unclosed()
	if !ok || ch != '(' || pos != 5 {
		t.Errorf("Unclosed() = %q, %d, %v; want '(', 5, true", ch, pos, ok)
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{strings.Repeat("(", 201), "1:200 SyntaxError: too many nested parentheses"},
		{strings.Repeat("(", 200) + strings.Repeat(")", 200), ""},
		{strings.Repeat("f'{", 150) + "1" + strings.Repeat("}'", 150), "1:448 SyntaxError: too many nested f-strings or t-strings"},
		{strings.Repeat("f'{", 149) + "1" + strings.Repeat("}'", 149), ""},
		{func() string {
			var b strings.Builder
			for i := 0; i < 100; i++ {
				b.WriteString(strings.Repeat(" ", i) + "if x:\n")
			}
			b.WriteString(strings.Repeat(" ", 100) + "pass\n")
			return b.String()
		}(), "101:0 IndentationError: too many levels of indentation"},
	}
	for _, tt := range tests {
		var errs ErrorList
		var s Scanner
		s.Init([]byte(tt.src), &errs, 0)
		for s.Next().Kind != token.EOF {
		}
		if tt.want == "" {
			if len(errs) != 0 {
				t.Errorf("unexpected error for %.20q...: %v", tt.src, errs[0])
			}
			continue
		}
		if len(errs) == 0 {
			t.Errorf("no error for %.20q...; want %s", tt.src, tt.want)
			continue
		}
		line, col := token.NewFile("", []byte(tt.src)).LineCol(errs[0].Pos)
		if got := fmt.Sprintf("%d:%d %s: %s", line, col, errs[0].Type, errs[0].Msg); got != tt.want {
			t.Errorf("first error for %.20q...: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

func TestKeepTokens(t *testing.T) {
	var errs ErrorList
	var s Scanner
	src := "x = 1  # one\n\n# two\ny\n"
	s.Init([]byte(src), &errs, KeepTokens)
	for s.Next().Kind != token.EOF {
	}
	var got []string
	for _, tk := range s.Tokens() {
		got = append(got, fmt.Sprintf("%s%q", tk.Kind, src[tk.Start:tk.End]))
	}
	want := `NAME"x" ="=" NUMBER"1" COMMENT"# one" NEWLINE"\n" NL"\n" COMMENT"# two" NL"\n" NAME"y" NEWLINE"\n" EOF""`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("tokens:\ngot  %s\nwant %s", g, want)
	}
	var comments []string
	for _, c := range s.Comments() {
		comments = append(comments, src[c.Start:c.End])
	}
	if g := strings.Join(comments, "|"); g != "# one|# two" {
		t.Errorf("comments = %q", g)
	}
}

func TestNonASCIINames(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"x = 'é' # é\n", false},
		{"x = f'{y}é'\n", false},
		{"é = 1\n", true},
		{"f'{ﬁ}'\n", true},
		{"x = 1 + \u00a0\n", false}, // an invalid character is not a NAME
	}
	for _, tt := range tests {
		var errs ErrorList
		var s Scanner
		s.Init([]byte(tt.src), &errs, 0)
		for s.Next().Kind != token.EOF {
		}
		if got := s.NonASCIINames(); got != tt.want {
			t.Errorf("%q: NonASCIINames() = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestAppendTokens(t *testing.T) {
	src := "if x:  # c\n    y = 1\n\n  z\n"
	var errs ErrorList
	var s Scanner
	s.Init([]byte(src), &errs, 0)
	got := s.AppendTokens([]token.Token{{Kind: token.NAME, Start: 3, End: 4}})
	var b strings.Builder
	for _, tok := range got {
		fmt.Fprintf(&b, "%s%q ", tok.Kind, src[tok.Start:tok.End])
	}
	want := `NAME"x" if"if" NAME"x" :":" NEWLINE"\n" INDENT"    " NAME"y" ="=" NUMBER"1" NEWLINE"\n" ` +
		`DEDENT"" NAME"z" NEWLINE"\n" EOF"" `
	if b.String() != want {
		t.Errorf("AppendTokens:\n got %s\nwant %s", b.String(), want)
	}
	if len(errs) != 1 || errs[0].Msg != "unindent does not match any outer indentation level" {
		t.Errorf("errors: %v", errs)
	}
}

// TestAppendLine covers the tokens that AppendTokens scans in its own
// loop, and the points where it hands over to the general path.
func TestAppendLine(t *testing.T) {
	tests := []struct{ src, want string }{
		{"abcdefgh_12345678 = x9 # c\r\n", "NAME\"abcdefgh_12345678\" = NAME\"x9\" NEWLINE\"\\r\\n\" EOF\ncomment \"# c\""},
		{"f(a,\n  # c\r  b)[0]; ~x\n", "NAME\"f\" ( NAME\"a\" , NAME\"b\" ) [ NUMBER\"0\" ] ; ~ NAME\"x\" NEWLINE\"\\n\" EOF\ncomment \"# c\""},
		{"a.b ... .5 x: y := z == w = v\n", `NAME"a" . NAME"b" ... NUMBER".5" NAME"x" : NAME"y" := NAME"z" == NAME"w" = NAME"v" NEWLINE"\n" EOF`},
		{"rb'x' xb'y' u\"z\" f'{a}' aé éa\n", `STRING"rb'x'" NAME"xb" STRING"'y'" STRING"u\"z\"" FSTRING_START"f'" { NAME"a" } FSTRING_END"'" NAME"aé" NAME"éa" NEWLINE"\n" EOF`},
		{"{[(x)]}\n(]\n", "{ [ ( NAME\"x\" ) ] } NEWLINE\"\\n\" ( ] NEWLINE\"\\n\" EOF\nerror 2:1 SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"},
		{"x)\n", "NAME\"x\" ) NEWLINE\"\\n\" EOF\nerror 1:1 SyntaxError: unmatched ')'"},
		{"# only\n\nif x: pass  \n", "if NAME\"x\" : pass NEWLINE\"\\n\" EOF\ncomment \"# only\""},
		{"x +\\\n y\tand\fnot z", `NAME"x" + NAME"y" and not NAME"z" NEWLINE EOF`},
		{"None True False lambda_ _ __init__ a1234567", `None True False NAME"lambda_" NAME"_" NAME"__init__" NAME"a1234567" NEWLINE EOF`},
		{"(\n", "( EOF"},
		{"x #", "NAME\"x\" NEWLINE EOF\ncomment \"#\""},
		// Line starts: blank lines, comments, a continuation, a form
		// feed, tabs, dedents, spaces at the end.
		{"if x:\n    a\n\n    # c\n  \n    \\\n    b\n\f    c\n        \n", "if NAME\"x\" : NEWLINE\"\\n\" INDENT\"    \" NAME\"a\" NEWLINE\"\\n\" NAME\"b\" NEWLINE\"\\n\" NAME\"c\" NEWLINE\"\\n\" DEDENT EOF\ncomment \"# c\""},
		{"if x:\n    a\n\tb\n", "if NAME\"x\" : NEWLINE\"\\n\" INDENT\"    \" NAME\"a\" NEWLINE\"\\n\" INDENT\"\\t\" NAME\"b\" NEWLINE\"\\n\" DEDENT DEDENT EOF\nerror 3:0 TabError: inconsistent use of tabs and spaces in indentation"},
		{"def f():\n    if x:\n        a\n    b\nc\n   ", "def NAME\"f\" ( ) : NEWLINE\"\\n\" INDENT\"    \" if NAME\"x\" : NEWLINE\"\\n\" INDENT\"        \" NAME\"a\" NEWLINE\"\\n\" DEDENT NAME\"b\" NEWLINE\"\\n\" DEDENT NAME\"c\" NEWLINE\"\\n\" EOF"},
	}
	for _, tt := range tests {
		if got := appendAll(tt.src); got != tt.want {
			t.Errorf("AppendTokens %q:\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
		if got, _, _ := strings.Cut(tt.want, "\ncomment"); scanAll(tt.src) != got {
			t.Errorf("Next %q:\ngot  %s\nwant %s", tt.src, scanAll(tt.src), got)
		}
	}
}

// TestIdentRun compares identRun with a byte-by-byte loop on words made
// of every byte value in every position, among identifier characters.
func TestIdentRun(t *testing.T) {
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			var w [8]byte
			for i := range w {
				w[i] = "aZ_9zA0x"[i]
			}
			w[pos] = byte(c)
			want := 0
			for want < 8 && isASCIIIdentContinue(w[want]) {
				want++
			}
			if got := identRun(binary.LittleEndian.Uint64(w[:])); got != want {
				t.Fatalf("identRun(%q) = %d, want %d", w, got, want)
			}
			var stops uint64
			for i, b := range w {
				if !isASCIIIdentContinue(b) {
					stops |= 0x80 << (8 * i)
				}
			}
			if got := identStops(binary.LittleEndian.Uint64(w[:])); got != stops {
				t.Fatalf("identStops(%q) = %#x, want %#x", w, got, stops)
			}
		}
	}
}

// TestKeywordKind checks appendLine's keyword table against token.Lookup
// for every keyword, their prefixes and extensions, and other names.
func TestKeywordKind(t *testing.T) {
	names := []string{"x", "self", "_", "__init__", "match", "case", "type", "print", "Nonex", "nonlocals"}
	for k := token.Kind(0); k < 255; k++ {
		if k.IsKeyword() {
			kw := k.String()
			names = append(names, kw, kw[:len(kw)-1], kw+"_", strings.ToUpper(kw))
		}
	}
	for _, name := range names {
		w := uint64(0)
		if len(name) <= 8 {
			w = keywordWord(name)
		}
		if got, want := keywordKind(w), token.Lookup([]byte(name)); got != want {
			t.Errorf("keywordKind(%q) = %s, want %s", name, got, want)
		}
	}
}

// TestStringStops compares the first stop byte that stringStops finds with
// a byte-by-byte search, for every byte value in every position.
func TestStringStops(t *testing.T) {
	for _, quote := range []byte{'\'', '"'} {
		for pos := 0; pos < 8; pos++ {
			for c := 0; c < 256; c++ {
				w := []byte("ab\x01\"'\x80cd")
				if quote == '"' {
					w[3] = '\''
				}
				w[pos] = byte(c)
				want := 8
				for i, b := range w {
					if b == quote || b == '\\' || b == '\n' || b == '\r' {
						want = i
						break
					}
				}
				got := 8
				if m := stringStops(binary.LittleEndian.Uint64(w), quote); m != 0 {
					got = bits.TrailingZeros64(m) / 8
				}
				if got != want {
					t.Fatalf("stringStops(%q, %q): first stop %d, want %d", w, quote, got, want)
				}
			}
		}
	}
}
