package rules

import (
	"bytes"
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// This file is the threaded-context analysis the FT rules share: which
// functions of a module run on worker threads (thread entry points and
// everything they call), which state is shared between threads, where a
// lock is held, and whether two accesses to one piece of state can run on
// different threads at the same time.
//
// Threads are numbered: thread 0 ("main") stands for every caller the
// module does not account for (module code, and functions anyone may call);
// thread i > 0 is the i-th entry point, a function some thread of the
// module's own making runs.

type threadsKey struct{}

// threadsOf returns the analysis of the file, computed once per file.
func threadsOf(p *checks.Pass) *threads {
	return p.Memo(threadsKey{}, func() any { return analyzeThreads(p) }).(*threads)
}

// threadedModule reports whether the thread analysis can find anything
// to report in the file: the module imports a threading module, or starts
// a thread itself. Otherwise judge finds no race and the module has no
// entry point, so the rules built on the analysis are not run (Applies).
func threadedModule(p *checks.Pass) bool {
	t := threadsOf(p)
	return t.imports || len(t.entries) > 0
}

// startsThreads reports whether the module starts a thread itself: the
// rules that look at entry points or at code threaded runs need one.
func startsThreads(p *checks.Pass) bool { return len(threadsOf(p).entries) > 0 }

// entry is a function that runs on a thread the module starts.
type entry struct {
	target semantic.ScopeID
	at     ast.Node // the call, or the class, that makes target an entry point
	what   string   // "thread target", "executor task", ...
	multi  bool     // several threads may run target at the same time
	// selfShared: target is a method bound to one object that all its
	// concurrent runs share (Thread(target=self.work) in a loop).
	selfShared bool
	// selfVisible: target is a method whose object other threads hold too
	// (a bound method handed to a thread, the run method of a Thread
	// subclass); false for request handlers, which get a fresh object.
	selfVisible bool
	windows     []window
	args        []ast.Expr // the arguments the call passes to target (Thread args=, submit(f, *args))
}

// window is the stretch of the function that starts a thread during which
// the thread may be running: from the start to a join (or the end).
type window struct {
	scope    semantic.ScopeID
	from, to token.Pos
	joined   bool // the function waits for the thread at to
}

// tset is a set of threads.
type tset []uint64

func (s tset) has(i int) bool { return i/64 < len(s) && s[i/64]&(1<<(i%64)) != 0 }

func (s *tset) add(i int) bool {
	for i/64 >= len(*s) {
		*s = append(*s, 0)
	}
	if (*s)[i/64]&(1<<(i%64)) != 0 {
		return false
	}
	(*s)[i/64] |= 1 << (i % 64)
	return true
}

func (s *tset) union(o tset) bool {
	changed := false
	for i, w := range o {
		for i >= len(*s) {
			*s = append(*s, 0)
		}
		if (*s)[i]|w != (*s)[i] {
			(*s)[i] |= w
			changed = true
		}
	}
	return changed
}

// each calls f for every thread in the set.
func (s tset) each(f func(int)) {
	for i, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			f(i*64 + b)
			w &^= 1 << b
		}
	}
}

func (s tset) hasEntry() bool {
	for i, w := range s {
		if i == 0 {
			w &^= 1
		}
		if w != 0 {
			return true
		}
	}
	return false
}

// accessKind says what an access does to a piece of state.
type accessKind uint8

const (
	accWrite   accessKind = iota // assigns or deletes the state itself
	accRMW                       // reads and writes it back: x += 1, x = x + 1
	accInsert                    // stores into a container: d[k] = v, append, setdefault
	accRemove                    // removes from a container: del d[k], pop, clear
	accConsume                   // advances an iterator: next(it), for x in it
)

// access is one place where the module touches a piece of shared state.
type access struct {
	kind       accessKind
	key        string // the state: see keyOf
	node       ast.Node
	scope      semantic.ScopeID // the function; 0 for module and class bodies
	moduleTime bool             // at module level or in a class body
	locked     bool
	lock       string // the source of the lock held, when known
	ctor       bool   // in a constructor (__init__ and the helpers only it calls)
}

type callSite struct {
	call   *ast.Call
	caller semantic.ScopeID
}

type threads struct {
	m       *semantic.Model
	file    *token.File
	src     []byte
	imports bool // the module imports threading, _thread or concurrent.futures
	// acquires: the source spells "acquire", which every X.acquire() call
	// acquiredBefore looks for does.
	acquires bool
	entries  []*entry

	sets      map[semantic.ScopeID]tset
	external  map[semantic.ScopeID]bool
	isEntry   map[semantic.ScopeID]bool
	callers   map[semantic.ScopeID][]callSite
	lockedFn  map[semantic.ScopeID]bool
	ctorFn    map[semantic.ScopeID]bool
	accesses  map[string][]*access
	byNode    map[ast.Node][]*access
	lockNames map[semantic.BindingID]bool // names bound to a lock
	lockKeys  map[string]bool             // attributes holding a lock, as lockKey names them
	values    map[string][]ast.Expr       // what the module assigns to each state key
	shared    map[semantic.BindingID]bool // parameters of entry points that get one object on every run
	subs      map[*ast.ClassDef][]*ast.ClassDef
	locals    map[string]bool // state keys holding a threading.local
	localBind map[semantic.BindingID]bool
	iterators map[string]bool // state keys holding an iterator or generator
	dicts     map[string]bool // state keys holding a dict
	unknownTy map[string]bool // state keys also assigned something else

	generators map[semantic.ScopeID]bool       // hasYield of the functions asked
	roots      map[*ast.ClassDef]*ast.ClassDef // rootClass of the classes asked
}

const mainThread = 0

// ---------------------------------------------------------------------------
// Building

func analyzeThreads(p *checks.Pass) *threads {
	t := &threads{
		m: p.Model, file: p.File.File, src: p.Src(),
		sets: map[semantic.ScopeID]tset{}, external: map[semantic.ScopeID]bool{},
		isEntry: map[semantic.ScopeID]bool{}, callers: map[semantic.ScopeID][]callSite{},
		lockedFn: map[semantic.ScopeID]bool{}, ctorFn: map[semantic.ScopeID]bool{},
		accesses: map[string][]*access{}, byNode: map[ast.Node][]*access{},
		lockNames: map[semantic.BindingID]bool{}, lockKeys: map[string]bool{}, values: map[string][]ast.Expr{},
		shared: map[semantic.BindingID]bool{}, subs: map[*ast.ClassDef][]*ast.ClassDef{},
		locals:    map[string]bool{},
		localBind: map[semantic.BindingID]bool{}, iterators: map[string]bool{},
		dicts: map[string]bool{}, unknownTy: map[string]bool{},
		generators: map[semantic.ScopeID]bool{}, roots: map[*ast.ClassDef]*ast.ClassDef{},
	}
	t.scanImports()
	if !t.imports && !mayStartThreads(t.src) {
		// Nothing here can start a thread: no entry points, no library
		// use, so nothing to analyze.
		return t
	}
	if !t.imports && !mayHaveEntries(p) {
		// No entry point either: see below.
		return t
	}
	t.acquires = bytes.Contains(t.src, []byte("acquire"))
	t.scanValues()
	t.buildCallers()
	t.findEntries()
	if !t.imports && len(t.entries) == 0 {
		// The module starts no thread and imports no threading module:
		// judge finds no race and threaded no thread, whatever the rest
		// of the analysis would record, so it is not run.
		return t
	}
	t.findSharedParams()
	t.buildGraph()
	t.findLockedFunctions()
	t.collectAccesses()
	return t
}

// mayStartThreads reports whether a source mentions anything that can
// start a thread (threading, _thread, an executor, a thread pool), a cheap
// test that spares the analysis for most modules.
func mayStartThreads(src []byte) bool {
	for _, w := range []string{"hread", "xecutor", "Pool"} {
		if bytes.Contains(src, []byte(w)) {
			return true
		}
	}
	return false
}

// mayHaveEntries reports whether findEntries can find an entry point in a
// module that imports no threading module: it needs a qualified name of
// one of the packages below (threading.Thread, asyncio.to_thread, a thread
// pool or a threading server, or a class deriving from one), or a method
// call spelled run_in_executor or submit (on an executor by its name).
func mayHaveEntries(p *checks.Pass) bool {
	if importsPackage(p, "threading", "_thread", "asyncio", "concurrent", "multiprocessing", "socketserver", "http", "xmlrpc") {
		return true
	}
	// An identifier with a non-ASCII character may normalize to one of
	// the method names.
	src := p.Src()
	return !isASCII(src) || bytes.Contains(src, []byte("run_in_executor")) || bytes.Contains(src, []byte("submit"))
}

func (t *threads) scanImports() { t.imports = importsThreading(t.m.Module.Body) }

// importsThreading reports whether statements import a threading module,
// at any depth. Only statements hold statements, so the walk skips every
// expression.
func importsThreading(body []ast.Stmt) bool {
	for _, s := range body {
		found := false
		switch s := s.(type) {
		case *ast.Import:
			for _, a := range s.Names {
				found = found || threadingModule(a.Name)
			}
		case *ast.ImportFrom:
			found = s.Level == 0 && threadingModule(s.Module)
		case *ast.FunctionDef:
			found = importsThreading(s.Body)
		case *ast.AsyncFunctionDef:
			found = importsThreading(s.Body)
		case *ast.ClassDef:
			found = importsThreading(s.Body)
		case *ast.If:
			found = importsThreading(s.Body) || importsThreading(s.Orelse)
		case *ast.For:
			found = importsThreading(s.Body) || importsThreading(s.Orelse)
		case *ast.AsyncFor:
			found = importsThreading(s.Body) || importsThreading(s.Orelse)
		case *ast.While:
			found = importsThreading(s.Body) || importsThreading(s.Orelse)
		case *ast.With:
			found = importsThreading(s.Body)
		case *ast.AsyncWith:
			found = importsThreading(s.Body)
		case *ast.Try:
			found = importsThreading(s.Body) || handlersImportThreading(s.Handlers) || importsThreading(s.Orelse) || importsThreading(s.Finalbody)
		case *ast.TryStar:
			found = importsThreading(s.Body) || handlersImportThreading(s.Handlers) || importsThreading(s.Orelse) || importsThreading(s.Finalbody)
		case *ast.Match:
			for _, c := range s.Cases {
				found = found || importsThreading(c.Body)
			}
		}
		if found {
			return true
		}
	}
	return false
}

func handlersImportThreading(hs []*ast.ExceptHandler) bool {
	for _, h := range hs {
		if importsThreading(h.Body) {
			return true
		}
	}
	return false
}

