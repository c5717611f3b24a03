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

// The DA rules claim that code behaves differently on Python 3.14. These
// tests run, for each rule, a module under CPython 3.14 before and after
// the change the rule asks for, and check the claim with the full output.

// daRun is what a program does under CPython 3.14: its standard output,
// its warnings and the exception that ends it ("Type: message"), if any.
type daRun struct {
	stdout   string
	warnings []string
	err      string
}

func (r daRun) String() string {
	return fmt.Sprintf("stdout=%q warnings=%q err=%q", r.stdout, r.warnings, r.err)
}

// daCase is one module for one rule.
type daCase struct {
	name   string
	code   string // the rule
	target string // the target version; "" for 3.14
	unsafe bool   // apply unsafe fixes as well as safe ones
	src    string // the module the rule checks
	// diags are the rule's diagnostics on src, "line:col message".
	diags []string
	// after is the module after the change: the text py314's fixes must
	// produce, or, when manual is set, the change a person makes (the
	// rule's "Use instead"), which the rule must not report.
	after  string
	manual bool
	// harness is code appended to both modules when they run, to observe
	// them; it is not linted.
	harness string
	// before and afterRun are what the two programs do.
	before, afterRun daRun
}

func daDiagnostics(f *parser.File, diags []checks.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		line, col := f.File.LineCol(d.Span.Start)
		out = append(out, fmt.Sprintf("%d:%d %s", line, col+1, d.Message))
	}
	return out
}

func daResult(r oracle.Result) daRun {
	run := daRun{stdout: r.Stdout, warnings: r.Warnings}
	if r.Err != nil {
		run.err = r.Err.Type + ": " + r.Err.Msg
	}
	return run
}

func equalRuns(a, b daRun) bool { return a.String() == b.String() }

