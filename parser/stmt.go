package parser

import (
	"fmt"

	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/scanner"
	"github.com/py314/py314/parser/token"
)

func (p *parser) parseModule() *ast.Module {
	return &ast.Module{Body: p.statements(true)}
}

// statements parses statements up to a DEDENT (not consumed) or EOF.
// A statement with an error is dropped and parsing resumes at the next
// line, after skipping any block that the failed line opens.
func (p *parser) statements(top bool) []ast.Stmt {
	var buf [16]ast.Stmt
	list := buf[:0]
	for {
		switch p.tok {
		case token.EOF:
			return p.arena.stmts.copy(list)
		case token.DEDENT:
			if !top {
				return p.arena.stmts.copy(list)
			}
			p.next()
			continue
		case token.INDENT:
			// An indented block where none may start: report it and parse
			// the block's statements as if they were not indented.
			p.unexpectedIndent(p.cur())
			p.clearFail()
			p.next()
			list = append(list, p.statements(false)...)
			p.got(token.DEDENT)
			continue
		}
		start, n := p.pos, len(list)
		p.far = p.pos
		p.stmtStart = p.pos
		if s, ok := p.compoundStmt(); !ok {
			list = p.simpleStmts(list)
		} else if s != nil {
			list = append(list, s)
		}
		if p.failed {
			list = list[:n]
			p.recover(start)
		}
	}
}

// clearFail ends the unwinding after an error.
func (p *parser) clearFail() {
	p.failed = false
	p.tok = p.toks[p.pos].Kind
}

// recover skips what is left of a failed statement: the rest of its line
// and, when that line opens a block, the block.
func (p *parser) recover(start int) {
	p.clearFail()
	for p.tok != token.NEWLINE && p.tok != token.EOF && p.tok != token.DEDENT {
		p.next()
	}
	if p.tok == token.NEWLINE {
		p.next()
	}
	if p.tok == token.INDENT {
		p.skipBlock()
	}
	if p.pos == start && p.tok != token.EOF && p.tok != token.DEDENT {
		p.next() // progress guard
	}
	p.far = p.pos
}

// skipBlock skips an INDENT and everything up to its matching DEDENT.
func (p *parser) skipBlock() {
	depth := 0
	for p.tok != token.EOF {
		switch p.tok {
		case token.INDENT:
			depth++
		case token.DEDENT:
			depth--
		}
		p.next()
		if depth == 0 {
			return
		}
	}
}

// compoundStmt parses a compound statement, if the current token starts
// one, and reports whether it did. (It does not take the list to append
// to: a slice passed down the recursion would make Go's escape analysis
// move the list buffer of statements to the heap.)
func (p *parser) compoundStmt() (ast.Stmt, bool) {
	switch p.tok {
	case token.DEF:
		return p.funcDef(nil), true
	case token.CLASS:
		return p.classDef(nil), true
	case token.AT:
		return p.decorated(), true
	case token.IF:
		return p.ifStmt(), true
	case token.WHILE:
		return p.whileStmt(), true
	case token.FOR:
		return p.forStmt(), true
	case token.WITH:
		return p.withStmt(), true
	case token.TRY:
		return p.tryStmt(), true
	case token.ASYNC:
		switch p.peek(1) {
		case token.DEF:
			return p.funcDef(nil), true
		case token.WITH:
			return p.withStmt(), true
		case token.FOR:
			return p.forStmt(), true
		}
		p.next()
		p.syntaxError()
		return nil, true
	case token.NAME:
		if p.isSoft("match") {
			if s := p.matchStmt(); s != nil {
				return s, true
			}
		}
	}
	return nil, false
}

// simpleStmts parses simple statements separated by ';' up to NEWLINE.
func (p *parser) simpleStmts(list []ast.Stmt) []ast.Stmt {
	for {
		list = append(list, p.simpleStmt())
		if p.tok != token.SEMI {
			break
		}
		p.next()
		if p.tok == token.NEWLINE {
			break
		}
	}
	if !p.got(token.NEWLINE) {
		p.syntaxError()
	}
	return list
}