func threadingModule(name string) bool {
	switch name {
	case "threading", "_thread", "concurrent.futures", "concurrent.futures.thread", "multiprocessing.dummy", "multiprocessing.pool":
		return true
	}
	return false
}

var lockConstructors = []string{
	"threading.Lock", "threading.RLock", "threading.Condition", "threading.Semaphore",
	"threading.BoundedSemaphore", "threading._RLock", "_thread.allocate_lock", "_thread.LockType",
	"_thread.RLock", "multiprocessing.Lock", "multiprocessing.RLock", "multiprocessing.Condition",
	"multiprocessing.Semaphore", "multiprocessing.BoundedSemaphore",
}

var dictConstructors = []string{"builtins.dict", "collections.defaultdict", "collections.OrderedDict", "collections.Counter"}

// scanValues records what assignments put into names and attributes:
// locks, threading.local objects, iterators and dicts.
func (t *threads) scanValues() {
	m := t.m
	for _, info := range m.Nodes {
		var targets []ast.Expr
		var value ast.Expr
		switch n := info.Node.(type) {
		case *ast.Assign:
			targets, value = n.Targets, n.Value
		case *ast.AnnAssign:
			if n.Value == nil {
				continue
			}
			targets, value = []ast.Expr{n.Target}, n.Value
		case *ast.WithItem:
			if n.OptionalVars == nil {
				continue
			}
			targets, value = []ast.Expr{n.OptionalVars}, n.ContextExpr
		default:
			continue
		}
		isLock := t.isLockValue(value)
		isLocal := t.isThreadLocalValue(value)
		for _, target := range targets {
			if n, isName := target.(*ast.Name); isName {
				if id := m.BindingOf(n); id != semantic.NoBinding {
					if isLock {
						t.lockNames[id] = true
					}
					if isLocal {
						t.localBind[id] = true
					}
				}
			}
			k, ok := t.keyOf(target)
			if !ok {
				continue
			}
			if _, isSub := target.(*ast.Subscript); isSub {
				continue
			}
			t.values[k] = append(t.values[k], value)
			if isLock {
				t.lockKeys[lockKey(k)] = true
			}
			if isLocal {
				t.locals[k] = true
			}
		}
	}
	for k, vs := range t.values {
		iters, others := 0, 0
		for _, v := range vs {
			switch {
			case t.isIteratorValue(v):
				iters++
			case !isNone(v):
				others++
			}
		}
		t.iterators[k] = iters > 0 && others == 0
		for _, v := range vs {
			switch {
			case t.isDictValue(v):
				t.dicts[k] = true
			case !isNone(v):
				t.unknownTy[k] = true
			}
		}
	}
}

// lockKey names an attribute holding a lock the same way whether it is
// read through self or through the class.
func lockKey(k string) string {
	if strings.HasPrefix(k, "i:") || strings.HasPrefix(k, "c:") {
		return "a:" + k[2:]
	}
	return k
}

func (t *threads) isLockValue(e ast.Expr) bool {
	c, ok := e.(*ast.Call)
	return ok && t.m.MatchesQualified(c.Func, lockConstructors...)
}

func (t *threads) isThreadLocalValue(e ast.Expr) bool {
	c, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	if t.m.MatchesQualified(c.Func, "threading.local", "_threading_local.local", "_thread._local") {
		return true
	}
	if n, ok := c.Func.(*ast.Name); ok {
		if cls := moduleClass(t.m, n); cls != nil {
			return t.m.InheritsFrom(cls, "threading.local", "_threading_local.local", "_thread._local")
		}
	}
	return false
}

func (t *threads) isDictValue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Dict, *ast.DictComp:
		return true
	case *ast.Call:
		return t.m.MatchesQualified(e.Func, dictConstructors...)
	}
	return false
}

// isIteratorValue reports whether e makes an iterator or generator that
// several consumers would share: iter(), a generator expression, a call of
// a generator function of the module, map/filter/zip/enumerate/reversed
// and the itertools iterators (except count, made thread-safe in 3.13).
func (t *threads) isIteratorValue(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.GeneratorExp:
		return true
	case *ast.Call:
		q := t.m.QualifiedName(e.Func)
		switch q {
		case "builtins.iter", "builtins.map", "builtins.filter", "builtins.zip", "builtins.enumerate", "builtins.reversed":
			return true
		case "itertools.count", "itertools.repeat":
			return false
		}
		if strings.HasPrefix(q, "itertools.") {
			return true
		}
		if s, ok := t.m.CallTarget(e); ok {
			y, seen := t.generators[s]
			if !seen {
				y = hasYield(t.m.Scope(s).Node)
				t.generators[s] = y
			}
			return y
		}
	}
	return false
}

// hasYield reports whether a def contains yield in its own body.
func hasYield(fn ast.Node) bool {
	var body []ast.Stmt
	switch f := fn.(type) {
	case *ast.FunctionDef:
		body = f.Body
	default:
		return false
	}
	found := false
	for _, s := range body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.Yield, *ast.YieldFrom:
				found = true
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
				return false
			}
			return !found
		})
	}
	return found
}

func moduleClass(m *semantic.Model, n *ast.Name) *ast.ClassDef {
	id := m.Resolve(n)
	if id == semantic.NoBinding || m.Binding(id).Kind != semantic.ClassDef {
		return nil
	}
	c, _ := m.Binding(id).Node.(*ast.ClassDef)
	return c
}

// funcScope returns the function (def or lambda) scope whose code n runs
// in, or 0 for module and class bodies.
func (t *threads) funcScope(n ast.Node) semantic.ScopeID {
	s := t.m.ScopeOf(n)
	for s != semantic.NoScope {
		switch t.m.Scope(s).Kind {
		case semantic.FunctionScope, semantic.LambdaScope:
			return s
		case semantic.ModuleScope, semantic.ClassScope:
			return 0
		}
		s = t.m.Scope(s).Parent
	}
	return 0
}

// line returns the 1-based line of a position.
func (t *threads) line(p token.Pos) int {
	l, _ := t.file.LineCol(p)
	return l
}

func (t *threads) text(n ast.Node) string { return string(t.src[n.Pos():n.End()]) }

// scopeName names a function scope for messages.
func (t *threads) scopeName(s semantic.ScopeID) string {
	switch n := t.m.Scope(s).Node.(type) {
	case *ast.FunctionDef:
		if c := t.m.ClassOf(n); c != nil {
			return c.Name + "." + n.Name
		}
		return n.Name
	case *ast.AsyncFunctionDef:
		return n.Name
	case *ast.Lambda:
		return fmt.Sprintf("the lambda at line %d", t.line(n.Pos()))
	}
	return "module code"
}

// ---------------------------------------------------------------------------
// Entry points

// callable resolves an expression handed to a thread as the function to
// run: a function of the module by name, a lambda (or the function its body
// calls), a method through self or a class name, functools.partial of one.
// bound reports a method bound to the self of the enclosing method.
func (t *threads) callable(e ast.Expr) (s semantic.ScopeID, bound bool, ok bool) {
	m := t.m
	switch e := e.(type) {
	case *ast.Name:
		id := m.Resolve(e)
		if id == semantic.NoBinding || m.Binding(id).Kind != semantic.FunctionDef {
			return 0, false, false
		}
		s, ok := m.ScopeFor(m.Binding(id).Node)
		return s, false, ok
	case *ast.Lambda:
		// The lambda is the entry point; what its body calls is reached
		// through the call graph.
		bound := false
		if c, isCall := e.Body.(*ast.Call); isCall {
			_, bound, _ = t.callable(c.Func)
		}
		s, ok := m.ScopeFor(e)
		return s, bound, ok
	case *ast.Attribute:
		v, isName := e.Value.(*ast.Name)
		if !isName {
			return 0, false, false
		}
		if _, cls, ok := m.SelfParam(v); ok {
			if def := m.Method(cls, e.Attr); def != nil {
				s, ok := m.ScopeFor(def)
				return s, true, ok
			}
			return 0, false, false
		}
		if cls := moduleClass(m, v); cls != nil {
			if def := m.Method(cls, e.Attr); def != nil {
				s, ok := m.ScopeFor(def)
				return s, false, ok
			}
			return 0, false, false
		}
		// obj.method where obj is always an instance of a class of the module.
		if cls := t.instanceOf(v); cls != nil {
			if def := m.Method(cls, e.Attr); def != nil {
				s, ok := m.ScopeFor(def)
				return s, true, ok
			}
		}
	case *ast.Call:
		if m.MatchesQualified(e.Func, "functools.partial") && len(e.Args) > 0 {
			return t.callable(e.Args[0])
		}
	}
	return 0, false, false
}

// instanceOf returns the class of the module that every value assigned
// to the name n is an instance of (obj = Worker(...)), or nil.
func (t *threads) instanceOf(n *ast.Name) *ast.ClassDef {
	var cls *ast.ClassDef
	ok := true
	t.assignedValues(n, func(v ast.Expr) {
		c, isCall := v.(*ast.Call)
		if !isCall {
			ok = false
			return
		}
		f, isName := c.Func.(*ast.Name)
		if !isName {
			ok = false
			return
		}
		k := moduleClass(t.m, f)
		if k == nil || cls != nil && k != cls {
			ok = false
			return
		}
		cls = k
	})
	if !ok {
		return nil
	}
	return cls
}

// boundOutsideLoop reports whether the binding the name n reads comes
// before the outermost loop or comprehension around c in c's function, so
// that every round of the loop sees the same object.
func (t *threads) boundOutsideLoop(n *ast.Name, c ast.Node) bool {
	id := t.m.Resolve(n)
	if id == semantic.NoBinding {
		return false
	}
	bound := t.m.Binding(id).Span.Start
	outside := true
	t.m.Ancestors(c, func(a ast.Node) bool {
		switch a.(type) {
		case *ast.For, *ast.While, *ast.AsyncFor, *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp:
			if a.Pos() <= bound && bound < a.End() {
				outside = false
			}
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		}
		return true
	})
	return outside
}

var threadingServers = []string{
	"socketserver.ThreadingTCPServer", "socketserver.ThreadingUDPServer",
	"socketserver.ThreadingUnixStreamServer", "socketserver.ThreadingUnixDatagramServer",
	"http.server.ThreadingHTTPServer", "xmlrpc.server.SimpleXMLRPCServer.ThreadingMixIn",
}

var threadPools = []string{
	"concurrent.futures.ThreadPoolExecutor", "concurrent.futures.thread.ThreadPoolExecutor",
	"multiprocessing.pool.ThreadPool", "multiprocessing.dummy.Pool",
}

