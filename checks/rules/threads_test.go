package rules

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
)

func threadsFor(t *testing.T, src string) *threads {
	t.Helper()
	f := parser.ParseSource("test.py", []byte(src), parser.Options{})
	if len(f.Errors) > 0 {
		t.Fatalf("parse: %v", f.Errors)
	}
	return analyzeThreads(&checks.Pass{File: f, Model: semantic.Build(f)})
}

// describeThreads renders the entry points and, for every function, the
// threads that run it ("main" and entry numbers).
func describeThreads(th *threads) string {
	var lines []string
	for i, e := range th.entries {
		lines = append(lines, fmt.Sprintf("entry %d: %s, %s at line %d, multi=%v shared=%v visible=%v",
			i+1, th.scopeName(e.target), e.what, th.line(e.at.Pos()), e.multi, e.selfShared, e.selfVisible))
	}
	var fns []string
	for s, set := range th.sets {
		if s == 0 {
			continue
		}
		var ids []string
		set.each(func(i int) {
			if i == mainThread {
				ids = append(ids, "main")
			} else {
				ids = append(ids, fmt.Sprint(i))
			}
		})
		fns = append(fns, fmt.Sprintf("%s: %s", th.scopeName(s), strings.Join(ids, " ")))
	}
	sort.Strings(fns)
	return strings.Join(append(lines, fns...), "\n")
}

func TestThreadEntries(t *testing.T) {
	src := `import asyncio
import functools
import http.server
import threading
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

def plain():
    helper()

def helper():
    pass

def looped():
    pass

def in_pool(x):
    pass

def in_process(x):
    pass

def timed(a):
    pass

def blocking():
    pass

def initializer():
    pass

class Worker(threading.Thread):
    def run(self):
        self._step()

    def _step(self):
        pass

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        pass

    def log_message(self, *args):
        pass

class Service:
    def start(self):
        for _ in range(2):
            threading.Thread(target=self.loop).start()

    def loop(self):
        self.tick()

    def tick(self):
        pass

def main():
    threading.Thread(target=plain).start()
    for _ in range(3):
        threading.Thread(None, looped).start()
    with ThreadPoolExecutor(initializer=initializer) as pool:
        pool.submit(in_pool, 1)
    with ProcessPoolExecutor() as procs:
        procs.submit(in_process, 1)
    threading.Timer(1, functools.partial(timed, 1)).start()
    threading.Thread(target=lambda: helper()).start()
    Worker().start()
    http.server.ThreadingHTTPServer(("", 0), Handler)

async def amain():
    await asyncio.to_thread(blocking)
`
	th := threadsFor(t, src)
	want := `entry 1: Service.loop, thread target at line 48, multi=true shared=true visible=true
entry 2: plain, thread target at line 57, multi=false shared=false visible=false
entry 3: looped, thread target at line 59, multi=true shared=false visible=false
entry 4: initializer, thread pool initializer at line 60, multi=true shared=false visible=false
entry 5: in_pool, thread pool task at line 61, multi=true shared=false visible=false
entry 6: timed, timer callback at line 64, multi=false shared=false visible=false
entry 7: the lambda at line 65, thread target at line 65, multi=false shared=false visible=false
entry 8: Handler.do_GET, request handler of a threading server at line 67, multi=true shared=false visible=false
entry 9: blocking, asyncio.to_thread function at line 70, multi=true shared=false visible=false
entry 10: Worker.run, run method of a Thread subclass at line 31, multi=false shared=false visible=true
Handler.do_GET: 8
Handler.log_message: main
Service.loop: 1
Service.start: main
Service.tick: 1
Worker._step: 10
Worker.run: 10
amain: main
blocking: 9
helper: 2 7
in_pool: 5
in_process: main
initializer: 4
looped: 3
main: main
plain: 2
the lambda at line 65: 7
timed: 6`
	if got := describeThreads(th); got != want {
		t.Errorf("threads:\n%s\nwant:\n%s", got, want)
	}
}

