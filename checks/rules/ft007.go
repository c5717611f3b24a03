package rules

import (
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// FT007 reports ways of asking about the GIL that do not work.
var FT007 = &checks.Rule{
	Code:     "FT007",
	Name:     "unreliable-gil-probe",
	Summary:  "probe for the GIL that breaks or misleads: unguarded `sys._is_gil_enabled()`, `sys.version` sniffing, `PYTHON_GIL` set at run time",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindCompare, ast.KindCall, ast.KindAssign, ast.KindDelete},
	Check:    checkFT007,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "sys", "os") },
	Doc: `## What it does
Reports three ways of probing for free threading that do not do what they seem to:

- ` + "`sys._is_gil_enabled()`" + ` without a ` + "`hasattr`" + `/` + "`getattr`" + ` guard, a ` + "`try`" + ` that catches
  ` + "`AttributeError`" + `, or a ` + "`sys.version_info >= (3, 13)`" + ` check, when the target Python version
  is older than 3.13;
- looking in ` + "`sys.version`" + ` for a text Python 3.14 does not print there: 3.13's
  "experimental free-threading build", "nogil", "free-threaded" (3.14 says
  "free-threading build");
- setting or removing ` + "`PYTHON_GIL`" + `, ` + "`PYTHON_CONTEXT_AWARE_WARNINGS`" + ` or
  ` + "`PYTHON_THREAD_INHERIT_CONTEXT`" + ` in ` + "`os.environ`" + ` (or with ` + "`os.putenv`" + `), unless the same code
  then starts a child process, which does read them.

## Why it matters on Python 3.14
` + "`sys._is_gil_enabled()`" + ` only exists since 3.13: on older versions the call raises
` + "`AttributeError`" + `. Python 3.14 dropped the word "experimental" from the version string of
the free-threaded build, so a test for 3.13's text is now always false, and other spellings
never matched. The documented ways are ` + "`sysconfig.get_config_var(\"Py_GIL_DISABLED\")`" + ` for the
build (the recommended one for decisions) and ` + "`sys._is_gil_enabled()`" + ` for whether the GIL is
on now: a free-threaded interpreter re-enables it when it imports an extension module that
does not declare support, or when started with ` + "`PYTHON_GIL=1`" + `. The three environment variables
are read once, when the interpreter starts: setting them from Python changes nothing in the
running process.

## Example
` + "```python" + `
import os
import sys

FREE_THREADED = "experimental free-threading build" in sys.version  # never on 3.14
GIL_ON = sys._is_gil_enabled()      # AttributeError on 3.12 and older
os.environ["PYTHON_GIL"] = "0"      # too late: the interpreter already started
` + "```" + `

## Use instead
` + "```python" + `
import sys
import sysconfig

FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
GIL_ON = getattr(sys, "_is_gil_enabled", lambda: True)()
# Start the interpreter with PYTHON_GIL=0 or -X gil=0 instead.
` + "```" + `

## Fix safety
` + "`sys._is_gil_enabled()`" + ` becomes ` + "`getattr(sys, \"_is_gil_enabled\", lambda: True)()`" + `: the same on
3.13 and later, ` + "`True`" + ` (the GIL is always on there) instead of an ` + "`AttributeError`" + ` before.
The fix is unsafe because it removes that exception. The ` + "`sys.version`" + ` test is shown
replaced by the ` + "`sysconfig`" + ` test (display only: ` + "`sysconfig`" + ` may need importing).
Environment variable assignments have no fix.

## References
- [sys._is_gil_enabled](https://docs.python.org/3.14/library/sys.html#sys._is_gil_enabled)
- [Python 3.14 free-threading HOWTO: identifying free-threaded Python](https://docs.python.org/3.14/howto/free-threading-python.html#identifying-free-threaded-python)
- [PYTHON_GIL](https://docs.python.org/3.14/using/cmdline.html#envvar-PYTHON_GIL)
`,
}

// startupVariables are read only when the interpreter starts.
var startupVariables = map[string]bool{
	"PYTHON_GIL": true, "PYTHON_CONTEXT_AWARE_WARNINGS": true, "PYTHON_THREAD_INHERIT_CONTEXT": true,
}

