package lsp

import (
	"encoding/json"
	"fmt"

	protocol "github.com/sourcegraph/go-lsp"
)

// newSnapshot makes the next snapshot of a document. Only the dispatcher
// calls it.
func (s *server) newSnapshot(uri protocol.DocumentURI, languageID string, version int, text []byte) *snapshot {
	s.nextID++
	return &snapshot{
		uri:        uri,
		path:       s.pathFor(uri),
		languageID: languageID,
		version:    version,
		id:         s.nextID,
		text:       text,
		encoding:   s.client.encoding,
		resolver:   s.resolver,
		report:     s.reportRuleErrors,
	}
}

// setSnapshot makes sn the document's current snapshot and has it linted.
func (s *server) setSnapshot(sn *snapshot) {
	s.docs[sn.uri] = sn
	if !s.client.pull {
		s.linter.schedule(sn)
	}
}

func (s *server) didOpen(raw *json.RawMessage) error {
	var p protocol.DidOpenTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	if p.TextDocument.URI == "" {
		return invalidParams("missing textDocument.uri")
	}
	td := p.TextDocument
	s.setSnapshot(s.newSnapshot(td.URI, td.LanguageID, td.Version, []byte(td.Text)))
	return nil
}

func (s *server) didChange(raw *json.RawMessage) error {
	var p protocol.DidChangeTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	old, err := s.open(p.TextDocument.URI)
	if err != nil {
		return err
	}
	m := old.mapper()
	for i, c := range p.ContentChanges {
		if c.Range == nil {
			m = newMapper([]byte(c.Text), s.client.encoding)
			continue
		}
		start, err := m.clampedOffset(c.Range.Start)
		if err == nil {
			var end int
			end, err = m.clampedOffset(c.Range.End)
			if err == nil && end < start {
				err = fmt.Errorf("range %s ends before it starts", c.Range)
			}
			if err == nil {
				m = m.edit(start, end, c.Text)
				continue
			}
		}
		return fmt.Errorf("%s: version %d not applied, the document may be out of sync: change %d: %v",
			p.TextDocument.URI, p.TextDocument.Version, i, err)
	}
	sn := s.newSnapshot(old.uri, old.languageID, p.TextDocument.Version, m.text)
	sn.mapOnce.Do(func() { sn.m = m })
	s.setSnapshot(sn)
	return nil
}

func (s *server) didSave(raw *json.RawMessage) error {
	// The text is already known from the changes, and a save changes no
	// setting: there is nothing to do but check the document is open.
	var p protocol.DidSaveTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	_, err := s.open(p.TextDocument.URI)
	return err
}

func (s *server) didClose(raw *json.RawMessage) error {
	var p protocol.DidCloseTextDocumentParams
	if err := decode(raw, &p); err != nil {
		return err
	}
	sn, err := s.open(p.TextDocument.URI)
	if err != nil {
		return err
	}
	delete(s.docs, sn.uri)
	if !s.client.pull {
		s.linter.close(sn.uri)
	}
	return nil
}
