package rules

import (
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

// This file holds what the ZS rules share: the compression APIs by name,
// literal modes and levels, the import of compression.zstd that a rewrite
// needs, and text edits on calls and import statements.

var zsPy314 = parser.Version{Major: 3, Minor: 14}

// zsName returns the qualified name e stands for with the names
// Python 3.14 gives the same objects folded together: compression.gzip.open
// is gzip.open; compression.zstd.open and backports.zstd.open are
// zstd.open; backports.zstd.tarfile.open and tarfile.TarFile.open are
// tarfile.open. It returns "" when e is not an imported name.
func zsName(m *semantic.Model, e ast.Expr) string {
	q := m.QualifiedName(e)
	switch {
	case strings.HasPrefix(q, "compression."):
		q = q[len("compression."):]
	case q == "backports.zstd":
		q = "zstd"
	case strings.HasPrefix(q, "backports.zstd."):
		rest := q[len("backports.zstd."):]
		if strings.HasPrefix(rest, "tarfile.") || strings.HasPrefix(rest, "zipfile.") {
			q = rest
		} else {
			q = "zstd." + rest
		}
	}
	switch q {
	case "tarfile.TarFile.open":
		return "tarfile.open"
	case "zipfile.PyZipFile":
		return "zipfile.ZipFile"
	}
	return q
}

// zsCallName returns the folded name of what a call calls.
func zsCallName(p *checks.Pass, c *ast.Call) string { return zsName(p.Model, c.Func) }

// zsIsZstdModule reports whether q names the zstd module.
func zsIsZstdModule(q string) bool { return q == "compression.zstd" || q == "backports.zstd" }

// zsLiteralString returns the value of a str literal argument (position pos
// or keyword name) and whether the argument is given; ok is false when it
// is given but not a plain str literal.
func zsLiteralString(c *ast.Call, pos int, name string) (val string, given, ok bool) {
	a := argument(c, pos, name)
	if a == nil {
		return "", false, true
	}
	val, ok = stringConstant(a)
	return val, true, ok
}

// zsWriteMode reports whether a file mode writes: "w", "a" or "x".
func zsWriteMode(mode string) bool { return strings.ContainsAny(mode, "wax") }

// zsUnpacks reports whether a call passes *args or **kwargs, which
// hide what the call is given.
func zsUnpacks(c *ast.Call) bool {
	for _, a := range c.Args {
		if _, ok := a.(*ast.Starred); ok {
			return true
		}
	}
	for _, k := range c.Keywords {
		if k.Arg == "" {
			return true
		}
	}
	return false
}

// zsIntLiteral returns the value of an int literal, negative ones included.
func zsIntLiteral(e ast.Expr) (int64, bool) {
	neg := false
	if u, ok := e.(*ast.UnaryOp); ok && u.Op == ast.USub {
		neg, e = true, u.Operand
	}
	k, ok := e.(*ast.Constant)
	if !ok || k.Value.Kind != ast.IntValue {
		return 0, false
	}
	n := k.Value.Int()
	if !n.IsInt64() {
		return 0, false
	}
	if neg {
		return -n.Int64(), true
	}
	return n.Int64(), true
}

// zsZlibLevels are the zlib constants a level can be written with.
var zsZlibLevels = map[string]int64{
	"zlib.Z_NO_COMPRESSION":      0,
	"zlib.Z_BEST_SPEED":          1,
	"zlib.Z_BEST_COMPRESSION":    9,
	"zlib.Z_DEFAULT_COMPRESSION": -1,
}

// zsLevel chooses the zstd level for a gzip, bz2, zlib or deflate level
// argument e (nil or None when not given). It returns the text of the level
// argument, "" for zstd's default, or ok == false when there is no
// equivalent. The choice: no level (gzip's and bz2's default 9, zlib's -1)
// becomes zstd's default 3; a literal 1 to 9 keeps its number, which zstd
// accepts and which orders speed against size the same way; 0 means "store
// without compressing", which zstd cannot do; any other expression is
// passed on unchanged when carry is set (every gzip level is a valid zstd
// level) and has no equivalent otherwise (lzma presets may carry flags).
func zsLevel(m *semantic.Model, src []byte, e ast.Expr, carry bool) (string, bool) {
	if k, ok := e.(*ast.Constant); e == nil || ok && k.Value.Kind == ast.NoneValue {
		return "", true
	}
	n, isInt := zsIntLiteral(e)
	if !isInt {
		if v, ok := zsZlibLevels[zsName(m, e)]; ok {
			n, isInt = v, true
		}
	}
	switch {
	case isInt && n == -1:
		return "", true
	case isInt && n >= 1 && n <= 9:
		return string(rune('0' + n)), true
	case isInt:
		return "", false
	case carry:
		return string(src[e.Pos():e.End()]), true
	}
	return "", false
}

// zsSuffixRename returns an edit renaming the literal file-name suffix at the
// end of path (a str literal, an f-string ending in literal text, or
// `dir / "name.gz"`) from one of the suffixes in renames to its
// replacement, or ok == false.
func zsSuffixRename(src []byte, path ast.Expr, renames [][2]string) (checks.Edit, bool) {
	if b, ok := path.(*ast.BinOp); ok && b.Op == ast.Div {
		path = b.Right
	}
	switch path := path.(type) {
	case *ast.Constant:
		if path.Value.Kind != ast.StrValue {
			return checks.Edit{}, false
		}
	case *ast.JoinedStr:
		if len(path.Values) == 0 {
			return checks.Edit{}, false
		}
		if _, ok := path.Values[len(path.Values)-1].(*ast.Constant); !ok {
			return checks.Edit{}, false
		}
	default:
		return checks.Edit{}, false
	}
	text := string(src[path.Pos():path.End()])
	q := text[len(text)-1]
	if q != '"' && q != '\'' {
		return checks.Edit{}, false
	}
	body := strings.TrimRight(text, string(q))
	if len(text)-len(body) != 1 && len(text)-len(body) != 3 {
		return checks.Edit{}, false
	}
	for _, r := range renames {
		if strings.HasSuffix(body, r[0]) {
			end := path.Pos() + token.Pos(len(body))
			return checks.Replace(checks.Span(end-token.Pos(len(r[0])), end), r[1]), true
		}
	}
	return checks.Edit{}, false
}

// zsHasComment reports whether a comment starts inside span.
func zsHasComment(p *checks.Pass, span token.Span) bool {
	for _, c := range p.File.Comments {
		if span.Contains(c.Start) {
			return true
		}
	}
	return false
}

// zsRenameKeyword returns the edit that renames a keyword argument.
func zsRenameKeyword(k *ast.Keyword, name string) checks.Edit {
	return checks.Replace(checks.Span(k.Pos(), k.Pos()+token.Pos(len(k.Arg))), name)
}

// zsDropKeyword returns the edit that removes keyword argument k from c
// with the comma that separates it, or ok == false when every way to do so
// would remove a comment too.
func zsDropKeyword(p *checks.Pass, c *ast.Call, k *ast.Keyword) (checks.Edit, bool) {
	// The arguments before and after k, in source order.
	var prev, next ast.Node
	consider := func(n ast.Node) {
		switch {
		case n.End() <= k.Pos() && (prev == nil || n.End() > prev.End()):
			prev = n
		case n.Pos() >= k.End() && (next == nil || n.Pos() < next.Pos()):
			next = n
		}
	}
	for _, a := range c.Args {
		consider(a)
	}
	for _, o := range c.Keywords {
		if o != k {
			consider(o)
		}
	}
	var spans []token.Span
	if prev != nil {
		// ", k=v"
		spans = append(spans, checks.Span(prev.End(), k.End()))
	}
	if next != nil {
		// "k=v, "
		spans = append(spans, checks.Span(k.Pos(), next.Pos()))
	}
	// "k=v," up to what follows on its line, or "k=v" alone.
	end := k.End()
	src := p.Src()
	for i := end; i < c.End(); i++ {
		if src[i] == ',' {
			end = i + 1
			for int(end) < len(src) && src[end] == ' ' {
				end++
			}
			break
		}
		if src[i] != ' ' && src[i] != '\t' {
			break
		}
	}
	if end > k.End() || prev == nil && next == nil {
		spans = append(spans, checks.Span(k.Pos(), end))
	}
	for _, span := range spans {
		if !zsHasComment(p, span) {
			return checks.Delete(span), true
		}
	}
	return checks.Edit{}, false
}

// zsGuardsOtherCodec reports whether n runs as the alternative to zstd or
// as one branch of a choice between codecs: in an except ImportError
// clause, only before 3.14, under an if/elif chain one of whose tests
// mentions zstd (`if zstd is None`, `elif fmt == "zst"`), or under a chain
// with two tests or more that name codecs (`if comptype == "gz": ... elif
// comptype == "bz2":`).
func zsGuardsOtherCodec(p *checks.Pass, n ast.Node) bool {
	m := p.Model
	if _, hi := m.VersionRange(n); !zsPy314.Less(hi) {
		return true
	}
	if m.Guarded(n, semantic.FallbackGuard) {
		return true
	}
	zst, codecs := zsCodecTests(p, n)
	return zst || codecs >= 2
}

// zsCodecWordsInTests are the words that make a test choose between codecs.
var zsCodecWordsInTests = []string{"zst", "gz", "bz2", "bzip", "xz", "lzma", "zlib", "deflate"}

// zsCodecTests looks at the tests of the if/elif chains, conditional
// expressions and while loops around n: whether one mentions zstd, and how
// many tests of the innermost chain that mentions codecs at all do.
func zsCodecTests(p *checks.Pass, n ast.Node) (zst bool, codecs int) {
	m := p.Model
	look := func(tests []ast.Expr) bool {
		count := 0
		for _, t := range tests {
			text := strings.ToLower(p.Text(t))
			zst = zst || strings.Contains(text, "zst")
			for _, w := range zsCodecWordsInTests {
				if strings.Contains(text, w) {
					count++
					break
				}
			}
		}
		if codecs == 0 {
			codecs = count
		}
		return zst
	}
	m.Ancestors(n, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.If:
			// The first if of the chain, then every test down the elifs.
			first := a
			for {
				up, ok := m.Parent(first).(*ast.If)
				if !ok || len(up.Orelse) != 1 || up.Orelse[0] != ast.Stmt(first) {
					break
				}
				first = up
			}
			var tests []ast.Expr
			for s := first; s != nil; {
				tests = append(tests, s.Test)
				var next *ast.If
				if len(s.Orelse) == 1 {
					next, _ = s.Orelse[0].(*ast.If)
				}
				s = next
			}
			return !look(tests)
		case *ast.IfExp:
			return !look([]ast.Expr{a.Test})
		case *ast.While:
			return !look([]ast.Expr{a.Test})
		}
		return true
	})
	return zst, codecs
}

