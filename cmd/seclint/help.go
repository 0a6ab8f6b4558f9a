package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// commandHelp is the help of the commands other than the scan and rules
// (whose flag sets print their flags); `seclint help COMMAND` and
// `COMMAND --help` print it on stdout.
var commandHelp = map[string]string{
	"explain": `Usage: seclint explain [--policy DIR] RULE-ID

Describes a rule: what it checks, why, its severity, the AWS Security Hub
controls it matches, the resource types it reads and how to fix a finding
in Terraform and CloudFormation. ` + "`seclint rules`" + ` lists the rule IDs.

Flags:
      --policy DIR   also look in your own rules in DIR (repeatable)
`,
	"test": testUsage,
	"version": `Usage: seclint version    (also: seclint --version)

Prints seclint's version, the commit it was built from, the build date and
the Go version.
`,
	"help": `Usage: seclint help [COMMAND]

Prints the help of seclint (scanning), or of one of its commands.
`,
}

// isHelpFlag reports whether args ask for help: -h or --help before a "--".
func isHelpFlag(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "-h" || a == "--help" {
			return true
		}
	}
	return false
}

// runHelp is `seclint help [COMMAND]`: the scan's help, or a command's.
func runHelp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	switch {
	case len(args) == 0:
		_, err := runScan(ctx, []string{"--help"}, stdout, stderr)
		return err
	case len(args) > 1:
		return fmt.Errorf("usage: seclint help [COMMAND]")
	case args[0] == "rules":
		return runRules(ctx, []string{"--help"}, stdout)
	}
	if h, ok := commandHelp[args[0]]; ok {
		fmt.Fprint(stdout, h)
		return nil
	}
	names := []string{"rules"}
	for n := range commandHelp {
		names = append(names, n)
	}
	sort.Strings(names)
	names = slices.Compact(names)
	return fmt.Errorf("help %q: no such command; the commands are %s (without one, seclint scans)", args[0], strings.Join(names, ", "))
}

// flagError is a command line that does not parse: run follows its message
// with a pointer to the help of the command (cmd, "" for the scan), as git
// and kubectl do.
type flagError struct {
	cmd string
	err error
}

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

// help is the command line that prints the command's help.
func (e flagError) help() string {
	if e.cmd == "" {
		return "seclint --help"
	}
	return "seclint " + e.cmd + " --help"
}
