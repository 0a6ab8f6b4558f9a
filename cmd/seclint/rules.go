package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/seclint/seclint/policies"
	"github.com/seclint/seclint/report"
)

func runRules(ctx context.Context, args []string, stdout io.Writer) error {
	fs := pflag.NewFlagSet("seclint rules", pflag.ContinueOnError)
	format := fs.StringP("format", "f", "text", "output `FORMAT`: text, json or markdown")
	dirs := fs.StringArray("policy", nil, "also list the rules in `DIR` (repeatable)")
	fs.SetOutput(stdout)
	fs.Usage = func() {
		fmt.Fprintln(stdout, "Usage: seclint rules [-f|--format text|json|markdown] [--policy DIR]\n\nLists every rule seclint runs.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil
		}
		return flagError{"rules", err}
	}
	e, err := policies.New(ctx, policies.Options{Dirs: *dirs})
	if err != nil {
		return err
	}
	rules := e.Rules()
	switch strings.ToLower(*format) {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if rules == nil {
			rules = []report.Rule{}
		}
		return enc.Encode(rules)
	case "markdown":
		fmt.Fprintln(stdout, "| ID | Severity | Kind | Title |\n|---|---|---|---|")
		for _, r := range rules {
			fmt.Fprintf(stdout, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, r.Kind, r.Title)
		}
		return nil
	case "text":
		for _, r := range rules {
			fmt.Fprintf(stdout, "%-45s %-9s %-12s %s\n", r.ID, r.Severity, r.Kind, r.Title)
		}
		return nil
	}
	return fmt.Errorf("rules --format %q: want text, json or markdown", *format)
}

func runExplain(ctx context.Context, args []string, stdout io.Writer) error {
	fs := pflag.NewFlagSet("seclint explain", pflag.ContinueOnError)
	dirs := fs.StringArray("policy", nil, "also look in your own rules in `DIR` (repeatable)")
	fs.SetOutput(stdout)
	fs.Usage = func() { fmt.Fprint(stdout, commandHelp["explain"]) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil
		}
		return flagError{"explain", err}
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("usage: seclint explain [--policy DIR] RULE-ID (see `seclint rules`)")
	}
	id := fs.Arg(0)
	e, err := policies.New(ctx, policies.Options{Dirs: *dirs})
	if err != nil {
		return err
	}
	for _, r := range e.Rules() {
		if r.ID != id {
			continue
		}
		fmt.Fprintf(stdout, "%s — %s\n\nSeverity: %s    Kind: %s\n", r.ID, r.Title, r.Severity, r.Kind)
		if r.Custom {
			fmt.Fprintf(stdout, "Custom rule, from --policy %s\n", strings.Join(*dirs, ", "))
		}
		if len(r.FSBP) > 0 {
			fmt.Fprintf(stdout, "AWS Security Hub (FSBP): %s\n", strings.Join(r.FSBP, ", "))
		}
		if len(r.ResourceTypes) > 0 {
			fmt.Fprintf(stdout, "Reads: %s\n", strings.Join(r.ResourceTypes, ", "))
		}
		fmt.Fprintf(stdout, "\n%s\n", r.Description)
		if r.Remediation.Terraform != "" {
			fmt.Fprintf(stdout, "\nFix in Terraform:\n%s\n", indent(r.Remediation.Terraform))
		}
		if r.Remediation.CloudFormation != "" {
			fmt.Fprintf(stdout, "\nFix in CloudFormation:\n%s\n", indent(r.Remediation.CloudFormation))
		}
		return nil
	}
	if len(*dirs) == 0 {
		return fmt.Errorf("no rule %q (see `seclint rules`; your own rules need --policy DIR)", id)
	}
	return fmt.Errorf("no rule %q (see `seclint rules --policy DIR`)", id)
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}
