package lsp

// The parts of LSP 3.17 that github.com/sourcegraph/go-lsp, which stopped
// at about 3.15, does not have: position encodings, code action literals
// and their resolution, diagnostics with codeDescription, tags and data,
// versioned publishDiagnostics, pull diagnostics, document changes in
// workspace edits, markup content, and the client capabilities that
// announce them. Only the fields py314 reads or writes are declared.

import (
	"encoding/json"

	protocol "github.com/sourcegraph/go-lsp"
)

// Error codes of the LSP, beyond those of JSON-RPC.
const (
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
	codeContentModified      = -32801
)

// ---------------------------------------------------------------------------
// Initialization

type initializeParams struct {
	ProcessID             *int                 `json:"processId"`
	RootURI               protocol.DocumentURI `json:"rootUri"`
	RootPath              string               `json:"rootPath"`
	WorkspaceFolders      []workspaceFolder    `json:"workspaceFolders"`
	InitializationOptions json.RawMessage      `json:"initializationOptions"`
	Capabilities          clientCapabilities   `json:"capabilities"`
}

type workspaceFolder struct {
	URI  protocol.DocumentURI `json:"uri"`
	Name string               `json:"name"`
}

// clientCapabilities holds the client capabilities py314 looks at.
type clientCapabilities struct {
	General struct {
		PositionEncodings []string `json:"positionEncodings"`
	} `json:"general"`
	Workspace struct {
		ApplyEdit     bool `json:"applyEdit"`
		WorkspaceEdit struct {
			DocumentChanges bool `json:"documentChanges"`
		} `json:"workspaceEdit"`
		Configuration         bool `json:"configuration"`
		DidChangeWatchedFiles struct {
			DynamicRegistration bool `json:"dynamicRegistration"`
		} `json:"didChangeWatchedFiles"`
		Diagnostics struct {
			RefreshSupport bool `json:"refreshSupport"`
		} `json:"diagnostics"`
	} `json:"workspace"`
	TextDocument struct {
		CodeAction struct {
			CodeActionLiteralSupport *json.RawMessage `json:"codeActionLiteralSupport"`
			IsPreferredSupport       bool             `json:"isPreferredSupport"`
			DataSupport              bool             `json:"dataSupport"`
			ResolveSupport           *struct {
				Properties []string `json:"properties"`
			} `json:"resolveSupport"`
		} `json:"codeAction"`
		Diagnostic *json.RawMessage `json:"diagnostic"` // present: the client pulls diagnostics
		Hover      struct {
			ContentFormat []string `json:"contentFormat"`
		} `json:"hover"`
	} `json:"textDocument"`
}

type initializeResult struct {
	Capabilities serverCapabilities `json:"capabilities"`
	ServerInfo   serverInfo         `json:"serverInfo"`
}

type serverInfo struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
}

type serverCapabilities struct {
	PositionEncoding       string                           `json:"positionEncoding"`
	TextDocumentSync       protocol.TextDocumentSyncOptions `json:"textDocumentSync"`
	HoverProvider          bool                             `json:"hoverProvider"`
	CodeActionProvider     codeActionOptions                `json:"codeActionProvider"`
	ExecuteCommandProvider protocol.ExecuteCommandOptions   `json:"executeCommandProvider"`
	DiagnosticProvider     *diagnosticOptions               `json:"diagnosticProvider,omitempty"`
}

type codeActionOptions struct {
	CodeActionKinds []string `json:"codeActionKinds"`
	ResolveProvider bool     `json:"resolveProvider"`
}

