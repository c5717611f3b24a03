package rules

import (
	"fmt"
	"strings"

	"github.com/py314/py314/checks"
)

// A portingNote is one item of the Python 3.14 porting notes (What's New
// in Python 3.14: removals, deprecations, changed behaviour, new syntax
// rules), with the rules that report it or, when none can, the reason.
type portingNote struct {
	item  string   // Markdown: what changed
	rules []string // codes of the rules that report it
	why   string   // when no rule reports it: why none can
}

// A portingSection groups the notes as What's New does.
type portingSection struct {
	title string
	notes []portingNote
}

// portingNotes is the table docs/porting-notes.md is generated from.
var portingNotes = []portingSection{
	{"Removed in Python 3.14", []portingNote{
		{item: "`ast.Num`, `ast.Str`, `ast.Bytes`, `ast.NameConstant` and `ast.Ellipsis`; the `.n` and `.s` attributes of `ast.Constant`; `visit_Num`-style visitor methods are never called", rules: []string{"PY101"}},
		{item: "asyncio child watchers (`AbstractChildWatcher` and the watcher classes, `get_child_watcher`, `set_child_watcher`)", rules: []string{"PY102"}},
		{item: "`asyncio.get_event_loop()` no longer creates a loop when none is set: it raises RuntimeError", rules: []string{"PY401"}},
		{item: "`email.utils.localtime(isdst=...)`", rules: []string{"PY109"}},
		{item: "`importlib.abc.ResourceReader`, `Traversable` and `TraversableResources` (moved to `importlib.resources.abc`)", rules: []string{"PY104"}},
		{item: "copying, deep-copying and pickling `itertools` objects", rules: []string{"PY111"}},
		{item: "keyword arguments to `pathlib` path constructors; extra positional arguments to `PurePath.relative_to()` and `is_relative_to()`", rules: []string{"PY108"}},
		{item: "`pkgutil.find_loader()` and `pkgutil.get_loader()`", rules: []string{"PY103"}},
		{item: "`pty.master_open()` and `pty.slave_open()`", rules: []string{"PY105"}},
		{item: "`sqlite3.version` and `sqlite3.version_info`", rules: []string{"PY106"}},
		{item: "sqlite3 named placeholders bound from a sequence (now ProgrammingError)", rules: []string{"PY407"}},
		{item: "`urllib.parse.Quoter`, `urllib.request.URLopener` and `FancyURLopener`", rules: []string{"PY107"}},
		{item: "argparse: `type`, `choices` and `metavar` of `BooleanOptionalAction`; groups nested in argument groups and mutually exclusive groups", rules: []string{"PY110"}},
		{item: "the private subinterpreter modules (`_xxsubinterpreters`, `_xxinterpchannels`, `_xxinterpqueues`), superseded by `concurrent.interpreters` (PEP 734)", rules: []string{"PY112"}},
		{item: "the private `_compression` module (now `compression._common._streams`)", rules: []string{"ZS005"}},
		{item: "`typing.ForwardRef` private attributes and positional constructor arguments", rules: []string{"DA005"}},
		{item: "`collections.abc.ByteString` and `typing.ByteString`", why: "Not removed in 3.14: they are deprecated (with a DeprecationWarning since 3.12) and scheduled for removal in 3.17."},
	}},
	{"Changed behaviour", []portingNote{
		{item: "multiprocessing and `ProcessPoolExecutor` start workers with `forkserver` instead of `fork` on Linux and other POSIX systems except macOS", rules: []string{"PY402"}},
		{item: "`tarfile` extraction and `shutil.unpack_archive` default to the `data` filter", rules: []string{"PY403"}},
		{item: "`int()` no longer falls back to `__trunc__`", rules: []string{"PY404"}},
		{item: "`NotImplemented` in a boolean context raises TypeError", rules: []string{"PY405"}},
		{item: "`functools.partial` objects are method descriptors: as class attributes they bind `self`", rules: []string{"PY406"}},
		{item: "`typing.Union` is `types.UnionType`: unions are no longer cached and print as `X | Y`", rules: []string{"PY409"}},
		{item: "`typing.Union` objects: `isinstance(x, typing.Union)` works, `__args__` is read-only, attributes cannot be set", why: "Code that assigns to `__args__` or relies on `isinstance` failing does so on objects whose type is only known at run time."},
		{item: "task factories receive the keyword arguments of `create_task()`", rules: []string{"PY410"}},
		{item: "`sys.platform` is `\"freebsd\"` on FreeBSD, without the major version", rules: []string{"PY411"}},
		{item: "the garbage collector is incremental: `gc.collect(1)` runs one increment, `gc.get_threshold()` returns `(young, scan_rate, 0)`", why: "Tuning values change meaning but calls keep working; whether a program depends on the old collection pattern shows only when it runs."},
		{item: "`re`: `\\B` matches the empty string", why: "Only matching against an empty input changes, which depends on the data at run time."},
		{item: "`sys.getrefcount()` can return smaller values (borrowed references)", why: "The values depend on the run; assertions on exact reference counts cannot be told apart from other assertions."},
		{item: "`configparser` `write()` raises `InvalidWriteError` for keys containing delimiters or starting with `[`", why: "Depends on the keys written, which are data at run time."},
		{item: "`logging.handlers.QueueListener.start()` twice raises RuntimeError", why: "Depends on the listener's state at run time, usually across functions."},
		{item: "`urllib.request.url2pathname()` and `pathname2url()`: non-local authorities raise `URLError`, absolute paths get `///`", why: "Depends on the URLs and paths converted, which are data at run time."},
		{item: "`locale.nl_langinfo()` temporarily sets `LC_CTYPE`, which other threads observe", why: "A race between threads at run time, not a pattern in the source."},
		{item: "ctypes bit-field layout matches GCC, Clang and MSVC (fields no longer overlap)", why: "The layout depends on the platform's ABI and shows only in the binary data exchanged at run time."},
		{item: "`pickle.DEFAULT_PROTOCOL` is 5", why: "Only matters where the pickles are read by Python 3.7 or older, which the source does not say."},
		{item: "`ZipFile.writestr()` respects `SOURCE_DATE_EPOCH`", why: "Depends on the environment at run time."},
	}},
	{"New syntax rules", []portingNote{
		{item: "PEP 765: `return`, `break` and `continue` that leave a `finally` block emit a SyntaxWarning", rules: []string{"PY301"}},
		{item: "PEP 758: `except A, B:` is valid, so Python 2's `except E, e:` compiles with another meaning", rules: []string{"PY302"}},
		{item: "t-strings and unparenthesized `except` lists do not parse on Python 3.13 and older (nor `match`, `except*`, type parameters, ... on their older versions)", rules: []string{"PY303"}},
		{item: "compile-time SyntaxErrors that `ast.parse` does not report (`return`/`yield`/`await` outside functions, `nonlocal` without binding, `__debug__` assignments, duplicate parameters, ...)", rules: []string{"PY304"}},
		{item: "walrus, `yield` and `await` in annotations are SyntaxErrors", rules: []string{"DA001"}},
		{item: "PEP 750: a t-string is a `Template`, not a `str`", rules: []string{"PY408"}},
	}},
	{"Deferred evaluation of annotations (PEP 649, PEP 749)", []portingNote{
		{item: "the bare name `__annotations__` in a module or class body is no longer bound", rules: []string{"DA002"}},
		{item: "`__annotations__` is no longer in the class namespace or `cls.__dict__` while the class is created", rules: []string{"DA003"}},
		{item: "class attributes shadow the names annotations read", rules: []string{"DA004"}},
		{item: "annotations see names at their final value (late binding)", rules: []string{"DA006"}},
		{item: "instances no longer expose their class's `__annotations__`", rules: []string{"DA007"}},
		{item: "copying `__annotations__` evaluates them early and drops `__annotate__`", rules: []string{"DA008"}},
		{item: "names bound only under `TYPE_CHECKING` are read when annotations are evaluated", rules: []string{"DA009"}},
		{item: "unquoted forward references fail on older targets", rules: []string{"DA010"}},
		{item: "`from __future__ import annotations` is no longer needed", rules: []string{"DA011"}},
		{item: "annotations of attribute and subscript targets are never evaluated", rules: []string{"DA012"}},
		{item: "hand-written `__annotate__` functions receive a format", rules: []string{"DA013"}},
	}},
	{"New deprecations", []portingNote{
		{item: "`codecs.open()`", rules: []string{"PY201"}},
		{item: "`asyncio.iscoroutinefunction()`", rules: []string{"PY202"}},
		{item: "the asyncio policy system (`get_event_loop_policy`, `set_event_loop_policy`, the policy classes)", rules: []string{"PY203"}},
		{item: "`complex()` with complex arguments", rules: []string{"PY204"}},
		{item: "`argparse` `add_argument_group(prefix_chars=...)`", rules: []string{"PY205"}},
		{item: "`argparse.FileType`", rules: []string{"PY206"}},
		{item: "ctypes structures with `_pack_` and no `_layout_`", rules: []string{"PY207"}},
		{item: "`ctypes.POINTER()` with a string", rules: []string{"PY208"}},
		{item: "`functools.reduce()` with `function` or `sequence` keywords", rules: []string{"PY209"}},
		{item: "logging handlers taking `strm`", rules: []string{"PY210"}},
		{item: "`mimetypes` extensions without a leading dot", rules: []string{"PY211"}},
		{item: "the `nturl2path` module", rules: []string{"PY212"}},
		{item: "`os.popen()` and `os.spawn*()` (soft deprecation)", rules: []string{"PY213"}},
		{item: "`PurePath.as_uri()`", rules: []string{"PY214"}},
		{item: "`pdb.Pdb.curframe_locals`", rules: []string{"PY215"}},
		{item: "`symtable.Class.get_methods()`", rules: []string{"PY216"}},
		{item: "tkinter `Variable.trace_variable()`, `trace_vdelete()` and `trace_vinfo()`", rules: []string{"PY217"}},
		{item: "`urllib.parse.parse_qs()` and `parse_qsl()` with false non-string values", rules: []string{"PY218"}},
		{item: "`sys._clear_type_cache()`", rules: []string{"PY219"}},
		{item: "arguments to `threading.RLock()`", rules: []string{"PY220"}},
		{item: "`typing.ForwardRef._evaluate()`", rules: []string{"DA005"}},
		{item: "`shutil.ExecError`", rules: []string{"PY232"}},
		{item: "the `array` type code `'u'`", rules: []string{"PY233"}},
	}},
	{"Pending removal in Python 3.15 (already warning on 3.14)", []portingNote{
		{item: "`typing.no_type_check_decorator`", rules: []string{"PY221"}},
		{item: "`NamedTuple()` with keyword fields or no fields", rules: []string{"PY222"}},
		{item: "`TypedDict()` with no fields or `None`", rules: []string{"PY223"}},
		{item: "`locale.getdefaultlocale()`", rules: []string{"PY224"}},
		{item: "`platform.java_ver()`", rules: []string{"PY225"}},
		{item: "`http.server.CGIHTTPRequestHandler`", rules: []string{"PY226"}},
		{item: "`load_module()` of importlib loaders and `zipimporter`", rules: []string{"PY227"}},
		{item: "`PurePath.is_reserved()`", rules: []string{"PY228"}},
		{item: "`ctypes.SetPointerType()`", rules: []string{"PY229"}},
		{item: "`wave` `getmark()`, `setmark()` and `getmarkers()`", rules: []string{"PY230"}},
		{item: "`sysconfig.is_python_build(check_home=...)`", rules: []string{"PY231"}},
	}},
}

