package rules

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// This file holds the checks CPython's compiler makes after parsing: the
// SyntaxErrors compile() raises and ast.parse does not. CPython finds them
// in three passes after the parser, each stopping at its first error: the
// names no code may bind (__debug__), the symbol table (scopes,
// global and nonlocal declarations, yield and await placement,
// assignment expressions in comprehensions) and code generation (return,
// break and continue placement, starred targets, repeated keywords, match
// patterns). compileErrors runs the same passes over the whole tree and
// keeps going after an error, so that every error is reported, each with
// the message and the span CPython gives it.
//
// Errors in annotations (yield, await and walrus inside them) are left to
// the DA rules, which own annotations.

// compileError is one error compile() raises.
type compileError struct {
	span token.Span
	msg  string
}

type compileErrorsKey struct{}

// compileErrors returns the compile-time errors of the file, in the order
// of CPython's passes. A file with syntax errors has none: its tree is
// partial.
func compileErrors(p *checks.Pass) []compileError {
	return p.Memo(compileErrorsKey{}, func() any {
		symtable, codegen := passesNeeded(p.Model)
		if !symtable {
			return findCompileErrors(p.File, nil, false, codegen)
		}
		return findCompileErrors(p.File, directiveNames(p), true, true)
	}).([]compileError)
}

// passesNeeded reports which passes over the whole tree can find an error
// in the module; most modules need neither.
//
// The symbol table pass is needed when it can find an error or has
// something to tell code generation. Its errors are about global and
// nonlocal statements, := in comprehensions, await outside an async
// def's body, yield in comprehensions, type
// parameters and aliases, asynchronous comprehensions, import * outside
// the module level and duplicate parameters; code generation only asks it
// which async functions are generators. When it is needed, so is code
// generation.
//
// Without it, code generation can only report: return outside a
// function, async for and async with outside an async function, break and
// continue outside a loop, anything in a module with except* (return,
// break and continue leaving one) or match (the pattern errors), a bare
// except before another, a late __future__ import, a repeated keyword
// argument, a starred expression outside a display, a call's arguments or
// a class's bases, and more than one starred target. (Its yield errors,
// and the type parameter ones, are in modules the symbol table pass runs
// on.)
func passesNeeded(m *semantic.Model) (symtable, codegen bool) {
	futureEnd := futureBlockEnd(m.Module)
	for i := range m.Nodes {
		info := &m.Nodes[i]
		switch n := info.Node.(type) {
		case *ast.Global, *ast.Nonlocal,
			*ast.TypeVar, *ast.ParamSpec, *ast.TypeVarTuple, *ast.TypeAlias:
			return true, true
		case *ast.Await:
			// In the body of an async def, where it belongs.
			sc := m.Scope(info.Scope)
			if _, async := sc.Node.(*ast.AsyncFunctionDef); !async || sc.Kind != semantic.FunctionScope {
				return true, true
			}
		case *ast.NamedExpr:
			// Its errors are about comprehensions and, with global and
			// nonlocal (above), about the name it binds.
			switch m.Scope(info.Scope).Kind {
			case semantic.ModuleScope, semantic.ClassScope, semantic.FunctionScope, semantic.LambdaScope:
				if inComprehension(m, info) {
					return true, true
				}
			default:
				return true, true
			}
		case *ast.Return:
			if m.Scope(info.Scope).Kind != semantic.FunctionScope {
				codegen = true
			}
		case *ast.Break, *ast.Continue:
			// The model's InLoop is the compiler's loop count above zero:
			// set in for and while bodies (not their else), cleared in
			// function and class bodies.
			if info.Flags&semantic.InLoop == 0 {
				codegen = true
			}
		case *ast.AsyncFor, *ast.AsyncWith:
			sc := m.Scope(info.Scope)
			if _, async := sc.Node.(*ast.AsyncFunctionDef); !async || sc.Kind != semantic.FunctionScope {
				codegen = true
			}
		case *ast.TryStar, *ast.Match:
			codegen = true
		case *ast.Try:
			for j, h := range n.Handlers {
				if h.Type == nil && j < len(n.Handlers)-1 {
					codegen = true
				}
			}
		case *ast.Call:
			if repeatedKeyword(n.Keywords) {
				codegen = true
			}
		case *ast.ClassDef:
			if repeatedKeyword(n.Keywords) {
				codegen = true
			}
		case *ast.Starred:
			if !starredAllowed(m, info, n) {
				codegen = true
			}
		case *ast.Tuple:
			if n.Ctx == ast.Store && badUnpack(n.Elts) {
				codegen = true
			}
		case *ast.List:
			if n.Ctx == ast.Store && badUnpack(n.Elts) {
				codegen = true
			}
		case *ast.Yield, *ast.YieldFrom:
			sc := m.Scope(info.Scope)
			if _, async := sc.Node.(*ast.AsyncFunctionDef); async || sc.Kind != semantic.FunctionScope && sc.Kind != semantic.LambdaScope {
				// In an async generator, a comprehension, or at module or
				// class level (which code generation reports).
				return true, true
			}
		case *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp:
			if gens, _ := ast.Generators(n); asyncGenerators(gens) {
				return true, true
			}
		case *ast.ImportFrom:
			if isFutureImport(n) && n.Pos() > futureEnd {
				codegen = true
			}
			for _, a := range n.Names {
				if a.Name == "*" && info.Scope != 0 {
					return true, true
				}
			}
		case *ast.FunctionDef:
			if duplicateParams(n.Args) {
				return true, true
			}
		case *ast.AsyncFunctionDef:
			if duplicateParams(n.Args) {
				return true, true
			}
		case *ast.Lambda:
			if duplicateParams(n.Args) {
				return true, true
			}
		}
	}
	return false, codegen
}

// inComprehension reports whether a node of an expression is inside a
// comprehension of that expression (its first iterable too).
func inComprehension(m *semantic.Model, info *semantic.NodeInfo) bool {
	for p := info.Parent; p != semantic.NoNode; p = m.Nodes[p].Parent {
		switch m.Nodes[p].Node.(type) {
		case *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp:
			return true
		case ast.Stmt:
			return false
		}
	}
	return false
}

// repeatedKeyword reports whether two keyword arguments have one name.
func repeatedKeyword(kws []*ast.Keyword) bool {
	for j, k := range kws {
		if k.Arg == "" {
			continue
		}
		for _, earlier := range kws[:j] {
			if earlier.Arg == k.Arg {
				return true
			}
		}
	}
	return false
}

// starredAllowed reports whether code generation visits the starred
// expression n as an element of a display, an argument of a call or a
// base of a class, where *x is allowed (see codegen.starredAllowed).
func starredAllowed(m *semantic.Model, info *semantic.NodeInfo, n *ast.Starred) bool {
	if info.Parent == semantic.NoNode {
		return false
	}
	switch p := m.Nodes[info.Parent].Node.(type) {
	case *ast.List, *ast.Tuple, *ast.Set:
		return true
	case *ast.Call:
		for _, a := range p.Args {
			if a == ast.Expr(n) {
				return true
			}
		}
	case *ast.ClassDef:
		for _, b := range p.Bases {
			if b == ast.Expr(n) {
				return true
			}
		}
	}
	return false
}

// badUnpack reports whether code generation rejects the starred elements
// of a list or tuple target (see codegen.unpack).
func badUnpack(elts []ast.Expr) bool {
	seen := false
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); !ok {
			continue
		}
		if seen || i >= 1<<8 || len(elts)-i-1 >= math.MaxInt32>>8 {
			return true
		}
		seen = true
	}
	return false
}

// asyncGenerators reports whether a comprehension has an async for.
func asyncGenerators(gens []*ast.Comprehension) bool {
	for _, g := range gens {
		if g.IsAsync != 0 {
			return true
		}
	}
	return false
}

