package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// FT001 reports read-modify-write updates of shared state that threads
// can run at the same time without a lock.
var FT001 = &checks.Rule{
	Code:     "FT001",
	Name:     "unsynchronized-shared-update",
	Summary:  "read-modify-write of shared state in code that runs on several threads, with no lock held",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAugAssign, ast.KindAssign},
	Check:    checkFT001,
	Applies:  threadedModule,
	Doc: `## What it does
Reports updates that read shared state and write it back, such as ` + "`n += 1`" + ` on a
` + "`global`" + ` or ` + "`nonlocal`" + ` name, ` + "`self.count += 1`" + `, ` + "`cls.n -= 1`" + `, ` + "`d[k] += 1`" + `,
` + "`d[k] = d[k] + 1`" + `, ` + "`d[k] = d.get(k, 0) + 1`" + ` and ` + "`lst[i] = lst[i] + 1`" + `, when two threads can run
them at the same time and no lock is held.

Shared state is a module global, a closure variable, a class attribute, an attribute of an
object several threads hold (the ` + "`self`" + ` of a method handed to a thread, of a ` + "`Thread`" + `
subclass), and the containers stored there; locals and ` + "`threading.local()`" + ` objects are never
shared. Code runs on several threads when it is a thread entry point (a ` + "`Thread`" + ` target,
a ` + "`Thread`" + ` subclass's ` + "`run`" + `, a thread-pool task, a ` + "`Timer`" + ` callback, an
` + "`asyncio.to_thread`" + ` or ` + "`run_in_executor`" + ` function, a threading server's request handler,
a future's callback) or is called from one, and another thread can run the same update or
change the same state meanwhile. Code inside ` + "`with lock:`" + ` or between ` + "`lock.acquire()`" + ` and
` + "`lock.release()`" + ` is protected, and so are functions only ever called with a lock held.

Code that the module's own threads do not run, in a module that imports ` + "`threading`" + ` or
` + "`concurrent.futures`" + `, is library code that other people's threads may call: there the rule
reports, as a warning instead of an error, updates of state that another place changes under
a lock taken right there (` + "`with self._lock:`" + `), since the lock shows that the state is shared.

## Why it matters on Python 3.14
The free-threaded build of Python 3.14 runs threads truly in parallel. ` + "`n += 1`" + ` is a
load, an add and a store; with the GIL a thread switch between them was so rare that a
counter bumped by four threads a million times each came out exact, while on python3.14t
the same program lost 25–46% of its updates. The message says which case applies:

- no call between the read and the write (` + "`n += 1`" + `): the GIL hid the race; free threading
  exposes it;
- a call in between (` + "`d[k] = d.get(k, 0) + 1`" + `): the code was already racy with the GIL,
  because a call lets the interpreter switch threads, and it loses more updates now.

The thread-safety guarantees of 3.14 name ` + "`lst[i] = lst[i] + 1`" + ` and ` + "`d[k] = d[k] + 1`" + ` as not
atomic: each single operation on a list or dict is, the sequence is not.

## Example
` + "```python" + `
import threading

hits = 0

def worker():
    global hits
    for _ in range(1_000_000):
        hits += 1  # two threads read the same value: one update is lost

threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(hits)  # 4000000 with the GIL; often far less on python3.14t
` + "```" + `

## Use instead
` + "```python" + `
import threading

hits = 0
hits_lock = threading.Lock()

def worker():
    global hits
    for _ in range(1_000_000):
        with hits_lock:
            hits += 1
` + "```" + `

## Fix safety
When a lock already exists for the state (one that protects it elsewhere, the only lock of
the class, or the only lock in scope), the fix wraps the update in ` + "`with <lock>:`" + `. It is
unsafe: taking a lock changes timing, and a caller that already holds a non-reentrant lock
would deadlock. When there is no lock the fix only shows the change, with a lock you have to
create.

## References
- [Python 3.14 free-threading HOWTO](https://docs.python.org/3.14/howto/free-threading-python.html)
- [Thread safety guarantees](https://docs.python.org/3.14/library/threadsafety.html)
- [PEP 703 – Making the Global Interpreter Lock Optional](https://peps.python.org/pep-0703/)
`,
}

func checkFT001(p *checks.Pass, n ast.Node) {
	t := threadsOf(p)
	var target ast.Expr
	switch n := n.(type) {
	case *ast.AugAssign:
		target = n.Target
	case *ast.Assign:
		if len(n.Targets) != 1 {
			return
		}
		target = n.Targets[0]
	default:
		return
	}
	// The recorded access first: most statements update no shared state,
	// and the walks below are for the few that do.
	if !t.accessesAt(n) {
		return
	}
	k, ok := t.keyOf(target)
	if !ok {
		return
	}
	a := t.accessAt(n, k)
	if a == nil || a.kind != accRMW {
		return
	}
	callBetween := false
	switch n := n.(type) {
	case *ast.AugAssign:
		ast.Inspect(n.Value, func(x ast.Node) bool {
			if _, ok := x.(*ast.Call); ok {
				callBetween = true
			}
			return !callBetween
		})
	case *ast.Assign:
		read := readsTarget(t, target, n.Value)
		if read == nil {
			return
		}
		ast.Inspect(n.Value, func(x ast.Node) bool {
			if c, ok := x.(*ast.Call); ok && c.End() > read.Pos() {
				callBetween = true
			}
			return !callBetween
		})
	}
	// Threads that each update their own item do not race with each other.
	selfRaces := !t.perThreadIndex(target)
	v := t.judge(a, k, selfRaces, func(p *access) bool { return p.kind != accConsume })
	if v.level == noRace {
		return
	}
	state := target
	if s, ok := target.(*ast.Subscript); ok {
		state = s.Value
	}
	stmt := p.Text(n)
	if len(stmt) > 60 || strings.ContainsAny(stmt, "\n\r") {
		stmt = p.Text(target) + " = ..."
	}
	var msg string
	if callBetween {
		msg = "`" + stmt + "` reads and writes shared `" + p.Text(state) + "` with no lock: the call in between already lets threads interleave under the GIL, and free-threaded Python 3.14 loses more updates (" + v.reason + ")"
	} else {
		msg = "`" + stmt + "` reads and writes shared `" + p.Text(state) + "` with no lock: the GIL hid this race, free-threaded Python 3.14 runs threads in parallel and loses updates (" + v.reason + ")"
	}
	p.Report(checks.Diagnostic{Span: checks.SpanOf(n), Message: msg, Severity: v.severity(p.Rule()), Fix: lockFix(t, n.(ast.Stmt), k)})
}

// lockFix wraps a statement in `with <lock>:` using a lock that exists
// (unsafe), or shows the change with a lock to create (display-only).
func lockFix(t *threads, s ast.Stmt, k string) *checks.Fix {
	if lock, ok := t.lockFor(s, k); ok {
		edit, ok := t.wrapInLock(s, lock)
		if !ok {
			return nil
		}
		return &checks.Fix{Title: "Wrap in `with " + lock + ":`", Applicability: checks.Unsafe, Edits: []checks.Edit{edit}}
	}
	lock, create := "_lock", "`_lock = threading.Lock()` at module level"
	if t.classOfKey(k) != nil {
		if self := t.selfName(s); self != "" {
			lock, create = self+"._lock", "`self._lock = threading.Lock()` in `__init__`"
		}
	}
	edit, ok := t.wrapInLock(s, lock)
	if !ok {
		return nil
	}
	return &checks.Fix{Title: "Wrap in `with " + lock + ":` and create " + create, Applicability: checks.DisplayOnly, Edits: []checks.Edit{edit}}
}
