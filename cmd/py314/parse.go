package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"

	"github.com/py314/py314/parser"
	"github.com/py314/py314/parser/ast"
	"github.com/py314/py314/parser/token"
)

func parseCommand() *command {
	var quiet bool
	return &command{
		name:    "parse",
		summary: "print the syntax tree of Python files",
		usage:   "py314 parse [--quiet] FILE...",
		help: `Parse parses each Python file and prints its syntax tree as one line, in
the form of CPython's ast.dump(ast.parse(source), include_attributes=True).
A FILE of "-" reads standard input.

A file with a syntax error prints no tree; its first error, the one
CPython would report, goes to standard error as
	FILE:LINE:COLUMN: TYPE: MESSAGE
where TYPE is SyntaxError, IndentationError or TabError and COLUMN counts
characters from 1, as CPython's SyntaxError.offset does.

Exit status: 0 when every file parsed, 1 when a file has a syntax error,
2 when a file cannot be read or the arguments are wrong.
`,
		setup: func(fs *flag.FlagSet) {
			fs.BoolVar(&quiet, "quiet", false, "print no trees, only the syntax errors (to check syntax, or to time the parser)")
		},
		run: func(c *command, e *env, fs *flag.FlagSet) int { return runParse(c, e, fs, quiet) },
	}
}

func runParse(c *command, e *env, fs *flag.FlagSet, quiet bool) int {
	if fs.NArg() == 0 {
		return c.usageError(e, "no files")
	}
	status := exitOK
	for _, name := range fs.Args() {
		src, err := readSource(e, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "py314 parse: %v\n", err)
			status = exitUsage
			continue
		}
		if name == "-" {
			name = "<stdin>"
		}
		f := parser.ParseFile(name, src, parser.Options{})
		if len(f.Errors) > 0 {
			f.Errors.Sort()
			err := f.Errors[0]
			fmt.Fprintf(e.stderr, "%s: %s: %s\n", errorPosition(f.File, err.Pos), err.Type, err.Msg)
			if status == exitOK {
				status = exitFound
			}
			continue
		}
		if !quiet {
			fmt.Fprintf(e.stdout, "%s\n", ast.Dump(f.File, f.Module))
		}
	}
	return status
}

// readSource reads the named file, or standard input for "-".
func readSource(e *env, name string) ([]byte, error) {
	if name == "-" {
		src, err := io.ReadAll(e.stdin)
		if err != nil {
			return nil, fmt.Errorf("<stdin>: %v", err)
		}
		return src, nil
	}
	src, err := os.ReadFile(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %v", name, pe.Err)
		}
		return nil, err
	}
	return src, nil
}

// errorPosition returns "FILE:LINE:COLUMN" for an error at p, with the
// 1-based character column CPython reports as SyntaxError.offset.
func errorPosition(f *token.File, p token.Pos) string {
	line, _ := f.LineCol(p)
	start := f.LineStart(line)
	end := min(int(p), len(f.Src))
	col := utf8.RuneCount(f.Src[start:end]) + 1
	return fmt.Sprintf("%s:%d:%d", f.Name, line, col)
}