func (p *parser) simpleStmt() ast.Stmt {
	start := p.start()
	switch p.tok {
	case token.PASS:
		p.next()
		return &ast.Pass{Loc: p.loc(start)}
	case token.BREAK:
		p.next()
		return &ast.Break{Loc: p.loc(start)}
	case token.CONTINUE:
		p.next()
		return &ast.Continue{Loc: p.loc(start)}
	case token.RETURN:
		p.next()
		var v ast.Expr
		if p.startsStarExpr() {
			v = p.starExpressions()
		}
		return p.newReturn(p.loc(start), v)
	case token.RAISE:
		return p.raiseStmt()
	case token.GLOBAL, token.NONLOCAL:
		return p.globalStmt()
	case token.DEL:
		return p.delStmt()
	case token.ASSERT:
		return p.assertStmt()
	case token.IMPORT:
		return p.importStmt()
	case token.FROM:
		return p.fromImportStmt()
	case token.NAME:
		if p.isSoft("type") && p.peek(1) == token.NAME {
			return p.typeAlias()
		}
	}
	return p.exprStmt()
}

// exprStmt parses an expression statement or an assignment.
func (p *parser) exprStmt() ast.Stmt {
	start := p.start()
	first := p.tok
	var e ast.Expr
	if p.tok == token.YIELD {
		e = p.yieldExpr()
	} else {
		e = p.starExpressions()
	}
	switch p.tok {
	case token.COLON:
		return p.annAssign(start, first, e)
	case token.EQUAL:
		return p.assign(start, e)
	case token.COLONEQUAL:
		walrus := p.pos
		if first == token.YIELD || p.failed || !startsExpr(p.peekQuiet(1)) {
			break
		}
		if _, ok := e.(*ast.Name); !ok {
			p.errorf(e.Pos(), e.End(), "cannot use assignment expressions with %s", exprName(e))
			return p.badStmt()
		}
		// "x := value" is no statement, but CPython's second pass parses
		// the value, whose own errors come first.
		m := p.mark()
		p.next()
		p.expression()
		if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
			return p.badStmt()
		}
		p.reset(m)
		p.far = walrus
		p.syntaxError()
		return p.badStmt()
	}
	if t, ok := e.(*ast.Tuple); ok && !p.failed && p.startsStarExpr() && p.src[t.Pos()] != '(' {
		p.juxtaposedItems()
	}
	if op, ok := augOp(p.tok); ok {
		return p.augAssign(start, e, op)
	}
	return p.newExprStmt(p.loc(start), e)
}

// augOp returns the operator of an augmented assignment token.
func augOp(k token.Kind) (ast.Operator, bool) {
	switch k {
	case token.PLUSEQUAL:
		return ast.Add, true
	case token.MINEQUAL:
		return ast.Sub, true
	case token.STAREQUAL:
		return ast.Mult, true
	case token.ATEQUAL:
		return ast.MatMult, true
	case token.SLASHEQUAL:
		return ast.Div, true
	case token.PERCENTEQUAL:
		return ast.Mod, true
	case token.AMPEREQUAL:
		return ast.BitAnd, true
	case token.VBAREQUAL:
		return ast.BitOr, true
	case token.CIRCUMFLEXEQUAL:
		return ast.BitXor, true
	case token.LEFTSHIFTEQUAL:
		return ast.LShift, true
	case token.RIGHTSHIFTEQUAL:
		return ast.RShift, true
	case token.DOUBLESTAREQUAL:
		return ast.Pow, true
	case token.DOUBLESLASHEQUAL:
		return ast.FloorDiv, true
	}
	return 0, false
}

func (p *parser) annAssign(start token.Pos, first token.Kind, target ast.Expr) ast.Stmt {
	var msg string
	var at ast.Node = target
	switch t := target.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
	case *ast.Tuple:
		msg = "only single target (not tuple) can be annotated"
		if first != token.LPAR {
			at = t.Elts[0]
		}
	case *ast.List:
		msg = "only single target (not list) can be annotated"
	case *ast.Starred:
		p.syntaxError()
		return p.badStmt()
	default:
		msg = "illegal target for annotation"
	}
	colonFar := p.far
	p.next() // ':'
	if msg != "" {
		// CPython names the target only when an annotation follows.
		if p.startsExpr() {
			m := p.mark()
			p.expression()
			if !p.failed {
				p.reset(m)
				p.errorNode(at, msg)
				return p.badStmt()
			}
			p.reset(m)
		}
		p.far = colonFar
		p.syntaxError()
		return p.badStmt()
	}
	setContext(target, ast.Store)
	ann := p.expression()
	var value ast.Expr
	if p.got(token.EQUAL) {
		value = p.annotatedRHS()
	}
	simple := 0
	if _, ok := target.(*ast.Name); ok && first == token.NAME {
		simple = 1
	}
	return &ast.AnnAssign{Loc: p.loc(start), Target: target, Annotation: ann, Value: value, Simple: simple}
}