// zsHTTPCodingKey is the Memo key of whether a file speaks HTTP content
// coding.
type zsHTTPCodingKey struct{}

// zsInHTTPCoding reports whether the file mentions an HTTP
// Content-Encoding or Accept-Encoding header (as str or bytes): gzip and
// deflate there are wire formats the peer chose, not the program's own.
func zsInHTTPCoding(p *checks.Pass) bool {
	return p.Memo(zsHTTPCodingKey{}, func() any {
		for i := range p.Model.Nodes {
			k, ok := p.Model.Nodes[i].Node.(*ast.Constant)
			if !ok || k.Value.Kind != ast.StrValue && k.Value.Kind != ast.BytesValue {
				continue
			}
			switch strings.ToLower(k.Value.Text) {
			case "content-encoding", "accept-encoding", "http_accept_encoding", "http_content_encoding":
				return true
			}
		}
		return false
	}).(bool)
}

// zsFormatWords are words that, in the name of a file, class or function,
// say that the code produces a format which embeds gzip or deflate data
// and is not the program's to change: images, documents, web protocols,
// package formats.
var zsFormatWords = []string{"png", "pdf", "http", "websocket", "sitemap", "warc", "wheel", "whl", "sdist",
	"git", "swf", "jar", "docx", "xlsx", "pptx", "odt", "epub", "apk", "nupkg", "vsix", "xpi"}

