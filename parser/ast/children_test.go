package ast_test

import (
	"testing"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// TestAppendChildren checks that AppendChildren lists, for every node of a
// tree covering most node kinds, exactly the children Inspect visits, in
// the same order.
func TestAppendChildren(t *testing.T) {
	const src = `import a.b as c
from .m import x, y as z
@dec(1, k=2)
class C[T: int](B, metaclass=M):
    def f[**P, *Ts](self, a: int = 1, /, b=2, *args, c, d: str = "", **kw) -> None:
        global g
        x: list[int] = [i for i in range(3) if i if not i]
        y = {k: v for k, v in x.items()}
        z = {e async for e in w}
        q = (e for e in w)
        del x[0], y.a
        async with a as (b, c), d: pass
        async for i in j: await i
        lambda p, *q, r=1: p + -q
        return f"{a!r:>{w}} {b=}", t"{c}"
type A[K] = dict[K, str]
try:
    pass
except* (E, F) as e:
    raise X from e
finally:
    assert a, b
match p:
    case [1, *rest] | {"k": v, **kw} if v: pass
    case Point(x=0, y=_) | None | -1 as o: pass
while a and b or c: break
if a < b <= c: x[1:2:3] = ...
else: (x := (yield)); yield from y
`
	f := parser.ParseFile("x.py", []byte(src), parser.Options{})
	if len(f.Errors) > 0 {
		t.Fatal(f.Errors)
	}
	kinds := map[ast.Kind]bool{}
	ast.Inspect(f.Module, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		kinds[n.Kind()] = true
		var want []ast.Node
		ast.Inspect(n, func(c ast.Node) bool {
			if c == n {
				return true
			}
			if c != nil {
				want = append(want, c)
			}
			return false
		})
		got := ast.AppendChildren(nil, n)
		if len(got) != len(want) {
			t.Errorf("%s: %d children, want %d", n.Kind(), len(got), len(want))
			return true
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: child %d is %s, want %s", n.Kind(), i, got[i].Kind(), want[i].Kind())
			}
		}
		return true
	})
	if len(kinds) < 60 {
		t.Errorf("the sample covers %d node kinds, want at least 60", len(kinds))
	}
}
