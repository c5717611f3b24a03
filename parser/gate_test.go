package parser

import (
	"fmt"
	"strings"
	"testing"
)

func TestGates(t *testing.T) {
	tests := []struct {
		src  string
		want string // "feature min line:col", one per gate, in order
	}{
		{"x = 1\n", ""},
		{"with (open(a) as f, open(b) as g):\n    pass\n", "parenthesized context managers 3.9 1:5"},
		{"with (a, b):\n    pass\n", ""},
		{"@buttons[0].clicked.connect\ndef f(): pass\n", "relaxed decorator expressions 3.9 1:1"},
		{"@a.b(c)\ndef f(): pass\n", ""},
		{"for x in *a, *b:\n    pass\n", "starred expressions in for-loop iterables 3.9 1:9"},
		{"match x:\n    case 1:\n        pass\n", "match statement 3.10 1:0"},
		{"a[x := 1]\n", "unparenthesized assignment expressions in subscripts and sets 3.10 1:2"},
		{"{x := 1, y := 2}\n", "unparenthesized assignment expressions in subscripts and sets 3.10 1:1, unparenthesized assignment expressions in subscripts and sets 3.10 1:9"},
		{"[x := 1, (y := 2)]\n", ""},
		{"try:\n    pass\nexcept* E:\n    pass\n", "except* clauses 3.11 1:0"},
		{"a[*b]\n", "starred expressions in subscripts 3.11 1:2"},
		{"def f(*args: *Ts): pass\n", "starred annotations of *args 3.11 1:13"},
		{"def f[T](): pass\n", "type parameter lists 3.12 1:5"},
		{"type X = int\n", "type statement 3.12 1:0"},
		{"f'{'a'}'\n", "PEP 701 f-string syntax 3.12 1:3"},
		{"f'{x!r}' f\"{'a'}\"\n", ""},
		{"f'{a\\\n}'\n", "PEP 701 f-string syntax 3.12 1:3"},
		{"f'''{x # c\n}'''\n", "PEP 701 f-string syntax 3.12 1:5"},
		{"f'''{\nx\n}'''\n", ""},
		{"class C[T = int]: pass\n", "type parameter lists 3.12 1:7, type parameter defaults 3.13 1:12"},
		{"t'{x}'\n", "t-strings 3.14 1:0"},
		{"try:\n    pass\nexcept A, B:\n    pass\n", "unparenthesized except types 3.14 3:7"},
	}
	for _, tt := range tests {
		f := ParseSource("t.py", []byte(tt.src), Options{})
		if len(f.Errors) > 0 {
			t.Errorf("%q: unexpected error %v", tt.src, f.Errors[0])
			continue
		}
		var got []string
		for _, g := range f.Gates {
			line, col := f.File.LineCol(g.Span.Start)
			got = append(got, fmt.Sprintf("%s %s %d:%d", g.Feature, g.Min, line, col))
		}
		if s := strings.Join(got, ", "); s != tt.want {
			t.Errorf("%q:\n got: %s\nwant: %s", tt.src, s, tt.want)
		}
	}
}
