package rules

import (
	"sort"
	"strconv"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// ZS002 reports archives written with gzip or deflate compression that
// Python 3.14 can write with Zstandard.
var ZS002 = &checks.Rule{
	Code:     "ZS002",
	Name:     "gzip-archive-writer",
	Summary:  "a tar or zip archive written with gzip or deflate that Python 3.14 can write with Zstandard",
	Severity: checks.Info,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkZS002,
	// zsName folds compression.* and backports.zstd.tarfile/zipfile into
	// the standard names.
	Applies: func(p *checks.Pass) bool {
		return importsPackage(p, "tarfile", "shutil", "zipfile", "compression", "backports")
	},
	Doc: `## What it does
Reports archives written with gzip or deflate compression:
- ` + "`tarfile.open(name, \"w:gz\")`, `\"x:gz\"` and the stream mode `\"w|gz\"`" + `;
- ` + "`shutil.make_archive(base, \"gztar\", ...)`" + `;
- ` + "`zipfile.ZipFile(file, \"w\", compression=zipfile.ZIP_DEFLATED)`" + ` in a writing mode (` + "`\"w\"`, `\"x\"`, `\"a\"`" + `).

Not reported: reading archives (see ZS006 for ` + "`\"r:gz\"`" + `); code that already chooses between formats
(under ` + "`except ImportError`" + `, ` + "`if sys.version_info < (3, 14)`" + `, or an ` + "`if`" + ` chain that tests anything
named zstd or dispatches on the codec); test code; code named after its format (` + "`TgzExporter`" + `,
` + "`build_sdist`" + `) and, for zip files, general-purpose archivers (` + "`make_zipfile`, `archive()`" + `) whose output
goes to other tools; archives whose name says they are a format that readers expect as it is
(` + "`wheel_path`, `\"app.jar\"`, `.docx`" + `; source distributions must be ` + "`.tar.gz`" + `).

## Why it matters on Python 3.14
` + "`tarfile`" + ` writes Zstandard with ` + "`\"w:zst\"`" + ` and ` + "`\"w|zst\"`" + `, ` + "`shutil.make_archive`" + ` with the
` + "`\"zstdtar\"`" + ` format (a ` + "`.tar.zst`" + ` file), and ` + "`zipfile`" + ` with ` + "`ZIP_ZSTANDARD`" + ` (method 93). Measured
on this project's benchmark (` + "`bench/compression/run.sh`" + `: CPython 3.14.2 as pyodide/WebAssembly
under node on a 2-core machine running other jobs, CPU time, best of 7 runs; details on the ZS001
page), tarballs of source trees compress as follows (ratio, time to compress, time to extract the
compressed stream):

| Codec and level | this repository, 4.4 MB | CPython's standard library, 10.0 MB |
|---|---|---|
| gzip 6 | 4.52×, 178 ms, 14 ms | 4.49×, 447 ms, 36 ms |
| gzip 9 (` + "`tarfile`" + `'s default) | 4.54×, 282 ms, 13 ms | 4.55×, 1731 ms, 40 ms |
| zstd 3 (zstd's default) | 4.86×, 26 ms, 7 ms | 4.60×, 84 ms, 26 ms |
| zstd 9 | 5.48×, 234 ms, 10 ms | 5.36×, 973 ms, 24 ms |

` + "`\"w:zst\"`" + ` at its default level makes a smaller archive than ` + "`\"w:gz\"`" + ` at its default in a tenth to a
twentieth of the time.

Who can no longer read the result:
- a ` + "`.tar.zst`" + `: Python 3.13 and older (unless they use ` + "`backports.zstd`" + `'s ` + "`tarfile`" + `),
  ` + "`shutil.unpack_archive`" + ` before 3.14, GNU tar without the ` + "`zstd`" + ` program installed, tar
  implementations older than zstd support (GNU tar 1.31, bsdtar 3.3.3), and anything that expects the
  ` + "`.tar.gz`/`.tgz`" + ` name, such as download pages, package indexes and CI caches keyed on it;
- a zip with ` + "`ZIP_ZSTANDARD`" + ` members: Python 3.13 and older (` + "`NotImplementedError: That compression method is not supported`" + `,
  checked on 3.13.0), Info-ZIP ` + "`unzip`" + ` 6.0 (` + "`skipping: a.txt need PK compat. v6.3 (can do v4.6)`" + `), Java's
  ` + "`java.util.zip`" + ` and the built-in extractors of most desktop systems. Keep deflate for zips that
  leave the project; ` + "`.whl`, `.jar`, `.docx`" + ` and other zip-based formats require deflate or stored
  members.

## Example
` + "```python" + `
import tarfile

def release(src):
    with tarfile.open("dist/release.tar.gz", "w:gz", compresslevel=6) as tar:
        tar.add(src)
` + "```" + `

## Use instead
` + "```python" + `
import tarfile

def release(src):
    with tarfile.open("dist/release.tar.zst", "w:zst", level=6) as tar:
        tar.add(src)
` + "```" + `

## Fix safety
Unsafe: the archive format changes, so everything that reads it must change (see above). The fix:
- ` + "`\"w:gz\"`/`\"x:gz\"` → `\"w:zst\"`/`\"x:zst\"`" + `, with ` + "`compresslevel=N`" + ` → ` + "`level=N`" + ` for a literal 1 to 9 or
  an expression (no level stays zstd's default 3); ` + "`\"w|gz\"` → `\"w|zst\"`" + ` dropping ` + "`compresslevel`" + `,
  which ` + "`\"w|zst\"`" + ` rejects;
- a literal ` + "`.tar.gz`" + ` name becomes ` + "`.tar.zst`" + `, ` + "`.tgz`" + ` becomes ` + "`.tzst`" + `; names held in variables are
  not changed;
- ` + "`\"gztar\"` → `\"zstdtar\"`" + `: ` + "`make_archive`" + ` then returns a ` + "`.tar.zst`" + ` path instead of ` + "`.tar.gz`" + `;
- ` + "`ZIP_DEFLATED` → `ZIP_ZSTANDARD`" + ` (imported next to ` + "`ZIP_DEFLATED`" + ` when that was imported by name),
  keeping a literal ` + "`compresslevel`" + ` 1 to 9 on zstd's scale.

When the target includes versions before 3.14, a module-level ` + "`import tarfile`" + ` or ` + "`import zipfile`" + `
becomes ` + "`try: from backports.zstd import tarfile` / `except ImportError: import tarfile`" + ` (on 3.14
the standard module is used; add ` + "`backports.zstd; python_version<'3.14'`" + ` to the dependencies).
There is no backport for ` + "`shutil`" + `'s ` + "`\"zstdtar\"`" + `, so that rewrite is display-only there, as are
rewrites where the module was imported in another way, level 0, and calls with comments inside a
dropped argument.

## References
- [PEP 784: Adding Zstandard to the standard library](https://peps.python.org/pep-0784/)
- [tarfile.open](https://docs.python.org/3.14/library/tarfile.html#tarfile.open)
- [zipfile.ZIP_ZSTANDARD](https://docs.python.org/3.14/library/zipfile.html#zipfile.ZIP_ZSTANDARD)
- [shutil archiving operations](https://docs.python.org/3.14/library/shutil.html#archiving-operations)
- [backports.zstd](https://pypi.org/project/backports.zstd/)
`,
}

var zsTarRenames = [][2]string{{".tar.gz", ".tar.zst"}, {".tgz", ".tzst"}}

func checkZS002(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if zsUnpacks(call) {
		return
	}
	switch name := zsCallName(p, call); name {
	case "tarfile.open":
		checkZS002Tar(p, call)
	case "shutil.make_archive":
		checkZS002MakeArchive(p, call)
	case "zipfile.ZipFile":
		checkZS002Zip(p, call)
	}
}

// zsArchiveSkipped reports whether an archive call is left alone: it
// already runs as an alternative to zstd, is in test code or in code named
// after its format, or writes a file whose name (the text of file) says it
// is a format built on the archive (a wheel, a .jar).
func zsArchiveSkipped(p *checks.Pass, call *ast.Call, format string, file ast.Expr) bool {
	if zsGuardsOtherCodec(p, call) || zsInHTTPCoding(p) || zsTestFile(p) || zsNamedForFormat(p, call, format) {
		return true
	}
	if file != nil {
		text := strings.ToLower(p.Text(file))
		for _, w := range zsFormatWords {
			if strings.Contains(text, w) {
				return true
			}
		}
	}
	return false
}

func checkZS002Tar(p *checks.Pass, call *ast.Call) {
	modeArg := argument(call, 1, "mode")
	mode, ok := stringConstant(modeArg)
	if !ok {
		return
	}
	var newMode string
	switch mode {
	case "w:gz", "x:gz":
		newMode = mode[:2] + "zst"
	case "w|gz":
		newMode = "w|zst"
	default:
		return
	}
	if zsArchiveSkipped(p, call, "tar", argument(call, 0, "name")) {
		return
	}
	msg := "`tarfile.open(..., \"" + mode + "\")` writes a gzip tarball; Python 3.14 writes Zstandard with `\"" + newMode +
		"\"`, several times faster at about the same size, but every reader must support it"
	applicability := checks.Unsafe
	var notes []string
	edits := []checks.Edit{checks.Replace(checks.SpanOf(modeArg), zsQuoteLike(p.Text(modeArg), newMode))}
	if name := argument(call, 0, "name"); name != nil {
		if e, ok := zsSuffixRename(p.Src(), name, zsTarRenames); ok {
			edits = append(edits, e)
		}
	}
	if k := keyword(call, "compresslevel"); k != nil {
		if newMode == "w|zst" {
			e, ok := zsDropKeyword(p, call, k)
			if !ok {
				applicability = checks.DisplayOnly
				notes = append(notes, "the comment next to `compresslevel`")
			}
			edits = append(edits, e)
		} else {
			level, ok := zsLevel(p.Model, p.Src(), k.Value, true)
			switch {
			case !ok:
				applicability = checks.DisplayOnly
				notes = append(notes, "level 0")
				edits = append(edits, checks.Replace(checks.SpanOf(k), "level=3"))
			case level == "":
				if e, ok := zsDropKeyword(p, call, k); ok {
					edits = append(edits, e)
				} else {
					applicability = checks.DisplayOnly
				}
			default:
				edits = append(edits, checks.Replace(checks.SpanOf(k), "level="+level))
			}
		}
	}
	if p.TargetBelow(zsPy314) {
		e, ok := zsBackportImport(p, call.Func, "tarfile")
		if !ok {
			applicability = checks.DisplayOnly
			notes = append(notes, "the import of `tarfile` (use `backports.zstd`'s before 3.14)")
		} else {
			edits = append(edits, e)
		}
	}
	title := "Write `\"" + newMode + "\"`"
	if len(notes) > 0 {
		title += " (review: " + strings.Join(notes, ", ") + ")"
	}
	p.ReportFix(checks.SpanOf(call), msg, &checks.Fix{Title: title, Applicability: applicability, Edits: zsSortEdits(edits)})
}

func checkZS002MakeArchive(p *checks.Pass, call *ast.Call) {
	format := argument(call, 1, "format")
	if s, ok := stringConstant(format); !ok || s != "gztar" {
		return
	}
	if zsArchiveSkipped(p, call, "tar", argument(call, 0, "base_name")) {
		return
	}
	applicability := checks.Unsafe
	title := "Write `\"zstdtar\"` (a `.tar.zst` file)"
	if p.TargetBelow(zsPy314) {
		applicability = checks.DisplayOnly
		title += " (review: `shutil` has no Zstandard before 3.14)"
	}
	p.ReportFix(checks.SpanOf(call),
		"`shutil.make_archive(..., \"gztar\")` writes a gzip tarball; Python 3.14 writes a `.tar.zst` with `\"zstdtar\"`, several times faster at about the same size, but every reader must support it",
		&checks.Fix{Title: title, Applicability: applicability,
			Edits: []checks.Edit{checks.Replace(checks.SpanOf(format), zsQuoteLike(p.Text(format), "zstdtar"))}})
}

func checkZS002Zip(p *checks.Pass, call *ast.Call) {
	mode, given, ok := zsLiteralString(call, 1, "mode")
	if !ok || !given || !zsWriteMode(mode) {
		return
	}
	comp := argument(call, 2, "compression")
	if comp == nil || zsName(p.Model, comp) != "zipfile.ZIP_DEFLATED" {
		return
	}
	if zsArchiveSkipped(p, call, "zip", argument(call, 0, "file")) {
		return
	}
	applicability := checks.Unsafe
	var notes []string
	var edits []checks.Edit
	switch c := comp.(type) {
	case *ast.Attribute:
		edits = append(edits, checks.Replace(checks.Span(c.End()-token.Pos(len("ZIP_DEFLATED")), c.End()), "ZIP_ZSTANDARD"))
	case *ast.Name:
		e, ok := zsZipZstandardName(p, c)
		if !ok {
			return
		}
		edits = append(edits, e...)
	default:
		return
	}
	if e := argument(call, 4, "compresslevel"); e != nil {
		if level, ok := zsLevel(p.Model, p.Src(), e, true); !ok || level == "" {
			applicability = checks.DisplayOnly
			notes = append(notes, "choose a zstd `compresslevel`")
		}
	}
	if p.TargetBelow(zsPy314) {
		imp, ok := zsBackportImport(p, call.Func, "zipfile")
		if _, isAttr := comp.(*ast.Attribute); !ok || !isAttr {
			applicability = checks.DisplayOnly
			notes = append(notes, "the import of `zipfile` (use `backports.zstd`'s before 3.14)")
		} else {
			edits = append(edits, imp)
		}
	}
	title := "Compress the members with `ZIP_ZSTANDARD`"
	if len(notes) > 0 {
		title += " (review: " + strings.Join(notes, ", ") + ")"
	}
	p.ReportFix(checks.SpanOf(call),
		"`zipfile.ZipFile` writes deflate members; Python 3.14 writes Zstandard members with `ZIP_ZSTANDARD`, but most zip tools outside Python 3.14 cannot extract them",
		&checks.Fix{Title: title, Applicability: applicability, Edits: zsSortEdits(edits)})
}

// zsZipZstandardName returns the edits that replace the name ZIP_DEFLATED,
// imported from zipfile by name, with ZIP_ZSTANDARD: the name the module
// already imports it as, or ZIP_ZSTANDARD added to the same import.
func zsZipZstandardName(p *checks.Pass, ref *ast.Name) ([]checks.Edit, bool) {
	m := p.Model
	scope := m.ScopeOf(ref)
	for i := range m.Bindings {
		b := &m.Bindings[i]
		if b.Kind == semantic.FromImport &&
			strings.TrimPrefix(b.Qualified, "backports.zstd.") == "zipfile.ZIP_ZSTANDARD" {
			if id := m.Lookup(b.Name, scope, ref.Pos()); id == semantic.BindingID(i) {
				return []checks.Edit{checks.Replace(checks.SpanOf(ref), b.Name)}, true
			}
		}
	}
	id := m.Resolve(ref)
	if id == semantic.NoBinding {
		return nil, false
	}
	b := m.Binding(id)
	alias, ok := b.Node.(*ast.Alias)
	if !ok || b.Scope != 0 || alias.Asname != "" {
		return nil, false
	}
	if m.Lookup("ZIP_ZSTANDARD", scope, ref.Pos()) != semantic.NoBinding || len(m.Scope(0).Bindings("ZIP_ZSTANDARD")) > 0 {
		return nil, false
	}
	return []checks.Edit{
		checks.Insert(alias.End(), ", ZIP_ZSTANDARD"),
		checks.Replace(checks.SpanOf(ref), "ZIP_ZSTANDARD"),
	}, true
}

// zsQuoteLike returns value as a str literal with the prefix and quotes of
// the literal text old.
func zsQuoteLike(old, value string) string {
	i := strings.IndexAny(old, "'\"")
	if i < 0 {
		return strconv.Quote(value)
	}
	q := old[i : i+1]
	if strings.HasPrefix(old[i:], q+q+q) && len(old)-i >= 6 {
		q = q + q + q
	}
	return old[:i] + q + value + q
}

// zsSortEdits orders the edits of one fix by position.
func zsSortEdits(edits []checks.Edit) []checks.Edit {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].Start != edits[j].Start {
			return edits[i].Start < edits[j].Start
		}
		return edits[i].End < edits[j].End
	})
	return edits
}

// zsBackportImport returns the edit that makes the module-level `import
// module` (which fn, the called function, is reached through) import
// backports.zstd's copy of the module when there is one: the Python 3.14
// module, with Zstandard, on older versions. It returns no edit when the
// module already does, and ok == false when the import is not a plain
// module-level statement of its own.
func zsBackportImport(p *checks.Pass, fn ast.Expr, module string) (checks.Edit, bool) {
	root := fn
	for {
		a, ok := root.(*ast.Attribute)
		if !ok {
			break
		}
		root = a.Value
	}
	name, ok := root.(*ast.Name)
	if !ok {
		return checks.Edit{}, false
	}
	for _, id := range p.Model.Scope(0).Bindings(name.Id) {
		if p.Model.Binding(id).Qualified == "backports.zstd."+module {
			return checks.Edit{}, true
		}
	}
	imp := zsModuleImport(p, root)
	if imp == nil || imp.Names[0].Name != module {
		return checks.Edit{}, false
	}
	as := ""
	if a := imp.Names[0].Asname; a != "" {
		as = " as " + a
	}
	return zsTryImport(p, imp, "from backports.zstd import "+module+as, "import "+module+as)
}
