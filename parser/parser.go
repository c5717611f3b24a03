package parser

import (
	"bytes"
	"fmt"
	"sort"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/scanner"
	"github.com/py314/py314/parser/token"
	"golang.org/x/text/unicode/norm"
)

// ParseFile decodes raw as CPython decodes a source file (byte order mark,
// PEP 263 coding declaration, UTF-8 by default) and parses the result.
// When the file is UTF-8 the decoded text, and so the tree (see
// ParseSource), shares memory with raw, which must not be modified
// afterwards. When raw does not decode, File.Src is raw, so that the
// error's offsets map to lines, and the Module is empty.
func ParseFile(filename string, raw []byte, opts Options) *File {
	text, enc, bom, err := decodeSource(raw)
	if err != nil {
		// Nothing is parsed; the error's offsets are in raw, which the
		// File holds so that they map to lines.
		return &File{File: token.NewFile(filename, raw), Encoding: enc, BOM: bom,
			Module: &ast.Module{}, Errors: scanner.ErrorList{err}}
	}
	f := &File{File: token.NewFile(filename, text), Encoding: enc, BOM: bom}
	parse(f, opts)
	return f
}

// ParseSource parses src, which is already decoded UTF-8 without a byte
// order mark.
//
// The tree shares memory with src: identifiers, number literals and string
// values without escapes are strings that point into src, so src must not
// be modified afterwards.
func ParseSource(filename string, src []byte, opts Options) *File {
	f := &File{File: token.NewFile(filename, src), Encoding: "utf-8"}
	parse(f, opts)
	return f
}

// tokenBufs holds token slices for reuse by later parses. The parser
// scans all tokens of a file before parsing them; the slice is as large as
// a quarter of the tree, and reusing it saves allocating and clearing
// about 1.7 bytes per source byte on every parse.
var tokenBufs = sync.Pool{New: func() any { return new([]token.Token) }}

// maxPooledTokens bounds the slices kept in tokenBufs (12 MB), so that one
// huge file does not pin its token slice.
const maxPooledTokens = 1 << 20

// parse scans and parses f.File.Src, filling in the rest of f.
func parse(f *File, opts Options) {
	src := f.File.Src
	var scanErrs scanner.ErrorList
	var s scanner.Scanner
	var mode scanner.Mode
	if opts.KeepTokens {
		mode |= scanner.KeepTokens
	}
	s.Init(src, &scanErrs, mode)
	buf := tokenBufs.Get().(*[]token.Token)
	toks := (*buf)[:0]
	if cap(toks) < len(src)/7+64 {
		toks = make([]token.Token, 0, len(src)/7+64) // 1 token per 8 bytes on average
	}
	toks = s.AppendTokens(toks)
	defer func() {
		// Nothing of the result refers to toks: it goes back to the pool.
		if cap(toks) <= maxPooledTokens {
			*buf = toks
			tokenBufs.Put(buf)
		}
	}()
	p := &parser{file: f.File, src: src, toks: toks, comments: s.Comments(), nfkc: s.NonASCIINames(),
		hasCR: bytes.IndexByte(src, '\r') >= 0}
	p.seek(0)
	p.bad = &ast.Name{}
	p.arena.init(len(src))
	f.Module = p.parseModule()
	p.module = f.Module
	p.checkFutures(f.Module)
	f.Comments = s.Comments()
	if opts.KeepTokens {
		f.Tokens = s.Tokens()
	}
	sort.SliceStable(p.gates, func(i, j int) bool { return p.gates[i].Span.Start < p.gates[j].Span.Start })
	f.Gates = p.gates
	f.Errors = p.finishErrors(f.Errors, scanErrs, &s)
}

