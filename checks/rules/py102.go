package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY102 reports the asyncio child watcher API that Python 3.14 removed.
var PY102 = &checks.Rule{
	Code:     "PY102",
	Name:     "removed-asyncio-child-watcher",
	Summary:  "asyncio child watchers and `get_child_watcher`/`set_child_watcher` were removed in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY102,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "asyncio") },
	Doc: portDoc(`## What it does
Reports the child watcher classes of ˋasyncioˋ (ˋAbstractChildWatcherˋ, ˋSafeChildWatcherˋ,
ˋMultiLoopChildWatcherˋ, ˋFastChildWatcherˋ, ˋThreadedChildWatcherˋ, ˋPidfdChildWatcherˋ), the
functions ˋasyncio.get_child_watcher()ˋ and ˋasyncio.set_child_watcher()ˋ, and the event loop
policy methods of the same names, in a module that imports ˋasyncioˋ.

## Why it matters on Python 3.14
They were deprecated in 3.12 and Python 3.14 removed them: ˋasyncio.SafeChildWatcherˋ raises
AttributeError, ˋfrom asyncio import SafeChildWatcherˋ raises ImportError, and
ˋpolicy.get_child_watcher()ˋ raises AttributeError. Since 3.12 asyncio watches the child
processes it starts by itself (with a pidfd where the platform has one, with a thread
otherwise), so the calls have nothing left to do.

## Example
ˋˋˋpython
import asyncio

asyncio.set_child_watcher(asyncio.ThreadedChildWatcher())
ˋˋˋ

## Use instead
ˋˋˋpython
import asyncio

# nothing to set up: asyncio.create_subprocess_exec() watches its children
ˋˋˋ

## Fix safety
No fix is offered: the calls can usually be deleted, but code that subclassed a watcher or
relied on its callbacks needs a person.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [asyncio subprocesses](https://docs.python.org/3.14/library/asyncio-subprocess.html)
`),
}

// childWatcherNames are the names Python 3.14 removed from asyncio and
// from asyncio.unix_events.
var childWatcherNames = map[string]bool{
	"AbstractChildWatcher": true, "SafeChildWatcher": true, "MultiLoopChildWatcher": true,
	"FastChildWatcher": true, "ThreadedChildWatcher": true, "PidfdChildWatcher": true,
	"get_child_watcher": true, "set_child_watcher": true,
}

var childWatcherNamesLasts = lastNamesOf(childWatcherNames)

func checkPY102(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, childWatcherNamesLasts, func(q string, ref ast.Node) {
		mod, name, _ := cutLast(q)
		if (mod == "asyncio" || mod == "asyncio.unix_events") && childWatcherNames[name] && !portingExempt(p.Model, n, since314, true) {
			p.Reportf(ref, "`%s` was removed in Python 3.14: %s raises %s; asyncio watches child processes itself since 3.12",
				q, refWording(ref), failure(ref))
		}
	})
	// policy.get_child_watcher() on an event loop policy object.
	if a, ok := n.(*ast.Attribute); ok && a.Ctx == ast.Load && (a.Attr == "get_child_watcher" || a.Attr == "set_child_watcher") &&
		p.Model.QualifiedName(a) == "" && importsPackage(p, "asyncio") && !portingExempt(p.Model, n, since314, true) {
		p.Reportf(a, "event loop policies lost `%s()` in Python 3.14: the call raises AttributeError; asyncio watches child processes itself since 3.12", a.Attr)
	}
}
