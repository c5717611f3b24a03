package fixes

import (
	"bytes"
	"fmt"
	"strings"
)

// context is the number of unchanged lines shown around each change.
const context = 3

// Unified returns the differences between old and new as a unified diff
// with three lines of context, in the form git diff prints: "--- a/oldName"
// and "+++ b/newName" headers (names should be slash-separated relative
// paths), then hunks, with changes placed among equal lines as git places
// them. Lines are split after "\n" and compared with their line breaks, so
// a "\r\n" line keeps its "\r" in the output; a last line without a line
// break is followed by the line "\ No newline at end of file". The result
// applies with git apply and patch. Unified returns "" if old and new are
// equal.
func Unified(oldName, newName string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)

	var w strings.Builder
	fmt.Fprintf(&w, "--- a/%s\n+++ b/%s\n", oldName, newName)
	for len(ops) > 0 {
		first := 0
		for first < len(ops) && ops[first].kind == opEqual {
			first++
		}
		if first == len(ops) {
			break
		}
		// A hunk takes in every further change that follows the previous
		// one by at most 2*context unchanged lines.
		last := first
		for i := first + 1; i < len(ops) && i-last-1 <= 2*context; i++ {
			if ops[i].kind != opEqual {
				last = i
			}
		}
		start := max(first-context, 0)
		end := min(last+1+context, len(ops))
		writeHunk(&w, a, b, ops[start:end])
		ops = ops[end:]
	}
	return w.String()
}

// opKind is what one line of a diff does.
type opKind uint8

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// An op is one line of a diff: for opEqual, line a of the old text, equal
// to line b of the new text; for opDelete, line a of the old text, deleted
// before line b of the new text; for opInsert, line b of the new text,
// inserted before line a of the old text.
type op struct {
	kind opKind
	a, b int
}

// writeHunk writes one hunk: a header and the lines of ops.
func writeHunk(w *strings.Builder, a, b []string, ops []op) {
	a0, b0 := ops[0].a, ops[0].b
	na, nb := 0, 0
	for _, o := range ops {
		if o.kind != opInsert {
			na++
		}
		if o.kind != opDelete {
			nb++
		}
	}
	fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(a0, na), hunkRange(b0, nb))
	for _, o := range ops {
		var line string
		switch o.kind {
		case opEqual:
			w.WriteByte(' ')
			line = a[o.a]
		case opDelete:
			w.WriteByte('-')
			line = a[o.a]
		case opInsert:
			w.WriteByte('+')
			line = b[o.b]
		}
		w.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats the range of count lines from the 0-based line start as
// diff does: "start,count" 1-based, just "start" for one line, and the line
// before the range for none.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

// splitLines splits text after every "\n". The last line has no "\n" if
// text does not end with one.
func splitLines(text []byte) []string {
	var lines []string
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n') + 1
		if i == 0 {
			i = len(text)
		}
		lines = append(lines, string(text[:i]))
		text = text[i:]
	}
	return lines
}