// finishErrors combines decoding, scanner and parser errors the way
// CPython chooses among them, so that the first error by position is the
// one CPython reports:
//   - the parser stops at the first scanner error it meets;
//   - after a parser error CPython scans the rest of the file, and the
//     first scanner error found there replaces the parser error if
//     CPython's tokenizer raises it at once; errors that the tokenizer
//     only signals to the parser (indentation, tabs, line continuation)
//     replace nothing;
//   - a bracket left open at the end of the file is reported in place of
//     a parser error whose furthest token lies on a later line;
//   - in a file with a parser error, CPython's second pass may stop
//     earlier, at a valid statement that one of its invalid_ rules misreads
//     (see secondPassError);
//   - unknown __future__ features are only reported for a file without
//     other errors, since CPython checks them after parsing.
//
// Parser errors after the reported one are kept: CPython would not find
// them, but an editor can show them.
func (p *parser) finishErrors(list, scanErrs scanner.ErrorList, s *scanner.Scanner) scanner.ErrorList {
	list = append(list, scanErrs...)
	parseErrs := p.errs
	// The parser stops at the first scanner error it meets. Otherwise
	// CPython scans on from its own error, and the first scanner error
	// found replaces it if the scanner raises it at once (eager) rather
	// than leave it to the parser (lazy), unless the parser error is an
	// unexpected indent, reported without scanning further.
	first, firstHit := (*scanner.Error)(nil), token.Pos(0)
	for _, e := range scanErrs {
		hit := e.Pos
		if lazyScanError(e) {
			hit = p.lazyFrom(e)
		}
		if first == nil || hit < firstHit {
			first, firstHit = e, hit
		}
	}
	stopped := false // the parser met a scanner error before its own
	if first != nil && len(parseErrs) > 0 {
		var before, after scanner.ErrorList
		for _, e := range parseErrs {
			switch {
			case e.Pos < firstHit:
				before = append(before, e)
			case e.Pos > first.Pos:
				// Beyond what CPython reports, but useful to an editor.
				after = append(after, e)
			}
		}
		if len(before) > 0 && !lazyScanError(first) {
			if e := before[0]; e.Type != scanner.IndentationError || e.Msg != "unexpected indent" {
				before = nil
			}
		}
		stopped = len(before) == 0
		parseErrs = append(before, after...)
	}
	if !stopped && len(parseErrs) > 0 {
		if e := p.secondPassError(parseErrs[0].Pos); e != nil {
			list = append(list, e)
		}
	}
	if ch, pos, ok := s.Unclosed(); ok && len(scanErrs) == 0 {
		bracketLine, _ := p.file.LineCol(pos)
		errLine := bracketLine + 1
		if len(p.errs) > 0 {
			errLine, _ = p.file.LineCol(p.toks[p.firstErrFill].Start)
		}
		if errLine > bracketLine {
			list = append(list, &scanner.Error{Pos: pos, End: pos + 1, Type: scanner.SyntaxError,
				Msg: fmt.Sprintf("'%c' was never closed", ch)})
		}
	}
	list = append(list, parseErrs...)
	if len(list) == 0 {
		list = append(list, p.futureErrs...)
	}
	list.Sort()
	return list
}

// lazyScanError reports whether CPython's tokenizer leaves e for the
// parser to report when it reaches the token, rather than raising it at
// once.
func lazyScanError(e *scanner.Error) bool {
	switch e.Msg {
	case "unindent does not match any outer indentation level",
		"inconsistent use of tabs and spaces in indentation",
		"too many levels of indentation",
		"unexpected character after line continuation character",
		"unexpected EOF while parsing":
		return true
	}
	return false
}

// lazyFrom returns where the parser meets a lazy scanner error: the start
// of the line for indentation errors, the token before a bad line
// continuation.
func (p *parser) lazyFrom(e *scanner.Error) token.Pos {
	switch e.Msg {
	case "unexpected character after line continuation character":
		i := p.tokenAfter(e.Pos)
		for i > 0 && p.toks[i].Start >= e.Pos {
			i--
		}
		return p.toks[i].Start
	case "unexpected EOF while parsing":
		return e.Pos
	}
	line, _ := p.file.LineCol(e.Pos)
	return p.file.LineStart(line)
}

// decodeSource turns raw file content into UTF-8 text.
func decodeSource(raw []byte) (text []byte, enc string, bom bool, err *scanner.Error) {
	src, e := scanner.Decode(raw)
	if e != nil {
		return nil, src.Encoding, src.BOM, e
	}
	return src.Text, src.Encoding, src.BOM, nil
}

const msgInvalidSyntax = "invalid syntax"

// failKind is the kind the parser sees once the current statement has
// failed: no rule accepts it, so every rule returns at once.
const failKind token.Kind = 255

// maxDepth bounds the nesting of expressions, in units of CPython parser
// rule levels (CPython gives up at 6000).
const maxDepth = 6000