// TestEntriesWithoutThreadingImport covers the modules that import no
// threading module, for which the analysis first asks whether an entry
// point is possible at all.
func TestEntriesWithoutThreadingImport(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"executor by name", `def work(x):
    pass

class Batch:
    def __init__(self, executor):
        self.executor = executor

    def run(self, items):
        for x in items:
            self.executor.submit(work, x)
`, `entry 1: work, thread pool task at line 10, multi=true shared=false visible=false
Batch.__init__: main
Batch.run: main
work: 1`},
		{"run_in_executor", `async def main(loop):
    await loop.run_in_executor(None, blocking)

def blocking():
    pass
`, `entry 1: blocking, run_in_executor function at line 2, multi=true shared=false visible=false
blocking: 1
main: main`},
		{"asyncio.to_thread", `import asyncio

def blocking():
    pass

async def main():
    await asyncio.to_thread(blocking)
`, `entry 1: blocking, asyncio.to_thread function at line 7, multi=true shared=false visible=false
blocking: 1
main: main`},
		{"threading server", `from socketserver import BaseRequestHandler, ThreadingTCPServer

class Handler(BaseRequestHandler):
    def handle(self):
        pass

ThreadingTCPServer(("", 0), Handler)
`, `entry 1: Handler.handle, request handler of a threading server at line 7, multi=true shared=false visible=false
Handler.handle: 1`},
		// "Thread" in the text, but no entry point and no import: nothing
		// is analyzed.
		{"mentions threads", `def run(pool, items):
    """Runs items on the thread pool."""
    for x in items:
        pool.apply(work, x)

def work(x):
    pass
`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describeThreads(threadsFor(t, tt.src)); got != tt.want {
				t.Errorf("threads:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestHeldLock(t *testing.T) {
	src := `import threading

lock = threading.Lock()
n = 0

def f():
    global n
    with lock:
        n += 1
    lock.acquire()
    try:
        n += 2
    finally:
        lock.release()
    n += 3
    lock.acquire()
    n += 4
    lock.release()
    n += 5
    with self_made_mutex:
        n += 6
    with open("x"):
        n += 7
    _helper()
    with lock:
        _locked_only()

def _helper():
    global n
    n += 8

def _locked_only():
    global n
    n += 9

def _update_locked():
    global n
    n += 10
`
	th := threadsFor(t, src)
	var got []string
	for _, a := range th.accesses["g:n"] {
		if a.moduleTime {
			continue
		}
		lock, held := th.heldLock(a.node)
		got = append(got, fmt.Sprintf("line %d: held=%v %s", th.line(a.node.Pos()), held, lock))
	}
	want := `line 9: held=true lock
line 12: held=true lock
line 15: held=false 
line 17: held=true lock
line 19: held=false 
line 21: held=true self_made_mutex
line 23: held=false 
line 30: held=false 
line 34: held=true 
line 38: held=true `
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("locks:\n%s\nwant:\n%s", g, want)
	}
}

func TestStateKeys(t *testing.T) {
	src := `import threading
import config

counter = 0
tls = threading.local()

class Base:
    shared = {}

class Box(Base):
    def method(self, arg):
        local = {}
        local["a"] = 1
        arg.x = 1
        self.items["k"] = 1
        self.a.b = 2
        Box.shared["k"] = 1
        type(self).shared["j"] = 1
        config.value = 3
        tls.depth = 1
        counter2 = counter

    @classmethod
    def make(cls):
        cls.count = 1

def outer():
    cell = []
    def inner():
        cell.append(1)
    return inner
`
	th := threadsFor(t, src)
	var keys []string
	for k, as := range th.accesses {
		for _, a := range as {
			keys = append(keys, fmt.Sprintf("%d %s", th.line(a.node.Pos()), k))
		}
	}
	sort.Strings(keys)
	want := `15 i:Base.items
16 i:Base.a.b
17 c:Base.shared
18 c:Base.shared
19 m:config.value
25 c:Base.count
30 n:5:cell
4 g:counter
8 c:Base.shared`
	if got := strings.Join(keys, "\n"); got != want {
		t.Errorf("keys:\n%s\nwant:\n%s", got, want)
	}
}

// TestLibrarySeverity checks that a race in threads the module starts is
// an error and one the module only expects (state changed under a lock
// elsewhere, no thread started here) is a warning.
func TestLibrarySeverity(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"started here", `import threading
n = 0
lock = threading.Lock()
def work():
    global n
    n += 1
threads = [threading.Thread(target=work) for _ in range(2)]
`, "6 FT001 error"},
		{"library", `import threading
n = 0
lock = threading.Lock()
def bump():
    global n
    n += 1
def reset():
    global n
    with lock:
        n = 0
`, "6 FT001 warning"},
		{"no threading", `n = 0
def bump():
    global n
    n += 1
`, ""},
	} {
		f := parser.ParseSource("test.py", []byte(tc.src), parser.Options{})
		res := checks.Run(f, checks.Settings{Rules: []*checks.Rule{FT001, FT002, FT003, FT004}, Target: parser.Version{Major: 3, Minor: 14}})
		var got []string
		for _, d := range res.Diagnostics {
			line, _ := f.File.LineCol(d.Span.Start)
			got = append(got, fmt.Sprintf("%d %s %s", line, d.Rule.Code, d.Severity))
		}
		if g := strings.Join(got, "\n"); g != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, g, tc.want)
		}
	}
}