// duplicateParams reports whether two parameters have one name.
func duplicateParams(args *ast.Arguments) bool {
	if args == nil {
		return false
	}
	all := allArgs(args)
	for i, a := range all {
		for _, b := range all[:i] {
			if a.Arg == b.Arg {
				return true
			}
		}
	}
	return false
}

// directiveNames returns the names that global and nonlocal statements
// declare and that assignment expressions bind anywhere in the file. Only
// the symbol table flags of these names can make an error: see
// compileChecker.names.
func directiveNames(p *checks.Pass) map[string]bool {
	src := p.Src()
	if !bytes.Contains(src, []byte("global")) && !bytes.Contains(src, []byte("nonlocal")) && !bytes.Contains(src, []byte(":=")) {
		return nil
	}
	var names map[string]bool
	add := func(name string) {
		if names == nil {
			names = map[string]bool{}
		}
		names[name] = true
	}
	for i := range p.Model.Nodes {
		switch n := p.Model.Nodes[i].Node.(type) {
		case *ast.Global:
			for _, name := range n.Names {
				add(name)
			}
		case *ast.Nonlocal:
			for _, name := range n.Names {
				add(name)
			}
		case *ast.NamedExpr:
			if t, ok := n.Target.(*ast.Name); ok {
				add(t.Id)
			}
		}
	}
	return names
}

// findCompileErrors runs the compiler's checks over a parsed file. names
// are the names whose symbol table flags are recorded (see
// compileChecker.names); symtable and codegen false skip those passes
// (see passesNeeded).
func findCompileErrors(f *parser.File, names map[string]bool, symtable, codegen bool) []compileError {
	if len(f.Errors) > 0 || f.Module == nil {
		return nil
	}
	c := &compileChecker{scopes: map[ast.Node]*stScope{}, names: names}
	src := f.File.Src
	c.future(f.Module)
	// Only an identifier spelled __debug__, or one that NFKC-normalizes
	// to it (which takes a non-ASCII character), can bind __debug__.
	if bytes.Contains(src, []byte("__debug__")) || !isASCII(src) {
		c.forbiddenNames(f.Module)
	}
	if symtable {
		c.symtable(f.Module)
	}
	if codegen {
		c.codegen(f.Module)
	}
	return c.errs
}

type compileChecker struct {
	errs []compileError

	futureEnd token.Pos // start of the last statement of the __future__ block, or -1

	// The symbol table.
	// names are the names recorded in the blocks besides type parameters.
	// Every error of the symbol table but duplicate parameters (which
	// params finds) is about a name that a global or nonlocal statement
	// declares or an assignment expression binds; recording every other
	// name would cost a map write per name for nothing.
	names     map[string]bool
	nonlocals bool // some block has a name flagged defNonlocal
	cur       *stScope
	module    *stScope
	scopes    map[ast.Node]*stScope // def, lambda and comprehension nodes to their scopes
}

func (c *compileChecker) errorf(n ast.Node, format string, args ...any) {
	c.errorSpan(token.Span{Start: n.Pos(), End: n.End()}, format, args...)
}

func (c *compileChecker) errorSpan(s token.Span, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	c.errs = append(c.errs, compileError{span: s, msg: msg})
}

// ---------------------------------------------------------------------------
// The __future__ block

// isFutureImport reports whether s is "from __future__ import ...".
func isFutureImport(s ast.Node) bool {
	imp, ok := s.(*ast.ImportFrom)
	return ok && imp.Module == "__future__" && imp.Level == 0
}

// future finds the end of the __future__ block: the imports from
// __future__ that open the module, after its docstring. The parser checks
// their feature names; code generation rejects later ones.
func (c *compileChecker) future(mod *ast.Module) { c.futureEnd = futureBlockEnd(mod) }

// futureBlockEnd returns the start of the last statement of the
// __future__ block, or -1.
func futureBlockEnd(mod *ast.Module) token.Pos {
	end := token.Pos(-1)
	body := mod.Body
	if len(body) > 0 && isDocstring(body[0]) {
		body = body[1:]
	}
	for _, s := range body {
		if !isFutureImport(s) {
			break
		}
		end = s.Pos()
	}
	return end
}

// isDocstring reports whether s is a string literal statement.
func isDocstring(s ast.Stmt) bool {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	_, ok = stringConstant(e.Value)
	return ok
}

// ---------------------------------------------------------------------------
// __debug__

// forbiddenNames reports every place that would bind or delete __debug__.
func (c *compileChecker) forbiddenNames(mod *ast.Module) {
	const (
		name   = "__debug__"
		assign = "cannot assign to __debug__"
	)
	ast.Inspect(mod, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Name:
			if n.Id == name {
				switch n.Ctx {
				case ast.Store:
					c.errorf(n, assign)
				case ast.Del:
					c.errorf(n, "cannot delete __debug__")
				}
			}
		case *ast.Attribute:
			if n.Attr == name {
				switch n.Ctx {
				case ast.Store:
					c.errorf(n, assign)
				case ast.Del:
					c.errorf(n, "cannot delete __debug__")
				}
			}
		case *ast.Keyword:
			if n.Arg == name {
				c.errorf(n, assign)
			}
		case *ast.Arg:
			if n.Arg == name {
				c.errorf(n, assign)
			}
		case *ast.FunctionDef:
			if n.Name == name {
				c.errorf(n, assign)
			}
		case *ast.AsyncFunctionDef:
			if n.Name == name {
				c.errorf(n, assign)
			}
		case *ast.ClassDef:
			if n.Name == name {
				c.errorf(n, assign)
			}
		case *ast.Import:
			for _, a := range n.Names {
				stored := a.Asname
				if stored == "" {
					stored, _, _ = strings.Cut(a.Name, ".")
				}
				if stored == name {
					c.errorf(a, assign)
				}
			}
		case *ast.ImportFrom:
			for _, a := range n.Names {
				stored := a.Asname
				if stored == "" {
					stored = a.Name
				}
				if stored == name {
					c.errorf(a, assign)
				}
			}
		case *ast.ExceptHandler:
			if n.Name == name {
				c.errorf(n, assign)
			}
		case *ast.MatchAs:
			if n.Name == name {
				c.errorf(n, assign)
			}
		case *ast.MatchStar:
			if n.Name == name {
				c.errorf(n, assign)
			}
		case *ast.MatchMapping:
			if n.Rest == name {
				c.errorf(n, assign)
			}
		case *ast.MatchClass:
			for i, a := range n.KwdAttrs {
				if a == name && i < len(n.KwdPatterns) {
					c.errorf(n.KwdPatterns[i], assign)
				}
			}
		case *ast.TypeVar:
			if n.Name == name {
				c.errorf(n, assign)
			}
		case *ast.ParamSpec:
			if n.Name == name {
				c.errorf(n, assign)
			}
		case *ast.TypeVarTuple:
			if n.Name == name {
				c.errorf(n, assign)
			}
		}
		return true
	})
}

// ---------------------------------------------------------------------------
// The symbol table

type stKind uint8

const (
	stModule stKind = iota
	stClass
	stFunction      // def, async def and lambda
	stComprehension // comprehensions and generator expressions
	stAnnotation    // the annotations of a def or of a module or class body
	stTypeParams    // the type parameters of a generic def, class or type alias
	stTypeAlias     // the value of a type statement
	stTypeVariable  // the bound, constraints or default of a type parameter
)

type stFlag uint16

const (
	defGlobal    stFlag = 1 << iota // global declaration
	defLocal                        // bound in the scope
	defParam                        // a parameter
	defNonlocal                     // nonlocal declaration
	defUse                          // read
	defImport                       // bound by an import
	defAnnot                        // annotated
	defCompIter                     // iteration variable of a comprehension
	defTypeParam                    // a type parameter
)

