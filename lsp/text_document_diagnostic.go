package lsp

import (
	"context"
	"encoding/json"
	"strconv"
)

// documentDiagnostic answers textDocument/diagnostic, for clients that
// pull diagnostics instead of having them pushed. The result id names the
// snapshot, so an unchanged document with unchanged settings reports
// "unchanged".
func (s *server) documentDiagnostic(raw *json.RawMessage) (backgroundFunc, error) {
	var p documentDiagnosticParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	sn, err := s.open(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) (any, error) {
		id := strconv.FormatUint(sn.id, 10)
		if p.PreviousResultID == id {
			return unchangedDocumentDiagnosticReport{Kind: "unchanged", ResultID: id}, nil
		}
		a := sn.analyze()
		if a.configErr != nil {
			s.reportConfigError(a.configErr)
		}
		return fullDocumentDiagnosticReport{Kind: "full", ResultID: id, Items: s.diagnostics(sn)}, nil
	}, nil
}
