package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	protocol "github.com/sourcegraph/go-lsp"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/rules"
	"github.com/py314/py314/parser/token"
)

// hover answers textDocument/hover. On a code in a noqa comment it shows
// what that rule is about; on the range of a diagnostic it shows the
// same for the diagnostic's rule. Elsewhere the answer is null.
func (s *server) hover(raw *json.RawMessage) (backgroundFunc, error) {
	var p protocol.TextDocumentPositionParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	sn, err := s.open(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off, err := sn.mapper().offset(p.Position)
	if err != nil {
		return nil, invalidParams("%v", err)
	}
	return func(ctx context.Context) (any, error) {
		a := sn.analyze()
		pos := token.Pos(off)
		for _, sup := range checks.ParseSuppressions(a.file) {
			for i, code := range sup.Codes {
				sp := sup.Spans[i]
				if sp.Start <= pos && pos <= sp.End {
					r := s.rule(code)
					if r == nil {
						return nil, nil
					}
					return s.hoverFor(sn, sp, []*checks.Rule{r}), nil
				}
			}
		}
		var found []*checks.Rule
		var span token.Span
		for _, d := range a.diags {
			if d.Span.Start <= pos && pos <= d.Span.End {
				if len(found) == 0 {
					span = d.Span
				}
				span.Start, span.End = min(span.Start, d.Span.Start), max(span.End, d.Span.End)
				if !containsRule(found, d.Rule) {
					found = append(found, d.Rule)
				}
			}
		}
		if len(found) == 0 {
			return nil, nil
		}
		return s.hoverFor(sn, span, found), nil
	}, nil
}

// rule returns the rule with a code or name, or nil.
func (s *server) rule(code string) *checks.Rule {
	for _, r := range s.rules {
		if strings.EqualFold(r.Code, code) || r.Name == code {
			return r
		}
	}
	return nil
}

func containsRule(list []*checks.Rule, r *checks.Rule) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// hoverFor shows the rules' codes, names, summaries and pages.
func (s *server) hoverFor(sn *snapshot, span token.Span, rs []*checks.Rule) hover {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		summary := r.Summary
		if summary != "" && summary[0] != '`' {
			summary = strings.ToUpper(summary[:1]) + summary[1:]
		}
		if s.client.markdown {
			fmt.Fprintf(&b, "**%s** `%s`\n\n%s.\n\n[Documentation](%s)", r.Code, r.Name, summary, rules.DocsURL(r.Code))
		} else {
			fmt.Fprintf(&b, "%s %s\n\n%s.\n\n%s", r.Code, r.Name, summary, rules.DocsURL(r.Code))
		}
	}
	kind := "plaintext"
	if s.client.markdown {
		kind = "markdown"
	}
	return hover{
		Contents: markupContent{Kind: kind, Value: b.String()},
		Range:    sn.mapper().rangeOf(span.Start, span.End),
	}
}