// zsCodecWords are the words that name each codec: code named after its
// codec implements that format on purpose (a GzipPlugin, save_gz).
var zsCodecWords = map[string][]string{
	"gzip": {"gzip", "gz"},
	"bz2":  {"bz2", "bzip"},
	"lzma": {"lzma", "xz"},
	"zlib": {"zlib", "deflate"},
	"tar":  {"gz", "tgz", "targz"},
	"zip":  {"deflate", "zip", "archive"},
}

// zsNamedForFormat reports whether the file n is in, or a class or function
// around n, is named after the codec or after a format that embeds it: one
// of the words of the name (split at underscores and case changes) starts
// with such a word.
func zsNamedForFormat(p *checks.Pass, n ast.Node, codec string) bool {
	base := filepath.Base(p.File.File.Name)
	names := []string{strings.TrimSuffix(base, filepath.Ext(base))}
	p.Model.Ancestors(n, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.FunctionDef:
			names = append(names, a.Name)
		case *ast.AsyncFunctionDef:
			names = append(names, a.Name)
		case *ast.ClassDef:
			names = append(names, a.Name)
		}
		return true
	})
	for _, name := range names {
		for _, word := range zsWords(name) {
			for _, w := range append(zsCodecWords[codec], zsFormatWords...) {
				if strings.HasPrefix(word, w) {
					return true
				}
			}
		}
	}
	return false
}

