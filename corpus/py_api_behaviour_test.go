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
