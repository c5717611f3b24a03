package rules

// Shared analyses of the DA family: where the annotations of a module are,
// when CPython evaluates them before and since 3.14, which names they
// read, and the edits the family's fixes share (quoting an annotation,
// adding an import).

import (
	"sort"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// daVersion314 is the version that made annotations lazy.
func daVersion314() parser.Version { return parser.Version{Major: 3, Minor: 14} }

// daOnlyBefore314 reports whether the version checks around n say that it
// runs only on Pythons older than 3.14.
func daOnlyBefore314(m *semantic.Model, n ast.Node) bool {
	_, hi := m.VersionRangeOf(n)
	return !daVersion314().Less(hi)
}

// daOnly314 reports whether the version checks around n say that it runs
// only on Python 3.14 or newer.
func daOnly314(m *semantic.Model, n ast.Node) bool {
	lo, _ := m.VersionRangeOf(n)
	return !lo.Less(daVersion314())
}

// daIsStub reports whether the file is a stub (.pyi): stubs are never run,
// so their annotations are never evaluated.
func daIsStub(p *checks.Pass) bool { return strings.HasSuffix(p.File.File.Name, ".pyi") }

// daOnlyTests314 reports whether the module is a test module that pytest
// skips before 3.14: pytestmark = pytest.mark.skipif(sys.version_info <
// (3, 14), ...), alone or in a list.
func daOnlyTests314(p *checks.Pass) bool {
	m := p.Model
	for _, s := range m.Module.Body {
		as, ok := s.(*ast.Assign)
		if !ok || len(as.Targets) != 1 {
			continue
		}
		if t, ok := as.Targets[0].(*ast.Name); !ok || t.Id != "pytestmark" {
			continue
		}
		marks := []ast.Expr{as.Value}
		if l, ok := as.Value.(*ast.List); ok {
			marks = l.Elts
		}
		for _, mk := range marks {
			c, ok := mk.(*ast.Call)
			if !ok || len(c.Args) == 0 || !m.MatchesQualified(c.Func, "pytest.mark.skipif") {
				continue
			}
			if lo, hi, ok := m.VersionTest(c.Args[0]); ok && lo == (parser.Version{}) && !daVersion314().Less(hi) {
				return true
			}
		}
	}
	return false
}

// fileIndex is what one pass over a module's nodes finds for the rules'
// Applies gates and for the annotation analyses of the DA family: where
// its defs and annotated assignments are, and whether it names a few
// special attributes at all.
type fileIndex struct {
	// owners are the defs and annotated assignments, in preorder: the
	// nodes that can hold annotations.
	owners []semantic.NodeID
	// annotations is set when a name, an attribute or a str constant is
	// "__annotations__"; annotate when one, or a def, is "__annotate__".
	annotations, annotate bool
	// forwardRefAttrs is set when an attribute is one of ForwardRef's
	// __forward_evaluated__, __forward_value__ or _evaluate.
	forwardRefAttrs bool
	// effectInAnnotation is set when a walrus, a yield or an await is
	// inside an annotation (lambda bodies and comprehensions included).
	effectInAnnotation bool
}

type fileIndexKey struct{}

// indexFile returns the module's fileIndex, computed once per file.
func indexFile(p *checks.Pass) *fileIndex {
	return p.Memo(fileIndexKey{}, func() any {
		x := &fileIndex{}
		nodes := p.Model.Nodes
		for i := range nodes {
			n := nodes[i].Node
			switch n.Kind() {
			case ast.KindName:
				switch n.(*ast.Name).Id {
				case "__annotations__":
					x.annotations = true
				case "__annotate__":
					x.annotate = true
				}
			case ast.KindAttribute:
				switch n.(*ast.Attribute).Attr {
				case "__annotations__":
					x.annotations = true
				case "__annotate__":
					x.annotate = true
				case "__forward_evaluated__", "__forward_value__", "_evaluate":
					x.forwardRefAttrs = true
				}
			case ast.KindConstant:
				if c := n.(*ast.Constant); c.Value.Kind == ast.StrValue {
					switch c.Value.Text {
					case "__annotations__":
						x.annotations = true
					case "__annotate__":
						x.annotate = true
					}
				}
			case ast.KindFunctionDef:
				x.owners = append(x.owners, semantic.NodeID(i))
				if n.(*ast.FunctionDef).Name == "__annotate__" {
					x.annotate = true
				}
			case ast.KindAsyncFunctionDef, ast.KindAnnAssign:
				x.owners = append(x.owners, semantic.NodeID(i))
			case ast.KindNamedExpr, ast.KindYield, ast.KindYieldFrom, ast.KindAwait:
				if nodes[i].Flags&semantic.InAnnotation != 0 {
					x.effectInAnnotation = true
				}
			}
		}
		return x
	}).(*fileIndex)
}

// daNamesAnnotations is the Applies of the rules about reading or writing
// __annotations__: the module is not a stub and names it somewhere.
func daNamesAnnotations(p *checks.Pass) bool { return !daIsStub(p) && indexFile(p).annotations }

// hasKind reports whether the module has a node of one of the kinds.
func hasKind(p *checks.Pass, kinds ...ast.Kind) bool {
	for _, k := range kinds {
		if p.Model.HasKind(k) {
			return true
		}
	}
	return false
}

// annotationSite says which part of the code an annotation belongs to.
type annotationSite uint8

const (
	siteParam    annotationSite = iota // a parameter of a def
	siteReturn                         // the return annotation of a def
	siteVariable                       // an annotated assignment
)

// annotationRoot is one annotation expression of the module.
type annotationRoot struct {
	expr  ast.Expr
	site  annotationSite
	owner ast.Node         // *ast.FunctionDef, *ast.AsyncFunctionDef or *ast.AnnAssign
	scope semantic.ScopeID // the scope whose code runs the def or the assignment
}

// simpleTarget reports whether an annotated assignment annotates a plain
// name (not an attribute, a subscript or a parenthesized name).
func (r *annotationRoot) simpleTarget() bool {
	a, ok := r.owner.(*ast.AnnAssign)
	return ok && a.Simple == 1
}

// eagerBefore314 reports whether Python 3.13 and older (without the
// future import) evaluate the annotation when the def or the assignment
// runs: always for defs, at module and class level for assignments.
func (r *annotationRoot) eagerBefore314(m *semantic.Model) bool {
	if r.site != siteVariable {
		return true
	}
	return !m.Scope(r.scope).IsFunctionLike()
}

// lazyIn314 reports whether Python 3.14 keeps the annotation in an
// annotate function, evaluated when the annotations are first read: defs,
// and annotated plain names at module and class level. Annotations of
// local variables and of attribute or subscript targets are never
// evaluated.
func (r *annotationRoot) lazyIn314(m *semantic.Model) bool {
	if r.site != siteVariable {
		return true
	}
	return r.simpleTarget() && !m.Scope(r.scope).IsFunctionLike()
}

// evalPos is the position at which Python 3.13 evaluated the annotation:
// the start of a def (its annotations run before the name is bound), the
// start of an annotated declaration, the end of an annotated assignment
// with a value (the value is assigned first).
func (r *annotationRoot) evalPos() token.Pos {
	if a, ok := r.owner.(*ast.AnnAssign); ok && a.Value != nil {
		return a.End()
	}
	return r.owner.Pos()
}

// annotationRoots returns every annotation of the module, in source order
// of their owners.
func annotationRoots(p *checks.Pass) []annotationRoot {
	type key struct{}
	return p.Memo(key{}, func() any {
		m := p.Model
		var out []annotationRoot
		for _, i := range indexFile(p).owners {
			switch n := m.Nodes[i].Node.(type) {
			case *ast.FunctionDef:
				out = appendDefAnnotations(out, n, n.Args, n.Returns, m.Nodes[i].Scope)
			case *ast.AsyncFunctionDef:
				out = appendDefAnnotations(out, n, n.Args, n.Returns, m.Nodes[i].Scope)
			case *ast.AnnAssign:
				if n.Annotation != nil {
					out = append(out, annotationRoot{expr: n.Annotation, site: siteVariable, owner: n, scope: m.Nodes[i].Scope})
				}
			}
		}
		return out
	}).([]annotationRoot)
}

// annotationRootsIn returns the annotations evaluated in scope s.
func annotationRootsIn(p *checks.Pass, s semantic.ScopeID) []*annotationRoot {
	type key struct{}
	byScope := p.Memo(key{}, func() any {
		roots := annotationRoots(p)
		out := map[semantic.ScopeID][]*annotationRoot{}
		for i := range roots {
			out[roots[i].scope] = append(out[roots[i].scope], &roots[i])
		}
		return out
	}).(map[semantic.ScopeID][]*annotationRoot)
	return byScope[s]
}

func appendDefAnnotations(out []annotationRoot, def ast.Node, args *ast.Arguments, returns ast.Expr, scope semantic.ScopeID) []annotationRoot {
	if args != nil {
		each := func(a *ast.Arg) {
			if a != nil && a.Annotation != nil {
				out = append(out, annotationRoot{expr: a.Annotation, site: siteParam, owner: def, scope: scope})
			}
		}
		for _, a := range args.Posonlyargs {
			each(a)
		}
		for _, a := range args.Args {
			each(a)
		}
		each(args.Vararg)
		for _, a := range args.Kwonlyargs {
			each(a)
		}
		each(args.Kwarg)
	}
	if returns != nil {
		out = append(out, annotationRoot{expr: returns, site: siteReturn, owner: def, scope: scope})
	}
	return out
}

// annotationNames returns the names an annotation reads in its own scope:
// not those inside lambdas and comprehensions (except a comprehension's
// first iterable, which the annotation's scope evaluates). Names inside
// string annotations are not part of the tree and are not returned.
func annotationNames(e ast.Expr) []*ast.Name {
	var out []*ast.Name
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case nil:
			return false
		case *ast.Name:
			if n.Ctx == ast.Load {
				out = append(out, n)
			}
			return false
		case *ast.Lambda:
			return false
		}
		if gens, ok := ast.Generators(n); ok {
			return daFirstIter(gens, walk)
		}
		return true
	}
	ast.Inspect(e, walk)
	return out
}