var processPools = []string{
	"concurrent.futures.ProcessPoolExecutor", "concurrent.futures.process.ProcessPoolExecutor",
	"multiprocessing.Pool", "multiprocessing.pool.Pool",
}

// poolMethods are the methods of thread pools that run their first
// argument on a worker thread.
var poolMethods = map[string]bool{
	"submit": true, "map": true, "apply": true, "apply_async": true, "map_async": true,
	"imap": true, "imap_unordered": true, "starmap": true, "starmap_async": true,
}

// findEntries finds every entry point of the module.
func (t *threads) findEntries() {
	m := t.m
	add := func(e *entry) {
		t.entries = append(t.entries, e)
		t.isEntry[e.target] = true
	}
	// Whether the module uses a process pool, asked only of submit calls
	// on receivers that are not known thread pools.
	scanned, usesProcessPool := false, false
	processPool := func() bool {
		if !scanned {
			scanned = true
			for _, info := range m.Nodes {
				if c, ok := info.Node.(*ast.Call); ok && m.MatchesQualified(c.Func, processPools...) {
					usesProcessPool = true
					break
				}
			}
		}
		return usesProcessPool
	}
	for _, info := range m.Nodes {
		c, ok := info.Node.(*ast.Call)
		if !ok {
			continue
		}
		q := m.QualifiedName(c.Func)
		var target ast.Expr
		var args []ast.Expr
		what := ""
		multi := false
		switch {
		case q == "threading.Thread":
			target, what = argument(c, 1, "target"), "thread target"
			args = displayElts(argument(c, 3, "args"))
		case q == "threading.Timer":
			target, what = argument(c, 1, "function"), "timer callback"
			args = displayElts(argument(c, 2, "args"))
		case q == "_thread.start_new_thread" || q == "_thread.start_new":
			target, what = argument(c, 0, "function"), "thread function"
			args = displayElts(argument(c, 1, "args"))
		case q == "asyncio.to_thread":
			target, what, multi = argument(c, 0, "func"), "asyncio.to_thread function", true
			args = argsFrom(c, 1)
		case q != "" && slices.Contains(threadPools, q):
			if k := keyword(c, "initializer"); k != nil {
				target, what, multi = k.Value, "thread pool initializer", true
			}
		case q != "" && slices.Contains(threadingServers, q) || t.isThreadingServerClass(c.Func):
			t.addHandlerEntries(c, add)
			continue
		default:
			a, isAttr := c.Func.(*ast.Attribute)
			if !isAttr {
				if n, isName := c.Func.(*ast.Name); isName {
					if cls := moduleClass(m, n); cls != nil && m.InheritsFrom(cls, "threading.Thread") && m.Method(cls, "run") == nil {
						target, what = argument(c, -1, "target"), "thread target"
						args = displayElts(argument(c, -1, "args"))
					}
				}
				break
			}
			switch {
			case a.Attr == "run_in_executor":
				if len(c.Args) >= 2 && !t.isPool(c.Args[0], processPools, false) {
					target, what, multi = c.Args[1], "run_in_executor function", true
					args = argsFrom(c, 2)
				}
			case poolMethods[a.Attr] && (t.isPool(a.Value, threadPools, false) || a.Attr == "submit" && !processPool() && t.isPool(a.Value, threadPools, true)):
				target, what, multi = argument(c, 0, "fn"), "thread pool task", true
				if a.Attr == "submit" {
					args = argsFrom(c, 1)
				} else if a.Attr == "apply" || a.Attr == "apply_async" {
					args = displayElts(argument(c, 1, "args"))
				}
			case a.Attr == "add_done_callback" && t.isThreadFuture(a.Value):
				target, what, multi = argument(c, 0, "fn"), "future callback", true
			}
		}
		if target == nil {
			continue
		}
		s, bound, ok := t.callable(target)
		if !ok || t.isAsync(s) {
			continue
		}
		if !bound && t.enclosingFunc(s) != 0 && t.selfName(t.m.Scope(s).Node) != "" {
			// A nested function or lambda of a method sees its self.
			bound = true
		}
		if pc, ok := target.(*ast.Call); ok && len(pc.Args) > 1 {
			// functools.partial(f, a, b): a and b go to f too.
			args = append(append([]ast.Expr(nil), pc.Args[1:]...), args...)
		}
		shared := bound
		if a, ok := target.(*ast.Attribute); ok && bound {
			if v, ok := a.Value.(*ast.Name); ok {
				if _, _, isSelf := m.SelfParam(v); !isSelf {
					// obj.method: one object for all runs only when obj
					// is bound outside the loop that starts them.
					shared = !t.inLoop(c) || t.boundOutsideLoop(v, c)
				}
			}
		}
		e := &entry{target: s, at: c, what: what, selfShared: shared, selfVisible: bound, args: args}
		e.multi = multi || t.repeated(c)
		e.windows = []window{t.windowOf(c)}
		add(e)
	}
	// Thread subclasses: run() runs on the thread.
	for i := range m.Scopes {
		cls, ok := m.Scopes[i].Node.(*ast.ClassDef)
		if !ok || m.Scopes[i].Kind != semantic.ClassScope || !m.InheritsFrom(cls, "threading.Thread") {
			continue
		}
		run := m.Method(cls, "run")
		if run == nil || m.ClassOf(run) != cls {
			continue
		}
		s, ok := m.ScopeFor(run)
		if !ok || t.isAsync(s) {
			continue
		}
		e := &entry{target: s, at: cls, what: "run method of a Thread subclass", selfVisible: true}
		classes := append([]*ast.ClassDef{cls}, m.Subclasses(cls)...)
		n := 0
		for _, info := range m.Nodes {
			c, ok := info.Node.(*ast.Call)
			if !ok {
				continue
			}
			name, ok := c.Func.(*ast.Name)
			if !ok {
				continue
			}
			if k := moduleClass(m, name); k != nil && hasClass(classes, k) {
				n++
				if t.repeated(c) {
					e.multi = true
				}
				e.windows = append(e.windows, t.windowOf(c))
			}
		}
		if n > 1 {
			e.multi = true
		}
		add(e)
	}
	// The same target started from several places runs several times.
	count := map[semantic.ScopeID]int{}
	for _, e := range t.entries {
		count[e.target]++
	}
	for _, e := range t.entries {
		if count[e.target] > 1 {
			e.multi = true
		}
	}
}

// findSharedParams finds the parameters of entry points through which
// several concurrent runs get the same object: Thread(target=work,
// args=(stats,)) started in a loop, with stats bound before the loop.
func (t *threads) findSharedParams() {
	for _, e := range t.entries {
		if !e.multi {
			continue
		}
		fn := t.m.Scope(e.target).Node
		for j, arg := range e.args {
			n, ok := arg.(*ast.Name)
			if !ok || t.inLoop(e.at) && !t.boundOutsideLoop(n, e.at) {
				continue
			}
			if id := t.paramBinding(e.target, fn, j); id != semantic.NoBinding {
				t.shared[id] = true
			}
		}
	}
}

// paramBinding returns the binding of the j-th positional parameter of
// the function fn (scope s) after self, or NoBinding.
func (t *threads) paramBinding(s semantic.ScopeID, fn ast.Node, j int) semantic.BindingID {
	params := positionalParams(threadFuncArgs(fn))
	if t.m.ClassOf(fn) != nil && len(params) > 0 {
		params = params[1:]
	}
	if j >= len(params) {
		return semantic.NoBinding
	}
	for _, id := range t.m.Scope(s).Bindings(params[j].Arg) {
		if t.m.Binding(id).Kind == semantic.Parameter {
			return id
		}
	}
	return semantic.NoBinding
}

// displayElts returns the elements of a tuple or list display, or nil.
func displayElts(e ast.Expr) []ast.Expr {
	switch x := e.(type) {
	case *ast.Tuple:
		return x.Elts
	case *ast.List:
		return x.Elts
	}
	return nil
}

// argsFrom returns the positional arguments of c from index i on, up to a
// *args.
func argsFrom(c *ast.Call, i int) []ast.Expr {
	var out []ast.Expr
	for j, a := range c.Args {
		if _, ok := a.(*ast.Starred); ok {
			break
		}
		if j >= i {
			out = append(out, a)
		}
	}
	return out
}

func hasClass(cs []*ast.ClassDef, c *ast.ClassDef) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

func (t *threads) isAsync(s semantic.ScopeID) bool {
	_, ok := t.m.Scope(s).Node.(*ast.AsyncFunctionDef)
	return ok
}

// isThreadingServerClass reports whether e names a class of the module
// that mixes in socketserver.ThreadingMixIn.
func (t *threads) isThreadingServerClass(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	cls := moduleClass(t.m, n)
	return cls != nil && t.m.InheritsFrom(cls, append([]string{"socketserver.ThreadingMixIn"}, threadingServers...)...)
}

// addHandlerEntries makes the request handling methods of the handler
// class given to a threading server entry points.
func (t *threads) addHandlerEntries(c *ast.Call, add func(*entry)) {
	h := argument(c, 1, "RequestHandlerClass")
	n, ok := h.(*ast.Name)
	if !ok {
		return
	}
	cls := moduleClass(t.m, n)
	if cls == nil {
		return
	}
	seen := map[semantic.ScopeID]bool{}
	for _, a := range t.m.Ancestry(cls) {
		for _, st := range a.Body {
			def, ok := st.(*ast.FunctionDef)
			if !ok || !(def.Name == "handle" || def.Name == "setup" || def.Name == "finish" || strings.HasPrefix(def.Name, "do_")) {
				continue
			}
			if t.m.Method(cls, def.Name) != ast.Node(def) {
				continue
			}
			s, ok := t.m.ScopeFor(def)
			if !ok || seen[s] {
				continue
			}
			seen[s] = true
			add(&entry{target: s, at: c, what: "request handler of a threading server", multi: true})
		}
	}
}

// isPool reports whether e is a pool of one of the kinds: a name or self
// attribute assigned such a pool, or a direct constructor call. With
// byName, a receiver named like an executor counts too.
func (t *threads) isPool(e ast.Expr, kinds []string, byName bool) bool {
	if c, ok := e.(*ast.Call); ok {
		return t.m.MatchesQualified(c.Func, kinds...)
	}
	found := false
	t.assignedValues(e, func(v ast.Expr) {
		if c, ok := v.(*ast.Call); ok && t.m.MatchesQualified(c.Func, kinds...) {
			found = true
		}
	})
	if found {
		return true
	}
	if byName {
		for _, w := range nameWords(finalIdent(e)) {
			if w == "executor" {
				return true
			}
		}
	}
	return false
}

