package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// FT002 reports check-then-act sequences on shared containers.
var FT002 = &checks.Rule{
	Code:     "FT002",
	Name:     "check-then-act-on-shared-container",
	Summary:  "check-then-act on a shared dict or list in code that runs on several threads, with no lock held",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindIf, ast.KindWhile},
	Check:    checkFT002,
	Applies:  threadedModule,
	Doc: `## What it does
Reports a test on a shared container followed by an action that relies on the test, when
another thread can change the container in between and no lock is held:

- ` + "`if k in d: del d[k]`" + ` (or ` + "`d.pop(k)`" + `), when another thread may remove the key too;
- ` + "`if k in d: return d[k]`" + `, when another thread removes keys from ` + "`d`" + `;
- ` + "`if k not in d: d[k] = v`" + `, when another thread may store the key too;
- ` + "`if lst: lst.pop()`" + `, ` + "`while queue: queue.popleft()`" + ` and ` + "`if heap: heapq.heappop(heap)`" + `, when
  another thread pops too (each ` + "`heapq`" + ` call is thread-safe in 3.14, the sequence is not).

Shared containers and threaded code are found as for FT001; in library code (see FT001),
containers that another place changes under a lock are reported as warnings.

## Why it matters on Python 3.14
Each single ` + "`dict`" + ` and ` + "`list`" + ` operation is atomic on the free-threaded build, but a
test and the action after it are two operations. The thread-safety guarantees of 3.14 name
` + "`if k in d: del d[k]`" + ` and ` + "`if lst: lst.pop()`" + ` as not atomic: another thread can remove the
key or the last item between them, and the action raises ` + "`KeyError`" + ` or ` + "`IndexError`" + `, or
two threads both insert and one value is lost. With the GIL a switch between the two steps
was rare; with threads running in parallel it is not.

## Example
` + "```python" + `
import threading

sessions = {}

def expire(key):
    if key in sessions:
        del sessions[key]  # KeyError when another thread expired it first

workers = [threading.Thread(target=expire, args=("a",)) for _ in range(4)]
` + "```" + `

## Use instead
` + "```python" + `
import threading

sessions = {}

def expire(key):
    sessions.pop(key, None)  # one atomic operation
` + "```" + `

## Fix safety
Two rewrites keep the single-threaded meaning and make the step one atomic operation:
` + "`if k in d: del d[k]`" + ` becomes ` + "`d.pop(k, None)`" + `, and ` + "`if k not in d: d[k] = v`" + ` becomes
` + "`d.setdefault(k, v)`" + ` when ` + "`v`" + ` is a literal or a plain name (` + "`setdefault`" + ` evaluates its
argument even when the key exists, so a call there would run where it did not before). They
are offered only when the ` + "`if`" + ` has no ` + "`else`" + `, its body is that one statement, and the key
and container are plain names or attributes. They are safe when the container is known to be
a ` + "`dict`" + ` (a dict display, ` + "`dict()`" + `, ` + "`defaultdict`" + `, ` + "`OrderedDict`" + ` or ` + "`Counter`" + `), and
unsafe otherwise: another mapping type may lack ` + "`pop`" + ` or ` + "`setdefault`" + `. Other shapes need
a lock or ` + "`try`/`except`" + ` and are reported without a fix.

## References
- [Thread safety guarantees](https://docs.python.org/3.14/library/threadsafety.html)
- [Python 3.14 free-threading HOWTO](https://docs.python.org/3.14/howto/free-threading-python.html)
`,
}

// checkAct is the action after a check, and which other accesses race
// with it.
type checkAct struct {
	what      string   // for the message
	node      ast.Node // the action
	selfRaces bool
	partner   func(*access) bool
	fix       *checks.Fix
}

func checkFT002(p *checks.Pass, n ast.Node) {
	t := threadsOf(p)
	var test ast.Expr
	var body, orelse []ast.Stmt
	switch n := n.(type) {
	case *ast.If:
		test, body, orelse = n.Test, n.Body, n.Orelse
	case *ast.While:
		test, body, orelse = n.Test, n.Body, n.Orelse
	}
	container, key, negated, ok := containerTest(test)
	if !ok {
		return
	}
	k, ok := t.keyOf(container)
	if !ok {
		return
	}
	var act *checkAct
	if key == nil {
		act = popAfterTruthiness(t, container, body)
	} else if negated {
		act = insertAfterMissing(p, t, n, container, key, k, body, orelse)
	} else {
		act = useAfterPresent(p, t, n, container, key, k, body, orelse)
	}
	if act == nil {
		return
	}
	if _, locked := t.heldLock(act.node); locked {
		// Double-checked: the action takes a lock (and checks again).
		return
	}
	a := t.syntheticAccess(n)
	if t.perThreadIndex(&ast.Subscript{Value: container, Slice: key}) {
		act.selfRaces = false
	}
	v := t.judge(a, k, act.selfRaces, act.partner)
	if v.level == noRace {
		return
	}
	msg := "`" + p.Text(test) + "` then " + act.what + " on shared `" + p.Text(container) + "` with no lock: another thread can change it in between, and free-threaded Python 3.14 makes that likely (" + v.reason + ")"
	p.Report(checks.Diagnostic{Span: checks.Span(n.Pos(), test.End()), Message: msg, Severity: v.severity(p.Rule()), Fix: act.fix})
}

