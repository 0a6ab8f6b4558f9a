package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/seclint/seclint"
	"github.com/seclint/seclint/config"
	"github.com/seclint/seclint/parsers/cloudformation"
	"github.com/seclint/seclint/policies"
	"github.com/seclint/seclint/report"
	"github.com/seclint/seclint/reporters"
)

const scanUsage = `seclint — static security linter for AWS infrastructure code

Usage:
  seclint [flags] [PATH...]        scan files and directories (default: .)
  seclint rules [-f text|json|markdown] [--policy DIR]
  seclint explain [--policy DIR] RULE-ID
  seclint test [DIR...]            run your own rules' Rego tests (*_test.rego)
  seclint version                  (also: seclint --version)
  seclint help [COMMAND]           this help, or a command's (also: COMMAND --help)

seclint reads Terraform (*.tf, *.tf.json, *.tfvars), CloudFormation templates
(YAML/JSON, SAM, CDK output) and IAM / resource policy JSON, and reports AWS
security problems and configurations AWS will reject. Each Terraform directory
is scanned as one module; each template and policy file on its own. When you
name files (as pre-commit does), their whole module is read for context and
only findings in the named files are reported.

Exit codes: 0 no finding at or above --fail-on; 1 findings, or files that could
not be parsed; 2 usage or configuration error.

Examples:
  seclint .                                   scan the current directory
  seclint -f sarif -o seclint.sarif infra/    SARIF for GitHub code scanning
  seclint -f text -f junit=report.xml .       text on stdout and a JUnit file
  seclint --var env=prod --var-file prod.tfvars terraform/
  seclint --cfn-param Env=prod template.yaml
  seclint --cfn-params params/prod.json template.yaml
  seclint --min-severity HIGH --disable aws-s3-versioning .

Flags:
`

type scanFlags struct {
	formats     []string
	output      string
	failOn      string
	minSeverity string
	policyDirs  []string
	enable      []string
	disable     []string
	exclude     []string
	varFiles    []string
	vars        []string
	cfnParams   []string
	cfnFiles    []string
	noColor     bool
	color       string
	version     bool
	quiet       bool
	diagLevel   string
	sortBy      string
	config      string
	baseline    string
	writeBase   string
	unused      bool
	showSupp    bool
	jobs        int
}