type diagnosticOptions struct {
	Identifier            string `json:"identifier"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

type registrationParams struct {
	Registrations []registration `json:"registrations"`
}

type registration struct {
	ID              string `json:"id"`
	Method          string `json:"method"`
	RegisterOptions any    `json:"registerOptions,omitempty"`
}

type didChangeWatchedFilesRegistrationOptions struct {
	Watchers []fileSystemWatcher `json:"watchers"`
}

type fileSystemWatcher struct {
	GlobPattern string `json:"globPattern"`
}

// ---------------------------------------------------------------------------
// Diagnostics

// diagnostic is LSP 3.17's Diagnostic.
type diagnostic struct {
	Range           protocol.Range              `json:"range"`
	Severity        protocol.DiagnosticSeverity `json:"severity,omitempty"`
	Code            string                      `json:"code,omitempty"`
	CodeDescription *codeDescription            `json:"codeDescription,omitempty"`
	Source          string                      `json:"source,omitempty"`
	Message         string                      `json:"message"`
	Tags            []int                       `json:"tags,omitempty"`
	Data            *diagnosticData             `json:"data,omitempty"`
}

type codeDescription struct {
	Href string `json:"href"`
}

// tagUnnecessary marks code that can be removed; editors fade it.
const tagUnnecessary = 1

// diagnosticData is the data py314 attaches to a diagnostic: its fix, with
// edits in the session's position encoding.
type diagnosticData struct {
	Fix *fixData `json:"fix,omitempty"`
}

type fixData struct {
	Title         string              `json:"title"`
	Applicability string              `json:"applicability"`
	Edits         []protocol.TextEdit `json:"edits"`
}

type publishDiagnosticsParams struct {
	URI         protocol.DocumentURI `json:"uri"`
	Version     *int                 `json:"version,omitempty"`
	Diagnostics []diagnostic         `json:"diagnostics"`
}

type documentDiagnosticParams struct {
	TextDocument     protocol.TextDocumentIdentifier `json:"textDocument"`
	Identifier       string                          `json:"identifier"`
	PreviousResultID string                          `json:"previousResultId"`
}

// fullDocumentDiagnosticReport is the answer to textDocument/diagnostic
// with kind "full".
type fullDocumentDiagnosticReport struct {
	Kind     string       `json:"kind"`
	ResultID string       `json:"resultId"`
	Items    []diagnostic `json:"items"`
}

// unchangedDocumentDiagnosticReport, with kind "unchanged", says that the
// report with the same result id still holds.
type unchangedDocumentDiagnosticReport struct {
	Kind     string `json:"kind"`
	ResultID string `json:"resultId"`
}

// ---------------------------------------------------------------------------
// Code actions and edits

type codeActionParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
	Context      codeActionContext               `json:"context"`
}

type codeActionContext struct {
	Diagnostics []diagnostic `json:"diagnostics"`
	Only        []string     `json:"only"`
}

type codeAction struct {
	Title       string            `json:"title"`
	Kind        string            `json:"kind,omitempty"`
	Diagnostics []diagnostic      `json:"diagnostics,omitempty"`
	IsPreferred bool              `json:"isPreferred,omitempty"`
	Edit        *workspaceEdit    `json:"edit,omitempty"`
	Command     *protocol.Command `json:"command,omitempty"`
	Data        *actionData       `json:"data,omitempty"`
}

// actionData identifies a code action for codeAction/resolve: the
// document version it was made for, what it does, and for a quick fix the
// diagnostic, by code and byte span.
type actionData struct {
	URI     protocol.DocumentURI `json:"uri"`
	Version int                  `json:"version"`
	Action  string               `json:"action"` // one of the action* constants
	Code    string               `json:"code,omitempty"`
	Start   int                  `json:"start,omitempty"`
	End     int                  `json:"end,omitempty"`
}

type workspaceEdit struct {
	Changes         map[protocol.DocumentURI][]protocol.TextEdit `json:"changes,omitempty"`
	DocumentChanges []textDocumentEdit                           `json:"documentChanges,omitempty"`
}

type textDocumentEdit struct {
	TextDocument protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	Edits        []protocol.TextEdit                      `json:"edits"`
}

type applyWorkspaceEditParams struct {
	Label string        `json:"label,omitempty"`
	Edit  workspaceEdit `json:"edit"`
}

type applyWorkspaceEditResult struct {
	Applied       bool   `json:"applied"`
	FailureReason string `json:"failureReason,omitempty"`
}

type executeCommandParams struct {
	Command   string            `json:"command"`
	Arguments []json.RawMessage `json:"arguments"`
}

// ---------------------------------------------------------------------------
// Hover

type hover struct {
	Contents markupContent  `json:"contents"`
	Range    protocol.Range `json:"range"`
}

type markupContent struct {
	Kind  string `json:"kind"` // "markdown" or "plaintext"
	Value string `json:"value"`
}