// containerTest recognizes `k in c`, `k not in c`, `c`, `len(c)`,
// `len(c) > 0` and `len(c) != 0`. key is nil for the truthiness forms.
func containerTest(test ast.Expr) (container, key ast.Expr, negated, ok bool) {
	switch x := test.(type) {
	case *ast.Compare:
		if len(x.Ops) != 1 {
			return nil, nil, false, false
		}
		switch x.Ops[0] {
		case ast.In, ast.NotIn:
			c := x.Comparators[0]
			// k in d.keys()
			if call, ok := c.(*ast.Call); ok && len(call.Args) == 0 {
				if a, ok := call.Func.(*ast.Attribute); ok && a.Attr == "keys" {
					c = a.Value
				}
			}
			if !isNameChain(c) {
				return nil, nil, false, false
			}
			return c, x.Left, x.Ops[0] == ast.NotIn, true
		case ast.Gt, ast.NotEq:
			if c := lenArg(x.Left); c != nil {
				if k, ok := x.Comparators[0].(*ast.Constant); ok && k.Value.Kind == ast.IntValue && k.Value.Text == "0" {
					return c, nil, false, true
				}
			}
		}
	case *ast.Name, *ast.Attribute:
		return x, nil, false, true
	case *ast.Call:
		if c := lenArg(x); c != nil {
			return c, nil, false, true
		}
	}
	return nil, nil, false, false
}

// isNameChain reports whether e is a name or an attribute chain of names.
func isNameChain(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Name:
		return true
	case *ast.Attribute:
		return isNameChain(x.Value)
	}
	return false
}

func lenArg(e ast.Expr) ast.Expr {
	c, ok := e.(*ast.Call)
	if !ok || len(c.Args) != 1 || len(c.Keywords) != 0 {
		return nil
	}
	if f, ok := c.Func.(*ast.Name); ok && f.Id == "len" && isNameChain(c.Args[0]) {
		return c.Args[0]
	}
	return nil
}

func isRemove(a *access) bool { return a.kind == accRemove }

func isInsert(a *access) bool { return a.kind == accInsert || a.kind == accRMW }

// inspectBody calls f for every node of the statements, not entering nested
// functions and classes.
func inspectBody(body []ast.Stmt, f func(ast.Node) bool) {
	for _, s := range body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
				return false
			}
			return f(n)
		})
	}
}

// popAfterTruthiness finds c.pop()/popleft()/popitem() or
// heapq.heappop(c) after `if c:`.
func popAfterTruthiness(t *threads, container ast.Expr, body []ast.Stmt) *checkAct {
	want := squeezeSpaces(t.text(container))
	found := ""
	var node ast.Node
	inspectBody(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && found == "" {
			if a, ok := c.Func.(*ast.Attribute); ok && (a.Attr == "pop" || a.Attr == "popleft" || a.Attr == "popitem") && t.squeezedIs(a.Value, want) {
				found, node = a.Attr+"()", c
			}
			// if heap: heapq.heappop(heap)
			if len(c.Args) > 0 && t.m.MatchesQualified(c.Func, "heapq.heappop", "heapq.heapreplace") && t.squeezedIs(c.Args[0], want) {
				found, node = t.text(c.Func)+"("+t.text(c.Args[0])+")", c
			}
		}
		return found == ""
	})
	if found == "" {
		return nil
	}
	return &checkAct{what: "`" + found + "`", node: node, selfRaces: true, partner: isRemove}
}