func TestIdentWords(t *testing.T) {
	for id, want := range map[string]string{
		"_readLock":       "read lock",
		"self_made_mutex": "self made mutex",
		"HTTPServer":      "httpserver",
		"lock2":           "lock2",
		"":                "",
	} {
		if got := strings.Join(nameWords(id), " "); got != want {
			t.Errorf("nameWords(%q) = %q, want %q", id, got, want)
		}
	}
	for w, want := range map[string]bool{"lock": true, "rlock": true, "wlock": true, "locks": true, "block": false, "clock": false, "cond": true, "blocking": false, "mutex": true, "locked": true, "unlock": false} {
		if got := lockWord(w); got != want {
			t.Errorf("lockWord(%q) = %v", w, got)
		}
	}
}

// TestLockFixes checks the fixes FT001 offers: with a lock for the state
// an unsafe wrap in it, without one a display-only wrap in a lock to
// create, and none when the statement shares its line.
func TestLockFixes(t *testing.T) {
	src := `import threading

total = 0
guard = threading.Lock()

class Meter:
    def __init__(self):
        self.n = 0

    def tick(self):
        self.n += 1

def add():
    global total
    total += 1
    if True: total += 2

def start():
    for _ in range(2):
        threading.Thread(target=add).start()
        threading.Thread(target=meter.tick).start()

meter = Meter()
start()
`
	f := parser.ParseSource("test.py", []byte(src), parser.Options{})
	res := checks.Run(f, checks.Settings{Rules: []*checks.Rule{FT001}, Target: parser.Version{Major: 3, Minor: 14}})
	var got []string
	for _, d := range res.Diagnostics {
		line, _ := f.File.LineCol(d.Span.Start)
		fix := "no fix"
		if d.Fix != nil {
			var edits []string
			for _, e := range d.Fix.Edits {
				edits = append(edits, fmt.Sprintf("%q", e.New))
			}
			fix = fmt.Sprintf("%s %s: %s", d.Fix.Applicability, d.Fix.Title, strings.Join(edits, " "))
		}
		got = append(got, fmt.Sprintf("%d %s", line, fix))
	}
	want := "11 display-only Wrap in `with self._lock:` and create `self._lock = threading.Lock()` in `__init__`: \"with self._lock:\\n            \"\n" +
		"15 unsafe Wrap in `with guard:`: \"with guard:\\n        \"\n" +
		"16 no fix"
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("fixes:\n%s\nwant:\n%s", g, want)
	}
}

// TestMentionsHeldLock checks that the anchored alternatives answer what
// lockDocRE answers, on docstrings that match each alternative and on
// near misses.
func TestMentionsHeldLock(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want bool
	}{
		{"The lock is already held.", true},
		{"Call with the LOCK MUST BE HELD by the caller", true},
		{"Holds the self._mutex lock while it runs.", true},
		{"holding a\nlock", true},
		{"This must be called with care.", true},
		{"Called with the state.lock taken", true},
		{"The Caller should acquire it first.", true},
		{"Runs under the cache\tlock.", true},
		{"only while holding it", true},
		{"Return with cond_lock held", true},
		{"Once the lock is acquired, proceed.", true},
		{"The lock was acquired earlier.", false},
		{"Blocks until the clock under the hood ticks.", false},
		{"hold on, lock it", false},
		{"lockheld", false},
		{"Lock is released.", false},
		{"", false},
		{"Non-ASCII: the lock is held — by the caller", true},
		{"Non-ASCII: the lock is free — no caller", false},
	} {
		got, re := mentionsHeldLock(c.doc), lockDocRE().MatchString(c.doc)
		if got != c.want || re != c.want {
			t.Errorf("%q: mentionsHeldLock %v, lockDocRE %v, want %v", c.doc, got, re, c.want)
		}
	}
}
