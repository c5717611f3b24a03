package output

import (
	"bytes"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/py314/py314/checks"
)

// The SARIF constants.
const (
	sarifSchema     = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion    = "2.1.0"
	informationURI  = "https://py314.dev"
	srcRoot         = "%SRCROOT%"
	fingerprintName = "py314/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	Properties      map[string]string     `json:"properties"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// sarifLevels maps severities to SARIF levels.
var sarifLevels = [...]string{checks.Info: "note", checks.Warning: "warning", checks.Error: "error"}

// writeSARIF writes a SARIF 2.1.0 log with one run. Its rules are those
// with a result, sorted by code; artifact URIs are relative to %SRCROOT%,
// the working directory, except for files outside it, which get absolute
// file URIs. Columns count Unicode code points (columnKind
// "unicodeCodePoints").
func writeSARIF(buf *bytes.Buffer, items []item, opts *Options) error {
	ruleIndex := map[string]int{}
	var rules []*checks.Rule
	for i := range items {
		r := items[i].d.Rule
		if _, ok := ruleIndex[r.Code]; !ok {
			ruleIndex[r.Code] = len(rules)
			rules = append(rules, r)
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].Code < rules[j].Code })
	driver := sarifDriver{
		Name:           "py314",
		Version:        opts.Version,
		InformationURI: informationURI,
		Rules:          make([]sarifRule, len(rules)),
	}
	for i, r := range rules {
		ruleIndex[r.Code] = i
		level := checks.Error
		if r.Severity >= checks.Info && r.Severity <= checks.Error {
			level = r.Severity
		}
		driver.Rules[i] = sarifRule{
			ID:                   r.Code,
			Name:                 r.Name,
			ShortDescription:     sarifText{Text: r.Summary},
			FullDescription:      sarifText{Text: r.Doc},
			Help:                 sarifText{Text: r.Doc, Markdown: r.Doc},
			HelpURI:              opts.DocsURL(r.Code),
			DefaultConfiguration: sarifConfiguration{Level: sarifLevels[level]},
		}
	}
	results := make([]sarifResult, len(items))
	for i := range items {
		it := &items[i]
		artifact := sarifArtifact(it)
		res := sarifResult{
			RuleID:    it.code,
			RuleIndex: ruleIndex[it.code],
			Level:     sarifLevels[it.severity],
			Message:   sarifText{Text: it.d.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifact,
				Region:           sarifRegion{it.start.Line, it.start.Column, it.end.Line, it.end.Column},
			}}},
			PartialFingerprints: map[string]string{fingerprintName: it.fingerprint},
		}
		if fix := it.d.Fix; fix != nil {
			change := sarifArtifactChange{ArtifactLocation: artifact, Replacements: []sarifReplacement{}}
			for _, e := range fix.Edits {
				s, end := locate(it.file, e.Start), locate(it.file, e.End)
				rep := sarifReplacement{DeletedRegion: sarifRegion{s.Line, s.Column, end.Line, end.Column}}
				if e.New != "" {
					rep.InsertedContent = &sarifText{Text: e.New}
				}
				change.Replacements = append(change.Replacements, rep)
			}
			res.Fixes = []sarifFix{{
				Description:     sarifText{Text: fix.Title},
				ArtifactChanges: []sarifArtifactChange{change},
				Properties:      map[string]string{"applicability": fix.Applicability.String()},
			}}
		}
		results[i] = res
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:               sarifTool{Driver: driver},
			Invocations:        []sarifInvocation{{ExecutionSuccessful: true}},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRoot: {URI: fileURI(opts.WorkDir, true)}},
			ColumnKind:         "unicodeCodePoints",
			Results:            results,
		}},
	}
	return encode(buf, log, "  ")
}

// sarifArtifact returns the artifact location of it's file.
func sarifArtifact(it *item) sarifArtifactLocation {
	if it.outside {
		return sarifArtifactLocation{URI: fileURI(it.abs, false)}
	}
	return sarifArtifactLocation{URI: relativeURI(it.rel), URIBaseID: srcRoot}
}

// relativeURI returns the relative URI reference of the slash-separated
// relative path rel.
func relativeURI(rel string) string {
	u := &url.URL{Path: rel}
	return u.String() // "./" first if the first segment has a colon

}

// fileURI returns the file URI of the absolute path abs, with a trailing
// slash if dir is set.
func fileURI(abs string, dir bool) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter: file:///C:/...
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	u := &url.URL{Scheme: "file", Path: p}
	return u.String()
}
