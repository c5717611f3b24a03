package rules

import (
	"strconv"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// PY407 reports sqlite3 queries with named placeholders given a sequence.
var PY407 = &checks.Rule{
	Code:     "PY407",
	Name:     "sqlite-named-placeholders-with-sequence",
	Summary:  "a sqlite3 query with named placeholders (`:name`) given a sequence of parameters, a ProgrammingError on Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY407,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "sqlite3") },
	Doc: `## What it does
Reports ` + "`execute()`" + ` and ` + "`executemany()`" + ` calls on sqlite3 connections and cursors whose
SQL is a string literal with named placeholders (` + "`:name`, `@name`, `$name`" + `) and whose
parameters are a tuple or list literal (for ` + "`executemany`" + `, a list or tuple of them).

## Why it matters on Python 3.14
sqlite3 bound a sequence to named placeholders by position, in the order SQLite numbers them;
this was deprecated in Python 3.12 and is an error in 3.14:
` + "`sqlite3.ProgrammingError: Binding 1 ('name') is a named parameter, but you supplied a sequence which requires nameless (qmark) placeholders.`" + `

## Example
` + "```python" + `
conn.execute("INSERT INTO users VALUES (:id, :name)", (1, "ada"))
` + "```" + `

## Use instead
` + "```python" + `
conn.execute("INSERT INTO users VALUES (:id, :name)", {"id": 1, "name": "ada"})
` + "```" + `

## Fix safety
The fix turns each sequence into a dict that maps the placeholder names, in the order of their
first appearance in the SQL (the order SQLite numbers them in), to the values. It is safe, and
offered only when the SQL names each placeholder once and the sequence has one value per
placeholder. The SQL is scanned like SQLite does: quoted strings, quoted identifiers and comments
hold no placeholders.

## References
- [What's New in Python 3.14: sqlite3](https://docs.python.org/3.14/whatsnew/3.14.html#sqlite3)
- [sqlite3: how to use placeholders](https://docs.python.org/3.14/library/sqlite3.html#sqlite3-placeholders)
`,
}

func checkPY407(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	attr, ok := call.Func.(*ast.Attribute)
	if !ok || attr.Attr != "execute" && attr.Attr != "executemany" || len(call.Args) < 2 || len(call.Keywords) > 0 {
		return
	}
	sql, ok := stringConstant(call.Args[0])
	if !ok || !isSQLiteObject(p, attr.Value, 0) {
		return
	}
	names, positional := sqlPlaceholders(sql)
	if len(names) == 0 {
		return
	}
	var rows []ast.Expr
	if attr.Attr == "execute" {
		rows = []ast.Expr{call.Args[1]}
	} else {
		elts, ok := literalElements(call.Args[1])
		if !ok {
			return
		}
		rows = elts
	}
	var edits []checks.Edit
	fixable := !positional && distinct(names)
	for _, r := range rows {
		elts, ok := literalElements(r)
		if !ok {
			return
		}
		if len(elts) != len(names) {
			fixable = false
		}
		if fixable {
			var b strings.Builder
			b.WriteString("{")
			for i, e := range elts {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(strconv.Quote(names[i]) + ": " + p.Text(e))
			}
			b.WriteString("}")
			edits = append(edits, checks.Replace(checks.SpanOf(r), b.String()))
		}
	}
	var fix *checks.Fix
	if fixable && len(edits) > 0 {
		fix = &checks.Fix{Title: "Pass the parameters as a dict", Applicability: checks.Safe, Edits: edits}
	}
	p.ReportFix(checks.SpanOf(call.Args[1]),
		"named placeholders ("+strings.Join(prefixed(sql, names), ", ")+") given a sequence: sqlite3 raises ProgrammingError on Python 3.14; pass a dict",
		fix)
}

// prefixed returns the placeholder names with the sign they have in sql.
func prefixed(sql string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = ":" + n
		for _, sign := range []string{"@", "$"} {
			if strings.Contains(sql, sign+n) && !strings.Contains(sql, ":"+n) {
				out[i] = sign + n
			}
		}
	}
	return out
}

func distinct(names []string) bool {
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			return false
		}
		seen[n] = true
	}
	return true
}

