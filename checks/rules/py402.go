package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
)

// PY402 reports multiprocessing code that relies on the fork start method.
var PY402 = &checks.Rule{
	Code:     "PY402",
	Name:     "relies-on-fork-start-method",
	Summary:  "multiprocessing or `ProcessPoolExecutor` code that only works with `fork`, no longer the default start method on Linux in Python 3.14",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY402,
	Applies:  func(p *checks.Pass) bool { return importsProcesses(p) && !choosesStartMethod(p) },
	Doc: `## What it does
In modules that do not choose a start method (no ` + "`multiprocessing.set_start_method()`" + `, no
` + "`mp_context=`" + `), reports what only works when worker processes are forked:
- a lambda, a nested function or a class defined in a function given as a process target, as
  the function of ` + "`Pool.map`" + ` and friends or ` + "`executor.submit`" + `, or as a pool initializer;
- pools, managers and executors created, and processes started, at module level outside an
  ` + "`if __name__ == \"__main__\":`" + ` block;
- a target function that reads a global which the program only sets at run time (in the
  ` + "`__main__`" + ` block, or through a ` + "`global`" + ` statement).

## Why it matters on Python 3.14
On Linux and the other POSIX systems except macOS, the default start method changed from
` + "`fork`" + ` to ` + "`forkserver`" + ` (` + "`ProcessPoolExecutor`" + ` follows). A forked worker is a copy of
the parent: it can run any function and sees every global as the parent left it. A forkserver
worker is a fresh process: it receives the target by pickling, which fails for lambdas, nested
functions and local classes (` + "`PicklingError: Can't pickle local object`" + `); it imports the
main module again, which starts pools created at module level again (or raises RuntimeError
about the bootstrapping phase); and it sees globals as the import left them, not as the parent
set them. macOS and Windows already used ` + "`spawn`" + `, with the same restrictions.

## Example
` + "```python" + `
from multiprocessing import Pool

def main(scale):
    with Pool() as pool:
        return pool.map(lambda x: x * scale, range(10))
` + "```" + `

## Use instead
` + "```python" + `
from functools import partial
from multiprocessing import Pool

def scaled(scale, x):
    return x * scale

def main(scale):
    with Pool() as pool:
        return pool.map(partial(scaled, scale), range(10))
` + "```" + `

Or keep the old behaviour explicitly: ` + "`multiprocessing.set_start_method(\"fork\")`" + ` at start-up,
or ` + "`ProcessPoolExecutor(mp_context=multiprocessing.get_context(\"fork\"))`" + ` (fork is unsafe
in programs that use threads).

## Fix safety
No fix is offered: making a function picklable or moving code under a ` + "`__main__`" + ` guard is a
change of structure.

## References
- [What's New in Python 3.14: multiprocessing](https://docs.python.org/3.14/whatsnew/3.14.html#multiprocessing)
- [multiprocessing: contexts and start methods](https://docs.python.org/3.14/library/multiprocessing.html#contexts-and-start-methods)
- [multiprocessing: programming guidelines for spawn and forkserver](https://docs.python.org/3.14/library/multiprocessing.html#the-spawn-and-forkserver-start-methods)
`,
}

var processCreators = []string{
	"multiprocessing.Process", "multiprocessing.context.Process", "multiprocessing.Pool", "multiprocessing.pool.Pool",
	"multiprocessing.Manager", "concurrent.futures.ProcessPoolExecutor", "concurrent.futures.process.ProcessPoolExecutor",
}

// picklingPoolMethods are the methods of pools and executors that send a
// function to a worker.
var picklingPoolMethods = map[string]bool{
	"map": true, "imap": true, "imap_unordered": true, "starmap": true, "apply": true, "apply_async": true,
	"map_async": true, "starmap_async": true, "submit": true,
}

const forkserverNote = "Python 3.14 starts workers with 'forkserver' instead of 'fork' on Linux: "

// importsProcesses reports whether the module imports multiprocessing or
// concurrent (or something of them): every process, pool and executor
// PY402 looks at is reached through such an import.
func importsProcesses(p *checks.Pass) bool {
	return importsPackage(p, "multiprocessing", "concurrent")
}

