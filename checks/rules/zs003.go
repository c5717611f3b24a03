package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// ZS003 reports a compression level passed under the keyword of another
// codec's API.
var ZS003 = &checks.Rule{
	Code:     "ZS003",
	Name:     "wrong-compression-level-keyword",
	Summary:  "a compression level passed as `compresslevel=` to zstd, as `level=` to gzip or bz2, or to `tarfile`'s `\"w|zst\"`",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkZS003,
	// zsName folds compression.* and backports.zstd into these names; a
	// module imported as zstd keeps its name.
	Applies: func(p *checks.Pass) bool {
		return importsPackage(p, "tarfile", "zstd", "zlib", "gzip", "bz2", "lzma", "compression", "backports")
	},
	Doc: `## What it does
Reports a level keyword that the called API does not take:
- ` + "`compresslevel=`" + ` passed to ` + "`zstd.open`, `zstd.ZstdFile`, `zstd.compress`, `zstd.ZstdCompressor`" + `, to
  ` + "`zlib.compress`/`zlib.compressobj`" + `, or to ` + "`tarfile.open`" + ` in a ` + "`\":zst\"`" + ` or ` + "`\":xz\"`" + ` mode;
- ` + "`level=`" + ` passed to ` + "`gzip.open`, `gzip.GzipFile`, `gzip.compress`, `bz2.open`, `bz2.BZ2File`,\n`bz2.compress`, `bz2.BZ2Compressor`" + `, to the ` + "`lzma`" + ` functions, or to ` + "`tarfile.open`" + ` in a ` + "`gz`, `bz2` or `xz`" + ` mode;
- any level (` + "`level=`, `compresslevel=`" + `) passed to ` + "`tarfile.open(..., \"w|zst\")`" + `, which takes none;
- ` + "`level=`" + ` passed to ` + "`zstd.open`/`zstd.ZstdFile`" + ` in a reading mode.

## Why it matters on Python 3.14
The new ` + "`compression.zstd`" + ` API calls its level ` + "`level`" + ` while ` + "`gzip`, `bz2`" + ` and ` + "`tarfile`" + `'s gzip
and bzip2 modes call it ` + "`compresslevel`" + ` and ` + "`lzma`" + ` calls it ` + "`preset`" + `; moving code between them
by hand mixes them up. Each mix-up fails when the call runs (checked on CPython 3.14.2):
` + "`zstd.open(p, \"wb\", compresslevel=5)`" + ` and ` + "`gzip.open(p, \"wb\", level=5)`" + ` raise TypeError (unexpected
keyword argument), as does ` + "`tarfile.open(p, \"w:zst\", compresslevel=5)`" + ` (from ` + "`TarFile.__init__`" + `);
` + "`tarfile.open(p, \"w|zst\", compresslevel=5)`" + ` raises ValueError ("compresslevel is only valid for w|gz
and w|bz2 modes") and ` + "`level=5`" + ` a TypeError; ` + "`zstd.open(p, \"rb\", level=5)`" + ` raises TypeError ("level is
illegal in read mode").

## Example
` + "```python" + `
import tarfile
from compression import zstd

def pack(src):
    with tarfile.open("out.tar.zst", "w:zst", compresslevel=10) as tar:
        tar.add(src)

def save(data):
    with zstd.open("data.zst", "wb", compresslevel=10) as f:
        f.write(data)
` + "```" + `

## Use instead
` + "```python" + `
import tarfile
from compression import zstd

def pack(src):
    with tarfile.open("out.tar.zst", "w:zst", level=10) as tar:
        tar.add(src)

def save(data):
    with zstd.open("data.zst", "wb", level=10) as f:
        f.write(data)
` + "```" + `

## Fix safety
Safe: the call raised before, and the fix makes it run with the level it was given, under the
keyword the API takes (` + "`level`, `compresslevel` or `preset`" + `). For ` + "`\"w|zst\"`" + ` and for reading with
` + "`zstd`" + `, where no level is accepted, the fix removes the keyword; a stream written with ` + "`\"w|zst\"`" + ` then
uses zstd's default level 3. The number is kept as written: a level meant for one codec may be slow or
weak on another's scale (zstd goes to 22), so check it. No fix is offered when a comment would be
removed with the keyword.

## References
- [compression.zstd.open](https://docs.python.org/3.14/library/compression.zstd.html#compression.zstd.open)
- [tarfile.open](https://docs.python.org/3.14/library/tarfile.html#tarfile.open)
- [gzip.open](https://docs.python.org/3.14/library/gzip.html#gzip.open)
`,
}