// isThreadFuture reports whether e is a future a thread pool returned.
func (t *threads) isThreadFuture(e ast.Expr) bool {
	isSubmit := func(v ast.Expr) bool {
		c, ok := v.(*ast.Call)
		if !ok {
			return false
		}
		a, ok := c.Func.(*ast.Attribute)
		return ok && a.Attr == "submit" && t.isPool(a.Value, threadPools, false)
	}
	if isSubmit(e) {
		return true
	}
	found := false
	t.assignedValues(e, func(v ast.Expr) {
		if isSubmit(v) {
			found = true
		}
	})
	return found
}

// assignedValues calls f with every value the module assigns to the
// state or local name e (in assignments and with ... as e).
func (t *threads) assignedValues(e ast.Expr, f func(ast.Expr)) {
	if k, ok := t.keyOf(e); ok {
		for _, v := range t.values[k] {
			f(v)
		}
		return
	}
	n, isName := e.(*ast.Name)
	if !isName {
		return
	}
	id := t.m.Resolve(n)
	if id == semantic.NoBinding {
		return
	}
	b := t.m.Binding(id)
	for _, bid := range t.m.Scope(b.Scope).Bindings(n.Id) {
		if v := t.valueOfBinding(t.m.Binding(bid).Node); v != nil {
			f(v)
		}
	}
}

// valueOfBinding returns the value assigned by the node that binds a name
// (a Name target of an assignment or of with ... as), or nil.
func (t *threads) valueOfBinding(n ast.Node) ast.Expr {
	switch p := t.m.Parent(n).(type) {
	case *ast.Assign:
		for _, target := range p.Targets {
			if target == n {
				return p.Value
			}
		}
	case *ast.AnnAssign:
		if p.Target == n {
			return p.Value
		}
	case *ast.WithItem:
		if p.OptionalVars == n {
			return p.ContextExpr
		}
	}
	return nil
}

// repeated reports whether a call that starts a thread runs several times:
// in a loop or a comprehension, or in a function called in a loop. (A
// function that starts a thread and is called from several places usually
// starts it once, behind a check.)
func (t *threads) repeated(c *ast.Call) bool {
	if t.inLoop(c) {
		return !t.joinedEachRound(c)
	}
	s := t.funcScope(c)
	if s == 0 {
		return false
	}
	for _, site := range t.callers[s] {
		if t.inLoop(site.call) {
			return true
		}
	}
	return false
}

// joinedEachRound reports whether the loop around the call c that starts a
// thread also waits for it before the next round (start, join, repeat), so
// that its threads never overlap.
func (t *threads) joinedEachRound(c *ast.Call) bool {
	var loop ast.Node
	t.m.Ancestors(c, func(a ast.Node) bool {
		switch a.(type) {
		case *ast.For, *ast.While, *ast.AsyncFor:
			loop = a
			return false
		case *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp,
			*ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		}
		return true
	})
	if loop == nil {
		return false
	}
	joined := false
	ast.Inspect(loop, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		case *ast.Call:
			if x.Pos() > c.End() && isJoin(t.m, x) {
				joined = true
			}
		}
		return !joined
	})
	return joined
}

// inLoop reports whether n is in a loop or comprehension of its function.
func (t *threads) inLoop(n ast.Node) bool {
	if info := t.m.Info(n); info != nil && info.Flags&semantic.InLoop != 0 {
		return true
	}
	found := false
	t.m.Ancestors(n, func(a ast.Node) bool {
		switch a.(type) {
		case *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp:
			found = true
			return false
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		}
		return true
	})
	return found
}

// windowOf returns the part of the function making call c during which
// the thread c starts may run: from c (or the loop around it) to the
// first join or pool shutdown after it, or to the end of a `with` block
// of the pool, or to the end of the function.
func (t *threads) windowOf(c *ast.Call) window {
	s := t.funcScope(c)
	w := window{scope: s, from: c.Pos(), to: t.m.Scope(s).Node.End()}
	// Start of the outermost loop around c.
	t.m.Ancestors(c, func(a ast.Node) bool {
		switch a.(type) {
		case *ast.For, *ast.While, *ast.AsyncFor:
			w.from = a.Pos()
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		case *ast.With:
			// with ThreadPoolExecutor() as ex: the block waits for the tasks.
			for _, it := range a.(*ast.With).Items {
				if ic, ok := it.ContextExpr.(*ast.Call); ok && t.m.MatchesQualified(ic.Func, threadPools...) {
					if a.End() < w.to {
						w.to, w.joined = a.End(), true
					}
				}
			}
		}
		return true
	})
	for _, info := range t.m.Nodes {
		j, ok := info.Node.(*ast.Call)
		if !ok || j.Pos() < c.End() || j.Pos() >= w.to || t.funcScope(j) != s {
			continue
		}
		if isJoin(t.m, j) {
			// The statement holding the join (or the loop around it) ends
			// the window.
			end := j.End()
			t.m.Ancestors(j, func(a ast.Node) bool {
				switch a.(type) {
				case *ast.For, *ast.While:
					if a.Pos() >= w.from {
						end = a.End()
					}
				case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
					return false
				}
				return true
			})
			w.to, w.joined = end, true
			break
		}
	}
	return w
}

// isJoin recognizes calls that wait for threads: t.join() (no argument,
// a timeout keyword or a number), pool.shutdown(...), concurrent.futures.wait.
func isJoin(m *semantic.Model, c *ast.Call) bool {
	if m.MatchesQualified(c.Func, "concurrent.futures.wait") {
		return true
	}
	a, ok := c.Func.(*ast.Attribute)
	if !ok {
		return false
	}
	switch a.Attr {
	case "shutdown":
		return true
	case "join":
		if _, isConst := a.Value.(*ast.Constant); isConst {
			return false
		}
		if len(c.Args) == 0 {
			return true
		}
		if len(c.Args) == 1 {
			if k, ok := c.Args[0].(*ast.Constant); ok && (k.Value.Kind == ast.IntValue || k.Value.Kind == ast.FloatValue) {
				return true
			}
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// The call graph and who runs what

// buildCallers records the call sites of every function of the module.
func (t *threads) buildCallers() {
	for _, info := range t.m.Nodes {
		c, ok := info.Node.(*ast.Call)
		if !ok {
			continue
		}
		targets := t.callTargets(c)
		if len(targets) == 0 {
			continue
		}
		caller := t.funcScope(c)
		for _, s := range targets {
			t.callers[s] = append(t.callers[s], callSite{call: c, caller: caller})
		}
	}
}

func (t *threads) buildGraph() {
	m := t.m
	edges := map[semantic.ScopeID][]semantic.ScopeID{}
	addEdge := func(from, to semantic.ScopeID) {
		if t.isAsync(to) {
			return // calling a coroutine function runs nothing
		}
		edges[from] = append(edges[from], to)
	}
	for to, sites := range t.callers {
		for _, site := range sites {
			addEdge(site.caller, to)
		}
	}
	// Nested functions and lambdas run on the threads of the function
	// defining them (unless they are entry points themselves).
	for i := range m.Scopes {
		s := semantic.ScopeID(i)
		sc := m.Scope(s)
		if sc.Kind != semantic.FunctionScope && sc.Kind != semantic.LambdaScope {
			continue
		}
		parent := t.enclosingFunc(s)
		if parent != 0 && !t.isEntry[s] {
			addEdge(parent, s)
		}
	}
	propagate := func() {
		work := make([]semantic.ScopeID, 0, len(t.sets))
		for s := range t.sets {
			work = append(work, s)
		}
		for len(work) > 0 {
			s := work[len(work)-1]
			work = work[:len(work)-1]
			for _, to := range edges[s] {
				set := t.sets[to]
				if set.union(t.sets[s]) {
					t.sets[to] = set
					work = append(work, to)
				}
			}
		}
	}
	// First the entry points and what they call.
	for i, e := range t.entries {
		set := t.sets[e.target]
		set.add(i + 1)
		t.sets[e.target] = set
	}
	propagate()
	// Then module code, and the functions anyone may call: those a thread
	// of the module already runs are taken to be its helpers, called by
	// others only where the module shows it.
	main := tset{}
	main.add(mainThread)
	t.sets[0] = main.clone()
	for i := range m.Scopes {
		s := semantic.ScopeID(i)
		if t.isExternal(s) {
			t.external[s] = true
			if !t.sets[s].hasEntry() {
				set := t.sets[s]
				set.add(mainThread)
				t.sets[s] = set
			}
		}
	}
	propagate()
}

func (s tset) clone() tset { return append(tset(nil), s...) }

// callTargets returns the functions a call may run: its target, and for
// self.m() the overriding methods of the subclasses.
func (t *threads) callTargets(c *ast.Call) []semantic.ScopeID {
	m := t.m
	s, ok := m.CallTarget(c)
	if !ok {
		return nil
	}
	out := []semantic.ScopeID{s}
	if a, isAttr := c.Func.(*ast.Attribute); isAttr {
		if v, isName := a.Value.(*ast.Name); isName {
			if _, cls, ok := m.SelfParam(v); ok {
				subs, ok := t.subs[cls]
				if !ok {
					subs = m.Subclasses(cls)
					t.subs[cls] = subs
				}
				for _, sub := range subs {
					if def := m.Method(sub, a.Attr); def != nil {
						if ss, ok := m.ScopeFor(def); ok && ss != s {
							out = append(out, ss)
						}
					}
				}
			}
		}
	}
	return out
}

// enclosingFunc returns the function scope around scope s, or 0.
func (t *threads) enclosingFunc(s semantic.ScopeID) semantic.ScopeID {
	for p := t.m.Scope(s).Parent; p != semantic.NoScope; p = t.m.Scope(p).Parent {
		switch t.m.Scope(p).Kind {
		case semantic.FunctionScope, semantic.LambdaScope:
			return p
		case semantic.ModuleScope, semantic.ClassScope:
			return 0
		}
	}
	return 0
}

// isExternal reports whether code outside the module's knowledge may call
// function s: a module-level function or a method that is not an entry
// point, and that is public or never called in the module.
func (t *threads) isExternal(s semantic.ScopeID) bool {
	sc := t.m.Scope(s)
	if sc.Kind != semantic.FunctionScope || t.isEntry[s] || t.enclosingFunc(s) != 0 {
		return false
	}
	name := ""
	switch n := sc.Node.(type) {
	case *ast.FunctionDef:
		name = n.Name
	case *ast.AsyncFunctionDef:
		name = n.Name
	}
	if len(t.callers[s]) == 0 {
		return true
	}
	return !strings.HasPrefix(name, "_") || strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__")
}

// ---------------------------------------------------------------------------
// Locks

// The regular expressions of this file are compiled on first use, so that
// a run that never needs them (most runs: they are asked only in modules
// that start threads) does not pay for them at start-up.

var lockedNameRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|_)locked($|_)|_with_lock$|_under_lock$`)
})

var lockDocRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(lock (is |must be |should be )?(already )?held|hold(s|ing)? (the |a |an )?[\w.]*\s?lock|must be called with|called with (the |a )?[\w.]*\s?lock|caller (must|should) (hold|acquire|lock)|under (the |a )?[\w.]*\s?lock|while holding|with [\w.]*lock held|lock (is )?acquired)`)
})

