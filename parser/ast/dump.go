package ast

import (
	"strconv"
	"strings"

	"github.com/py314/py314/parser/token"
)

// Dump returns the text CPython prints for
// ast.dump(tree, include_attributes=True) on the same source: one line,
// empty lists and absent optional fields left out, positions as 1-based
// lines and 0-based UTF-8 byte columns.
func Dump(f *token.File, n Node) string {
	d := dumper{file: f}
	d.w.Grow(int(n.End()-n.Pos()) * 8)
	d.child(n)
	return d.w.String()
}

type dumper struct {
	w     strings.Builder
	file  *token.File
	count []int // fields written so far, per open node
}

func (d *dumper) child(n Node) { d.node(n) }

func (d *dumper) open(name string) {
	d.w.WriteString(name)
	d.w.WriteByte('(')
	d.count = append(d.count, 0)
}

func (d *dumper) close() {
	d.w.WriteByte(')')
	d.count = d.count[:len(d.count)-1]
}

func (d *dumper) field(name string) {
	top := len(d.count) - 1
	if d.count[top] > 0 {
		d.w.WriteString(", ")
	}
	d.count[top]++
	d.w.WriteString(name)
	d.w.WriteByte('=')
}

func (d *dumper) int(v int) { d.w.WriteString(strconv.Itoa(v)) }

func (d *dumper) str(s string) { d.w.WriteString(ReprStr(s)) }

func (d *dumper) value(v Value) { d.w.WriteString(v.Repr()) }

func (d *dumper) attributes(l *Loc) {
	line, col := d.file.LineCol(l.Start)
	endLine, endCol := d.file.LineCol(l.Stop)
	d.field("lineno")
	d.int(line)
	d.field("col_offset")
	d.int(col)
	d.field("end_lineno")
	d.int(endLine)
	d.field("end_col_offset")
	d.int(endCol)
}