// parser is the state of one parse. Tokens are all scanned beforehand so
// that the parser can look ahead and backtrack freely.
type parser struct {
	file *token.File
	src  []byte
	toks []token.Token
	pos  int        // index of the current token
	tok  token.Kind // kind of the current token, failKind after an error
	far  int        // furthest token index examined, for generic errors
	fill int        // furthest token index ever examined, speculation included
	// tokStart is the offset of the current token: start is called about
	// as often as next, and a field costs less than an index into toks.
	tokStart token.Pos

	stmtStart int // index of the first token of the current statement

	steps     int  // tokens consumed, backtracking included
	inLegacy  int  // inside CPython's invalid_legacy_expression rule
	failed    bool // the current statement has an error; unwinding
	noInvalid int  // inside a speculative parse that ignores invalid_ rules
	depth     int  // expression nesting, in CPython rule levels

	errs         scanner.ErrorList
	firstErrFill int               // p.fill when the first error was recorded
	firstErrFar  int               // p.far when the first error was recorded
	futureErrs   scanner.ErrorList // unknown __future__ features
	gates        []Gate

	arena    arena        // where nodes and lists come from
	bad      ast.Expr     // returned by expression rules after an error
	comments []token.Span // every comment, in order
	nfkc     bool         // some NAME token is not ASCII: identifiers need NFKC
	hasCR    bool         // src holds a '\r', which string literals translate
	module   *ast.Module  // the tree, once parsed
}

// ---------------------------------------------------------------------------
// Tokens

// next moves to the next token. The final EOF repeats.
func (p *parser) next() {
	if p.failed {
		return
	}
	if p.pos < len(p.toks)-1 {
		p.pos++
	}
	p.steps++
	t := &p.toks[p.pos]
	p.tok, p.tokStart = t.Kind, t.Start
	if p.pos > p.far {
		p.far = p.pos
		p.fill = max(p.fill, p.pos)
	}
}

// peek returns the kind of the token n places after the current one.
func (p *parser) peek(n int) token.Kind {
	if p.failed {
		return failKind
	}
	i := p.pos + n
	if i >= len(p.toks) {
		i = len(p.toks) - 1
	}
	if i > p.far {
		p.far = i
		p.fill = max(p.fill, i)
	}
	return p.toks[i].Kind
}

// peekQuiet is peek for lookaheads that CPython's grammar does not make:
// it does not count for the position of a generic error.
func (p *parser) peekQuiet(n int) token.Kind {
	if p.failed {
		return failKind
	}
	return p.toks[min(p.pos+n, len(p.toks)-1)].Kind
}

// got consumes the current token if it is of kind k.
func (p *parser) got(k token.Kind) bool {
	if p.tok == k {
		p.next()
		return true
	}
	return false
}

// start returns the offset of the current token.
func (p *parser) start() token.Pos { return p.tokStart }

// seek makes token i the current one.
func (p *parser) seek(i int) {
	p.pos = i
	p.tok, p.tokStart = p.toks[i].Kind, p.toks[i].Start
}

// cur returns the current token.
func (p *parser) cur() token.Token { return p.toks[p.pos] }

// prevEnd returns the end of the last consumed token that is not a
// NEWLINE, INDENT, DEDENT or EOF: where CPython ends a node.
func (p *parser) prevEnd() token.Pos {
	for i := p.pos - 1; i >= 0; i-- {
		switch p.toks[i].Kind {
		case token.NEWLINE, token.INDENT, token.DEDENT, token.EOF:
			continue
		}
		return p.toks[i].End
	}
	return 0
}

// loc returns the location from start to the end of the last consumed
// token.
func (p *parser) loc(start token.Pos) ast.Loc { return ast.Loc{Start: start, Stop: p.prevEnd()} }

// text returns the source text of t.
func (p *parser) text(t token.Token) string { return p.str(t.Start, t.End) }

// str returns src[start:end] as a string sharing memory with src.
func (p *parser) str(start, end token.Pos) string {
	if end <= start {
		return ""
	}
	return unsafe.String(&p.src[start], int(end-start))
}

// isSoft reports whether the current token is the soft keyword kw.
func (p *parser) isSoft(kw string) bool {
	if p.tok != token.NAME {
		return false
	}
	t := p.toks[p.pos]
	return int(t.End-t.Start) == len(kw) && string(p.src[t.Start:t.End]) == kw
}

// ident returns the identifier spelled by t, NFKC-normalized when it is not
// ASCII (PEP 3131).
func (p *parser) ident(t token.Token) string {
	if p.nfkc {
		return p.identNFKC(t)
	}
	// The common case: the scanner saw only ASCII names. (Small enough
	// to be inlined; a NAME is never empty.)
	return unsafe.String(&p.src[t.Start], int(t.End-t.Start))
}

// identNFKC returns the identifier spelled by t in NFKC.
func (p *parser) identNFKC(t token.Token) string {
	s := p.text(t)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFKC.String(s)
		}
	}
	return s
}

// name consumes a NAME token and returns its identifier and token.
func (p *parser) name() (string, token.Token, bool) {
	t := p.cur()
	if p.tok != token.NAME {
		p.syntaxError()
		return "", t, false
	}
	p.next()
	return p.ident(t), t, true
}

