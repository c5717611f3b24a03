package rules

import (
	"strings"
	"testing"

	"github.com/py314/py314/checks"
	"github.com/py314/py314/checks/semantic"
	"github.com/py314/py314/parser"
)

// TestImportsPackage checks which top-level packages count as imported.
func TestImportsPackage(t *testing.T) {
	for _, tc := range []struct{ src, yes, no string }{
		{"import os.path\n", "os", "path posixpath"},
		{"import xml.etree.ElementTree as ET\n", "xml", "ElementTree ET etree"},
		{"from asyncio.events import get_event_loop as g\n", "asyncio", "events g get_event_loop"},
		{"def f():\n    import gzip\n", "gzip", "zlib"},
		{"from . import asyncio\nfrom .gzip import open\n", "", "asyncio gzip"},
		{"asyncio = 1\nopen('x')\n", "", "asyncio builtins"},
		{"import os\nimport json\n", "os json", "so sys"},
	} {
		f := parser.ParseSource("t.py", []byte(tc.src), parser.Options{})
		p := &checks.Pass{File: f, Model: semantic.Build(f)}
		for _, pkg := range strings.Fields(tc.yes) {
			if !importsPackage(p, "zzz", pkg) {
				t.Errorf("%q: importsPackage(%s) = false, want true", tc.src, pkg)
			}
		}
		for _, pkg := range strings.Fields(tc.no) {
			if importsPackage(p, pkg) {
				t.Errorf("%q: importsPackage(%s) = true, want false", tc.src, pkg)
			}
		}
	}
}