// stScope is one block of CPython's symbol table.
type stScope struct {
	kind     stKind
	parent   *stScope
	children []*stScope

	coroutine bool   // async def, or a comprehension that awaits
	generator bool   // contains yield
	comp      string // "list comprehension", ... for comprehensions
	info      string // for stTypeVariable: "a TypeVar bound", ...

	flags      map[string]stFlag
	names      []string                // in the order first seen
	directives map[string][]token.Span // global and nonlocal statements (and walrus targets) per name

	compIterTarget bool // visiting the target of a comprehension's for
	compIterExpr   int  // visiting the iterable of a comprehension's for
}

// functionLike reports whether the block is compiled as a function.
func (s *stScope) functionLike() bool {
	return s.kind != stModule && s.kind != stClass
}

// functionBlock reports whether the block is a FunctionBlock in CPython's
// sense: a def, a lambda or a comprehension.
func (s *stScope) functionBlock() bool {
	return s.kind == stFunction || s.kind == stComprehension
}

func (c *compileChecker) enter(kind stKind, n ast.Node) *stScope {
	s := &stScope{kind: kind, parent: c.cur}
	if c.cur != nil {
		c.cur.children = append(c.cur.children, s)
		// A block inside a comprehension's iterable is still inside it.
		s.compIterExpr = c.cur.compIterExpr
	}
	if n != nil {
		c.scopes[n] = s
	}
	c.cur = s
	return s
}

func (c *compileChecker) exit() { c.cur = c.cur.parent }

// addDef records a use or binding of name in the current block.
func (c *compileChecker) addDef(name string, flag stFlag, at token.Span) {
	c.addDefIn(c.cur, name, flag, at)
}

// declare records the names of a global or nonlocal statement s (word is
// "global" or "nonlocal", flag defGlobal or defNonlocal), reporting a name
// the block used, bound, annotated or has as a parameter before.
func (c *compileChecker) declare(s ast.Stmt, names []string, word string, flag stFlag) {
	for _, name := range names {
		cur := c.cur.flags[name]
		if cur&(defParam|defLocal|defUse|defAnnot) != 0 {
			switch {
			case cur&defParam != 0:
				c.errorf(s, "name '%s' is parameter and "+word, name)
			case cur&defUse != 0:
				c.errorf(s, "name '%s' is used prior to "+word+" declaration", name)
			case cur&defAnnot != 0:
				c.errorf(s, "annotated name '%s' can't be "+word, name)
			default:
				c.errorf(s, "name '%s' is assigned to before "+word+" declaration", name)
			}
		}
		c.addDef(name, flag, spanOf(s))
		c.cur.addDirective(name, spanOf(s))
	}
}

func (c *compileChecker) addDefIn(s *stScope, name string, flag stFlag, at token.Span) {
	if flag&defTypeParam == 0 && !c.names[name] {
		return
	}
	if flag&defNonlocal != 0 {
		c.nonlocals = true
	}
	if s.flags == nil {
		s.flags = map[string]stFlag{}
	}
	val, seen := s.flags[name]
	if seen {
		if flag&defTypeParam != 0 && val&defTypeParam != 0 {
			c.errorSpan(at, "duplicate type parameter '%s'", name)
		}
	} else {
		s.names = append(s.names, name)
	}
	val |= flag
	if s.compIterTarget {
		if val&(defGlobal|defNonlocal) != 0 {
			c.errorSpan(at, "comprehension inner loop cannot rebind assignment expression target '%s'", name)
		}
		val |= defCompIter
	}
	s.flags[name] = val
	if flag&defGlobal != 0 && s != c.module {
		// A global declaration marks the module's name too.
		if _, ok := c.module.flags[name]; !ok {
			c.module.names = append(c.module.names, name)
		}
		if c.module.flags == nil {
			c.module.flags = map[string]stFlag{}
		}
		c.module.flags[name] |= defGlobal
	}
}

func spanOf(n ast.Node) token.Span { return token.Span{Start: n.Pos(), End: n.End()} }

func (c *compileChecker) symtable(mod *ast.Module) {
	c.module = c.enter(stModule, mod)
	c.stmts(mod.Body)
	c.exit()
	// Only nonlocal declarations (and the assignment expression targets
	// recorded as such) can fail the analysis.
	if c.nonlocals {
		c.analyze(c.module, nil)
	}
}

func (c *compileChecker) stmts(body []ast.Stmt) {
	for _, s := range body {
		c.stmt(s)
	}
}

func (c *compileChecker) exprs(es []ast.Expr) {
	for _, e := range es {
		if e != nil {
			c.expr(e)
		}
	}
}

func (c *compileChecker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.FunctionDef:
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams, false)
	case *ast.AsyncFunctionDef:
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, s.TypeParams, true)
	case *ast.ClassDef:
		c.addDef(s.Name, defLocal, spanOf(s))
		c.exprs(s.DecoratorList)
		if len(s.TypeParams) > 0 {
			c.enter(stTypeParams, nil)
			c.typeParams(s.TypeParams)
		}
		c.exprs(s.Bases)
		for _, k := range s.Keywords {
			c.expr(k.Value)
		}
		c.enter(stClass, s)
		c.stmts(s.Body)
		c.exit()
		if len(s.TypeParams) > 0 {
			c.exit()
		}
	case *ast.Return:
		if s.Value != nil {
			c.expr(s.Value)
		}
	case *ast.Delete:
		c.exprs(s.Targets)
	case *ast.Assign:
		c.exprs(s.Targets)
		c.expr(s.Value)
	case *ast.AnnAssign:
		if name, ok := s.Target.(*ast.Name); ok {
			cur := c.cur.flags[name.Id]
			if cur&(defGlobal|defNonlocal) != 0 && c.cur != c.module && s.Simple == 1 {
				if cur&defGlobal != 0 {
					c.errorf(s, "annotated name '%s' can't be global", name.Id)
				} else {
					c.errorf(s, "annotated name '%s' can't be nonlocal", name.Id)
				}
			}
			if s.Simple == 1 {
				c.addDef(name.Id, defAnnot|defLocal, spanOf(name))
			} else if s.Value != nil {
				c.addDef(name.Id, defLocal, spanOf(name))
			}
		} else {
			c.expr(s.Target)
		}
		c.annotation(s.Annotation)
		if s.Value != nil {
			c.expr(s.Value)
		}
	case *ast.AugAssign:
		c.expr(s.Target)
		c.expr(s.Value)
	case *ast.TypeAlias:
		c.expr(s.Name)
		if len(s.TypeParams) > 0 {
			c.enter(stTypeParams, nil)
			c.typeParams(s.TypeParams)
		}
		c.enter(stTypeAlias, nil)
		c.expr(s.Value)
		c.exit()
		if len(s.TypeParams) > 0 {
			c.exit()
		}
	case *ast.For:
		c.expr(s.Target)
		c.expr(s.Iter)
		c.stmts(s.Body)
		c.stmts(s.Orelse)
	case *ast.AsyncFor:
		c.expr(s.Target)
		c.expr(s.Iter)
		c.stmts(s.Body)
		c.stmts(s.Orelse)
	case *ast.While:
		c.expr(s.Test)
		c.stmts(s.Body)
		c.stmts(s.Orelse)
	case *ast.If:
		c.expr(s.Test)
		c.stmts(s.Body)
		c.stmts(s.Orelse)
	case *ast.With:
		for _, it := range s.Items {
			c.expr(it.ContextExpr)
			if it.OptionalVars != nil {
				c.expr(it.OptionalVars)
			}
		}
		c.stmts(s.Body)
	case *ast.AsyncWith:
		for _, it := range s.Items {
			c.expr(it.ContextExpr)
			if it.OptionalVars != nil {
				c.expr(it.OptionalVars)
			}
		}
		c.stmts(s.Body)
	case *ast.Match:
		c.expr(s.Subject)
		for _, mc := range s.Cases {
			c.pattern(mc.Pattern)
			if mc.Guard != nil {
				c.expr(mc.Guard)
			}
			c.stmts(mc.Body)
		}
	case *ast.Raise:
		if s.Exc != nil {
			c.expr(s.Exc)
		}
		if s.Cause != nil {
			c.expr(s.Cause)
		}
	case *ast.Try:
		c.try(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *ast.TryStar:
		c.try(s.Body, s.Handlers, s.Orelse, s.Finalbody)
	case *ast.Assert:
		c.expr(s.Test)
		if s.Msg != nil {
			c.expr(s.Msg)
		}
	case *ast.Import:
		for _, a := range s.Names {
			stored := a.Asname
			if stored == "" {
				stored, _, _ = strings.Cut(a.Name, ".")
			}
			c.addDef(stored, defImport, spanOf(a))
		}
	case *ast.ImportFrom:
		for _, a := range s.Names {
			if a.Name == "*" {
				if c.cur.kind != stModule {
					c.errorf(a, "import * only allowed at module level")
				}
				continue
			}
			stored := a.Asname
			if stored == "" {
				stored = a.Name
			}
			c.addDef(stored, defImport, spanOf(a))
		}
	case *ast.Global:
		c.declare(s, s.Names, "global", defGlobal)
	case *ast.Nonlocal:
		c.declare(s, s.Names, "nonlocal", defNonlocal)
	case *ast.ExprStmt:
		c.expr(s.Value)
	}
}