// zsWords splits an identifier into lowercase words at underscores, other
// punctuation and case changes: "PNGImage_save2" is png, image, save2.
func zsWords(name string) []string {
	var words []string
	r := []rune(name)
	start := 0
	flush := func(end int) {
		if end > start {
			words = append(words, strings.ToLower(string(r[start:end])))
		}
		start = end
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			flush(i)
			start = i + 1
		case i > start && unicode.IsUpper(c) && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) ||
			i+1 < len(r) && unicode.IsLower(r[i+1]) && unicode.IsUpper(r[i-1])):
			flush(i)
		}
	}
	flush(len(r))
	return words
}

// zsTestFile reports whether the file is test code (test_*.py, *_test.py,
// conftest.py, or under a tests, test or testing directory), which writes
// compressed data to exercise readers of the format.
func zsTestFile(p *checks.Pass) bool {
	name := filepath.ToSlash(p.File.File.Name)
	base := path.Base(name)
	if strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") || base == "conftest.py" {
		return true
	}
	for _, dir := range strings.Split(path.Dir(name), "/") {
		if dir == "tests" || dir == "test" || dir == "testing" {
			return true
		}
	}
	return false
}

// zsLineEnd returns the offset of the line break that ends the line of pos,
// or the end of the text.
func zsLineEnd(src []byte, pos token.Pos) token.Pos {
	for i := int(pos); i < len(src); i++ {
		if src[i] == '\n' || src[i] == '\r' {
			return token.Pos(i)
		}
	}
	return token.Pos(len(src))
}

// zsLineStart returns the offset of the first byte of the line of pos.
func zsLineStart(src []byte, pos token.Pos) token.Pos {
	for i := int(pos); i > 0; i-- {
		if src[i-1] == '\n' || src[i-1] == '\r' {
			return token.Pos(i)
		}
	}
	return 0
}

// zsNextLine returns the offset of the line after the line of pos, and
// whether there is one (the text may end without a line break).
func zsNextLine(src []byte, pos token.Pos) (token.Pos, bool) {
	e := zsLineEnd(src, pos)
	if int(e) == len(src) {
		return e, false
	}
	if src[e] == '\r' && int(e)+1 < len(src) && src[e+1] == '\n' {
		e++
	}
	return e + 1, true
}