// zsLevelKeywords says which keyword each API takes for its level ("" for
// none) and which wrong ones it is given.
var zsLevelKeywords = map[string]string{
	"zstd.open":           "level",
	"zstd.ZstdFile":       "level",
	"zstd.compress":       "level",
	"zstd.ZstdCompressor": "level",
	"zlib.compress":       "level",
	"zlib.compressobj":    "level",
	"gzip.open":           "compresslevel",
	"gzip.GzipFile":       "compresslevel",
	"gzip.compress":       "compresslevel",
	"bz2.open":            "compresslevel",
	"bz2.BZ2File":         "compresslevel",
	"bz2.compress":        "compresslevel",
	"bz2.BZ2Compressor":   "compresslevel",
	"lzma.open":           "preset",
	"lzma.LZMAFile":       "preset",
	"lzma.compress":       "preset",
	"lzma.LZMACompressor": "preset",
}

// zsTarLevelKeyword returns the level keyword a tarfile mode takes ("" for
// none), and whether the mode is one whose keywords are known.
func zsTarLevelKeyword(mode string) (string, bool) {
	switch mode {
	case "w:gz", "x:gz", "w|gz", "w:bz2", "x:bz2", "w|bz2":
		return "compresslevel", true
	case "w:xz", "x:xz", "w|xz":
		return "preset", true
	case "w:zst", "x:zst":
		return "level", true
	case "w|zst":
		return "", true
	}
	return "", false
}

var zsLevelNames = []string{"level", "compresslevel", "preset"}

func checkZS003(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	name := zsCallName(p, call)
	var want, what string
	if name == "tarfile.open" {
		mode, ok := stringConstant(argument(call, 1, "mode"))
		if !ok {
			return
		}
		if want, ok = zsTarLevelKeyword(mode); !ok {
			return
		}
		what = "`tarfile.open(..., \"" + mode + "\")`"
	} else {
		var ok bool
		if want, ok = zsLevelKeywords[name]; !ok {
			return
		}
		what = "`" + name + "`"
		if (name == "zstd.open" || name == "zstd.ZstdFile") && keyword(call, "level") != nil {
			mode, given, ok := zsLiteralString(call, 1, "mode")
			if ok && (!given || !zsWriteMode(mode)) {
				if !given {
					mode = "rb"
				}
				k := keyword(call, "level")
				var fix *checks.Fix
				if e, ok := zsDropKeyword(p, call, k); ok {
					fix = &checks.Fix{Title: "Remove `level=`", Applicability: checks.Safe, Edits: []checks.Edit{e}}
				}
				p.ReportFix(checks.SpanOf(k), what+" raises TypeError when given `level=` in read mode \""+mode+"\"", fix)
				return
			}
		}
	}
	for _, k := range call.Keywords {
		if k.Arg == want || !zsIsLevelName(k.Arg) {
			continue
		}
		if name != "tarfile.open" && k.Arg == "preset" && !strings.HasPrefix(name, "lzma.") {
			// Not a level keyword of these APIs at all.
			continue
		}
		exc := "TypeError"
		if name == "tarfile.open" && strings.Contains(what, "|") && k.Arg != "level" {
			exc = "ValueError"
		}
		var fix *checks.Fix
		if want == "" {
			msg := what + " raises " + exc + " when given `" + k.Arg + "=`: the stream mode takes no level"
			if e, ok := zsDropKeyword(p, call, k); ok {
				fix = &checks.Fix{Title: "Remove `" + k.Arg + "=`", Applicability: checks.Safe, Edits: []checks.Edit{e}}
			}
			p.ReportFix(checks.SpanOf(k), msg, fix)
			continue
		}
		if keyword(call, want) != nil {
			// Both given: renaming would repeat a keyword.
			p.ReportFix(checks.SpanOf(k), what+" raises "+exc+" when given `"+k.Arg+"=`; it takes `"+want+"=`", nil)
			continue
		}
		fix = &checks.Fix{Title: "Rename `" + k.Arg + "=` to `" + want + "=`", Applicability: checks.Safe,
			Edits: []checks.Edit{zsRenameKeyword(k, want)}}
		p.ReportFix(checks.SpanOf(k), what+" raises "+exc+" when given `"+k.Arg+"=`; it takes `"+want+"=`", fix)
	}
}

func zsIsLevelName(s string) bool {
	for _, n := range zsLevelNames {
		if s == n {
			return true
		}
	}
	return false
}