func (p *parser) assign(start token.Pos, first ast.Expr) ast.Stmt {
	var buf [4]ast.Expr
	targets := append(buf[:0], first)
	rhs := -1 // token index where the part after the first '=' starts
	for p.tok == token.EQUAL {
		p.next()
		if rhs < 0 {
			rhs = p.pos
		}
		if !p.startsStarExpr() && p.tok != token.YIELD {
			// Nothing parses after this '=': CPython's invalid_assignment
			// rule may still name a bad target before it.
			p.assignError(targets, rhs, true)
			return p.badStmt()
		}
		segStart := p.pos
		seg := p.annotatedRHS()
		if p.failed {
			// CPython's valid rule for assignments takes the longest
			// prefix of the value that parses: with valid targets and such
			// a prefix, the error is the generic one.
			if last := p.errs[len(p.errs)-1]; last.Msg == msgInvalidSyntax &&
				!(p.validTargets(targets) && p.atomParsesAt(p.toks[segStart])) {
				// As above, with the generic error as the fallback.
				saved, far := *last, p.far
				p.errs = p.errs[:len(p.errs)-1]
				p.clearFail()
				p.far = p.firstErrFar
				if !p.assignError(targets, rhs, false) {
					p.errs = append(p.errs, &saved)
					p.fail()
				}
				p.far = far
			}
			return p.badStmt()
		}
		targets = append(targets, seg)
	}
	for _, t := range targets[:len(targets)-1] {
		if invalidTarget(t, targetStar) != nil {
			p.assignError(targets[:len(targets)-1], rhs, true)
			return p.badStmt()
		}
	}
	value := targets[len(targets)-1]
	targets = targets[:len(targets)-1]
	for _, t := range targets {
		setContext(t, ast.Store)
	}
	return p.newAssign(p.loc(start), p.arena.exprs.copy(targets), value)
}

// validTargets reports whether every expression of targets can be
// assigned to.
func (p *parser) validTargets(targets []ast.Expr) bool {
	for _, t := range targets {
		if invalidTarget(t, targetStar) != nil {
			return false
		}
	}
	return true
}

func (p *parser) augAssign(start token.Pos, target ast.Expr, op ast.Operator) ast.Stmt {
	p.next()
	value := p.annotatedRHS()
	if p.failed {
		return p.badStmt()
	}
	switch target.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
	default:
		p.errorf(target.Pos(), target.End(), "'%s' is an illegal expression for augmented assignment", exprName(target))
		return p.badStmt()
	}
	setContext(target, ast.Store)
	return alloc(&p.arena.augAssigns, ast.AugAssign{Loc: p.loc(start), Target: target, Op: op, Value: value})
}

// annotatedRHS parses yield_expr | star_expressions.
func (p *parser) annotatedRHS() ast.Expr {
	if p.tok == token.YIELD {
		return p.yieldExpr()
	}
	return p.starExpressions()
}

// badStmt is returned by statement rules after an error; the statement is
// dropped.
func (p *parser) badStmt() ast.Stmt { return &ast.Pass{} }

func (p *parser) raiseStmt() ast.Stmt {
	start := p.start()
	p.next()
	var exc, cause ast.Expr
	if p.startsExpr() {
		exc = p.expression()
		if p.got(token.FROM) {
			cause = p.expression()
		}
	}
	return alloc(&p.arena.raises, ast.Raise{Loc: p.loc(start), Exc: exc, Cause: cause})
}

func (p *parser) globalStmt() ast.Stmt {
	start := p.start()
	kw := p.tok
	p.next()
	var names []string
	for {
		name, _, ok := p.name()
		if !ok {
			break
		}
		names = append(names, name)
		if !p.got(token.COMMA) {
			break
		}
	}
	if kw == token.GLOBAL {
		return &ast.Global{Loc: p.loc(start), Names: names}
	}
	return &ast.Nonlocal{Loc: p.loc(start), Names: names}
}

func (p *parser) delStmt() ast.Stmt {
	start := p.start()
	p.next()
	var targets []ast.Expr
	for {
		t := p.starExpression()
		targets = append(targets, t)
		if !p.got(token.COMMA) || !p.startsStarExpr() {
			break
		}
	}
	if p.failed {
		return p.badStmt()
	}
	for _, t := range targets {
		if !p.checkTarget(t, targetDel) {
			return p.badStmt()
		}
	}
	if p.tok != token.SEMI && p.tok != token.NEWLINE {
		p.syntaxError()
		return p.badStmt()
	}
	for _, t := range targets {
		setContext(t, ast.Del)
	}
	return &ast.Delete{Loc: p.loc(start), Targets: targets}
}

