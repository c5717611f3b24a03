package lsp

import (
	"encoding/json"
	"slices"

	protocol "github.com/sourcegraph/go-lsp"
	"github.com/sourcegraph/jsonrpc2"

	"github.com/py314/py314/checks/config"
)

// The commands of workspace/executeCommand.
const (
	commandApplyAutofix     = "py314.applyAutofix"
	commandApplyUnsafeFixes = "py314.applyUnsafeFixes"
	commandAddNoqa          = "py314.addNoqa"
)

// The code action kinds the server offers.
const (
	kindQuickFix = "quickfix"
	kindFixAll   = "source.fixAll.py314"
)

func (s *server) initialize(raw *json.RawMessage) (any, error) {
	var p initializeParams
	if err := decode(raw, &p); err != nil {
		return nil, err
	}
	caps := &p.Capabilities
	enc := encodingUTF16
	if slices.Contains(caps.General.PositionEncodings, encodingUTF8) {
		enc = encodingUTF8
	}
	ca := &caps.TextDocument.CodeAction
	s.client = clientFeatures{
		encoding:          enc,
		pull:              caps.TextDocument.Diagnostic != nil,
		refresh:           caps.Workspace.Diagnostics.RefreshSupport,
		literals:          ca.CodeActionLiteralSupport != nil,
		resolve:           ca.ResolveSupport != nil && slices.Contains(ca.ResolveSupport.Properties, "edit"),
		documentChanges:   caps.Workspace.WorkspaceEdit.DocumentChanges,
		applyEdit:         caps.Workspace.ApplyEdit,
		configuration:     caps.Workspace.Configuration,
		watchRegistration: caps.Workspace.DidChangeWatchedFiles.DynamicRegistration,
		markdown:          slices.Contains(caps.TextDocument.Hover.ContentFormat, "markdown"),
	}
	switch {
	case p.RootURI != "":
		s.root, _ = uriPath(p.RootURI)
	case len(p.WorkspaceFolders) > 0:
		s.root, _ = uriPath(p.WorkspaceFolders[0].URI)
	case p.RootPath != "":
		s.root = p.RootPath
	}

	settings, _, err := parseSettings(p.InitializationOptions)
	var r *config.Resolver
	if err == nil {
		r, err = settings.resolver(s.rules)
	}
	if err != nil {
		s.showMessage(protocol.MTError, "py314: initializationOptions: "+err.Error()+"; using the default settings")
		settings = editorSettings{}
		if r, err = settings.resolver(s.rules); err != nil {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
		}
	}
	s.settings, s.resolver = settings, r
	s.phase = phaseInitialized

	caps2 := serverCapabilities{
		PositionEncoding: enc,
		TextDocumentSync: protocol.TextDocumentSyncOptions{
			OpenClose: true,
			Change:    protocol.TDSKIncremental,
			Save:      &protocol.SaveOptions{IncludeText: false},
		},
		HoverProvider: true,
		CodeActionProvider: codeActionOptions{
			CodeActionKinds: []string{kindQuickFix, kindFixAll},
			ResolveProvider: true,
		},
		ExecuteCommandProvider: protocol.ExecuteCommandOptions{
			Commands: []string{commandApplyAutofix, commandApplyUnsafeFixes, commandAddNoqa},
		},
	}
	if s.client.pull {
		caps2.DiagnosticProvider = &diagnosticOptions{Identifier: "py314"}
	}
	return initializeResult{Capabilities: caps2, ServerInfo: serverInfo{Name: "py314", Version: s.opts.Version}}, nil
}

// initialized asks the client to watch configuration files and for its
// settings, as far as it can do either.
func (s *server) initialized() {
	if !s.client.watchRegistration && !s.client.configuration {
		return
	}
	s.background(func() {
		if s.client.watchRegistration {
			var watchers []fileSystemWatcher
			for _, name := range configFiles {
				watchers = append(watchers, fileSystemWatcher{GlobPattern: "**/" + name})
			}
			err := s.call(s.ctx, "client/registerCapability", registrationParams{Registrations: []registration{{
				ID:              "py314-config-files",
				Method:          "workspace/didChangeWatchedFiles",
				RegisterOptions: didChangeWatchedFilesRegistrationOptions{Watchers: watchers},
			}}}, nil)
			if err != nil {
				s.log.Printf("registering the watch of configuration files: %v", err)
			}
		}
		if s.client.configuration {
			s.pullSettings()
		}
	})
}

func (s *server) shutdown() (any, error) {
	s.phase = phaseShutDown
	s.linter.stop()
	return nil, nil
}