// lockDocAlternatives are the alternatives of lockDocRE, lowercase and
// anchored, each with the literal it starts with. mentionsHeldLock runs
// them only where that literal is: lockDocRE itself runs every alternative
// at every position of the docstring, which cost more than the rest of
// the thread analysis.
var lockDocAlternatives = sync.OnceValue(func() []lockDocAlternative {
	return []lockDocAlternative{
		{"lock ", regexp.MustCompile(`^lock (is |must be |should be )?(already )?held`)},
		{"hold", regexp.MustCompile(`^hold(s|ing)? (the |a |an )?[\w.]*\s?lock`)},
		{"must be called with", regexp.MustCompile(`^must be called with`)},
		{"called with ", regexp.MustCompile(`^called with (the |a )?[\w.]*\s?lock`)},
		{"caller ", regexp.MustCompile(`^caller (must|should) (hold|acquire|lock)`)},
		{"under ", regexp.MustCompile(`^under (the |a )?[\w.]*\s?lock`)},
		{"while holding", regexp.MustCompile(`^while holding`)},
		{"with ", regexp.MustCompile(`^with [\w.]*lock held`)},
		{"lock ", regexp.MustCompile(`^lock (is )?acquired`)},
	}
})

type lockDocAlternative struct {
	lead string
	re   *regexp.Regexp
}

// mentionsHeldLock reports whether lockDocRE matches doc. On ASCII text,
// lowercasing changes no position and is exactly what (?i) folds, and no
// alternative looks behind its start, so a match is an alternative
// matching at one of the places its first literal is.
func mentionsHeldLock(doc string) bool {
	for i := 0; i < len(doc); i++ {
		if doc[i] >= utf8.RuneSelf {
			return lockDocRE().MatchString(doc)
		}
	}
	d := strings.ToLower(doc)
	for _, alt := range lockDocAlternatives() {
		for i := 0; ; {
			j := strings.Index(d[i:], alt.lead)
			if j < 0 {
				break
			}
			if alt.re.MatchString(d[i+j:]) {
				return true
			}
			i += j + 1
		}
	}
	return false
}

// mayMentionLock reports whether a docstring can match lockDocRE: every
// alternative of it contains "called with", "caller ", "holding", or
// "lock" with "held", "hold", "under" or "acquired". The regular
// expression is slow, and many docstrings say "block" or "clock".
func mayMentionLock(doc string) bool {
	d := strings.ToLower(doc)
	if strings.Contains(d, "called with") || strings.Contains(d, "caller ") || strings.Contains(d, "holding") {
		return true
	}
	return strings.Contains(d, "lock") &&
		(strings.Contains(d, "held") || strings.Contains(d, "hold") || strings.Contains(d, "under") || strings.Contains(d, "acquired"))
}

// findLockedFunctions marks the functions that always run with a lock
// held: every call of them in the module holds one, or their name, a
// decorator or the funcDocstring says so.
func (t *threads) findLockedFunctions() {
	m := t.m
	for i := range m.Scopes {
		s := semantic.ScopeID(i)
		def, ok := m.Scope(s).Node.(*ast.FunctionDef)
		if !ok || m.Scope(s).Kind != semantic.FunctionScope {
			continue
		}
		lowerName := strings.ToLower(def.Name)
		if strings.Contains(lowerName, "lock") && lockedNameRE().MatchString(def.Name) && !strings.Contains(lowerName, "unlocked") {
			t.lockedFn[s] = true
			continue
		}
		for _, d := range def.DecoratorList {
			if c, ok := d.(*ast.Call); ok {
				d = c.Func
			}
			for _, w := range nameWords(finalIdent(d)) {
				if w == "synchronized" || w == "synchronised" || lockWord(w) {
					t.lockedFn[s] = true
				}
			}
		}
		if doc := funcDocstring(def.Body); doc != "" && mayMentionLock(doc) && mentionsHeldLock(doc) {
			t.lockedFn[s] = true
		}
	}
	// Functions every caller of which in the module holds a lock (public
	// ones too: the module shows how they are meant to be called).
	cand := map[semantic.ScopeID]bool{}
	for s, sites := range t.callers {
		if len(sites) > 0 && !t.isEntry[s] {
			cand[s] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for s := range cand {
			if t.lockedFn[s] {
				continue
			}
			all := true
			for _, site := range t.callers[s] {
				if _, held := t.heldLock(site.call); !held {
					all = false
					break
				}
			}
			if all {
				t.lockedFn[s] = true
				changed = true
			}
		}
	}
	// Constructors, and the private helpers only they call.
	for i := range m.Scopes {
		s := semantic.ScopeID(i)
		if def, ok := m.Scope(s).Node.(*ast.FunctionDef); ok && m.ClassOf(def) != nil {
			switch def.Name {
			case "__init__", "__new__", "__post_init__", "__init_subclass__", "__set_name__", "__setstate__":
				t.ctorFn[s] = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for s, sites := range t.callers {
			if t.ctorFn[s] || t.isEntry[s] || t.external[s] || len(sites) == 0 {
				continue
			}
			all := true
			for _, site := range sites {
				if !t.ctorFn[site.caller] {
					all = false
				}
			}
			if all {
				t.ctorFn[s] = true
				changed = true
			}
		}
	}
}

func funcDocstring(body []ast.Stmt) string {
	if len(body) == 0 {
		return ""
	}
	if e, ok := body[0].(*ast.ExprStmt); ok {
		if s, ok := stringConstant(e.Value); ok {
			return s
		}
	}
	return ""
}

// finalIdent returns the last identifier of a name, attribute, call or
// subscript expression: "_lock" for self._lock, "lock_for" for
// self.lock_for(k).
func finalIdent(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		return e.Id
	case *ast.Attribute:
		return e.Attr
	case *ast.Call:
		return finalIdent(e.Func)
	case *ast.Subscript:
		return finalIdent(e.Value)
	}
	return ""
}

// nameWords splits an identifier into lowercase words at underscores
// and case changes: "_readLock" -> "read", "lock".
func nameWords(id string) []string {
	var words []string
	cur := []rune{}
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prevLower := false
	for _, r := range id {
		switch {
		case r == '_':
			flush()
			prevLower = false
			continue
		case r >= 'A' && r <= 'Z' && prevLower:
			flush()
		}
		cur = append(cur, r)
		prevLower = r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
	}
	flush()
	return words
}

// lockWord reports whether one word of an identifier names a lock.
func lockWord(w string) bool {
	switch w {
	case "block", "clock", "unlock", "unlocked", "deadlock", "flock", "blocking", "lockfile":
		return false
	case "mutex", "mtx", "cond", "condition", "cv", "sem", "sema", "semaphore", "latch", "rlock", "locked", "synchronized":
		return true
	}
	return strings.HasPrefix(w, "lock") || strings.HasSuffix(w, "lock") || strings.HasSuffix(w, "locks") || strings.HasSuffix(w, "mutex")
}

// isLockExpr reports whether e, used in a with statement or with
// acquire(), looks like a lock: bound to a lock constructor, or named like
// one.
func (t *threads) isLockExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Call:
		if t.m.MatchesQualified(x.Func, lockConstructors...) {
			return true
		}
	case *ast.Name:
		if id := t.m.Resolve(x); id != semantic.NoBinding && t.lockNames[id] {
			return true
		}
	case *ast.Attribute:
		if k, ok := t.keyOf(x); ok && t.lockKeys[lockKey(k)] {
			return true
		}
	}
	for _, w := range nameWords(finalIdent(e)) {
		if lockWord(w) {
			return true
		}
	}
	return false
}

// heldLock reports whether a lock is held where n runs, inside its own
// function: in the body of a with statement on a lock, in a try whose
// finally releases a lock, or after a statement that acquires one (and
// before its release). A function all whose calls hold a lock counts too.
// It returns the source of the lock when known.
func (t *threads) heldLock(n ast.Node) (string, bool) {
	lock, held := "", false
	prev := n
	t.m.Ancestors(n, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.With:
			if hasStmt(a.Body, prev) {
				for _, it := range a.Items {
					if t.isLockExpr(it.ContextExpr) {
						lock, held = t.text(it.ContextExpr), true
						return false
					}
				}
			}
		case *ast.If:
			// if self._owner == get_ident(): this thread already holds it.
			if hasStmt(a.Body, prev) && t.testsOwnThread(a.Test) {
				held = true
				return false
			}
		case *ast.Try:
			if !hasStmt(a.Finalbody, prev) {
				if x := releasedIn(a.Finalbody); x != nil {
					lock, held = t.text(x), true
					return false
				}
			}
		}
		if t.acquires {
			for _, body := range blocksOf(a) {
				if x := t.acquiredBefore(body, prev); x != nil {
					lock, held = t.text(x), true
					return false
				}
			}
		}
		switch a.(type) {
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef, *ast.Module:
			return false
		}
		prev = a
		return true
	})
	if held {
		return lock, true
	}
	if s := t.funcScope(n); s != 0 && t.lockedFn[s] {
		return "", true
	}
	return "", false
}

// threadIdentity is what identifies the running thread.
var threadIdentity = []string{
	"threading.get_ident", "threading.current_thread", "threading.currentThread",
	"threading.get_native_id", "_thread.get_ident", "os.getpid",
}

// isOwnThread reports whether e is the identity of the running thread: a
// call of get_ident() or current_thread() (or an attribute of it), or a
// local name assigned one.
func (t *threads) isOwnThread(e ast.Expr) bool { return t.isOwnThreadDepth(e, 0) }

func (t *threads) isOwnThreadDepth(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	switch x := e.(type) {
	case *ast.Call:
		if t.m.MatchesQualified(x.Func, threadIdentity...) {
			return true
		}
		switch finalIdent(x.Func) {
		case "get_ident", "current_thread", "currentThread", "get_native_id":
			return true
		}
		return false
	case *ast.Attribute:
		return t.isOwnThreadDepth(x.Value, depth+1)
	case *ast.Name:
		id := t.m.Resolve(x)
		if id == semantic.NoBinding || t.m.Binding(id).Scope != t.funcScope(x) {
			return false
		}
		found := false
		t.assignedValues(x, func(v ast.Expr) {
			if !found && t.isOwnThreadDepth(v, depth+1) {
				found = true
			}
		})
		return found
	}
	return false
}

