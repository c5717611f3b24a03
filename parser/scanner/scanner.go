// Package scanner turns decoded Python 3.14 source into tokens.
//
// The scanner follows CPython's tokenizer: it produces NEWLINE, INDENT and
// DEDENT for the block structure, tracks bracket nesting (no NEWLINE inside
// brackets), and splits f-strings and t-strings into START, MIDDLE and END
// tokens with ordinary tokens for the replacement fields, so that the parser
// needs no feedback channel into the scanner.
//
// Token contract, for the parser:
//   - Tokens carry only a kind and a byte range; the text is src[Start:End].
//   - NAME covers identifiers and soft keywords; hard keywords have their
//     own kinds (token.Lookup).
//   - STRING covers one whole string or bytes literal: prefix, quotes, body.
//   - FSTRING_START (TSTRING_START) covers the prefix and the opening
//     quote(s); FSTRING_END (TSTRING_END) the closing quote(s).
//   - FSTRING_MIDDLE (TSTRING_MIDDLE) covers one run of literal text, raw:
//     doubled braces "{{" and "}}" and backslash escapes are not decoded.
//     A run stops before a single "{" that opens a replacement field, before
//     the "}" that closes a format spec, and before the closing quote.
//     Empty runs are not emitted.
//   - Inside a replacement field, "{" is LBRACE and "}" is RBRACE, "!" is
//     EXCLAMATION when not followed by "=", and a ":" at the field's own
//     bracket level is COLON and switches to the format spec, whose literal
//     text comes as MIDDLE tokens and whose nested fields come as LBRACE ...
//     RBRACE again.
//   - NEWLINE covers the newline characters ending a logical line, or is
//     empty at the end of input when the last line has none.
//   - INDENT spans the indentation of the line that opens a block; DEDENT is
//     empty, at the first token of the line that closes blocks.
//   - EOF is empty, at len(src), after the final NEWLINE and DEDENTs.
//   - NL and COMMENT are never returned by Next; comments are recorded (see
//     Comments) and, with KeepTokens, every token goes into Tokens.
//
// Errors are appended to the ErrorList given to Init with CPython 3.14's
// messages; the scanner then goes on with a best-effort token, so the
// parser always sees a well-formed stream ending in EOF.
package scanner

import "github.com/py314/py314/parser/token"

// Mode controls optional scanner behaviour.
type Mode uint8

const (
	// KeepTokens records every token, NL and COMMENT included, in Tokens.
	KeepTokens Mode = 1 << iota
)

var _ token.Kind
