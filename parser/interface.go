// Package parser parses Python 3.14 source into the tree of package ast.
//
// Parse never fails and never panics: it returns the tree built so far and
// every syntax error it found, each positioned and worded as CPython 3.14
// words it. It accepts the newest grammar whatever the target version, and
// records every construct that needs a newer Python than 3.8 in Gates, so
// that rules can report code that would not run on an older target.
package parser

import (
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/scanner"
	"github.com/py314/py314/parser/token"
)

// Options control optional parts of the result.
type Options struct {
	// KeepTokens records every token (comments and non-logical newlines
	// included) in File.Tokens.
	KeepTokens bool
}

// Version is a Python version, such as 3.14.
type Version struct{ Major, Minor uint8 }

// Gate records one use of syntax that needs Python Min or newer.
type Gate struct {
	Feature Feature    // what the syntax is
	Span    token.Span // where it is
	Min     Version    // the first version that accepts it
}

// File is the result of parsing one file.
type File struct {
	File     *token.File   // decoded source and line table
	Encoding string        // source encoding: "utf-8" or the PEP 263 declaration
	BOM      bool          // the source started with a UTF-8 byte order mark
	Module   *ast.Module   // never nil; partial when Errors is not empty
	Comments []token.Span  // every comment, '#' included, newline excluded
	Tokens   []token.Token // every token, with Options.KeepTokens
	Gates    []Gate        // version-gated syntax, in source order
	Errors   scanner.ErrorList
}

// Feature names a construct that is newer than Python 3.8.
type Feature uint8
