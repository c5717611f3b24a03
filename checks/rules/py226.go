package rules

import (
	"github.com/py314/py314/checks"
	"github.com/py314/py314/parser/ast"
)

// PY226 reports http.server.CGIHTTPRequestHandler, deprecated and removed
// in Python 3.15.
var PY226 = &checks.Rule{
	Code:     "PY226",
	Name:     "deprecated-cgi-http-request-handler",
	Summary:  "`http.server.CGIHTTPRequestHandler` is deprecated and will be removed in Python 3.15",
	Severity: checks.Warning,
	Default:  true,
	Kinds:    []ast.Kind{ast.KindAttribute, ast.KindImportFrom},
	Check:    checkPY226,
	Applies:  func(p *checks.Pass) bool { return importsPackage(p, "http") },
	Doc: portDoc(`## What it does
Reports ˋhttp.server.CGIHTTPRequestHandlerˋ and imports of it, including as a base class.

## Why it matters on Python 3.14
CGI support left the standard library with the ˋcgiˋ module in 3.13; the handler was
deprecated then and Python 3.15 removes it. On 3.14 creating one (which the server does for
every request) warns ˋDeprecationWarning: 'http.server.CGIHTTPRequestHandler' is deprecated
and slated for removal in Python 3.15ˋ.

## Example
ˋˋˋpython
from http.server import CGIHTTPRequestHandler, HTTPServer

HTTPServer(("", 8000), CGIHTTPRequestHandler).serve_forever()
ˋˋˋ

## Use instead
ˋˋˋpython
from http.server import HTTPServer, SimpleHTTPRequestHandler

# serve static files, and run dynamic pages under a WSGI or ASGI server
HTTPServer(("", 8000), SimpleHTTPRequestHandler).serve_forever()
ˋˋˋ

## Fix safety
No fix is offered: the CGI scripts need another way to run.

## References
- [Pending removal in Python 3.15](https://docs.python.org/3.14/deprecations/pending-removal-in-3.15.html)
- [http.server](https://docs.python.org/3.14/library/http.server.html)
`),
}

var cgiHandlerNames = lastNames("http.server.CGIHTTPRequestHandler")

func checkPY226(p *checks.Pass, n ast.Node) {
	stdlibRefs(p, n, cgiHandlerNames, func(q string, ref ast.Node) {
		if q == "http.server.CGIHTTPRequestHandler" && !portingExempt(p.Model, n, since314, false) {
			p.Reportf(ref, "`http.server.CGIHTTPRequestHandler` is deprecated and will be removed in Python 3.15; it warns each time it is created")
		}
	})
}
