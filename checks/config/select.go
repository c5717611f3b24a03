package config

import (
	"fmt"
	"strings"

	"github.com/py314/py314/checks"
)

// Selection is one layer of rule selection: a configuration file, the
// command line or an editor's settings.
//
// A selector is "ALL", a rule code ("FT001"), a code prefix of a family and
// zero to two more digits ("FT", "PY1", "FT00") or a rule name
// ("unused-suppression").
type Selection struct {
	// Select, when not nil, replaces everything selected before it: by
	// the earlier layers, or, in the first layer, the default rule set.
	// An empty, non-nil Select selects nothing.
	Select []string
	// ExtendSelect adds rules to the selection.
	ExtendSelect []string
	// Ignore removes rules from the selection, after ExtendSelect.
	Ignore []string
}

// Select returns the rules of all that the layers select, in the order of
// all. The first layer starts from its Select, or from the rules with
// Default set when its Select is nil; each layer then adds its
// ExtendSelect and removes its Ignore. A later layer with a Select starts
// over from it. With no layers, Select returns the default rules.
//
// The error names the first selector that matches no rule.
func Select(all []*checks.Rule, layers ...Selection) ([]*checks.Rule, error) {
	on := make(map[*checks.Rule]bool, len(all))
	for _, r := range all {
		on[r] = r.Default
	}
	for _, l := range layers {
		if l.Select != nil {
			clear(on)
			if err := setRules(all, l.Select, on, true); err != nil {
				return nil, fmt.Errorf("select: %w", err)
			}
		}
		if err := setRules(all, l.ExtendSelect, on, true); err != nil {
			return nil, fmt.Errorf("extend-select: %w", err)
		}
		if err := setRules(all, l.Ignore, on, false); err != nil {
			return nil, fmt.Errorf("ignore: %w", err)
		}
	}
	var out []*checks.Rule
	for _, r := range all {
		if on[r] {
			out = append(out, r)
		}
	}
	return out, nil
}

// setRules sets on[r] to v for every rule r that one of selectors matches.
func setRules(all []*checks.Rule, selectors []string, on map[*checks.Rule]bool, v bool) error {
	for _, s := range selectors {
		rules, err := Match(all, s)
		if err != nil {
			return err
		}
		for _, r := range rules {
			on[r] = v
		}
	}
	return nil
}

// Match returns the rules of all that the selector s matches, in the order
// of all, or an error if s is not a selector or matches no rule.
func Match(all []*checks.Rule, s string) ([]*checks.Rule, error) {
	out := match(all, s)
	if len(out) == 0 {
		return nil, unknownSelector(all, s)
	}
	return out, nil
}

// match returns the rules of all that s matches.
func match(all []*checks.Rule, s string) []*checks.Rule {
	var out []*checks.Rule
	switch {
	case s == "ALL":
		out = append(out, all...)
	case isCodePrefix(s):
		for _, r := range all {
			if strings.HasPrefix(r.Code, s) {
				out = append(out, r)
			}
		}
	default:
		for _, r := range all {
			if r.Name == s {
				out = append(out, r)
			}
		}
	}
	return out
}

// unknownSelector returns the error for a selector that matches nothing,
// with a hint when a differently spelled selector would match.
func unknownSelector(all []*checks.Rule, s string) error {
	for _, alt := range []string{strings.ToUpper(s), strings.ToLower(strings.ReplaceAll(s, "_", "-"))} {
		if alt == s {
			continue
		}
		if len(match(all, alt)) > 0 {
			return fmt.Errorf("unknown rule selector %q (did you mean %q?)", s, alt)
		}
	}
	return fmt.Errorf("unknown rule selector %q", s)
}

// isCodePrefix reports whether s has the form of a code or a code prefix:
// two upper-case letters and up to three digits.
func isCodePrefix(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i < 2 && (c < 'A' || c > 'Z') || i >= 2 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