// zsImportInsertion returns the edit that adds the import lines text (each
// ending in "\n") to the module: after its leading docstring, comments and
// import statements, before any other code.
func zsImportInsertion(p *checks.Pass, text string) checks.Edit {
	src := p.Src()
	var pos token.Pos
	found := false
	for i, s := range p.File.Module.Body {
		switch s := s.(type) {
		case *ast.ExprStmt:
			if k, ok := s.Value.(*ast.Constant); i == 0 && ok && k.Value.Kind == ast.StrValue {
				pos, found = s.End(), true
				continue
			}
		case *ast.Import, *ast.ImportFrom:
			pos, found = s.End(), true
			continue
		}
		break
	}
	if !found {
		// Keep a shebang, an encoding declaration and a leading comment
		// block first.
		for int(pos) < len(src) && src[pos] == '#' {
			next, ok := zsNextLine(src, pos)
			if !ok {
				return checks.Insert(token.Pos(len(src)), "\n"+text)
			}
			pos = next
		}
		return checks.Insert(pos, text)
	}
	next, ok := zsNextLine(src, pos)
	if !ok {
		return checks.Insert(next, "\n"+text)
	}
	return checks.Insert(next, text)
}

// zsZstdImportText is the import a rewrite to zstd adds: the module from the
// standard library, and from backports.zstd when the code must also run
// before 3.14.
func zsZstdImportText(p *checks.Pass) string {
	if p.TargetBelow(zsPy314) {
		return "try:\n    from compression import zstd\nexcept ImportError:\n    from backports import zstd\n"
	}
	return "from compression import zstd\n"
}

// zsZstdReference returns the name that reaches compression.zstd from n, and
// the edit that imports it when the module does not yet: an existing
// import of compression.zstd or backports.zstd that n sees, or `zstd`
// imported at the top of the module when nothing else in the module is
// called zstd. ok is false when neither works.
func zsZstdReference(p *checks.Pass, n ast.Node) (name string, imp *checks.Edit, ok bool) {
	m := p.Model
	scope := m.ScopeOf(n)
	module := m.Scope(0)
	seen := map[string]bool{}
	for i := range m.Bindings {
		b := &m.Bindings[i]
		if b.Kind != semantic.FromImport || !zsIsZstdModule(b.Qualified) || seen[b.Name] {
			continue
		}
		seen[b.Name] = true
		if id := m.Lookup(b.Name, scope, n.Pos()); id != semantic.NoBinding && zsIsZstdModule(m.Binding(id).Qualified) {
			return b.Name, nil, true
		}
	}
	if m.Lookup("zstd", scope, n.Pos()) != semantic.NoBinding || len(module.Bindings("zstd")) > 0 {
		return "", nil, false
	}
	e := zsImportInsertion(p, zsZstdImportText(p))
	return "zstd", &e, true
}

// zsStmtLine describes a simple statement that has a line to itself:
// its indentation and the text after it on its line (a comment).
type zsStmtLine struct {
	indent string
	tail   token.Span // from the end of the statement to the end of the line
}

// zsOwnLine returns the layout of statement s when nothing but blanks
// precedes it on its first line and nothing but blanks and a comment
// follows it on its last.
func zsOwnLine(p *checks.Pass, s ast.Stmt) (zsStmtLine, bool) {
	src := p.Src()
	start := zsLineStart(src, s.Pos())
	indent := string(src[start:s.Pos()])
	if strings.Trim(indent, " \t") != "" {
		return zsStmtLine{}, false
	}
	end := zsLineEnd(src, s.End())
	tail := strings.TrimLeft(string(src[s.End():end]), " \t")
	if tail != "" && tail[0] != '#' {
		return zsStmtLine{}, false
	}
	return zsStmtLine{indent: indent, tail: checks.Span(s.End(), end)}, true
}

// zsWrapInTry returns the edit that puts statement s (on its own lines) in
// the body of a try statement whose except ImportError clause runs
// fallback.
func zsWrapInTry(p *checks.Pass, s ast.Stmt, fallback string) (checks.Edit, bool) {
	return zsTryImport(p, s, p.Text(s), fallback)
}

// zsTryImport returns the edit that replaces statement s (on its own lines)
// with a try statement running body, whose except ImportError clause runs
// fallback; both are indented one step more than s, continuation lines
// included. A comment after s stays after body.
func zsTryImport(p *checks.Pass, s ast.Stmt, body, fallback string) (checks.Edit, bool) {
	l, ok := zsOwnLine(p, s)
	if !ok {
		return checks.Edit{}, false
	}
	step := "    "
	if strings.Contains(l.indent, "\t") {
		step = "\t"
	}
	inner := l.indent + step
	body = strings.ReplaceAll(body, "\n", "\n"+step)
	fallback = strings.ReplaceAll(fallback, "\n", "\n"+step)
	text := "try:\n" + inner + body + p.SpanText(l.tail) + "\n" +
		l.indent + "except ImportError:\n" + inner + fallback
	return checks.Replace(checks.Span(s.Pos(), l.tail.End), text), true
}

