package rules

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// This file holds what the PY1xx and PY2xx porting rules share: when code
// is written for older Pythons on purpose, how a reference to a standard
// library name looks, what a local name holds, and the edits their fixes
// make (dropping call arguments, adding an import).

// portDoc turns a rule's documentation into Markdown. Go raw strings cannot
// hold a backtick, so the porting rules' documentation writes "ˋ"
// (U+02CB) for it.
func portDoc(s string) string { return strings.ReplaceAll(s, "ˋ", "`") }

// Python versions the porting rules talk about.
var (
	since311 = parser.Version{Major: 3, Minor: 11}
	since312 = parser.Version{Major: 3, Minor: 12}
	since313 = parser.Version{Major: 3, Minor: 13}
	since314 = parser.Version{Major: 3, Minor: 14}
)

// portingExempt reports whether code at n is written for the versions
// before a change on purpose, so that a rule about an API that stops
// working or starts warning in version v leaves it alone: the
// sys.version_info checks around it keep it from running on v or later,
// it is in a branch of a hasattr test or in an except ImportError /
// AttributeError fallback, or it never runs (if TYPE_CHECKING). When
// raises is true (the API raises on v), the body of a try statement with
// such a handler is exempt as well: the failure is expected and handled.
// A deprecation still warns there, so it is not.
func portingExempt(m *semantic.Model, n ast.Node, v parser.Version, raises bool) bool {
	if _, hi := m.VersionRange(n); !v.Less(hi) {
		return true
	}
	if m.InTypeChecking(n) {
		return true
	}
	kinds := []semantic.GuardKind{semantic.HasAttrGuard, semantic.NotHasAttrGuard, semantic.FallbackGuard}
	if raises {
		kinds = append(kinds, semantic.TryGuard)
	}
	return m.Guarded(n, kinds...)
}

// stdlibRefs calls f for every reference that n makes to a module-level
// name: n itself when it is an attribute chain rooted in an import and
// read (ˋasyncio.SafeChildWatcherˋ gives "asyncio.SafeChildWatcher"), and
// each name of an absolute from-import (ˋfrom asyncio import
// SafeChildWatcherˋ). A name read through such a from-import is not a
// reference of its own: the import is where the name is reached, and
// where the fix goes.
//
// Only references whose last component is in lasts are considered: the
// rules run on every attribute of every file, and comparing the attribute
// with the few names a rule is about is much cheaper than resolving it
// (and, for so few names, than hashing it).
func stdlibRefs(p *checks.Pass, n ast.Node, lasts []string, f func(qualified string, ref ast.Node)) {
	switch n := n.(type) {
	case *ast.Attribute:
		if n.Ctx != ast.Load || !slices.Contains(lasts, n.Attr) {
			return
		}
		if q := p.Model.QualifiedName(n); q != "" {
			f(q, n)
		}
	case *ast.ImportFrom:
		if n.Level != 0 {
			return
		}
		for _, a := range n.Names {
			if a.Name != "*" && slices.Contains(lasts, a.Name) {
				f(n.Module+"."+a.Name, a)
			}
		}
	}
}

// lastNames returns the last components of dotted names, for stdlibRefs.
func lastNames(names ...string) []string {
	var lasts []string
	for _, q := range names {
		_, last, _ := cutLast(q)
		if !slices.Contains(lasts, last) {
			lasts = append(lasts, last)
		}
	}
	return lasts
}

// lastNamesOf returns the last components of a map's keys, for stdlibRefs.
func lastNamesOf[V any](m map[string]V) []string {
	return lastNames(slices.Sorted(maps.Keys(m))...)
}

// moduleImports calls f for every import of module or of one of its
// submodules that n makes: ˋimport module [as x]ˋ, ˋimport module.subˋ and
// ˋfrom module[.sub] import ...ˋ (reported on the statement).
func moduleImports(n ast.Node, f func(module string, ref ast.Node)) {
	switch n := n.(type) {
	case *ast.Import:
		for _, a := range n.Names {
			f(a.Name, a)
		}
	case *ast.ImportFrom:
		if n.Level == 0 {
			f(n.Module, n)
		}
	}
}

