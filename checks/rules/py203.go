package rules

import (
	"maps"
	"slices"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY203 reports the asyncio event loop policy system, deprecated in
// Python 3.14.
var PY203 = &checks.Rule{
	Code:     "PY203",
	Name:     "deprecated-asyncio-policy",
	Summary:  "the asyncio event loop policy system is deprecated since Python 3.14 and will be removed in 3.16",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY203,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "asyncio") },
	Doc: portDoc(`## What it does
Reports ˋasyncio.get_event_loop_policyˋ, ˋasyncio.set_event_loop_policyˋ,
ˋasyncio.AbstractEventLoopPolicyˋ, ˋasyncio.DefaultEventLoopPolicyˋ,
ˋasyncio.WindowsSelectorEventLoopPolicyˋ and ˋasyncio.WindowsProactorEventLoopPolicyˋ, and
imports of them; and, as errors, the policy classes reached through the submodules
ˋasyncio.eventsˋ, ˋasyncio.unix_eventsˋ and ˋasyncio.windows_eventsˋ.

It reports nothing when the target is older than Python 3.12: the replacement,
ˋasyncio.run(..., loop_factory=...)ˋ, is new in 3.12.

## Why it matters on Python 3.14
Python 3.14 deprecated the whole policy system: the functions warn when called and the
classes when they are looked up (ˋDeprecationWarning: 'asyncio.DefaultEventLoopPolicy' is
deprecated and slated for removal in Python 3.16ˋ), and Python 3.16 removes them. In the
submodules the classes are already gone: Python 3.14 renamed them with a leading underscore,
so ˋasyncio.events.AbstractEventLoopPolicyˋ raises AttributeError.

## Example
ˋˋˋpython
import asyncio

asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())
asyncio.run(main())
ˋˋˋ

## Use instead
ˋˋˋpython
import asyncio

asyncio.run(main(), loop_factory=asyncio.SelectorEventLoop)
ˋˋˋ

## Fix safety
No fix is offered: choosing the loop moves from global state to each ˋasyncio.run()ˋ or
ˋasyncio.Runner()ˋ call, which changes the structure of the program.

## References
- [What's New in Python 3.14: Deprecated](https://docs.python.org/3.14/whatsnew/3.14.html#deprecated)
- [asyncio.run](https://docs.python.org/3.14/library/asyncio-runner.html#asyncio.run)
`),
}

var asyncioPolicyNames = map[string]bool{
	"get_event_loop_policy": true, "set_event_loop_policy": true, "AbstractEventLoopPolicy": true,
	"DefaultEventLoopPolicy": true, "WindowsSelectorEventLoopPolicy": true, "WindowsProactorEventLoopPolicy": true,
}

// renamedPolicyClasses are the policy classes that Python 3.14 made private
// in asyncio's submodules.
var renamedPolicyClasses = map[string]bool{
	"asyncio.events.AbstractEventLoopPolicy":                true,
	"asyncio.events.BaseDefaultEventLoopPolicy":             true,
	"asyncio.unix_events.DefaultEventLoopPolicy":            true,
	"asyncio.windows_events.DefaultEventLoopPolicy":         true,
	"asyncio.windows_events.WindowsSelectorEventLoopPolicy": true,
	"asyncio.windows_events.WindowsProactorEventLoopPolicy": true,
}

// policyNames are the last components of the names PY203 reports.
var policyNames = lastNames(append(slices.Sorted(maps.Keys(renamedPolicyClasses)), slices.Sorted(maps.Keys(asyncioPolicyNames))...)...)

func checkPY203(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, policyNames, func(q string, ref ast.Node) {
		mod, name, _ := cutLast(q)
		switch {
		case renamedPolicyClasses[q]:
			if !portingExempt(p.Model, n, since314, true) {
				p.Report(checks.Diagnostic{Span: checks.SpanOf(ref), Severity: checks.Error,
					Message: "`" + q + "` was renamed `_" + name + "` in Python 3.14: " + refWording(ref) + " raises " + failure(ref) +
						"; the policy system is deprecated and will be removed in Python 3.16"})
			}
		case (mod == "asyncio" || mod == "asyncio.events" && (name == "get_event_loop_policy" || name == "set_event_loop_policy")) && asyncioPolicyNames[name]:
			if !p.TargetBelow(since312) && !portingExempt(p.Model, n, since314, false) {
				p.Reportf(ref, "`%s` is deprecated since Python 3.14 and will be removed in Python 3.16; pass `loop_factory=` to `asyncio.run()` or `asyncio.Runner()`", q)
			}
		}
	})
}