// testsOwnThread reports whether an if test compares something with the
// identity of the running thread (an ownership check).
func (t *threads) testsOwnThread(test ast.Expr) bool {
	c, ok := test.(*ast.Compare)
	if !ok || len(c.Ops) != 1 || c.Ops[0] != ast.Eq && c.Ops[0] != ast.Is {
		return false
	}
	return t.isOwnThread(c.Left) || t.isOwnThread(c.Comparators[0])
}

// perThreadIndex reports whether a subscript's index is private to the
// running thread: its identity, or a parameter of an entry point to which
// every start passes a different loop counter (Thread(target=f,
// args=(i,)) for i in range(n)).
func (t *threads) perThreadIndex(e ast.Expr) bool {
	s, ok := e.(*ast.Subscript)
	if !ok {
		return false
	}
	if t.isOwnThread(s.Slice) {
		return true
	}
	n, ok := s.Slice.(*ast.Name)
	if !ok {
		return false
	}
	id := t.m.Resolve(n)
	if id == semantic.NoBinding {
		return false
	}
	b := t.m.Binding(id)
	if b.Kind != semantic.Parameter || !t.isEntry[b.Scope] {
		return false
	}
	// Not reassigned in the function.
	for _, other := range t.m.Scope(b.Scope).Bindings(n.Id) {
		if other != id {
			return false
		}
	}
	// Every start of the function passes a distinct counter there.
	j := positionalIndex(t.m.Scope(b.Scope).Node, n.Id)
	if j < 0 {
		return false
	}
	found := false
	for _, e := range t.entries {
		if e.target != b.Scope {
			continue
		}
		if j >= len(e.args) || !t.isLoopCounter(e.args[j], e.at) {
			return false
		}
		found = true
	}
	return found
}

// positionalIndex returns the position of the positional parameter name of a
// function, or -1.
func positionalIndex(fn ast.Node, name string) int {
	return slices.IndexFunc(positionalParams(threadFuncArgs(fn)), func(a *ast.Arg) bool { return a.Arg == name })
}

// threadFuncArgs returns the parameters of a def or a lambda, the
// functions the analysis follows into, or nil.
func threadFuncArgs(fn ast.Node) *ast.Arguments {
	switch f := fn.(type) {
	case *ast.FunctionDef:
		return f.Args
	case *ast.Lambda:
		return f.Args
	}
	return nil
}

// isLoopCounter reports whether e is the variable of a loop or
// comprehension around at that runs over range(...), or the index of an
// enumerate(...): a different number on each round.
func (t *threads) isLoopCounter(e ast.Expr, at ast.Node) bool {
	n, ok := e.(*ast.Name)
	if !ok {
		return false
	}
	found := false
	check := func(target, iter ast.Expr) {
		c, ok := iter.(*ast.Call)
		if !ok {
			return
		}
		switch t.m.QualifiedName(c.Func) {
		case "builtins.range":
			if tn, ok := target.(*ast.Name); ok && tn.Id == n.Id {
				found = true
			}
		case "builtins.enumerate":
			if tup, ok := target.(*ast.Tuple); ok && len(tup.Elts) == 2 {
				if tn, ok := tup.Elts[0].(*ast.Name); ok && tn.Id == n.Id {
					found = true
				}
			}
		}
	}
	t.m.Ancestors(at, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.For:
			check(a.Target, a.Iter)
		case *ast.ListComp:
			for _, g := range a.Generators {
				check(g.Target, g.Iter)
			}
		case *ast.GeneratorExp:
			for _, g := range a.Generators {
				check(g.Target, g.Iter)
			}
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		}
		return !found
	})
	return found
}

func hasStmt(body []ast.Stmt, n ast.Node) bool {
	for _, s := range body {
		if ast.Node(s) == n {
			return true
		}
	}
	return false
}

// blocksOf returns the statement lists directly inside a node.
func blocksOf(n ast.Node) [][]ast.Stmt {
	switch n := n.(type) {
	case *ast.Module:
		return [][]ast.Stmt{n.Body}
	case *ast.FunctionDef:
		return [][]ast.Stmt{n.Body}
	case *ast.AsyncFunctionDef:
		return [][]ast.Stmt{n.Body}
	case *ast.If:
		return [][]ast.Stmt{n.Body, n.Orelse}
	case *ast.For:
		return [][]ast.Stmt{n.Body, n.Orelse}
	case *ast.AsyncFor:
		return [][]ast.Stmt{n.Body, n.Orelse}
	case *ast.While:
		return [][]ast.Stmt{n.Body, n.Orelse}
	case *ast.With:
		return [][]ast.Stmt{n.Body}
	case *ast.AsyncWith:
		return [][]ast.Stmt{n.Body}
	case *ast.Try:
		return [][]ast.Stmt{n.Body, n.Orelse, n.Finalbody}
	case *ast.TryStar:
		return [][]ast.Stmt{n.Body, n.Orelse, n.Finalbody}
	case *ast.ExceptHandler:
		return [][]ast.Stmt{n.Body}
	case *ast.MatchCase:
		return [][]ast.Stmt{n.Body}
	}
	return nil
}

// releasedIn returns the receiver of the first X.release() statement of a
// finally body.
func releasedIn(body []ast.Stmt) ast.Expr {
	for _, s := range body {
		if x := methodCallStmt(s, "release"); x != nil {
			return x
		}
	}
	return nil
}

// methodCallStmt returns X when s is the statement X.name(...), or nil.
func methodCallStmt(s ast.Stmt, name string) ast.Expr {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return nil
	}
	c, ok := e.Value.(*ast.Call)
	if !ok {
		return nil
	}
	a, ok := c.Func.(*ast.Attribute)
	if !ok || a.Attr != name {
		return nil
	}
	return a.Value
}

// acquiredBefore returns the lock acquired by a statement of body before
// n (and not released again before it), when n is a statement of body.
func (t *threads) acquiredBefore(body []ast.Stmt, n ast.Node) ast.Expr {
	if !t.acquires {
		return nil // no X.acquire() anywhere: nothing to find
	}
	idx := -1
	for i, s := range body {
		if ast.Node(s) == n {
			idx = i
			break
		}
	}
	if idx < 0 {
		return nil
	}
	var held ast.Expr
	for _, s := range body[:idx] {
		if x := acquireIn(s); x != nil {
			held = x
			continue
		}
		if x := methodCallStmt(s, "release"); x != nil && held != nil && t.text(x) == t.text(held) {
			held = nil
		}
		if try, ok := s.(*ast.Try); ok && held != nil {
			// lock.acquire(); try: ... finally: lock.release()
			if x := releasedIn(try.Finalbody); x != nil && t.text(x) == t.text(held) {
				held = nil
			}
		}
	}
	return held
}

// acquireIn returns X when statement s calls X.acquire() at its top:
// X.acquire(), ok = X.acquire(...), if [not] X.acquire(...): ...
func acquireIn(s ast.Stmt) ast.Expr {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.Value
	case *ast.Assign:
		e = s.Value
	case *ast.If:
		e = s.Test
	case *ast.While:
		e = s.Test
	default:
		return nil
	}
	if u, ok := e.(*ast.UnaryOp); ok && u.Op == ast.Not {
		e = u.Operand
	}
	c, ok := e.(*ast.Call)
	if !ok {
		return nil
	}
	a, ok := c.Func.(*ast.Attribute)
	if !ok || a.Attr != "acquire" {
		return nil
	}
	return a.Value
}

// ---------------------------------------------------------------------------
// Shared state

// keyOf names the piece of state an expression stands for when other
// threads can see it, and reports false for locals and thread-confined
// objects. Keys:
//
//	g:name            a module global
//	n:scope:name      a variable of an enclosing function (a closure cell)
//	i:Class.attr      an attribute of self in a method of Class
//	c:Class.attr      a class attribute
//	m:module.attr     an attribute of an imported module
//	s:Handler.server  the server of a socketserver request handler
//	p:id:name         a parameter that every run of an entry point gets the same object in
//	...               suffixed with .attr for attributes of those objects
//
// For a subscript it returns the key of the container.
func (t *threads) keyOf(e ast.Expr) (string, bool) {
	m := t.m
	switch e := e.(type) {
	case *ast.Name:
		id := m.Resolve(e)
		if id == semantic.NoBinding {
			return "", false
		}
		b := m.Binding(id)
		if len(t.localBind) > 0 {
			if t.localBind[id] {
				return "", false
			}
			// Every binding of the name may hold a threading.local.
			for _, other := range m.Scope(b.Scope).Bindings(e.Id) {
				if t.localBind[other] {
					return "", false
				}
			}
		}
		sc := m.Scope(b.Scope)
		switch sc.Kind {
		case semantic.ModuleScope:
			if b.IsImport() {
				return "m:" + b.Qualified, true
			}
			return "g:" + e.Id, true
		case semantic.ClassScope:
			cls := sc.Node.(*ast.ClassDef)
			return "c:" + t.rootClass(cls).Name + "." + e.Id, true
		case semantic.FunctionScope, semantic.LambdaScope:
			if b.Scope == t.funcScope(e) {
				return "", false
			}
			return "n:" + strconv.Itoa(int(b.Scope)) + ":" + e.Id, true
		}
		return "", false
	case *ast.Attribute:
		var base string
		switch v := e.Value.(type) {
		case *ast.Name:
			if fn, cls, ok := m.SelfParam(v); ok {
				prefix := "i:"
				if m.IsClassMethod(fn) {
					prefix = "c:"
				}
				base = prefix + t.rootClass(cls).Name
				break
			}
			if cls := moduleClass(m, v); cls != nil {
				base = "c:" + t.rootClass(cls).Name
				break
			}
			k, ok := t.baseKeyOf(v)
			if !ok {
				return "", false
			}
			base = k
		case *ast.Call:
			// type(self).x and self.__class__.x are class attributes.
			if f, ok := v.Func.(*ast.Name); ok && f.Id == "type" && len(v.Args) == 1 {
				if n, ok := v.Args[0].(*ast.Name); ok {
					if _, cls, ok := m.SelfParam(n); ok {
						base = "c:" + t.rootClass(cls).Name
						break
					}
				}
			}
			return "", false
		case *ast.Attribute, *ast.Subscript:
			if a, ok := v.(*ast.Attribute); ok && (a.Attr == "__class__" || a.Attr == "server") {
				if n, ok := a.Value.(*ast.Name); ok {
					if _, cls, ok := m.SelfParam(n); ok {
						if a.Attr == "__class__" {
							base = "c:" + t.rootClass(cls).Name
							break
						}
						if m.InheritsFrom(cls, "socketserver.BaseRequestHandler") {
							// Every request handler holds the one server.
							base = "s:" + t.rootClass(cls).Name + ".server"
							break
						}
					}
				}
			}
			k, ok := t.keyOf(v)
			if !ok {
				return "", false
			}
			base = k
		default:
			return "", false
		}
		if len(t.locals) > 0 && t.locals[base] {
			return "", false
		}
		k := base + "." + e.Attr
		if len(t.locals) > 0 && t.locals[k] {
			return "", false
		}
		return k, true
	case *ast.Subscript:
		k, ok := t.baseKeyOf(e.Value)
		if !ok || t.locals[k] {
			return "", false
		}
		return k, true
	}
	return "", false
}

