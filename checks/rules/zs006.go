package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// ZS006 reports tar archives opened for reading with one fixed
// compression.
var ZS006 = &checks.Rule{
	Code:     "ZS006",
	Name:     "fixed-compression-tar-read",
	Summary:  "a tar archive read with one fixed compression (`\"r:gz\"`) where `\"r:*\"` would also read Zstandard",
	Severity: checks.Info,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkZS006,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "tarfile", "compression", "backports") },
	Doc: `## What it does
Reports ` + "`tarfile.open(name, \"r:gz\")`" + ` (and ` + "`\"r:bz2\"`, `\"r:xz\"`" + ` and the stream modes ` + "`\"r|gz\"`, `\"r|bz2\"`,\n`\"r|xz\"`" + `) when the archive is opened by name.

Archives opened from a file object (` + "`fileobj=`" + `) are not reported: ` + "`\"r:*\"`" + ` seeks back to the start
between attempts, which a network stream may not allow. Nor are reads under a test that chose the
compression (` + "`if name.endswith(\".tar.gz\"):`" + `), reads in code named after a format that is always
gzip (` + "`get_sdist_members`" + `, ` + "`read_tgz`" + `) and test code.

## Why it matters on Python 3.14
Python 3.14's ` + "`tarfile`" + ` reads Zstandard archives, and ` + "`\"r:*\"`" + ` (the default of ` + "`tarfile.open`" + `)
recognises every compression it supports: ` + "`.tar.gz`, `.tar.bz2`, `.tar.xz`" + ` and now ` + "`.tar.zst`" + `. A reader
pinned to ` + "`\"r:gz\"`" + ` raises ` + "`tarfile.ReadError`" + ` on the first Zstandard archive it is given, so the
writers (see ZS002) cannot move to Zstandard before every reader is changed. Reading with
` + "`\"r:*\"`" + ` first lets the formats change in either order.

## Example
` + "```python" + `
import tarfile

def unpack(path, dest):
    with tarfile.open(path, "r:gz") as tar:
        tar.extractall(dest, filter="data")
` + "```" + `

## Use instead
` + "```python" + `
import tarfile

def unpack(path, dest):
    with tarfile.open(path, "r:*") as tar:
        tar.extractall(dest, filter="data")
` + "```" + `

## Fix safety
Safe: every archive ` + "`\"r:gz\"`" + ` reads, ` + "`\"r:*\"`" + ` reads the same way. The difference is for other
input: where ` + "`\"r:gz\"`" + ` raised ` + "`ReadError`" + `, ` + "`\"r:*\"`" + ` opens any tar archive it understands,
uncompressed ones included. Code that relies on the error to reject other formats should check the
format itself.

## References
- [tarfile.open](https://docs.python.org/3.14/library/tarfile.html#tarfile.open)
- [PEP 784: Adding Zstandard to the standard library](https://peps.python.org/pep-0784/)
`,
}

func checkZS006(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if zsCallName(p, call) != "tarfile.open" || zsUnpacks(call) {
		return
	}
	modeArg := argument(call, 1, "mode")
	mode, ok := stringConstant(modeArg)
	if !ok {
		return
	}
	var auto string
	switch mode {
	case "r:gz", "r:bz2", "r:xz":
		auto = "r:*"
	case "r|gz", "r|bz2", "r|xz":
		auto = "r|*"
	default:
		return
	}
	if argument(call, 0, "name") == nil || argument(call, 2, "fileobj") != nil {
		return
	}
	if _, codecs := zsCodecTests(p, call); codecs > 0 || zsTestFile(p) || zsNamedForFormat(p, call, "tar") {
		// The compression was chosen by a test on the name or type, the
		// archive is a format that is always gzip (an sdist), or tests
		// read what they wrote.
		return
	}
	p.ReportFix(checks.SpanOf(modeArg),
		"`\""+mode+"\"` reads only "+mode[2:]+" archives and raises ReadError on the Zstandard ones Python 3.14 writes; `\""+auto+"\"` reads both",
		&checks.Fix{Title: "Read with `\"" + auto + "\"`", Applicability: checks.Safe,
			Edits: []checks.Edit{checks.Replace(checks.SpanOf(modeArg), zsQuoteLike(p.Text(modeArg), auto))}})
}
