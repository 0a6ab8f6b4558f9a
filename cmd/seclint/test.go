package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/seclint/seclint/policies"
)

const testUsage = `Usage: seclint test [--run REGEX] [-v] [DIR...]

Runs the Rego tests (*_test.rego) of your own rules in each DIR (default: .),
as opa test does, with seclint's library (data.seclint.lib) and the model
schema: rules that declare "schemas: [{input: schema.model}]" are
type-checked against the model. Every other .rego file must be a rule with
METADATA naming its custom.id, as --policy requires.

Exit codes: 0 every test passed; 1 a test failed; 2 usage error, or rules or
tests that do not compile.

Flags:
      --run REGEX   run only the tests whose name matches REGEX
  -v, --verbose     list every test, not only the failures
`

// runTest is `seclint test`; it returns the exit code.
func runTest(ctx context.Context, args []string, stdout io.Writer) (int, error) {
	fs := pflag.NewFlagSet("seclint test", pflag.ContinueOnError)
	run := fs.String("run", "", "run only the tests whose name matches `REGEX`")
	verbose := fs.BoolP("verbose", "v", false, "list every test, not only the failures")
	fs.SetOutput(stdout)
	fs.Usage = func() { fmt.Fprint(stdout, testUsage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK, nil
		}
		return exitUsage, flagError{"test", err}
	}
	dirs := fs.Args()
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	results, err := policies.RunTests(ctx, dirs, *run)
	if err != nil {
		return exitUsage, err
	}
	failed := 0
	for _, r := range results {
		status := "PASS"
		switch {
		case r.Err != nil:
			status = "ERROR"
		case r.Fail:
			status = "FAIL"
		}
		if status != "PASS" {
			failed++
		}
		if status == "PASS" && !*verbose {
			continue
		}
		fmt.Fprintf(stdout, "%-5s %s:%d: %s (%s)\n", status, r.File, r.Line, r.Name, r.Duration.Round(time.Microsecond))
		if r.Err != nil {
			fmt.Fprintf(stdout, "      %v\n", r.Err)
		}
		if len(r.Output) > 0 && status != "PASS" {
			for _, line := range strings.Split(strings.TrimRight(string(r.Output), "\n"), "\n") {
				fmt.Fprintf(stdout, "      %s\n", line)
			}
		}
	}
	if failed > 0 {
		fmt.Fprintf(stdout, "FAIL: %d/%d\n", failed, len(results))
		return exitFindings, nil
	}
	fmt.Fprintf(stdout, "PASS: %d/%d\n", len(results), len(results))
	return exitOK, nil
}