// daFirstIter walks the first iterable of a comprehension and tells Inspect
// not to descend further.
func daFirstIter(gens []*ast.Comprehension, walk func(ast.Node) bool) bool {
	if len(gens) > 0 && gens[0].Iter != nil {
		ast.Inspect(gens[0].Iter, walk)
	}
	return false
}

// futureAnnotations returns the alias of `from __future__ import
// annotations` in the module, or nil.
func futureAnnotations(p *checks.Pass) *ast.Alias {
	type key struct{}
	return p.Memo(key{}, func() any {
		for _, s := range p.Model.Module.Body {
			imp, ok := s.(*ast.ImportFrom)
			if !ok || imp.Module != "__future__" || imp.Level != 0 {
				continue
			}
			for _, a := range imp.Names {
				if a.Name == "annotations" {
					return a
				}
			}
		}
		return (*ast.Alias)(nil)
	}).(*ast.Alias)
}

// daBindingPos is the position from which a binding holds: the end of a def
// or class statement (its name is bound after the body or the annotations
// ran), else the position of the bound name.
func daBindingPos(m *semantic.Model, id semantic.BindingID) token.Pos {
	b := m.Binding(id)
	switch b.Kind {
	case semantic.FunctionDef, semantic.ClassDef:
		return b.Node.End()
	}
	return b.Span.Start
}