// ---------------------------------------------------------------------------
// Errors

// errorAt records a syntax error from pos to end and makes the current
// statement fail. Only the first error of a statement is recorded.
func (p *parser) errorAt(pos, end token.Pos, msg string) {
	p.errorTyped(pos, end, scanner.SyntaxError, msg)
}

func (p *parser) errorf(pos, end token.Pos, format string, args ...any) {
	p.errorTyped(pos, end, scanner.SyntaxError, fmt.Sprintf(format, args...))
}

func (p *parser) errorTyped(pos, end token.Pos, typ scanner.ErrorType, msg string) {
	if p.failed {
		return
	}
	if i := p.tokenAt(pos); i >= 0 && p.toks[i].Kind == token.INDENT && p.toks[i].End > pos {
		// CPython places errors at an INDENT token at the end of the
		// indentation.
		pos, end = p.toks[i].End-1, p.toks[i].End
	}
	if i := sort.Search(len(p.comments), func(i int) bool { return p.comments[i].End >= pos }); i < len(p.comments) &&
		p.comments[i].End == pos && pos < token.Pos(len(p.src)) && (p.src[pos] == '\n' || p.src[pos] == '\r') {
		// CPython's NEWLINE token after a comment spans the comment.
		pos, end = p.comments[i].Start, p.comments[i].End
	}
	if n := token.Pos(len(p.src)); pos >= n && n > 0 {
		// At the end of the file CPython reports errors on the last line,
		// after its last character.
		pos = n - 1
		if pos > 0 && p.src[pos] == '\n' && p.src[pos-1] == '\r' {
			pos--
		}
		if end < pos {
			end = pos
		}
	}
	if len(p.errs) == 0 {
		p.firstErrFill = max(p.far, p.fill)
		p.firstErrFar = p.far
	}
	p.errs.Add(pos, end, typ, msg)
	p.fail()
}

// fail makes the current statement fail without recording an error.
func (p *parser) fail() {
	p.failed = true
	p.tok = failKind
}

// errorNode records an error spanning node n.
func (p *parser) errorNode(n ast.Node, msg string) { p.errorAt(n.Pos(), n.End(), msg) }

// errorTok records an error spanning the token t.
func (p *parser) errorTok(t token.Token, msg string) { p.errorAt(t.Start, t.End, msg) }

// syntaxError records CPython's generic error at the furthest token the
// parser examined.
func (p *parser) syntaxError() {
	if p.failed {
		return
	}
	t := p.toks[p.far]
	switch t.Kind {
	case token.INDENT:
		p.unexpectedIndent(t)
	case token.DEDENT:
		p.errorTyped(t.Start, t.End, scanner.IndentationError, "unexpected unindent")
	default:
		p.errorTyped(t.Start, t.End, scanner.SyntaxError, msgInvalidSyntax)
	}
}

// unexpectedIndent reports the INDENT token t where no block may start.
// CPython points at the last character of the indentation.
func (p *parser) unexpectedIndent(t token.Token) {
	p.errorTyped(t.Start, t.End, scanner.IndentationError, "unexpected indent")
}

// expect consumes a token of kind k or fails with a generic error.
func (p *parser) expect(k token.Kind) bool {
	if p.tok == k {
		p.next()
		return true
	}
	p.syntaxError()
	return false
}

// explore reports whether the parser may still backtrack to look for a
// specific error message. Such lookups can nest; past a budget in
// proportion to the input, generic errors are reported instead, which
// keeps parsing time linear.
func (p *parser) explore() bool { return p.steps < 16*len(p.toks)+4096 }

// ---------------------------------------------------------------------------
// Backtracking

// state is a position to come back to.
type state struct {
	pos, nerrs, ngates int
}

func (p *parser) mark() state {
	return state{pos: p.pos, nerrs: len(p.errs), ngates: len(p.gates)}
}

// reset returns to s, forgetting errors and gates recorded since.
func (p *parser) reset(s state) {
	p.seek(s.pos)
	p.errs = p.errs[:s.nerrs]
	p.gates = p.gates[:s.ngates]
	p.failed = false
}

// ---------------------------------------------------------------------------
// Depth

// enter adds n levels of nesting and reports false, after recording an
// error, when the source nests too deeply. Every enter is paired with a
// leave of the same n.
func (p *parser) enter(n int) bool {
	p.depth += n
	if p.depth > maxDepth {
		if !p.failed {
			t := p.cur()
			p.errorAt(t.Start, t.End, "Parser stack overflowed - Python source too complex to parse")
		}
		return false
	}
	return true
}

func (p *parser) leave(n int) { p.depth -= n }