func checkPY402(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	m := p.Model
	if isProcessCreation(m, call) {
		if keyword(call, "mp_context") != nil ||
			len(call.Args) >= 2 && m.MatchesQualified(call.Func, "concurrent.futures.ProcessPoolExecutor", "concurrent.futures.process.ProcessPoolExecutor") {
			return
		}
		for _, arg := range []ast.Expr{argument(call, 1, "target"), argument(call, 99, "initializer")} {
			if arg != nil {
				reportUnpicklable(p, arg)
				reportRuntimeGlobals(p, arg)
			}
		}
		if m.FunctionOf(call) == nil && !underMainGuard(m, call) && !m.MatchesQualified(call.Func, "multiprocessing.Process", "multiprocessing.context.Process") && !isProcessSubclassCall(m, call) {
			p.Reportf(call, forkserverNote+"each worker imports this module again, and this module-level code creates workers again; move it under `if __name__ == \"__main__\":`")
		}
		return
	}
	attr, ok := call.Func.(*ast.Attribute)
	if !ok {
		return
	}
	switch {
	case picklingPoolMethods[attr.Attr] && len(call.Args) > 0 && isPool(p, attr.Value):
		reportUnpicklable(p, call.Args[0])
		reportRuntimeGlobals(p, call.Args[0])
	case attr.Attr == "start" && len(call.Args) == 0 && isProcess(p, attr.Value) &&
		m.FunctionOf(call) == nil && !underMainGuard(m, call):
		p.Reportf(call, forkserverNote+"each worker imports this module again and would start this process again; move it under `if __name__ == \"__main__\":`")
	}
}

type startMethodKey struct{}

// choosesStartMethod reports whether the module calls
// multiprocessing.set_start_method.
func choosesStartMethod(p *checks.Pass) bool {
	return p.Memo(startMethodKey{}, func() any {
		for i := range p.Model.Nodes {
			if c, ok := p.Model.Nodes[i].Node.(*ast.Call); ok &&
				p.Model.MatchesQualified(c.Func, "multiprocessing.set_start_method", "multiprocessing.context.set_start_method") {
				return true
			}
		}
		return false
	}).(bool)
}

func isProcessCreation(m *semantic.Model, call *ast.Call) bool {
	return m.MatchesQualified(call.Func, processCreators...) || isProcessSubclassCall(m, call)
}

// isProcessSubclassCall reports whether call instantiates a class of the
// module derived from multiprocessing.Process.
func isProcessSubclassCall(m *semantic.Model, call *ast.Call) bool {
	c := moduleClassOf(m, call.Func)
	if c == nil {
		return false
	}
	for _, b := range c.Bases {
		if m.MatchesQualified(b, "multiprocessing.Process", "multiprocessing.context.Process") {
			return true
		}
	}
	return false
}

// moduleClassOf returns the class of the module a name refers to.
func moduleClassOf(m *semantic.Model, e ast.Expr) *ast.ClassDef {
	name, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	id := m.Resolve(name)
	if id == semantic.NoBinding {
		return nil
	}
	c, _ := m.Binding(id).Node.(*ast.ClassDef)
	return c
}

// isPool reports whether e is a pool or executor: a creation call, or a
// name bound to one.
func isPool(p *checks.Pass, e ast.Expr) bool {
	m := p.Model
	c := creationCall(m, e)
	if c == nil || keyword(c, "mp_context") != nil {
		return false
	}
	if m.MatchesQualified(c.Func, "concurrent.futures.ProcessPoolExecutor", "concurrent.futures.process.ProcessPoolExecutor") {
		return len(c.Args) < 2 // the second argument is mp_context
	}
	return m.MatchesQualified(c.Func, "multiprocessing.Pool", "multiprocessing.pool.Pool")
}

