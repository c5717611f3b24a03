package scanner

import (
	"fmt"
	"sort"

	"github.com/py314/py314/parser/token"
)

// ErrorType is the Python exception class of a syntax error.
type ErrorType uint8

// The exception classes CPython raises for bad source.
const (
	SyntaxError ErrorType = iota
	IndentationError
	TabError
)

func (t ErrorType) String() string {
	switch t {
	case IndentationError:
		return "IndentationError"
	case TabError:
		return "TabError"
	}
	return "SyntaxError"
}

// Error is one syntax error: where it is, what CPython would call it and
// the message CPython 3.14 prints for it.
type Error struct {
	Pos  token.Pos // offset in the decoded source
	End  token.Pos // end of the offending range; End >= Pos
	Type ErrorType
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%d: %s: %s", e.Pos, e.Type, e.Msg) }

// ErrorList is a list of syntax errors. The zero value is empty and ready
// to use.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(pos, end token.Pos, typ ErrorType, msg string) {
	if end < pos {
		end = pos
	}
	*l = append(*l, &Error{Pos: pos, End: end, Type: typ, Msg: msg})
}

// Sort orders the list by position, then by message; the order of errors
// at the same place is kept.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Pos != l[j].Pos {
			return l[i].Pos < l[j].Pos
		}
		return false
	})
}

// Err returns the list as an error, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}