func (p *parser) assertStmt() ast.Stmt {
	start := p.start()
	p.next()
	test := p.expression()
	var msg ast.Expr
	if p.got(token.COMMA) {
		msg = p.expression()
	}
	return &ast.Assert{Loc: p.loc(start), Test: test, Msg: msg}
}

// dottedName parses NAME ('.' NAME)* and returns the joined name.
func (p *parser) dottedName() (string, bool) {
	name, _, ok := p.name()
	if !ok {
		return "", false
	}
	if p.tok != token.DOT {
		return name, true
	}
	buf := []byte(name)
	for p.got(token.DOT) {
		part, _, ok := p.name()
		if !ok {
			return "", false
		}
		buf = append(buf, '.')
		buf = append(buf, part...)
	}
	return string(buf), true
}

func (p *parser) importStmt() ast.Stmt {
	start := p.start()
	kw := p.cur()
	p.next()
	if p.tok == token.NEWLINE {
		p.errorTok(p.cur(), "Expected one or more names after 'import'")
		return p.badStmt()
	}
	var buf [4]*ast.Alias
	names := buf[:0]
	for {
		aStart := p.start()
		name, ok := p.dottedName()
		if !ok {
			return p.badStmt()
		}
		var as string
		if p.got(token.AS) {
			if as = p.importTarget(); p.failed {
				return p.badStmt()
			}
		}
		names = append(names, alloc(&p.arena.aliases, ast.Alias{Loc: p.loc(aStart), Name: name, Asname: as}))
		if !p.got(token.COMMA) {
			break
		}
	}
	if p.tok == token.FROM && !p.failed {
		// import a from b
		m, far := p.mark(), p.far
		p.next()
		_, ok := p.dottedName()
		p.reset(m)
		p.far = far
		if ok {
			p.errorAt(kw.Start, p.prevEnd(), "Did you mean to use 'from ... import ...' instead?")
			return p.badStmt()
		}
	}
	return alloc(&p.arena.imports, ast.Import{Loc: p.loc(start), Names: p.arena.aliasLists.copy(names)})
}

// importTarget parses the name after "as" in an import, with CPython's
// error for an expression that is not a name.
func (p *parser) importTarget() string {
	if p.tok == token.NAME {
		switch p.peek(1) {
		case token.COMMA, token.RPAR, token.SEMI, token.NEWLINE:
			name, _, _ := p.name()
			return name
		}
	}
	if p.startsExpr() {
		e := p.expression()
		if !p.failed {
			p.errorf(e.Pos(), e.End(), "cannot use %s as import target", exprName(e))
			return ""
		}
	}
	p.syntaxError()
	return ""
}

func (p *parser) fromImportStmt() ast.Stmt {
	start := p.start()
	p.next()
	level := 0
	for {
		if p.got(token.DOT) {
			level++
		} else if p.got(token.ELLIPSIS) {
			level += 3
		} else {
			break
		}
	}
	var module string
	if level == 0 || p.tok != token.IMPORT {
		var ok bool
		if module, ok = p.dottedName(); !ok {
			return p.badStmt()
		}
	}
	if !p.expect(token.IMPORT) {
		return p.badStmt()
	}
	var buf [4]*ast.Alias
	names := buf[:0]
	switch p.tok {
	case token.STAR:
		t := p.cur()
		p.next()
		names = append(names, alloc(&p.arena.aliases, ast.Alias{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Name: "*"}))
	case token.LPAR:
		p.next()
		names = p.importAsNames(names)
		p.got(token.COMMA)
		p.expect(token.RPAR)
	case token.NEWLINE:
		p.errorTok(p.cur(), "Expected one or more names after 'import'")
		return p.badStmt()
	default:
		names = p.importAsNames(names)
		if p.tok == token.COMMA && !p.failed {
			if p.peek(1) == token.NEWLINE {
				p.syntaxErrorMsg("trailing comma not allowed without surrounding parentheses")
			} else {
				p.syntaxError()
			}
		}
	}
	if p.failed {
		return p.badStmt()
	}
	return alloc(&p.arena.importFroms, ast.ImportFrom{Loc: p.loc(start), Module: module, Names: p.arena.aliasLists.copy(names), Level: level})
}

