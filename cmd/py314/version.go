package main

import (
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

func versionCommand() *command {
	return &command{
		name:    "version",
		summary: "print the py314 version",
		usage:   "py314 version",
		help: `Version prints the version of py314, the Go version it was built with and
the platform, as
	py314 VERSION GOVERSION GOOS/GOARCH
VERSION is the module version for a released build, or "devel" (with the
commit, when known) for a build from a source tree.
`,
		run: func(c *command, e *env, fs *flag.FlagSet) int {
			if fs.NArg() > 0 {
				return c.usageError(e, "unexpected arguments")
			}
			fmt.Fprintf(e.stdout, "py314 %s %s %s/%s\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return exitOK
		},
	}
}

// version returns the module version of the running binary, or "devel"
// followed by the short commit and a "-dirty" mark when built from a
// source tree.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	v := "devel"
	var rev string
	var dirty bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev != "" {
		v += "+" + rev[:min(len(rev), 12)]
		if dirty {
			v += "-dirty"
		}
	}
	return v
}