// daRunsAtRuntime reports whether a binding is one that the program executes
// and that gives the name a value: not a declaration, a deletion, or code
// under `if TYPE_CHECKING:`.
func daRunsAtRuntime(m *semantic.Model, id semantic.BindingID) bool {
	b := m.Binding(id)
	switch b.Kind {
	case semantic.Annotation, semantic.GlobalDecl, semantic.Deletion:
		return false
	}
	return !daBindingInTypeChecking(m, id)
}

// daHasTypeChecking reports whether the module has an `if TYPE_CHECKING:`
// block: without one, no binding is made only under it.
func daHasTypeChecking(m *semantic.Model) bool {
	for i := range m.Guards {
		if m.Guards[i].Kind == semantic.TypeCheckingGuard {
			return true
		}
	}
	return false
}

// daBindingInTypeChecking reports whether a binding is made only under
// `if TYPE_CHECKING:`.
func daBindingInTypeChecking(m *semantic.Model, id semantic.BindingID) bool {
	for g := m.Binding(id).Guard; g != semantic.NoGuard; g = m.Guards[g].Parent {
		if m.Guards[g].Kind == semantic.TypeCheckingGuard {
			return true
		}
	}
	return false
}

// daLiveScopes returns the scopes whose code is still running when code of
// scope s runs: s itself and, through class bodies, the scopes the class
// statements are in. A module-level name read from a function body is not
// among them: the function runs after the module has been executed.
func daLiveScopes(m *semantic.Model, s semantic.ScopeID) []semantic.ScopeID {
	out := []semantic.ScopeID{s}
	for m.Scope(s).Kind == semantic.ClassScope || m.Scope(s).Kind == semantic.TypeParamScope {
		s = m.Scope(s).Parent
		if s == semantic.NoScope {
			break
		}
		out = append(out, s)
	}
	return out
}

