package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// maxMarkdownFindings is the most findings the Markdown report lists, so
// that it fits in a pull-request comment (GitHub takes 65,536 characters).
const maxMarkdownFindings = 200

// maxMarkdownPackages is the most packages the Markdown report lists.
const maxMarkdownPackages = 25

// Markdown writes the report of in as GitHub-flavoured Markdown, for a
// pull-request comment: the verdict per family, the counts per severity,
// a table per top-level package with text bars, the worst files, and the
// findings (at most 200) in a collapsed section.
func Markdown(w io.Writer, in *Input) error {
	m, err := build(in)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "## Python 3.14 readiness: %s — %s\n\n", mdText(m.Project), verdictMark(m.Verdict))
	fmt.Fprintf(&b, "%s\n\n", m.Headline)
	fmt.Fprintf(&b, "py314 %s checked %s with %s; %s.\n\n",
		mdText(m.Version), plural(m.FilesChecked, "file"), plural(m.RulesEnabled, "rule"), plural(m.FilesAffected, "file")+" with findings")

	b.WriteString("| Family | Verdict | Errors | Warnings | Info | Files affected | Safe fixes |\n")
	b.WriteString("|---|---|--:|--:|--:|--:|--:|\n")
	for _, f := range m.Families {
		name := f.Code
		if f.Name != "" {
			name = "**" + f.Code + "** " + mdText(f.Name)
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %d | %d |\n", name, verdictMark(f.Verdict), f.Errors, f.Warnings, f.Info, f.Files, f.Fixable)
	}
	fmt.Fprintf(&b, "\n**%s**: %s, %s, %d info",
		plural(m.Total.Total(), "finding"), plural(m.Total.Errors, "error"), plural(m.Total.Warnings, "warning"), m.Total.Info)
	if m.Fixable > 0 {
		fmt.Fprintf(&b, "; %s (`py314 check --fix`)", plural(m.Fixable, "safe fix"))
	}
	b.WriteString(".\n")

	if len(m.Packages) > 0 {
		b.WriteString("\n### Findings per top-level package\n\n")
		b.WriteString("| Package | Files | Findings |")
		for _, f := range m.families {
			fmt.Fprintf(&b, " %s |", f)
		}
		b.WriteString(" |\n|---|--:|--:|")
		for range m.families {
			b.WriteString("--:|")
		}
		b.WriteString("---|\n")
		most := 0
		for _, p := range m.Packages {
			most = max(most, p.Total())
		}
		for i, p := range m.Packages {
			if i == maxMarkdownPackages {
				fmt.Fprintf(&b, "\n…and %s more.\n", plural(len(m.Packages)-i, "package"))
				break
			}
			fmt.Fprintf(&b, "| `%s` | %d | %d |", mdCode(p.Name), p.Files, p.Total())
			for _, n := range p.ByFamily {
				fmt.Fprintf(&b, " %d |", n)
			}
			fmt.Fprintf(&b, " %s |\n", textBar(p.Total(), most))
		}
	}

	if len(m.Worst) > 0 {
		b.WriteString("\n### Worst files\n\n| File | Errors | Warnings | Info |\n|---|--:|--:|--:|\n")
		for _, f := range m.Worst {
			fmt.Fprintf(&b, "| `%s` | %d | %d | %d |\n", mdCode(f.Path), f.Errors, f.Warnings, f.Info)
		}
	}

	if total := m.Total.Total(); total > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", plural(total, "finding"))
		b.WriteString("| Location | Rule | Severity | Finding | Fix |\n|---|---|---|---|---|\n")
		n := 0
	files:
		for _, f := range m.Files {
			for _, d := range f.Findings {
				if n == maxMarkdownFindings {
					break files
				}
				n++
				fix := "none"
				if d.Fix != "" {
					fix = d.Fix
				}
				fmt.Fprintf(&b, "| `%s:%d:%d` | [%s](%s) | %s | %s | %s |\n",
					mdCode(f.Path), d.Line, d.Column, d.Code, d.URL, d.Severity, mdMessage(d.MessageParts), fix)
			}
		}
		if n < total {
			fmt.Fprintf(&b, "\n…and %s more; the HTML report (`py314 report -o report.html`) lists them all.\n", plural(total-n, "finding"))
		}
		b.WriteString("\n</details>\n")
	}
	_, err = w.Write(b.Bytes())
	return err
}

// verdictMark returns a verdict with an emoji that GitHub shows in colour.
func verdictMark(v Verdict) string {
	switch v {
	case Ready:
		return "✅ Ready"
	case Review:
		return "⚠️ Needs review"
	case Blocked:
		return "❌ Blocked"
	}
	return "➖ Not checked"
}

// textBar returns a bar of up to 20 blocks for n of most.
func textBar(n, most int) string {
	if n == 0 || most == 0 {
		return ""
	}
	w := (n*20 + most - 1) / most
	return strings.Repeat("█", w)
}

// mdText escapes text for a Markdown table cell: the cell separator, line
// breaks, and characters that would start HTML.
func mdText(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ")
	return r.Replace(s)
}

// mdMessage renders a message for a table cell: its code spans as code
// spans, its text with Markdown's punctuation escaped, so that "__init__"
// or "<module>" outside a code span show as they are.
func mdMessage(parts []messagePart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Code {
			b.WriteString("`" + mdCode(p.Text) + "`")
			continue
		}
		for _, r := range p.Text {
			switch r {
			case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~':
				b.WriteByte('\\')
			case '\n', '\r':
				r = ' '
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode escapes text for a code span in a table cell.
func mdCode(s string) string {
	return strings.NewReplacer("|", `\|`, "`", "'", "\n", " ").Replace(s)
}
