package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// ZS001 reports data compressed with gzip, zlib, bz2 or lzma that
// compression.zstd could write.
var ZS001 = &checks.Rule{
	Code:     "ZS001",
	Name:     "legacy-compression-writer",
	Summary:  "data written with `gzip`, `zlib`, `bz2` or `lzma` that Python 3.14's `compression.zstd` can write faster",
	Severity: checks.Info,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkZS001,
	// zsName folds compression.gzip and the like into the old names.
	Applies: func(p *checks.Pass) bool { return importsPackage(p, "gzip", "zlib", "bz2", "lzma", "compression") },
	Doc: `## What it does
Reports calls that write compressed data with the older codecs of the standard library:
` + "`gzip.open`, `gzip.GzipFile` and `bz2.open`, `bz2.BZ2File`, `lzma.open`, `lzma.LZMAFile`" + ` in a
writing mode (` + "`\"w\"`, `\"a\"`, `\"x\"`" + `, binary or text), ` + "`gzip.compress`, `zlib.compress`, `bz2.compress`,\n`lzma.compress`" + `, and the incremental ` + "`zlib.compressobj`, `bz2.BZ2Compressor` and `lzma.LZMACompressor`" + `.

It does not report:
- reading: ` + "`gzip.open(p)`, `gzip.open(p, \"rb\")`, `gzip.decompress(response.content)`" + `, any
  ` + "`decompress`" + ` or decompressor;
- formats the program does not own: ` + "`zlib.compress`/`compressobj`" + ` with ` + "`wbits`, `method` or `zdict`" + `
  (a raw deflate or gzip container some protocol asks for), and files that mention an HTTP
  ` + "`Content-Encoding`/`Accept-Encoding`" + ` header, where the peer chose the coding;
- code that already chooses between codecs: under ` + "`except ImportError`" + `, under
  ` + "`if sys.version_info < (3, 14)`" + `, under an ` + "`if`/`elif`" + ` chain one of whose tests mentions zstd
  (` + "`if zstd is None:`, `elif fmt == \"zst\":`" + `), or under a chain that dispatches on the codec
  (` + "`if comptype == \"gz\": ... elif comptype == \"bz2\":`" + `);
- calls with ` + "`*args`/`**kwargs`" + ` or a mode that is not a literal, whose direction is unknown;
- test code (` + "`test_*.py`, `*_test.py`, `conftest.py`" + `, files under ` + "`tests/`" + `), which writes compressed
  data to exercise readers of the format;
- code whose file, class or function is named after the codec (` + "`GzipPlugin`, `save_gz`, `bz2_dump`" + `) or
  after a format that embeds it (` + "`PngImagePlugin`, `pdf_stream`, `write_wheel`" + `, HTTP, sitemaps, git).

## Why it matters on Python 3.14
Python 3.14 ships Zstandard in the standard library (PEP 784): ` + "`compression.zstd`" + ` has the same
shape as ` + "`gzip`" + ` (` + "`open`, `ZstdFile`, `compress`, `ZstdCompressor`" + `). Measured on this project's
benchmark:

| Codec and level | JSON logs, 8.4 MB | this repository as a tar, 4.4 MB | CPython's standard library as a tar, 10.0 MB |
|---|---|---|---|
| gzip 1 | 5.26×, 61 ms, 22 ms | 3.90×, 46 ms, 16 ms | 3.63×, 109 ms, 44 ms |
| gzip 6 | 6.66×, 143 ms, 18 ms | 4.52×, 178 ms, 14 ms | 4.49×, 447 ms, 36 ms |
| gzip 9 (gzip's default) | 7.07×, 389 ms, 23 ms | 4.54×, 282 ms, 13 ms | 4.55×, 1731 ms, 40 ms |
| zstd 1 | 6.68×, 32 ms, 17 ms | 4.08×, 15 ms, 6 ms | 4.18×, 46 ms, 18 ms |
| zstd 3 (zstd's default) | 6.35×, 54 ms, 19 ms | 4.86×, 26 ms, 7 ms | 4.60×, 84 ms, 26 ms |
| zstd 6 | 7.01×, 256 ms, 16 ms | 5.26×, 109 ms, 7 ms | 5.16×, 439 ms, 24 ms |
| zstd 9 | 7.19×, 590 ms, 14 ms | 5.48×, 234 ms, 10 ms | 5.36×, 973 ms, 24 ms |

Each cell is the compression ratio, the CPU time to compress and the CPU time to decompress: CPython
3.14.2 as pyodide (WebAssembly) under node on a 2-core machine that was running other jobs, CPU time
of the process, best of 7 runs (` + "`bench/compression/run.sh`" + `). Native builds are faster; single
figures varied by up to a third between runs, the comparisons below held in every run.

Zstandard at its default level 3 compressed 2.7 to 6.9 times faster than gzip at level 6 and 7 to 21
times faster than gzip at its default level 9, with output 5% larger than gzip 6 on the JSON logs and
2 to 7% smaller on the source trees; reading it back took about as long as gzip or half the time. At
the same level number zstd made smaller output than gzip every time, at a third to a half of the cost
at level 1 and up to about twice the cost at levels 6 and 9 on the JSON logs.

The move changes the bytes on disk: the file starts with the zstd magic ` + "`28 b5 2f fd`" + ` instead of
gzip's ` + "`1f 8b`" + `, so everything that reads the output — other services, Python 3.13 and older
without ` + "`backports.zstd`" + `, ` + "`zcat`" + `, browsers, tools that go by the ` + "`.gz`" + ` name — must change
with it. That is why the fix is never applied without ` + "`--unsafe-fixes`" + `: use it where the same code
base writes and reads the data.

## Example
` + "```python" + `
import gzip
import json

def save(records):
    with gzip.open("records.json.gz", "wt", encoding="utf-8") as f:
        json.dump(records, f)
` + "```" + `

## Use instead
` + "```python" + `
import json
from compression import zstd

def save(records):
    with zstd.open("records.json.zst", "wt", encoding="utf-8") as f:
        json.dump(records, f)
` + "```" + `

## Fix safety
Unsafe: the output format changes, so readers must change too. The fix:
- rewrites the call to ` + "`zstd.open`, `zstd.ZstdFile`, `zstd.compress` or `zstd.ZstdCompressor`" + `, keeping
  the file, the mode and ` + "`encoding`/`errors`/`newline`" + ` (moved to keywords, as ` + "`zstd.open`" + ` wants);
- chooses the level: no level (gzip's and bz2's default 9, zlib's -1) becomes zstd's default 3, which
  the table above shows several times faster at about the same size; an explicit 1 to 9 keeps its
  number on zstd's scale (1 fastest; zstd goes up to 22, and levels below 1 are faster still), which
  gives smaller output at a comparable cost; another expression is passed on as ` + "`level=`" + ` (every
  gzip level is a valid zstd level); an lzma ` + "`preset`" + ` is kept only as a literal 1 to 9;
- renames a literal ` + "`.gz`, `.bz2`, `.xz` or `.lzma`" + ` suffix of the file name in the same call to ` + "`.zst`" + `
  (` + "`\"out.gz\"`, `f\"{name}.json.gz\"`, `folder / \"out.gz\"`" + `); a name held in a variable is not
  renamed, and other code that builds the name is not changed;
- adds ` + "`from compression import zstd`" + ` after the module's imports, or, when the target includes
  versions before 3.14, ` + "`try: from compression import zstd` / `except ImportError: from backports import zstd`" + `
  (add ` + "`backports.zstd; python_version<'3.14'`" + ` to the dependencies);
- for ` + "`zlib.compressobj()`, `bz2.BZ2Compressor()` and `lzma.LZMACompressor()`" + `, applies only when the
  object is assigned to a name used solely as ` + "`.compress(data)`" + ` and ` + "`.flush()`" + `.

The rewrite is shown but not applied (display only) when an argument has no zstd equivalent:
` + "`mtime`" + `, the gzip header file name (` + "`GzipFile(filename, fileobj=f)`" + `), level 0 (store), lzma's
` + "`format`, `check`, `filters`" + ` or a computed preset, zlib's ` + "`memLevel`, `strategy`" + `, and any comment inside
the call. When the name ` + "`zstd`" + ` is taken in the module there is no fix.

## References
- [PEP 784: Adding Zstandard to the standard library](https://peps.python.org/pep-0784/)
- [compression.zstd](https://docs.python.org/3.14/library/compression.zstd.html)
- [What's New in Python 3.14: compression](https://docs.python.org/3.14/whatsnew/3.14.html#whatsnew314-pep784)
- [backports.zstd](https://pypi.org/project/backports.zstd/)
`,
}

