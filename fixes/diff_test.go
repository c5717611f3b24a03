package fixes

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"change", "a\nb\nc\n", "a\nB\nc\n", `--- a/x.py
+++ b/x.py
@@ -1,3 +1,3 @@
 a
-b
+B
 c
`},
		{"add", "a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nd\nnew1\nnew2\ne\nf\ng\n", `--- a/x.py
+++ b/x.py
@@ -2,6 +2,8 @@
 b
 c
 d
+new1
+new2
 e
 f
 g
`},
		{"delete", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nf\ng\nh\n", `--- a/x.py
+++ b/x.py
@@ -2,7 +2,6 @@
 b
 c
 d
-e
 f
 g
 h
`},
		{"insert at start", "a\nb\nc\nd\ne\n", "import os\na\nb\nc\nd\ne\n", `--- a/x.py
+++ b/x.py
@@ -1,3 +1,4 @@
+import os
 a
 b
 c
`},
		{"delete at end", "a\nb\nc\nd\ne\n", "a\nb\nc\nd\n", `--- a/x.py
+++ b/x.py
@@ -2,4 +2,3 @@
 b
 c
 d
-e
`},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n", "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nFOURTEEN\n15\n", `--- a/x.py
+++ b/x.py
@@ -1,5 +1,5 @@
 1
-2
+TWO
 3
 4
 5
@@ -11,5 +11,5 @@
 11
 12
 13
-14
+FOURTEEN
 15
`},
		{"changes six lines apart share a hunk", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "ONE\n2\n3\n4\n5\n6\n7\nEIGHT\n9\n", `--- a/x.py
+++ b/x.py
@@ -1,9 +1,9 @@
-1
+ONE
 2
 3
 4
 5
 6
 7
-8
+EIGHT
 9
`},
		{"changes seven lines apart do not", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "ONE\n2\n3\n4\n5\n6\n7\n8\nNINE\n10\n", `--- a/x.py
+++ b/x.py
@@ -1,4 +1,4 @@
-1
+ONE
 2
 3
 4
@@ -6,5 +6,5 @@
 6
 7
 8
-9
+NINE
 10
`},
		{"no newline at end, both", "a\nb", "A\nb", `--- a/x.py
+++ b/x.py
@@ -1,2 +1,2 @@
-a
+A
 b
\ No newline at end of file
`},
		{"newline added at end", "a\nb", "a\nb\n", `--- a/x.py
+++ b/x.py
@@ -1,2 +1,2 @@
 a
-b
\ No newline at end of file
+b
`},
		{"newline removed at end", "a\nb\n", "a\nb", `--- a/x.py
+++ b/x.py
@@ -1,2 +1,2 @@
 a
-b
+b
\ No newline at end of file
`},
		{"last line changed without newline", "a\nb", "a\nc", `--- a/x.py
+++ b/x.py
@@ -1,2 +1,2 @@
 a
-b
\ No newline at end of file
+c
\ No newline at end of file
`},
		{"crlf", "a\r\nb\r\nc\r\n", "a\r\nimport os\r\nb\r\nc\r\n", "--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,4 @@\n a\r\n+import os\r\n b\r\n c\r\n"},
		{"from empty", "", "a\nb\n", `--- a/x.py
+++ b/x.py
@@ -0,0 +1,2 @@
+a
+b
`},
		{"to empty", "a\nb\n", "", `--- a/x.py
+++ b/x.py
@@ -1,2 +0,0 @@
-a
-b
`},
		{"one line", "a", "b", `--- a/x.py
+++ b/x.py
@@ -1 +1 @@
-a
\ No newline at end of file
+b
\ No newline at end of file
`},
		{"deletions before insertions", "x = 1\ny = 2\nz = 3\n", "x = 1\nY = 2\nZ = 3\n", `--- a/x.py
+++ b/x.py
@@ -1,3 +1,3 @@
 x = 1
-y = 2
-z = 3
+Y = 2
+Z = 3
`},
	}
	for _, tt := range tests {
		if got := Unified("x.py", "x.py", []byte(tt.old), []byte(tt.new)); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestUnifiedNames(t *testing.T) {
	got := Unified("pkg/old.py", "pkg/new.py", []byte("a\n"), []byte("b\n"))
	want := "--- a/pkg/old.py\n+++ b/pkg/new.py\n@@ -1 +1 @@\n-a\n+b\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestDiffLinesMinimal checks on random texts over a small alphabet that
// the edit script spells both texts and keeps a longest common
// subsequence.
func TestDiffLinesMinimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func() []string {
		n := rng.IntN(14)
		lines := make([]string, n)
		for i := range lines {
			lines[i] = string(rune('a' + rng.IntN(4)))
		}
		return lines
	}
	for range 3000 {
		a, b := random(), random()
		ops := diffLines(a, b)
		var gotA, gotB []string
		same := 0
		for _, o := range ops {
			switch o.kind {
			case opEqual:
				gotA = append(gotA, a[o.a])
				gotB = append(gotB, b[o.b])
				if a[o.a] != b[o.b] {
					t.Fatalf("%q -> %q: equal op on different lines %d, %d", a, b, o.a, o.b)
				}
				same++
			case opDelete:
				gotA = append(gotA, a[o.a])
			case opInsert:
				gotB = append(gotB, b[o.b])
			}
		}
		if strings.Join(gotA, "") != strings.Join(a, "") || strings.Join(gotB, "") != strings.Join(b, "") {
			t.Fatalf("%q -> %q: script spells %q -> %q", a, b, gotA, gotB)
		}
		if want := lcsLen(a, b); same != want {
			t.Fatalf("%q -> %q: %d common lines, want %d", a, b, same, want)
		}
	}
}

// lcsLen is the length of a longest common subsequence, by dynamic
// programming.
func lcsLen(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func BenchmarkUnified(b *testing.B) {
	var old, new strings.Builder
	for i := range 20000 {
		line := strings.Repeat("x", i%40) + "\n"
		old.WriteString(line)
		if i%97 == 0 {
			new.WriteString("changed\n")
		} else {
			new.WriteString(line)
		}
	}
	o, n := []byte(old.String()), []byte(new.String())
	for b.Loop() {
		Unified("x.py", "x.py", o, n)
	}
}

func BenchmarkUnifiedRewrite(b *testing.B) {
	var old, new strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&old, "x%d = %d\n", i, i)
		if i%10 == 0 {
			old.WriteString("\n")
			new.WriteString("\n")
		}
		fmt.Fprintf(&new, "    x%d = %d\n", i, i)
	}
	o, n := []byte(old.String()), []byte(new.String())
	for b.Loop() {
		Unified("x.py", "x.py", o, n)
	}
}
