package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// ZS005 reports imports of the private _compression module, which Python
// 3.14 renamed.
var ZS005 = &checks.Rule{
	Code:     "ZS005",
	Name:     "private-compression-module",
	Summary:  "`_compression` was moved to `compression._common._streams` in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Check:    checkZS005,
	Doc: `## What it does
Reports ` + "`import _compression`" + ` and ` + "`from _compression import ...`" + `, unless the import is guarded by
` + "`try`/`except ImportError`" + ` or runs only before 3.14.

## Why it matters on Python 3.14
` + "`_compression`" + ` was the private helper module behind ` + "`gzip`, `bz2` and `lzma`" + ` (` + "`BaseStream`,\n`DecompressReader`, `BUFFER_SIZE`" + `). Third-party codecs borrowed it to build their file objects.
PEP 784 moved it to ` + "`compression._common._streams`" + `; on Python 3.14 ` + "`import _compression`" + ` raises
` + "`ModuleNotFoundError: No module named '_compression'`" + `.

## Example
` + "```python" + `
from _compression import BaseStream, DecompressReader
` + "```" + `

## Use instead
Copy the few lines you need from the helper into your project, or, keeping the private import:
` + "```python" + `
try:
    from compression._common._streams import BaseStream, DecompressReader
except ImportError:  # before Python 3.14
    from _compression import BaseStream, DecompressReader
` + "```" + `

## Fix safety
Unsafe: ` + "`compression._common._streams`" + ` is private as well and may move again without notice. The
fix imports the same names from it (` + "`import _compression` → `import compression._common._streams as _compression`" + `);
when the target includes versions before 3.14 it tries the new module first and falls back to
` + "`_compression`" + `. Imports that name other things than ` + "`BaseStream`, `DecompressReader` and `BUFFER_SIZE`" + `,
or share their line with other code, get no fix.

## References
- [PEP 784: the compression package](https://peps.python.org/pep-0784/#the-compression-package)
- [What's New in Python 3.14: compression](https://docs.python.org/3.14/whatsnew/3.14.html#whatsnew314-pep784)
`,
}

// zsStreamsNames are the names _compression had, all of which
// compression._common._streams has too (checked on 3.13.0 and 3.14.2).
var zsStreamsNames = map[string]bool{"BaseStream": true, "DecompressReader": true, "BUFFER_SIZE": true}

// zs005Candidate reports whether an import statement imports
// _compression: the cheap test that comes before the others.
func zs005Candidate(n ast.Node) bool {
	switch s := n.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			if a.Name == "_compression" {
				return true
			}
		}
	case *ast.ImportFrom:
		return s.Module == "_compression" && s.Level == 0
	}
	return false
}

func checkZS005(p *checks.Pass, n ast.Node) {
	if !zs005Candidate(n) {
		return
	}
	stmt := n.(ast.Stmt)
	m := p.Model
	if _, hi := m.VersionRange(n); !zsPy314.Less(hi) || zsGuardedImport(p, stmt) {
		return
	}
	const msg = "`_compression` does not exist in Python 3.14: this import raises ModuleNotFoundError; the module is now the private `compression._common._streams`"
	var newText string
	switch s := n.(type) {
	case *ast.Import:
		var alias *ast.Alias
		for _, a := range s.Names {
			if a.Name == "_compression" {
				alias = a
			}
		}
		if alias == nil {
			return
		}
		if len(s.Names) == 1 {
			newText = "import compression._common._streams as " + zsAliasName(alias)
		}
	case *ast.ImportFrom:
		if s.Module != "_compression" || s.Level != 0 {
			return
		}
		newText, _ = zsFromModule(p, s, "compression._common._streams")
		for _, a := range s.Names {
			if !zsStreamsNames[a.Name] {
				newText = ""
			}
		}
	}
	var fix *checks.Fix
	if newText != "" {
		var e checks.Edit
		ok := false
		if p.TargetBelow(zsPy314) {
			e, ok = zsTryImport(p, stmt, newText, p.Text(stmt))
		} else if _, ok = zsOwnLine(p, stmt); ok {
			e = checks.Replace(checks.SpanOf(stmt), newText)
		}
		if ok {
			fix = &checks.Fix{Title: "Import from `compression._common._streams`", Applicability: checks.Unsafe, Edits: []checks.Edit{e}}
		}
	}
	p.ReportFix(checks.SpanOf(stmt), msg, fix)
}