// zsWriter describes one writing API of the older codecs and its zstd
// counterpart.
type zsWriter struct {
	codec   string   // "gzip", "zlib", "bz2", "lzma": what the message calls it
	target  string   // the zstd name: "open", "ZstdFile", "compress", "ZstdCompressor"
	params  []string // positional-or-keyword parameters, in order
	kwonly  []string // keyword-only parameters
	first   string   // the parameter that becomes zstd's first argument ("" for compressors)
	mode    string   // the mode parameter, "" when the API always writes
	defMode string   // the mode when none is given ("" when unknown)
	level   string   // the level parameter
	preset  bool     // the level is an lzma preset
	carry   []string // parameters carried over as keywords
	// noEquivalent lists parameters zstd has no place for: the rewrite is
	// display-only when one is given.
	noEquivalent []string
	// foreign lists parameters that choose a container some other program
	// asks for: the call is not reported when one is given.
	foreign []string
	// suffixes are the file name suffixes of the codec.
	suffixes []string
	object   bool // returns a compressor object
}

var zsTextArgs = []string{"encoding", "errors", "newline"}

var zsWriters = map[string]*zsWriter{
	"gzip.open": {codec: "gzip", target: "open", params: []string{"filename", "mode", "compresslevel", "encoding", "errors", "newline"},
		first: "filename", mode: "mode", defMode: "rb", level: "compresslevel", carry: zsTextArgs, suffixes: []string{".gz"}},
	"gzip.GzipFile": {codec: "gzip", target: "ZstdFile", params: []string{"filename", "mode", "compresslevel", "fileobj", "mtime"},
		first: "filename", mode: "mode", level: "compresslevel", noEquivalent: []string{"mtime"}, suffixes: []string{".gz"}},
	"gzip.compress": {codec: "gzip", target: "compress", params: []string{"data", "compresslevel"}, kwonly: []string{"mtime"},
		first: "data", level: "compresslevel", noEquivalent: []string{"mtime"}},
	"zlib.compress": {codec: "zlib", target: "compress", params: []string{"data", "level", "wbits"},
		first: "data", level: "level", foreign: []string{"wbits"}},
	"zlib.compressobj": {codec: "zlib", target: "ZstdCompressor", params: []string{"level", "method", "wbits", "memLevel", "strategy", "zdict"},
		level: "level", noEquivalent: []string{"memLevel", "strategy"}, foreign: []string{"method", "wbits", "zdict"}, object: true},
	"bz2.open": {codec: "bz2", target: "open", params: []string{"filename", "mode", "compresslevel", "encoding", "errors", "newline"},
		first: "filename", mode: "mode", defMode: "rb", level: "compresslevel", carry: zsTextArgs, suffixes: []string{".bz2"}},
	"bz2.BZ2File": {codec: "bz2", target: "ZstdFile", params: []string{"filename", "mode"}, kwonly: []string{"compresslevel"},
		first: "filename", mode: "mode", defMode: "r", level: "compresslevel", suffixes: []string{".bz2"}},
	"bz2.compress": {codec: "bz2", target: "compress", params: []string{"data", "compresslevel"},
		first: "data", level: "compresslevel"},
	"bz2.BZ2Compressor": {codec: "bz2", target: "ZstdCompressor", params: []string{"compresslevel"},
		level: "compresslevel", object: true},
	"lzma.open": {codec: "lzma", target: "open", params: []string{"filename", "mode"}, first: "filename",
		mode: "mode", defMode: "rb", kwonly: []string{"format", "check", "preset", "filters", "encoding", "errors", "newline"},
		level: "preset", preset: true, carry: zsTextArgs, noEquivalent: []string{"format", "check", "filters"},
		suffixes: []string{".xz", ".lzma"}},
	"lzma.LZMAFile": {codec: "lzma", target: "ZstdFile", params: []string{"filename", "mode"},
		kwonly: []string{"format", "check", "preset", "filters"}, first: "filename", mode: "mode", defMode: "r",
		level: "preset", preset: true, noEquivalent: []string{"format", "check", "filters"}, suffixes: []string{".xz", ".lzma"}},
	"lzma.compress": {codec: "lzma", target: "compress", params: []string{"data", "format", "check", "preset", "filters"},
		first: "data", level: "preset", preset: true, noEquivalent: []string{"format", "check", "filters"}},
	"lzma.LZMACompressor": {codec: "lzma", target: "ZstdCompressor", params: []string{"format", "check", "preset", "filters"},
		level: "preset", preset: true, noEquivalent: []string{"format", "check", "filters"}, object: true},
}