func (p *parser) importAsNames(names []*ast.Alias) []*ast.Alias {
	for {
		aStart := p.start()
		name, _, ok := p.name()
		if !ok {
			return names
		}
		var as string
		if p.got(token.AS) {
			if as = p.importTarget(); p.failed {
				return names
			}
		}
		names = append(names, alloc(&p.arena.aliases, ast.Alias{Loc: p.loc(aStart), Name: name, Asname: as}))
		if p.tok != token.COMMA || p.peek(1) != token.NAME {
			return names
		}
		p.next()
	}
}

// checkFutures reports unknown features in the __future__ imports that
// open a module (after its docstring), as CPython does when it compiles
// the module, ast.parse included.
func (p *parser) checkFutures(m *ast.Module) {
	body := m.Body
	if len(body) > 0 {
		if e, ok := body[0].(*ast.ExprStmt); ok {
			if c, ok := e.Value.(*ast.Constant); ok && c.Value.Kind == ast.StrValue {
				body = body[1:]
			}
		}
	}
	for _, s := range body {
		imp, ok := s.(*ast.ImportFrom)
		if !ok || imp.Level != 0 || imp.Module != "__future__" {
			return
		}
		for _, a := range imp.Names {
			switch a.Name {
			case "nested_scopes", "generators", "division", "absolute_import",
				"with_statement", "print_function", "unicode_literals",
				"barry_as_FLUFL", "generator_stop", "annotations":
			case "braces":
				p.futureErrs.Add(a.Pos(), a.End(), scanner.SyntaxError, "not a chance")
				return
			default:
				p.futureErrs.Add(a.Pos(), a.End(), scanner.SyntaxError, "future feature "+a.Name+" is not defined")
				return
			}
		}
	}
}

func (p *parser) typeAlias() ast.Stmt {
	start := p.start()
	p.next() // "type"
	_, t, _ := p.name()
	name := &ast.Name{Loc: ast.Loc{Start: t.Start, Stop: t.End}, Id: p.ident(t), Ctx: ast.Store}
	var tparams []ast.TypeParam
	if p.tok == token.LSQB {
		tparams = p.typeParams()
	}
	if !p.expect(token.EQUAL) {
		return p.badStmt()
	}
	value := p.expression()
	p.gate(TypeAliasStatement, start, p.prevEnd())
	return &ast.TypeAlias{Loc: p.loc(start), Name: name, TypeParams: tparams, Value: value}
}

// ---------------------------------------------------------------------------
// Compound statements

// expectColon consumes the ':' that ends a compound statement header.
func (p *parser) expectColon() bool {
	if p.tok == token.COLON {
		p.next()
		return true
	}
	if p.tok == token.NEWLINE {
		t := p.cur()
		p.errorAt(t.Start, t.End, "expected ':'")
		return false
	}
	p.syntaxError()
	return false
}

// forceColon consumes a ':' that CPython's grammar requires outright
// (&&':'): anything else is reported as a missing ':'.
func (p *parser) forceColon() bool {
	if p.tok == token.COLON {
		p.next()
		return true
	}
	p.errorTok(p.cur(), "expected ':'")
	return false
}

// block parses the body of a compound statement after its ':'. what and
// kw name the statement for the error on a missing indented block.
func (p *parser) block(what string, kw token.Pos) []ast.Stmt {
	if p.tok == token.NEWLINE {
		if p.peek(1) != token.INDENT {
			p.next()
			t := p.cur()
			line, _ := p.file.LineCol(kw)
			p.errorTyped(t.Start, t.End, scanner.IndentationError,
				fmt.Sprintf("expected an indented block after %s on line %d", what, line))
			return nil
		}
		p.next()
		p.next()
		body := p.statements(false)
		p.got(token.DEDENT)
		return body
	}
	if p.failed {
		return nil
	}
	var buf [4]ast.Stmt
	return p.arena.stmts.copy(p.simpleStmts(buf[:0]))
}

func (p *parser) decorated() ast.Stmt {
	var buf [4]ast.Expr
	decos := buf[:0]
	for p.tok == token.AT {
		p.next()
		d := p.namedExpression()
		if !isPlainDecorator(d) {
			p.gate(RelaxedDecorators, d.Pos(), d.End())
		}
		decos = append(decos, d)
		if !p.expect(token.NEWLINE) {
			return p.badStmt()
		}
	}
	switch p.tok {
	case token.DEF:
		return p.funcDef(p.arena.exprs.copy(decos))
	case token.ASYNC:
		if p.peek(1) == token.DEF {
			return p.funcDef(p.arena.exprs.copy(decos))
		}
	case token.CLASS:
		return p.classDef(p.arena.exprs.copy(decos))
	}
	p.syntaxError()
	return p.badStmt()
}

