package config

import (
	"strings"
	"testing"

	"github.com/py314/py314/checks"
)

// testRules is a small rule set: two families, default and opt-in rules.
func testRules() []*checks.Rule {
	return []*checks.Rule{
		{Code: "DA001", Name: "data-one", Default: true},
		{Code: "FT001", Name: "thread-one", Default: true},
		{Code: "FT002", Name: "thread-two"},
		{Code: "FT010", Name: "thread-ten", Default: true},
		checks.SyntaxErrorRule,
		checks.UnusedSuppressionRule,
	}
}

func codes(rules []*checks.Rule) string {
	var s []string
	for _, r := range rules {
		s = append(s, r.Code)
	}
	return strings.Join(s, " ")
}

func TestSelect(t *testing.T) {
	all := testRules()
	for _, c := range []struct {
		name   string
		layers []Selection
		want   string // codes, or "error: ..."
	}{
		{"defaults", nil, "DA001 FT001 FT010 PY001 PY002"},
		{"empty layer keeps defaults", []Selection{{}}, "DA001 FT001 FT010 PY001 PY002"},
		{"select code", []Selection{{Select: []string{"FT002"}}}, "FT002"},
		{"select family", []Selection{{Select: []string{"FT"}}}, "FT001 FT002 FT010"},
		{"select prefix", []Selection{{Select: []string{"FT00"}}}, "FT001 FT002"},
		{"select digit prefix", []Selection{{Select: []string{"PY"}, Ignore: []string{"PY0"}}}, ""},
		{"select ALL", []Selection{{Select: []string{"ALL"}}}, "DA001 FT001 FT002 FT010 PY001 PY002"},
		{"select name", []Selection{{Select: []string{"unused-suppression", "thread-two"}}}, "FT002 PY002"},
		{"empty select selects nothing", []Selection{{Select: []string{}}}, ""},
		{"extend defaults", []Selection{{ExtendSelect: []string{"FT002"}}}, "DA001 FT001 FT002 FT010 PY001 PY002"},
		{"ignore after extend", []Selection{{ExtendSelect: []string{"FT002"}, Ignore: []string{"FT"}}}, "DA001 PY001 PY002"},
		{"ignore ALL", []Selection{{Ignore: []string{"ALL"}}}, ""},
		{"select ALL ignore family", []Selection{{Select: []string{"ALL"}, Ignore: []string{"FT", "syntax-error"}}}, "DA001 PY002"},
		{"later select replaces", []Selection{
			{Select: []string{"FT"}, Ignore: []string{"FT001"}},
			{Select: []string{"FT001"}},
		}, "FT001"},
		{"later extend re-enables an ignored rule", []Selection{
			{Ignore: []string{"FT001"}},
			{ExtendSelect: []string{"FT001"}},
		}, "DA001 FT001 FT010 PY001 PY002"},
		{"later layer without select keeps", []Selection{
			{Select: []string{"DA"}},
			{ExtendSelect: []string{"PY002"}, Ignore: []string{"DA001"}},
		}, "PY002"},
		{"unknown code", []Selection{{Select: []string{"FT003"}}}, `error: select: unknown rule selector "FT003"`},
		{"unknown family", []Selection{{ExtendSelect: []string{"ZS"}}}, `error: extend-select: unknown rule selector "ZS"`},
		{"one letter", []Selection{{Ignore: []string{"F"}}}, `error: ignore: unknown rule selector "F"`},
		{"too long", []Selection{{Ignore: []string{"FT0010"}}}, `error: ignore: unknown rule selector "FT0010"`},
		{"lower case code", []Selection{{Select: []string{"ft001"}}}, `error: select: unknown rule selector "ft001" (did you mean "FT001"?)`},
		{"snake case name", []Selection{{Select: []string{"syntax_error"}}}, `error: select: unknown rule selector "syntax_error" (did you mean "syntax-error"?)`},
		{"upper case name", []Selection{{Select: []string{"Syntax-Error"}}}, `error: select: unknown rule selector "Syntax-Error" (did you mean "syntax-error"?)`},
		{"mixed case without hint", []Selection{{Select: []string{"Foo"}}}, `error: select: unknown rule selector "Foo"`},
		{"empty selector", []Selection{{Select: []string{""}}}, `error: select: unknown rule selector ""`},
		{"all lower case", []Selection{{Select: []string{"all"}}}, `error: select: unknown rule selector "all" (did you mean "ALL"?)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rules, err := Select(all, c.layers...)
			got := codes(rules)
			if err != nil {
				got = "error: " + err.Error()
			}
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
