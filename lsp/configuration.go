package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"slices"

	protocol "github.com/sourcegraph/go-lsp"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/config"
)

// configFiles are the names of the files py314's configuration is read
// from; a change to one of them reloads the configuration.
var configFiles = []string{"pyproject.toml", "py314.toml", ".py314.toml"}

// editorSettings are the settings an editor gives, in
// initializationOptions, workspace/didChangeConfiguration or the
// "py314" section of workspace/configuration. They override the
// configuration files, as the command line does.
type editorSettings struct {
	Select        []string `json:"select"`        // replaces the files' selection
	ExtendSelect  []string `json:"extendSelect"`  // adds to it
	Ignore        []string `json:"ignore"`        // removes from it
	TargetVersion string   `json:"targetVersion"` // "py39", "3.14", ...
	UnsafeFixes   *bool    `json:"unsafeFixes"`   // offer and apply unsafe fixes
	Configuration string   `json:"configuration"` // the one configuration file to use
}

// parseSettings reads editor settings. They may come as they are, or
// inside a "py314" or "settings" member, as clients put them there. It
// reports whether there were any: null, an empty object, or an object
// with none of the settings' keys (settings of other tools) holds none.
func parseSettings(raw json.RawMessage) (editorSettings, bool, error) {
	var es editorSettings
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return es, false, nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil {
		return es, false, fmt.Errorf("settings must be an object: %v", err)
	}
	for _, key := range []string{"py314", "settings"} {
		if inner, ok := members[key]; ok {
			es, _, err := parseSettings(inner)
			return es, err == nil, err
		}
	}
	known := false
	for _, key := range []string{"select", "extendSelect", "ignore", "targetVersion", "unsafeFixes", "configuration"} {
		if _, ok := members[key]; ok {
			known = true
		}
	}
	if !known {
		return es, false, nil
	}
	if err := json.Unmarshal(raw, &es); err != nil {
		return es, false, fmt.Errorf("invalid settings: %v", err)
	}
	return es, true, nil
}

// resolver returns a configuration resolver with the settings as
// overrides.
func (es editorSettings) resolver(all []*checks.Rule) (*config.Resolver, error) {
	return config.NewResolver(all, config.Overrides{
		Source:        "editor settings",
		ConfigPath:    es.Configuration,
		Select:        es.Select,
		ExtendSelect:  es.ExtendSelect,
		Ignore:        es.Ignore,
		TargetVersion: es.TargetVersion,
		UnsafeFixes:   es.UnsafeFixes,
	})
}

func (s *server) didChangeConfiguration(raw *json.RawMessage) error {
	var p struct {
		Settings json.RawMessage `json:"settings"`
	}
	if raw != nil {
		if err := json.Unmarshal(*raw, &p); err != nil {
			return invalidParams("invalid params: %v", err)
		}
	}
	es, ok, err := parseSettings(p.Settings)
	switch {
	case err != nil:
		s.showMessage(protocol.MTError, "py314: "+err.Error()+"; keeping the previous settings")
	case ok:
		s.applySettings(es)
	case s.client.configuration:
		// The client says something changed and expects to be asked.
		s.background(s.pullSettings)
	}
	return nil
}

// pullSettings asks the client for the "py314" section of its settings and
// applies them. It runs in the background.
func (s *server) pullSettings() {
	var result []json.RawMessage
	err := s.call(s.ctx, "workspace/configuration", protocol.ConfigurationParams{
		Items: []protocol.ConfigurationItem{{Section: "py314"}},
	}, &result)
	if err != nil {
		s.log.Printf("workspace/configuration: %v", err)
		return
	}
	if len(result) == 0 {
		return
	}
	es, ok, err := parseSettings(result[0])
	if err != nil {
		s.showMessage(protocol.MTError, "py314: "+err.Error()+"; keeping the previous settings")
		return
	}
	if !ok {
		return
	}
	s.sessionMu.Lock()
	defer s.sessionMu.Unlock()
	if s.phase == phaseInitialized {
		s.applySettings(es)
	}
}

// applySettings makes es the editor settings if they differ from the
// current ones, and checks the open documents again.
func (s *server) applySettings(es editorSettings) {
	if es.equal(s.settings) {
		return
	}
	r, err := es.resolver(s.rules)
	if err != nil {
		s.showMessage(protocol.MTError, "py314: "+err.Error()+"; keeping the previous settings")
		return
	}
	s.settings, s.resolver = es, r
	s.recheck()
}

func (es editorSettings) equal(o editorSettings) bool {
	return slices.Equal(es.Select, o.Select) && (es.Select == nil) == (o.Select == nil) &&
		slices.Equal(es.ExtendSelect, o.ExtendSelect) && slices.Equal(es.Ignore, o.Ignore) &&
		es.TargetVersion == o.TargetVersion && es.Configuration == o.Configuration &&
		(es.UnsafeFixes == nil) == (o.UnsafeFixes == nil) && (es.UnsafeFixes == nil || *es.UnsafeFixes == *o.UnsafeFixes)
}

func (s *server) didChangeWatchedFiles(raw *json.RawMessage) error {
	var p protocol.DidChangeWatchedFilesParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	for _, c := range p.Changes {
		if slices.Contains(configFiles, path.Base(string(c.URI))) {
			if err := s.resolver.Reload(); err != nil {
				s.reportConfigError(err)
			}
			s.recheck()
			return nil
		}
	}
	return nil
}

// recheck makes new snapshots of the open documents with the current
// settings, and has them checked again or the client told to pull.
func (s *server) recheck() {
	s.forgetConfigErrors()
	for _, uri := range s.openURIs() {
		old := s.docs[uri]
		s.setSnapshot(s.newSnapshot(old.uri, old.languageID, old.version, old.text))
	}
	if s.client.pull && s.client.refresh {
		s.background(func() {
			if err := s.call(s.ctx, "workspace/diagnostic/refresh", nil, nil); err != nil {
				s.log.Printf("workspace/diagnostic/refresh: %v", err)
			}
		})
	}
}