func daContainsScope(list []semantic.ScopeID, s semantic.ScopeID) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// daAnnLine returns the 1-based line of a position.
func daAnnLine(p *checks.Pass, pos token.Pos) int {
	line, _ := p.File.File.LineCol(pos)
	return line
}

// daQuotedAnnotation returns the annotation's text as a string literal, or
// false when it cannot be quoted on one line: it spans lines, holds a
// comment or a backslash, or uses both kinds of quotes.
func daQuotedAnnotation(p *checks.Pass, e ast.Expr) (string, bool) {
	text := p.Text(e)
	if _, ok := e.(*ast.Constant); ok {
		return "", false
	}
	if strings.ContainsAny(text, "\n\r#\\") {
		return "", false
	}
	switch {
	case !strings.Contains(text, `"`):
		return `"` + text + `"`, true
	case !strings.Contains(text, `'`):
		return `'` + text + `'`, true
	}
	return "", false
}

// daQuoteFix returns the fix that quotes an annotation, or nil.
func daQuoteFix(p *checks.Pass, e ast.Expr, app checks.Applicability) *checks.Fix {
	q, ok := daQuotedAnnotation(p, e)
	if !ok {
		return nil
	}
	return &checks.Fix{
		Title:         "Quote the annotation",
		Applicability: app,
		Edits:         []checks.Edit{checks.Replace(checks.SpanOf(e), q)},
	}
}

// daModuleRef returns how code at n can name the module mod (a dotted
// module path) and the edits that make the name available: the name given
// by an existing module-level `import mod` or `import mod as x` that n
// sees, else mod itself with an edit inserting `import mod`, when nothing
// binds the first part of mod at module level or around n.
func daModuleRef(p *checks.Pass, n ast.Node, mod string) (string, []checks.Edit, bool) {
	m := p.Model
	s := m.ScopeOf(n)
	root, _, _ := strings.Cut(mod, ".")
	for i := range m.Bindings {
		b := &m.Bindings[i]
		id := semantic.BindingID(i)
		if b.Scope != 0 || b.Kind != semantic.Import || daBindingInTypeChecking(m, id) {
			continue
		}
		alias, ok := b.Node.(*ast.Alias)
		if !ok {
			continue
		}
		switch {
		case alias.Asname != "" && alias.Name == mod:
			if m.Lookup(b.Name, s, n.Pos()) == id {
				return b.Name, nil, true
			}
		case alias.Asname == "" && (alias.Name == mod || strings.HasPrefix(alias.Name, mod+".")):
			if m.Lookup(root, s, n.Pos()) == id {
				return mod, nil, true
			}
		}
	}
	if len(m.Scope(0).Bindings(root)) > 0 || m.Lookup(root, s, n.Pos()) != semantic.NoBinding {
		return "", nil, false
	}
	return mod, []checks.Edit{daImportEdit(p, "import "+mod)}, true
}

// daImportEdit returns the edit that adds the import statement stmt to the
// module: on the line after the last import of the module's leading
// imports, else before the first statement that is not the docstring or a
// future import. Every fix adding the same import makes the same edit, so
// that the fixes can be applied together.
func daImportEdit(p *checks.Pass, stmt string) checks.Edit {
	body := p.Model.Module.Body
	src := p.Src()
	var after ast.Stmt
	var before ast.Stmt
	for i, s := range body {
		switch s := s.(type) {
		case *ast.Import:
			after = s
			continue
		case *ast.ImportFrom:
			after = s
			continue
		case *ast.ExprStmt:
			if k, ok := s.Value.(*ast.Constant); ok && k.Value.Kind == ast.StrValue && i == 0 {
				continue
			}
		}
		before = s
		break
	}
	if after != nil {
		i := int(after.End())
		for i < len(src) && src[i] != '\n' {
			i++
		}
		if i == len(src) {
			return checks.Insert(token.Pos(len(src)), "\n"+stmt+"\n")
		}
		return checks.Insert(token.Pos(i+1), stmt+"\n")
	}
	if before != nil {
		return checks.Insert(daStmtLineStart(src, before.Pos()), stmt+"\n\n")
	}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		return checks.Insert(token.Pos(len(src)), "\n"+stmt+"\n")
	}
	return checks.Insert(token.Pos(len(src)), stmt+"\n")
}

// daStmtLineStart returns the position of the start of pos's line.
func daStmtLineStart(src []byte, pos token.Pos) token.Pos {
	i := int(pos)
	for i > 0 && src[i-1] != '\n' && src[i-1] != '\r' {
		i--
	}
	return token.Pos(i)
}