// withinModule reports whether name is module or one of its submodules.
func withinModule(name, module string) bool {
	return strings.HasPrefix(name, module) && (len(name) == len(module) || name[len(module)] == '.')
}

// importsPackage reports whether the file imports anything from one of the
// top-level packages pkgs (see semantic.Model.ImportsPackage). A rule
// about names of a few packages can use it as its Rule.Applies.
func importsPackage(p *checks.Pass, pkgs ...string) bool {
	for _, pkg := range pkgs {
		if p.Model.ImportsPackage(pkg) {
			return true
		}
	}
	return false
}

// methodCall returns the receiver and the method name of a call written
// ˋreceiver.name(...)ˋ.
func methodCall(c *ast.Call) (recv ast.Expr, name string, ok bool) {
	a, ok := c.Func.(*ast.Attribute)
	if !ok {
		return nil, "", false
	}
	return a.Value, a.Attr, true
}

// assignedValue returns the value the name e holds when that is certain
// from the text: e has exactly one binding in its scope, made by a plain
// assignment ˋe = valueˋ, an annotated one, or ˋwith value as eˋ. It
// returns nil otherwise (parameters, several assignments, unpacking, names
// of other scopes rebound by global or nonlocal).
func assignedValue(m *semantic.Model, e ast.Expr) ast.Expr {
	name, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	id := m.Resolve(name)
	if id == semantic.NoBinding {
		return nil
	}
	b := m.Binding(id)
	if b.Kind != semantic.Assignment {
		return nil
	}
	count := 0
	for _, other := range m.Scope(b.Scope).Bindings(name.Id) {
		if m.Binding(other).Kind != semantic.Annotation {
			count++
		}
	}
	if count != 1 {
		return nil
	}
	target, ok := b.Node.(*ast.Name)
	if !ok {
		return nil
	}
	switch s := m.Parent(target).(type) {
	case *ast.Assign:
		if len(s.Targets) == 1 && s.Targets[0] == ast.Expr(target) {
			return s.Value
		}
	case *ast.AnnAssign:
		if s.Target == ast.Expr(target) {
			return s.Value
		}
	case *ast.WithItem:
		if s.OptionalVars == ast.Expr(target) {
			return s.ContextExpr
		}
	}
	return nil
}

// producer returns the call whose result e is: e itself when it is a call,
// or the call assigned to the name e (see assignedValue).
func producer(m *semantic.Model, e ast.Expr) *ast.Call {
	if c, ok := e.(*ast.Call); ok {
		return c
	}
	c, _ := assignedValue(m, e).(*ast.Call)
	return c
}

// producedBy returns the qualified name of the function or class whose
// call produced e ("itertools.count"), or "".
func producedBy(p *checks.Pass, e ast.Expr) string {
	if c := producer(p.Model, e); c != nil {
		return calledName(p, c)
	}
	return ""
}

// argsInOrder returns the arguments of c, positional and keyword, in source
// order.
func argsInOrder(c *ast.Call) []ast.Node {
	args := make([]ast.Node, 0, len(c.Args)+len(c.Keywords))
	for _, a := range c.Args {
		args = append(args, a)
	}
	for _, k := range c.Keywords {
		args = append(args, k)
	}
	sort.SliceStable(args, func(i, j int) bool { return args[i].Pos() < args[j].Pos() })
	return args
}

// removeArgs returns the edits that delete the given arguments of c with
// the commas that separate them from the others. The call must end with
// its closing parenthesis (it does unless its only argument is a bare
// generator expression, which is never removed). Comments between a
// removed argument and its neighbour go with it.
func removeArgs(c *ast.Call, drop ...ast.Node) []checks.Edit {
	args := argsInOrder(c)
	gone := make([]bool, len(args))
	for i, a := range args {
		for _, d := range drop {
			if a == d {
				gone[i] = true
			}
		}
	}
	var edits []checks.Edit
	for i := 0; i < len(args); {
		if !gone[i] {
			i++
			continue
		}
		j := i
		for j+1 < len(args) && gone[j+1] {
			j++
		}
		switch {
		case i > 0: // a kept argument before: delete from its end
			edits = append(edits, checks.Delete(checks.Span(args[i-1].End(), args[j].End())))
		case j+1 < len(args): // a kept argument after: delete up to it
			edits = append(edits, checks.Delete(checks.Span(args[i].Pos(), args[j+1].Pos())))
		default: // every argument goes: empty the parentheses
			edits = append(edits, checks.Delete(checks.Span(args[i].Pos(), c.End()-1)))
		}
		i = j + 1
	}
	return edits
}