func (c *compileChecker) try(body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, final []ast.Stmt) {
	c.stmts(body)
	for _, h := range handlers {
		if h.Type != nil {
			c.expr(h.Type)
		}
		if h.Name != "" {
			c.addDef(h.Name, defLocal, spanOf(h))
		}
		c.stmts(h.Body)
	}
	c.stmts(orelse)
	c.stmts(final)
}

func (c *compileChecker) function(n ast.Node, name string, args *ast.Arguments, body []ast.Stmt, decorators []ast.Expr, returns ast.Expr, tparams []ast.TypeParam, async bool) {
	c.addDef(name, defLocal, spanOf(n))
	if args != nil {
		c.exprs(args.Defaults)
		c.exprs(args.KwDefaults)
	}
	c.exprs(decorators)
	if len(tparams) > 0 {
		c.enter(stTypeParams, nil)
		c.typeParams(tparams)
	}
	if args != nil {
		for _, a := range allArgs(args) {
			if a.Annotation != nil {
				c.annotation(a.Annotation)
			}
		}
	}
	if returns != nil {
		c.annotation(returns)
	}
	fn := c.enter(stFunction, n)
	fn.coroutine = async
	c.params(args)
	c.stmts(body)
	c.exit()
	if len(tparams) > 0 {
		c.exit()
	}
}

// allArgs returns the parameters in CPython's symbol table order:
// positional-only, positional, keyword-only, *args, **kwargs.
func allArgs(args *ast.Arguments) []*ast.Arg {
	var out []*ast.Arg
	out = append(out, args.Posonlyargs...)
	out = append(out, args.Args...)
	out = append(out, args.Kwonlyargs...)
	if args.Vararg != nil {
		out = append(out, args.Vararg)
	}
	if args.Kwarg != nil {
		out = append(out, args.Kwarg)
	}
	return out
}

func (c *compileChecker) params(args *ast.Arguments) {
	if args == nil {
		return
	}
	// Duplicates are found here rather than in addDefIn, so that the
	// block records only the parameters directive names ask about.
	all := allArgs(args)
	for i, a := range all {
		for _, b := range all[:i] {
			if b.Arg == a.Arg {
				c.errorSpan(spanOf(a), "duplicate argument '%s' in function definition", a.Arg)
				break
			}
		}
		c.addDef(a.Arg, defParam, spanOf(a))
	}
}

// annotation visits an annotation in a block of its own.
func (c *compileChecker) annotation(e ast.Expr) {
	c.enter(stAnnotation, nil)
	c.expr(e)
	c.exit()
}

func (c *compileChecker) typeParams(tps []ast.TypeParam) {
	for _, tp := range tps {
		var name string
		var bound, def ast.Expr
		boundInfo, defInfo := "", ""
		switch tp := tp.(type) {
		case *ast.TypeVar:
			name, bound, def = tp.Name, tp.Bound, tp.DefaultValue
			boundInfo, defInfo = "a TypeVar bound", "a TypeVar default"
			if _, ok := bound.(*ast.Tuple); ok {
				boundInfo = "a TypeVar constraint"
			}
		case *ast.TypeVarTuple:
			name, def, defInfo = tp.Name, tp.DefaultValue, "a TypeVarTuple default"
		case *ast.ParamSpec:
			name, def, defInfo = tp.Name, tp.DefaultValue, "a ParamSpec default"
		}
		if name == "__classdict__" {
			c.errorf(tp, "reserved name '%s' cannot be used for type parameter", name)
		}
		c.addDef(name, defTypeParam|defLocal, spanOf(tp))
		for _, part := range []struct {
			e    ast.Expr
			info string
		}{{bound, boundInfo}, {def, defInfo}} {
			if part.e == nil {
				continue
			}
			s := c.enter(stTypeVariable, nil)
			s.info = part.info
			c.expr(part.e)
			c.exit()
		}
	}
}

// raiseIfAnnotationBlock reports what (a yield, await or named
// expression) in a block that cannot contain it, and reports whether it
// did. Annotations are left to the DA rules: the expression is not
// reported, but it is not allowed either.
func (c *compileChecker) raiseIfAnnotationBlock(what string, e ast.Node) bool {
	switch c.cur.kind {
	case stAnnotation:
		return true
	case stTypeVariable:
		c.errorf(e, "%s cannot be used within %s", what, c.cur.info)
		return true
	case stTypeAlias:
		c.errorf(e, "%s cannot be used within a type alias", what)
		return true
	case stTypeParams:
		c.errorf(e, "%s cannot be used within the definition of a generic", what)
		return true
	}
	return false
}

func (c *compileChecker) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.NamedExpr:
		if c.raiseIfAnnotationBlock("named expression", e) {
			return
		}
		if c.cur.compIterExpr > 0 {
			c.errorf(e, "assignment expression cannot be used in a comprehension iterable expression")
		}
		name, _ := e.Target.(*ast.Name)
		if c.cur.kind == stComprehension && name != nil {
			c.extendNamedExprScope(name)
		}
		c.expr(e.Value)
		c.expr(e.Target)
	case *ast.BoolOp:
		c.exprs(e.Values)
	case *ast.BinOp:
		c.expr(e.Left)
		c.expr(e.Right)
	case *ast.UnaryOp:
		c.expr(e.Operand)
	case *ast.Lambda:
		if e.Args != nil {
			c.exprs(e.Args.Defaults)
			c.exprs(e.Args.KwDefaults)
		}
		c.enter(stFunction, e)
		c.params(e.Args)
		c.expr(e.Body)
		c.exit()
	case *ast.IfExp:
		c.expr(e.Test)
		c.expr(e.Body)
		c.expr(e.Orelse)
	case *ast.Dict:
		for i, k := range e.Keys {
			if k != nil {
				c.expr(k)
			}
			c.expr(e.Values[i])
		}
	case *ast.Set:
		c.exprs(e.Elts)
	case *ast.ListComp:
		c.comprehension(e, "list comprehension", e.Generators, e.Elt, nil)
	case *ast.SetComp:
		c.comprehension(e, "set comprehension", e.Generators, e.Elt, nil)
	case *ast.DictComp:
		c.comprehension(e, "dict comprehension", e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		c.comprehension(e, "generator expression", e.Generators, e.Elt, nil)
	case *ast.Yield:
		if c.raiseIfAnnotationBlock("yield expression", e) {
			return
		}
		if e.Value != nil {
			c.expr(e.Value)
		}
		c.yield(e)
	case *ast.YieldFrom:
		if c.raiseIfAnnotationBlock("yield expression", e) {
			return
		}
		c.expr(e.Value)
		c.yield(e)
	case *ast.Await:
		if c.raiseIfAnnotationBlock("await expression", e) {
			return
		}
		if !c.cur.functionLike() {
			c.errorf(e, "'await' outside function")
		} else if !(c.cur.functionBlock() && c.cur.coroutine) && c.cur.kind != stComprehension {
			c.errorf(e, "'await' outside async function")
		}
		c.expr(e.Value)
		c.cur.coroutine = true
	case *ast.Compare:
		c.expr(e.Left)
		c.exprs(e.Comparators)
	case *ast.Call:
		c.expr(e.Func)
		c.exprs(e.Args)
		for _, k := range e.Keywords {
			c.expr(k.Value)
		}
	case *ast.FormattedValue:
		c.expr(e.Value)
		if e.FormatSpec != nil {
			c.expr(e.FormatSpec)
		}
	case *ast.Interpolation:
		c.expr(e.Value)
		if e.FormatSpec != nil {
			c.expr(e.FormatSpec)
		}
	case *ast.JoinedStr:
		c.exprs(e.Values)
	case *ast.TemplateStr:
		c.exprs(e.Values)
	case *ast.Attribute:
		c.expr(e.Value)
	case *ast.Subscript:
		c.expr(e.Value)
		c.expr(e.Slice)
	case *ast.Starred:
		c.expr(e.Value)
	case *ast.Slice:
		for _, x := range []ast.Expr{e.Lower, e.Upper, e.Step} {
			if x != nil {
				c.expr(x)
			}
		}
	case *ast.Name:
		if e.Ctx == ast.Load && e.Id == "__debug__" {
			// The compiler reads __debug__ as a constant.
			return
		}
		if e.Ctx == ast.Load {
			c.addDef(e.Id, defUse, spanOf(e))
		} else {
			c.addDef(e.Id, defLocal, spanOf(e))
		}
	case *ast.List:
		c.exprs(e.Elts)
	case *ast.Tuple:
		c.exprs(e.Elts)
	}
}