// portingNotesPage renders docs/porting-notes.md from portingNotes.
func portingNotesPage(all []*checks.Rule) string {
	byCode := map[string]*checks.Rule{}
	for _, r := range all {
		byCode[r.Code] = r
	}
	var b strings.Builder
	b.WriteString("# Python 3.14 porting notes and the rules that cover them\n\n")
	b.WriteString("Every item of the Python 3.14 porting notes (What's New in Python 3.14: removals, changed\n")
	b.WriteString("behaviour, new syntax rules, deferred annotations, new deprecations and the removals of 3.15 that\n")
	b.WriteString("already warn), with the py314 rules that report it, or why no rule can: the change shows only\n")
	b.WriteString("in what a program does at run time. This page is generated from the rules package.\n")
	covered, total := 0, 0
	for _, s := range portingNotes {
		fmt.Fprintf(&b, "\n## %s\n\n| Item | Rules | Why no rule |\n|---|---|---|\n", s.title)
		for _, n := range s.notes {
			total++
			var links []string
			for _, code := range n.rules {
				name := ""
				if r := byCode[code]; r != nil {
					name = " " + r.Name
				}
				links = append(links, fmt.Sprintf("[%s](rules/%s.md)%s", code, code, name))
			}
			if len(links) > 0 {
				covered++
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", escapeCell(n.item), strings.Join(links, ", "), escapeCell(n.why))
		}
	}
	fmt.Fprintf(&b, "\n%d of %d items are reported by a rule.\n", covered, total)
	return b.String()
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
