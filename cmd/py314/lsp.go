package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/py314/py314/lsp"
)

func lspCommand() *command {
	return &command{
		name:    "lsp",
		summary: "run the language server, for editors",
		usage:   "py314 lsp",
		help: `Lsp runs py314's language server: it speaks the Language Server Protocol
on standard input and output, shows py314's diagnostics in the editor as the
code changes, and offers the fixes as code actions. Editors start it
themselves; the README shows how to set up Neovim, VS Code, Helix and Emacs.

The server reads the same configuration files as py314 check. The editor's
settings (select, extendSelect, ignore, targetVersion, unsafeFixes and
configuration) override them. The log goes to standard error.

The exit status is 0 when the editor asked the server to shut down before
it exited, and 1 otherwise.
`,
		setup: func(fs *flag.FlagSet) {
			fs.Bool("stdio", true, "talk over standard input and output (the only way; accepted for editors that pass it)")
		},
		run: func(c *command, e *env, fs *flag.FlagSet) int {
			if fs.NArg() > 0 {
				return c.usageError(e, "unexpected arguments")
			}
			err := lsp.Serve(context.Background(), e.stdin, e.stdout, lsp.Options{Version: version(), Log: e.stderr})
			if err != nil {
				fmt.Fprintf(e.stderr, "py314 lsp: %v\n", err)
				return 1 // as the LSP asks for an exit without shutdown
			}
			return exitOK
		},
	}
}
