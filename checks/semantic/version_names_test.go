package semantic

import (
	"fmt"
	"strings"
	"testing"

	"github.com/py314/py314/parser/ast"
)

func TestVersionTest(t *testing.T) {
	src := `import sys
import sys as system
from .constants import PY310_OR_ABOVE, PY_3_13_PLUS, PYTHON_3_12_OR_NEWER, _PY311, PY2, PYPY
from .compat import py314 as is_new
_PY_VERSION = sys.version_info[:2]
PY314 = sys.version_info >= (3, 14)
PY_3_12_PLUS = sys.version_info[:2] >= (3, 12)
OLD = sys.version_info < (3, 10)
TWICE = sys.version_info >= (3, 11)
TWICE = False
NOT_VERSION = len(sys.argv) > 1
a = sys.version_info >= (3, 14)
b = (3, 13) > system.version_info
c = sys.version_info <= (3, 12)
d = sys.version_info > (3, 12)
e = not sys.version_info >= (3, 9)
f = sys.version_info >= (3, 12, 4)
g = sys.version_info == (3, 12)
h = sys.version_info <= (3, 12, 4)
i = PY314
j = not PY_3_12_PLUS
k = TWICE
l = NOT_VERSION
m = not (sys.version_info >= (3, 9)) and True
n = PY310_OR_ABOVE
o = not PY_3_13_PLUS
p = PYTHON_3_12_OR_NEWER
q = _PY311
r = PY2
s = PYPY
t = is_new
u = _PY_VERSION >= (3, 11)
`
	f, m := build(t, src)
	var got []string
	for _, st := range m.Module.Body {
		as, ok := st.(*ast.Assign)
		if !ok {
			continue
		}
		name := as.Targets[0].(*ast.Name).Id
		if len(name) > 1 {
			continue
		}
		lo, hi, ok := m.VersionTest(as.Value)
		text := string(f.File.Src[as.Value.Pos():as.Value.End()])
		if !ok {
			got = append(got, fmt.Sprintf("%s: %s -> no", name, text))
			continue
		}
		got = append(got, fmt.Sprintf("%s: %s -> [%v, %v)", name, text, lo, hi))
	}
	want := `a: sys.version_info >= (3, 14) -> [3.14, 255.255)
b: (3, 13) > system.version_info -> [0.0, 3.13)
c: sys.version_info <= (3, 12) -> [0.0, 3.13)
d: sys.version_info > (3, 12) -> [3.13, 255.255)
e: not sys.version_info >= (3, 9) -> [0.0, 3.9)
f: sys.version_info >= (3, 12, 4) -> [3.12, 255.255)
g: sys.version_info == (3, 12) -> no
h: sys.version_info <= (3, 12, 4) -> no
i: PY314 -> [3.14, 255.255)
j: not PY_3_12_PLUS -> [0.0, 3.12)
k: TWICE -> no
l: NOT_VERSION -> no
m: not (sys.version_info >= (3, 9)) and True -> no
n: PY310_OR_ABOVE -> [3.10, 255.255)
o: not PY_3_13_PLUS -> [0.0, 3.13)
p: PYTHON_3_12_OR_NEWER -> [3.12, 255.255)
q: _PY311 -> [3.11, 255.255)
r: PY2 -> no
s: PYPY -> no
t: is_new -> [3.14, 255.255)
u: _PY_VERSION >= (3, 11) -> [3.11, 255.255)`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("got\n%s\nwant\n%s", g, want)
	}
}

func TestVersionRangeOf(t *testing.T) {
	src := `import sys
PY314 = sys.version_info >= (3, 14)
PY_3_10_PLUS = sys.version_info[:2] >= (3, 10)
_V = sys.version_info[:2]

if PY314:
    new = 1
else:
    old = 1
    if not PY_3_10_PLUS:
        older = 1
    else:
        if sys.version_info >= (3, 12):
            twelve = 1

def f():
    if PY314:
        inside = 1
if _V < (3, 11):
    below = 1
plain = 1
`
	_, m := build(t, src)
	var got []string
	for _, info := range m.Nodes {
		n, ok := info.Node.(*ast.Name)
		if !ok || n.Ctx != ast.Store || n.Id == "PY314" || n.Id == "PY_3_10_PLUS" || n.Id == "_V" {
			continue
		}
		lo, hi := m.VersionRangeOf(n)
		got = append(got, fmt.Sprintf("%s [%v, %v)", n.Id, lo, hi))
	}
	want := `new [3.14, 255.255)
old [0.0, 3.14)
older [0.0, 3.10)
twelve [3.12, 3.14)
inside [3.14, 255.255)
below [0.0, 3.11)
plain [0.0, 255.255)`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("got\n%s\nwant\n%s", g, want)
	}
}
