package fixes

import (
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/token"
)

func ins(pos int, text string) checks.Edit {
	return checks.Edit{Start: token.Pos(pos), End: token.Pos(pos), New: text}
}

func repl(start, end int, text string) checks.Edit {
	return checks.Edit{Start: token.Pos(start), End: token.Pos(end), New: text}
}

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		edits []checks.Edit
		want  string
	}{
		{"none", "x = 1\n", nil, "x = 1\n"},
		{"replace", "x = 1\n", []checks.Edit{repl(4, 5, "2")}, "x = 2\n"},
		{"delete", "x = 1\ny = 2\n", []checks.Edit{repl(0, 6, "")}, "y = 2\n"},
		{"several", "a = b + c\n", []checks.Edit{repl(0, 1, "aa"), repl(4, 5, "bb"), repl(8, 9, "cc")}, "aa = bb + cc\n"},
		{"adjacent", "abc", []checks.Edit{repl(0, 1, "A"), repl(1, 2, "B"), repl(2, 3, "C")}, "ABC"},
		{"same offset insertions in order", "x\n", []checks.Edit{ins(0, "import a\n"), ins(0, "import b\n"), ins(0, "import c\n")},
			"import a\nimport b\nimport c\nx\n"},
		{"insertion before a replacement at its start", "x = 1\n", []checks.Edit{ins(4, "("), repl(4, 5, "2"), ins(5, ")")}, "x = (2)\n"},
		{"at end", "x = 1", []checks.Edit{ins(5, "\n")}, "x = 1\n"},
		{"empty source", "", []checks.Edit{ins(0, "pass\n")}, "pass\n"},
		{"crlf", "x = 1\r\ny = 2\r\n", []checks.Edit{ins(7, "import a\nimport b\n"), repl(11, 12, "3\n# three")},
			"x = 1\r\nimport a\r\nimport b\r\ny = 3\r\n# three\r\n"},
		{"cr", "x = 1\ry = 2\r", []checks.Edit{ins(6, "import a\n")}, "x = 1\rimport a\ry = 2\r"},
		{"first line decides", "x = 1\ny = 2\r\n", []checks.Edit{ins(6, "a\r\nb\rc\n")}, "x = 1\na\nb\nc\ny = 2\r\n"},
		{"crlf in new text of a crlf file", "x\r\n", []checks.Edit{ins(3, "a\r\nb\n")}, "x\r\na\r\nb\r\n"},
		{"no line break: lf", "x", []checks.Edit{ins(1, "\ny")}, "x\ny"},
	}
	for _, tt := range tests {
		got, err := Apply([]byte(tt.src), tt.edits)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestApplyErrors(t *testing.T) {
	tests := []struct {
		name  string
		edits []checks.Edit
		want  string
	}{
		{"overlap", []checks.Edit{repl(0, 3, "a"), repl(2, 4, "b")},
			"edit 1 [2, 4) overlaps or precedes the edit before it, which ends at 3"},
		{"insertion inside a replacement", []checks.Edit{repl(0, 3, "a"), ins(1, "b")},
			"edit 1 [1, 1) overlaps or precedes the edit before it, which ends at 3"},
		{"replacement before insertion at its start", []checks.Edit{repl(4, 5, "2"), ins(4, "(")},
			"edit 1 [4, 4) overlaps or precedes the edit before it, which ends at 5"},
		{"unsorted", []checks.Edit{repl(4, 5, "a"), repl(0, 1, "b")},
			"edit 1 [0, 1) overlaps or precedes the edit before it, which ends at 5"},
		{"past the end", []checks.Edit{repl(5, 7, "")}, "edit 0 [5, 7) is not within the text [0, 6)"},
		{"negative", []checks.Edit{repl(-1, 0, "")}, "edit 0 [-1, 0) is not within the text [0, 6)"},
		{"reversed", []checks.Edit{repl(3, 2, "")}, "edit 0 [3, 2) is not within the text [0, 6)"},
	}
	for _, tt := range tests {
		got, err := Apply([]byte("x = 1\n"), tt.edits)
		if err == nil {
			t.Errorf("%s: got %q, want error %q", tt.name, got, tt.want)
			continue
		}
		if err.Error() != tt.want || got != nil {
			t.Errorf("%s: got %q, %q; want nil, %q", tt.name, got, err, tt.want)
		}
	}
}

func TestLineEnding(t *testing.T) {
	for src, want := range map[string]string{
		"":              "\n",
		"x":             "\n",
		"x\n":           "\n",
		"x\r\n":         "\r\n",
		"x\r":           "\r",
		"x\ry\n":        "\r",
		"x\r\ny\nz\n":   "\r\n",
		"x\ny\r\nz\r\n": "\n",
	} {
		if got := LineEnding([]byte(src)); got != want {
			t.Errorf("LineEnding(%q) = %q, want %q", src, got, want)
		}
	}
}
