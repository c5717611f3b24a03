package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY110 reports argparse usages that Python 3.14 turned into errors:
// type, choices and metavar for BooleanOptionalAction, and nested argument
// groups.
var PY110 = &checks.Rule{
	Code:     "PY110",
	Name:     "removed-argparse-usage",
	Summary:  "argparse rejects `BooleanOptionalAction` with `type`/`choices`/`metavar`, and nested groups, in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY110,
	Doc: portDoc(`## What it does
Reports ˋtypeˋ, ˋchoicesˋ and ˋmetavarˋ given to an argument whose action is
ˋargparse.BooleanOptionalActionˋ (or to the class itself), and argument groups created on a
group: ˋadd_argument_group()ˋ called on an argument group or a mutually exclusive group, and
ˋadd_mutually_exclusive_group()ˋ called on a mutually exclusive group. The group must come
from an ˋadd_argument_group()ˋ or ˋadd_mutually_exclusive_group()ˋ call seen in the same scope.

## Why it matters on Python 3.14
All of these were deprecated in 3.11 or 3.12, and Python 3.14 turned them into errors:
ˋadd_argument("--x", action=BooleanOptionalAction, type=int)ˋ raises ˋTypeError:
BooleanOptionalAction.__init__() got an unexpected keyword argument 'type'ˋ, and
ˋgroup.add_argument_group("g")ˋ raises ˋValueError: argument groups cannot be nestedˋ
(ˋmutually exclusive groups cannot be nestedˋ for the other case). A mutually exclusive
group inside an argument group is still allowed.

## Example
ˋˋˋpython
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--color", action=argparse.BooleanOptionalAction, type=bool)
output = parser.add_argument_group("output")
details = output.add_argument_group("details")
ˋˋˋ

## Use instead
ˋˋˋpython
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--color", action=argparse.BooleanOptionalAction)
output = parser.add_argument_group("output")
details = parser.add_argument_group("details")
ˋˋˋ

## Fix safety
The fix deletes the keyword. The action takes no value, so none of the three ever had an
effect on parsing, usage or help (checked on Python 3.9 to 3.13): the fix is safe, unless the
ˋhelpˋ text may name the value with ˋ%(type)sˋ, ˋ%(choices)sˋ or ˋ%(metavar)sˋ (it is not a
string literal, or it does), which makes it unsafe. Nested groups are reported without a fix:
flattening them changes how the help is laid out.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [argparse.BooleanOptionalAction](https://docs.python.org/3.14/library/argparse.html#argparse.BooleanOptionalAction)
`),
}

func checkPY110(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	recv, method, isMethod := methodCall(call)
	if isMethod && method != "add_argument" && method != "add_argument_group" && method != "add_mutually_exclusive_group" &&
		method != "BooleanOptionalAction" {
		return // no case below: the method name says so without resolving the callee
	}
	boolAction := calls(p, call, "argparse.BooleanOptionalAction")
	if isMethod && method == "add_argument" {
		if k := keyword(call, "action"); k != nil && p.Model.MatchesQualified(k.Value, "argparse.BooleanOptionalAction") {
			boolAction = true
		}
	}
	if boolAction {
		if portingExempt(p.Model, n, since314, true) {
			return
		}
		for _, name := range []string{"type", "choices", "metavar"} {
			k := keyword(call, name)
			if k == nil {
				continue
			}
			app := checks.Safe
			if h := keyword(call, "help"); h != nil {
				if text, ok := stringConstant(h.Value); !ok || strings.Contains(text, "%("+name+")") {
					app = checks.Unsafe
				}
			}
			p.ReportFix(checks.SpanOf(k),
				"`BooleanOptionalAction` accepts no `"+name+"` in Python 3.14: passing it raises TypeError",
				newFix("Remove `"+name+"=`", app, removeArgs(call, k)...))
		}
		return
	}
	if !isMethod || (method != "add_argument_group" && method != "add_mutually_exclusive_group") {
		return
	}
	made := producer(p.Model, recv)
	if made == nil {
		return
	}
	_, parent, ok := methodCall(made)
	if !ok {
		return
	}
	if portingExempt(p.Model, n, since314, true) {
		return
	}
	switch {
	case method == "add_argument_group" && (parent == "add_argument_group" || parent == "add_mutually_exclusive_group"):
		p.Reportf(call.Func, "nested argument groups are an error in Python 3.14: `%s()` on a group raises ValueError: argument groups cannot be nested", method)
	case method == "add_mutually_exclusive_group" && parent == "add_mutually_exclusive_group":
		p.Reportf(call.Func, "nested mutually exclusive groups are an error in Python 3.14: `%s()` on one raises ValueError: mutually exclusive groups cannot be nested", method)
	}
}