// yield records a yield in the current block, which must not be a
// comprehension.
func (c *compileChecker) yield(e ast.Expr) {
	c.cur.generator = true
	if c.cur.kind == stComprehension {
		c.errorf(e, "'yield' inside %s", c.cur.comp)
	}
}

// extendNamedExprScope binds the target of an assignment expression in a
// comprehension in the block that contains the comprehension.
func (c *compileChecker) extendNamedExprScope(target *ast.Name) {
	name := target.Id
	at := spanOf(target)
	for s := c.cur; s != nil; s = s.parent {
		switch s.kind {
		case stComprehension:
			if s.flags[name]&defCompIter != 0 {
				c.errorSpan(at, "assignment expression cannot rebind comprehension iteration variable '%s'", name)
				return
			}
			continue
		case stModule:
			c.addDef(name, defGlobal, at)
			c.cur.addDirective(name, at)
			c.addDefIn(s, name, defGlobal, at)
			return
		case stClass:
			c.errorSpan(at, "assignment expression within a comprehension cannot be used in a class body")
			return
		case stTypeParams:
			c.errorSpan(at, "assignment expression within a comprehension cannot be used within the definition of a generic")
			return
		case stTypeAlias:
			c.errorSpan(at, "assignment expression within a comprehension cannot be used in a type alias")
			return
		case stTypeVariable:
			c.errorSpan(at, "assignment expression within a comprehension cannot be used in a TypeVar bound")
			return
		}
		// A function-like block: a def, a lambda or an annotation.
		if s.flags[name]&defGlobal != 0 {
			c.addDef(name, defGlobal, at)
		} else {
			c.addDef(name, defNonlocal, at)
		}
		c.cur.addDirective(name, at)
		c.addDefIn(s, name, defLocal, at)
		return
	}
}

func (c *compileChecker) comprehension(e ast.Expr, kind string, gens []*ast.Comprehension, elt, value ast.Expr) {
	if len(gens) == 0 {
		return
	}
	outer := gens[0]
	c.cur.compIterExpr++
	c.expr(outer.Iter)
	c.cur.compIterExpr--
	parent := c.cur
	s := c.enter(stComprehension, e)
	s.comp = kind
	if outer.IsAsync != 0 {
		s.coroutine = true
	}
	s.compIterTarget = true
	c.expr(outer.Target)
	s.compIterTarget = false
	c.exprs(outer.Ifs)
	for _, g := range gens[1:] {
		s.compIterTarget = true
		c.expr(g.Target)
		s.compIterTarget = false
		s.compIterExpr++
		c.expr(g.Iter)
		s.compIterExpr--
		c.exprs(g.Ifs)
		if g.IsAsync != 0 {
			s.coroutine = true
		}
	}
	if value != nil {
		c.expr(value)
	}
	c.expr(elt)
	_, isGen := e.(*ast.GeneratorExp)
	s.generator = isGen
	isAsync := s.coroutine && !isGen
	c.exit()
	if isAsync && !(parent.functionBlock() && parent.coroutine) && parent.kind != stComprehension {
		c.errorf(e, "asynchronous comprehension outside of an asynchronous function")
	}
	if isAsync {
		parent.coroutine = true
	}
}

// pattern records the names a match pattern binds.
func (c *compileChecker) pattern(p ast.Pattern) {
	switch p := p.(type) {
	case *ast.MatchValue:
		c.expr(p.Value)
	case *ast.MatchSequence:
		for _, q := range p.Patterns {
			c.pattern(q)
		}
	case *ast.MatchMapping:
		c.exprs(p.Keys)
		for _, q := range p.Patterns {
			c.pattern(q)
		}
		if p.Rest != "" {
			c.addDef(p.Rest, defLocal, spanOf(p))
		}
	case *ast.MatchClass:
		c.expr(p.Cls)
		for _, q := range p.Patterns {
			c.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			c.pattern(q)
		}
	case *ast.MatchStar:
		if p.Name != "" {
			c.addDef(p.Name, defLocal, spanOf(p))
		}
	case *ast.MatchAs:
		if p.Pattern != nil {
			c.pattern(p.Pattern)
		}
		if p.Name != "" {
			c.addDef(p.Name, defLocal, spanOf(p))
		}
	case *ast.MatchOr:
		for _, q := range p.Patterns {
			c.pattern(q)
		}
	}
}

// analyze resolves the global and nonlocal declarations of block s and its
// children. bound holds the names bound in enclosing function blocks, each
// mapped to whether a type parameter block binds it; it is nil for the
// module.
func (c *compileChecker) analyze(s *stScope, bound map[string]bool) {
	// A class passes down what it was given: its own names are not visible
	// in nested blocks.
	var newbound map[string]bool
	if s.kind == stClass {
		newbound = copyBound(bound)
	}
	local := map[string]bool{}
	for _, name := range s.names {
		f := s.flags[name]
		switch {
		case f&defGlobal != 0:
			if f&defNonlocal != 0 {
				c.errorSpan(s.firstDirective(name), "name '%s' is nonlocal and global", name)
				continue
			}
			delete(bound, name)
		case f&defNonlocal != 0:
			if s.kind == stComprehension {
				// The target of an assignment expression, which the
				// enclosing function binds.
				continue
			}
			at := s.firstDirective(name)
			if bound == nil {
				c.errorSpan(at, "nonlocal declaration not allowed at module level")
				continue
			}
			isTypeParam, ok := bound[name]
			switch {
			case !ok:
				c.errorSpan(at, "no binding for nonlocal '%s' found", name)
			case isTypeParam:
				c.errorSpan(at, "nonlocal binding not allowed for type parameter '%s'", name)
			}
		case f&(defLocal|defParam|defImport) != 0:
			local[name] = true
		}
	}
	if s.kind != stClass {
		newbound = map[string]bool{}
		for name, tp := range bound {
			newbound[name] = tp
		}
		if s.functionLike() {
			for name := range local {
				newbound[name] = s.kind == stTypeParams
			}
		}
	}
	for _, child := range s.children {
		c.analyze(child, copyBound(newbound))
	}
}