func checkZS001(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	name := zsCallName(p, call)
	api := zsWriters[name]
	if api == nil || zsUnpacks(call) {
		return
	}
	args, ok := zsCallArgs(call, api.params, api.kwonly)
	if !ok {
		return
	}
	for _, f := range api.foreign {
		if args[f] != nil {
			return
		}
	}
	mode := ""
	if api.mode != "" {
		mode = api.defMode
		if e := args[api.mode]; e != nil {
			s, ok := stringConstant(e)
			if !ok {
				return
			}
			mode = s
		} else if name == "gzip.GzipFile" && args["fileobj"] == nil {
			mode = "rb"
		}
		if !zsWriteMode(mode) {
			return
		}
	}
	if zsGuardsOtherCodec(p, call) || zsInHTTPCoding(p) || zsTestFile(p) || zsNamedForFormat(p, call, api.codec) {
		return
	}
	msg := "`" + name + "` writes " + api.codec + " data; on Python 3.14 `compression.zstd." + api.target +
		"` writes Zstandard, several times faster at about the same size, but every reader must switch too"
	p.ReportFix(checks.SpanOf(call), msg, zs001Fix(p, call, name, api, args))
}

// zs001Fix builds the rewrite of a writer call to zstd.
func zs001Fix(p *checks.Pass, call *ast.Call, name string, api *zsWriter, args map[string]ast.Expr) *checks.Fix {
	zname, imp, ok := zsZstdReference(p, call)
	if !ok {
		return nil
	}
	src := p.Src()
	applicability := checks.Unsafe
	var notes []string
	for _, f := range api.noEquivalent {
		if args[f] != nil {
			applicability = checks.DisplayOnly
			notes = append(notes, "`"+f+"`")
		}
	}
	level, ok := zsLevel(p.Model, src, args[api.level], !api.preset)
	if !ok {
		applicability = checks.DisplayOnly
		notes = append(notes, "the level")
		level = ""
	}
	if zsHasComment(p, checks.SpanOf(call)) {
		applicability = checks.DisplayOnly
		notes = append(notes, "the comments in the call")
	}
	var suffix *checks.Edit
	first := args[api.first]
	if name == "gzip.GzipFile" && args["fileobj"] != nil {
		if first != nil {
			// The file name only goes into the gzip header.
			applicability = checks.DisplayOnly
			notes = append(notes, "the header file name")
		}
		first = args["fileobj"]
	}
	if first == nil && api.first != "" {
		return nil
	}
	if api.object && !zsCompressorUsesFit(p, call) {
		applicability = checks.DisplayOnly
		notes = append(notes, "the other uses of the compressor object")
	}

	var parts []string
	if first != nil {
		text := p.Text(first)
		if len(api.suffixes) > 0 {
			var renames [][2]string
			for _, s := range api.suffixes {
				renames = append(renames, [2]string{s, ".zst"})
			}
			if e, ok := zsSuffixRename(src, first, renames); ok {
				suffix = &e
				off := int(e.Start - first.Pos())
				text = text[:off] + e.New + text[off+int(e.End-e.Start):]
			}
		}
		parts = append(parts, text)
	}
	if api.mode != "" && args[api.mode] != nil {
		parts = append(parts, p.Text(args[api.mode]))
	}
	if level != "" {
		parts = append(parts, "level="+level)
	}
	for _, c := range api.carry {
		if e := args[c]; e != nil {
			parts = append(parts, c+"="+p.Text(e))
		}
	}
	newCall := zname + "." + api.target + "(" + strings.Join(parts, ", ") + ")"
	title := "Replace `" + name + "` with `zstd." + api.target + "`"
	if suffix != nil {
		title += " and write a `.zst` file"
	}
	if len(notes) > 0 {
		title += " (review: " + strings.Join(notes, ", ") + " cannot be kept)"
	}
	var edits []checks.Edit
	if imp != nil {
		edits = append(edits, *imp)
	}
	edits = append(edits, checks.Replace(checks.SpanOf(call), newCall))
	return &checks.Fix{Title: title, Applicability: applicability, Edits: edits}
}