// useAfterPresent finds del c[k], c.pop(k) or a read of c[k] after
// `if k in c:`.
func useAfterPresent(p *checks.Pass, t *threads, stmt ast.Node, container, key ast.Expr, k string, body, orelse []ast.Stmt) *checkAct {
	wantC, wantK := squeezeSpaces(t.text(container)), squeezeSpaces(t.text(key))
	isItem := func(e ast.Expr) bool {
		s, ok := e.(*ast.Subscript)
		return ok && t.squeezedIs(s.Value, wantC) && t.squeezedIs(s.Slice, wantK)
	}
	var act *checkAct
	inspectBody(body, func(n ast.Node) bool {
		if act != nil {
			return false
		}
		switch x := n.(type) {
		case *ast.Delete:
			for _, target := range x.Targets {
				if isItem(target) {
					act = &checkAct{what: "`del " + p.Text(target) + "`", node: x, selfRaces: true, partner: isRemove}
				}
			}
		case *ast.Call:
			if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "pop" && len(x.Args) == 1 && t.squeezedIs(a.Value, wantC) && t.squeezedIs(x.Args[0], wantK) {
				act = &checkAct{what: "`" + p.Text(x) + "`", node: x, selfRaces: true, partner: isRemove}
			}
		case *ast.Subscript:
			if x.Ctx == ast.Load && isItem(x) {
				act = &checkAct{what: "reading `" + p.Text(x) + "`", node: x, partner: isRemove}
			}
		}
		return act == nil
	})
	if act == nil {
		return nil
	}
	// if k in d: del d[k]  ->  d.pop(k, None)
	if len(body) == 1 && len(orelse) == 0 {
		if del, ok := body[0].(*ast.Delete); ok && len(del.Targets) == 1 && isItem(del.Targets[0]) {
			act.fix = replaceIfFix(p, t, stmt, k, p.Text(container)+".pop("+p.Text(key)+", None)", key)
		}
	}
	return act
}

// insertAfterMissing finds c[k] = v after `if k not in c:`.
func insertAfterMissing(p *checks.Pass, t *threads, stmt ast.Node, container, key ast.Expr, k string, body, orelse []ast.Stmt) *checkAct {
	wantC, wantK := squeezeSpaces(t.text(container)), squeezeSpaces(t.text(key))
	isItem := func(e ast.Expr) bool {
		s, ok := e.(*ast.Subscript)
		return ok && t.squeezedIs(s.Value, wantC) && t.squeezedIs(s.Slice, wantK)
	}
	var store *ast.Assign
	inspectBody(body, func(n ast.Node) bool {
		if a, ok := n.(*ast.Assign); ok && store == nil {
			for _, target := range a.Targets {
				if isItem(target) {
					store = a
				}
			}
		}
		return store == nil
	})
	if store == nil {
		return nil
	}
	act := &checkAct{what: "storing `" + p.Text(store.Targets[0]) + "`", node: store, selfRaces: true, partner: isInsert}
	// if k not in d: d[k] = v  ->  d.setdefault(k, v)
	if len(body) == 1 && len(orelse) == 0 && ast.Node(body[0]) == ast.Node(store) && len(store.Targets) == 1 && isConstantOrName(store.Value) {
		act.fix = replaceIfFix(p, t, stmt, k, p.Text(container)+".setdefault("+p.Text(key)+", "+p.Text(store.Value)+")", key)
	}
	return act
}

// isConstantOrName reports whether evaluating e early is harmless: a
// constant, a display of constants, or a plain name.
func isConstantOrName(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Constant, *ast.Name:
		return true
	case *ast.UnaryOp:
		_, ok := x.Operand.(*ast.Constant)
		return ok && (x.Op == ast.USub || x.Op == ast.UAdd)
	case *ast.Tuple:
		return allConstantExprs(x.Elts)
	case *ast.List:
		return allConstantExprs(x.Elts)
	case *ast.Set:
		return allConstantExprs(x.Elts)
	case *ast.Dict:
		for _, k := range x.Keys {
			if k == nil || !isConstantExpr(k) {
				return false
			}
		}
		return allConstantExprs(x.Values)
	}
	return false
}

func isConstantExpr(e ast.Expr) bool {
	if _, ok := e.(*ast.Name); ok {
		return false
	}
	return isConstantOrName(e)
}

func allConstantExprs(es []ast.Expr) bool {
	for _, e := range es {
		if !isConstantExpr(e) {
			return false
		}
	}
	return true
}

// replaceIfFix replaces a whole if statement with one expression
// statement: safe when the container is known to be a dict, unsafe
// otherwise; nil when the key is not a plain expression or more than one
// comment would have to move (a single one goes to the end of the line).
func replaceIfFix(p *checks.Pass, t *threads, stmt ast.Node, k, text string, key ast.Expr) *checks.Fix {
	if !isNameChain(key) && !isKeyConstant(key) {
		return nil
	}
	title := text
	span := checks.SpanOf(stmt)
	var comments []string
	for _, c := range p.File.Comments {
		if c.Start >= span.Start && c.Start < span.End {
			comments = append(comments, p.SpanText(c))
		}
	}
	switch len(comments) {
	case 0:
	case 1:
		// Keep the comment, at the end of the new line.
		text += "  " + comments[0]
	default:
		return nil
	}
	app := checks.Unsafe
	if t.dicts[k] && !t.unknownTy[k] {
		app = checks.Safe
	}
	return &checks.Fix{Title: "Replace with `" + title + "`", Applicability: app, Edits: []checks.Edit{checks.Replace(span, text)}}
}

func isKeyConstant(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	return ok && (c.Value.Kind == ast.StrValue || c.Value.Kind == ast.IntValue || c.Value.Kind == ast.BytesValue)
}
