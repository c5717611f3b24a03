package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY201 reports codecs.open, deprecated in Python 3.14.
var PY201 = &checks.Rule{
	Code:     "PY201",
	Name:     "deprecated-codecs-open",
	Summary:  "`codecs.open()` is deprecated since Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY201,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "codecs") },
	Doc: portDoc(`## What it does
Reports calls of ˋcodecs.open()ˋ.

## Why it matters on Python 3.14
Python 3.14 deprecated ˋcodecs.openˋ: every call warns ˋDeprecationWarning: codecs.open() is
deprecated. Use open() instead.ˋ No removal version is set yet. The builtin ˋopen()ˋ has
taken encodings since Python 3.0.

## Example
ˋˋˋpython
import codecs

with codecs.open("notes.txt", "r", encoding="utf-8") as f:
    text = f.read()
ˋˋˋ

## Use instead
ˋˋˋpython
with open("notes.txt", "r", encoding="utf-8", newline="") as f:
    text = f.read()
ˋˋˋ

## Fix safety
Without an encoding (or with ˋencoding=Noneˋ), ˋcodecs.openˋ is ˋopen(filename, mode,
buffering)ˋ itself: the fix calls ˋopen()ˋ with the same arguments, and is safe.

With an encoding, the fix calls ˋopen(filename, mode, encoding=..., errors=...,
newline="")ˋ, dropping ˋ"b"ˋ from the mode, which must be a string literal. ˋnewline=""ˋ
keeps what ˋcodecs.openˋ did with line endings: it never translated them (it reads
ˋ'a\r\nb\n'ˋ unchanged where ˋopen()ˋ in text mode gives ˋ'a\nb\n'ˋ). The fix is unsafe all
the same: the file object is a ˋTextIOWrapperˋ instead of a ˋStreamReaderWriterˋ, it buffers
differently, and its ˋreadline()ˋ ends lines only at ˋ\nˋ, ˋ\rˋ and ˋ\r\nˋ where the codecs
reader also ended them at the other line boundaries of ˋstr.splitlines()ˋ (ˋ\fˋ, ˋ\x1cˋ,
ˋ\u2028ˋ, ...). It is not offered when ˋbufferingˋ is given with an encoding (text files
cannot be unbuffered).

When the name ˋopenˋ is not the builtin where the call is (ˋfrom codecs import openˋ), the
fix calls ˋio.open()ˋ, the same function, importing ˋioˋ.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [codecs.open](https://docs.python.org/3.14/library/codecs.html#codecs.open)
`),
}

func checkPY201(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if !calls(p, call, "codecs.open") || portingExempt(p.Model, n, since314, false) {
		return
	}
	p.ReportFix(checks.SpanOf(call.Func), "`codecs.open()` is deprecated since Python 3.14 (no removal version set yet); use `open()`", codecsOpenFix(p, call))
}

var codecsOpenParams = []string{"filename", "mode", "encoding", "errors", "buffering"}

func codecsOpenFix(p *checks.Pass, call *ast.Call) *checks.Fix {
	args := map[string]ast.Expr{}
	for i, a := range call.Args {
		if _, ok := a.(*ast.Starred); ok || i >= len(codecsOpenParams) {
			return nil
		}
		args[codecsOpenParams[i]] = a
	}
	for _, k := range call.Keywords {
		known := false
		for _, name := range codecsOpenParams {
			known = known || k.Arg == name
		}
		if !known || args[k.Arg] != nil {
			return nil
		}
		args[k.Arg] = k.Value
	}
	if args["filename"] == nil {
		return nil
	}
	open, edits := "open", []checks.Edit(nil)
	if !builtinVisible(p, call, "open") {
		io, e, ok := moduleRefAt(p, call, "io")
		if !ok {
			return nil
		}
		open, edits = io+".open", e
	}
	text := func(name string) string { return p.Text(args[name]) }
	parts := []string{text("filename")}
	enc := args["encoding"]
	if k, ok := enc.(*ast.Constant); ok && k.Value.Kind == ast.NoneValue {
		enc = nil
	}
	if enc == nil {
		if args["mode"] != nil {
			parts = append(parts, text("mode"))
		}
		if args["buffering"] != nil {
			parts = append(parts, "buffering="+text("buffering"))
		}
		edits = append(edits, checks.Replace(checks.SpanOf(call), open+"("+strings.Join(parts, ", ")+")"))
		return newFix("Replace with `open()`", checks.Safe, edits...)
	}
	if args["buffering"] != nil {
		return nil
	}
	if m := args["mode"]; m != nil {
		mode, ok := stringConstant(m)
		if !ok || strings.ContainsAny(mode, "U\\'\"") {
			return nil
		}
		if mode = strings.ReplaceAll(mode, "b", ""); mode != "r" {
			parts = append(parts, `"`+mode+`"`)
		}
	}
	parts = append(parts, "encoding="+p.Text(enc))
	if args["errors"] != nil {
		parts = append(parts, "errors="+text("errors"))
	}
	parts = append(parts, `newline=""`)
	edits = append(edits, checks.Replace(checks.SpanOf(call), open+"("+strings.Join(parts, ", ")+")"))
	return newFix("Replace with `open(..., newline=\"\")`", checks.Unsafe, edits...)
}
