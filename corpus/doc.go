// Package corpus holds the Python fixtures py314 is tested on and the tests
// that compare py314 with CPython 3.14 on them.
//
// The layout:
//
//	parser/valid/**/*.py     sources CPython accepts; py314 must produce the
//	                         same tree, position for position
//	parser/invalid/*.txtar   snippets CPython rejects, one per "-- name.py --"
//	                         section; py314 must reject them too, at the
//	                         same line
//	cli/*.txtar              scripts for the py314 command (run by the tests
//	                         of cmd/py314)
//
// The reference answers come from package oracle, which runs CPython in
// WebAssembly; the standard library of that CPython is a corpus too.
package corpus