// daStmtLineIndent returns the whitespace that starts pos's line.
func daStmtLineIndent(src []byte, pos token.Pos) string {
	i := int(daStmtLineStart(src, pos))
	j := i
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	return string(src[i:j])
}

// enclosingClassMethod returns the def that n is directly in, when that
// def is a method of a class, with the class.
func daEnclosingMethod(m *semantic.Model, n ast.Node) (ast.Node, *ast.ClassDef) {
	fn := m.FunctionOf(n)
	if fn == nil {
		return nil, nil
	}
	return fn, m.ClassOf(fn)
}

// daDefParts returns the parameters, decorators and name of a def.
func daDefParts(fn ast.Node) (args *ast.Arguments, decorators []ast.Expr, name string, body []ast.Stmt, ok bool) {
	switch fn := fn.(type) {
	case *ast.FunctionDef:
		return fn.Args, fn.DecoratorList, fn.Name, fn.Body, true
	case *ast.AsyncFunctionDef:
		return fn.Args, fn.DecoratorList, fn.Name, fn.Body, true
	}
	return nil, nil, "", nil, false
}

// positionalParams returns the positional parameters of a parameter list,
// in order: the positional-only ones, then the others. args may be nil.
func positionalParams(args *ast.Arguments) []*ast.Arg {
	if args == nil {
		return nil
	}
	out := append([]*ast.Arg(nil), args.Posonlyargs...)
	return append(out, args.Args...)
}

// daInstanceParam returns the first parameter of a method that receives an
// instance: not a static method, a class method, `__new__`,
// `__init_subclass__` or `__class_getitem__`, nor a method of a metaclass.
func daInstanceParam(m *semantic.Model, fn ast.Node, class *ast.ClassDef) string {
	args, decorators, name, _, ok := daDefParts(fn)
	if !ok || class == nil {
		return ""
	}
	switch name {
	case "__new__", "__init_subclass__", "__class_getitem__", "__prepare__":
		return ""
	}
	for _, d := range decorators {
		if m.MatchesQualified(d, "builtins.classmethod", "builtins.staticmethod", "functools.classmethod") {
			return ""
		}
		if n, ok := d.(*ast.Name); ok && (n.Id == "classmethod" || n.Id == "staticmethod") {
			return ""
		}
	}
	if daIsMetaclass(m, class, 0) {
		return ""
	}
	params := positionalParams(args)
	if len(params) == 0 {
		return ""
	}
	return params[0].Arg
}

// metaclassNames are classes that are known metaclasses.
func daKnownMetaclass(q string) bool {
	switch q {
	case "builtins.type", "abc.ABCMeta", "enum.EnumMeta", "enum.EnumType", "typing._ProtocolMeta",
		"typing_extensions._ProtocolMeta", "django.db.models.base.ModelBase":
		return true
	}
	last := q[strings.LastIndexByte(q, '.')+1:]
	return strings.HasSuffix(last, "Meta") || strings.HasSuffix(last, "Metaclass") || strings.HasSuffix(last, "MetaClass")
}

// daIsMetaclass reports whether a class derives from type: from a known
// metaclass, or from a class of the module that does.
func daIsMetaclass(m *semantic.Model, c *ast.ClassDef, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, b := range c.Bases {
		if q := m.QualifiedName(b); q != "" && daKnownMetaclass(q) {
			return true
		}
		if base := daLocalClass(m, b); base != nil && daIsMetaclass(m, base, depth+1) {
			return true
		}
	}
	return false
}

// daLocalClass returns the class of the module that e names, or nil.
func daLocalClass(m *semantic.Model, e ast.Expr) *ast.ClassDef {
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	id := m.Resolve(n)
	if id == semantic.NoBinding {
		return nil
	}
	b := m.Binding(id)
	if b.Kind != semantic.ClassDef {
		return nil
	}
	c, _ := b.Node.(*ast.ClassDef)
	return c
}

// daLocalDef returns the def or class of the module that e names, or nil.
func daLocalDef(m *semantic.Model, e ast.Expr) ast.Node {
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	id := m.Resolve(n)
	if id == semantic.NoBinding {
		return nil
	}
	b := m.Binding(id)
	if b.Kind != semantic.FunctionDef && b.Kind != semantic.ClassDef {
		return nil
	}
	return b.Node
}

// daMentionsAnnotate314 reports whether the source of n mentions the 3.14
// annotation machinery (annotationlib, __annotate__, __annotate_func__):
// code that already handles deferred annotations.
func daMentionsAnnotate314(p *checks.Pass, n ast.Node) bool {
	text := p.Text(n)
	return strings.Contains(text, "annotationlib") || strings.Contains(text, "__annotate__") ||
		strings.Contains(text, "__annotate_func__") || strings.Contains(text, "get_annotate_from_class_namespace")
}