// isPlainDecorator reports whether d fits the grammar of Python 3.8:
// a dotted name, optionally called once.
func isPlainDecorator(d ast.Expr) bool {
	if c, ok := d.(*ast.Call); ok {
		d = c.Func
	}
	for {
		switch x := d.(type) {
		case *ast.Name:
			return true
		case *ast.Attribute:
			d = x.Value
		default:
			return false
		}
	}
}

func (p *parser) funcDef(decos []ast.Expr) ast.Stmt {
	start := p.start()
	async := p.got(token.ASYNC)
	kw := p.start()
	p.next() // def
	name, _, ok := p.name()
	if !ok {
		return p.badStmt()
	}
	var tparams []ast.TypeParam
	if p.tok == token.LSQB {
		// CPython's type_params is optional: when it does not parse, the
		// '(' is what is missing.
		open := p.cur()
		m, far := p.mark(), p.far
		tparams = p.typeParams()
		if p.failed {
			if p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
				return p.badStmt()
			}
			p.reset(m)
			p.far = far
			p.errorTok(open, "expected '('")
			return p.badStmt()
		}
	}
	if p.tok != token.LPAR {
		p.errorTok(p.cur(), "expected '('")
		return p.badStmt()
	}
	p.next()
	args := p.parameters(token.RPAR)
	if !p.expect(token.RPAR) {
		return p.badStmt()
	}
	var returns ast.Expr
	if p.tok == token.RARROW {
		arrow := p.cur()
		m, far := p.mark(), p.far
		p.next()
		returns = p.expression()
		if p.failed {
			if p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
				return p.badStmt()
			}
			p.reset(m)
			p.far = far
			p.errorTok(arrow, "expected ':'")
			return p.badStmt()
		}
	}
	if p.tok != token.COLON {
		p.errorTok(p.cur(), "expected ':'")
		return p.badStmt()
	}
	p.next()
	body := p.block("function definition", kw)
	if async {
		return &ast.AsyncFunctionDef{Loc: p.loc(start), Name: name, Args: args, Body: body,
			DecoratorList: decos, Returns: returns, TypeParams: tparams}
	}
	f := p.arena.funcDefs.new()
	*f = ast.FunctionDef{Loc: p.loc(start), Name: name, Args: args, Body: body,
		DecoratorList: decos, Returns: returns, TypeParams: tparams}
	return f
}

func (p *parser) classDef(decos []ast.Expr) ast.Stmt {
	start := p.start()
	p.next() // class
	name, _, ok := p.name()
	if !ok {
		return p.badStmt()
	}
	var tparams []ast.TypeParam
	if p.tok == token.LSQB {
		tparams = p.typeParams()
	}
	var bases []ast.Expr
	var keywords []*ast.Keyword
	if p.tok == token.LPAR {
		bases, keywords = p.arguments(false)
	}
	if !p.expectColon() {
		return p.badStmt()
	}
	body := p.block("class definition", start)
	return alloc(&p.arena.classDefs, ast.ClassDef{Loc: p.loc(start), Name: name, Bases: bases, Keywords: keywords,
		Body: body, DecoratorList: decos, TypeParams: tparams})
}

func (p *parser) ifStmt() ast.Stmt {
	start := p.start()
	what := "'if' statement"
	if p.tok == token.ELIF {
		what = "'elif' statement"
	}
	p.next()
	test := p.namedExpression()
	if !p.expectColon() {
		return p.badStmt()
	}
	body := p.block(what, start)
	var orelse []ast.Stmt
	switch p.tok {
	case token.ELIF:
		orelse = []ast.Stmt{p.ifStmt()}
	case token.ELSE:
		orelse = p.elseBlock()
	}
	return p.newIf(p.loc(start), test, body, orelse)
}

func (p *parser) elseBlock() []ast.Stmt {
	kw := p.start()
	p.next()
	if !p.forceColon() {
		return nil
	}
	body := p.block("'else' statement", kw)
	if p.tok == token.ELIF && !p.failed {
		t := p.cur()
		p.errorAt(t.Start, t.End, "'elif' block follows an 'else' block")
	}
	return body
}