func runScan(ctx context.Context, args []string, stdout, stderr io.Writer) (int, error) {
	var f scanFlags
	fs := pflag.NewFlagSet("seclint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.StringArrayVarP(&f.formats, "format", "f", nil, "output `FORMAT[=FILE]`: text (default), json, sarif, junit, github; repeatable")
	fs.StringVarP(&f.output, "output", "o", "", "write the output to `FILE` (with a single --format)")
	fs.StringVar(&f.failOn, "fail-on", "LOW", "exit 1 when a finding at or above `SEVERITY` remains (CRITICAL, HIGH, MEDIUM, LOW; none: never)")
	fs.StringVar(&f.minSeverity, "min-severity", "LOW", "do not report findings below `SEVERITY`")
	fs.StringArrayVar(&f.policyDirs, "policy", nil, "load extra Rego rules from `DIR` (repeatable)")
	fs.StringSliceVar(&f.enable, "enable", nil, "run only these rule `IDS` (comma-separated)")
	fs.StringSliceVar(&f.disable, "disable", nil, "do not run these rule `IDS` (comma-separated)")
	fs.StringArrayVar(&f.exclude, "exclude", nil, "skip paths matching `GLOB` (repeatable; ** matches any depth)")
	fs.StringArrayVar(&f.varFiles, "var-file", nil, "Terraform variable values from `FILE` (.tfvars or .tfvars.json; repeatable)")
	fs.StringArrayVar(&f.vars, "var", nil, "Terraform variable value `NAME=VALUE` (repeatable)")
	fs.StringArrayVar(&f.cfnParams, "cfn-param", nil, "CloudFormation parameter value `NAME=VALUE` (repeatable)")
	fs.StringArrayVar(&f.cfnFiles, "cfn-params", nil, "CloudFormation parameter values from `FILE`: the AWS CLI's JSON list of ParameterKey/ParameterValue, or a JSON/YAML map (repeatable)")
	fs.StringVarP(&f.config, "config", "c", "", "config `FILE` (default: .seclint.yaml in the scan root)")
	fs.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in the baseline `FILE`")
	fs.StringVar(&f.writeBase, "write-baseline", "", "record the current findings in the baseline `FILE`")
	fs.BoolVar(&f.unused, "report-unused-ignores", false, "warn about suppressions that matched no finding")
	fs.BoolVar(&f.showSupp, "show-suppressed", false, "text output: also show suppressed findings")
	fs.StringVar(&f.color, "color", "auto", "colour the text output: `WHEN` auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.BoolVar(&f.noColor, "no-color", false, "never colour the text output (as --color=never)")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "text output: findings only, no source lines, diagnostics or summary")
	fs.StringVar(&f.diagLevel, "diagnostics", "", "list input problems at `LEVEL` and above: error, warning or all (default: text lists errors and warnings and sums up repeated notes; other formats list all)")
	fs.StringVar(&f.sortBy, "sort", "file", "text output: order findings by `KEY`: file (and line) or severity (most severe first)")
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "scan `N` units (modules, templates, policy files) at once (default: the number of cores); the output does not depend on it")
	fs.BoolVar(&f.version, "version", false, "print the version and exit")
	// The help is printed once, on stdout, when asked for; a usage error
	// gets one line and a pointer to it (as git and kubectl do).
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprint(stdout, scanUsage)
			fs.PrintDefaults()
			return exitOK, nil
		}
		return exitUsage, flagError{"", err}
	}
	if f.version {
		return exitOK, runVersion(nil, stdout)
	}
	if err := checkColor(f.color); err != nil {
		return exitUsage, err
	}
	if err := checkDiagLevel(f.diagLevel); err != nil {
		return exitUsage, err
	}
	if f.sortBy != "file" && f.sortBy != "severity" {
		return exitUsage, fmt.Errorf("--sort %q: want file or severity", f.sortBy)
	}
	if f.noColor {
		f.color = "never"
	}
	if err := checkVarFiles(f.varFiles, "--var-file"); err != nil {
		return exitUsage, err
	}

	cfg, err := loadConfig(f.config, fs.Args())
	if err != nil {
		return exitUsage, err
	}
	// The config file gives defaults; flags given on the command line win.
	if cfg != nil {
		if !fs.Changed("fail-on") && cfg.FailOn != "" {
			f.failOn = cfg.FailOn
		}
		if !fs.Changed("min-severity") && cfg.MinSeverity != "" {
			f.minSeverity = cfg.MinSeverity
		}
		if !fs.Changed("enable") {
			f.enable = cfg.Rules.Enable
		}
		if !fs.Changed("disable") {
			f.disable = cfg.Rules.Disable
		}
		f.exclude = append(cfg.Exclude, f.exclude...)
		f.policyDirs = append(cfg.Policies, f.policyDirs...)
		if err := checkVarFiles(cfg.Terraform.VarFiles, cfg.Path+": terraform.var_files:"); err != nil {
			return exitUsage, err
		}
		for _, files := range cfg.Terraform.RootVarFiles {
			if err := checkVarFiles(files, cfg.Path+": terraform.root_var_files:"); err != nil {
				return exitUsage, err
			}
		}
		f.varFiles = append(cfg.Terraform.VarFiles, f.varFiles...)
		if err := checkConfigRuleIDs(cfg, f.policyDirs); err != nil {
			return exitUsage, err
		}
	}
	if f.jobs < 0 {
		return exitUsage, fmt.Errorf("--jobs %d: want a positive number, or 0 for the number of cores", f.jobs)
	}
	failOn, ok := parseFailOn(f.failOn)
	if !ok {
		return exitUsage, fmt.Errorf("--fail-on %q: want CRITICAL, HIGH, MEDIUM, LOW or none", f.failOn)
	}
	minSev, ok := report.ParseSeverity(f.minSeverity)
	if !ok {
		return exitUsage, fmt.Errorf("--min-severity %q: want CRITICAL, HIGH, MEDIUM or LOW", f.minSeverity)
	}
	outputs, err := parseOutputs(f.formats, f.output)
	if err != nil {
		return exitUsage, err
	}
	vars, err := keyValues("--var", f.vars)
	if err != nil {
		return exitUsage, err
	}
	params := map[string]string{}
	for _, file := range f.cfnFiles {
		p, err := cloudformation.LoadParamsFile(file)
		if err != nil {
			return exitUsage, fmt.Errorf("--cfn-params: %w", err)
		}
		params = merged(params, p)
	}
	flagParams, err := keyValues("--cfn-param", f.cfnParams)
	if err != nil {
		return exitUsage, err
	}
	params = merged(params, flagParams)
	opts := seclint.Options{
		Paths:               fs.Args(),
		Exclude:             f.exclude,
		Vars:                vars,
		VarFiles:            f.varFiles,
		CFNParams:           params,
		MinSeverity:         minSev,
		Policies:            policies.Options{Dirs: f.policyDirs, Enable: f.enable, Disable: f.disable},
		ReportUnusedIgnores: f.unused,
		Workers:             f.jobs,
		CLIVars:             names(vars),
		CLIParams:           names(flagParams),
		Checks:              wantsChecks(outputs),
	}
	if cfg != nil {
		opts.Vars = merged(cfg.Terraform.Vars, vars)
		opts.RootVarFiles = cfg.Terraform.RootVarFiles
		opts.CFNParams = merged(cfg.CloudFormation.Parameters, params)
		opts.Ignores = cfg.Ignore
		opts.PolicyKinds = cfg.PolicyKinds
		opts.ConfigPath = cfg.Path
		opts.Severity = map[string]report.Severity{}
		for id, s := range cfg.Rules.Severity {
			opts.Severity[id], _ = report.ParseSeverity(s)
		}
	}
	if f.baseline != "" {
		if opts.Baseline, err = seclint.LoadBaseline(f.baseline); err != nil {
			return exitUsage, err
		}
	}
	prog := newProgress(stderr, f.quiet)
	if prog != nil {
		opts.Progress = prog.update
	}
	rep, err := seclint.Scan(ctx, opts)
	prog.finish()
	if err != nil {
		return exitUsage, err
	}
	if f.writeBase != "" {
		// Recording a baseline is not a check: the file is written, one
		// line says so, and only outputs sent to files are written too.
		if err := writeBaseline(f.writeBase, rep); err != nil {
			return exitUsage, err
		}
		for _, o := range outputs {
			if o.file == "" {
				continue
			}
			if err := o.write(rep, stdout, f); err != nil {
				return exitUsage, err
			}
		}
		fmt.Fprintln(stdout, baselineWritten(f.writeBase, rep))
		return exitOK, nil
	}
	for _, o := range outputs {
		if err := o.write(rep, stdout, f); err != nil {
			return exitUsage, err
		}
	}
	return exitCode(rep, failOn), nil
}

