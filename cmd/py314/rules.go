package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/py314/py314/checks/config"
	"github.com/py314/py314/checks/rules"
)

func ruleCommand() *command {
	return &command{
		name:    "rule",
		summary: "print the documentation of a rule",
		usage:   "py314 rule CODE|NAME",
		help: `Rule prints the documentation page of a rule, named by its code (FT001) or its
name (unused-suppression): what it flags, why it matters on Python 3.14, an
example, what to write instead and whether its fix is safe.
`,
		run: func(c *command, e *env, fs *flag.FlagSet) int {
			if fs.NArg() != 1 {
				return c.usageError(e, "give one rule code or name")
			}
			want := fs.Arg(0)
			for _, r := range rules.All() {
				if strings.EqualFold(r.Code, want) || r.Name == want {
					fmt.Fprint(e.stdout, rules.Page(r))
					return exitOK
				}
			}
			fmt.Fprintf(e.stderr, "py314 rule: no rule %q; 'py314 rules' lists them\n", want)
			return exitUsage
		},
	}
}

func rulesCommand() *command {
	var selectors string
	return &command{
		name:    "rules",
		summary: "list the rules",
		usage:   "py314 rules [--select SELECTORS]",
		help: `Rules lists the rules as a table: code, name, severity, whether the rule is in
the default set, whether it offers fixes, and its summary.
`,
		setup: func(fs *flag.FlagSet) {
			fs.StringVar(&selectors, "select", "ALL", "comma-separated rule `selectors` to list (codes, prefixes, names, ALL)")
		},
		run: func(c *command, e *env, fs *flag.FlagSet) int {
			if fs.NArg() != 0 {
				return c.usageError(e, "unexpected arguments")
			}
			list, err := config.Select(rules.All(), config.Selection{Select: splitList(selectors)})
			if err != nil {
				fmt.Fprintf(e.stderr, "py314 rules: %v\n", err)
				return exitUsage
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CODE\tNAME\tSEVERITY\tDEFAULT\tFIX\tSUMMARY")
			for _, r := range list {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Code, r.Name, r.Severity, yesNo(r.Default), r.Fix, r.Summary)
			}
			tw.Flush()
			return exitOK
		},
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
