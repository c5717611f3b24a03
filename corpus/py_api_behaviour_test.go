package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/py314/py314/corpus/oracle"
)

// apiBehaviour is what CPython 3.14 does with the run.py program of a
// PY1xx/PY2xx fixture archive and with its fix goldens: the program shows
// the failure or the warning the rule reports, and the fixed program runs
// without it.
type apiBehaviour struct {
	archive string // under corpus/rules
	run     string // the outcome of run.py
	fixed   string // the outcome of run.py.fixed, "" when the archive has none
	unsafe  string // the outcome of run.py.fixed.unsafe, "" when the archive has none
}

// outcome renders what a program did: its standard output, each warning
// ("warning Category: message"), its standard error and the exception
// that ended it ("raised Type: message").
func outcome(r oracle.Result) string {
	var b strings.Builder
	b.WriteString(r.Stdout)
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "warning %s\n", w)
	}
	if r.Stderr != "" {
		fmt.Fprintf(&b, "stderr %s", r.Stderr)
	}
	if r.Err != nil {
		fmt.Fprintf(&b, "raised %s: %s\n", r.Err.Type, r.Err.Msg)
	}
	return b.String()
}

var apiBehaviours = []apiBehaviour{
	{
		archive: "PY101/run",
		run: `AttributeError module 'ast' has no attribute 'Num'
AttributeError module 'ast' has no attribute 'Num'
[]
`,
		fixed: `[1]
Constant(value=2)
[]
`,
	},
	{
		archive: "PY102/basic",
		run: `AttributeError module 'asyncio' has no attribute 'set_child_watcher'
ImportError cannot import name 'SafeChildWatcher' from 'asyncio' (/lib/python314.zip/asyncio/__init__.py)
`,
	},
	{
		archive: "PY103/basic",
		run: `AttributeError module 'pkgutil' has no attribute 'find_loader'
AttributeError module 'pkgutil' has no attribute 'get_loader'
`,
		unsafe: `zipimporter
None
`,
	},
	{
		archive: "PY104/basic",
		run: `AttributeError module 'importlib.abc' has no attribute 'Traversable'
`,
		fixed: `Traversable
`,
	},
	{
		archive: "PY105/basic",
		run: `AttributeError module 'pty' has no attribute 'master_open'
ImportError cannot import name 'slave_open' from 'pty' (/lib/python314.zip/pty.py)
`,
	},
	{
		archive: "PY106/basic",
		run: `AttributeError module 'sqlite3' has no attribute 'version'
ImportError cannot import name 'version_info' from 'sqlite3.dbapi2' (/lib/python314.zip/sqlite3/dbapi2.py)
`,
	},
	{
		archive: "PY107/basic",
		run: `AttributeError module 'urllib.request' has no attribute 'FancyURLopener'
AttributeError module 'urllib.parse' has no attribute 'Quoter'
`,
	},
	{
		archive: "PY108/basic",
		run: `TypeError PurePath.__init__() got an unexpected keyword argument 'strict'
TypeError PurePath.relative_to() takes 2 positional arguments but 3 were given
TypeError PurePath.is_relative_to() takes 2 positional arguments but 3 were given
`,
		fixed: `PurePosixPath('/srv/data')
logs/app.log
False
`,
	},
	{
		archive: "PY108/target",
		run: `raised TypeError: PurePath.relative_to() takes 2 positional arguments but 3 were given
`,
		fixed: `logs
`,
	},
	{
		archive: "PY109/basic",
		run: `TypeError localtime() got an unexpected keyword argument 'isdst'
TypeError localtime() takes from 0 to 1 positional arguments but 2 were given
`,
		fixed: `datetime
True
`,
	},
	{
		archive: "PY110/basic",
		run: `TypeError BooleanOptionalAction.__init__() got an unexpected keyword argument 'type'
TypeError BooleanOptionalAction.__init__() got an unexpected keyword argument 'choices'
TypeError BooleanOptionalAction.__init__() got an unexpected keyword argument 'metavar'
(Namespace(), ['--no-color'])
usage: demo [-h]

options:
  -h, --help  show this help message and exit
`,
		fixed: `(Namespace(color=False, fast=None, slow=None), [])
usage: demo [-h] [--color | --no-color] [--fast | --no-fast]
            [--slow | --no-slow]

options:
  -h, --help           show this help message and exit
  --color, --no-color
  --fast, --no-fast
  --slow, --no-slow    slow None
`,
	},
	{
		archive: "PY110/groups",
		run: `ValueError argument groups cannot be nested
ValueError mutually exclusive groups cannot be nested
ValueError argument groups cannot be nested
_MutuallyExclusiveGroup
`,
	},
	{
		archive: "PY111/basic",
		run: `TypeError cannot pickle 'itertools.count' object
TypeError cannot pickle 'itertools.chain' object
`,
	},
	{
		archive: "PY112/basic",
		run: `ModuleNotFoundError No module named '_xxsubinterpreters'
`,
	},
	{
		archive: "PY201/basic",
		run: `'café\r\nbar\n'
b'caf\xc3\xa9\r\nbar\n'
warning DeprecationWarning: codecs.open() is deprecated. Use open() instead.
warning DeprecationWarning: codecs.open() is deprecated. Use open() instead.
`,
		fixed: `'café\r\nbar\n'
b'caf\xc3\xa9\r\nbar\n'
warning DeprecationWarning: codecs.open() is deprecated. Use open() instead.
`,
		unsafe: `'café\r\nbar\n'
b'caf\xc3\xa9\r\nbar\n'
`,
	},
	{
		archive: "PY202/basic",
		run: `True False
warning DeprecationWarning: 'asyncio.iscoroutinefunction' is deprecated and slated for removal in Python 3.16; use inspect.iscoroutinefunction() instead
warning DeprecationWarning: 'asyncio.iscoroutinefunction' is deprecated and slated for removal in Python 3.16; use inspect.iscoroutinefunction() instead
`,
		unsafe: `True False
`,
	},
	{
		archive: "PY203/basic",
		run: `True
_UnixDefaultEventLoopPolicy
AttributeError module 'asyncio.events' has no attribute 'AbstractEventLoopPolicy'
warning DeprecationWarning: 'asyncio.get_event_loop_policy' is deprecated and slated for removal in Python 3.16
warning DeprecationWarning: 'asyncio.DefaultEventLoopPolicy' is deprecated and slated for removal in Python 3.16
`,
	},
	{
		archive: "PY204/basic",
		run: `(-1+0j)
3j
1j
(3+6j)
warning DeprecationWarning: complex() argument 'imag' must be a real number, not complex
warning DeprecationWarning: complex() argument 'real' must be a real number, not complex
warning DeprecationWarning: complex() argument 'real' must be a real number, not complex
warning DeprecationWarning: complex() argument 'real' must be a real number, not complex
`,
		fixed: `(-1+0j)
3j
1j
(3+6j)
warning DeprecationWarning: complex() argument 'imag' must be a real number, not complex
warning DeprecationWarning: complex() argument 'real' must be a real number, not complex
warning DeprecationWarning: complex() argument 'real' must be a real number, not complex
`,
		unsafe: `(-1+0j)
3j
1j
(3+6j)
`,
	},
	{
		archive: "PY205/basic",
		run: `Namespace(x=True)
warning DeprecationWarning: The use of the undocumented 'prefix_chars' parameter in ArgumentParser.add_argument_group() is deprecated.
`,
		fixed: `Namespace(x=True)
`,
	},
	{
		archive: "PY206/basic",
		run: `ok
warning PendingDeprecationWarning: FileType is deprecated. Simply open files after parsing arguments.
`,
	},
	{
		archive: "PY207/basic",
		run: `5 1
warning DeprecationWarning: Due to '_pack_', the 'Header' Structure will use memory layout compatible with MSVC (Windows). If this is intended, set _layout_ to 'ms'. The implicit default is deprecated and slated to become an error in Python 3.19.
`,
		fixed: `5 1
`,
	},
	{
		archive: "PY208/basic",
		run: `LP_Node
warning DeprecationWarning: 'ctypes.POINTER with string' is deprecated and slated for removal in Python 3.19
`,
	},
	{
		archive: "PY209/basic",
		run: `TypeError reduce() takes at least 2 positional arguments (0 given)
TypeError reduce() takes at least 2 positional arguments (1 given)
`,
		fixed: `6
24
`,
	},
	{
		archive: "PY209/pure",
		run: `6
warning DeprecationWarning: Calling functools.reduce with keyword arguments "function" or "sequence" is deprecated in Python 3.14 and will be forbidden in Python 3.16.
`,
	},
	{
		archive: "PY210/basic",
		run: `'hello\n'
warning DeprecationWarning: Support for custom logging handlers with the 'strm' argument is deprecated and scheduled for removal in Python 3.16. Define handlers with the 'stream' argument instead.
`,
		unsafe: `'hello\n'
`,
	},
	{
		archive: "PY211/basic",
		run: `(None, None)
warning DeprecationWarning: Using undotted extensions is deprecated and will raise a ValueError in Python 3.16
`,
		unsafe: `('text/x-foo', None)
`,
	},
	{
		archive: "PY212/basic",
		run: `C:\Users\me\file.txt
warning DeprecationWarning: 'nturl2path' is deprecated and slated for removal in Python 3.19; use 'urllib.request' instead
`,
	},
	{
		archive: "PY214/basic",
		run: `file:///srv/www/a%20b.html
file:///srv/www
warning DeprecationWarning: pathlib.PurePath.as_uri() is deprecated and scheduled for removal in Python 3.19. Use pathlib.Path.as_uri().
warning DeprecationWarning: pathlib.PurePath.as_uri() is deprecated and scheduled for removal in Python 3.19. Use pathlib.Path.as_uri().
`,
		fixed: `file:///srv/www/a%20b.html
file:///srv/www
warning DeprecationWarning: pathlib.PurePath.as_uri() is deprecated and scheduled for removal in Python 3.19. Use pathlib.Path.as_uri().
`,
		unsafe: `file:///srv/www/a%20b.html
file:///srv/www
`,
	},
	{
		archive: "PY215/basic",
		run: `42
warning DeprecationWarning: The frame locals reference is no longer cached. Use 'curframe.f_locals' instead.
`,
		fixed: `42
`,
	},
	{
		archive: "PY216/basic",
		run: `('f',)
warning DeprecationWarning: symtable.Class.get_methods() is deprecated and will be removed in Python 3.16.
`,
	},
	{
		archive: "PY218/basic",
		run: `{} []
warning DeprecationWarning: Accepting list objects with false value in urllib.parse.parse_qsl() is deprecated as of 3.14
warning DeprecationWarning: Accepting int objects with false value in urllib.parse.parse_qsl() is deprecated as of 3.14
`,
		fixed: `{} []
`,
	},
	{
		archive: "PY219/basic",
		run: `None
warning DeprecationWarning: sys._clear_type_cache() is deprecated and scheduled for removal in a future version. Use sys._clear_internal_caches() instead.
`,
		fixed: `None
`,
	},
	{
		archive: "PY220/basic",
		run: `RLock
warning DeprecationWarning: Passing arguments to RLock is deprecated and will be removed in 3.15
`,
		fixed: `RLock
`,
	},
	{
		archive: "PY221/basic",
		run: `untyped
warning DeprecationWarning: 'typing.no_type_check_decorator' is deprecated and slated for removal in Python 3.15
`,
	},
	{
		archive: "PY222/basic",
		run: `('x', 'y') {'x': <class 'int'>, 'y': <class 'float'>} Point(x=1, y=2.5) ()
warning DeprecationWarning: Creating NamedTuple classes using keyword arguments is deprecated and will be disallowed in Python 3.15. Use the class-based or functional syntax instead.
warning DeprecationWarning: Failing to pass a value for the 'fields' parameter is deprecated and will be disallowed in Python 3.15. To create a NamedTuple class with 0 fields using the functional syntax, pass an empty list, e.g. ` + "`" + `Empty = NamedTuple('Empty', [])` + "`" + `.
`,
		fixed: `('x', 'y') {'x': <class 'int'>, 'y': <class 'float'>} Point(x=1, y=2.5) ()
`,
	},
	{
		archive: "PY223/basic",
		run: `{} True
warning DeprecationWarning: Failing to pass a value for the 'fields' parameter is deprecated and will be disallowed in Python 3.15. To create a TypedDict class with 0 fields using the functional syntax, pass an empty dictionary, e.g. ` + "`" + `Options = TypedDict('Options', {})` + "`" + `.
`,
		fixed: `{} True
`,
	},
	{
		archive: "PY224/basic",
		run: `('C', 'UTF-8')
warning DeprecationWarning: 'locale.getdefaultlocale' is deprecated and slated for removal in Python 3.15. Use setlocale(), getencoding() and getlocale() instead.
`,
	},
	{
		archive: "PY225/basic",
		run: `('', '', ('', '', ''), ('', '', ''))
warning DeprecationWarning: 'java_ver' is deprecated and slated for removal in Python 3.15
`,
	},
	{
		archive: "PY226/basic",
		run: `AttributeError
warning DeprecationWarning: 'http.server.CGIHTTPRequestHandler' is deprecated and slated for removal in Python 3.15
`,
	},
	{
		archive: "PY227/basic",
		run: `7
warning DeprecationWarning: the load_module() method is deprecated and slated for removal in Python 3.15; use exec_module() instead
`,
	},
	{
		archive: "PY228/basic",
		run: `True False
warning DeprecationWarning: pathlib.PurePath.is_reserved() is deprecated and scheduled for removal in Python 3.15. Use os.path.isreserved() to detect reserved paths on Windows.
warning DeprecationWarning: pathlib.PurePath.is_reserved() is deprecated and scheduled for removal in Python 3.15. Use os.path.isreserved() to detect reserved paths on Windows.
`,
	},
	{
		archive: "PY229/basic",
		run: `done
warning DeprecationWarning: 'ctypes.SetPointerType' is deprecated and slated for removal in Python 3.15
`,
	},
	{
		archive: "PY230/basic",
		run: `None
warning DeprecationWarning: 'Wave_read.getmarkers' is deprecated and slated for removal in Python 3.15
`,
	},
	{
		archive: "PY231/basic",
		run: `False
warning DeprecationWarning: The check_home argument of sysconfig.is_python_build is deprecated and its value is ignored. It will be removed in Python 3.15.
`,
		fixed: `False
`,
	},
	{
		archive: "PY232/basic",
		run: `RuntimeError
warning DeprecationWarning: 'shutil.ExecError' is deprecated and slated for removal in Python 3.16; it isn't raised by any shutil function.
`,
		fixed: `RuntimeError
`,
	},
	{
		archive: "PY233/basic",
		run: `hello 4
warning DeprecationWarning: The 'u' type code is deprecated and will be removed in Python 3.16
`,
		unsafe: `hello 4
`,
	},
}

