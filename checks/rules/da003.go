package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
)

// DA003 reports annotations read from a class namespace or a class's
// __dict__.
var DA003 = &checks.Rule{
	Code:     "DA003",
	Name:     "annotations-from-namespace",
	Summary:  "`__annotations__` read from a class namespace or `__dict__`, where Python 3.14 no longer stores it",
	Severity: checks.Warning,
	Default:  true,
	Fix:      checks.FixSometimes,
	Kinds:    []ast.Kind{ast.KindSubscript, ast.KindCall, ast.KindCompare},
	Check:    checkDA003,
	// Every report is of a name, an attribute or a str constant "__annotations__".
	Applies: daNamesAnnotations,
	Doc: `## What it does
Reports reads of the key ` + "`'__annotations__'`" + ` (` + "`ns['__annotations__']`" + `,
` + "`ns.get('__annotations__')`, `ns.setdefault('__annotations__', ...)`, `ns.pop(...)`" + ` and
` + "`'__annotations__' in ns`" + `) where ` + "`ns`" + ` is:
- the namespace a metaclass's ` + "`__new__`" + ` or ` + "`__init__`" + ` receives (its fourth parameter), in a
  class deriving from ` + "`type`" + `, ` + "`abc.ABCMeta`" + `, ` + "`enum.EnumMeta`" + ` or another metaclass;
- the ` + "`__dict__`" + ` of any object (` + "`cls.__dict__`, `type(x).__dict__`" + `), ` + "`vars(obj)`" + ` or
  ` + "`getattr(obj, '__dict__')`" + `, or a variable assigned one of these.

Code that only runs before 3.14 (under a ` + "`sys.version_info`" + ` check or a version flag), functions
that already use ` + "`annotationlib`, `__annotate__` or `__annotate_func__`" + `, instance dictionaries
(` + "`self.__dict__`" + `, which never held annotations) and modules created with
` + "`types.ModuleType(...)`" + ` (whose dictionary behaves as before) are not reported.

## Why it matters on Python 3.14
A class body no longer puts an ` + "`__annotations__`" + ` dictionary into its namespace: it stores the
annotate function under an internal key, and the class computes ` + "`__annotations__`" + ` when it is
first read (caching it under another internal key). A metaclass that reads
` + "`ns['__annotations__']`" + ` gets a KeyError; one that reads ` + "`ns.get('__annotations__', {})`" + ` sees
no fields at all, silently. The same holds for ` + "`cls.__dict__`" + ` in ` + "`__init_subclass__`" + `, class
decorators and helpers, the idiom the annotations HOWTO recommended for Python 3.9 and older: a
class's dictionary never gets the key, even after the annotations have been read (they are cached
under another key). A module's dictionary gets it only once the module's annotations are first
read.
` + "`ns.setdefault('__annotations__', {})`" + ` is worse: it installs an empty dictionary that replaces
the class's real annotations.

Classes compiled with ` + "`from __future__ import annotations`" + ` still have the key (a dictionary of
strings), which is why this is a warning: the metaclass and the classes it builds are often in
different modules.

## Example
` + "```python" + `
class FieldsMeta(type):
    def __new__(mcls, name, bases, ns):
        ns["_fields"] = tuple(ns.get("__annotations__", {}))
        return super().__new__(mcls, name, bases, ns)

def fields(cls):
    return cls.__dict__.get("__annotations__", {})
` + "```" + `

## Use instead
` + "```python" + `
import annotationlib

class FieldsMeta(type):
    def __new__(mcls, name, bases, ns):
        annotate = annotationlib.get_annotate_from_class_namespace(ns)
        if annotate is not None:
            annotations = annotationlib.call_annotate_function(annotate, annotationlib.Format.FORWARDREF)
        else:
            annotations = ns.get("__annotations__", {})
        ns["_fields"] = tuple(annotations)
        return super().__new__(mcls, name, bases, ns)

def fields(cls):
    return annotationlib.get_annotations(cls)
` + "```" + `

## Fix safety
The fixes are unsafe, and offered only for subscripts and ` + "`.get`" + ` calls:
- A class ` + "`__dict__`" + ` read becomes ` + "`annotationlib.get_annotations(cls)`" + ` (` + "`inspect.get_annotations`" + `
  when the target includes 3.10 to 3.13; no fix for older targets). It returns a new dictionary on
  each call, so code that mutated the result to change the class's annotations no longer does; it
  returns ` + "`{}`" + ` where ` + "`.get('__annotations__')`" + ` returned None; and it evaluates the
  annotations, which raises NameError for a name that is not defined.
- A namespace read (target 3.14 and newer only) becomes a conditional expression that calls the
  namespace's annotate function with ` + "`Format.FORWARDREF`" + ` when there is one, and falls back to
  the original expression otherwise (for classes compiled with the future import, or without
  annotations). The annotations are now evaluated when the metaclass runs, and names that are not
  defined yet become ` + "`ForwardRef`" + ` objects instead of raising NameError.

## References
- [PEP 749: Annotations and metaclasses](https://peps.python.org/pep-0749/#annotations-and-metaclasses)
- [annotationlib.get_annotate_from_class_namespace](https://docs.python.org/3.14/library/annotationlib.html#annotationlib.get_annotate_from_class_namespace)
- [What's New in Python 3.14: related changes](https://docs.python.org/3.14/whatsnew/3.14.html#related-changes)
`,
}

