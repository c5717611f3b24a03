package lsp

import (
	"context"
	"encoding/json"

	protocol "github.com/sourcegraph/go-lsp"
	"github.com/sourcegraph/jsonrpc2"

	"github.com/py314/py314/checks"
)

// codeRequestFailed is LSP 3.17's error for a request that was valid but
// could not be carried out.
const codeRequestFailed = -32803

// commandArgs is the argument of py314's commands: the document, and
// optionally the version the command was made for.
type commandArgs struct {
	URI     protocol.DocumentURI `json:"uri"`
	Version *int                 `json:"version,omitempty"`
}

// executeCommand answers workspace/executeCommand. Each command takes one
// argument, {"uri": ..., "version": ...} or the URI alone, computes edits
// of that document and sends them to the client with workspace/applyEdit:
//
//	py314.applyAutofix      the fixes the settings allow, to a fixpoint
//	py314.applyUnsafeFixes  the safe and the unsafe fixes, to a fixpoint
//	py314.addNoqa           a noqa comment for every diagnostic
func (s *server) executeCommand(raw *json.RawMessage) (backgroundFunc, error) {
	var p executeCommandParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	switch p.Command {
	case commandApplyAutofix, commandApplyUnsafeFixes, commandAddNoqa:
	default:
		return nil, invalidParams("unknown command %q", p.Command)
	}
	if len(p.Arguments) != 1 {
		return nil, invalidParams("%s takes one argument, the document, not %d", p.Command, len(p.Arguments))
	}
	var args commandArgs
	if err := json.Unmarshal(p.Arguments[0], &args); err != nil {
		if err := json.Unmarshal(p.Arguments[0], &args.URI); err != nil {
			return nil, invalidParams("%s: the argument must be {\"uri\": ..., \"version\": ...} or a URI", p.Command)
		}
	}
	sn, err := s.open(args.URI)
	if err != nil {
		return nil, err
	}
	if args.Version != nil && *args.Version != sn.version {
		return nil, contentModified(sn)
	}
	if !s.client.applyEdit {
		return nil, &jsonrpc2.Error{Code: codeRequestFailed, Message: "the client cannot apply edits (workspace/applyEdit)"}
	}
	return func(ctx context.Context) (any, error) {
		a := sn.analyze()
		if a.configErr != nil {
			return nil, &jsonrpc2.Error{Code: codeRequestFailed, Message: a.configErr.Error()}
		}
		var edits []protocol.TextEdit
		var label string
		switch p.Command {
		case commandApplyAutofix:
			label = "py314: Fix all auto-fixable problems"
			edits = s.fixAll(sn, minApplicability(a.settings.UnsafeFixes))
		case commandApplyUnsafeFixes:
			label = "py314: Fix all problems, with unsafe fixes"
			edits = s.fixAll(sn, checks.Unsafe)
		case commandAddNoqa:
			label = "py314: Disable every problem with noqa comments"
			edits = sn.textEdits(checks.NoqaEdits(sn.tokenFile(), a.diags))
		}
		if len(edits) == 0 || ctx.Err() != nil {
			return nil, nil
		}
		var res applyWorkspaceEditResult
		if err := s.call(ctx, "workspace/applyEdit", applyWorkspaceEditParams{Label: label, Edit: *s.workspaceEdit(sn, edits)}, &res); err != nil {
			return nil, &jsonrpc2.Error{Code: codeRequestFailed, Message: "workspace/applyEdit: " + err.Error()}
		}
		if !res.Applied {
			msg := "the client did not apply the edit"
			if res.FailureReason != "" {
				msg += ": " + res.FailureReason
			}
			return nil, &jsonrpc2.Error{Code: codeRequestFailed, Message: msg}
		}
		return nil, nil
	}, nil
}