// wantsChecks reports whether an output lists the rules that passed
// (JUnit's passing test cases): only then does the scan build them.
func wantsChecks(outs []output) bool {
	for _, o := range outs {
		if o.format == "junit" {
			return true
		}
	}
	return false
}

// output is one --format with its destination ("" = stdout).
type output struct {
	format string
	file   string
}

func parseOutputs(formats []string, file string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
		if inferred := inferFormat(file); inferred != "" {
			formats = []string{inferred}
		}
	}
	var outs []output
	toStdout := 0
	for _, f := range formats {
		name, dest, _ := strings.Cut(f, "=")
		name = strings.ToLower(name)
		if !slices.Contains(reporters.Formats, name) {
			return nil, fmt.Errorf("--format %q: want one of %s", name, strings.Join(reporters.Formats, ", "))
		}
		if dest == "" && file != "" && len(formats) == 1 {
			dest = file
		}
		if dest == "" {
			toStdout++
		}
		outs = append(outs, output{format: name, file: dest})
	}
	if file != "" && len(formats) > 1 {
		return nil, fmt.Errorf("--output goes with a single --format; use --format FORMAT=FILE for several")
	}
	if toStdout > 1 {
		return nil, fmt.Errorf("only one --format can go to standard output; give the others a file: --format sarif=out.sarif")
	}
	return outs, nil
}

func (o output) write(rep *report.Report, stdout io.Writer, f scanFlags) error {
	w := stdout
	color := false
	if o.file != "" {
		file, err := os.Create(o.file)
		if err != nil {
			return fmt.Errorf("cannot write %s output: %w", o.format, err)
		}
		defer file.Close()
		w = file
	} else {
		color = colorOn(f.color, stdout)
	}
	rep = diagnosticsView(rep, f.diagLevel, f.quiet, o.format == "text")
	if o.format == "text" && f.sortBy == "severity" {
		rep = sortBySeverity(rep)
	}
	// A scan that found nothing to scan says so in its one warning line.
	nothing := rep.Files == 0 && rep.Skipped == 0 && len(rep.Findings) == 0
	opts := reporters.Options{Color: color, ShowSource: !f.quiet && !nothing, ShowSummary: !f.quiet && !nothing, ShowSuppressed: f.showSupp}
	if err := reporters.Write(w, o.format, rep, opts); err != nil {
		return fmt.Errorf("writing %s output: %w", o.format, err)
	}
	if c, ok := w.(io.Closer); ok && o.file != "" {
		if err := c.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", o.file, err)
		}
	}
	return nil
}

func keyValues(flag string, kvs []string) (map[string]string, error) {
	m := map[string]string{}
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("%s %q: want NAME=VALUE", flag, kv)
		}
		m[k] = v
	}
	return m, nil
}

// loadConfig reads --config, or .seclint.yaml from the first directory
// argument or the working directory.
func loadConfig(path string, args []string) (*config.Config, error) {
	if path == "" {
		var roots []string
		if len(args) > 0 {
			if info, err := os.Stat(args[0]); err == nil && info.IsDir() {
				roots = append(roots, args[0])
			}
		}
		for _, r := range append(roots, ".") {
			if path = config.Find(r); path != "" {
				break
			}
		}
		if path == "" {
			return nil, nil
		}
	}
	return config.Load(path)
}

// merged returns base with over's entries on top.
func merged(base, over map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

func writeBaseline(path string, rep *report.Report) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	if err := seclint.WriteBaseline(f, rep); err != nil {
		f.Close()
		return fmt.Errorf("writing baseline: %w", err)
	}
	return f.Close()
}