// baseKeyOf is keyOf for the object whose attribute or item is used: a
// parameter that receives one object on every run of an entry point is
// shared (the parameter itself, rebound, is not).
func (t *threads) baseKeyOf(e ast.Expr) (string, bool) {
	if n, ok := e.(*ast.Name); ok {
		if id := t.m.Resolve(n); id != semantic.NoBinding && t.shared[id] {
			return "p:" + strconv.Itoa(int(id)) + ":" + n.Id, true
		}
	}
	return t.keyOf(e)
}

// rootClass follows the first base of the module up from c.
func (t *threads) rootClass(c *ast.ClassDef) *ast.ClassDef {
	if r, ok := t.roots[c]; ok {
		return r
	}
	start := c
	seen := map[*ast.ClassDef]bool{}
	for !seen[c] {
		seen[c] = true
		bases := t.m.ClassBases(c)
		if len(bases) == 0 {
			break
		}
		c = bases[0]
	}
	t.roots[start] = c
	return c
}

// classOfKey returns the class of an i: or c: key.
func (t *threads) classOfKey(k string) *ast.ClassDef {
	if !strings.HasPrefix(k, "i:") && !strings.HasPrefix(k, "c:") {
		return nil
	}
	name, _, _ := strings.Cut(k[2:], ".")
	for i := range t.m.Scopes {
		if c, ok := t.m.Scopes[i].Node.(*ast.ClassDef); ok && c.Name == name && t.m.Scopes[i].Kind == semantic.ClassScope {
			return c
		}
	}
	return nil
}

// isInstanceKey reports whether a key is an attribute of self.
func isInstanceKey(k string) bool { return strings.HasPrefix(k, "i:") }

var containerInserts = map[string]bool{
	"append": true, "appendleft": true, "extend": true, "extendleft": true, "insert": true,
	"add": true, "update": true, "setdefault": true, "__setitem__": true,
}

var containerRemoves = map[string]bool{
	"pop": true, "popitem": true, "popleft": true, "clear": true, "remove": true,
	"discard": true, "__delitem__": true,
}

// collectAccesses records every access to shared state.
func (t *threads) collectAccesses() {
	for _, info := range t.m.Nodes {
		switch n := info.Node.(type) {
		case *ast.AugAssign:
			kind := accRMW
			t.record(n, n.Target, kind)
		case *ast.Assign:
			for _, target := range n.Targets {
				t.recordStore(n, target, n.Value)
			}
		case *ast.AnnAssign:
			if n.Value != nil {
				t.recordStore(n, n.Target, n.Value)
			}
		case *ast.Delete:
			for _, target := range n.Targets {
				if _, ok := target.(*ast.Subscript); ok {
					t.record(n, target, accRemove)
				} else {
					t.record(n, target, accWrite)
				}
			}
		case *ast.Call:
			if a, ok := n.Func.(*ast.Attribute); ok {
				switch {
				case containerInserts[a.Attr]:
					t.record(n, a.Value, accInsert)
				case containerRemoves[a.Attr]:
					t.record(n, a.Value, accRemove)
				case a.Attr == "__next__" || a.Attr == "send":
					t.record(n, a.Value, accConsume)
				}
			}
			if t.m.MatchesQualified(n.Func, "builtins.next") && len(n.Args) > 0 {
				t.record(n, n.Args[0], accConsume)
			}
			// heapq functions change the list they are given.
			if len(n.Args) > 0 {
				switch t.m.QualifiedIn(n.Func, "heapq.heappush", "heapq.heappop", "heapq.heapreplace", "heapq.heappushpop") {
				case "heapq.heappush":
					t.record(n, n.Args[0], accInsert)
				case "heapq.heappop", "heapq.heapreplace", "heapq.heappushpop":
					t.record(n, n.Args[0], accRemove)
				}
			}
		case *ast.For:
			t.record(n, n.Iter, accConsume)
		case *ast.WithItem:
			// catch_warnings() blocks all change one piece of global state.
			if c, ok := n.ContextExpr.(*ast.Call); ok && t.m.MatchesQualified(c.Func, catchWarnings...) {
				t.recordKey(c, warningsKey, accWrite)
			}
		}
	}
}

// warningsKey is the state every catch_warnings() block changes: the
// filters of the warnings module.
const warningsKey = "w:warnings.filters"

var catchWarnings = []string{"warnings.catch_warnings", "pytest.warns", "pytest.deprecated_call"}

func (t *threads) recordStore(stmt ast.Node, target, value ast.Expr) {
	switch tg := target.(type) {
	case *ast.Tuple:
		for _, e := range tg.Elts {
			t.recordStore(stmt, e, nil)
		}
	case *ast.List:
		for _, e := range tg.Elts {
			t.recordStore(stmt, e, nil)
		}
	case *ast.Starred:
		t.recordStore(stmt, tg.Value, nil)
	default:
		// The key first: most stores are to locals, which have none,
		// and readsTarget walks the value.
		k, ok := t.keyOf(target)
		if !ok {
			return
		}
		kind := accWrite
		if _, ok := target.(*ast.Subscript); ok {
			kind = accInsert
		}
		if value != nil && readsTarget(t, target, value) != nil {
			kind = accRMW
		}
		t.recordKey(stmt, k, kind)
	}
}

func (t *threads) record(n ast.Node, target ast.Expr, kind accessKind) {
	if k, ok := t.keyOf(target); ok {
		t.recordKey(n, k, kind)
	}
}

func (t *threads) recordKey(n ast.Node, k string, kind accessKind) {
	scope := t.funcScope(n)
	a := &access{kind: kind, key: k, node: n, scope: scope, moduleTime: scope == 0}
	a.lock, a.locked = t.heldLock(n)
	a.ctor = t.ctorFn[scope]
	t.accesses[k] = append(t.accesses[k], a)
	t.byNode[n] = append(t.byNode[n], a)
}

// readsTarget returns the first read of the state a store writes inside
// the stored value: the same expression (x = x + 1, d[k] = d[k] + 1), or
// for an item, d.get(k, ...). It returns nil when there is none.
func readsTarget(t *threads, target, value ast.Expr) ast.Node {
	want := squeezeSpaces(t.text(target))
	var getBase, getKey string
	if s, ok := target.(*ast.Subscript); ok {
		getBase, getKey = squeezeSpaces(t.text(s.Value)), squeezeSpaces(t.text(s.Slice))
	}
	var found ast.Node
	ast.Inspect(value, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch x := n.(type) {
		case *ast.Lambda, *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp:
			return false
		case *ast.Name, *ast.Attribute, *ast.Subscript:
			if t.squeezedIs(x, want) {
				found = x
				return false
			}
		case *ast.Call:
			if getBase != "" && len(x.Args) >= 1 {
				if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "get" && t.squeezedIs(a.Value, getBase) && t.squeezedIs(x.Args[0], getKey) {
					found = x
					return false
				}
			}
		}
		return true
	})
	return found
}

// squeezedIs reports whether squeezeSpaces of n's source is want, without
// building the string: the FT rules compare many expressions this way.
func (t *threads) squeezedIs(n ast.Node, want string) bool {
	return squeezedEqual(t.src[n.Pos():n.End()], want)
}

// squeezedEqual reports whether squeezeSpaces(string(src)) == want. Like
// strings.Map, it reads an invalid byte as utf8.RuneError.
func squeezedEqual(src []byte, want string) bool {
	j := 0
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		i += w
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\\' {
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		if j+n > len(want) || string(buf[:n]) != want[j:j+n] {
			return false
		}
		j += n
	}
	return j == len(want)
}

// squeezeSpaces removes the spaces of a short expression's source.
func squeezeSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\\' {
			return -1
		}
		return r
	}, s)
}

// accessAt returns the access recorded at node n for key k, or nil.
func (t *threads) accessAt(n ast.Node, k string) *access {
	for _, a := range t.byNode[n] {
		if a.key == k {
			return a
		}
	}
	return nil
}

// accessesAt reports whether some access is recorded at node n: a
// cheaper test than accessAt, which needs the key.
func (t *threads) accessesAt(n ast.Node) bool { return len(t.byNode[n]) > 0 }

// ---------------------------------------------------------------------------
// Verdicts

// level says how sure a finding is.
type level uint8

const (
	noRace     level = iota
	libraryUse       // the module or class expects threads but the module starts none here
	threadRace       // threads of the module's own making run this concurrently
)

type verdict struct {
	level   level
	reason  string
	partner *access // for library use: the access under a lock that shows the state is shared
}

// severity returns the severity of a diagnostic of rule r with this
// verdict: the rule's own, or one step lower for library use.
func (v verdict) severity(r *checks.Rule) checks.Severity {
	if v.level == libraryUse && r.Severity > checks.Info {
		return r.Severity - 1
	}
	return r.Severity
}

// threaded reports whether function scope s runs on a thread the module
// starts, and names one such entry.
func (t *threads) threaded(s semantic.ScopeID) (*entry, bool) {
	set := t.sets[s]
	var found *entry
	set.each(func(i int) {
		if i != mainThread && found == nil {
			found = t.entries[i-1]
		}
	})
	return found, found != nil
}

func (t *threads) describe(e *entry) string {
	name := t.scopeName(e.target)
	line := t.line(e.at.Pos())
	if _, isClass := e.at.(*ast.ClassDef); isClass {
		return fmt.Sprintf("`%s` is the %s at line %d", name, e.what, line)
	}
	return fmt.Sprintf("`%s` runs as a %s (line %d)", name, e.what, line)
}

