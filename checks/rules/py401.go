package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// PY401 reports asyncio.get_event_loop() where no event loop runs.
var PY401 = &checks.Rule{
	Code:     "PY401",
	Name:     "get-event-loop-without-loop",
	Summary:  "`asyncio.get_event_loop()` outside a running loop, which raises RuntimeError on Python 3.14 instead of creating a loop",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY401,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "asyncio") },
	Doc: `## What it does
Reports calls of ` + "`asyncio.get_event_loop()`" + `:
- at module level, where no event loop can be running (an error);
- in functions that no coroutine of the module calls (a warning: they raise unless a loop runs
  or was set in the calling thread);
- inside coroutines, where a loop is always running and ` + "`asyncio.get_running_loop()`" + ` says
  so directly (information).

Calls preceded in the same function by ` + "`asyncio.set_event_loop(...)`" + `, calls under a
` + "`try`" + ` that handles RuntimeError and code for Python versions before 3.14 are not reported.

## Why it matters on Python 3.14
Until Python 3.13, ` + "`get_event_loop()`" + ` created a new loop and set it as the current one when
the main thread had none (with a DeprecationWarning since 3.12). Python 3.14 removed that: it
raises ` + "`RuntimeError: There is no current event loop in thread 'MainThread'.`" + ` Scripts that
start with ` + "`loop = asyncio.get_event_loop()`" + ` stop at their first line.

## Example
` + "```python" + `
import asyncio

loop = asyncio.get_event_loop()
loop.run_until_complete(main())
` + "```" + `

## Use instead
` + "```python" + `
import asyncio

asyncio.run(main())
` + "```" + `

## Fix safety
Inside a coroutine, ` + "`get_event_loop()` → `get_running_loop()`" + ` is safe: both return the
running loop. Elsewhere the fixes are unsafe: ` + "`asyncio.get_event_loop().run_until_complete(x)`" + `
becomes ` + "`asyncio.run(x)`" + `, which also closes the loop, cancels leftover tasks and shuts down
async generators and the default executor; ` + "`loop = asyncio.get_event_loop()`" + ` becomes
` + "`loop = asyncio.new_event_loop()`" + ` followed by ` + "`asyncio.set_event_loop(loop)`" + `, the closest
equivalent of the old implicit creation, which differs when another loop had been set before.

## References
- [What's New in Python 3.14: asyncio](https://docs.python.org/3.14/whatsnew/3.14.html#id3)
- [asyncio.get_event_loop](https://docs.python.org/3.14/library/asyncio-eventloop.html#asyncio.get_event_loop)
`,
}

func checkPY401(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	m := p.Model
	if !m.MatchesQualified(call.Func, "asyncio.get_event_loop", "asyncio.events.get_event_loop") ||
		len(call.Args) != 0 || len(call.Keywords) != 0 {
		return
	}
	if _, hi := m.VersionRange(call); !(parser.Version{Major: 3, Minor: 14}).Less(hi) {
		return
	}
	mod := ""
	if attr, ok := call.Func.(*ast.Attribute); ok {
		mod = p.Text(attr.Value)
	}
	fn := m.FunctionOf(call)
	if _, ok := fn.(*ast.AsyncFunctionDef); ok {
		var fix *checks.Fix
		if mod != "" {
			fix = &checks.Fix{Title: "Replace with `" + mod + ".get_running_loop()`", Applicability: checks.Safe,
				Edits: []checks.Edit{checks.Replace(checks.SpanOf(call.Func), mod+".get_running_loop")}}
		}
		p.Report(checks.Diagnostic{Span: checks.SpanOf(call), Severity: checks.Info, Fix: fix,
			Message: "in a coroutine `get_event_loop()` is the running loop: `get_running_loop()` says so and never looks for or creates another"})
		return
	}
	if catchesRuntimeError(m, call) || setsLoopBefore(p, call, fn) {
		return
	}
	if fn != nil {
		if s, ok := m.ScopeFor(fn); ok && calledFromCoroutine(m, s) {
			return
		}
	}
	fix := newLoopFix(p, call, mod)
	if fn == nil {
		p.ReportFix(checks.SpanOf(call), "`asyncio.get_event_loop()` raises RuntimeError on Python 3.14 when no event loop is set: it no longer creates one", fix)
		return
	}
	p.Report(checks.Diagnostic{Span: checks.SpanOf(call), Severity: checks.Warning, Fix: fix,
		Message: "`asyncio.get_event_loop()` raises RuntimeError on Python 3.14 unless a loop is running or set in this thread: it no longer creates one"})
}

