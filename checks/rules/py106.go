package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY106 reports sqlite3.version and sqlite3.version_info, which Python
// 3.14 removed.
var PY106 = &checks.Rule{
	Code:     "PY106",
	Name:     "removed-sqlite3-module-version",
	Summary:  "`sqlite3.version` and `sqlite3.version_info` were removed in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY106,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "sqlite3") },
	Doc: portDoc(`## What it does
Reports ˋsqlite3.versionˋ and ˋsqlite3.version_infoˋ (also through ˋsqlite3.dbapi2ˋ), and imports
of them.

## Why it matters on Python 3.14
They were the version of the pysqlite project that ˋsqlite3ˋ came from, frozen at 2.6.0 for
years. Deprecated in 3.12, Python 3.14 removed them: ˋsqlite3.versionˋ raises AttributeError
and ˋfrom sqlite3 import version_infoˋ raises ImportError.

## Example
ˋˋˋpython
import sqlite3

print("sqlite3 module", sqlite3.version)
ˋˋˋ

## Use instead
ˋˋˋpython
import sqlite3

print("SQLite library", sqlite3.sqlite_version)
ˋˋˋ

## Fix safety
No fix is offered: ˋsqlite3.sqlite_versionˋ is the version of the SQLite library, a different
number, and code that compared the old constant must be rethought.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [sqlite3.sqlite_version](https://docs.python.org/3.14/library/sqlite3.html#sqlite3.sqlite_version)
`),
}

var sqliteVersionNames = lastNames("sqlite3.version", "sqlite3.version_info")

func checkPY106(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, sqliteVersionNames, func(q string, ref ast.Node) {
		mod, name, _ := cutLast(q)
		if (mod == "sqlite3" || mod == "sqlite3.dbapi2") && (name == "version" || name == "version_info") && !portingExempt(p.Model, n, since314, true) {
			p.Reportf(ref, "`%s` was removed in Python 3.14: %s raises %s; `sqlite3.sqlite_version` is the SQLite library's version, a different number",
				q, refWording(ref), failure(ref))
		}
	})
}
