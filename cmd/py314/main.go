// Command py314 gets Python code bases ready for Python 3.14.
//
// Usage:
//
//	py314 <command> [arguments]
//
// The commands are:
//
//	check    check Python files for what breaks, races or changes on Python 3.14
//	report   write a readiness report for Python 3.14 as one HTML page or Markdown
//	rule     print the documentation of a rule
//	rules    list the rules
//	lsp      run the language server, for editors
//	parse    print the syntax tree of Python files
//	version  print the py314 version
//
// Run "py314 <command> --help" for the details of a command.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
