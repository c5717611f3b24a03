package rules

import (
	"fmt"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// FT009 reports threads whose work depends on context the starting
// function set, which new threads inherit only on the free-threaded build.
var FT009 = &checks.Rule{
	Code:     "FT009",
	Name:     "thread-context-inheritance",
	Summary:  "thread started after changing the `decimal` context or a `ContextVar` it reads: new threads inherit them only on the free-threaded build",
	Severity: checks.Info,
	Default:  false,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkFT009,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "threading") && startsThreads(p) },
	Doc: `## What it does
Reports ` + "`threading.Thread(...)`" + ` and ` + "`threading.Timer(...)`" + ` calls without ` + "`context=`" + ` in a
function that, before starting the thread, changes the ` + "`decimal`" + ` context
(` + "`decimal.getcontext().prec = ...`" + `, ` + "`decimal.setcontext(...)`" + `, inside
` + "`with decimal.localcontext():`" + `) or sets a ` + "`contextvars.ContextVar`" + `, when the thread's code
uses ` + "`decimal`" + ` or reads that variable.

## Why it matters on Python 3.14
Python 3.14 adds ` + "`sys.flags.thread_inherit_context`" + `. When it is true, a new
` + "`threading.Thread`" + ` runs in a copy of the context of the code that called ` + "`start()`" + `; when
it is false, it starts from an empty context, as before. It defaults to true on the
free-threaded build and to false on the default build, and the ` + "`decimal`" + ` context lives in
a context variable too. So the same program computes with the caller's precision, or sees
the caller's request id, on python3.14t, and with the default precision and no request id on
python3.14.

## Example
` + "```python" + `
import decimal
import threading

def worker(results):
    results.append(decimal.Decimal(1) / decimal.Decimal(7))

def main():
    decimal.getcontext().prec = 6
    results = []
    t = threading.Thread(target=worker, args=(results,))
    t.start()
    t.join()
    print(results)  # 6 digits on python3.14t, 28 on python3.14
` + "```" + `

## Use instead
Set the context inside the thread, or pass the one you mean explicitly:

` + "```python" + `
import contextvars
import decimal
import threading

def main():
    decimal.getcontext().prec = 6
    results = []
    t = threading.Thread(target=worker, args=(results,), context=contextvars.copy_context())
    t.start()
    t.join()
` + "```" + `

## Fix safety
No fix: whether the thread should see the caller's context is a design decision.

## References
- [What's New in Python 3.14: free-threaded mode improvements](https://docs.python.org/3.14/whatsnew/3.14.html#free-threaded-mode)
- [sys.flags.thread_inherit_context](https://docs.python.org/3.14/library/sys.html#sys.flags)
- [threading.Thread context parameter](https://docs.python.org/3.14/library/threading.html#threading.Thread)
`,
}

func checkFT009(p *checks.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	if !m.MatchesQualified(c.Func, "threading.Thread", "threading.Timer") || keyword(c, "context") != nil {
		return
	}
	t := threadsOf(p)
	var e *entry
	for i, x := range t.entries {
		if x.at == ast.Node(c) {
			e = t.entries[i]
			break
		}
	}
	if e == nil {
		return
	}
	spawner := t.funcScope(c)
	reach := t.reachOf(e)
	// The decimal context.
	if where := decimalChangeBefore(p, t, c, spawner); where != "" && usesDecimal(p, t, reach) && !setsDecimal(p, t, reach) {
		p.Reportf(c, "%s, and `%s` uses `decimal`: the thread computes with that context on free-threaded Python 3.14, which copies the caller's context into new threads, and with the default one on the default build; set it in the thread or pass `context=`", where, t.scopeName(e.target))
		return
	}
	// Context variables set before the call and read by the thread.
	for _, info := range m.Nodes {
		set, ok := info.Node.(*ast.Call)
		if !ok || set.Pos() >= c.Pos() || t.funcScope(set) != spawner {
			continue
		}
		a, ok := set.Func.(*ast.Attribute)
		if !ok || a.Attr != "set" {
			continue
		}
		id, ok := contextVar(p, t, a.Value)
		if !ok || !usesContextVar(p, t, reach, id, "get") || usesContextVar(p, t, reach, id, "set") {
			continue
		}
		p.Reportf(c, "`%s` is set at line %d, and `%s` reads it: the thread sees that value on free-threaded Python 3.14, which copies the caller's context into new threads, and the variable's default on the default build; set it in the thread or pass `context=`", p.Text(a.Value), t.line(set.Pos()), t.scopeName(e.target))
		return
	}
}

// reachOf returns the functions the thread of entry e runs.
func (t *threads) reachOf(e *entry) []semantic.ScopeID {
	idx := 0
	for i, x := range t.entries {
		if x == e {
			idx = i + 1
		}
	}
	var out []semantic.ScopeID
	for s, set := range t.sets {
		if set.has(idx) {
			out = append(out, s)
		}
	}
	return out
}

