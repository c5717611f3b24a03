// Package token defines the lexical tokens of Python 3.14 and the positions
// used throughout py314.
//
// A position is a byte offset into the decoded (UTF-8) source of one file.
// Lines and columns are derived from offsets through a [File]'s line table
// only when a human-facing position is needed.
package token

import "strconv"

// Kind is the kind of a lexical token.
type Kind uint8

// The token kinds. Ranges are delimited by unexported sentinels so that
// IsOperator and IsKeyword are range checks.
const (
	ILLEGAL Kind = iota // a character that starts no token
	EOF                 // end of input; Start == End == len(src)

	NEWLINE // end of a logical line
	INDENT  // increase of indentation; zero width, at the first token of the line
	DEDENT  // decrease of indentation; zero width
	NL      // a newline that does not end a logical line (only in the token list)
	COMMENT // '#' to the end of the line (only in the token list)

	NAME   // identifier or soft keyword (match, case, type, _)
	NUMBER // integer, float or imaginary literal
	STRING // string or bytes literal, prefix and quotes included

	FSTRING_START  // f" (prefix and opening quote)
	FSTRING_MIDDLE // literal text inside an f-string
	FSTRING_END    // closing quote of an f-string
	TSTRING_START  // t" (prefix and opening quote)
	TSTRING_MIDDLE // literal text inside a t-string
	TSTRING_END    // closing quote of a t-string

	operatorBeg
	LPAR             // (
	RPAR             // )
	LSQB             // [
	RSQB             // ]
	COLON            // :
	COMMA            // ,
	SEMI             // ;
	PLUS             // +
	MINUS            // -
	STAR             // *
	SLASH            // /
	VBAR             // |
	AMPER            // &
	LESS             // <
	GREATER          // >
	EQUAL            // =
	DOT              // .
	PERCENT          // %
	LBRACE           // {
	RBRACE           // }
	EQEQUAL          // ==
	NOTEQUAL         // != (also <> under barry_as_FLUFL, which py314 does not support)
	LESSEQUAL        // <=
	GREATEREQUAL     // >=
	TILDE            // ~
	CIRCUMFLEX       // ^
	LEFTSHIFT        // <<
	RIGHTSHIFT       // >>
	DOUBLESTAR       // **
	PLUSEQUAL        // +=
	MINEQUAL         // -=
	STAREQUAL        // *=
	SLASHEQUAL       // /=
	PERCENTEQUAL     // %=
	AMPEREQUAL       // &=
	VBAREQUAL        // |=
	CIRCUMFLEXEQUAL  // ^=
	LEFTSHIFTEQUAL   // <<=
	RIGHTSHIFTEQUAL  // >>=
	DOUBLESTAREQUAL  // **=
	DOUBLESLASH      // //
	DOUBLESLASHEQUAL // //=
	AT               // @
	ATEQUAL          // @=
	RARROW           // ->
	ELLIPSIS         // ...
	COLONEQUAL       // :=
	EXCLAMATION      // ! (only inside f-string and t-string replacement fields)
	operatorEnd

	keywordBeg
	FALSE    // False
	NONE     // None
	TRUE     // True
	AND      // and
	AS       // as
	ASSERT   // assert
	ASYNC    // async
	AWAIT    // await
	BREAK    // break
	CLASS    // class
	CONTINUE // continue
	DEF      // def
	DEL      // del
	ELIF     // elif
	ELSE     // else
	EXCEPT   // except
	FINALLY  // finally
	FOR      // for
	FROM     // from
	GLOBAL   // global
	IF       // if
	IMPORT   // import
	IN       // in
	IS       // is
	LAMBDA   // lambda
	NONLOCAL // nonlocal
	NOT      // not
	OR       // or
	PASS     // pass
	RAISE    // raise
	RETURN   // return
	TRY      // try
	WHILE    // while
	WITH     // with
	YIELD    // yield
	keywordEnd
)

