// Command seclint is a static security linter for AWS infrastructure code:
// Terraform, CloudFormation and IAM / resource policy JSON.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/seclint/seclint/report"
)

// Exit codes, part of the command-line contract.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on, or files that could not be parsed
	exitUsage    = 2 // usage or configuration error
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code, so tests can
// call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var err error
	code := exitOK
	switch {
	case len(args) > 0 && args[0] == "help":
		err = runHelp(ctx, args[1:], stdout, stderr)
	case len(args) > 0 && commandHelp[args[0]] != "" && isHelpFlag(args[1:]):
		fmt.Fprint(stdout, commandHelp[args[0]])
	case len(args) > 0 && args[0] == "rules":
		err = runRules(ctx, args[1:], stdout)
	case len(args) > 0 && args[0] == "explain":
		err = runExplain(ctx, args[1:], stdout)
	case len(args) > 0 && args[0] == "test":
		code, err = runTest(ctx, args[1:], stdout)
	case len(args) > 0 && (args[0] == "version" || args[0] == "--version"):
		err = runVersion(args[1:], stdout)
	default:
		code, err = runScan(ctx, args, stdout, stderr)
	}
	if err != nil {
		// Every error that reaches here is about the request (flags, paths,
		// rules that do not compile): problems with the scanned files are
		// diagnostics in the report instead.
		fmt.Fprintf(stderr, "seclint: %v\n", err)
		if fe := new(flagError); errors.As(err, fe) {
			fmt.Fprintf(stderr, "Run '%s' for usage.\n", fe.help())
		}
		return exitUsage
	}
	return code
}

// exitCode applies --fail-on: 1 when a finding at or above it remains, or a
// file could not be parsed.
func exitCode(r *report.Report, failOn report.Severity) int {
	if r.HasErrors() {
		return exitFindings
	}
	if failOn == failOnNone {
		return exitOK
	}
	for _, f := range r.Active() {
		if f.Severity.Rank() >= failOn.Rank() {
			return exitFindings
		}
	}
	return exitOK
}
