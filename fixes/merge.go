package fixes

import (
	"sort"

	"github.com/py314/py314/checks"
)

// A Candidate is a fix chosen to be applied, with the rule that offered it.
type Candidate struct {
	Rule *checks.Rule
	Fix  *checks.Fix
}

// Select returns the fixes of diags that may be applied, in the order of
// diags: those at least as trusted as min (checks.Safe for --fix,
// checks.Unsafe for --unsafe-fixes), never display-only ones, with at least
// one edit, offered by a rule for which fixable returns true. A nil fixable
// allows every rule. Diagnostics without a rule are skipped.
func Select(diags []checks.Diagnostic, min checks.Applicability, fixable func(*checks.Rule) bool) []Candidate {
	var out []Candidate
	for i := range diags {
		d := &diags[i]
		f := d.Fix
		if f == nil || d.Rule == nil || len(f.Edits) == 0 ||
			f.Applicability == checks.DisplayOnly || f.Applicability < min {
			continue
		}
		if fixable != nil && !fixable(d.Rule) {
			continue
		}
		out = append(out, Candidate{Rule: d.Rule, Fix: f})
	}
	return out
}

// A Plan is the set of fixes that one round applies to a text.
type Plan struct {
	// Fixes are the accepted fixes, in the order of their first edits.
	Fixes []Candidate
	// Edits are the edits of Fixes, in order, with identical edits of
	// different fixes made once: ready for Apply.
	Edits []checks.Edit
	// Invalid are the fixes whose own edits are out of order, overlap or
	// lie outside the text. They are bugs in their rules.
	Invalid []Candidate
}

// Merge chooses the fixes of cands that can be applied to a text of size
// bytes together. It takes the fixes in the order of their first edits
// (ties keep the order of cands) and accepts a fix, with all its edits, if
// none of them overlaps or touches an edit of a fix accepted before;
// otherwise it leaves the whole fix for a later round, when the text has
// changed and the rule has had a chance to report it again. An edit
// identical to one already accepted (the same range and new text, as when
// two fixes add the same import) is not a conflict: it is made once.
// Candidates without edits are left out.
func Merge(size int, cands []Candidate) Plan {
	var p Plan
	order := make([]Candidate, 0, len(cands))
	for _, c := range cands {
		if c.Fix == nil || len(c.Fix.Edits) == 0 {
			continue
		}
		if checkEdits(size, c.Fix.Edits) != nil {
			p.Invalid = append(p.Invalid, c)
			continue
		}
		order = append(order, c)
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i].Fix.Edits[0], order[j].Fix.Edits[0]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})

	var accepted []checks.Edit // sorted by Start, then End
	for _, c := range order {
		if !fits(accepted, c.Fix.Edits) {
			continue
		}
		// Look for identical edits among those of other fixes only.
		var fresh []checks.Edit
		for _, e := range c.Fix.Edits {
			if !identical(accepted, e) {
				fresh = append(fresh, e)
			}
		}
		for _, e := range fresh {
			i := sort.Search(len(accepted), func(i int) bool {
				a := accepted[i]
				return a.Start > e.Start || a.Start == e.Start && a.End > e.End
			})
			accepted = insertAt(accepted, i, e)
		}
		p.Fixes = append(p.Fixes, c)
	}
	p.Edits = accepted
	return p
}

// fits reports whether every edit of a fix is identical to an accepted edit
// or neither overlaps nor touches any.
func fits(accepted, edits []checks.Edit) bool {
	for _, e := range edits {
		if identical(accepted, e) {
			continue
		}
		// The first accepted edit that ends at or after e.Start is the
		// only one that can touch e, since accepted edits do not overlap.
		i := sort.Search(len(accepted), func(i int) bool { return accepted[i].End >= e.Start })
		if i < len(accepted) && accepted[i].Start <= e.End {
			return false
		}
	}
	return true
}

// identical reports whether accepted holds an edit equal to e.
func identical(accepted []checks.Edit, e checks.Edit) bool {
	i := sort.Search(len(accepted), func(i int) bool { return accepted[i].Start >= e.Start })
	for ; i < len(accepted) && accepted[i].Start == e.Start; i++ {
		if accepted[i] == e {
			return true
		}
	}
	return false
}

func insertAt[T any](s []T, i int, v T) []T {
	var zero T
	s = append(s, zero)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}