func copyBound(b map[string]bool) map[string]bool {
	if b == nil {
		return map[string]bool{}
	}
	out := make(map[string]bool, len(b))
	for k, v := range b {
		out[k] = v
	}
	return out
}

// addDirective records a global or nonlocal statement (or a walrus target)
// for name.
func (s *stScope) addDirective(name string, at token.Span) {
	if s.directives == nil {
		s.directives = map[string][]token.Span{}
	}
	s.directives[name] = append(s.directives[name], at)
}

func (s *stScope) firstDirective(name string) token.Span {
	if d := s.directives[name]; len(d) > 0 {
		return d[0]
	}
	return token.Span{}
}

// ---------------------------------------------------------------------------
// Code generation

type cgUnit uint8

const (
	cgModule cgUnit = iota
	cgClass
	cgFunction
	cgAsyncFunction
	cgLambda
	cgComprehension
)

type codegen struct {
	c     *compileChecker
	unit  cgUnit
	scope *stScope // for functions: the symbol table block
	loops int      // enclosing loop bodies in the unit
	// exceptStar counts the enclosing except* clauses in the unit, and
	// loopExceptStar is its value where the innermost loop body starts.
	exceptStar, loopExceptStar int
}

func (c *compileChecker) codegen(mod *ast.Module) {
	g := &codegen{c: c, unit: cgModule}
	g.stmts(mod.Body)
}

func (g *codegen) errorf(n ast.Node, format string, args ...any) { g.c.errorf(n, format, args...) }

// nested returns a generator for the body of a new code unit.
func (g *codegen) nested(unit cgUnit, scope *stScope) *codegen {
	return &codegen{c: g.c, unit: unit, scope: scope}
}

func (g *codegen) functionLike() bool { return g.unit >= cgFunction }

func (g *codegen) stmts(body []ast.Stmt) {
	for _, s := range body {
		g.stmt(s)
	}
}

func (g *codegen) exprs(es []ast.Expr) {
	for _, e := range es {
		if e != nil {
			g.expr(e)
		}
	}
}

func (g *codegen) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.FunctionDef:
		g.function(s, s.Args, s.Body, s.DecoratorList, s.TypeParams, cgFunction)
	case *ast.AsyncFunctionDef:
		g.function(s, s.Args, s.Body, s.DecoratorList, s.TypeParams, cgAsyncFunction)
	case *ast.ClassDef:
		g.exprs(s.DecoratorList)
		g.typeParams(s.TypeParams)
		bases := g
		if len(s.TypeParams) > 0 {
			// The bases of a generic class are evaluated in the
			// function that binds its type parameters.
			bases = g.nested(cgLambda, nil)
		}
		bases.starredAllowed(s.Bases)
		bases.keywords(s.Keywords)
		g.nested(cgClass, nil).stmts(s.Body)
	case *ast.Return:
		switch {
		case !g.functionLike():
			g.errorf(s, "'return' outside function")
		case s.Value != nil && g.scope != nil && g.scope.coroutine && g.scope.generator:
			g.errorf(s, "'return' with value in async generator")
		case g.exceptStar > 0:
			// CPython places the error on a constant return value.
			var at ast.Node = s
			if _, ok := s.Value.(*ast.Constant); ok {
				at = s.Value
			}
			g.errorf(at, "'break', 'continue' and 'return' cannot appear in an except* block")
		}
		if s.Value != nil {
			g.expr(s.Value)
		}
	case *ast.Delete:
		g.exprs(s.Targets)
	case *ast.Assign:
		g.exprs(s.Targets)
		g.expr(s.Value)
	case *ast.AugAssign:
		g.expr(s.Target)
		g.expr(s.Value)
	case *ast.AnnAssign:
		g.expr(s.Target)
		if s.Value != nil {
			g.expr(s.Value)
		}
	case *ast.TypeAlias:
		g.typeParams(s.TypeParams)
		g.nested(cgLambda, nil).expr(s.Value)
	case *ast.For:
		g.expr(s.Target)
		g.expr(s.Iter)
		g.loop(s.Body, s.Orelse)
	case *ast.AsyncFor:
		if g.unit != cgAsyncFunction {
			g.errorf(s, "'async for' outside async function")
		}
		g.expr(s.Target)
		g.expr(s.Iter)
		g.loop(s.Body, s.Orelse)
	case *ast.While:
		g.expr(s.Test)
		g.loop(s.Body, s.Orelse)
	case *ast.If:
		g.expr(s.Test)
		g.stmts(s.Body)
		g.stmts(s.Orelse)
	case *ast.With:
		g.withItems(s.Items)
		g.stmts(s.Body)
	case *ast.AsyncWith:
		if g.unit != cgAsyncFunction {
			g.errorf(s, "'async with' outside async function")
		}
		g.withItems(s.Items)
		g.stmts(s.Body)
	case *ast.Match:
		g.expr(s.Subject)
		for i, mc := range s.Cases {
			pc := &patternContext{allowIrrefutable: mc.Guard != nil || i == len(s.Cases)-1}
			g.pattern(mc.Pattern, pc)
			if mc.Guard != nil {
				g.expr(mc.Guard)
			}
			g.stmts(mc.Body)
		}
	case *ast.Raise:
		if s.Exc != nil {
			g.expr(s.Exc)
		}
		if s.Cause != nil {
			g.expr(s.Cause)
		}
	case *ast.Try:
		g.try(s.Body, s.Handlers, s.Orelse, s.Finalbody, false)
	case *ast.TryStar:
		g.try(s.Body, s.Handlers, s.Orelse, s.Finalbody, true)
	case *ast.Assert:
		g.expr(s.Test)
		if s.Msg != nil {
			g.expr(s.Msg)
		}
	case *ast.ImportFrom:
		if isFutureImport(s) && s.Pos() > g.c.futureEnd {
			g.errorf(s, "from __future__ imports must occur at the beginning of the file")
		}
	case *ast.ExprStmt:
		g.expr(s.Value)
	case *ast.Break:
		if g.loops == 0 {
			g.errorf(s, "'break' outside loop")
		} else if g.exceptStar > g.loopExceptStar {
			g.errorf(s, "'break', 'continue' and 'return' cannot appear in an except* block")
		}
	case *ast.Continue:
		if g.loops == 0 {
			g.errorf(s, "'continue' not properly in loop")
		} else if g.exceptStar > g.loopExceptStar {
			g.errorf(s, "'break', 'continue' and 'return' cannot appear in an except* block")
		}
	}
}

func (g *codegen) loop(body, orelse []ast.Stmt) {
	saved := g.loopExceptStar
	g.loops++
	g.loopExceptStar = g.exceptStar
	g.stmts(body)
	g.loops--
	g.loopExceptStar = saved
	g.stmts(orelse)
}

func (g *codegen) withItems(items []*ast.WithItem) {
	for _, it := range items {
		g.expr(it.ContextExpr)
		if it.OptionalVars != nil {
			g.expr(it.OptionalVars)
		}
	}
}

func (g *codegen) try(body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, final []ast.Stmt, star bool) {
	g.stmts(body)
	for i, h := range handlers {
		if h.Type == nil && i < len(handlers)-1 {
			g.errorf(h, "default 'except:' must be last")
		}
		if h.Type != nil {
			g.expr(h.Type)
		}
		if star {
			g.exceptStar++
		}
		g.stmts(h.Body)
		if star {
			g.exceptStar--
		}
	}
	g.stmts(orelse)
	g.stmts(final)
}

func (g *codegen) function(n ast.Node, args *ast.Arguments, body []ast.Stmt, decorators []ast.Expr, tparams []ast.TypeParam, unit cgUnit) {
	g.exprs(decorators)
	if args != nil {
		g.exprs(args.Defaults)
		g.exprs(args.KwDefaults)
	}
	g.typeParams(tparams)
	g.nested(unit, g.c.scopes[n]).stmts(body)
}

