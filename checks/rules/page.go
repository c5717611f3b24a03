package rules

import (
	"fmt"
	"strings"

	"github.com/py314/py314/checks"
)

// DocsURL returns the address of a rule's page.
func DocsURL(code string) string { return "https://py314.dev/rules/" + code }

var familyNames = map[string]string{
	"FT": "Free threading",
	"DA": "Deferred annotations (PEP 649/749)",
	"ZS": "Zstandard and compression (PEP 784)",
	"PY": "Other Python 3.14 porting",
}

// FamilyName returns the title of a rule family ("FT", "DA", "ZS", "PY"),
// or "" for a prefix that is not a family.
func FamilyName(family string) string { return familyNames[family] }

// Page renders a rule's documentation page in Markdown: a title, a table
// of its properties, and its Doc.
func Page(r *checks.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", r.Code, r.Name)
	fmt.Fprintf(&b, "%s.\n\n", capitalize(r.Summary))
	b.WriteString("| Property | Value |\n|---|---|\n")
	fmt.Fprintf(&b, "| Family | %s (%s) |\n", r.Family(), familyNames[r.Family()])
	fmt.Fprintf(&b, "| Severity | %s |\n", r.Severity)
	def := "no (select it with `" + r.Code + "`)"
	if r.Default {
		def = "yes"
	}
	fmt.Fprintf(&b, "| In the default set | %s |\n", def)
	fmt.Fprintf(&b, "| Fix | %s |\n\n", r.Fix)
	b.WriteString(strings.TrimSpace(r.Doc))
	b.WriteString("\n")
	return b.String()
}

// Index renders the table of all rules in Markdown.
func Index(all []*checks.Rule) string {
	var b strings.Builder
	b.WriteString("# py314 rules\n\n")
	b.WriteString("Every rule py314 has, by family. Select rules by code (`FT001`), by prefix (`FT`, `PY1`), by\n")
	b.WriteString("name (`unused-suppression`) or with `ALL`; rules marked \"no\" under *Default* run only when selected.\n")
	b.WriteString("This page and the rule pages are generated from the rules' own documentation.\n")
	last := ""
	for _, r := range all {
		if f := r.Family(); f != last {
			last = f
			fmt.Fprintf(&b, "\n## %s: %s\n\n", f, familyNames[f])
			b.WriteString("| Code | Name | Summary | Severity | Default | Fix |\n|---|---|---|---|---|---|\n")
		}
		def := "no"
		if r.Default {
			def = "yes"
		}
		fmt.Fprintf(&b, "| [%s](rules/%s.md) | %s | %s | %s | %s | %s |\n", r.Code, r.Code, r.Name,
			strings.ReplaceAll(r.Summary, "|", "\\|"), r.Severity, def, r.Fix)
	}
	return b.String()
}

func capitalize(s string) string {
	if s == "" || s[0] == '`' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
