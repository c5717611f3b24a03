package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"
	"sync"
)

//go:embed report.html.tmpl
var pageTemplate string

// page returns the parsed page template, parsed on first use so that the
// commands that write no report do not pay for it at start-up.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"plural": plural,
	}).Parse(pageTemplate))
})

// familyColors are the chart colours of the families; other prefixes get
// otherColor.
var familyColors = map[string]string{
	"FT": "#e8590c",
	"DA": "#1971c2",
	"ZS": "#2b8a3e",
	"PY": "#7048e8",
}

const otherColor = "#868e96"

func familyColor(f string) string {
	if c, ok := familyColors[f]; ok {
		return c
	}
	return otherColor
}

// HTML writes the report of in as one self-contained HTML page.
func HTML(w io.Writer, in *Input) error {
	m, err := build(in)
	if err != nil {
		return err
	}
	m.Chart = template.HTML(chart(m))
	m.Legend = legend(m)
	var buf bytes.Buffer
	if err := page().Execute(&buf, m); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// A legendItem is one family in the chart's legend.
type legendItem struct {
	Code, Name string
	Color      template.CSS
}

func legend(m *model) []legendItem {
	var out []legendItem
	for _, f := range m.Families {
		out = append(out, legendItem{Code: f.Code, Name: f.Name, Color: template.CSS("background:" + familyColor(f.Code))})
	}
	return out
}

// The chart's geometry, in SVG user units.
const (
	chartWidth = 760
	labelWidth = 200
	countWidth = 130
	barHeight  = 22
	rowHeight  = 32
	topPad     = 8
)

// chart returns the inline SVG of the findings per top-level package: one
// horizontal bar per package, split by family, scaled to the package with
// the most findings.
func chart(m *model) string {
	var b strings.Builder
	pkgs := chartPackages(m)
	most := 0
	for _, p := range pkgs {
		most = max(most, p.Total())
	}
	height := topPad*2 + rowHeight*len(pkgs)
	fmt.Fprintf(&b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title">`,
		chartWidth, height, chartWidth, height)
	b.WriteString(`<title id="chart-title">Findings per top-level package, by family</title>`)
	barArea := chartWidth - labelWidth - countWidth
	for i, p := range pkgs {
		y := topPad + i*rowHeight
		fmt.Fprintf(&b, `<g class="bar"><title>%s</title>`, html.EscapeString(barTitle(m, &p)))
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" class="label">%s</text>`,
			labelWidth-10, y+barHeight/2+5, html.EscapeString(shortLabel(p.Name, 26)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" class="track"/>`, labelWidth, y, barArea, barHeight)
		x := float64(labelWidth)
		for fi, n := range p.ByFamily {
			if n == 0 {
				continue
			}
			w := float64(barArea) * float64(n) / float64(most)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>`, x, y, w, barHeight, familyColor(m.families[fi]))
			x += w
		}
		text := "clean"
		if t := p.Total(); t > 0 {
			text = plural(t, "finding")
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="count">%s · %s</text>`,
			labelWidth+barArea+10, y+barHeight/2+5, text, plural(p.Files, "file"))
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// maxBars is the most bars the chart has; the packages beyond share one.
const maxBars = 30

// chartPackages returns the packages the chart shows: the first maxBars-1
// of m.Packages and, when there are more, one row adding up the others.
func chartPackages(m *model) []packageRow {
	if len(m.Packages) <= maxBars {
		return m.Packages
	}
	pkgs := append([]packageRow(nil), m.Packages[:maxBars-1]...)
	rest := m.Packages[maxBars-1:]
	other := packageRow{Name: plural(len(rest), "other package"), ByFamily: make([]int, len(m.families))}
	for _, p := range rest {
		other.Files += p.Files
		other.counts.Errors += p.Errors
		other.counts.Warnings += p.Warnings
		other.counts.Info += p.Info
		for i, n := range p.ByFamily {
			other.ByFamily[i] += n
		}
	}
	return append(pkgs, other)
}

// barTitle is the tooltip of a package's bar: its counts per family.
func barTitle(m *model, p *packageRow) string {
	var parts []string
	for fi, n := range p.ByFamily {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", m.families[fi], n))
		}
	}
	if len(parts) == 0 {
		return p.Name + ": no findings"
	}
	return p.Name + ": " + strings.Join(parts, ", ")
}

// shortLabel shortens s to n characters, marking the cut with "…".
func shortLabel(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return cut(s, n-1) + "…"
}