func (p *parser) whileStmt() ast.Stmt {
	start := p.start()
	p.next()
	test := p.namedExpression()
	if !p.expectColon() {
		return p.badStmt()
	}
	body := p.block("'while' statement", start)
	var orelse []ast.Stmt
	if p.tok == token.ELSE {
		orelse = p.elseBlock()
	}
	return &ast.While{Loc: p.loc(start), Test: test, Body: body, Orelse: orelse}
}

func (p *parser) forStmt() ast.Stmt {
	start := p.start()
	async := p.got(token.ASYNC)
	kw := p.start()
	p.next() // for
	target, ok := p.forTargets(false)
	if !ok {
		return p.badStmt()
	}
	iterStart := p.start()
	iter := p.starExpressions()
	if hasStarred(iter) {
		p.gate(StarredForIterable, iterStart, p.prevEnd())
	}
	if !p.expectColon() {
		return p.badStmt()
	}
	body := p.block("'for' statement", kw)
	var orelse []ast.Stmt
	if p.tok == token.ELSE {
		orelse = p.elseBlock()
	}
	if async {
		return &ast.AsyncFor{Loc: p.loc(start), Target: target, Iter: iter, Body: body, Orelse: orelse}
	}
	return alloc(&p.arena.fors, ast.For{Loc: p.loc(start), Target: target, Iter: iter, Body: body, Orelse: orelse})
}

// hasStarred reports whether e is a tuple with a starred element.
func hasStarred(e ast.Expr) bool {
	if t, ok := e.(*ast.Tuple); ok {
		for _, x := range t.Elts {
			if _, ok := x.(*ast.Starred); ok {
				return true
			}
		}
	}
	return false
}

func (p *parser) withStmt() ast.Stmt {
	start := p.start()
	async := p.got(token.ASYNC)
	kw := p.start()
	p.next() // with
	var items []*ast.WithItem
	if p.tok == token.LPAR {
		// CPython tries the parenthesized form first; its tokens count
		// for the position of a generic error.
		m := p.mark()
		items = p.parenWithItems()
		if !p.failed && p.tok == token.NEWLINE {
			p.syntaxErrorMsg("expected ':'")
			return p.badStmt()
		}
		if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
			return p.badStmt()
		}
		if p.failed || p.tok != token.COLON {
			p.reset(m)
			items = nil
		}
	}
	if items == nil {
		for {
			items = append(items, p.withItem())
			if p.tok != token.COMMA {
				break
			}
			p.next()
		}
	}
	if p.tok == token.NEWLINE {
		p.syntaxErrorMsg("expected ':'")
		return p.badStmt()
	}
	if !p.expectColon() {
		return p.badStmt()
	}
	body := p.block("'with' statement", kw)
	if async {
		return &ast.AsyncWith{Loc: p.loc(start), Items: items, Body: body}
	}
	return &ast.With{Loc: p.loc(start), Items: items, Body: body}
}

// parenWithItems parses '(' with_item (',' with_item)* [','] ')'.
func (p *parser) parenWithItems() []*ast.WithItem {
	open := p.start()
	p.next()
	var items []*ast.WithItem
	hasAs := false
	for {
		it := p.withItem()
		if it.OptionalVars != nil {
			hasAs = true
		}
		items = append(items, it)
		if !p.got(token.COMMA) || p.tok == token.RPAR {
			break
		}
	}
	if !p.expect(token.RPAR) {
		return nil
	}
	if hasAs {
		p.gate(ParenthesizedContextManagers, open, p.prevEnd())
	}
	return items
}

func (p *parser) withItem() *ast.WithItem {
	start := p.start()
	e := p.expression()
	var vars ast.Expr
	if p.tok == token.AS {
		p.next()
		m := p.mark()
		vars = p.targetItem()
		follows := func() bool {
			switch p.tok {
			case token.COMMA, token.RPAR, token.COLON, token.NEWLINE:
				return true
			}
			return false
		}
		if p.failed || !follows() || invalidTarget(vars, targetStar) != nil {
			if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
				return &ast.WithItem{}
			}
			// invalid_with_item: 'as' expression, followed as a target is.
			far := p.far
			p.reset(m)
			t := p.expression()
			if !p.failed && follows() && p.tok != token.NEWLINE {
				if bad := invalidTarget(t, targetStar); bad != nil {
					p.errorf(bad.Pos(), bad.End(), "cannot assign to %s", exprName(bad))
					return &ast.WithItem{}
				}
			}
			if p.failed && p.errs[len(p.errs)-1].Msg != msgInvalidSyntax {
				return &ast.WithItem{}
			}
			p.reset(m)
			p.far = far
			p.syntaxError()
			return &ast.WithItem{}
		}
		setContext(vars, ast.Store)
	}
	return &ast.WithItem{Loc: p.loc(start), ContextExpr: e, OptionalVars: vars}
}

