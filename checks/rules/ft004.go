package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// FT004 reports iterators and generators that several threads consume.
var FT004 = &checks.Rule{
	Code:     "FT004",
	Name:     "iterator-shared-between-threads",
	Summary:  "one iterator or generator consumed by several threads at once",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindCall, ast.KindFor},
	Check:    checkFT004,
	Applies:  threadedModule,
	Doc: `## What it does
Reports an iterator or generator that several threads advance at the same time:

- ` + "`next(it)`" + `, ` + "`it.__next__()`" + ` or ` + "`for x in it`" + ` in code that runs on several threads, where ` + "`it`" + `
  is a module global, class attribute or shared attribute holding an iterator (` + "`iter(...)`" + `,
  a generator expression, a call of a generator function of the module, ` + "`map`" + `, ` + "`filter`" + `,
  ` + "`zip`" + `, ` + "`enumerate`" + `, ` + "`reversed`" + ` or an ` + "`itertools`" + ` iterator);
- the same iterator passed as an argument to every thread or task started in a loop.

` + "`itertools.count()`" + ` is not reported: it was made safe for concurrent ` + "`next()`" + ` in 3.13. Lists,
tuples and other iterables are not reported either: each ` + "`for`" + ` loop gets its own iterator.

## Why it matters on Python 3.14
The free-threading HOWTO of 3.14 says that sharing one iterator object between threads is
generally not thread-safe: threads may see duplicate or missing elements. A generator shared
by threads raises ` + "`ValueError: generator already executing`" + ` when two threads resume it at
once, which on the free-threaded build happens far more often than with the GIL.

## Example
` + "```python" + `
import threading

def jobs():
    yield from range(100)

pending = jobs()

def worker():
    for job in pending:  # four threads resume one generator
        print(job)

threads = [threading.Thread(target=worker) for _ in range(4)]
` + "```" + `

## Use instead
` + "```python" + `
import queue
import threading

pending = queue.Queue()
for job in range(100):
    pending.put(job)

def worker():
    while True:
        try:
            job = pending.get_nowait()
        except queue.Empty:
            return
        print(job)
` + "```" + `

Or hand each thread its own slice of the work, or guard ` + "`next()`" + ` with a lock.

## Fix safety
No fix: replacing an iterator by a queue or a lock changes the program's structure.

## References
- [Python 3.14 free-threading HOWTO: iterators](https://docs.python.org/3.14/howto/free-threading-python.html#iterators)
`,
}

func checkFT004(p *checks.Pass, n ast.Node) {
	t := threadsOf(p)
	switch n := n.(type) {
	case *ast.Call:
		if p.Model.MatchesQualified(n.Func, "builtins.next") && len(n.Args) > 0 {
			reportSharedIterator(p, t, n, n.Args[0])
		} else if a, ok := n.Func.(*ast.Attribute); ok && a.Attr == "__next__" && len(n.Args) == 0 {
			reportSharedIterator(p, t, n, a.Value)
		}
		for _, e := range t.entries {
			if e.at == ast.Node(n) && e.multi && t.inLoop(n) {
				for _, arg := range e.args {
					if t.iteratorHandedToAll(n, arg) {
						p.Reportf(arg, "the same iterator `%s` goes to every thread started here: threads advancing one iterator at once can skip or repeat items, and a generator raises ValueError when two threads resume it (%s)", p.Text(arg), t.describe(e))
					}
				}
			}
		}
	case *ast.For:
		reportSharedIterator(p, t, n, n.Iter)
	}
}

func reportSharedIterator(p *checks.Pass, t *threads, n ast.Node, it ast.Expr) {
	if !t.accessesAt(n) {
		return
	}
	k, ok := t.keyOf(it)
	if !ok || !t.iterators[k] {
		return
	}
	a := t.accessAt(n, k)
	if a == nil {
		return
	}
	v := t.judge(a, k, true, func(p *access) bool { return p.kind == accConsume })
	if v.level == noRace {
		return
	}
	p.Report(checks.Diagnostic{Span: checks.SpanOf(it),
		Message:  "shared iterator `" + p.Text(it) + "` is advanced by several threads with no lock: they can skip or repeat items, and a generator raises ValueError when two threads resume it (" + v.reason + ")",
		Severity: v.severity(p.Rule())})
}

// iteratorHandedToAll reports whether arg, passed to a thread started by
// call c in a loop, is one iterator bound before the loop.
func (t *threads) iteratorHandedToAll(c *ast.Call, arg ast.Expr) bool {
	name, ok := arg.(*ast.Name)
	if !ok {
		return false
	}
	all, any := true, false
	t.assignedValues(name, func(v ast.Expr) {
		if isNone(v) {
			return
		}
		any = true
		if !t.isIteratorValue(v) {
			all = false
		}
	})
	if !any || !all {
		return false
	}
	return t.boundOutsideLoop(name, c)
}