// TestAPIBehaviour runs the run.py program of each PY1xx/PY2xx archive
// listed above, and its fix goldens, under CPython 3.14.
func TestAPIBehaviour(t *testing.T) {
	type variant struct {
		c       *apiBehaviour
		section string
		want    string
	}
	var reqs []oracle.Request
	var vars []variant
	for i := range apiBehaviours {
		c := &apiBehaviours[i]
		data, err := os.ReadFile(filepath.Join("rules", c.archive+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		sections := map[string][]byte{}
		for _, f := range txtar.Parse(data).Files {
			sections[f.Name] = f.Data
		}
		for _, v := range []variant{{c, "run.py", c.run}, {c, "run.py.fixed", c.fixed}, {c, "run.py.fixed.unsafe", c.unsafe}} {
			src, ok := sections[v.section]
			switch {
			case !ok && v.want == "":
				continue
			case !ok:
				t.Errorf("%s: no %s section", c.archive, v.section)
				continue
			case v.want == "":
				t.Errorf("%s: %s has no expected outcome", c.archive, v.section)
				continue
			}
			reqs = append(reqs, oracle.Request{ID: c.archive + ":" + v.section, Op: oracle.Exec, Src: src})
			vars = append(vars, v)
		}
	}
	// Every PY1xx/PY2xx archive with a run.py program must be listed.
	listed := map[string]bool{}
	for _, c := range apiBehaviours {
		listed[c.archive] = true
	}
	for _, pattern := range []string{"PY1*/*.txtar", "PY2*/*.txtar"} {
		paths, _ := filepath.Glob(filepath.Join("rules", pattern))
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.ToSlash(strings.TrimPrefix(path, "rules"+string(filepath.Separator))), ".txtar")
			for _, f := range txtar.Parse(data).Files {
				if f.Name == "run.py" && !listed[name] {
					t.Errorf("%s has a run.py program but no expected outcome in apiBehaviours", name)
				}
			}
		}
	}
	res, err := oracle.Run(reqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if got := outcome(r); got != vars[i].want {
			t.Errorf("%s under CPython 3.14:\ngot:\n%s\nwant:\n%s", r.ID, got, vars[i].want)
		}
	}
}
