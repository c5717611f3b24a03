package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// PY403 reports tar extraction without an explicit filter.
var PY403 = &checks.Rule{
	Code:     "PY403",
	Name:     "tar-extract-without-filter",
	Summary:  "`TarFile.extract`/`extractall` or `shutil.unpack_archive` without `filter=`, whose default became the `data` filter in Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY403,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "shutil", "tarfile") },
	Doc: `## What it does
Reports ` + "`extract()` and `extractall()`" + ` calls on tar files opened with ` + "`tarfile.open`" + ` (or
` + "`tarfile.TarFile`" + `), and ` + "`shutil.unpack_archive()`" + ` calls, that pass no ` + "`filter`" + `
argument, in modules that do not set ` + "`extraction_filter`" + `.

## Why it matters on Python 3.14
Python 3.14 changed the default extraction filter from ` + "`fully_trusted`" + ` to ` + "`data`" + ` (PEP 706).
The same call now refuses members with absolute names or ` + "`..`" + ` components, links that point
outside the destination and device files, and drops set-uid bits and group or other write
permissions: archives that extracted on Python 3.13 raise ` + "`tarfile.AbsolutePathError`" + `,
` + "`OutsideDestinationError`" + `, ` + "`AbsoluteLinkError`" + ` and the like on 3.14. Python 3.12 and
3.13 still extract everything, with a DeprecationWarning. Passing the filter explicitly makes every
version behave the same.

## Example
` + "```python" + `
import tarfile

with tarfile.open(path) as archive:
    archive.extractall(target)
` + "```" + `

## Use instead
` + "```python" + `
import tarfile

with tarfile.open(path) as archive:
    archive.extractall(target, filter="data")
` + "```" + `

## Fix safety
The fix adds ` + "`filter=\"data\"`" + `, the new default: on Python 3.14 the call behaves exactly as
before. It is safe when the target is Python 3.12 or newer. For older targets it is unsafe: the
` + "`filter`" + ` parameter arrived in 3.12 and in the security releases 3.8.17, 3.9.17, 3.10.12 and
3.11.4, so an older patch release raises TypeError. Use ` + "`filter=\"fully_trusted\"`" + ` only for
archives you trust: it restores the old behaviour, path traversal included.

## References
- [What's New in Python 3.14: tarfile](https://docs.python.org/3.14/whatsnew/3.14.html#tarfile)
- [tarfile: extraction filters](https://docs.python.org/3.14/library/tarfile.html#tarfile-extraction-filter)
- [PEP 706: Filter for tarfile.extractall](https://peps.python.org/pep-0706/)
`,
}

func checkPY403(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	m := p.Model
	what := ""
	switch {
	case m.MatchesQualified(call.Func, "shutil.unpack_archive"):
		if isZipArchive(call) {
			return
		}
		what = "shutil.unpack_archive()"
	default:
		attr, ok := call.Func.(*ast.Attribute)
		if !ok || attr.Attr != "extract" && attr.Attr != "extractall" || !isTarFile(p, attr.Value) {
			return
		}
		what = attr.Attr + "()"
	}
	for _, k := range call.Keywords {
		if k.Arg == "filter" || k.Arg == "" {
			return
		}
	}
	if _, hi := m.VersionRange(call); !(parser.Version{Major: 3, Minor: 14}).Less(hi) || setsExtractionFilter(p) {
		return
	}
	app := checks.Safe
	if p.TargetBelow(parser.Version{Major: 3, Minor: 12}) {
		app = checks.Unsafe
	}
	p.ReportFix(checks.SpanOf(call),
		"`"+what+"` without `filter=` applies the 'data' filter on Python 3.14, which rejects absolute paths, links out of the destination and device files that Python 3.13 extracted",
		&checks.Fix{Title: "Add `filter=\"data\"`", Applicability: app, Edits: []checks.Edit{addKeywordEdit(p, call, `filter="data"`)}})
}

// addKeywordEdit inserts a keyword argument after the last argument of a
// call.
func addKeywordEdit(p *checks.Pass, call *ast.Call, kw string) checks.Edit {
	last := call.Func.End()
	for _, a := range call.Args {
		if a.End() > last {
			last = a.End()
		}
	}
	for _, k := range call.Keywords {
		if k.End() > last {
			last = k.End()
		}
	}
	if last == call.Func.End() {
		// No arguments: insert just inside the parentheses.
		src := p.Src()
		i := last
		for i < call.End() && src[i] != '(' {
			i++
		}
		return checks.Insert(i+1, kw)
	}
	return checks.Insert(last, ", "+kw)
}

// isZipArchive reports whether an unpack_archive call unpacks a zip file:
// format "zip", or a file name literal ending in .zip.
func isZipArchive(call *ast.Call) bool {
	if f, ok := stringConstant(argument(call, 2, "format")); ok {
		return f != "tar" && f != "gztar" && f != "bztar" && f != "xztar" && f != "zstdtar"
	}
	if name, ok := stringConstant(argument(call, 0, "filename")); ok {
		return strings.HasSuffix(strings.ToLower(name), ".zip")
	}
	return false
}

// isTarFile reports whether e is a tar file object: a call of
// tarfile.open or tarfile.TarFile, or a name bound to one by assignment
// or by a with statement.
func isTarFile(p *checks.Pass, e ast.Expr) bool {
	m := p.Model
	opens := func(e ast.Expr) bool {
		c, ok := e.(*ast.Call)
		return ok && m.MatchesQualified(c.Func, "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open",
			"tarfile.TarFile.taropen", "tarfile.TarFile.gzopen", "tarfile.TarFile.bz2open", "tarfile.TarFile.xzopen",
			"tarfile.TarFile.zstopen")
	}
	if opens(e) {
		return true
	}
	name, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	id := m.Resolve(name)
	if id == semantic.NoBinding {
		return false
	}
	b := m.Binding(id)
	switch parent := m.Parent(b.Node).(type) {
	case *ast.Assign:
		return len(parent.Targets) == 1 && ast.Node(parent.Targets[0]) == b.Node && opens(parent.Value)
	case *ast.WithItem:
		return parent.OptionalVars != nil && ast.Node(parent.OptionalVars) == b.Node && opens(parent.ContextExpr)
	}
	return false
}

type extractionFilterKey struct{}

// setsExtractionFilter reports whether the module assigns an
// extraction_filter attribute (on TarFile or on an instance).
func setsExtractionFilter(p *checks.Pass) bool {
	return p.Memo(extractionFilterKey{}, func() any {
		for i := range p.Model.Nodes {
			if a, ok := p.Model.Nodes[i].Node.(*ast.Attribute); ok && a.Attr == "extraction_filter" && a.Ctx == ast.Store {
				return true
			}
		}
		return false
	}).(bool)
}
