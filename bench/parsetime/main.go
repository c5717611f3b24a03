// Command parsetime times py314's parser on files in process, the way
// bench/cpython_parse.py times CPython's: start-up and reading the files
// excluded, best of five passes, with the garbage collector set as the
// py314 command sets it. Usage: go run ./bench/parsetime FILE...
// Prints "seconds bytes".
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/py314/py314/parser"
)

func main() {
	debug.SetGCPercent(400)
	var srcs [][]byte
	total := 0
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "parsetime:", err)
			os.Exit(1)
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	best := time.Duration(1<<63 - 1)
	for range 5 {
		t0 := time.Now()
		for i, src := range srcs {
			parser.ParseFile(os.Args[1+i], src, parser.Options{})
		}
		best = min(best, time.Since(t0))
	}
	fmt.Printf("%.4f %d\n", best.Seconds(), total)
}