// zsCompressorUsesFit reports whether the compressor object a call makes is
// assigned to a plain name that is only used as x.compress(data) and
// x.flush(), which a ZstdCompressor does the same way.
func zsCompressorUsesFit(p *checks.Pass, call *ast.Call) bool {
	m := p.Model
	assign, ok := m.Parent(call).(*ast.Assign)
	if !ok || len(assign.Targets) != 1 || assign.Value != ast.Expr(call) {
		return false
	}
	target, ok := assign.Targets[0].(*ast.Name)
	if !ok {
		return false
	}
	id := m.Resolve(target)
	if id == semantic.NoBinding {
		return false
	}
	for i := range m.Nodes {
		ref, ok := m.Nodes[i].Node.(*ast.Name)
		if !ok || ref == target || m.Nodes[i].Ref != id {
			continue
		}
		if ref.Ctx != ast.Load {
			return false
		}
		attr, ok := m.Parent(ref).(*ast.Attribute)
		if !ok {
			return false
		}
		use, ok := m.Parent(attr).(*ast.Call)
		if !ok || use.Func != ast.Expr(attr) || len(use.Keywords) != 0 {
			return false
		}
		switch {
		case attr.Attr == "compress" && len(use.Args) == 1:
		case attr.Attr == "flush" && len(use.Args) == 0:
		default:
			return false
		}
	}
	return true
}
