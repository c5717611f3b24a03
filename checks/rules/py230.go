package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY230 reports the marker methods of wave objects, deprecated and
// removed in Python 3.15.
var PY230 = &checks.Rule{
	Code:     "PY230",
	Name:     "deprecated-wave-marker-method",
	Summary:  "`wave` `getmark()`, `setmark()` and `getmarkers()` are deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindCall},
	Check:    checkPY230,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "wave") },
	Doc: portDoc(`## What it does
Reports ˋgetmark()ˋ, ˋsetmark()ˋ and ˋgetmarkers()ˋ method calls in a module that imports
ˋwaveˋ.

## Why it matters on Python 3.14
WAV files have no markers: ˋgetmarkers()ˋ always returned None, ˋgetmark()ˋ always raised
ˋwave.Errorˋ and ˋsetmark()ˋ raised ˋwave.Error: setmark() not supportedˋ. The methods were
kept for compatibility with ˋaifcˋ, which left the standard library in 3.13; they were
deprecated then and Python 3.15 removes them. On 3.14 they warn, for example
ˋDeprecationWarning: 'Wave_read.getmarkers' is deprecated and slated for removal in Python
3.15ˋ.

## Example
ˋˋˋpython
import wave

with wave.open("beep.wav") as w:
    markers = w.getmarkers()
ˋˋˋ

## Use instead
ˋˋˋpython
import wave

with wave.open("beep.wav") as w:
    markers = None  # WAV files have no markers
ˋˋˋ

## Fix safety
No fix is offered.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [wave](https://docs.python.org/3.14/library/wave.html)
`),
}

func checkPY230(p *checks.Pass, n ast.Node) {
	call := n.(*ast.Call)
	_, m, ok := methodCall(call)
	if !ok || (m != "getmark" && m != "setmark" && m != "getmarkers") || p.Model.QualifiedName(call.Func) != "" ||
		!importsPackage(p, "wave") || portingExempt(p.Model, n, since314, false) {
		return
	}
	p.Reportf(call.Func, "wave `%s()` is deprecated and will be removed in Python 3.15; WAV files have no markers", m)
}
