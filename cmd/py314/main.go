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

import (
	"os"
	"runtime/debug"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// Most of py314's heap is the trees of the files being checked,
		// each garbage once its file is done. Collecting when the heap has
		// grown fivefold instead of twofold takes about a third off the
		// CPU time of a check for about twice the peak memory (52 -> 98 MB
		// on a 100 MB tree), and the language server publishes sooner
		// (lsp's benchmarks use this setting too); see docs/performance.md.
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