var kindNames = [...]string{
	ILLEGAL:        "ILLEGAL",
	EOF:            "EOF",
	NEWLINE:        "NEWLINE",
	INDENT:         "INDENT",
	DEDENT:         "DEDENT",
	NL:             "NL",
	COMMENT:        "COMMENT",
	NAME:           "NAME",
	NUMBER:         "NUMBER",
	STRING:         "STRING",
	FSTRING_START:  "FSTRING_START",
	FSTRING_MIDDLE: "FSTRING_MIDDLE",
	FSTRING_END:    "FSTRING_END",
	TSTRING_START:  "TSTRING_START",
	TSTRING_MIDDLE: "TSTRING_MIDDLE",
	TSTRING_END:    "TSTRING_END",

	LPAR:             "(",
	RPAR:             ")",
	LSQB:             "[",
	RSQB:             "]",
	COLON:            ":",
	COMMA:            ",",
	SEMI:             ";",
	PLUS:             "+",
	MINUS:            "-",
	STAR:             "*",
	SLASH:            "/",
	VBAR:             "|",
	AMPER:            "&",
	LESS:             "<",
	GREATER:          ">",
	EQUAL:            "=",
	DOT:              ".",
	PERCENT:          "%",
	LBRACE:           "{",
	RBRACE:           "}",
	EQEQUAL:          "==",
	NOTEQUAL:         "!=",
	LESSEQUAL:        "<=",
	GREATEREQUAL:     ">=",
	TILDE:            "~",
	CIRCUMFLEX:       "^",
	LEFTSHIFT:        "<<",
	RIGHTSHIFT:       ">>",
	DOUBLESTAR:       "**",
	PLUSEQUAL:        "+=",
	MINEQUAL:         "-=",
	STAREQUAL:        "*=",
	SLASHEQUAL:       "/=",
	PERCENTEQUAL:     "%=",
	AMPEREQUAL:       "&=",
	VBAREQUAL:        "|=",
	CIRCUMFLEXEQUAL:  "^=",
	LEFTSHIFTEQUAL:   "<<=",
	RIGHTSHIFTEQUAL:  ">>=",
	DOUBLESTAREQUAL:  "**=",
	DOUBLESLASH:      "//",
	DOUBLESLASHEQUAL: "//=",
	AT:               "@",
	ATEQUAL:          "@=",
	RARROW:           "->",
	ELLIPSIS:         "...",
	COLONEQUAL:       ":=",
	EXCLAMATION:      "!",

	FALSE:    "False",
	NONE:     "None",
	TRUE:     "True",
	AND:      "and",
	AS:       "as",
	ASSERT:   "assert",
	ASYNC:    "async",
	AWAIT:    "await",
	BREAK:    "break",
	CLASS:    "class",
	CONTINUE: "continue",
	DEF:      "def",
	DEL:      "del",
	ELIF:     "elif",
	ELSE:     "else",
	EXCEPT:   "except",
	FINALLY:  "finally",
	FOR:      "for",
	FROM:     "from",
	GLOBAL:   "global",
	IF:       "if",
	IMPORT:   "import",
	IN:       "in",
	IS:       "is",
	LAMBDA:   "lambda",
	NONLOCAL: "nonlocal",
	NOT:      "not",
	OR:       "or",
	PASS:     "pass",
	RAISE:    "raise",
	RETURN:   "return",
	TRY:      "try",
	WHILE:    "while",
	WITH:     "with",
	YIELD:    "yield",
}

// String returns the token's spelling for operators and keywords and its
// name (NAME, NEWLINE, ...) otherwise.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "token(" + strconv.Itoa(int(k)) + ")"
}

// IsOperator reports whether k is an operator or delimiter.
func (k Kind) IsOperator() bool { return operatorBeg < k && k < operatorEnd }

// IsKeyword reports whether k is a hard keyword.
func (k Kind) IsKeyword() bool { return keywordBeg < k && k < keywordEnd }

// Lookup returns the keyword kind for ident, or NAME if ident is not a hard
// keyword. Soft keywords (match, case, type, _) are NAMEs.
func Lookup(ident []byte) Kind {
	// A switch on length then on the bytes avoids hashing every identifier.
	switch len(ident) {
	case 2:
		switch string(ident) {
		case "as":
			return AS
		case "if":
			return IF
		case "in":
			return IN
		case "is":
			return IS
		case "or":
			return OR
		}
	case 3:
		switch string(ident) {
		case "and":
			return AND
		case "def":
			return DEF
		case "del":
			return DEL
		case "for":
			return FOR
		case "not":
			return NOT
		case "try":
			return TRY
		}
	case 4:
		switch string(ident) {
		case "None":
			return NONE
		case "True":
			return TRUE
		case "elif":
			return ELIF
		case "else":
			return ELSE
		case "from":
			return FROM
		case "pass":
			return PASS
		case "with":
			return WITH
		}
	case 5:
		switch string(ident) {
		case "False":
			return FALSE
		case "async":
			return ASYNC
		case "await":
			return AWAIT
		case "break":
			return BREAK
		case "class":
			return CLASS
		case "raise":
			return RAISE
		case "while":
			return WHILE
		case "yield":
			return YIELD
		}
	case 6:
		switch string(ident) {
		case "assert":
			return ASSERT
		case "except":
			return EXCEPT
		case "global":
			return GLOBAL
		case "import":
			return IMPORT
		case "lambda":
			return LAMBDA
		case "return":
			return RETURN
		}
	case 7:
		if string(ident) == "finally" {
			return FINALLY
		}
	case 8:
		switch string(ident) {
		case "continue":
			return CONTINUE
		case "nonlocal":
			return NONLOCAL
		}
	}
	return NAME
}

// Token is one lexical token: its kind and its byte range in the source.
// The text of a token is src[Start:End]; tokens carry no other payload.
type Token struct {
	Kind  Kind
	Start Pos // offset of the first byte
	End   Pos // offset just past the last byte
}