// daSortEdits orders the edits of one fix by position.
func daSortEdits(edits []checks.Edit) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
}

// annotationReader is something that reads annotations at run time.
type annotationReader struct {
	what string // "inspect.signature", "pydantic.BaseModel", ...
	// evaluates is true when the reader also evaluates string
	// annotations, so that quoting a name that is not defined at run time
	// does not help it.
	evaluates bool
	// signature is true when the reader reads the signature of a callable:
	// for a class, that of its __init__.
	signature bool
}

// annotationReaders is what the module does with annotations at run time.
type annotationReaders struct {
	// targets maps a def or class of the module to a reader of its
	// annotations (for a class, of its class-body annotations).
	targets map[ast.Node]annotationReader
	// any is set when the module reads annotations at run time at all,
	// also of objects it does not define.
	any bool
}

// daCallReaders are functions that read the annotations of their first
// argument, evaluated (VALUE format) unless told otherwise.
var daCallReaders = map[string]annotationReader{
	"inspect.signature":                 {"inspect.signature", false, true},
	"inspect.Signature.from_callable":   {"inspect.Signature.from_callable", false, true},
	"inspect.getfullargspec":            {"inspect.getfullargspec", false, true},
	"inspect.get_annotations":           {"inspect.get_annotations", false, false},
	"annotationlib.get_annotations":     {"annotationlib.get_annotations", false, false},
	"typing.get_type_hints":             {"typing.get_type_hints", true, false},
	"typing_extensions.get_type_hints":  {"typing.get_type_hints", true, false},
	"typing_extensions.get_annotations": {"typing_extensions.get_annotations", false, false},
	"unittest.mock.create_autospec":     {"unittest.mock.create_autospec", false, true},
	"mock.create_autospec":              {"mock.create_autospec", false, true},
	"fastapi.Depends":                   {"FastAPI", true, true},
	"fastapi.Security":                  {"FastAPI", true, true},
	"fastapi.params.Depends":            {"FastAPI", true, true},
	"pydantic.TypeAdapter":              {"pydantic.TypeAdapter", true, false},
	"pydantic.validate_call":            {"pydantic.validate_call", true, false},
	"pydantic.validate_arguments":       {"pydantic.validate_arguments", true, false},
	"typeguard.typechecked":             {"typeguard.typechecked", true, false},
	"beartype.beartype":                 {"beartype", true, false},
	"attr.s":                            {"attrs", false, false},
	"attr.attrs":                        {"attrs", false, false},
	"attr.define":                       {"attrs", false, false},
	"attr.mutable":                      {"attrs", false, false},
	"attr.frozen":                       {"attrs", false, false},
	"attr.dataclass":                    {"attrs", false, false},
	"attrs.define":                      {"attrs", false, false},
	"attrs.mutable":                     {"attrs", false, false},
	"attrs.frozen":                      {"attrs", false, false},
	"pydantic.dataclasses.dataclass":    {"pydantic.dataclasses.dataclass", true, false},
	"strawberry.type":                   {"strawberry", true, false},
	"strawberry.input":                  {"strawberry", true, false},
}

// daBaseReaders are base classes whose machinery reads the annotations of
// every subclass when it is created.
var daBaseReaders = map[string]annotationReader{
	"pydantic.BaseModel":                      {"pydantic.BaseModel", true, false},
	"pydantic.main.BaseModel":                 {"pydantic.BaseModel", true, false},
	"pydantic.v1.BaseModel":                   {"pydantic.BaseModel", true, false},
	"pydantic.BaseSettings":                   {"pydantic.BaseSettings", true, false},
	"pydantic_settings.BaseSettings":          {"pydantic_settings.BaseSettings", true, false},
	"sqlmodel.SQLModel":                       {"sqlmodel.SQLModel", true, false},
	"msgspec.Struct":                          {"msgspec.Struct", true, false},
	"sqlalchemy.orm.DeclarativeBase":          {"SQLAlchemy", true, false},
	"sqlalchemy.orm.DeclarativeBaseNoMeta":    {"SQLAlchemy", true, false},
	"sqlalchemy.orm.MappedAsDataclass":        {"SQLAlchemy", true, false},
	"sqlalchemy.orm.decl_api.DeclarativeBase": {"SQLAlchemy", true, false},
}

