package config

import "testing"

func TestLowestMinor(t *testing.T) {
	for _, c := range []struct{ spec, want string }{
		{">=3.9", "3.9"},
		{">= 3.9", "3.9"},
		{">=3.9,<4", "3.9"},
		{">=3.9, <4.0", "3.9"},
		{"~=3.10", "3.10"},
		{"~=3.10.2", "3.10"},
		{"==3.11.*", "3.11"},
		{"==3.11", "3.11"},
		{"==3.11.4", "3.11"},
		{"===3.12", "3.12"},
		{"==3.*", "3.0"},
		{">3.9", "3.10"},
		{">3.9.1", "3.9"},
		{">3", "3.1"},
		{">=3.9.2", "3.9"},
		{">=3.13.0b1", "3.13"},
		{">=3.12.post1", "3.12"},
		{">=3.10+local", "3.10"},
		{"v3.10", "error"},
		{">=v3.10", "3.10"},
		{">=0!3.10", "3.10"},
		{">=3.9,!=3.9.*", "3.10"},
		{">=3.9,!=3.9.1", "3.9"},
		{">=3.9,!=3.9", "3.9"},
		{"!=3.*,>=3.0", "4.0"},
		{"<3.10,>=3.8", "3.8"},
		{">=3.10,<3.10.1", "3.10"},
		{">=3.10,<3.10", "error"},
		{">=3.10,<=3.9", "error"},
		{"==2.7.*", "2.7"},
		{"<=3.11", "0.0"},
		{"", "error"},
		{">=three", "error"},
		{"3.9", "error"},
		{">=3.9,", "error"},
		{"~=3", "error"},
		{">=3.*", "error"},
		{"==3.9.*.1", "error"},
		{">=1!3.9", "error"},
		{">=3.9.", "error"},
		{">=3.9-", "error"},
		{">=3.9 and <4", "error"},
	} {
		v, err := lowestMinor(c.spec)
		got := v.String()
		if err != nil {
			got = "error"
		}
		if got != c.want {
			t.Errorf("lowestMinor(%q) = %s (%v), want %s", c.spec, got, err, c.want)
		}
	}
}

func TestLowestMinorErrors(t *testing.T) {
	for _, c := range []struct{ spec, want string }{
		{">=three", `invalid version specifier ">=three"`},
		{">=3.10,<3.10", `version specifier ">=3.10,<3.10" allows no Python version`},
	} {
		_, err := lowestMinor(c.spec)
		if err == nil || err.Error() != c.want {
			t.Errorf("lowestMinor(%q): got error %v, want %s", c.spec, err, c.want)
		}
	}
}