// moduleRefAt returns how code at n can refer to module (a dotted name such
// as "importlib.util"), with the edits that add ˋimport moduleˋ when the
// file does not import it already. ok is false when the module's top-level
// name means something else at n (a local variable, a parameter, another
// import).
func moduleRefAt(p *checks.Pass, n ast.Node, module string) (ref string, edits []checks.Edit, ok bool) {
	m := p.Model
	scope, pos := m.ScopeOf(n), n.Pos()
	// An import that binds the module itself: import a.b as x, from a import b.
	for i := range m.Bindings {
		b := &m.Bindings[i]
		if b.IsImport() && b.Qualified == module && m.Lookup(b.Name, scope, pos) == semantic.BindingID(i) {
			return b.Name, nil, true
		}
	}
	top, _, _ := strings.Cut(module, ".")
	if id := m.Lookup(top, scope, pos); id != semantic.NoBinding {
		b := m.Binding(id)
		if b.Kind != semantic.Import || b.Qualified != top {
			return "", nil, false
		}
	} else if semantic.IsBuiltin(top) {
		return "", nil, false
	}
	if importsPlainly(m, module) {
		return module, nil, true
	}
	return module, []checks.Edit{addImportEdit(p, "import "+module)}, true
}

// importsPlainly reports whether a module-level statement ˋimport moduleˋ
// (without as) exists.
func importsPlainly(m *semantic.Model, module string) bool {
	for _, s := range m.Module.Body {
		if imp, ok := s.(*ast.Import); ok {
			for _, a := range imp.Names {
				if a.Name == module && a.Asname == "" {
					return true
				}
			}
		}
	}
	return false
}

// addImportEdit returns the edit that adds the import statement stmt on a
// line of its own at the top of the module: after the docstring and the
// __future__ imports, before everything else.
func addImportEdit(p *checks.Pass, stmt string) checks.Edit {
	body := p.Model.Module.Body
	i := 0
	if len(body) > 0 {
		if e, ok := body[0].(*ast.ExprStmt); ok {
			if _, ok := stringConstant(e.Value); ok {
				i = 1
			}
		}
	}
	for i < len(body) {
		if f, ok := body[i].(*ast.ImportFrom); ok && f.Module == "__future__" && f.Level == 0 {
			i++
			continue
		}
		break
	}
	file := p.File.File
	if i < len(body) {
		line, _ := file.LineCol(body[i].Pos())
		return checks.Insert(file.LineStart(line), stmt+"\n")
	}
	if i == 0 {
		return checks.Insert(0, stmt+"\n")
	}
	line, _ := file.LineCol(body[i-1].End())
	start := file.LineStart(line + 1)
	if int(start) == len(file.Src) && (len(file.Src) == 0 || file.Src[len(file.Src)-1] != '\n') {
		return checks.Insert(start, "\n"+stmt+"\n")
	}
	return checks.Insert(start, stmt+"\n")
}

// builtinVisible reports whether name, read at n, is the builtin of that
// name (nothing in the module shadows it there).
func builtinVisible(p *checks.Pass, n ast.Node, name string) bool {
	return p.Model.Lookup(name, p.Model.ScopeOf(n), n.Pos()) == semantic.NoBinding
}

// newFix returns a fix with its edits sorted by position.
func newFix(title string, app checks.Applicability, edits ...checks.Edit) *checks.Fix {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	return &checks.Fix{Title: title, Applicability: app, Edits: edits}
}

// cutLast splits a dotted name at its last dot.
func cutLast(q string) (before, after string, ok bool) {
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return "", q, false
	}
	return q[:i], q[i+1:], true
}

// failure names the exception that reaching a missing name through ref
// raises: ImportError for a from-import, AttributeError otherwise.
func failure(ref ast.Node) string {
	if _, ok := ref.(*ast.Alias); ok {
		return "ImportError"
	}
	return "AttributeError"
}

