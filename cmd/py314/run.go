package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit statuses shared by the commands.
const (
	exitOK    = 0 // success
	exitFound = 1 // the command ran and found problems in the input
	exitUsage = 2 // bad arguments or unreadable input
)

// env is what a command runs with: its standard streams.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// A command is one py314 subcommand.
type command struct {
	name    string
	summary string // one line for the top-level usage
	usage   string // "py314 name ARGS", the first line of the help
	help    string // the rest of the help text
	// setup declares the command's flags on fs.
	setup func(fs *flag.FlagSet)
	// run runs the command on its remaining arguments and returns the exit
	// status.
	run func(c *command, e *env, fs *flag.FlagSet) int
}

// commands returns the subcommands, in the order of the usage text.
func commands() []*command {
	return []*command{checkCommand(), reportCommand(), ruleCommand(), rulesCommand(), lspCommand(), parseCommand(), versionCommand()}
}

// run runs py314 with the given arguments (without the program name) and
// returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	cmds := commands()
	if len(args) == 0 {
		topUsage(stderr, cmds)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		topUsage(stdout, cmds)
		return exitOK
	case "help":
		if len(args) == 1 {
			topUsage(stdout, cmds)
			return exitOK
		}
		if c := lookup(cmds, args[1]); c != nil && len(args) == 2 {
			c.printHelp(stdout)
			return exitOK
		}
		fmt.Fprintf(stderr, "py314 help: unknown help topic %q\n", strings.Join(args[1:], " "))
		topUsage(stderr, cmds)
		return exitUsage
	}
	c := lookup(cmds, args[0])
	if c == nil {
		fmt.Fprintf(stderr, "py314: unknown command %q\n", args[0])
		topUsage(stderr, cmds)
		return exitUsage
	}
	fs := flag.NewFlagSet("py314 "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // help and errors are printed below
	if c.setup != nil {
		c.setup(fs)
	}
	if err := fs.Parse(flagsFirst(fs, args[1:])); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.printHelp(stdout)
			return exitOK
		}
		fmt.Fprintf(stderr, "usage: %s\nRun 'py314 %s --help' for details.\n", c.usage, c.name)
		return exitUsage
	}
	return c.run(c, e, fs)
}

func lookup(cmds []*command, name string) *command {
	for _, c := range cmds {
		if c.name == name {
			return c
		}
	}
	return nil
}

func topUsage(w io.Writer, cmds []*command) {
	fmt.Fprint(w, "py314 gets Python code bases ready for Python 3.14.\n\nUsage:\n\n\tpy314 <command> [arguments]\n\nThe commands are:\n\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun 'py314 <command> --help' for the details of a command.\n")
}

func (c *command) printHelp(w io.Writer) {
	fmt.Fprintf(w, "usage: %s\n\n%s", c.usage, c.help)
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	if c.setup != nil {
		c.setup(fs)
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// usageError reports a wrong use of command c and returns exitUsage.
func (c *command) usageError(e *env, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "py314 %s: %s\nusage: %s\nRun 'py314 %s --help' for details.\n",
		c.name, fmt.Sprintf(format, args...), c.usage, c.name)
	return exitUsage
}

// flagsFirst moves the flags among args before the other arguments, so
// that flags may follow paths ("py314 check src --fix"), as users of Ruff
// and pre-commit expect. A "--" ends the flags; "-" alone is an argument.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if len(rest) > 0 {
		flags = append(flags, "--")
	}
	return append(flags, rest...)
}