// da003Source says what kind of mapping a namespace read reads.
type da003Source uint8

const (
	da003None      da003Source = iota
	da003Namespace             // the namespace of a class being created
	da003Dict                  // the __dict__ of an object
)

func checkDA003(p *checks.Pass, n ast.Node) {
	m := p.Model
	var ns ast.Expr
	var form string
	switch n := n.(type) {
	case *ast.Subscript:
		if n.Ctx != ast.Load {
			return
		}
		if k, ok := stringConstant(n.Slice); !ok || k != "__annotations__" {
			return
		}
		ns, form = n.Value, "subscript"
	case *ast.Call:
		attr, ok := n.Func.(*ast.Attribute)
		if !ok || len(n.Args) == 0 {
			return
		}
		switch attr.Attr {
		case "get", "setdefault", "pop":
		default:
			return
		}
		if k, ok := stringConstant(n.Args[0]); !ok || k != "__annotations__" {
			return
		}
		ns, form = attr.Value, attr.Attr
	case *ast.Compare:
		if len(n.Ops) != 1 || (n.Ops[0] != ast.In && n.Ops[0] != ast.NotIn) {
			return
		}
		if k, ok := stringConstant(n.Left); !ok || k != "__annotations__" {
			return
		}
		ns, form = n.Comparators[0], "in"
	}
	src, obj := da003Mapping(p, ns, 0)
	if src == da003None || src == da003Dict && da003FreshModule(m, obj) || daOnlyBefore314(m, n) {
		return
	}
	if fn := m.FunctionOf(n); fn != nil && daMentionsAnnotate314(p, fn) {
		return
	}
	var msg string
	switch {
	case form == "setdefault":
		msg = "Python 3.14 puts no `__annotations__` into class namespaces: `setdefault` installs an empty dictionary that replaces the class's annotations"
	case src == da003Namespace && form == "subscript":
		msg = "a class namespace has no `__annotations__` key in Python 3.14 (KeyError): the annotations are in an annotate function; use `annotationlib.get_annotate_from_class_namespace`"
	case src == da003Namespace:
		msg = "a class namespace has no `__annotations__` key in Python 3.14: this sees no annotations; use `annotationlib.get_annotate_from_class_namespace`"
	default:
		what := "a class `__dict__` has no `__annotations__` key in Python 3.14 (annotations are computed when read and cached under another key)"
		if da003Module(m, obj) {
			what = "a module's `__dict__` has no `__annotations__` key in Python 3.14 until its annotations are first read"
		}
		if form == "subscript" {
			msg = what + ": KeyError; use `annotationlib.get_annotations`"
		} else {
			msg = what + ": this sees no annotations; use `annotationlib.get_annotations`"
		}
	}
	var fix *checks.Fix
	if form == "subscript" || form == "get" {
		if src == da003Namespace {
			fix = da003NamespaceFix(p, n, ns)
		} else {
			fix = da003DictFix(p, n, obj)
		}
	}
	p.ReportFix(checks.SpanOf(n), msg, fix)
}

// da003Mapping says whether e is a class namespace or an object's
// __dict__, and returns the object whose __dict__ it is.
func da003Mapping(p *checks.Pass, e ast.Expr, depth int) (da003Source, ast.Expr) {
	m := p.Model
	switch e := e.(type) {
	case *ast.Attribute:
		if e.Attr == "__dict__" {
			if daIsInstanceRef(m, e.Value) {
				return da003None, nil
			}
			return da003Dict, e.Value
		}
	case *ast.Call:
		switch m.QualifiedName(e.Func) {
		case "builtins.vars":
			if len(e.Args) == 1 && len(e.Keywords) == 0 && !daIsInstanceRef(m, e.Args[0]) {
				return da003Dict, e.Args[0]
			}
		case "builtins.getattr":
			if len(e.Args) >= 2 && len(e.Keywords) == 0 {
				if k, ok := stringConstant(e.Args[1]); ok && k == "__dict__" && !daIsInstanceRef(m, e.Args[0]) {
					return da003Dict, e.Args[0]
				}
			}
		}
	case *ast.Name:
		id := m.Resolve(e)
		if id == semantic.NoBinding {
			return da003None, nil
		}
		b := m.Binding(id)
		switch b.Kind {
		case semantic.Parameter:
			if daIsNamespaceParam(m, b) {
				return da003Namespace, nil
			}
		case semantic.Assignment:
			// ns = cls.__dict__, when that is the name's only binding in
			// its scope.
			if depth > 0 || len(m.Scope(b.Scope).Bindings(b.Name)) != 1 {
				return da003None, nil
			}
			if as, ok := m.Parent(b.Node).(*ast.Assign); ok && len(as.Targets) == 1 && as.Targets[0] == ast.Expr(b.Node.(*ast.Name)) {
				if src, obj := da003Mapping(p, as.Value, depth+1); src == da003Dict {
					return src, obj
				}
			}
		}
	}
	return da003None, nil
}

