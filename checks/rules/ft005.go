package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// FT005 reports warnings.catch_warnings() in threaded or asyncio code.
var FT005 = &checks.Rule{
	Code:     "FT005",
	Name:     "catch-warnings-in-concurrent-code",
	Summary:  "`warnings.catch_warnings()` in code that runs on several threads or across `await`",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindWith, ast.KindAsyncWith},
	Check:    checkFT005,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "warnings", "pytest") },
	Doc: `## What it does
Reports ` + "`with warnings.catch_warnings():`" + ` (and ` + "`pytest.warns(...)`" + ` and
` + "`pytest.deprecated_call()`" + `, which use it) where it can overlap with other threads or tasks:
in code that several threads of the module run at once, in a thread's code while another
` + "`catch_warnings`" + ` block may run on another thread (threads are found as for FT001), and in
coroutines where the ` + "`with`" + ` block awaits while other tasks run (the block starts tasks with
` + "`asyncio.gather`" + `, ` + "`create_task`" + ` or a ` + "`TaskGroup`" + `, or the coroutine itself is run as one of
several tasks). A block in a thread that its starter joins at once, or in a coroutine that does
not await inside it, is not reported.

## Why it matters on Python 3.14
Unless ` + "`sys.flags.context_aware_warnings`" + ` is true, ` + "`catch_warnings`" + ` saves and replaces the
global filter list of the ` + "`warnings`" + ` module (and, with ` + "`record=True`" + `, the global
` + "`showwarning`" + `); the warnings documentation calls that unsafe in concurrent programs using
threads or asyncio. Python 3.14 turns the flag on by default only in the free-threaded build:
there each context gets its own filters. So the same code behaves differently on the two
builds: on the default build another thread's warnings are silenced or recorded by this
block, and filters leak when two blocks overlap and restore out of order; on the
free-threaded build they do not, and code that relied on seeing other threads' warnings in
the block stops seeing them.

## Example
` + "```python" + `
import threading
import warnings

def worker(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # silences every thread on the default build
        fn()

threads = [threading.Thread(target=worker, args=(print,)) for _ in range(4)]
` + "```" + `

## Use instead
Filter the warning where it is raised, or configure filters once at start-up, or run with
` + "`-X context_aware_warnings`" + ` (or ` + "`PYTHON_CONTEXT_AWARE_WARNINGS=1`" + `) on every build so that
` + "`catch_warnings`" + ` only affects the current thread or task:

` + "```python" + `
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning, module="legacy_lib")
` + "```" + `

## Fix safety
No fix: the right replacement depends on which warnings the block is meant to catch.

## References
- [warnings.catch_warnings and concurrency](https://docs.python.org/3.14/library/warnings.html#concurrent-safety-of-context-managers)
- [Python 3.14 free-threading HOWTO: behavioral changes](https://docs.python.org/3.14/howto/free-threading-python.html)
`,
}

func checkFT005(p *checks.Pass, n ast.Node) {
	t := threadsOf(p)
	var items []*ast.WithItem
	var body []ast.Stmt
	switch n := n.(type) {
	case *ast.With:
		items, body = n.Items, n.Body
	case *ast.AsyncWith:
		items, body = n.Items, n.Body
	}
	for _, it := range items {
		c, ok := it.ContextExpr.(*ast.Call)
		if !ok || !p.Model.MatchesQualified(c.Func, catchWarnings...) {
			continue
		}
		if a := t.accessAt(c, warningsKey); a != nil {
			// Two blocks that overlap on different threads restore the
			// filters out of order.
			if v := t.judge(a, warningsKey, true, func(*access) bool { return true }); v.level != noRace {
				p.Report(checks.Diagnostic{Span: checks.SpanOf(c), Severity: v.severity(p.Rule()),
					Message: "`" + p.Text(c.Func) + "` swaps the warning filters of every thread unless context-aware warnings are on, which 3.14 does only in the free-threaded build: overlapping blocks on the default build silence other threads and restore the filters out of order (" + v.reason + ")"})
				return
			}
		}
		if fn, ok := p.Model.FunctionOf(n).(*ast.AsyncFunctionDef); ok && suspends(body) && t.tasksOverlap(fn, body) {
			p.Reportf(c, "`%s` around an `await` while other tasks run swaps the warning filters those tasks see, unless context-aware warnings are on, which 3.14 does only in the free-threaded build", p.Text(c.Func))
			return
		}
	}
}

// suspends reports whether the statements suspend: await, async for or
// async with, outside nested functions.
func suspends(body []ast.Stmt) bool {
	found := false
	inspectBody(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.Await, *ast.AsyncFor, *ast.AsyncWith:
			found = true
		}
		return !found
	})
	return found
}

// taskSpawners run coroutines as concurrent tasks.
var taskSpawners = []string{
	"asyncio.gather", "asyncio.create_task", "asyncio.ensure_future", "asyncio.wait",
	"asyncio.as_completed", "asyncio.run_coroutine_threadsafe", "asyncio.TaskGroup",
}

// tasksOverlap reports whether other tasks run while the coroutine fn
// is in body: body starts tasks (gather, create_task, a TaskGroup), or
// the module runs fn itself as one of several tasks.
func (t *threads) tasksOverlap(fn *ast.AsyncFunctionDef, body []ast.Stmt) bool {
	spawns := func(c *ast.Call) bool {
		if t.m.MatchesQualified(c.Func, taskSpawners...) {
			return true
		}
		a, ok := c.Func.(*ast.Attribute)
		return ok && a.Attr == "create_task"
	}
	found := false
	inspectBody(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && spawns(c) {
			found = true
		}
		return !found
	})
	if found {
		return true
	}
	s, ok := t.m.ScopeFor(fn)
	if !ok {
		return false
	}
	for _, info := range t.m.Nodes {
		call, ok := info.Node.(*ast.Call)
		if !ok {
			continue
		}
		if target, ok := t.m.CallTarget(call); !ok || target != s {
			continue
		}
		t.m.Ancestors(call, func(a ast.Node) bool {
			if c, ok := a.(*ast.Call); ok && spawns(c) {
				found = true
			}
			switch a.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, ast.Stmt:
				return false
			}
			return !found
		})
	}
	return found
}