func TestDABehaviour(t *testing.T) {
	var reqs []oracle.Request
	for _, c := range daCases {
		lint := ruleLint(t, c.code, c.target)
		f := parser.ParseSource(c.name+".py", []byte(c.src), parser.Options{})
		if len(f.Errors) > 0 {
			t.Fatalf("%s: %v", c.name, f.Errors)
		}
		if got := daDiagnostics(f, lint(f)); strings.Join(got, "\n") != strings.Join(c.diags, "\n") {
			t.Errorf("%s: %s diagnostics:\ngot\n%s\nwant\n%s", c.name, c.code, strings.Join(got, "\n"), strings.Join(c.diags, "\n"))
		}
		after := c.after
		if c.manual {
			g := parser.ParseSource(c.name+".after.py", []byte(after), parser.Options{})
			if got := daDiagnostics(g, lint(g)); len(got) > 0 {
				t.Errorf("%s: the changed module is still reported:\n%s", c.name, strings.Join(got, "\n"))
			}
		} else {
			app := checks.Safe
			if c.unsafe {
				app = checks.Unsafe
			}
			res := fixes.Fix(f, lint, fixes.Options{Applicability: app})
			if got := string(res.File.File.Src); got != after {
				t.Errorf("%s: fixed text:\ngot\n%s\nwant\n%s", c.name, got, after)
			}
		}
		reqs = append(reqs,
			oracle.Request{ID: c.name + " before", Op: oracle.Exec, Src: []byte(c.src + c.harness)},
			oracle.Request{ID: c.name + " after", Op: oracle.Exec, Src: []byte(after + c.harness)})
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range daCases {
		if got := daResult(res[2*i]); !equalRuns(got, c.before) {
			t.Errorf("%s before the change:\ngot  %s\nwant %s", c.name, got, c.before)
		}
		if got := daResult(res[2*i+1]); !equalRuns(got, c.afterRun) {
			t.Errorf("%s after the change:\ngot  %s\nwant %s", c.name, got, c.afterRun)
		}
	}
}

// TestDA001Compile compares DA001 with compile() under CPython 3.14: for
// each module with one offending expression, DA001 reports exactly the
// error CPython raises, at the same place; for each module without one,
// CPython compiles it and DA001 is silent.
func TestDA001Compile(t *testing.T) {
	bad := []string{
		"def f(x: (y := 1)): pass\n",
		"def f() -> (yield): pass\n",
		"def g():\n    def f(x: (yield from z)): pass\n",
		"async def g():\n    def f(x: await z): pass\n",
		"def f(a, /, b: (c := 2)): pass\n",
		"def f(*args: (d := 3)): pass\n",
		"def f(*, e: (f := 4)): pass\n",
		"def f(**kw: (g := 5)): pass\n",
		"def f(a: (b := 1), /): pass\n",
		"def f(x: [i for i in (yield)]): pass\n",
		"def f(x: {k: v for k, v in (yield)}): pass\n",
		"def f(x: lambda a=(yield): a): pass\n",
		"class A:\n    def m(self, r: (k := 1)) -> None: pass\n",
		"def g():\n    v: (yield) = 1\n",
		"def g():\n    v: (yield)\n",
		"async def g(s):\n    p: await s.kind() = 1\n",
		"def g(o):\n    o.size: (u := 2) = 1\n",
		"def g(d):\n    d[0]: (u := 2) = 1\n",
		"class C:\n    port: (d := 8080)\n",
		"total: (c := int) = 0\n",
		"x: await y\n",
		"x: (yield)\n",
		"def g():\n    x: list[(yield)]\n",
	}
	good := []string{
		"def f(x: [(y := 1) for _ in ()]): pass\n",
		"def f(x: lambda: (yield)): pass\n",
		"async def g(s):\n    def f(x: (await z for z in s)): pass\n",
		"def g():\n    v: int = (yield)\n",
		"def f(x=(y := 3)) -> int: pass\n",
		"async def g(s) -> dict:\n    d: dict = await s.get()\n",
	}
	lint := ruleLint(t, "DA001", "")
	var reqs []oracle.Request
	for _, src := range append(bad, good...) {
		reqs = append(reqs, oracle.Request{ID: src, Op: oracle.Compile, Src: []byte(src)})
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		src := reqs[i].ID
		f := parser.ParseSource("m.py", []byte(src), parser.Options{})
		if len(f.Errors) > 0 {
			t.Errorf("%q: parse errors %v", src, f.Errors)
			continue
		}
		got := strings.Join(daDiagnostics(f, lint(f)), "\n")
		want := ""
		if r.Err != nil {
			want = fmt.Sprintf("%d:%d %s", r.Err.Lineno, r.Err.Offset, r.Err.Msg)
		}
		if i < len(bad) && r.Err == nil {
			t.Errorf("%q: CPython 3.14 compiles it", src)
		}
		if got != want {
			t.Errorf("%q:\nDA001   %q\nCPython %q", src, got, want)
		}
	}
}

// TestDAStubs checks that no DA rule reports anything in a stub file:
// stubs are never run, so their annotations are never evaluated.
func TestDAStubs(t *testing.T) {
	src := `from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from decimal import Decimal

class Node:
    def add(self, child: Node) -> Node: ...
    def price(self) -> Decimal: ...
    def str(self) -> str: ...
    def fields(self) -> dict: ...

def f(x: Later) -> None: ...
class Later: ...
`
	for _, name := range []string{"m.pyi", "m.py"} {
		lint := ruleLint(t, "DA", "3.9")
		f := parser.ParseSource(name, []byte(src), parser.Options{})
		got := strings.Join(daDiagnostics(f, lint(f)), "\n")
		want := ""
		if name == "m.py" {
			want = strings.Join([]string{
				"6:26 `Node` is the class being defined, bound only after its body has run: Python 3.13 and older evaluate this annotation here and raise NameError; quote it",
				"6:35 `Node` is the class being defined, bound only after its body has run: Python 3.13 and older evaluate this annotation here and raise NameError; quote it",
				"7:24 `Decimal` is bound only under `TYPE_CHECKING`: Python 3.13 and older evaluate this annotation here and raise NameError; quote it",
				"8:22 Python 3.14 evaluates this annotation after the class body has run: `str` is then the class attribute bound on line 8, not the builtin `str`",
				"11:10 `Later` is defined on line 12, after this annotation: Python 3.13 and older evaluate it here and raise NameError; quote it",
			}, "\n")
		}
		if got != want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", name, got, want)
		}
	}
}

