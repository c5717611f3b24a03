package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	protocol "github.com/sourcegraph/go-lsp"
	"github.com/sourcegraph/jsonrpc2"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/fixes"
)

// What a code action does, as recorded in its data for codeAction/resolve.
const (
	actionFix    = "fix"    // apply the fix of one diagnostic
	actionNoqa   = "noqa"   // add a noqa comment for one diagnostic
	actionFixAll = "fixAll" // apply every fix the settings allow
)

// codeAction answers textDocument/codeAction: for each diagnostic in the
// range, or among those the client sends, a quick fix when it has a fix
// the settings allow, and one that disables it on its line with a noqa
// comment; and source.fixAll.py314 when some fix applies. The fixable
// and unfixable settings limit fix-all and the commands, not the quick
// fixes, which the user applies one by one. A client that resolves code
// actions gets them without their edits; one that knows no code action
// literals gets the commands instead.
func (s *server) codeAction(raw *json.RawMessage) (backgroundFunc, error) {
	var p codeActionParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	sn, err := s.open(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	start, end, err := sn.mapper().span(p.Range)
	if err != nil {
		return nil, invalidParams("%v", err)
	}
	return func(ctx context.Context) (any, error) {
		if !s.client.literals {
			return s.codeActionCommands(sn), nil
		}
		return s.codeActions(ctx, sn, start, end, p.Context), nil
	}, nil
}

func (s *server) codeActions(ctx context.Context, sn *snapshot, start, end int, cc codeActionContext) []codeAction {
	actions := []codeAction{}
	a := sn.analyze()
	if a.configErr != nil {
		return actions
	}
	unsafe := a.settings.UnsafeFixes
	if want(cc.Only, kindQuickFix) {
		inContext := map[string]bool{}
		for _, d := range cc.Diagnostics {
			inContext[d.Code+" "+d.Range.String()] = true
		}
		var fixActions, noqaActions []codeAction
		noqaLines := map[string]bool{}
		for _, d := range a.diags {
			pd := sn.protocolDiagnostic(d)
			if int(d.Span.Start) > end || int(d.Span.End) < start {
				if !inContext[pd.Code+" "+pd.Range.String()] {
					continue
				}
			}
			data := &actionData{URI: sn.uri, Version: sn.version, Code: d.Rule.Code, Start: int(d.Span.Start), End: int(d.Span.End)}
			if f := d.Fix; f != nil && (f.Applicability == checks.Safe || f.Applicability == checks.Unsafe && unsafe) {
				title := f.Title
				if f.Applicability == checks.Unsafe {
					title += " (unsafe fix)"
				}
				fd := *data
				fd.Action = actionFix
				fixActions = append(fixActions, s.finish(sn, codeAction{
					Title:       title,
					Kind:        kindQuickFix,
					Diagnostics: []diagnostic{pd},
					IsPreferred: f.Applicability == checks.Safe,
					Data:        &fd,
				}))
			}
			line := pd.Range.Start.Line
			key := fmt.Sprintf("%s %d", d.Rule.Code, line)
			if d.Rule != checks.SyntaxErrorRule && !noqaLines[key] {
				noqaLines[key] = true
				nd := *data
				nd.Action = actionNoqa
				noqaActions = append(noqaActions, s.finish(sn, codeAction{
					Title:       fmt.Sprintf("Disable %s for this line", d.Rule.Code),
					Kind:        kindQuickFix,
					Diagnostics: []diagnostic{pd},
					Data:        &nd,
				}))
			}
			if ctx.Err() != nil {
				return nil
			}
		}
		actions = append(actions, fixActions...)
		actions = append(actions, noqaActions...)
	}
	if want(cc.Only, kindFixAll) && sn.hasFixes(minApplicability(unsafe)) {
		actions = append(actions, s.finish(sn, codeAction{
			Title: "py314: Fix all auto-fixable problems",
			Kind:  kindFixAll,
			Data:  &actionData{URI: sn.uri, Version: sn.version, Action: actionFixAll},
		}))
	}
	return actions
}

// want reports whether a code action of kind is asked for: only is empty,
// or kind is one of its kinds or under one ("source" covers
// "source.fixAll.py314").
func want(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == kind || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

func minApplicability(unsafe bool) checks.Applicability {
	if unsafe {
		return checks.Unsafe
	}
	return checks.Safe
}

// finish completes a code action for the client: with its edit now, or,
// when the client resolves code actions, with the data to compute it.
func (s *server) finish(sn *snapshot, ca codeAction) codeAction {
	if s.client.resolve {
		return ca
	}
	edits, err := s.actionEdits(sn, ca.Data)
	ca.Data = nil
	if err == nil {
		ca.Edit = s.workspaceEdit(sn, edits)
	}
	return ca
}

// codeActionCommands are the code actions as commands, for clients that
// know no code action literals.
func (s *server) codeActionCommands(sn *snapshot) []protocol.Command {
	cmds := []protocol.Command{}
	a := sn.analyze()
	if a.configErr != nil {
		return cmds
	}
	arg := []any{commandArgs{URI: sn.uri, Version: &sn.version}}
	if sn.hasFixes(minApplicability(a.settings.UnsafeFixes)) {
		cmds = append(cmds, protocol.Command{Title: "py314: Fix all auto-fixable problems", Command: commandApplyAutofix, Arguments: arg})
	}
	if len(a.diags) > 0 {
		cmds = append(cmds, protocol.Command{Title: "py314: Disable every problem with noqa comments", Command: commandAddNoqa, Arguments: arg})
	}
	return cmds
}

// resolveCodeAction answers codeAction/resolve: it adds the edit to a code
// action from the data it carries. The document must not have changed
// since the action was made.
func (s *server) resolveCodeAction(raw *json.RawMessage) (backgroundFunc, error) {
	var ca codeAction
	if err := decode(raw, &ca); err != nil {
		return nil, err
	}
	if ca.Data == nil {
		return nil, invalidParams("the code action has no data")
	}
	sn, err := s.open(ca.Data.URI)
	if err != nil {
		return nil, err
	}
	if sn.version != ca.Data.Version {
		return nil, contentModified(sn)
	}
	return func(ctx context.Context) (any, error) {
		edits, err := s.actionEdits(sn, ca.Data)
		if err != nil {
			return nil, err
		}
		ca.Edit = s.workspaceEdit(sn, edits)
		return ca, nil
	}, nil
}

func contentModified(sn *snapshot) error {
	return &jsonrpc2.Error{Code: codeContentModified, Message: fmt.Sprintf("%s changed: it is at version %d", sn.uri, sn.version)}
}

// actionEdits computes the edits of a code action on the snapshot it was
// made for.
func (s *server) actionEdits(sn *snapshot, data *actionData) ([]protocol.TextEdit, error) {
	a := sn.analyze()
	switch data.Action {
	case actionFix, actionNoqa:
		for _, d := range a.diags {
			if d.Rule.Code != data.Code || int(d.Span.Start) != data.Start || int(d.Span.End) != data.End {
				continue
			}
			if data.Action == actionNoqa {
				return sn.textEdits(checks.NoqaEdits(sn.tokenFile(), []checks.Diagnostic{d})), nil
			}
			if d.Fix != nil {
				return sn.textEdits(d.Fix.Edits), nil
			}
		}
		return nil, contentModified(sn)
	case actionFixAll:
		return s.fixAll(sn, minApplicability(a.settings.UnsafeFixes)), nil
	}
	return nil, invalidParams("unknown code action %q", data.Action)
}

// fixAll returns the edit of every fix of at least applicability min,
// applied to a fixpoint, and logs the fixes that had to be rolled back.
func (s *server) fixAll(sn *snapshot, min checks.Applicability) []protocol.TextEdit {
	edits, bugs := sn.fixAll(min)
	s.reportFixBugs(sn, bugs)
	return edits
}

func (s *server) reportFixBugs(sn *snapshot, bugs []fixes.Bug) {
	for _, b := range bugs {
		msg := fmt.Sprintf("%s: %v (this is a bug in py314)", sn.path, b)
		s.log.Print(msg)
		s.logMessage(protocol.MTError, msg)
	}
}

// workspaceEdit returns the edits of one document as a workspace edit:
// versioned when the client allows it, so that it refuses stale edits.
func (s *server) workspaceEdit(sn *snapshot, edits []protocol.TextEdit) *workspaceEdit {
	if edits == nil {
		edits = []protocol.TextEdit{}
	}
	if s.client.documentChanges {
		return &workspaceEdit{DocumentChanges: []textDocumentEdit{{
			TextDocument: protocol.VersionedTextDocumentIdentifier{
				TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: sn.uri},
				Version:                sn.version,
			},
			Edits: edits,
		}}}
	}
	return &workspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{sn.uri: edits}}
}