// diffLines returns a shortest edit script from a to b: every line of a
// and b once, in order, deletions before insertions within each change,
// each change moved among equal lines as compact moves it.
func diffLines(a, b []string) []op {
	// Compare lines as small integers.
	ids := map[string]int{}
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	x, y := intern(a), intern(b)
	n := len(x) + len(y)

	// A line found in only one text cannot be common to both: leave such
	// lines out of the search, which then costs little when most lines
	// change.
	inX, inY := make([]bool, len(ids)), make([]bool, len(ids))
	for _, id := range x {
		inX[id] = true
	}
	for _, id := range y {
		inY[id] = true
	}
	keep := func(lines []int, in []bool) (kept, index []int) {
		for i, id := range lines {
			if in[id] {
				kept = append(kept, id)
				index = append(index, i)
			}
		}
		return kept, index
	}
	kx, ix := keep(x, inY)
	ky, iy := keep(y, inX)
	m := &myers{a: kx, b: ky}
	m.vf = make([]int, 2*(len(kx)+len(ky))+2)
	m.vb = make([]int, len(m.vf))
	m.lcs(0, len(kx), 0, len(ky))
	for k, p := range m.matches {
		m.matches[k] = [2]int{ix[p[0]], iy[p[1]]}
	}

	changedA := make([]bool, len(x))
	changedB := make([]bool, len(y))
	for i := range changedA {
		changedA[i] = true
	}
	for j := range changedB {
		changedB[j] = true
	}
	for _, p := range m.matches {
		changedA[p[0]] = false
		changedB[p[1]] = false
	}
	sa, sb := &side{x, changedA}, &side{y, changedB}
	compact(sa, sb)
	compact(sb, sa)

	ops := make([]op, 0, n)
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		for ; i < len(x) && changedA[i]; i++ {
			ops = append(ops, op{opDelete, i, j})
		}
		for ; j < len(y) && changedB[j]; j++ {
			ops = append(ops, op{opInsert, i, j})
		}
		if i < len(x) && j < len(y) {
			ops = append(ops, op{opEqual, i, j})
			i++
			j++
		}
	}
	return ops
}

// A group is a run [start, end) of changed lines of one text, possibly
// empty. Every unchanged line of a text ends one group and starts the
// next, so the groups of the two texts correspond one to one.
type group struct{ start, end int }

// side is one of the two texts with its changed lines marked.
type side struct {
	lines   []int
	changed []bool
}

func (s *side) isChanged(i int) bool { return i >= 0 && i < len(s.lines) && s.changed[i] }

func (s *side) first() group {
	g := group{}
	for s.isChanged(g.end) {
		g.end++
	}
	return g
}

// next moves g to the next group; it reports false at the last one.
func (s *side) next(g *group) bool {
	if g.end == len(s.lines) {
		return false
	}
	g.start = g.end + 1
	g.end = g.start
	for s.isChanged(g.end) {
		g.end++
	}
	return true
}

// previous moves g to the group before; it reports false at the first.
func (s *side) previous(g *group) bool {
	if g.start == 0 {
		return false
	}
	g.end = g.start - 1
	g.start = g.end
	for s.isChanged(g.start - 1) {
		g.start--
	}
	return true
}

// slideDown moves the changes of g one line down, if the line after g
// equals its first line, and joins g with the group it then touches.
func (s *side) slideDown(g *group) bool {
	if g.end == len(s.lines) || s.lines[g.start] != s.lines[g.end] {
		return false
	}
	s.changed[g.start], s.changed[g.end] = false, true
	g.start++
	g.end++
	for s.isChanged(g.end) {
		g.end++
	}
	return true
}

// slideUp moves the changes of g one line up, if the line before g equals
// its last line, and joins g with the group it then touches.
func (s *side) slideUp(g *group) bool {
	if g.start == 0 || s.lines[g.start-1] != s.lines[g.end-1] {
		return false
	}
	g.start--
	g.end--
	s.changed[g.start], s.changed[g.end] = true, false
	for s.isChanged(g.start - 1) {
		g.start--
	}
	return true
}

// compact moves each run of changed lines of x, among equal lines, to
// where git diff puts it: next to a change of the other text y if it can
// be, else as far down as it goes. Sliding a run over lines equal to its
// own leaves the unchanged lines the same, so the script stays minimal;
// runs that meet are joined.
func compact(x, y *side) {
	g, gy := x.first(), y.first()
	for {
		if g.end > g.start {
			var earliestEnd, matchEnd int
			for {
				size := g.end - g.start
				for x.slideUp(&g) {
					y.previous(&gy)
				}
				earliestEnd, matchEnd = g.end, -1
				if gy.end > gy.start {
					matchEnd = g.end
				}
				for x.slideDown(&g) {
					y.next(&gy)
					if gy.end > gy.start {
						matchEnd = g.end
					}
				}
				if size == g.end-g.start {
					break
				}
			}
			if g.end != earliestEnd && matchEnd >= 0 {
				for gy.end == gy.start {
					x.slideUp(&g)
					y.previous(&gy)
				}
			}
		}
		if !x.next(&g) {
			return
		}
		y.next(&gy)
	}
}