// daRouteMethods are the decorator methods of FastAPI applications and
// routers, and of Typer applications, that read the signature of the
// decorated function.
var daRouteMethods = map[string]bool{
	"get": true, "post": true, "put": true, "delete": true, "patch": true, "options": true,
	"head": true, "trace": true, "api_route": true, "websocket": true, "command": true, "callback": true,
}

// daRuntimeReaders finds what reads annotations at run time in the module.
func daRuntimeReaders(p *checks.Pass) *annotationReaders {
	type key struct{}
	return p.Memo(key{}, func() any {
		m := p.Model
		r := &annotationReaders{targets: map[ast.Node]annotationReader{}}
		usesWebFramework := false
		for i := range m.Bindings {
			q := m.Bindings[i].Qualified
			if strings.HasPrefix(q, "fastapi") || strings.HasPrefix(q, "typer") {
				usesWebFramework = true
			}
		}
		mark := func(n ast.Node, rd annotationReader) {
			if c, ok := n.(*ast.ClassDef); ok && rd.signature {
				n = daClassMethod(m, c, "__init__")
			}
			if n == nil {
				return
			}
			if old, ok := r.targets[n]; !ok || !old.evaluates && rd.evaluates {
				r.targets[n] = rd
			}
		}
		for i := range m.Nodes {
			switch n := m.Nodes[i].Node.(type) {
			case *ast.Call:
				q := m.QualifiedName(n.Func)
				rd, ok := daCallReaders[q]
				if !ok || rd.what == "" || len(n.Args) == 0 {
					continue
				}
				if keyword(n, "annotation_format") != nil || keyword(n, "format") != nil {
					continue
				}
				r.any = true
				mark(daReadTarget(m, n, n.Args[0]), rd)
			case *ast.Attribute:
				if n.Attr != "__annotations__" || n.Ctx != ast.Load {
					continue
				}
				r.any = true
				mark(daReadTarget(m, n, n.Value), annotationReader{"`__annotations__`", false, false})
			case *ast.FunctionDef:
				for _, d := range n.DecoratorList {
					if rd, ok := daDecoratorReader(m, n, d, usesWebFramework); ok {
						r.any = true
						mark(n, rd)
					}
				}
			case *ast.AsyncFunctionDef:
				for _, d := range n.DecoratorList {
					if rd, ok := daDecoratorReader(m, n, d, usesWebFramework); ok {
						r.any = true
						mark(n, rd)
					}
				}
			case *ast.ClassDef:
				for _, d := range n.DecoratorList {
					if rd, ok := daDecoratorReader(m, n, d, false); ok {
						r.any = true
						mark(n, rd)
					}
				}
				if rd, ok := daBaseReader(m, n, 0); ok {
					r.any = true
					mark(n, rd)
				}
			}
		}
		return r
	}).(*annotationReaders)
}

// daReadTarget returns the def or class of the module whose annotations a
// reader at n reads through e: a name of the module, a method through its
// class (C.method), or the enclosing class through self, cls, type(self)
// or self.__class__.
func daReadTarget(m *semantic.Model, n ast.Node, e ast.Expr) ast.Node {
	if d := daLocalDef(m, e); d != nil {
		return d
	}
	switch e := e.(type) {
	case *ast.Attribute:
		if c := daLocalClass(m, e.Value); c != nil {
			if cs, ok := m.ScopeFor(c); ok {
				for _, id := range m.Scope(cs).Bindings(e.Attr) {
					if b := m.Binding(id); b.Kind == semantic.FunctionDef {
						return b.Node
					}
				}
			}
			return nil
		}
		if e.Attr == "__class__" {
			return daSelfClass(m, n, e.Value)
		}
	case *ast.Call:
		if m.MatchesQualified(e.Func, "builtins.type") && len(e.Args) == 1 {
			return daSelfClass(m, n, e.Args[0])
		}
	case *ast.Name:
		return daSelfClass(m, n, e)
	}
	return nil
}

// daSelfClass returns the class of the method that n is in when e is its
// first parameter (self or cls).
func daSelfClass(m *semantic.Model, n ast.Node, e ast.Expr) ast.Node {
	name, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	fn, class := daEnclosingMethod(m, n)
	if class == nil {
		return nil
	}
	_, decorators, _, _, _ := daDefParts(fn)
	for _, d := range decorators {
		if m.MatchesQualified(d, "builtins.staticmethod") {
			return nil // the first parameter is an ordinary argument
		}
	}
	params := positionalParams(daMustArgs(fn))
	if len(params) == 0 || params[0].Arg != name.Id {
		return nil
	}
	if id := m.Resolve(name); id == semantic.NoBinding || m.Binding(id).Node != ast.Node(params[0]) {
		return nil
	}
	return class
}