// zsCallArgs maps the arguments of a call to parameter names: positional
// arguments by the order of params, keywords by name. It returns ok ==
// false for *args or **kwargs, too many positional arguments or a keyword
// that is not in params or kwonly.
func zsCallArgs(c *ast.Call, params, kwonly []string) (map[string]ast.Expr, bool) {
	if zsUnpacks(c) || len(c.Args) > len(params) {
		return nil, false
	}
	args := map[string]ast.Expr{}
	for i, a := range c.Args {
		args[params[i]] = a
	}
	for _, k := range c.Keywords {
		known := false
		for _, n := range params {
			known = known || n == k.Arg
		}
		for _, n := range kwonly {
			known = known || n == k.Arg
		}
		if !known {
			return nil, false
		}
		args[k.Arg] = k.Value
	}
	return args, true
}

// zsGuardedImport reports whether an import statement is allowed to fail
// or is itself the fallback: in a try body whose handlers catch
// ImportError (or anything), in an except ImportError clause, under
// `with contextlib.suppress(ImportError)`, or in a TYPE_CHECKING block.
func zsGuardedImport(p *checks.Pass, s ast.Stmt) bool {
	m := p.Model
	if m.Guarded(s, semantic.TryGuard, semantic.FallbackGuard, semantic.TypeCheckingGuard) || m.InTypeChecking(s) {
		return true
	}
	found := false
	var child ast.Node = s
	m.Ancestors(s, func(a ast.Node) bool {
		switch a := a.(type) {
		case *ast.Try:
			if zsInStmts(a.Body, child) {
				for _, h := range a.Handlers {
					switch typ := h.Type.(type) {
					case nil:
						found = true
					case *ast.Name:
						found = found || typ.Id == "Exception" || typ.Id == "BaseException"
					}
				}
			}
		case *ast.With:
			for _, item := range a.Items {
				c, ok := item.ContextExpr.(*ast.Call)
				if !ok || m.QualifiedName(c.Func) != "contextlib.suppress" {
					continue
				}
				for _, arg := range c.Args {
					switch m.QualifiedName(arg) {
					case "builtins.ImportError", "builtins.ModuleNotFoundError", "builtins.Exception", "builtins.BaseException":
						found = true
					}
				}
			}
		}
		child = a
		return !found
	})
	return found
}

// zsInStmts reports whether n is one of the statements.
func zsInStmts(body []ast.Stmt, n ast.Node) bool {
	for _, s := range body {
		if ast.Node(s) == n {
			return true
		}
	}
	return false
}

// zsModuleImport returns the module-level `import mod` or `import mod as
// x` statement that binds the name e resolves to, when it imports only
// that module; nil otherwise.
func zsModuleImport(p *checks.Pass, e ast.Expr) *ast.Import {
	for {
		a, ok := e.(*ast.Attribute)
		if !ok {
			break
		}
		e = a.Value
	}
	name, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	id := p.Model.Resolve(name)
	if id == semantic.NoBinding {
		return nil
	}
	b := p.Model.Binding(id)
	if b.Kind != semantic.Import || b.Scope != 0 {
		return nil
	}
	imp, ok := p.Model.Parent(b.Node).(*ast.Import)
	if !ok || len(imp.Names) != 1 || p.Model.Parent(imp) != ast.Node(p.File.Module) {
		return nil
	}
	return imp
}

// zsFromModule returns the text of a from-import statement with its module
// replaced: "from a.b import (x, y)" with module "c" is
// "from c import (x, y)", its layout and comments kept.
func zsFromModule(p *checks.Pass, s *ast.ImportFrom, module string) (string, bool) {
	text := p.Text(s)
	i := len("from")
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i == len("from") || !strings.HasPrefix(text[i:], s.Module) {
		return "", false
	}
	return text[:i] + module + text[i+len(s.Module):], true
}