// myers finds a longest common subsequence of a and b with Myers's
// linear-space algorithm ("An O(ND) Difference Algorithm and Its
// Variations", 1986, section 4b): find the middle snake of a shortest edit
// script by searching forward from the start and backward from the end at
// once, then solve the two halves on either side of it.
type myers struct {
	a, b    []int
	vf, vb  []int    // furthest x on each diagonal, forward and backward; index k+off
	matches [][2]int // the pairs (i, j) with a[i] == b[j] found, in order
}

func (m *myers) match(i, j int) { m.matches = append(m.matches, [2]int{i, j}) }

// lcs appends to m.matches a longest common subsequence of a[a0:a1] and
// b[b0:b1].
func (m *myers) lcs(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && m.a[a0] == m.b[b0] {
		m.match(a0, b0)
		a0++
		b0++
	}
	suffix := 0
	for a0 < a1 && b0 < b1 && m.a[a1-1] == m.b[b1-1] {
		a1--
		b1--
		suffix++
	}
	if a0 < a1 && b0 < b1 {
		x, y, u, v := m.middleSnake(a0, a1, b0, b1)
		m.lcs(a0, x, b0, y)
		for ; x < u; x, y = x+1, y+1 {
			m.match(x, y)
		}
		m.lcs(u, a1, v, b1)
	}
	for k := range suffix {
		m.match(a1+k, b1+k)
	}
}

// middleSnake returns the middle snake (x, y) to (u, v) of a shortest edit
// script from a[a0:a1] to b[b0:b1], which differ in their first and in
// their last elements. Both halves it leaves are smaller than the whole.
func (m *myers) middleSnake(a0, a1, b0, b1 int) (x, y, u, v int) {
	n, k := a1-a0, b1-b0
	delta := n - k
	odd := delta&1 != 0
	off := n + k // diagonals run from -k to n; either search stays within ±(n+k)/2+1
	vf, vb := m.vf, m.vb
	vf[off+1] = 0 // the forward search starts on diagonal 0 at x = 0
	vb[off+1] = 0 // the backward search counts x from the end
	for d := 0; d <= (n+k+1)/2; d++ {
		// Forward: diagonal c = x - y in a[a0:], b[b0:].
		for c := -d; c <= d; c += 2 {
			var px int
			if c == -d || c != d && vf[off+c-1] < vf[off+c+1] {
				px = vf[off+c+1] // down: insertion
			} else {
				px = vf[off+c-1] + 1 // right: deletion
			}
			py := px - c
			sx, sy := px, py
			for px < n && py < k && m.a[a0+px] == m.b[b0+py] {
				px++
				py++
			}
			vf[off+c] = px
			if odd && c-delta >= -(d-1) && c-delta <= d-1 && px+vb[off+delta-c] >= n {
				return a0 + sx, b0 + sy, a0 + px, b0 + py
			}
		}
		// Backward: diagonal r = x' - y' counting from the ends, which is
		// delta - c for forward diagonal c.
		for r := -d; r <= d; r += 2 {
			var px int
			if r == -d || r != d && vb[off+r-1] < vb[off+r+1] {
				px = vb[off+r+1]
			} else {
				px = vb[off+r-1] + 1
			}
			py := px - r
			sx, sy := px, py
			for px < n && py < k && m.a[a1-1-px] == m.b[b1-1-py] {
				px++
				py++
			}
			vb[off+r] = px
			if c := delta - r; !odd && c >= -d && c <= d && px+vf[off+c] >= n {
				return a1 - px, b1 - py, a1 - sx, b1 - sy
			}
		}
	}
	// Unreachable: the searches meet by d = ceil((n+k)/2).
	return a0, b0, a0, b0
}
