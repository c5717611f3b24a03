package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// ZS007 reports imports of gzip, bz2, lzma and zlib under their old names
// in code for Python 3.14 and newer.
var ZS007 = &checks.Rule{
	Code:     "ZS007",
	Name:     "legacy-compression-module-name",
	Summary:  "`gzip`, `bz2`, `lzma` or `zlib` imported by the name Python 3.14 replaces with `compression.*`",
	Severity: checks.Info,
	Default:  false,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Check:    checkZS007,
	Applies:  func(p *checks.Pass) bool { return !p.TargetBelow(zsPy314) },
	Doc: `## What it does
When the target is Python 3.14 or newer, reports ` + "`import gzip`" + ` (and ` + "`bz2`, `lzma`, `zlib`" + `) and
` + "`from gzip import ...`" + `, which Python 3.14 also offers as ` + "`compression.gzip`" + ` and so on. Not in the
default set: select ` + "`ZS007`" + ` to use it.

## Why it matters on Python 3.14
PEP 784 gathers the compression modules in the ` + "`compression`" + ` package, next to the new
` + "`compression.zstd`" + `, and What's New calls the new names the preferred ones from 3.14. The old names are
not deprecated and will not go away for at least five years; this is a style rule for code bases that
want one way to spell them.

## Example
` + "```python" + `
import gzip
from zlib import crc32
` + "```" + `

## Use instead
` + "```python" + `
from compression import gzip
from compression.zlib import crc32
` + "```" + `

## Fix safety
Safe where it is offered: ` + "`compression.gzip`" + ` re-exports the public API of ` + "`gzip`" + ` (the same function
and class objects), and the fix is offered only when every use of the module in the file is one of
those names. ` + "`compression.gzip`" + ` is a separate module object that re-exports ` + "`gzip`" + `'s
` + "`__all__`" + ` only (` + "`open`, `GzipFile`, `compress`, `decompress`, `BadGzipFile`" + `; checked on CPython
3.14.2), so there is no fix when the file uses another name (` + "`gzip.READ`" + `), assigns to or passes the
module object around, mentions ` + "`\"gzip.`" + ` in a string (a ` + "`mock.patch`" + ` target that would no longer
reach the names the module uses), or imports several modules in one statement.

## References
- [PEP 784: the compression package](https://peps.python.org/pep-0784/#the-compression-package)
- [What's New in Python 3.14: compression](https://docs.python.org/3.14/whatsnew/3.14.html#whatsnew314-pep784)
`,
}

// zsReexports lists the names each compression.* module re-exports from
// the old module (its __all__; zlib has none, so every public name): checked
// on CPython 3.14.2.
var zsReexports = map[string]map[string]bool{
	"gzip": zsNameSet("BadGzipFile GzipFile open compress decompress"),
	"bz2":  zsNameSet("BZ2File BZ2Compressor BZ2Decompressor open compress decompress"),
	"lzma": zsNameSet("CHECK_NONE CHECK_CRC32 CHECK_CRC64 CHECK_SHA256 CHECK_ID_MAX CHECK_UNKNOWN " +
		"FILTER_LZMA1 FILTER_LZMA2 FILTER_DELTA FILTER_X86 FILTER_IA64 FILTER_ARM FILTER_ARMTHUMB " +
		"FILTER_POWERPC FILTER_SPARC FORMAT_AUTO FORMAT_XZ FORMAT_ALONE FORMAT_RAW MF_HC3 MF_HC4 MF_BT2 " +
		"MF_BT3 MF_BT4 MODE_FAST MODE_NORMAL PRESET_DEFAULT PRESET_EXTREME LZMACompressor LZMADecompressor " +
		"LZMAFile LZMAError open compress decompress is_check_supported"),
	"zlib": nil, // every name without a leading underscore
}

func zsNameSet(names string) map[string]bool {
	out := map[string]bool{}
	for _, n := range strings.Fields(names) {
		out[n] = true
	}
	return out
}

// zsReexported reports whether compression.<module> has name.
func zsReexported(module, name string) bool {
	if set := zsReexports[module]; set != nil {
		return set[name]
	}
	return !strings.HasPrefix(name, "_")
}