// refWording says "the import" for a from-import name and "the
// reference" otherwise.
func refWording(ref ast.Node) string {
	if _, ok := ref.(*ast.Alias); ok {
		return "the import"
	}
	return "the reference"
}

// pathlibClassNames are the path classes of pathlib.
var pathlibClassNames = []string{
	"pathlib.PurePath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath",
	"pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath",
}

// pathlibClasses is the set of pathlibClassNames.
var pathlibClasses = func() map[string]bool {
	set := map[string]bool{}
	for _, q := range pathlibClassNames {
		set[q] = true
	}
	return set
}()

// pathMethods are the methods of pathlib paths that return a path.
var pathMethods = map[string]bool{
	"absolute": true, "resolve": true, "expanduser": true, "joinpath": true, "with_name": true,
	"with_stem": true, "with_suffix": true, "with_segments": true, "relative_to": true, "readlink": true,
}

// isPathValue reports whether e is certainly a pathlib path (see
// pathClass).
func isPathValue(p *checks.Pass, e ast.Expr) bool { return pathClass(p, e) != "" }

// pathClass returns the qualified name of the pathlib class of e when e is
// certainly a pathlib path, or "": a path class called (ˋPath(x)ˋ,
// ˋPath.cwd()ˋ, ˋPath.home()ˋ), a name assigned one, its ˋ.parentˋ, a path
// method that returns a path, or ˋpath / xˋ. The class is the one called;
// for ˋPath(x)ˋ the object is in fact a PosixPath or a WindowsPath.
func pathClass(p *checks.Pass, e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		if v := assignedValue(p.Model, e); v != nil {
			return pathClass(p, v)
		}
	case *ast.Call:
		q := calledName(p, e)
		if pathlibClasses[q] {
			return q
		}
		if cls, m, ok := cutLast(q); ok && pathlibClasses[cls] && (m == "cwd" || m == "home" || m == "from_uri") {
			return cls
		}
		if recv, m, ok := methodCall(e); ok && pathMethods[m] {
			return pathClass(p, recv)
		}
	case *ast.Attribute:
		if e.Attr == "parent" {
			return pathClass(p, e.Value)
		}
	case *ast.BinOp:
		if e.Op == ast.Div {
			return pathClass(p, e.Left)
		}
	}
	return ""
}

// isComplexValue reports whether e certainly evaluates to a complex
// number: an imaginary literal, a call of complex(), or arithmetic or a
// sign applied to one of those.
func isComplexValue(p *checks.Pass, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Constant:
		return e.Value.Kind == ast.ImagValue
	case *ast.UnaryOp:
		return (e.Op == ast.USub || e.Op == ast.UAdd) && isComplexValue(p, e.Operand)
	case *ast.BinOp:
		switch e.Op {
		case ast.Add, ast.Sub, ast.Mult, ast.Div:
			return isComplexValue(p, e.Left) || isComplexValue(p, e.Right)
		}
	case *ast.Call:
		return calls(p, e, "builtins.complex") && (len(e.Args) > 0 || len(e.Keywords) > 0)
	}
	return false
}

// fromModuleEdit returns the edit that makes the from-import n import from
// module instead: it replaces the module name written after "from".
func fromModuleEdit(p *checks.Pass, n *ast.ImportFrom, module string) (checks.Edit, bool) {
	text := p.Text(n)
	rest, ok := strings.CutPrefix(text, "from")
	if !ok {
		return checks.Edit{}, false
	}
	trimmed := strings.TrimLeft(rest, " \t")
	if !strings.HasPrefix(trimmed, n.Module) || len(trimmed) == len(n.Module) || (trimmed[len(n.Module)] != ' ' && trimmed[len(n.Module)] != '\t') {
		return checks.Edit{}, false
	}
	at := n.Pos() + token.Pos(len(text)-len(trimmed))
	return checks.Replace(checks.Span(at, at+token.Pos(len(n.Module))), module), true
}

// importsOnly reports whether every name the from-import n imports is in
// names.
func importsOnly(n *ast.ImportFrom, names ...string) bool {
	for _, a := range n.Names {
		found := false
		for _, name := range names {
			if a.Name == name {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// isNone reports whether e is the literal None.
func isNone(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	return ok && k.Value.Kind == ast.NoneValue
}