// typeParams checks that parameters without defaults do not follow one
// with a default, and visits the bounds and defaults.
func (g *codegen) typeParams(tps []ast.TypeParam) {
	seenDefault := false
	for _, tp := range tps {
		var name string
		var exprs []ast.Expr
		var def ast.Expr
		switch tp := tp.(type) {
		case *ast.TypeVar:
			name, def = tp.Name, tp.DefaultValue
			exprs = []ast.Expr{tp.Bound, tp.DefaultValue}
		case *ast.TypeVarTuple:
			name, def = tp.Name, tp.DefaultValue
			exprs = []ast.Expr{tp.DefaultValue}
		case *ast.ParamSpec:
			name, def = tp.Name, tp.DefaultValue
			exprs = []ast.Expr{tp.DefaultValue}
		}
		if def != nil {
			seenDefault = true
		} else if seenDefault {
			g.errorf(tp, "non-default type parameter '%s' follows default type parameter", name)
		}
		for _, e := range exprs {
			if e == nil {
				continue
			}
			if s, ok := e.(*ast.Starred); ok && e == def {
				// *Ts = *tuple[int, str]
				if _, ok := tp.(*ast.TypeVarTuple); ok {
					e = s.Value
				}
			}
			g.nested(cgLambda, nil).expr(e)
		}
	}
}

func (g *codegen) keywords(kws []*ast.Keyword) {
	for j, k := range kws {
		if k.Arg != "" {
			for _, earlier := range kws[:j] {
				if earlier.Arg == k.Arg {
					g.errorf(k, "keyword argument repeated: %s", k.Arg)
					break
				}
			}
		}
		g.expr(k.Value)
	}
}

// starredAllowed visits the elements of a display, the arguments of a
// call or the bases of a class, where *x is allowed.
func (g *codegen) starredAllowed(es []ast.Expr) {
	for _, e := range es {
		if s, ok := e.(*ast.Starred); ok {
			g.expr(s.Value)
			continue
		}
		g.expr(e)
	}
}

// unpack checks a list or tuple assignment target.
func (g *codegen) unpack(n ast.Expr, elts []ast.Expr) {
	seen := false
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); !ok {
			continue
		}
		if seen {
			g.errorf(n, "multiple starred expressions in assignment")
			break
		}
		seen = true
		if i >= 1<<8 || len(elts)-i-1 >= math.MaxInt32>>8 {
			g.errorf(n, "too many expressions in star-unpacking assignment")
			break
		}
	}
	g.starredAllowed(elts)
}

func (g *codegen) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Starred:
		if e.Ctx == ast.Store {
			g.errorf(e, "starred assignment target must be in a list or tuple")
		} else {
			g.errorf(e, "can't use starred expression here")
		}
		g.expr(e.Value)
	case *ast.List:
		if e.Ctx == ast.Store {
			g.unpack(e, e.Elts)
		} else {
			g.starredAllowed(e.Elts)
		}
	case *ast.Tuple:
		if e.Ctx == ast.Store {
			g.unpack(e, e.Elts)
		} else {
			g.starredAllowed(e.Elts)
		}
	case *ast.Set:
		g.starredAllowed(e.Elts)
	case *ast.Call:
		g.expr(e.Func)
		g.starredAllowed(e.Args)
		g.keywords(e.Keywords)
	case *ast.Lambda:
		if e.Args != nil {
			g.exprs(e.Args.Defaults)
			g.exprs(e.Args.KwDefaults)
		}
		g.nested(cgLambda, g.c.scopes[e]).expr(e.Body)
	case *ast.ListComp:
		g.comprehension(e.Generators, e.Elt, nil)
	case *ast.SetComp:
		g.comprehension(e.Generators, e.Elt, nil)
	case *ast.DictComp:
		g.comprehension(e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		g.comprehension(e.Generators, e.Elt, nil)
	case *ast.Yield:
		if !g.functionLike() {
			g.errorf(e, "'yield' outside function")
		}
		if e.Value != nil {
			g.expr(e.Value)
		}
	case *ast.YieldFrom:
		if !g.functionLike() {
			g.errorf(e, "'yield from' outside function")
		} else if g.unit == cgAsyncFunction {
			g.errorf(e, "'yield from' inside async function")
		}
		g.expr(e.Value)
	case *ast.NamedExpr:
		g.expr(e.Value)
		g.expr(e.Target)
	case *ast.BoolOp:
		g.exprs(e.Values)
	case *ast.BinOp:
		g.expr(e.Left)
		g.expr(e.Right)
	case *ast.UnaryOp:
		g.expr(e.Operand)
	case *ast.IfExp:
		g.expr(e.Test)
		g.expr(e.Body)
		g.expr(e.Orelse)
	case *ast.Dict:
		for i, k := range e.Keys {
			if k != nil {
				g.expr(k)
			}
			g.expr(e.Values[i])
		}
	case *ast.Await:
		g.expr(e.Value)
	case *ast.Compare:
		g.expr(e.Left)
		g.exprs(e.Comparators)
	case *ast.FormattedValue:
		g.expr(e.Value)
		if e.FormatSpec != nil {
			g.expr(e.FormatSpec)
		}
	case *ast.Interpolation:
		g.expr(e.Value)
		if e.FormatSpec != nil {
			g.expr(e.FormatSpec)
		}
	case *ast.JoinedStr:
		g.exprs(e.Values)
	case *ast.TemplateStr:
		g.exprs(e.Values)
	case *ast.Attribute:
		g.expr(e.Value)
	case *ast.Subscript:
		g.expr(e.Value)
		g.expr(e.Slice)
	case *ast.Slice:
		for _, x := range []ast.Expr{e.Lower, e.Upper, e.Step} {
			if x != nil {
				g.expr(x)
			}
		}
	}
}

func (g *codegen) comprehension(gens []*ast.Comprehension, elt, value ast.Expr) {
	if len(gens) == 0 {
		return
	}
	g.expr(gens[0].Iter)
	inner := g.nested(cgComprehension, nil)
	for i, gen := range gens {
		if i > 0 {
			inner.expr(gen.Iter)
		}
		inner.expr(gen.Target)
		inner.exprs(gen.Ifs)
	}
	if value != nil {
		inner.expr(value)
	}
	inner.expr(elt)
}

// patternContext is what code generation tracks while compiling one case
// pattern.
type patternContext struct {
	allowIrrefutable bool
	stores           []string
}

func (g *codegen) storeName(n ast.Node, name string, pc *patternContext) {
	if name == "" {
		return
	}
	for _, s := range pc.stores {
		if s == name {
			g.errorf(n, "multiple assignments to name %s in pattern", ast.ReprStr(name))
			return
		}
	}
	pc.stores = append(pc.stores, name)
}

// subpattern compiles a pattern nested in a sequence, mapping or class
// pattern, where an irrefutable pattern is fine.
func (g *codegen) subpattern(p ast.Pattern, pc *patternContext) {
	saved := pc.allowIrrefutable
	pc.allowIrrefutable = true
	g.pattern(p, pc)
	pc.allowIrrefutable = saved
}