func (p *parser) tryStmt() ast.Stmt {
	start := p.start()
	p.next()
	if !p.forceColon() {
		return p.badStmt()
	}
	body := p.block("'try' statement", start)
	var buf [4]*ast.ExceptHandler
	handlers := buf[:0]
	star := false
	for p.tok == token.EXCEPT {
		isStar := p.peek(1) == token.STAR
		if len(handlers) == 0 {
			star = isStar
		} else if isStar != star {
			t := p.cur()
			if isStar {
				p.errorAt(t.Start, p.toks[p.pos+1].End, "cannot have both 'except' and 'except*' on the same 'try'")
			} else {
				p.errorAt(t.Start, t.End, "cannot have both 'except' and 'except*' on the same 'try'")
			}
			return p.badStmt()
		}
		handlers = append(handlers, p.exceptHandler())
		if p.failed {
			return p.badStmt()
		}
	}
	var orelse, final []ast.Stmt
	if len(handlers) > 0 && p.tok == token.ELSE {
		orelse = p.elseBlock()
	}
	if p.tok == token.FINALLY {
		kw := p.start()
		p.next()
		if !p.forceColon() {
			return p.badStmt()
		}
		final = p.block("'finally' statement", kw)
	} else if len(handlers) == 0 {
		if !p.failed {
			t := p.cur()
			p.errorAt(t.Start, t.End, "expected 'except' or 'finally' block")
		}
		return p.badStmt()
	}
	if star {
		p.gate(ExceptStar, start, start+3)
		return &ast.TryStar{Loc: p.loc(start), Body: body, Handlers: p.arena.handlerLists.copy(handlers), Orelse: orelse, Finalbody: final}
	}
	return alloc(&p.arena.tries, ast.Try{Loc: p.loc(start), Body: body, Handlers: p.arena.handlerLists.copy(handlers), Orelse: orelse, Finalbody: final})
}

func (p *parser) exceptHandler() *ast.ExceptHandler {
	start := p.start()
	p.next() // except
	what := "'except' statement"
	star := p.got(token.STAR)
	if star {
		what = "'except*' statement"
		if p.tok == token.COLON || p.tok == token.NEWLINE {
			p.syntaxErrorMsg("expected one or more exception types")
			return &ast.ExceptHandler{}
		}
	}
	var typ ast.Expr
	var name string
	if p.tok != token.COLON {
		tStart := p.start()
		typ = p.expression()
		if p.tok == token.COMMA {
			elts := []ast.Expr{typ}
			for p.got(token.COMMA) {
				if !p.startsExpr() {
					break
				}
				elts = append(elts, p.expression())
			}
			typ = &ast.Tuple{Loc: p.loc(tStart), Elts: elts, Ctx: ast.Load}
			if p.tok == token.AS {
				p.errorAt(elts[0].Pos(), p.prevEnd(), "multiple exception types must be parenthesized when using 'as'")
				return &ast.ExceptHandler{}
			}
			p.gate(UnparenthesizedExceptTypes, tStart, p.prevEnd())
			if p.tok == token.NEWLINE {
				p.syntaxError()
				return &ast.ExceptHandler{}
			}
		} else if p.got(token.AS) {
			if p.tok == token.NAME && (p.peek(1) == token.COLON || p.peek(1) == token.NEWLINE) {
				name, _, _ = p.name()
			} else if p.startsExpr() {
				far := p.far
				target := p.expression()
				p.far = far
				if p.tok == token.COLON && !p.failed {
					kind := "except"
					if star {
						kind = "except*"
					}
					p.errorf(target.Pos(), target.End(), "cannot use %s statement with %s", kind, exprName(target))
					return &ast.ExceptHandler{}
				}
				p.syntaxError()
			} else {
				p.syntaxError()
			}
		}
	}
	if !p.expectColon() {
		return &ast.ExceptHandler{}
	}
	body := p.block(what, start)
	return alloc(&p.arena.handlers, ast.ExceptHandler{Loc: p.loc(start), Type: typ, Name: name, Body: body})
}