var daCases = []daCase{
	{
		name: "DA001 walrus in a parameter annotation",
		code: "DA001",
		src: `def scale(factor: (unit := 10)) -> int:
    return factor * unit

print(scale(2))
`,
		diags:  []string{"1:20 named expression cannot be used within an annotation"},
		manual: true,
		after: `unit = 10

def scale(factor: unit) -> int:
    return factor * unit

print(scale(2))
`,
		before:   daRun{err: "SyntaxError: named expression cannot be used within an annotation"},
		afterRun: daRun{stdout: "20\n"},
	},
	{
		name: "DA001 await in a local annotation",
		code: "DA001",
		src: `async def kind():
    return int

async def load():
    page: await kind() = 1
    return page

try:
    load().send(None)
except StopIteration as stop:
    print(stop.value)
`,
		diags:  []string{"5:11 await expression cannot be used within an annotation"},
		manual: true,
		after: `async def kind():
    return int

async def load():
    k = await kind()
    page: k = 1
    return page

try:
    load().send(None)
except StopIteration as stop:
    print(stop.value)
`,
		before:   daRun{err: "SyntaxError: await expression cannot be used within an annotation"},
		afterRun: daRun{stdout: "1\n"},
	},
	{
		name: "DA002 class body reads __annotations__",
		code: "DA002",
		src: `class Config:
    host: str
    port: int
    FIELDS = tuple(__annotations__)

print(Config.FIELDS)
`,
		diags:  []string{"4:20 `__annotations__` is not defined in Python 3.14: module and class bodies no longer bind it (NameError); read the annotations with `annotationlib.get_annotations` after the class or module exists"},
		manual: true,
		after: `import annotationlib

class Config:
    host: str
    port: int

Config.FIELDS = tuple(annotationlib.get_annotations(Config))
print(Config.FIELDS)
`,
		before:   daRun{err: "NameError: name '__annotations__' is not defined"},
		afterRun: daRun{stdout: "('host', 'port')\n"},
	},
	{
		name: "DA002 class body assigns __annotations__",
		code: "DA002",
		src: `class Explicit:
    __annotations__ = {"y": str}
    x: int

print(Explicit.__annotations__)
`,
		diags:  []string{"2:5 assigning `__annotations__` in this body replaces its annotations in Python 3.14: the annotated names below and above are no longer part of `__annotations__`"},
		manual: true,
		after: `class Explicit:
    y: str
    x: int

print(Explicit.__annotations__)
`,
		before:   daRun{stdout: "{'y': <class 'str'>}\n"},
		afterRun: daRun{stdout: "{'y': <class 'str'>, 'x': <class 'int'>}\n"},
	},
	{
		name:   "DA003 metaclass namespace",
		code:   "DA003",
		unsafe: true,
		src: `class FieldsMeta(type):
    def __new__(mcls, name, bases, ns):
        ns["_fields"] = tuple(ns.get("__annotations__", {}))
        return super().__new__(mcls, name, bases, ns)
`,
		harness: `
class Point(metaclass=FieldsMeta):
    x: int
    y: "Later"
    z: Later

print(Point._fields)
`,
		diags: []string{"3:31 a class namespace has no `__annotations__` key in Python 3.14: this sees no annotations; use `annotationlib.get_annotate_from_class_namespace`"},
		after: `import annotationlib

class FieldsMeta(type):
    def __new__(mcls, name, bases, ns):
        ns["_fields"] = tuple((annotationlib.call_annotate_function(annotationlib.get_annotate_from_class_namespace(ns), annotationlib.Format.FORWARDREF) if annotationlib.get_annotate_from_class_namespace(ns) else ns.get("__annotations__", {})))
        return super().__new__(mcls, name, bases, ns)
`,
		before:   daRun{stdout: "()\n"},
		afterRun: daRun{stdout: "('x', 'y', 'z')\n"},
	},
	{
		name:   "DA003 metaclass namespace of a class with the future import",
		code:   "DA003",
		unsafe: true,
		src: `from __future__ import annotations

class FieldsMeta(type):
    def __new__(mcls, name, bases, ns):
        ns["_fields"] = ns["__annotations__"]
        return super().__new__(mcls, name, bases, ns)
`,
		harness: `
class Point(metaclass=FieldsMeta):
    x: int

print(Point._fields)
`,
		diags: []string{"5:25 a class namespace has no `__annotations__` key in Python 3.14 (KeyError): the annotations are in an annotate function; use `annotationlib.get_annotate_from_class_namespace`"},
		after: `from __future__ import annotations
import annotationlib

class FieldsMeta(type):
    def __new__(mcls, name, bases, ns):
        ns["_fields"] = (annotationlib.call_annotate_function(annotationlib.get_annotate_from_class_namespace(ns), annotationlib.Format.FORWARDREF) if annotationlib.get_annotate_from_class_namespace(ns) else ns["__annotations__"])
        return super().__new__(mcls, name, bases, ns)
`,
		// The future import applies to the whole program: the class keeps
		// a dictionary of strings in its namespace, before and after.
		before:   daRun{stdout: "{'x': 'int'}\n"},
		afterRun: daRun{stdout: "{'x': 'int'}\n"},
	},
	{
		name:   "DA003 class __dict__ in a helper",
		code:   "DA003",
		unsafe: true,
		src: `def fields(cls):
    return cls.__dict__.get("__annotations__", {})

class Point:
    x: int
    y: float

print(fields(Point))
`,
		diags: []string{"2:12 a class `__dict__` has no `__annotations__` key in Python 3.14 (annotations are computed when read and cached under another key): this sees no annotations; use `annotationlib.get_annotations`"},
		after: `import annotationlib

def fields(cls):
    return annotationlib.get_annotations(cls)

class Point:
    x: int
    y: float

print(fields(Point))
`,
		before:   daRun{stdout: "{}\n"},
		afterRun: daRun{stdout: "{'x': <class 'int'>, 'y': <class 'float'>}\n"},
	},
	{
		name: "DA003 setdefault replaces the annotations",
		code: "DA003",
		src: `class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns.setdefault("__annotations__", {})
        return super().__new__(mcls, name, bases, ns)

class Point(metaclass=Meta):
    x: int

print(Point.__annotations__)
`,
		diags:  []string{"3:9 Python 3.14 puts no `__annotations__` into class namespaces: `setdefault` installs an empty dictionary that replaces the class's annotations"},
		manual: true,
		after: `class Meta(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)

class Point(metaclass=Meta):
    x: int

print(Point.__annotations__)
`,
		before:   daRun{stdout: "{}\n"},
		afterRun: daRun{stdout: "{'x': <class 'int'>}\n"},
	},
	{
		name: "DA004 class attributes shadow an import and builtins",
		code: "DA004",
		src: `from datetime import date

class Event:
    date: date

    def title(self) -> str:
        return "event"

    def str(self):
        return self.title()

    date = None
`,
		harness: `
import annotationlib
def show(obj):
    return {k: getattr(v, "__qualname__", v) for k, v in annotationlib.get_annotations(obj).items()}
print(show(Event), show(Event.title))
`,
		diags: []string{
			"4:11 Python 3.14 evaluates this annotation after the class body has run: `date` is then the class attribute bound on line 12, not `datetime.date`",
			"6:24 Python 3.14 evaluates this annotation after the class body has run: `str` is then the class attribute bound on line 9, not the builtin `str`",
		},
		after: `from datetime import date
import datetime
import builtins

class Event:
    date: datetime.date

    def title(self) -> builtins.str:
        return "event"

    def str(self):
        return self.title()

    date = None
`,
		before:   daRun{stdout: "{'date': None} {'return': 'Event.str'}\n"},
		afterRun: daRun{stdout: "{'date': 'date'} {'return': 'str'}\n"},
	},
	{
		name: "DA005 positional ForwardRef arguments",
		code: "DA005",
		src: `from typing import ForwardRef

ref = ForwardRef("int", False)
print(ref.evaluate(globals=globals()), ref.__forward_is_argument__)
`,
		diags: []string{"3:7 `ForwardRef` takes only one positional argument in Python 3.14 (TypeError): pass `is_argument` and `module` by keyword"},
		after: `from typing import ForwardRef

ref = ForwardRef("int", is_argument=False)
print(ref.evaluate(globals=globals()), ref.__forward_is_argument__)
`,
		before:   daRun{err: "TypeError: ForwardRef.__init__() takes 2 positional arguments but 3 were given"},
		afterRun: daRun{stdout: "<class 'int'> False\n"},
	},
	{
		name:   "DA005 ForwardRef._evaluate",
		code:   "DA005",
		unsafe: true,
		src: `from typing import ForwardRef

def resolve(ref: ForwardRef, namespace):
    return ref._evaluate(namespace, None, recursive_guard=frozenset())

print(resolve(ForwardRef("list[int]"), {}))
`,
		diags: []string{"4:15 `ForwardRef._evaluate` is deprecated in Python 3.14 (DeprecationWarning) and will be removed in 3.16; use `ForwardRef.evaluate()` or `typing.evaluate_forward_ref()`"},
		after: `from typing import ForwardRef

def resolve(ref: ForwardRef, namespace):
    return ref.evaluate(globals=namespace, locals=None)

print(resolve(ForwardRef("list[int]"), {}))
`,
		before: daRun{stdout: "list[int]\n", warnings: []string{
			"DeprecationWarning: Failing to pass a value to the 'type_params' parameter of 'typing.ForwardRef._evaluate' is deprecated, as it leads to incorrect behaviour when calling typing.ForwardRef._evaluate on a stringified annotation that references a PEP 695 type parameter. It will be disallowed in Python 3.15.",
			"DeprecationWarning: ForwardRef._evaluate is a private API and is retained for compatibility, but will be removed in Python 3.16. Use ForwardRef.evaluate() or typing.evaluate_forward_ref() instead.",
		}},
		afterRun: daRun{stdout: "list[int]\n"},
	},
	{
		name: "DA005 removed __forward_value__",
		code: "DA005",
		src: `from typing import ForwardRef

ref = ForwardRef("int")
ref.evaluate(globals=globals())
print(ref.__forward_value__)
`,
		diags:  []string{"5:10 `ForwardRef.__forward_value__` no longer exists in Python 3.14 (AttributeError): references do not cache their value; call `.evaluate()`"},
		manual: true,
		after: `from typing import ForwardRef

ref = ForwardRef("int")
print(ref.evaluate(globals=globals()))
`,
		before:   daRun{err: "AttributeError: 'ForwardRef' object has no attribute '__forward_value__'"},
		afterRun: daRun{stdout: "<class 'int'>\n"},
	},
	{
		name: "DA006 rebound module name",
		code: "DA006",
		src: `import annotationlib

mytype = str

def k(a: mytype) -> None: ...

mytype = int
print(annotationlib.get_annotations(k))
`,
		diags:  []string{"5:10 `mytype` is rebound on line 7: Python 3.14 evaluates this annotation when it is first read and sees the value bound there, not the one it had here"},
		manual: true,
		after: `import annotationlib

Text = str

def k(a: Text) -> None: ...

mytype = int
print(annotationlib.get_annotations(k))
`,
		before:   daRun{stdout: "{'a': <class 'int'>, 'return': None}\n"},
		afterRun: daRun{stdout: "{'a': <class 'str'>, 'return': None}\n"},
	},
	{
		name: "DA006 name deleted from a class body",
		code: "DA006",
		src: `class Box:
    T = int
    x: T
    del T

print(Box.__annotations__)
`,
		diags:  []string{"3:8 `T` is deleted from the class on line 4: Python 3.14 evaluates this annotation after the class body has run, when the name is gone (NameError, or the global of that name)"},
		manual: true,
		after: `class Box:
    T = int
    x: T

print(Box.__annotations__)
`,
		before:   daRun{err: "NameError: name 'T' is not defined"},
		afterRun: daRun{stdout: "{'x': <class 'int'>}\n"},
	},
	{
		name: "DA006 loop variable",
		code: "DA006",
		src: `handlers = []
for kind in (int, str):
    def handle(value: kind) -> None: ...
    handlers.append(handle)

print([h.__annotations__["value"] for h in handlers])
`,
		diags:  []string{"3:23 `kind` changes on every iteration of the loop on line 2: Python 3.14 evaluates this annotation when it is first read, when the name holds its last value"},
		manual: true,
		after: `handlers = []
def make_handler(kind):
    def handle(value: kind) -> None: ...
    return handle
for kind in (int, str):
    handlers.append(make_handler(kind))

print([h.__annotations__["value"] for h in handlers])
`,
		before:   daRun{stdout: "[<class 'str'>, <class 'str'>]\n"},
		afterRun: daRun{stdout: "[<class 'int'>, <class 'str'>]\n"},
	},
	{
		name: "DA007 annotations through self",
		code: "DA007",
		src: `class Record:
    name: str
    size: int

    def columns(self):
        return list(self.__annotations__)

print(Record().columns())
`,
		diags: []string{"6:21 instances have no `__annotations__` in Python 3.14 (AttributeError): only classes, functions and modules do; use `type(self).__annotations__`"},
		after: `class Record:
    name: str
    size: int

    def columns(self):
        return list(type(self).__annotations__)

print(Record().columns())
`,
		before:   daRun{err: "AttributeError: 'Record' object has no attribute '__annotations__'"},
		afterRun: daRun{stdout: "['name', 'size']\n"},
	},
	{
		name: "DA007 getattr through self",
		code: "DA007",
		src: `class Record:
    name: str

    def columns(self):
        return list(getattr(self, "__annotations__", {}))

print(Record().columns())
`,
		diags: []string{"5:21 instances have no `__annotations__` in Python 3.14: this `getattr` always gives its default (or raises AttributeError); read it from `type(self)`"},
		after: `class Record:
    name: str

    def columns(self):
        return list(getattr(type(self), "__annotations__", {}))

print(Record().columns())
`,
		before:   daRun{stdout: "[]\n"},
		afterRun: daRun{stdout: "['name']\n"},
	},
	{
		name:   "DA008 copied annotations",
		code:   "DA008",
		unsafe: true,
		src: `def logged(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper.__annotations__ = func.__annotations__
    return wrapper

@logged
def handle(request: Request) -> None: ...

class Request: ...

print(handle.__annotations__)
`,
		diags: []string{"4:5 copying `__annotations__` evaluates them now, not when they are read, in Python 3.14 (NameError for names defined later) and drops `__annotate__`; use `functools.update_wrapper` or `functools.wraps`"},
		after: `def logged(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper.__annotate__ = func.__annotate__
    return wrapper

@logged
def handle(request: Request) -> None: ...

class Request: ...

print(handle.__annotations__)
`,
		before:   daRun{err: "NameError: name 'Request' is not defined"},
		afterRun: daRun{stdout: "{'request': <class '__main__.Request'>, 'return': None}\n"},
	},
	{
		name:   "DA009 inspect.signature of a TYPE_CHECKING name",
		code:   "DA009",
		unsafe: true,
		src: `import inspect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

def total(amount: Decimal) -> Decimal: ...

print(inspect.signature(total))
`,
		diags: []string{
			"7:19 `Decimal` is bound only under `TYPE_CHECKING`: in Python 3.14 inspect.signature evaluates this annotation at run time and raises NameError; quote the annotation",
			"7:31 `Decimal` is bound only under `TYPE_CHECKING`: in Python 3.14 inspect.signature evaluates this annotation at run time and raises NameError; quote the annotation",
		},
		after: `import inspect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

def total(amount: "Decimal") -> "Decimal": ...

print(inspect.signature(total))
`,
		before:   daRun{err: "NameError: name 'Decimal' is not defined"},
		afterRun: daRun{stdout: "(amount: 'Decimal') -> 'Decimal'\n"},
	},
	{
		name: "DA009 singledispatch register",
		code: "DA009",
		src: `import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

@functools.singledispatch
def fmt(value):
    return "other"

try:
    @fmt.register
    def _(value: Decimal):
        return "decimal"
except TypeError as error:
    print(str(error).split(". ")[0])
`,
		diags:  []string{"13:18 `Decimal` is bound only under `TYPE_CHECKING`: in Python 3.14 functools.singledispatch evaluates this annotation at run time and raises NameError; import it at run time"},
		manual: true,
		after: `import functools
from decimal import Decimal

@functools.singledispatch
def fmt(value):
    return "other"

@fmt.register
def _(value: Decimal):
    return "decimal"

print(fmt(1), fmt(Decimal(1)))
`,
		before:   daRun{stdout: "Invalid annotation for 'value'\n"},
		afterRun: daRun{stdout: "other decimal\n"},
	},
	{
		// Python 3.13 evaluates an annotation where the def is. The module
		// does the same explicitly (through __annotate__) inside the class
		// body, which is what older versions do implicitly.
		name:   "DA010 forward reference evaluated where it is defined",
		code:   "DA010",
		target: "3.9",
		src: `class Node:
    def add(self, child: Node) -> Node:
        return child
    print(add.__annotate__(1))
`,
		diags: []string{
			"2:26 `Node` is the class being defined, bound only after its body has run: Python 3.13 and older evaluate this annotation here and raise NameError; quote it",
			"2:35 `Node` is the class being defined, bound only after its body has run: Python 3.13 and older evaluate this annotation here and raise NameError; quote it",
		},
		after: `class Node:
    def add(self, child: "Node") -> "Node":
        return child
    print(add.__annotate__(1))
`,
		harness: `
import typing
print(typing.get_type_hints(Node.add))
`,
		before:   daRun{err: "NameError: name 'Node' is not defined"},
		afterRun: daRun{stdout: "{'child': 'Node', 'return': 'Node'}\n{'child': <class '__main__.Node'>, 'return': <class '__main__.Node'>}\n"},
	},
	{
		name:   "DA011 removing the future import",
		code:   "DA011",
		unsafe: true,
		src: `from __future__ import annotations

def area(shape: Shape) -> float:
    return 0.0

class Shape: ...
`,
		harness: `
import annotationlib
print(annotationlib.get_annotations(area))
`,
		diags: []string{"1:24 Python 3.14 evaluates annotations lazily without `from __future__ import annotations`; removing it turns string annotations into evaluated objects at run time"},
		after: `
def area(shape: Shape) -> float:
    return 0.0

class Shape: ...
`,
		before:   daRun{stdout: "{'shape': 'Shape', 'return': 'float'}\n"},
		afterRun: daRun{stdout: "{'shape': <class '__main__.Shape'>, 'return': <class 'float'>}\n"},
	},
	{
		name: "DA012 call in an attribute target's annotation",
		code: "DA012",
		src: `registry = {}

def register(name, kind):
    registry[name] = kind
    return kind

class Settings: ...

settings = Settings()
settings.timeout: register("timeout", float) = 30.0
print(registry, settings.timeout)
`,
		diags:  []string{"10:19 Python 3.14 never evaluates the annotation of an attribute or subscript target: `register(...)` no longer runs here"},
		manual: true,
		after: `registry = {}

def register(name, kind):
    registry[name] = kind
    return kind

class Settings: ...

settings = Settings()
register("timeout", float)
settings.timeout = 30.0
print(registry, settings.timeout)
`,
		before:   daRun{stdout: "{} 30.0\n"},
		afterRun: daRun{stdout: "{'timeout': <class 'float'>} 30.0\n"},
	},
	{
		name:   "DA013 annotate function ignoring its format",
		code:   "DA013",
		unsafe: true,
		src: `import annotationlib

class Point:
    def __annotate__(format):
        return {"x": int, "y": int}

print(annotationlib.get_annotations(Point, format=annotationlib.Format.STRING))
`,
		diags: []string{"4:9 this `__annotate__` ignores its `format` argument: Python 3.14 expects it to raise NotImplementedError for formats it does not support, or `annotationlib.get_annotations(format=Format.STRING)` and FORWARDREF return the VALUE result"},
		after: `import annotationlib

class Point:
    def __annotate__(format):
        if format != annotationlib.Format.VALUE:
            raise NotImplementedError
        return {"x": int, "y": int}

print(annotationlib.get_annotations(Point, format=annotationlib.Format.STRING))
`,
		before:   daRun{stdout: "{'x': <class 'int'>, 'y': <class 'int'>}\n"},
		afterRun: daRun{stdout: "{'x': 'int', 'y': 'int'}\n"},
	},
}