// daIsNamespaceParam reports whether a parameter is the namespace argument of
// a metaclass's __new__ or __init__: the fourth positional parameter.
func daIsNamespaceParam(m *semantic.Model, b *semantic.Binding) bool {
	fn := m.Scope(b.Scope).Node
	args, _, name, _, ok := daDefParts(fn)
	if !ok || (name != "__new__" && name != "__init__") {
		return false
	}
	params := positionalParams(args)
	if len(params) < 4 || params[3] != b.Node {
		return false
	}
	c := m.ClassOf(fn)
	return c != nil && daIsMetaclass(m, c, 0)
}

// daIsInstanceRef reports whether e is the instance parameter (self) of a
// method: its __dict__ holds instance attributes, never annotations.
func daIsInstanceRef(m *semantic.Model, e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	id := m.Resolve(n)
	if id == semantic.NoBinding || m.Binding(id).Kind != semantic.Parameter {
		return false
	}
	fn := m.Scope(m.Binding(id).Scope).Node
	self := daInstanceParam(m, fn, m.ClassOf(fn))
	return self != "" && self == n.Id
}

// da003DictFix replaces a __dict__ read with get_annotations(obj).
func da003DictFix(p *checks.Pass, n ast.Node, obj ast.Expr) *checks.Fix {
	mod := "annotationlib"
	if p.TargetBelow(daVersion314()) {
		if p.TargetBelow(parser.Version{Major: 3, Minor: 10}) {
			return nil
		}
		mod = "inspect"
	}
	name, edits, ok := daModuleRef(p, n, mod)
	if !ok {
		return nil
	}
	edits = append(edits, checks.Replace(checks.SpanOf(n), name+".get_annotations("+p.Text(obj)+")"))
	daSortEdits(edits)
	return &checks.Fix{
		Title:         "Replace with `" + mod + ".get_annotations(" + p.Text(obj) + ")`",
		Applicability: checks.Unsafe,
		Edits:         edits,
	}
}

// da003NamespaceFix replaces a namespace read with a call of the
// namespace's annotate function, falling back to the original read.
func da003NamespaceFix(p *checks.Pass, n ast.Node, ns ast.Expr) *checks.Fix {
	if p.TargetBelow(daVersion314()) {
		return nil
	}
	al, edits, ok := daModuleRef(p, n, "annotationlib")
	if !ok {
		return nil
	}
	get := al + ".get_annotate_from_class_namespace(" + p.Text(ns) + ")"
	text := "(" + al + ".call_annotate_function(" + get + ", " + al + ".Format.FORWARDREF) if " + get + " else " + p.Text(n) + ")"
	edits = append(edits, checks.Replace(checks.SpanOf(n), text))
	daSortEdits(edits)
	return &checks.Fix{
		Title:         "Call the namespace's annotate function with `annotationlib.Format.FORWARDREF`",
		Applicability: checks.Unsafe,
		Edits:         edits,
	}
}

// da003Module reports whether obj is known to be a module: a name bound by
// an import statement, or assigned importlib.import_module(...),
// __import__(...) or sys.modules[...].
func da003Module(m *semantic.Model, obj ast.Expr) bool {
	switch obj := obj.(type) {
	case *ast.Call:
		return m.MatchesQualified(obj.Func, "importlib.import_module", "builtins.__import__")
	case *ast.Subscript:
		return m.MatchesQualified(obj.Value, "sys.modules")
	case *ast.Name:
		id := m.Resolve(obj)
		if id == semantic.NoBinding {
			return false
		}
		b := m.Binding(id)
		if b.Kind == semantic.Import {
			return true
		}
		if v := daAssignedValue(m, b); v != nil && len(m.Scope(b.Scope).Bindings(b.Name)) == 1 {
			return da003Module(m, v)
		}
	}
	return false
}

// da003FreshModule reports whether obj is a module created with
// types.ModuleType(...): it has no annotations of its own, and its
// __dict__ gets the key when they are first read or set, as before 3.14.
func da003FreshModule(m *semantic.Model, obj ast.Expr) bool {
	if c, ok := obj.(*ast.Call); ok {
		return m.MatchesQualified(c.Func, "types.ModuleType")
	}
	name, ok := obj.(*ast.Name)
	if !ok {
		return false
	}
	id := m.Resolve(name)
	if id == semantic.NoBinding {
		return false
	}
	b := m.Binding(id)
	if v := daAssignedValue(m, b); v != nil && len(m.Scope(b.Scope).Bindings(b.Name)) == 1 {
		return da003FreshModule(m, v)
	}
	return false
}
