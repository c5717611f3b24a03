package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// FT003 reports lazy initialization of shared state without a lock.
var FT003 = &checks.Rule{
	Code:     "FT003",
	Name:     "unlocked-lazy-initialization",
	Summary:  "lazy initialization of a shared global or attribute in code that runs on several threads, with no lock held",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindIf},
	Check:    checkFT003,
	Applies:  threadedModule,
	Doc: `## What it does
Reports the lazy-initialization idiom on shared state, when two threads can run it at the
same time and the assignment is not under a lock:

` + "```python" + `
global _client
if _client is None:
    _client = make_client()
` + "```" + `

and the same on class attributes (` + "`if cls._instance is None: cls._instance = cls()`" + `) and on
attributes of an object several threads share (` + "`if self._conn is None: self._conn = ...`" + `).
The tests recognized are ` + "`x is None`" + `, ` + "`x == None`" + `, ` + "`not x`" + ` and ` + "`not hasattr(obj, \"x\")`" + `.
Double-checked locking (the assignment inside ` + "`with lock:`" + `) is not reported.

Threaded code is found as for FT001. In library code (see FT001) the idiom is reported as a
warning when the same state is initialized the same way under a lock elsewhere.

## Why it matters on Python 3.14
Two threads can both see ` + "`None`" + ` and both build the object. The second assignment replaces
the object the first thread may already have handed out: two connection pools, two caches
of which one is lost, a "singleton" that is not single. With the GIL the window between the
test and the assignment was usually one uninterrupted stretch of bytecode unless the
initializer released the GIL; on the free-threaded build both threads run it in parallel.

## Example
` + "```python" + `
import threading

_registry = None

def registry():
    global _registry
    if _registry is None:
        _registry = {}  # two threads can each install their own dict
    return _registry

def worker(name):
    registry()[name] = threading.get_ident()

threads = [threading.Thread(target=worker, args=(n,)) for n in "abcd"]
` + "```" + `

## Use instead
` + "```python" + `
import threading

_registry = None
_registry_lock = threading.Lock()

def registry():
    global _registry
    if _registry is None:
        with _registry_lock:
            if _registry is None:
                _registry = {}
    return _registry
` + "```" + `

Or build the object at import time, or use ` + "`functools.cache`" + ` on a function that builds it
(its cache stays coherent, though the function may run twice).

## Fix safety
No fix: where the lock goes, and whether building the object twice is harmless, needs a person.

## References
- [Python 3.14 free-threading HOWTO](https://docs.python.org/3.14/howto/free-threading-python.html)
- [Porting guide: mutable global state (free-threaded compatibility guide)](https://py-free-threading.github.io/porting/)
`,
}

func checkFT003(p *checks.Pass, n ast.Node) {
	t := threadsOf(p)
	ifs := n.(*ast.If)
	state, text, truthy, ok := lazyTest(p, ifs.Test)
	if !ok {
		return
	}
	k, ok := t.keyOf(state)
	if !ok {
		return
	}
	if name, isName := state.(*ast.Name); isName && !declaredNonLocal(t, name) {
		// Reading a global without `global` cannot assign it.
		return
	}
	want := squeezeSpaces(text)
	var assign ast.Node
	var value ast.Expr
	inspectBody(ifs.Body, func(x ast.Node) bool {
		if assign != nil {
			return false
		}
		switch s := x.(type) {
		case *ast.Assign:
			for _, target := range s.Targets {
				if squeezeSpaces(p.Text(target)) == want {
					assign, value = s, s.Value
				}
			}
		case *ast.AnnAssign:
			if s.Value != nil && squeezeSpaces(p.Text(s.Target)) == want {
				assign, value = s, s.Value
			}
		}
		return assign == nil
	})
	if assign == nil || !buildsObject(value, truthy) {
		return
	}
	if _, locked := t.heldLock(assign); locked {
		return
	}
	a := t.syntheticAccess(ifs)
	v := t.judge(a, k, true, func(p *access) bool { return p.kind == accWrite && p.node != assign })
	if v.level == libraryUse && (v.partner == nil || !insideLazyTest(p, t, v.partner.node, want)) {
		// In a library, only when the state is lazily set under a lock
		// elsewhere (the author knew it needs one).
		return
	}
	if v.level == noRace {
		return
	}
	msg := "lazy initialization of shared `" + text + "` with no lock: two threads can both see it unset and both build it, and one of the objects is silently replaced (" + v.reason + ")"
	p.Report(checks.Diagnostic{Span: checks.Span(ifs.Pos(), ifs.Test.End()), Message: msg, Severity: v.severity(p.Rule())})
}

// lazyTest recognizes `x is None`, `x == None`, `not x` and
// `not hasattr(obj, "name")`, and returns the state tested and its source;
// truthy is set for `not x`.
func lazyTest(p *checks.Pass, test ast.Expr) (state ast.Expr, text string, truthy, ok bool) {
	switch x := test.(type) {
	case *ast.Compare:
		if len(x.Ops) == 1 && (x.Ops[0] == ast.Is || x.Ops[0] == ast.Eq) && isNone(x.Comparators[0]) && isNameChain(x.Left) {
			return x.Left, p.Text(x.Left), false, true
		}
	case *ast.UnaryOp:
		if x.Op != ast.Not {
			break
		}
		if isNameChain(x.Operand) {
			return x.Operand, p.Text(x.Operand), true, true
		}
		if c, ok := x.Operand.(*ast.Call); ok && len(c.Args) == 2 && len(c.Keywords) == 0 {
			if f, ok := c.Func.(*ast.Name); ok && f.Id == "hasattr" && isNameChain(c.Args[0]) {
				if attr, ok := stringConstant(c.Args[1]); ok {
					obj := c.Args[0]
					return &ast.Attribute{Loc: ast.Loc{Start: obj.Pos(), Stop: obj.End()}, Value: obj, Attr: attr}, p.Text(obj) + "." + attr, false, true
				}
			}
		}
	}
	return nil, "", false, false
}

// buildsObject reports whether the value assigned after the test builds
// an object (so that two threads build two): not a constant, and after
// `if not x:` a call or a display (not a flag like True).
func buildsObject(v ast.Expr, truthy bool) bool {
	switch v.(type) {
	case *ast.Constant:
		return false
	case *ast.Call, *ast.Dict, *ast.List, *ast.Set, *ast.DictComp, *ast.ListComp, *ast.SetComp:
		return true
	}
	return !truthy
}

// declaredNonLocal reports whether a name read inside a function is
// declared global or nonlocal there (so that the function can assign it).
func declaredNonLocal(t *threads, n *ast.Name) bool {
	s := t.m.ScopeOf(n)
	sc := t.m.Scope(s)
	return sc.IsGlobal(n.Id) || sc.IsNonlocal(n.Id)
}

// insideLazyTest reports whether n is in the body of an if that tests the
// state whose source is want the way lazyTest recognizes.
func insideLazyTest(p *checks.Pass, t *threads, n ast.Node, want string) bool {
	found := false
	t.m.Ancestors(n, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.If:
			if _, text, _, ok := lazyTest(p, a.Test); ok && squeezeSpaces(text) == want {
				found = true
				return false
			}
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda:
			return false
		}
		return true
	})
	return found
}