func checkFT007(p *checks.Pass, n ast.Node) {
	m := p.Model
	switch n := n.(type) {
	case *ast.Attribute:
		if n.Ctx == ast.Load && n.Attr == "_is_gil_enabled" && m.QualifiedName(n) == "sys._is_gil_enabled" &&
			p.TargetBelow(parser.Version{Major: 3, Minor: 13}) && !gilProbeGuarded(p, n) {
			var fix *checks.Fix
			if c, ok := m.Parent(n).(*ast.Call); ok && c.Func == ast.Expr(n) && len(c.Args) == 0 && len(c.Keywords) == 0 {
				text := "getattr(" + p.Text(n.Value) + ", \"_is_gil_enabled\", lambda: True)()"
				fix = &checks.Fix{Title: "Replace with `" + text + "`", Applicability: checks.Unsafe,
					Edits: []checks.Edit{checks.Replace(checks.SpanOf(c), text)}}
			}
			p.ReportFix(checks.SpanOf(n), "`sys._is_gil_enabled()` exists only on Python 3.13 and later: on the older versions the target includes it raises AttributeError", fix)
		}
	case *ast.Compare:
		if len(n.Ops) == 1 && (n.Ops[0] == ast.In || n.Ops[0] == ast.NotIn) && sniffsFreeThreading(n.Left) &&
			m.MatchesQualified(n.Comparators[0], "sys.version") {
			text := "bool(sysconfig.get_config_var(\"Py_GIL_DISABLED\"))"
			if n.Ops[0] == ast.NotIn {
				text = "not sysconfig.get_config_var(\"Py_GIL_DISABLED\")"
			}
			p.ReportFix(checks.SpanOf(n), "`sys.version` never contains "+p.Text(n.Left)+" on Python 3.14, whose free-threaded build says \"free-threading build\": use `sysconfig.get_config_var(\"Py_GIL_DISABLED\")` for the build, and `sys._is_gil_enabled()` for whether the GIL is on",
				&checks.Fix{Title: "Replace with `" + text + "`", Applicability: checks.DisplayOnly, Edits: []checks.Edit{checks.Replace(checks.SpanOf(n), text)}})
		}
	case *ast.Call:
		if a, ok := n.Func.(*ast.Attribute); ok && m.MatchesQualified(a.Value, "sys.version") && len(n.Args) > 0 && sniffsFreeThreading(n.Args[0]) {
			switch a.Attr {
			case "find", "index", "count", "rfind", "__contains__":
				p.Reportf(n, "`sys.version` never contains %s on Python 3.14, whose free-threaded build says \"free-threading build\": use `sysconfig.get_config_var(\"Py_GIL_DISABLED\")` for the build, and `sys._is_gil_enabled()` for whether the GIL is on", p.Text(n.Args[0]))
			}
			return
		}
		q := m.QualifiedIn(n.Func, environSetters...)
		var names []ast.Expr
		switch q {
		case "os.putenv", "os.unsetenv", "os.environ.setdefault", "os.environ.pop", "os.environ.__setitem__", "os.environ.__delitem__":
			if len(n.Args) > 0 {
				names = append(names, n.Args[0])
			}
		case "os.environ.update":
			for _, a := range n.Args {
				if d, ok := a.(*ast.Dict); ok {
					for _, k := range d.Keys {
						if k != nil {
							names = append(names, k)
						}
					}
				}
			}
			for _, k := range n.Keywords {
				if startupVariables[k.Arg] {
					reportStartupVariable(p, n, k.Arg)
				}
			}
		}
		for _, e := range names {
			if s, ok := stringConstant(e); ok && startupVariables[s] {
				reportStartupVariable(p, n, s)
			}
		}
	case *ast.Assign:
		for _, target := range n.Targets {
			if s, ok := environItem(p, target); ok {
				reportStartupVariable(p, n, s)
			}
		}
	case *ast.Delete:
		for _, target := range n.Targets {
			if s, ok := environItem(p, target); ok {
				reportStartupVariable(p, n, s)
			}
		}
	}
}

// environItem recognizes os.environ["PYTHON_GIL"] and the like.
// environSetters are the functions that change os.environ.
var environSetters = []string{
	"os.putenv", "os.unsetenv", "os.environ.setdefault", "os.environ.pop", "os.environ.__setitem__",
	"os.environ.__delitem__", "os.environ.update",
}

func environItem(p *checks.Pass, e ast.Expr) (string, bool) {
	s, ok := e.(*ast.Subscript)
	if !ok || !p.Model.MatchesQualified(s.Value, "os.environ") {
		return "", false
	}
	name, ok := stringConstant(s.Slice)
	return name, ok && startupVariables[name]
}

