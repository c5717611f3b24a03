package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	protocol "github.com/sourcegraph/go-lsp"
)

// uriPath returns the file path of a file: URI, and false for other URIs
// (untitled:, vscode-notebook-cell:, ...).
func uriPath(uri protocol.DocumentURI) (string, bool) {
	u, err := url.Parse(string(uri))
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		// file:///C:/dir/a.py has the path /C:/dir/a.py.
		if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = p[1:]
		}
		if u.Host != "" {
			p = "//" + u.Host + p // a UNC path
		}
	}
	if p == "" {
		return "", false
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}

// pathURI returns the file: URI of an absolute path.
func pathURI(path string) protocol.DocumentURI {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return protocol.DocumentURI((&url.URL{Scheme: "file", Path: p}).String())
}
