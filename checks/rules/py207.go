package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY207 reports ctypes structures that set _pack_ without _layout_, which
// Python 3.14 deprecated.
var PY207 = &checks.Rule{
	Code:     "PY207",
	Name:     "ctypes-pack-without-layout",
	Summary:  "a ctypes structure with `_pack_` and no `_layout_` is deprecated since Python 3.14 and will be an error in 3.19",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindClassDef},
	Check:    checkPY207,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "ctypes") },
	Doc: portDoc(`## What it does
Reports classes deriving from ˋctypes.Structureˋ, ˋctypes.Unionˋ or their big- and
little-endian variants that assign ˋ_pack_ˋ in their body and no ˋ_layout_ˋ.

## Why it matters on Python 3.14
ˋ_pack_ˋ has always given a structure the layout of Microsoft's compiler, even on platforms
whose C compilers lay it out differently. Python 3.14 added ˋ_layout_ˋ to choose the layout
explicitly and deprecated relying on ˋ_pack_ˋ alone outside Windows: creating the class warns
ˋDeprecationWarning: Due to '_pack_', the 'S' Structure will use memory layout compatible
with MSVC (Windows). If this is intended, set _layout_ to 'ms'. The implicit default is
deprecated and slated to become an error in Python 3.19.ˋ

## Example
ˋˋˋpython
import ctypes

class Header(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("tag", ctypes.c_char), ("size", ctypes.c_uint32)]
ˋˋˋ

## Use instead
ˋˋˋpython
import ctypes

class Header(ctypes.Structure):
    _pack_ = 1
    _layout_ = "ms"
    _fields_ = [("tag", ctypes.c_char), ("size", ctypes.c_uint32)]
ˋˋˋ

## Fix safety
The fix adds ˋ_layout_ = "ms"ˋ after the ˋ_pack_ˋ line. It is safe: it names the layout
ˋ_pack_ˋ already implied, and versions before 3.14 ignore the attribute (the size and field
offsets are the same on 3.9 to 3.14). If the structure really is meant to match a
GCC-compiled struct with ˋ#pragma packˋ, ˋ_layout_ = "gcc-sysv"ˋ is the right choice instead
(3.14 only), which changes the layout: that is for a person to decide.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [ctypes Structure._layout_](https://docs.python.org/3.14/library/ctypes.html#ctypes.Structure._layout_)
`),
}

var ctypesStructBases = map[string]bool{
	"ctypes.Structure": true, "ctypes.Union": true,
	"ctypes.BigEndianStructure": true, "ctypes.LittleEndianStructure": true,
	"ctypes.BigEndianUnion": true, "ctypes.LittleEndianUnion": true,
}

func checkPY207(p *checks.Pass, n ast.Node) {
	c := n.(*ast.ClassDef)
	isStruct := false
	for _, b := range c.Bases {
		isStruct = isStruct || ctypesStructBases[p.Model.QualifiedName(b)]
	}
	if !isStruct {
		return
	}
	var pack ast.Stmt
	var packTarget ast.Node
	for _, s := range c.Body {
		var targets []ast.Expr
		switch s := s.(type) {
		case *ast.Assign:
			targets = s.Targets
		case *ast.AnnAssign:
			if s.Value != nil {
				targets = []ast.Expr{s.Target}
			}
		}
		for _, t := range targets {
			name, ok := t.(*ast.Name)
			if !ok {
				continue
			}
			switch name.Id {
			case "_layout_":
				return
			case "_pack_":
				pack, packTarget = s, name
			}
		}
	}
	if pack == nil || portingExempt(p.Model, pack, since314, false) {
		return
	}
	p.ReportFix(checks.SpanOf(packTarget),
		"`_pack_` without `_layout_` is deprecated since Python 3.14 outside Windows and an error from Python 3.19; set `_layout_ = \"ms\"`",
		layoutFix(p, pack))
}

// layoutFix adds _layout_ = "ms" on a line of its own after the _pack_
// statement, when that statement starts its line.
func layoutFix(p *checks.Pass, pack ast.Stmt) *checks.Fix {
	file := p.File.File
	line, col := file.LineCol(pack.Pos())
	start := file.LineStart(line)
	indent := string(file.Src[start : start+token.Pos(col)])
	if strings.TrimLeft(indent, " \t") != "" {
		return nil
	}
	endLine, _ := file.LineCol(pack.End())
	at := file.LineStart(endLine + 1)
	text := indent + "_layout_ = \"ms\"\n"
	if int(at) == len(file.Src) && (len(file.Src) == 0 || file.Src[len(file.Src)-1] != '\n') {
		text = "\n" + text
	}
	return newFix("Add `_layout_ = \"ms\"`", checks.Safe, checks.Insert(at, text))
}