func reportStartupVariable(p *checks.Pass, n ast.Node, name string) {
	if startsChildAfter(p, n) {
		return
	}
	p.Reportf(n, "`%s` is read only when the interpreter starts: changing it in `os.environ` at run time does nothing in this process, only in child processes started later", name)
}

// childStarters start a process that reads the environment.
var childStarters = []string{
	"subprocess.run", "subprocess.Popen", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
	"subprocess.getoutput", "subprocess.getstatusoutput", "os.system", "os.popen", "os.execv", "os.execve",
	"os.execl", "os.execle", "os.execlp", "os.execlpe", "os.execvp", "os.execvpe", "os.spawnv", "os.spawnve",
	"os.spawnl", "os.spawnle", "os.posix_spawn", "os.posix_spawnp", "multiprocessing.Process",
	"asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell", "pty.spawn",
}

// startsChildAfter reports whether the function (or module code) holding
// n starts a child process after n.
func startsChildAfter(p *checks.Pass, n ast.Node) bool {
	m := p.Model
	fn := m.FunctionOf(n)
	found := false
	for _, info := range m.Nodes {
		c, ok := info.Node.(*ast.Call)
		if !ok || c.Pos() < n.End() || m.FunctionOf(c) != fn {
			continue
		}
		if m.MatchesQualified(c.Func, childStarters...) {
			found = true
			break
		}
		if a, ok := c.Func.(*ast.Attribute); ok && (a.Attr == "Popen" || a.Attr == "run" && strings.Contains(p.Text(a.Value), "subprocess")) {
			found = true
			break
		}
	}
	return found
}

// freeThreadingVersionText is how sys.version names the free-threaded
// build in Python 3.14 ("3.14.0 free-threading build (main, ...)"); 3.13
// said "experimental free-threading build".
const freeThreadingVersionText = "free-threading build"

// sniffsFreeThreading reports whether e is a string meant to find the
// free-threaded build in sys.version that the 3.14 text does not contain.
func sniffsFreeThreading(e ast.Expr) bool {
	s, ok := stringConstant(e)
	if !ok {
		return false
	}
	l := strings.ToLower(s)
	if !strings.Contains(l, "free-thread") && !strings.Contains(l, "free thread") && !strings.Contains(l, "freethread") && !strings.Contains(l, "nogil") {
		return false
	}
	return !strings.Contains(freeThreadingVersionText, s)
}

// gilProbeGuarded reports whether a reference to sys._is_gil_enabled only
// runs where it exists: under hasattr(sys, "_is_gil_enabled"), a try
// catching AttributeError, a version check for 3.13 or later, or in an
// expression guarded the same way.
func gilProbeGuarded(p *checks.Pass, n ast.Node) bool {
	m := p.Model
	if lo, _ := m.VersionRange(n); !lo.Less(parser.Version{Major: 3, Minor: 13}) {
		return true
	}
	info := m.Info(n)
	for g := info.Guard; g != semantic.NoGuard; g = m.Guards[g].Parent {
		gd := &m.Guards[g]
		switch gd.Kind {
		case semantic.TryGuard:
			return true
		case semantic.HasAttrGuard:
			if strings.HasSuffix(gd.Name, "_is_gil_enabled") {
				return true
			}
		}
	}
	guarded := false
	prev := ast.Node(n)
	m.Ancestors(n, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.IfExp:
			if prev == ast.Node(a.Body) && guardsGILProbe(p, a.Test) {
				guarded = true
			}
		case *ast.If:
			if hasStmt(a.Body, prev) && guardsGILProbe(p, a.Test) || hasStmt(a.Orelse, prev) && excludesGILProbe(p, a.Test) {
				guarded = true
			}
		case *ast.BoolOp:
			if a.Op == ast.And {
				for _, v := range a.Values {
					if v == prev {
						break
					}
					if guardsGILProbe(p, v) {
						guarded = true
					}
				}
			}
		}
		// An earlier statement of the block leaves when the probe is
		// missing: if not hasattr(sys, "_is_gil_enabled"): return
		for _, block := range blocksOf(a) {
			for _, st := range block {
				if ast.Node(st) == prev {
					break
				}
				if f, ok := st.(*ast.If); ok && len(f.Orelse) == 0 && excludesGILProbe(p, f.Test) && leaves(f.Body) {
					guarded = true
				}
			}
		}
		switch a.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		}
		prev = a
		return !guarded
	})
	return guarded
}