// creationCall returns the call e is, or the call the name e is bound to
// (see boundValue), or nil.
func creationCall(m *semantic.Model, e ast.Expr) *ast.Call {
	if name, ok := e.(*ast.Name); ok {
		id := m.Resolve(name)
		if id == semantic.NoBinding {
			return nil
		}
		e = boundValue(m, m.Binding(id))
	}
	c, _ := e.(*ast.Call)
	return c
}

// isProcess reports whether e is a Process: a creation call, or a name
// bound to one.
func isProcess(p *checks.Pass, e ast.Expr) bool {
	m := p.Model
	c := creationCall(m, e)
	return c != nil && (m.MatchesQualified(c.Func, "multiprocessing.Process", "multiprocessing.context.Process") || isProcessSubclassCall(m, c))
}

// reportUnpicklable reports a function argument that pickle cannot send
// to a worker: a lambda, a nested function or a class defined in a
// function.
func reportUnpicklable(p *checks.Pass, e ast.Expr) {
	m := p.Model
	if _, ok := e.(*ast.Lambda); ok {
		p.Reportf(e, forkserverNote+"the worker receives this function by pickling, and a lambda cannot be pickled")
		return
	}
	name, ok := e.(*ast.Name)
	if !ok {
		return
	}
	id := m.Resolve(name)
	if id == semantic.NoBinding {
		return
	}
	b := m.Binding(id)
	if b.Kind != semantic.FunctionDef && b.Kind != semantic.ClassDef {
		return
	}
	if sc := m.Scope(b.Scope); sc.Kind == semantic.FunctionScope {
		what := "function"
		if b.Kind == semantic.ClassDef {
			what = "class"
		}
		p.Reportf(e, forkserverNote+"the worker receives `%s` by pickling, and a %s defined inside a function cannot be pickled", name.Id, what)
	}
}

// reportRuntimeGlobals reports a module-level target function that reads
// globals the program sets only at run time.
func reportRuntimeGlobals(p *checks.Pass, e ast.Expr) {
	m := p.Model
	name, ok := e.(*ast.Name)
	if !ok {
		return
	}
	id := m.Resolve(name)
	if id == semantic.NoBinding || m.Binding(id).Kind != semantic.FunctionDef || m.Binding(id).Scope != 0 {
		return
	}
	fn := m.Binding(id).Node
	reported := map[string]bool{}
	ast.Inspect(fn, func(n ast.Node) bool {
		ref, ok := n.(*ast.Name)
		if !ok || ref.Ctx != ast.Load || reported[ref.Id] {
			return true
		}
		rid := m.Resolve(ref)
		if rid == semantic.NoBinding || m.Binding(rid).Scope != 0 {
			return true
		}
		for _, bid := range m.Scope(0).Bindings(ref.Id) {
			b := m.Binding(bid)
			if b.Kind == semantic.GlobalDecl {
				continue
			}
			if underMainGuard(m, b.Node) || m.FunctionOf(b.Node) != nil {
				reported[ref.Id] = true
				p.Reportf(e, forkserverNote+"`%s` reads the global `%s`, which this program sets at run time; a worker imports the module afresh and sees the value it has after import", name.Id, ref.Id)
				return true
			}
		}
		return true
	})
}

// underMainGuard reports whether n is inside an
// `if __name__ == "__main__":` block.
func underMainGuard(m *semantic.Model, n ast.Node) bool {
	found := false
	var prev ast.Node = n
	m.Ancestors(n, func(a ast.Node) bool {
		defer func() { prev = a }()
		if s, ok := a.(*ast.If); ok && isMainTest(s.Test) && inStmts(s.Body, prev) {
			found = true
			return false
		}
		return true
	})
	return found
}

// isMainTest reports whether e is __name__ == "__main__".
func isMainTest(e ast.Expr) bool {
	c, ok := e.(*ast.Compare)
	if !ok || len(c.Ops) != 1 || c.Ops[0] != ast.Eq {
		return false
	}
	l, r := c.Left, c.Comparators[0]
	if _, ok := l.(*ast.Name); !ok {
		l, r = r, l
	}
	name, ok := l.(*ast.Name)
	s, isStr := stringConstant(r)
	return ok && name.Id == "__name__" && isStr && s == "__main__"
}