// zsPatchKey is the Memo key of the string constants that name a
// compression module's attributes ("gzip.open" for mock.patch).
type zsPatchKey struct{}

// zsPatched reports whether a str literal of the file starts with
// "module.".
func zsPatched(p *checks.Pass, module string) bool {
	prefixes := p.Memo(zsPatchKey{}, func() any {
		out := map[string]bool{}
		for i := range p.Model.Nodes {
			if s, ok := stringConstant(asExpr(p.Model.Nodes[i].Node)); ok {
				if mod, _, ok := strings.Cut(s, "."); ok {
					out[mod] = true
				}
			}
		}
		return out
	}).(map[string]bool)
	return prefixes[module]
}

// asExpr returns n as an expression, or nil.
func asExpr(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}

// zs007Candidate reports whether an import statement imports one of the
// modules compression.* re-exports: the cheap test that comes before the
// others.
func zs007Candidate(n ast.Node) bool {
	switch s := n.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			if _, ok := zsReexports[a.Name]; ok {
				return true
			}
		}
	case *ast.ImportFrom:
		_, ok := zsReexports[s.Module]
		return ok && s.Level == 0
	}
	return false
}

func checkZS007(p *checks.Pass, n ast.Node) {
	if p.TargetBelow(zsPy314) {
		return
	}
	if !zs007Candidate(n) {
		return
	}
	stmt := n.(ast.Stmt)
	if _, hi := p.Model.VersionRange(n); !zsPy314.Less(hi) {
		return
	}
	switch s := n.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			if _, ok := zsReexports[a.Name]; !ok {
				continue
			}
			msg := "`" + a.Name + "` has the preferred name `compression." + a.Name + "` in Python 3.14"
			var fix *checks.Fix
			if len(s.Names) == 1 && zsModuleUsesFit(p, a, a.Name) {
				if _, ok := zsOwnLine(p, stmt); ok {
					text := "from compression import " + a.Name
					if a.Asname != "" {
						text += " as " + a.Asname
					}
					fix = &checks.Fix{Title: "Import `compression." + a.Name + "`", Applicability: checks.Safe,
						Edits: []checks.Edit{checks.Replace(checks.SpanOf(s), text)}}
				}
			}
			p.ReportFix(checks.SpanOf(a), msg, fix)
		}
	case *ast.ImportFrom:
		if _, ok := zsReexports[s.Module]; !ok || s.Level != 0 {
			return
		}
		msg := "`" + s.Module + "` has the preferred name `compression." + s.Module + "` in Python 3.14"
		var fix *checks.Fix
		fits := true
		for _, a := range s.Names {
			fits = fits && a.Name != "*" && zsReexported(s.Module, a.Name)
		}
		// The module name follows "from" and blanks.
		src := p.Src()
		i := s.Pos() + 4
		for int(i) < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		end := i + token.Pos(len(s.Module))
		if fits && int(end) <= len(src) && string(src[i:end]) == s.Module && !zsPatched(p, s.Module) {
			fix = &checks.Fix{Title: "Import from `compression." + s.Module + "`", Applicability: checks.Safe,
				Edits: []checks.Edit{checks.Replace(checks.Span(i, end), "compression."+s.Module)}}
		}
		p.ReportFix(checks.SpanOf(s), msg, fix)
	}
}

// zsModuleUsesFit reports whether every use of the module bound by an
// import alias reads a name that compression.<module> re-exports, and no
// string of the file patches the module's attributes.
func zsModuleUsesFit(p *checks.Pass, a *ast.Alias, module string) bool {
	m := p.Model
	id := m.BindingOf(a)
	if id == semantic.NoBinding || zsPatched(p, module) {
		return false
	}
	for i := range m.Nodes {
		ref, ok := m.Nodes[i].Node.(*ast.Name)
		if !ok || m.Nodes[i].Ref != id {
			continue
		}
		attr, ok := m.Parent(ref).(*ast.Attribute)
		if !ok || ref.Ctx != ast.Load || attr.Ctx != ast.Load || !zsReexported(module, attr.Attr) {
			return false
		}
	}
	return true
}
