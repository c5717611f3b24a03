package corpus

import (
	"fmt"
	"strings"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/corpus/oracle"
	"github.com/py314/py314/fixes"
	"github.com/py314/py314/parser"
)

// The FT rules are about threads running in parallel, which the oracle
// (CPython 3.14 on pyodide) cannot start. These tests run what can be run
// without threads: each fix on a module whose threads are never started,
// calling the thread's code directly, before and after the fix (a fix
// must not change what single-threaded code does); and the facts of the
// default 3.14 build that the rules' explanations rest on.

type ftRun struct {
	stdout string
	err    string
}

func (r ftRun) String() string { return fmt.Sprintf("stdout=%q err=%q", r.stdout, r.err) }

// ftFixCase is a module an FT rule fixes.
type ftFixCase struct {
	name, code, target string
	unsafe             bool
	src                string
	diags              []string // "line:col message" of the rule on src
	after              string   // src after the fixes
	harness            string   // appended to both when they run
	run                ftRun    // what both print
}

func ftResult(r oracle.Result) ftRun {
	run := ftRun{stdout: r.Stdout}
	if r.Err != nil {
		run.err = r.Err.Type + ": " + r.Err.Msg
	}
	return run
}

var ftFixCases = []ftFixCase{
	{
		name: "FT001 lock wrap", code: "FT001", unsafe: true,
		src: `import threading

hits = 0
hits_lock = threading.Lock()

def worker():
    global hits
    for _ in range(1000):
        hits += 1

def start():
    for _ in range(4):
        threading.Thread(target=worker).start()
`,
		diags: []string{"9:9 `hits += 1` reads and writes shared `hits` with no lock: the GIL hid this race, free-threaded Python 3.14 runs threads in parallel and loses updates (`worker` runs as a thread target (line 13) on several threads at once)"},
		after: `import threading

hits = 0
hits_lock = threading.Lock()

def worker():
    global hits
    for _ in range(1000):
        with hits_lock:
            hits += 1

def start():
    for _ in range(4):
        threading.Thread(target=worker).start()
`,
		harness: "\nworker()\nworker()\nprint(hits, hits_lock.locked())\n",
		run:     ftRun{stdout: "2000 False\n"},
	},
	{
		name: "FT002 pop and setdefault", code: "FT002",
		src: `import collections
import threading

plain = {"a": 1}
counts = collections.Counter(a=1)
ordered = collections.OrderedDict(a=1)
groups = collections.defaultdict(list)

def expire(key):
    if key in plain:
        del plain[key]
    if key in counts:
        del counts[key]
    if key in ordered:
        del ordered[key]

def remember(key, value):
    if key not in plain:
        plain[key] = value
    if key not in groups:
        groups[key] = []
    if key not in ordered:
        ordered[key] = value

def start(keys):
    for key in keys:
        threading.Thread(target=expire, args=(key,)).start()
        threading.Thread(target=remember, args=(key, 0)).start()
`,
		diags: []string{
			"10:5 `key in plain` then `del plain[key]` on shared `plain` with no lock: another thread can change it in between, and free-threaded Python 3.14 makes that likely (`expire` runs as a thread target (line 27) on several threads at once)",
			"12:5 `key in counts` then `del counts[key]` on shared `counts` with no lock: another thread can change it in between, and free-threaded Python 3.14 makes that likely (`expire` runs as a thread target (line 27) on several threads at once)",
			"14:5 `key in ordered` then `del ordered[key]` on shared `ordered` with no lock: another thread can change it in between, and free-threaded Python 3.14 makes that likely (`expire` runs as a thread target (line 27) on several threads at once)",
			"18:5 `key not in plain` then storing `plain[key]` on shared `plain` with no lock: another thread can change it in between, and free-threaded Python 3.14 makes that likely (`remember` runs as a thread target (line 28) on several threads at once)",
			"20:5 `key not in groups` then storing `groups[key]` on shared `groups` with no lock: another thread can change it in between, and free-threaded Python 3.14 makes that likely (`remember` runs as a thread target (line 28) on several threads at once)",
			"22:5 `key not in ordered` then storing `ordered[key]` on shared `ordered` with no lock: another thread can change it in between, and free-threaded Python 3.14 makes that likely (`remember` runs as a thread target (line 28) on several threads at once)",
		},
		after: `import collections
import threading

plain = {"a": 1}
counts = collections.Counter(a=1)
ordered = collections.OrderedDict(a=1)
groups = collections.defaultdict(list)

def expire(key):
    plain.pop(key, None)
    counts.pop(key, None)
    ordered.pop(key, None)

def remember(key, value):
    plain.setdefault(key, value)
    groups.setdefault(key, [])
    ordered.setdefault(key, value)

def start(keys):
    for key in keys:
        threading.Thread(target=expire, args=(key,)).start()
        threading.Thread(target=remember, args=(key, 0)).start()
`,
		harness: `
for key in ["a", "b", "a"]:
    expire(key)
    print(plain, dict(counts), list(ordered.items()))
    remember(key, len(plain))
    print(plain, dict(groups), list(ordered.items()))
remember("b", 99)
print(plain, dict(groups), list(ordered.items()))
`,
		run: ftRun{stdout: `{} {} []
{'a': 0} {'a': []} [('a', 0)]
{'a': 0} {} [('a', 0)]
{'a': 0, 'b': 1} {'a': [], 'b': []} [('a', 0), ('b', 1)]
{'b': 1} {} [('b', 1)]
{'b': 1, 'a': 1} {'a': [], 'b': []} [('b', 1), ('a', 1)]
{'b': 1, 'a': 1} {'a': [], 'b': []} [('b', 1), ('a', 1)]
`},
	},
	{
		name: "FT007 getattr probe", code: "FT007", target: "3.10", unsafe: true,
		src: `import sys

def gil_enabled():
    return sys._is_gil_enabled()
`,
		diags: []string{"4:12 `sys._is_gil_enabled()` exists only on Python 3.13 and later: on the older versions the target includes it raises AttributeError"},
		after: `import sys

def gil_enabled():
    return getattr(sys, "_is_gil_enabled", lambda: True)()
`,
		harness: "\nprint(gil_enabled())\n",
		run:     ftRun{stdout: "True\n"},
	},
}