// judge decides whether an access a to state k can race: selfRaces says
// that two runs of the access itself race; partner selects the other
// accesses of k that race with it.
func (t *threads) judge(a *access, k string, selfRaces bool, partner func(*access) bool) verdict {
	if a.locked || a.moduleTime || isInstanceKey(k) && a.ctor {
		return verdict{}
	}
	set := t.sets[a.scope]
	inst := isInstanceKey(k)
	if set.hasEntry() {
		if selfRaces {
			// The access itself, on several threads at once.
			var v verdict
			set.each(func(i int) {
				if v.level != noRace || i == mainThread {
					return
				}
				e := t.entries[i-1]
				if e.multi && (!inst || e.selfShared) {
					v = verdict{level: threadRace, reason: t.describe(e) + " on several threads at once"}
				}
			})
			if v.level == noRace && !inst {
				// The same code on a thread of the module and on a caller's
				// thread. (Not for attributes of self: a class whose thread
				// runs the same code as its public methods usually has the
				// caller choose one or the other, as with loop() and
				// loop_start().)
				if r, ok := t.pairRace(a, a, inst); ok {
					v = verdict{level: threadRace, reason: r + ", and other threads run this code too"}
				}
			}
			if v.level != noRace {
				return v
			}
		}
		for _, p := range t.accesses[k] {
			if p == a || !partner(p) || inst && p.ctor {
				continue
			}
			if r, ok := t.pairRace(a, p, inst); ok {
				return verdict{level: threadRace, reason: r + fmt.Sprintf(", and line %d changes it on another thread", t.line(p.node.Pos()))}
			}
		}
	}
	if !t.imports && len(t.entries) == 0 {
		return verdict{}
	}
	// Library use: the module expects threads it does not start itself.
	// Only for code that callers outside the module's knowledge run (code
	// only the module's own threads run was judged above), and not for
	// nested functions handed to unknown callers, whose locks are unknown.
	if !set.has(mainThread) || t.enclosingFunc(a.scope) != 0 && len(t.callers[a.scope]) == 0 {
		return verdict{}
	}
	for _, p := range t.accesses[k] {
		// The evidence is a lock taken right there (not one inferred
		// from the callers).
		if p == a || !p.locked || p.lock == "" || p.moduleTime || inst && p.ctor || p.kind == accConsume && a.kind != accConsume {
			continue
		}
		if t.exclusive(a.node, p.node) {
			// The other branch of an if: a different platform or mode.
			continue
		}
		return verdict{libraryUse, fmt.Sprintf("line %d changes it under `%s`, so it is shared between threads", t.line(p.node.Pos()), p.lock), p}
	}
	return verdict{}
}

// exclusive reports whether a and b are in different branches of one if
// statement, so that one run never executes both.
func (t *threads) exclusive(a, b ast.Node) bool {
	branch := map[*ast.If]bool{} // the if, and whether a is in its body
	prev := a
	t.m.Ancestors(a, func(n ast.Node) bool {
		if f, ok := n.(*ast.If); ok && prev != ast.Node(f.Test) {
			branch[f] = hasStmt(f.Body, prev)
		}
		prev = n
		return true
	})
	found := false
	prev = b
	t.m.Ancestors(b, func(n ast.Node) bool {
		if f, ok := n.(*ast.If); ok && prev != ast.Node(f.Test) {
			if inBody, seen := branch[f]; seen {
				found = inBody != hasStmt(f.Body, prev)
				return false
			}
		}
		prev = n
		return true
	})
	return found
}

// pairRace reports whether access a (on a thread of the module) and
// access p can run at the same time on different threads, and why.
func (t *threads) pairRace(a, p *access, inst bool) (string, bool) {
	sa, sp := t.sets[a.scope], t.sets[p.scope]
	if p.moduleTime {
		sp = tset{}
		sp.add(mainThread)
	}
	reason, found := "", false
	sa.each(func(i int) {
		if found {
			return
		}
		sp.each(func(j int) {
			if found || i == j || i == mainThread && j == mainThread {
				return
			}
			var ei, ej *entry
			if i != mainThread {
				ei = t.entries[i-1]
			}
			if j != mainThread {
				ej = t.entries[j-1]
			}
			// Attributes of self are shared only when the threads hold
			// the same object; and code the object's own thread runs as
			// well counts as that thread's (see judge).
			if inst && (ei != nil && !ei.selfVisible || ej != nil && !ej.selfVisible) {
				return
			}
			if inst && (j == mainThread && sp.has(i) || i == mainThread && sa.has(j)) {
				return
			}
			// The main-thread side must run while the entry's thread does.
			if i == mainThread && !t.during(a, ej) || j == mainThread && !t.during(p, ei) {
				return
			}
			e := ei
			if e == nil {
				e = ej
			}
			reason, found = t.describe(e), true
		})
	})
	return reason, found
}

// during reports whether access a, on the main thread, may run while the
// thread of entry e does: not in the code that starts e before it starts
// it or after it joins it, nor in a helper only called from there.
func (t *threads) during(a *access, e *entry) bool {
	pos := a.node.Pos()
	starts := false
	for _, w := range e.windows {
		if w.scope == a.scope {
			starts = true
			if w.from <= pos && pos < w.to {
				return true
			}
		}
	}
	if starts || a.moduleTime {
		// Module code that does not start e runs at import, first.
		return false
	}
	// A thread the starting function always joins lives only while that
	// function runs: other code overlaps it only when called from there.
	joined := len(e.windows) > 0
	for _, w := range e.windows {
		joined = joined && w.joined
	}
	sites := t.callers[a.scope]
	if !joined && (t.external[a.scope] || len(sites) == 0) {
		return true
	}
	for _, site := range sites {
		inside := !joined
		for _, w := range e.windows {
			if w.scope == site.caller {
				inside = w.from <= site.call.Pos() && site.call.Pos() < w.to
			}
		}
		if inside {
			return true
		}
	}
	return false
}

// lockFor returns a lock that code at n could take to protect state k: a
// lock that protects k elsewhere, else the only lock of the class (for
// attributes) or the only lock visible at n. ok is false when there is no
// lock, or no single obvious one.
func (t *threads) lockFor(n ast.Node, k string) (string, bool) {
	for _, p := range t.accesses[k] {
		if p.locked && p.lock != "" && !p.moduleTime && t.lockUsableAt(p.lock, p.node, n) {
			return p.lock, true
		}
	}
	var cands []string
	if cls := t.classOfKey(k); cls != nil {
		if self := t.selfName(n); self != "" {
			prefix := "a:" + t.rootClass(cls).Name + "."
			for lk := range t.lockKeys {
				if attr, ok := strings.CutPrefix(lk, prefix); ok && !strings.Contains(attr, ".") {
					cands = append(cands, self+"."+attr)
				}
			}
		}
	} else {
		for id := range t.lockNames {
			b := t.m.Binding(id)
			if t.m.Lookup(b.Name, t.m.ScopeOf(n), n.Pos()) == id && b.Scope != t.funcScope(n) {
				cands = append(cands, b.Name)
			}
		}
	}
	cands = uniqueStrings(cands)
	if len(cands) == 1 {
		return cands[0], true
	}
	return "", false
}

func uniqueStrings(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// lockUsableAt reports whether the lock expression text, written at from,
// means the same lock at n: a name bound to the same binding at both, or
// self.attr in methods of the same class hierarchy with the same self name.
func (t *threads) lockUsableAt(lock string, from, n ast.Node) bool {
	if strings.ContainsAny(lock, "()[] \t\n") {
		return false
	}
	head, _, isAttr := strings.Cut(lock, ".")
	if isAttr && head == t.selfName(from) {
		if head != t.selfName(n) {
			return false
		}
		fc, nc := t.m.ClassOf(t.methodOf(from)), t.m.ClassOf(t.methodOf(n))
		return fc != nil && nc != nil && t.rootClass(fc) == t.rootClass(nc)
	}
	idFrom := t.m.Lookup(head, t.m.ScopeOf(from), from.Pos())
	idN := t.m.Lookup(head, t.m.ScopeOf(n), n.Pos())
	return idFrom != semantic.NoBinding && idFrom == idN
}

// methodOf returns the def of the method n is in, looking through lambdas
// and nested comprehensions, or nil.
func (t *threads) methodOf(n ast.Node) ast.Node {
	fn := t.m.FunctionOf(n)
	for fn != nil {
		if _, ok := fn.(*ast.Lambda); !ok {
			break
		}
		fn = t.m.FunctionOf(fn)
	}
	return fn
}

// selfName returns the name of the first parameter of the method n is
// in, or "".
func (t *threads) selfName(n ast.Node) string {
	fn := t.methodOf(n)
	if fn == nil || t.m.ClassOf(fn) == nil {
		return ""
	}
	var args *ast.Arguments
	switch f := fn.(type) {
	case *ast.FunctionDef:
		args = f.Args
	case *ast.AsyncFunctionDef:
		args = f.Args
	}
	if args == nil {
		return ""
	}
	if len(args.Posonlyargs) > 0 {
		return args.Posonlyargs[0].Arg
	}
	if len(args.Args) > 0 {
		return args.Args[0].Arg
	}
	return ""
}

// wrapInLock returns the edit that wraps statement s, alone on its line,
// in `with lock:`, or false when s shares its line or spans several.
func (t *threads) wrapInLock(s ast.Stmt, lock string) (checks.Edit, bool) {
	src := t.src
	start, end := int(s.Pos()), int(s.End())
	ls := start
	for ls > 0 && src[ls-1] != '\n' && src[ls-1] != '\r' {
		ls--
	}
	indent := string(src[ls:start])
	if strings.TrimLeft(indent, " \t") != "" {
		return checks.Edit{}, false
	}
	for i := start; i < end; i++ {
		if src[i] == '\n' || src[i] == '\r' {
			return checks.Edit{}, false
		}
	}
	rest := end
	for rest < len(src) && (src[rest] == ' ' || src[rest] == '\t') {
		rest++
	}
	if rest < len(src) && src[rest] != '\n' && src[rest] != '\r' && src[rest] != '#' {
		return checks.Edit{}, false
	}
	unit := "    "
	if strings.Contains(indent, "\t") {
		unit = "\t"
	}
	return checks.Insert(s.Pos(), "with "+lock+":\n"+indent+unit), true
}

// syntheticAccess describes code at n that is not itself recorded as an
// access (the test of a check-then-act), for judge.
func (t *threads) syntheticAccess(n ast.Node) *access {
	scope := t.funcScope(n)
	a := &access{node: n, scope: scope, moduleTime: scope == 0, ctor: t.ctorFn[scope]}
	a.lock, a.locked = t.heldLock(n)
	return a
}
