package ast

import "iter"

// All yields every parameter in source order: positional-only, positional,
// *args, keyword-only, **kwargs. It yields nothing for a nil Arguments.
func (a *Arguments) All() iter.Seq[*Arg] {
	return func(yield func(*Arg) bool) {
		if a == nil {
			return
		}
		for _, list := range [][]*Arg{a.Posonlyargs, a.Args} {
			for _, p := range list {
				if !yield(p) {
					return
				}
			}
		}
		if a.Vararg != nil && !yield(a.Vararg) {
			return
		}
		for _, p := range a.Kwonlyargs {
			if !yield(p) {
				return
			}
		}
		if a.Kwarg != nil {
			yield(a.Kwarg)
		}
	}
}
