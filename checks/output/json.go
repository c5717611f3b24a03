package output

import (
	"bytes"
	"encoding/json"

	"github.com/py314/py314/checks"
)

// jsonDiagnostic is one element of the json format: Ruff's fields, in
// Ruff's (alphabetical) order, plus severity.
type jsonDiagnostic struct {
	Cell        *int     `json:"cell"`
	Code        string   `json:"code"`
	EndLocation location `json:"end_location"`
	Filename    string   `json:"filename"`
	Fix         *jsonFix `json:"fix"`
	Location    location `json:"location"`
	Message     string   `json:"message"`
	Name        string   `json:"name"`
	NoqaRow     int      `json:"noqa_row"`
	Severity    string   `json:"severity"`
	URL         string   `json:"url"`
}

type jsonFix struct {
	Applicability string     `json:"applicability"`
	Edits         []jsonEdit `json:"edits"`
	Message       string     `json:"message"`
}

type jsonEdit struct {
	Content     string   `json:"content"`
	EndLocation location `json:"end_location"`
	Location    location `json:"location"`
}

func toJSON(it *item, opts *Options) jsonDiagnostic {
	d := it.d
	out := jsonDiagnostic{
		Code:        it.code,
		EndLocation: it.end,
		Filename:    it.abs,
		Location:    it.start,
		Message:     d.Message,
		Name:        d.Rule.Name,
		NoqaRow:     it.start.Line, // a suppression comment on the first line always applies
		Severity:    it.severity.String(),
		URL:         opts.DocsURL(it.code),
	}
	if d.Fix != nil {
		fix := &jsonFix{Applicability: d.Fix.Applicability.String(), Message: d.Fix.Title, Edits: []jsonEdit{}}
		for _, e := range d.Fix.Edits {
			fix.Edits = append(fix.Edits, jsonEdit{
				Content:     e.New,
				EndLocation: locate(it.file, e.End),
				Location:    locate(it.file, e.Start),
			})
		}
		out.Fix = fix
	}
	return out
}

// encode writes v as JSON, with indent when it is not empty, without
// escaping <, > and &.
func encode(buf *bytes.Buffer, v any, indent string) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	return enc.Encode(v)
}

// writeJSON writes an array of Ruff-style diagnostic objects, indented by
// two spaces.
func writeJSON(buf *bytes.Buffer, items []item, opts *Options) error {
	out := make([]jsonDiagnostic, len(items))
	for i := range items {
		out[i] = toJSON(&items[i], opts)
	}
	return encode(buf, out, "  ")
}

// writeJSONLines writes one compact diagnostic object per line.
func writeJSONLines(buf *bytes.Buffer, items []item, opts *Options) error {
	for i := range items {
		if err := encode(buf, toJSON(&items[i], opts), ""); err != nil {
			return err
		}
	}
	return nil
}

// gitlabIssue is one element of GitLab's Code Quality report (the Code
// Climate issue format, as far as GitLab reads it).
type gitlabIssue struct {
	CheckName   string         `json:"check_name"`
	Description string         `json:"description"`
	Severity    string         `json:"severity"`
	Fingerprint string         `json:"fingerprint"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path      string          `json:"path"`
	Positions gitlabPositions `json:"positions"`
}

type gitlabPositions struct {
	Begin gitlabPosition `json:"begin"`
	End   gitlabPosition `json:"end"`
}

type gitlabPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// gitlabSeverities maps severities to Code Climate's.
var gitlabSeverities = [...]string{checks.Info: "info", checks.Warning: "minor", checks.Error: "major"}

// writeGitLab writes a GitLab Code Quality report. GitLab shows only the
// description, so it starts with the code, as Ruff's does.
func writeGitLab(buf *bytes.Buffer, items []item, _ *Options) error {
	out := make([]gitlabIssue, len(items))
	for i := range items {
		it := &items[i]
		out[i] = gitlabIssue{
			CheckName:   it.code,
			Description: it.code + ": " + it.d.Message,
			Severity:    gitlabSeverities[it.severity],
			Fingerprint: it.fingerprint,
			Location: gitlabLocation{
				Path: it.rel,
				Positions: gitlabPositions{
					Begin: gitlabPosition{it.start.Line, it.start.Column},
					End:   gitlabPosition{it.end.Line, it.end.Column},
				},
			},
		}
	}
	return encode(buf, out, "  ")
}
