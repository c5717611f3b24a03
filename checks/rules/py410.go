package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// PY410 reports asyncio task factories that take no keyword arguments.
var PY410 = &checks.Rule{
	Code:     "PY410",
	Name:     "task-factory-without-kwargs",
	Summary:  "an asyncio task factory without `**kwargs`, which Python 3.14 calls with the keyword arguments of `create_task()`",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY410,
	Doc: `## What it does
Reports functions and lambdas passed to ` + "`loop.set_task_factory()`" + ` whose parameters have no
` + "`**kwargs`" + `.

## Why it matters on Python 3.14
Python 3.14 passes every keyword argument of ` + "`loop.create_task()`" + ` and ` + "`asyncio.create_task()`" + `
(` + "`name=`, `context=`" + ` and any new ones) to the task factory, as
` + "`factory(loop, coro, **kwargs)`" + `. Before, the loop called ` + "`factory(loop, coro)`" + ` and set the
name itself. A factory with the old two-parameter signature raises TypeError as soon as a task is
created with a name or a context, which ` + "`asyncio.TaskGroup`" + ` and many libraries do.

## Example
` + "```python" + `
def factory(loop, coro):
    return asyncio.Task(coro, loop=loop)

loop.set_task_factory(factory)
` + "```" + `

## Use instead
` + "```python" + `
def factory(loop, coro, **kwargs):
    return asyncio.Task(coro, loop=loop, **kwargs)

loop.set_task_factory(factory)
` + "```" + `

## Fix safety
When the factory's body creates the task with exactly one ` + "`asyncio.Task(...)`" + ` call, the fix
adds ` + "`**kwargs`" + ` to the parameters and passes them on to that call. It is unsafe: a
` + "`Task`" + ` subclass that does not accept ` + "`name`" + ` or ` + "`context`" + ` now receives them. No fix
is offered when the factory builds its task some other way.

## References
- [What's New in Python 3.14: asyncio](https://docs.python.org/3.14/whatsnew/3.14.html#id3)
- [loop.set_task_factory](https://docs.python.org/3.14/library/asyncio-eventloop.html#asyncio.loop.set_task_factory)
`,
}

func checkPY410(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	attr, ok := call.Func.(*ast.Attribute)
	if !ok || attr.Attr != "set_task_factory" || len(call.Args) != 1 {
		return
	}
	m := p.Model
	var args *ast.Arguments
	var body ast.Node
	switch f := call.Args[0].(type) {
	case *ast.Lambda:
		args, body = f.Args, f.Body
	case *ast.Name:
		id := m.Resolve(f)
		if id == semantic.NoBinding {
			return
		}
		b := m.Binding(id)
		switch d := b.Node.(type) {
		case *ast.FunctionDef:
			args, body = d.Args, d
		case *ast.AsyncFunctionDef:
			return // a coroutine function cannot be a task factory
		default:
			if l, ok := boundValue(m, b).(*ast.Lambda); ok {
				args, body = l.Args, l.Body
			}
		}
	}
	if args == nil || args.Kwarg != nil {
		return
	}
	positional := len(args.Posonlyargs) + len(args.Args)
	if positional < 2 && args.Vararg == nil {
		return // not a factory signature we understand
	}
	p.ReportFix(checks.SpanOf(call.Args[0]),
		"Python 3.14 calls task factories with the keyword arguments of `create_task()` (name=, context=): this factory takes no **kwargs and raises TypeError",
		taskFactoryFix(p, args, body))
}

// taskFactoryFix adds **kwargs to the factory and passes them to its one
// asyncio.Task(...) call.
func taskFactoryFix(p *checks.Pass, args *ast.Arguments, body ast.Node) *checks.Fix {
	m := p.Model
	var tasks []*ast.Call
	ast.Inspect(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && m.MatchesQualified(c.Func, "asyncio.Task", "asyncio.tasks.Task") {
			tasks = append(tasks, c)
		}
		return true
	})
	if len(tasks) != 1 {
		return nil
	}
	for _, k := range tasks[0].Keywords {
		if k.Arg == "" {
			return nil
		}
	}
	return &checks.Fix{Title: "Accept `**kwargs` and pass them to `Task`", Applicability: checks.Unsafe,
		Edits: []checks.Edit{checks.Insert(paramsEnd(args), ", **kwargs"), addKeywordEdit(p, tasks[0], "**kwargs")}}
}

// paramsEnd returns the end of the last parameter (with its annotation or
// default) of a parameter list that has at least one.
func paramsEnd(args *ast.Arguments) token.Pos {
	var end token.Pos
	grow := func(n ast.Node) {
		if n != nil && n.End() > end {
			end = n.End()
		}
	}
	for _, a := range allArgs(args) {
		grow(a)
	}
	for _, d := range args.Defaults {
		grow(d)
	}
	for _, d := range args.KwDefaults {
		if d != nil {
			grow(d)
		}
	}
	return end
}
