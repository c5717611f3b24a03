package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY109 reports the isdst argument of email.utils.localtime, which Python
// 3.14 removed.
var PY109 = &checks.Rule{
	Code:     "PY109",
	Name:     "removed-localtime-isdst",
	Summary:  "`email.utils.localtime()` no longer accepts `isdst` in Python 3.14",
	Severity: checks.Error,
	Default:  true,
	Fix:      checks.FixAlways,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY109,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "email") },
	Doc: portDoc(`## What it does
Reports calls of ˋemail.utils.localtime()ˋ that pass ˋisdstˋ, by keyword or as the second
positional argument.

## Why it matters on Python 3.14
The argument has been ignored since 3.12, where it was deprecated; Python 3.14 removed it.
ˋlocaltime(isdst=1)ˋ raises ˋTypeError: localtime() got an unexpected keyword argument
'isdst'ˋ and ˋlocaltime(dt, 1)ˋ raises ˋTypeError: localtime() takes from 0 to 1 positional
arguments but 2 were givenˋ.

## Example
ˋˋˋpython
from email.utils import localtime

now = localtime(isdst=-1)
ˋˋˋ

## Use instead
ˋˋˋpython
from email.utils import localtime

now = localtime()
ˋˋˋ

## Fix safety
The fix deletes the argument. It is safe: the value was not used.

## References
- [What's New in Python 3.14: Removed](https://docs.python.org/3.14/whatsnew/3.14.html#removed)
- [email.utils.localtime](https://docs.python.org/3.14/library/email.utils.html#email.utils.localtime)
`),
}

func checkPY109(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	if !calls(p, call, "email.utils.localtime") || portingExempt(p.Model, n, since314, true) {
		return
	}
	value := argument(call, 1, "isdst")
	if value == nil {
		return
	}
	var arg ast.Node = value
	if k := keyword(call, "isdst"); k != nil && k.Value == value {
		arg = k
	}
	p.ReportFix(checks.SpanOf(arg), "`email.utils.localtime()` has no `isdst` parameter in Python 3.14: passing it raises TypeError (it was ignored)",
		newFix("Remove the `isdst` argument", checks.Safe, removeArgs(call, arg)...))
}
