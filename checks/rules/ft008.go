package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// FT008 reports reading f_locals of frames that belong to other threads.
var FT008 = &checks.Rule{
	Code:     "FT008",
	Name:     "other-thread-frame-locals",
	Summary:  "`f_locals` of a frame from `sys._current_frames()`, which another thread is running",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixNone,
	Kinds:    []ast.Kind{ast.KindAttribute},
	Check:    checkFT008,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "sys") },
	Doc: `## What it does
Reports ` + "`.f_locals`" + ` read from a frame obtained from ` + "`sys._current_frames()`" + ` (directly,
through a loop over it or its ` + "`.items()`" + `/` + "`.values()`" + `, or through ` + "`.f_back`" + `), except the frame
of the current thread (` + "`sys._current_frames()[threading.get_ident()]`" + `).

## Why it matters on Python 3.14
The free-threading HOWTO lists it as a known limitation: accessing ` + "`frame.f_locals`" + ` of a
frame that is running in another thread may crash the free-threaded build, because the
other thread changes the frame's variables at the same time. With the GIL the other thread
was paused while you looked. Stack dumps that only use ` + "`f_code`" + `, ` + "`f_lineno`" + ` and
` + "`traceback.format_stack()`" + ` are fine.

## Example
` + "```python" + `
import sys

def dump_state():
    for thread_id, frame in sys._current_frames().items():
        print(thread_id, frame.f_locals)  # may crash python3.14t
` + "```" + `

## Use instead
` + "```python" + `
import sys
import traceback

def dump_state():
    for thread_id, frame in sys._current_frames().items():
        print(thread_id, "".join(traceback.format_stack(frame)))
` + "```" + `

Or have each thread report its own state (for example through a queue) instead of reading
its variables from outside.

## Fix safety
No fix.

## References
- [Python 3.14 free-threading HOWTO: frame objects](https://docs.python.org/3.14/howto/free-threading-python.html#frame-objects)
- [sys._current_frames](https://docs.python.org/3.14/library/sys.html#sys._current_frames)
`,
}

func checkFT008(p *checks.Pass, n ast.Node) {
	a := n.(*ast.Attribute)
	if a.Attr != "f_locals" || a.Ctx != ast.Load {
		return
	}
	if !foreignFrame(p, a.Value, 0) {
		return
	}
	p.Reportf(a, "reading `f_locals` of a frame from `sys._current_frames()` while its thread runs may crash free-threaded Python 3.14; use `traceback.format_stack()` or have the thread report its own state")
}

// foreignFrame reports whether e holds a frame that sys._current_frames()
// returned for some thread (not provably the current one).
func foreignFrame(p *checks.Pass, e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	m := p.Model
	switch x := e.(type) {
	case *ast.Call:
		if m.MatchesQualified(x.Func, "sys._current_frames") {
			return true
		}
		// sys._current_frames().items(), .values(), .get(tid), dict(...),
		// traceback.walk_stack(frame)
		if f, ok := x.Func.(*ast.Attribute); ok && foreignFrame(p, f.Value, depth+1) {
			return true
		}
		for _, arg := range x.Args {
			if foreignFrame(p, arg, depth+1) {
				return true
			}
		}
	case *ast.Attribute:
		if x.Attr == "f_back" {
			return foreignFrame(p, x.Value, depth+1)
		}
	case *ast.Subscript:
		if isCurrentThreadID(m, x.Slice) {
			return false
		}
		return foreignFrame(p, x.Value, depth+1)
	case *ast.Name:
		id := m.Resolve(x)
		if id == semantic.NoBinding {
			return false
		}
		b := m.Binding(id)
		return boundFromFrames(p, b.Node, depth)
	}
	return false
}

// boundFromFrames reports whether the name bound at node n gets its value
// from sys._current_frames(): an assignment, or a loop or comprehension
// target over such a value.
func boundFromFrames(p *checks.Pass, n ast.Node, depth int) bool {
	m := p.Model
	found := false
	child := n
	m.Ancestors(n, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.Assign:
			found = foreignFrame(p, a.Value, depth+1)
			return false
		case *ast.For:
			if child == ast.Node(a.Target) || encloses(a.Target, child) {
				found = foreignFrame(p, a.Iter, depth+1)
			}
			return false
		case *ast.Comprehension:
			found = foreignFrame(p, a.Iter, depth+1)
			return false
		case *ast.NamedExpr:
			found = foreignFrame(p, a.Value, depth+1)
			return false
		case *ast.Tuple, *ast.List, *ast.Starred:
			child = a
			return true
		}
		return false
	})
	return found
}

func encloses(outer, n ast.Node) bool { return outer.Pos() <= n.Pos() && n.End() <= outer.End() }

// isCurrentThreadID recognizes threading.get_ident() and
// threading.current_thread().ident.
func isCurrentThreadID(m *semantic.Model, e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Call:
		return m.MatchesQualified(x.Func, "threading.get_ident", "_thread.get_ident")
	case *ast.Attribute:
		if c, ok := x.Value.(*ast.Call); ok && x.Attr == "ident" {
			return m.MatchesQualified(c.Func, "threading.current_thread")
		}
	}
	return false
}