func TestFTFixBehaviour(t *testing.T) {
	var reqs []oracle.Request
	for _, c := range ftFixCases {
		lint := ruleLint(t, c.code, c.target)
		f := parser.ParseSource(c.name+".py", []byte(c.src), parser.Options{})
		if len(f.Errors) > 0 {
			t.Fatalf("%s: %v", c.name, f.Errors)
		}
		var got []string
		for _, d := range lint(f) {
			line, col := f.File.LineCol(d.Span.Start)
			got = append(got, fmt.Sprintf("%d:%d %s", line, col+1, d.Message))
		}
		if strings.Join(got, "\n") != strings.Join(c.diags, "\n") {
			t.Errorf("%s: diagnostics:\ngot\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.diags, "\n"))
		}
		app := checks.Safe
		if c.unsafe {
			app = checks.Unsafe
		}
		if got := string(fixes.Fix(f, lint, fixes.Options{Applicability: app}).File.File.Src); got != c.after {
			t.Errorf("%s: fixed text:\ngot\n%s\nwant\n%s", c.name, got, c.after)
		}
		reqs = append(reqs,
			oracle.Request{ID: c.name + " before", Op: oracle.Exec, Src: []byte(c.src + c.harness)},
			oracle.Request{ID: c.name + " after", Op: oracle.Exec, Src: []byte(c.after + c.harness)})
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range ftFixCases {
		for j, which := range []string{"before", "after"} {
			if got := ftResult(res[2*i+j]); got != c.run {
				t.Errorf("%s %s the fix:\ngot  %s\nwant %s", c.name, which, got, c.run)
			}
		}
	}
}

// TestFTFacts runs, under the default build of CPython 3.14, the facts the
// FT rules' explanations rest on.
func TestFTFacts(t *testing.T) {
	cases := []struct {
		name, src string
		want      ftRun
	}{
		{
			// FT005 and FT009: both flags are off on the default build (the
			// free-threaded build turns them on), and Thread takes context=.
			name: "flags",
			src: `import inspect, sys, threading
print(sys.flags.context_aware_warnings, sys.flags.thread_inherit_context)
print("context" in inspect.signature(threading.Thread).parameters)
`,
			want: ftRun{stdout: "0 0\nTrue\n"},
		},
		{
			// FT005: without context-aware warnings, catch_warnings swaps the
			// filters of the warnings module itself, which every thread reads.
			name: "catch_warnings is global",
			src: `import warnings

def seen_elsewhere():
    return warnings.filters[0][0]

warnings.simplefilter("default")
before = warnings.filters
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(warnings.filters is before, seen_elsewhere())
print(warnings.filters is before, seen_elsewhere())
`,
			want: ftRun{stdout: "False ignore\nTrue default\n"},
		},
		{
			// FT007: the probe exists on 3.14 and the default build reports
			// the GIL; its version string names no free-threading build.
			name: "gil probe",
			src: `import sys, sysconfig
print(sys._is_gil_enabled(), bool(sysconfig.get_config_var("Py_GIL_DISABLED")))
print("free-threading" in sys.version, "experimental" in sys.version)
`,
			want: ftRun{stdout: "True False\nFalse False\n"},
		},
		{
			// FT010: a random.Random per thread, seeded the same way, draws
			// the sequence the seeded module-level functions draw.
			name: "per-thread random",
			src: `import random
random.seed(42)
shared = [random.random() for _ in range(3)]
own = random.Random(42)
print(shared == [own.random() for _ in range(3)])
`,
			want: ftRun{stdout: "True\n"},
		},
		{
			// FT002: setdefault evaluates its argument even when the key is
			// there, which is why the fix takes only literals and names.
			name: "setdefault evaluates",
			src: `calls = []
def make():
    calls.append(1)
    return []
d = {"k": [1]}
d.setdefault("k", make())
if "k" not in d:
    d["k"] = make()
print(d, len(calls))
`,
			want: ftRun{stdout: "{'k': [1]} 1\n"},
		},
	}
	var reqs []oracle.Request
	for _, c := range cases {
		reqs = append(reqs, oracle.Request{ID: c.name, Op: oracle.Exec, Src: []byte(c.src)})
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if got := ftResult(res[i]); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.name, got, c.want)
		}
	}
}