// excludesGILProbe reports whether a test is true where
// sys._is_gil_enabled may be missing: the negation of a guardsGILProbe
// test, or sys.version_info < (3, 13).
func excludesGILProbe(p *checks.Pass, test ast.Expr) bool {
	switch x := test.(type) {
	case *ast.UnaryOp:
		return x.Op == ast.Not && guardsGILProbe(p, x.Operand)
	case *ast.Compare:
		if len(x.Ops) != 1 {
			return false
		}
		switch x.Ops[0] {
		case ast.NotIn:
			return guardsGILProbe(p, &ast.Compare{Left: x.Left, Ops: []ast.CmpOp{ast.In}, Comparators: x.Comparators})
		case ast.Lt:
			return guardsGILProbe(p, &ast.Compare{Left: x.Left, Ops: []ast.CmpOp{ast.GtE}, Comparators: x.Comparators})
		}
	case *ast.BoolOp:
		if x.Op == ast.Or {
			for _, v := range x.Values {
				if excludesGILProbe(p, v) {
					return true
				}
			}
		}
	}
	return false
}

// leaves reports whether a block always leaves the code after it: it ends
// with raise, return, continue or break, or a call that does not return
// (sys.exit, pytest.skip, self.skipTest).
func leaves(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	switch last := body[len(body)-1].(type) {
	case *ast.Raise, *ast.Return, *ast.Continue, *ast.Break:
		return true
	case *ast.ExprStmt:
		if c, ok := last.Value.(*ast.Call); ok {
			switch finalIdent(c.Func) {
			case "exit", "_exit", "skip", "skipTest", "fail", "abort":
				return true
			}
		}
	}
	return false
}

// guardsGILProbe reports whether a test makes sure sys._is_gil_enabled
// exists: hasattr(sys, "_is_gil_enabled"), sys.version_info >= (3, 13),
// or a test for the free-threaded build (sysconfig's Py_GIL_DISABLED, or
// "free-threading" in sys.version), which exists only since 3.13.
func guardsGILProbe(p *checks.Pass, test ast.Expr) bool {
	switch x := test.(type) {
	case *ast.Call:
		if f, ok := x.Func.(*ast.Name); ok && f.Id == "hasattr" && len(x.Args) == 2 {
			s, ok := stringConstant(x.Args[1])
			return ok && s == "_is_gil_enabled"
		}
		if p.Model.MatchesQualified(x.Func, "sysconfig.get_config_var") && len(x.Args) == 1 {
			s, ok := stringConstant(x.Args[0])
			return ok && s == "Py_GIL_DISABLED"
		}
		if p.Model.MatchesQualified(x.Func, "builtins.bool") && len(x.Args) == 1 {
			return guardsGILProbe(p, x.Args[0])
		}
	case *ast.BoolOp:
		if x.Op == ast.And {
			for _, v := range x.Values {
				if guardsGILProbe(p, v) {
					return true
				}
			}
		}
	case *ast.Compare:
		if len(x.Ops) == 1 && (x.Ops[0] == ast.Eq || x.Ops[0] == ast.Is) && guardsGILProbe(p, x.Left) {
			return true
		}
		// "free-threading" in sys.version: only free-threaded builds, 3.13+.
		if len(x.Ops) == 1 && x.Ops[0] == ast.In && p.Model.MatchesQualified(x.Comparators[0], "sys.version") {
			if s, ok := stringConstant(x.Left); ok && strings.Contains(strings.ToLower(s), "free-thread") {
				return true
			}
		}
		if len(x.Ops) == 1 && (x.Ops[0] == ast.GtE || x.Ops[0] == ast.Gt) {
			left := x.Left
			if s, ok := left.(*ast.Subscript); ok {
				left = s.Value
			}
			if p.Model.MatchesQualified(left, "sys.version_info") {
				if tup, ok := x.Comparators[0].(*ast.Tuple); ok && len(tup.Elts) >= 2 {
					maj, ok1 := constantNumber(tup.Elts[0])
					min, ok2 := constantNumber(tup.Elts[1])
					return ok1 && ok2 && maj == 3 && (min >= 13 || x.Ops[0] == ast.Gt && min >= 12)
				}
			}
		}
	}
	return false
}