// decimalChangeBefore describes a change of the decimal context before c
// in the same function, or the localcontext block around c.
func decimalChangeBefore(p *checks.Pass, t *threads, c *ast.Call, spawner semantic.ScopeID) string {
	m := p.Model
	where := ""
	m.Ancestors(c, func(a ast.Node) bool {
		if w, ok := a.(*ast.With); ok {
			for _, it := range w.Items {
				if ic, ok := it.ContextExpr.(*ast.Call); ok && m.MatchesQualified(ic.Func, "decimal.localcontext") {
					where = fmt.Sprintf("the thread starts inside `%s` (line %d)", p.Text(ic.Func), t.line(w.Pos()))
					return false
				}
			}
		}
		switch a.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda:
			return false
		}
		return true
	})
	if where != "" {
		return where
	}
	for _, info := range m.Nodes {
		n := info.Node
		if n.Pos() >= c.Pos() || t.funcScope(n) != spawner {
			continue
		}
		switch x := n.(type) {
		case *ast.Assign:
			for _, target := range x.Targets {
				if at, ok := target.(*ast.Attribute); ok {
					if gc, ok := at.Value.(*ast.Call); ok && m.MatchesQualified(gc.Func, "decimal.getcontext") {
						return fmt.Sprintf("the decimal context is changed at line %d", t.line(x.Pos()))
					}
				}
			}
		case *ast.Call:
			if m.MatchesQualified(x.Func, "decimal.setcontext") {
				return fmt.Sprintf("the decimal context is replaced at line %d", t.line(x.Pos()))
			}
		}
	}
	return ""
}

// usesDecimal reports whether any of the functions refers to the decimal
// module.
func usesDecimal(p *checks.Pass, t *threads, reach []semantic.ScopeID) bool {
	in := map[semantic.ScopeID]bool{}
	for _, s := range reach {
		in[s] = true
	}
	for _, info := range p.Model.Nodes {
		var q string
		switch x := info.Node.(type) {
		case *ast.Name:
			q = p.Model.QualifiedName(x)
		case *ast.Attribute:
			q = p.Model.QualifiedName(x)
		default:
			continue
		}
		if len(q) > 8 && q[:8] == "decimal." && in[t.funcScope(info.Node)] {
			return true
		}
	}
	return false
}

// contextVar returns the binding of a name assigned a
// contextvars.ContextVar(...).
func contextVar(p *checks.Pass, t *threads, e ast.Expr) (semantic.BindingID, bool) {
	n, ok := e.(*ast.Name)
	if !ok {
		return 0, false
	}
	id := p.Model.Resolve(n)
	if id == semantic.NoBinding {
		return 0, false
	}
	is := false
	t.assignedValues(n, func(v ast.Expr) {
		if c, ok := v.(*ast.Call); ok && p.Model.MatchesQualified(c.Func, "contextvars.ContextVar") {
			is = true
		}
	})
	return id, is
}

// usesContextVar reports whether one of the functions calls V.method()
// on the variable bound by id.
func usesContextVar(p *checks.Pass, t *threads, reach []semantic.ScopeID, id semantic.BindingID, method string) bool {
	in := map[semantic.ScopeID]bool{}
	for _, s := range reach {
		in[s] = true
	}
	for _, info := range p.Model.Nodes {
		c, ok := info.Node.(*ast.Call)
		if !ok || !in[t.funcScope(c)] {
			continue
		}
		if a, ok := c.Func.(*ast.Attribute); ok && a.Attr == method {
			if n, ok := a.Value.(*ast.Name); ok && p.Model.Resolve(n) == id {
				return true
			}
		}
	}
	return false
}

// setsDecimal reports whether one of the functions sets up its own
// decimal context: changes getcontext(), calls setcontext() or enters
// localcontext().
func setsDecimal(p *checks.Pass, t *threads, reach []semantic.ScopeID) bool {
	m := p.Model
	in := map[semantic.ScopeID]bool{}
	for _, s := range reach {
		in[s] = true
	}
	for _, info := range m.Nodes {
		if !in[t.funcScope(info.Node)] {
			continue
		}
		switch x := info.Node.(type) {
		case *ast.Assign:
			for _, target := range x.Targets {
				if at, ok := target.(*ast.Attribute); ok {
					if gc, ok := at.Value.(*ast.Call); ok && m.MatchesQualified(gc.Func, "decimal.getcontext") {
						return true
					}
				}
			}
		case *ast.Call:
			if m.MatchesQualified(x.Func, "decimal.setcontext", "decimal.localcontext") {
				return true
			}
		}
	}
	return false
}