// literalElements returns the elements of a tuple or list display
// without starred items.
func literalElements(e ast.Expr) ([]ast.Expr, bool) {
	var elts []ast.Expr
	switch e := e.(type) {
	case *ast.Tuple:
		elts = e.Elts
	case *ast.List:
		elts = e.Elts
	default:
		return nil, false
	}
	for _, x := range elts {
		if _, ok := x.(*ast.Starred); ok {
			return nil, false
		}
	}
	return elts, true
}

// sqlPlaceholders returns the names of the named placeholders of an SQL
// text in order of appearance, and whether it also has ? placeholders.
// Quoted strings and identifiers and comments are skipped, as SQLite's
// tokenizer does.
func sqlPlaceholders(sql string) (names []string, positional bool) {
	isIdent := func(c byte) bool {
		return c == '_' || c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	for i := 0; i < len(sql); i++ {
		switch c := sql[i]; c {
		case '\'', '"', '`':
			j := i + 1
			for j < len(sql) {
				if sql[j] == c {
					if j+1 < len(sql) && sql[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			i = j
		case '[':
			for i < len(sql) && sql[i] != ']' {
				i++
			}
		case '-':
			if i+1 < len(sql) && sql[i+1] == '-' {
				for i < len(sql) && sql[i] != '\n' {
					i++
				}
			}
		case '/':
			if i+1 < len(sql) && sql[i+1] == '*' {
				end := strings.Index(sql[i+2:], "*/")
				if end < 0 {
					return names, positional
				}
				i += end + 3
			}
		case '?':
			positional = true
			for i+1 < len(sql) && '0' <= sql[i+1] && sql[i+1] <= '9' {
				i++
			}
		case ':', '@', '$':
			j := i + 1
			for j < len(sql) && isIdent(sql[j]) {
				j++
			}
			if j > i+1 {
				names = append(names, sql[i+1:j])
				i = j - 1
			}
		}
	}
	return names, positional
}

// isSQLiteObject reports whether e is a sqlite3 connection or cursor: a
// call of sqlite3.connect, a .cursor() call on one, or a name or self
// attribute bound to one.
func isSQLiteObject(p *checks.Pass, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	m := p.Model
	switch e := e.(type) {
	case *ast.Call:
		if m.MatchesQualified(e.Func, "sqlite3.connect", "sqlite3.Connection", "sqlite3.dbapi2.connect") {
			return true
		}
		if m.MatchesQualified(e.Func, "contextlib.closing") && len(e.Args) == 1 {
			return isSQLiteObject(p, e.Args[0], depth+1)
		}
		if attr, ok := e.Func.(*ast.Attribute); ok && attr.Attr == "cursor" && len(e.Args) == 0 {
			return isSQLiteObject(p, attr.Value, depth+1)
		}
	case *ast.Name:
		id := m.Resolve(e)
		if id == semantic.NoBinding {
			return false
		}
		if v := boundValue(m, m.Binding(id)); v != nil {
			return isSQLiteObject(p, v, depth+1)
		}
	case *ast.Attribute:
		// self.conn, assigned in a method of the same class.
		self, ok := e.Value.(*ast.Name)
		if !ok {
			return false
		}
		fn, ok := m.FunctionOf(e).(*ast.FunctionDef)
		if !ok || len(fn.Args.Args) == 0 || fn.Args.Args[0].Arg != self.Id {
			return false
		}
		c := m.ClassOf(fn)
		if c == nil {
			return false
		}
		found := false
		ast.Inspect(c, func(n ast.Node) bool {
			as, ok := n.(*ast.Assign)
			if found || !ok || len(as.Targets) != 1 {
				return !found
			}
			if t, ok := as.Targets[0].(*ast.Attribute); ok && t.Attr == e.Attr {
				if v, ok := t.Value.(*ast.Name); ok && v.Id == self.Id && isSQLiteObject(p, as.Value, depth+1) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	return false
}

// boundValue returns the expression a binding assigns: the value of
// "name = value", or the context manager of "with value as name".
func boundValue(m *semantic.Model, b *semantic.Binding) ast.Expr {
	switch parent := m.Parent(b.Node).(type) {
	case *ast.Assign:
		if len(parent.Targets) == 1 && ast.Node(parent.Targets[0]) == b.Node {
			return parent.Value
		}
	case *ast.WithItem:
		if parent.OptionalVars != nil && ast.Node(parent.OptionalVars) == b.Node {
			return parent.ContextExpr
		}
	}
	return nil
}