func (g *codegen) pattern(p ast.Pattern, pc *patternContext) {
	switch p := p.(type) {
	case *ast.MatchValue:
		if _, ok := foldPatternConstant(p.Value); !ok {
			if _, attr := p.Value.(*ast.Attribute); !attr {
				g.errorf(p, "patterns may only match literals and attribute lookups")
				return
			}
		}
		g.expr(p.Value)
	case *ast.MatchSingleton:
	case *ast.MatchSequence:
		stars := 0
		for _, q := range p.Patterns {
			if _, ok := q.(*ast.MatchStar); ok {
				stars++
			}
		}
		if stars > 1 {
			g.errorf(p, "multiple starred names in sequence pattern")
			return
		}
		for _, q := range p.Patterns {
			g.subpattern(q, pc)
		}
	case *ast.MatchStar:
		g.storeName(p, p.Name, pc)
	case *ast.MatchMapping:
		seen := map[string]bool{}
		for _, k := range p.Keys {
			v, ok := foldPatternConstant(k)
			if !ok {
				if _, attr := k.(*ast.Attribute); !attr {
					g.errorf(p, "mapping pattern keys may only match literals and attribute lookups")
					return
				}
				continue
			}
			key := v.key()
			if seen[key] {
				g.errorf(p, "mapping pattern checks duplicate key (%s)", v.repr())
				return
			}
			seen[key] = true
		}
		for _, q := range p.Patterns {
			g.subpattern(q, pc)
		}
		g.storeName(p, p.Rest, pc)
	case *ast.MatchClass:
		for i, a := range p.KwdAttrs {
			for _, b := range p.KwdAttrs[:i] {
				if a == b && i < len(p.KwdPatterns) {
					g.errorf(p.KwdPatterns[i], "attribute name repeated in class pattern: %s", a)
					return
				}
			}
		}
		g.expr(p.Cls)
		for _, q := range p.Patterns {
			g.subpattern(q, pc)
		}
		for _, q := range p.KwdPatterns {
			g.subpattern(q, pc)
		}
	case *ast.MatchAs:
		if p.Pattern == nil {
			if !pc.allowIrrefutable {
				if p.Name != "" {
					g.errorf(p, "name capture %s makes remaining patterns unreachable", ast.ReprStr(p.Name))
				} else {
					g.errorf(p, "wildcard makes remaining patterns unreachable")
				}
				return
			}
			g.storeName(p, p.Name, pc)
			return
		}
		g.pattern(p.Pattern, pc)
		g.storeName(p, p.Name, pc)
	case *ast.MatchOr:
		var control []string
		for i, alt := range p.Patterns {
			sub := &patternContext{allowIrrefutable: i == len(p.Patterns)-1 && pc.allowIrrefutable}
			before := len(g.c.errs)
			g.pattern(alt, sub)
			if len(g.c.errs) > before {
				return
			}
			if i == 0 {
				control = sub.stores
				continue
			}
			if !sameNames(control, sub.stores) {
				g.errorf(p, "alternative patterns bind different names")
				return
			}
		}
		for _, name := range control {
			g.storeName(p, name, pc)
		}
	}
}

func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// patternConstant is a literal of a pattern after CPython folds signed
// numbers and complex literals.
type patternConstant struct {
	kind    string   // "int", "float", "complex", "str", "bytes", "none", "ellipsis"
	i       *big.Int // for int
	re, im  float64  // for float (re) and complex
	text    string   // str and bytes values
	literal string   // the repr of bools
}

// key returns a string equal for constants Python's == (and hash) treat
// as equal: 1, 1.0, True and 1+0j are one key.
func (v patternConstant) key() string {
	switch v.kind {
	case "int":
		return "num:" + v.i.String()
	case "float", "complex":
		if v.kind == "complex" && v.im != 0 {
			return fmt.Sprintf("num:%v,%v", v.re+0, v.im+0)
		}
		if !math.IsInf(v.re, 0) && !math.IsNaN(v.re) && v.re == math.Trunc(v.re) {
			i, _ := big.NewFloat(v.re).Int(nil)
			return "num:" + i.String()
		}
		return fmt.Sprintf("num:%v", v.re)
	}
	return v.kind + ":" + v.text
}

// repr returns Python's repr() of the constant.
func (v patternConstant) repr() string {
	switch v.kind {
	case "int":
		if v.literal != "" {
			return v.literal
		}
		return v.i.String()
	case "float":
		return ast.ReprFloat(v.re)
	case "complex":
		return complexRepr(v.re, v.im)
	case "str":
		return ast.ReprStr(v.text)
	case "bytes":
		return ast.ReprBytes(v.text)
	case "none":
		return "None"
	}
	return "Ellipsis"
}

// toComplex widens a number to a complex.
func (v patternConstant) toComplex() patternConstant {
	switch v.kind {
	case "int":
		f, _ := new(big.Float).SetInt(v.i).Float64()
		return patternConstant{kind: "complex", re: f}
	case "float":
		return patternConstant{kind: "complex", re: v.re}
	}
	return v
}

func (v patternConstant) isNumber() bool {
	return v.kind == "int" || v.kind == "float" || v.kind == "complex"
}

// foldPatternConstant returns the constant a value pattern or mapping key
// folds to, or false when it is not a literal.
func foldPatternConstant(e ast.Expr) (patternConstant, bool) {
	switch e := e.(type) {
	case *ast.Constant:
		v := e.Value
		switch v.Kind {
		case ast.NoneValue:
			return patternConstant{kind: "none"}, true
		case ast.EllipsisValue:
			return patternConstant{kind: "ellipsis"}, true
		case ast.StrValue:
			return patternConstant{kind: "str", text: v.Text}, true
		case ast.BytesValue:
			return patternConstant{kind: "bytes", text: v.Text}, true
		case ast.TrueValue:
			return patternConstant{kind: "int", i: big.NewInt(1), literal: "True"}, true
		case ast.FalseValue:
			return patternConstant{kind: "int", i: big.NewInt(0), literal: "False"}, true
		case ast.IntValue:
			return patternConstant{kind: "int", i: v.Int()}, true
		case ast.FloatValue:
			return patternConstant{kind: "float", re: v.Float()}, true
		case ast.ImagValue:
			return patternConstant{kind: "complex", im: v.Float()}, true
		}
	case *ast.UnaryOp:
		if e.Op != ast.USub {
			return patternConstant{}, false
		}
		v, ok := foldPatternConstant(e.Operand)
		if !ok || !v.isNumber() {
			return patternConstant{}, false
		}
		switch v.kind {
		case "int":
			return patternConstant{kind: "int", i: new(big.Int).Neg(v.i)}, true
		case "float":
			return patternConstant{kind: "float", re: -v.re}, true
		}
		return patternConstant{kind: "complex", re: -v.re, im: -v.im}, true
	case *ast.BinOp:
		if e.Op != ast.Add && e.Op != ast.Sub {
			return patternConstant{}, false
		}
		l, ok1 := foldPatternConstant(e.Left)
		r, ok2 := foldPatternConstant(e.Right)
		if !ok1 || !ok2 || !l.isNumber() || !r.isNumber() {
			return patternConstant{}, false
		}
		sign := 1.0
		if e.Op == ast.Sub {
			sign = -1
		}
		switch {
		case l.kind == "int" && r.kind == "int":
			if e.Op == ast.Add {
				return patternConstant{kind: "int", i: new(big.Int).Add(l.i, r.i)}, true
			}
			return patternConstant{kind: "int", i: new(big.Int).Sub(l.i, r.i)}, true
		case l.kind == "complex" || r.kind == "complex":
			l, r = l.toComplex(), r.toComplex()
			return patternConstant{kind: "complex", re: l.re + sign*r.re, im: l.im + sign*r.im}, true
		}
		l, r = l.toComplex(), r.toComplex()
		return patternConstant{kind: "float", re: l.re + sign*r.re}, true
	}
	return patternConstant{}, false
}

// complexRepr is Python's repr of a complex number.
func complexRepr(re, im float64) string {
	short := func(f float64) string { return strings.TrimSuffix(ast.ReprFloat(f), ".0") }
	if re == 0 && !math.Signbit(re) {
		return short(im) + "j"
	}
	sign := "+"
	if im < 0 || math.Signbit(im) {
		sign = ""
	}
	return "(" + short(re) + sign + short(im) + "j)"
}

// isASCII reports whether b holds only ASCII bytes. It is asked of every
// source, so it tests eight bytes at a time.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