// daDecoratorReader says whether a decorator of def reads its annotations.
func daDecoratorReader(m *semantic.Model, def ast.Node, d ast.Expr, web bool) (annotationReader, bool) {
	call, isCall := d.(*ast.Call)
	fn := d
	if isCall {
		fn = call.Func
	}
	q := m.QualifiedName(fn)
	if rd, ok := daCallReaders[q]; ok && rd.what != "" {
		if (q == "attr.s" || q == "attr.attrs") && !(isCall && keyword(call, "auto_attribs") != nil && daIsTrue(keyword(call, "auto_attribs").Value)) {
			return annotationReader{}, false
		}
		return rd, true
	}
	attr, ok := fn.(*ast.Attribute)
	if !ok {
		return annotationReader{}, false
	}
	if attr.Attr == "register" && !isCall {
		// @fun.register on a function of a singledispatch function.
		if target := daRegisterTarget(m, attr.Value); target != nil {
			return annotationReader{"functools.singledispatch", true, false}, true
		}
	}
	if web && isCall && daRouteMethods[attr.Attr] {
		if _, ok := attr.Value.(*ast.Name); ok {
			return annotationReader{"FastAPI", true, false}, true
		}
	}
	return annotationReader{}, false
}

// daRegisterTarget returns the singledispatch function (or method) that a
// name stands for, or nil.
func daRegisterTarget(m *semantic.Model, e ast.Expr) ast.Node {
	name, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	id := m.Resolve(name)
	if id == semantic.NoBinding || m.Binding(id).Kind != semantic.FunctionDef {
		return nil
	}
	fn := m.Binding(id).Node
	_, decorators, _, _, _ := daDefParts(fn)
	for _, d := range decorators {
		if m.MatchesQualified(d, "functools.singledispatch", "functools.singledispatchmethod") {
			return fn
		}
	}
	return nil
}

// daBaseReader says whether a class derives from a base class that reads
// the annotations of its subclasses.
func daBaseReader(m *semantic.Model, c *ast.ClassDef, depth int) (annotationReader, bool) {
	if depth > 8 {
		return annotationReader{}, false
	}
	for _, b := range c.Bases {
		if rd, ok := daBaseReaders[m.QualifiedName(b)]; ok {
			return rd, true
		}
		if base := daLocalClass(m, b); base != nil && base != c {
			if rd, ok := daBaseReader(m, base, depth+1); ok {
				return rd, true
			}
		}
	}
	return annotationReader{}, false
}

// daIsTrue reports whether e is the constant True.
func daIsTrue(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	return ok && k.Value.Kind == ast.TrueValue
}

// daReaderOf returns the reader of an annotation's owner: the def itself or
// the class of a class-body variable.
func daReaderOf(p *checks.Pass, r *annotationRoot) (annotationReader, bool) {
	m := p.Model
	rs := daRuntimeReaders(p)
	if rd, ok := rs.targets[r.owner]; ok {
		return rd, true
	}
	if r.site == siteVariable {
		if m.Scope(r.scope).Kind == semantic.ClassScope {
			rd, ok := rs.targets[m.Scope(r.scope).Node]
			return rd, ok
		}
		return annotationReader{}, false
	}
	return annotationReader{}, false
}

// daClassMethod returns the def of a method of class c, or nil.
func daClassMethod(m *semantic.Model, c *ast.ClassDef, name string) ast.Node {
	cs, ok := m.ScopeFor(c)
	if !ok {
		return nil
	}
	for _, id := range m.Scope(cs).Bindings(name) {
		if b := m.Binding(id); b.Kind == semantic.FunctionDef {
			return b.Node
		}
	}
	return nil
}

// daTypeCheckingOnly reports whether every binding of a name that a read
// resolves to is made under `if TYPE_CHECKING:`.
func daTypeCheckingOnly(m *semantic.Model, name *ast.Name) bool {
	id := m.Resolve(name)
	if id == semantic.NoBinding {
		return false
	}
	s := m.Binding(id).Scope
	found := false
	for _, b := range m.Scope(s).Bindings(name.Id) {
		switch m.Binding(b).Kind {
		case semantic.Annotation, semantic.GlobalDecl, semantic.Deletion:
			continue
		}
		if !daBindingInTypeChecking(m, b) {
			return false
		}
		found = true
	}
	return found
}
