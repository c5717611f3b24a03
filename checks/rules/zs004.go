package rules

import (
	"path/filepath"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// ZS004 reports imports of compression.zstd that fail the whole module
// where the module is missing.
var ZS004 = &checks.Rule{
	Code:     "ZS004",
	Name:     "unguarded-zstd-import",
	Summary:  "`compression.zstd` imported without an `ImportError` guard, though Python 3.14 builds may lack it",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Check:    checkZS004,
	Doc: `## What it does
Reports ` + "`from compression import zstd`, `from compression.zstd import ...` and `import compression.zstd`" + `
outside a ` + "`try`" + ` statement that handles ` + "`ImportError`" + ` (or ` + "`Exception`" + `), and outside ` + "`if TYPE_CHECKING:`" + `.

## Why it matters on Python 3.14
` + "`compression.zstd`" + ` is an optional module: CPython builds it only when libzstd 1.4.5 or newer is
available at build time (PEP 784), like ` + "`lzma`" + ` or ` + "`bz2`" + `. On a 3.14 built without it the import
raises ` + "`ModuleNotFoundError: No module named '_zstd'`" + `, and an unguarded import at the top of a module
takes the whole module down with it, including the parts that never compress anything. Before 3.14
the ` + "`compression`" + ` package does not exist at all.

## Example
` + "```python" + `
from compression import zstd

def load(path):
    with zstd.open(path) as f:
        return f.read()
` + "```" + `

## Use instead
` + "```python" + `
try:
    from compression import zstd
except ImportError:
    zstd = None

def load(path):
    if zstd is None:
        raise RuntimeError("this Python was built without Zstandard support")
    with zstd.open(path) as f:
        return f.read()
` + "```" + `

## Fix safety
Safe: on every Python where the import works, nothing changes. The fix wraps the import in
` + "`try`/`except ImportError`" + `. When the target is 3.14 or newer the fallback binds the imported names
to ` + "`None`" + `, so the module imports and its zstd code fails only if it runs — check for ` + "`None`" + ` where
that matters. When the target includes versions before 3.14 the fallback imports the same names from
` + "`backports.zstd`" + `, which raises ImportError just as before when that package is not installed.
` + "`import compression.zstd`" + ` is reported without a fix, as are imports that share their line with other
code.

## References
- [PEP 784: libzstd optional dependency](https://peps.python.org/pep-0784/#libzstd-optional-dependency)
- [compression.zstd](https://docs.python.org/3.14/library/compression.zstd.html)
- [backports.zstd](https://pypi.org/project/backports.zstd/)
`,
}

// zs004Candidate reports whether an import statement may import
// compression.zstd: the cheap test that comes before the others.
func zs004Candidate(n ast.Node) bool {
	switch s := n.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			if strings.HasPrefix(a.Name, "compression.zstd") {
				return true
			}
		}
	case *ast.ImportFrom:
		return s.Level == 0 && strings.HasPrefix(s.Module, "compression")
	}
	return false
}

func checkZS004(p *checks.Pass, n ast.Node) {
	if !zs004Candidate(n) {
		return
	}
	if strings.Contains(filepath.ToSlash(p.File.File.Name), "compression/zstd/") {
		// The package itself.
		return
	}
	stmt := n.(ast.Stmt)
	// Whether the import may run before 3.14, where there is no compression
	// package at all.
	below := p.TargetBelow(zsPy314)
	if lo, _ := p.Model.VersionRange(n); !lo.Less(zsPy314) {
		below = false
	}
	var names []string
	var fallback string // the module to fall back to before 3.14
	switch s := n.(type) {
	case *ast.Import:
		found := false
		for _, a := range s.Names {
			found = found || a.Name == "compression.zstd" || strings.HasPrefix(a.Name, "compression.zstd.")
		}
		if !found || zsGuardedImport(p, stmt) {
			return
		}
		p.ReportFix(checks.SpanOf(s), zs004Message(below), nil)
		return
	case *ast.ImportFrom:
		if s.Level != 0 {
			return
		}
		switch {
		case s.Module == "compression":
			for _, a := range s.Names {
				if a.Name == "zstd" {
					names = append(names, zsAliasName(a))
				}
			}
			if len(names) == 0 {
				return
			}
			if len(names) != len(s.Names) {
				// Other modules come from the same statement.
				names = nil
			}
			fallback = "backports"
		case s.Module == "compression.zstd" || strings.HasPrefix(s.Module, "compression.zstd."):
			for _, a := range s.Names {
				if a.Name == "*" {
					names = nil
					break
				}
				names = append(names, zsAliasName(a))
			}
			fallback = "backports" + strings.TrimPrefix(s.Module, "compression")
		default:
			return
		}
		if zsGuardedImport(p, stmt) {
			return
		}
		var fix *checks.Fix
		text, ok := strings.Join(names, " = ")+" = None", len(names) > 0
		title := "Wrap the import in `try`/`except ImportError` binding `" + strings.Join(names, "`, `") + "` to None"
		if ok && below {
			text, ok = zsFromModule(p, s, fallback)
			title = "Wrap the import in `try`/`except ImportError` falling back to `" + fallback + "`"
		}
		if ok {
			if e, ok := zsWrapInTry(p, s, text); ok {
				fix = &checks.Fix{Title: title, Applicability: checks.Safe, Edits: []checks.Edit{e}}
			}
		}
		p.ReportFix(checks.SpanOf(s), zs004Message(below), fix)
	}
}

func zs004Message(below bool) string {
	if below {
		return "`compression.zstd` is new in Python 3.14 and optional there: this import raises ImportError before 3.14 and on builds without libzstd"
	}
	return "`compression.zstd` is optional in Python 3.14: this import raises ImportError on builds without libzstd"
}

// zsAliasName returns the name an import alias binds.
func zsAliasName(a *ast.Alias) string {
	if a.Asname != "" {
		return a.Asname
	}
	return a.Name
}