// newLoopFix returns the unsafe fix for a call outside coroutines, for the
// two common statement forms.
func newLoopFix(p *checks.Pass, call *ast.Call, mod string) *checks.Fix {
	if mod == "" {
		return nil
	}
	m := p.Model
	parent := m.Parent(call)
	// asyncio.get_event_loop().run_until_complete(x) -> asyncio.run(x)
	if attr, ok := parent.(*ast.Attribute); ok && attr.Attr == "run_until_complete" {
		if outer, ok := m.Parent(attr).(*ast.Call); ok && outer.Func == ast.Expr(attr) && len(outer.Args) == 1 && len(outer.Keywords) == 0 {
			if _, starred := outer.Args[0].(*ast.Starred); !starred {
				return &checks.Fix{Title: "Replace with `" + mod + ".run(...)`", Applicability: checks.Unsafe,
					Edits: []checks.Edit{checks.Replace(checks.SpanOf(outer), mod+".run("+p.Text(outer.Args[0])+")")}}
			}
		}
	}
	// loop = asyncio.get_event_loop() -> a new loop, set as current
	if as, ok := parent.(*ast.Assign); ok && as.Value == ast.Expr(call) && len(as.Targets) == 1 {
		name, ok := as.Targets[0].(*ast.Name)
		end, alone := endOfLastStatementLine(p.Src(), as)
		if !ok || !alone || !statementStartsLine(p.Src(), as) {
			return nil
		}
		return &checks.Fix{Title: "Create a new loop and set it as the current one", Applicability: checks.Unsafe,
			Edits: []checks.Edit{
				checks.Replace(checks.SpanOf(call), mod+".new_event_loop()"),
				checks.Insert(end, "\n"+lineIndent(p.Src(), as.Pos())+mod+".set_event_loop("+name.Id+")"),
			}}
	}
	return nil
}

// catchesRuntimeError reports whether n is in the body of a try statement
// with a handler for RuntimeError (or a base class of it).
func catchesRuntimeError(m *semantic.Model, n ast.Node) bool {
	found := false
	var prev ast.Node = n
	m.Ancestors(n, func(a ast.Node) bool {
		defer func() { prev = a }()
		switch a := a.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		case *ast.Try:
			if inStmts(a.Body, prev) && handles(m, a.Handlers, "builtins.RuntimeError", "builtins.Exception", "builtins.BaseException") {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// handles reports whether one of the handlers catches one of the
// exception classes (a bare except catches everything).
func handles(m *semantic.Model, handlers []*ast.ExceptHandler, classes ...string) bool {
	for _, h := range handlers {
		if h.Type == nil {
			return true
		}
		types := []ast.Expr{h.Type}
		if t, ok := h.Type.(*ast.Tuple); ok {
			types = t.Elts
		}
		for _, t := range types {
			if m.MatchesQualified(t, classes...) {
				return true
			}
		}
	}
	return false
}

// setsLoopBefore reports whether asyncio.set_event_loop is called in the
// same function (or at module level) before the call.
func setsLoopBefore(p *checks.Pass, call *ast.Call, fn ast.Node) bool {
	m := p.Model
	found := false
	for i := range m.Nodes {
		c, ok := m.Nodes[i].Node.(*ast.Call)
		if !ok || c.Pos() >= call.Pos() || m.FunctionOf(c) != fn {
			continue
		}
		if m.MatchesQualified(c.Func, "asyncio.set_event_loop", "asyncio.events.set_event_loop") {
			found = true
			break
		}
	}
	return found
}

// calledFromCoroutine reports whether a coroutine of the module reaches
// the function scope s through the call graph.
func calledFromCoroutine(m *semantic.Model, s semantic.ScopeID) bool {
	var coroutines []semantic.ScopeID
	for i := range m.Scopes {
		if _, ok := m.Scopes[i].Node.(*ast.AsyncFunctionDef); ok {
			coroutines = append(coroutines, semantic.ScopeID(i))
		}
	}
	if len(coroutines) == 0 {
		return false
	}
	return m.Reachable(coroutines...)[s]
}
