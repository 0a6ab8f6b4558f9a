// Package seclint is the library behind the seclint command: Scan discovers
// Terraform, CloudFormation and policy files under the given paths, parses
// each scan unit into the one model, evaluates the Rego rules against it,
// locates every finding in the source and returns the Report.
//
//	discover → parse → adapt → evaluate → locate → filter → Report
package seclint

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/seclint/seclint/config"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/policies"
	"github.com/seclint/seclint/report"
)

// Version is seclint's version, set at build time with -ldflags "-X github.com/seclint/seclint.Version=...".
var Version = "0.1.0-dev"

// Options configure a scan.
type Options struct {
	// Paths are the files and directories to scan; empty means ".".
	Paths []string
	// Exclude are glob patterns (doublestar syntax, matched against slash
	// paths) of files and directories to skip.
	Exclude []string
	// Vars and VarFiles are Terraform input variables (--var, --var-file).
	Vars     map[string]string
	VarFiles []string
	// RootVarFiles maps a root module's directory to the var files it is
	// scanned with, after VarFiles (the config's terraform.root_var_files).
	RootVarFiles map[string][]string
	// CFNParams are CloudFormation parameter values (--cfn-param).
	CFNParams map[string]string
	// CLIVars and CLIParams are the names given with --var and --cfn-param:
	// one that no scanned unit declares is a warning (inputs.go).
	CLIVars, CLIParams []string
	// Policies selects rules and loads users' rule directories.
	Policies policies.Options
	// MinSeverity drops findings below it ("" keeps all).
	MinSeverity report.Severity
	// Workers is the number of units parsed and evaluated at once (--jobs;
	// default GOMAXPROCS). Results are gathered by unit and sorted, so the
	// report does not depend on it.
	Workers int
	// Env is the environment Terraform's TF_VAR_* values come from (default os.Environ()).
	Env []string

	// Ignores are path-scoped suppressions from the config file.
	Ignores []config.Ignore
	// PolicyKinds set the kind of standalone policy files by path (config
	// policy_kinds); the first entry that matches a file wins.
	PolicyKinds []config.PolicyKind
	// ConfigPath names the config file in reports of its ignores.
	ConfigPath string
	// Severity overrides the severity of every finding of a rule.
	Severity map[string]report.Severity
	// Baseline holds the fingerprints of known findings: only findings not in
	// it are reported.
	Baseline Baseline
	// ReportUnusedIgnores adds a warning for each suppression that matched nothing.
	ReportUnusedIgnores bool
	// Checks fills Report.Checks: every rule that passed on every object it
	// checked, which only JUnit output lists. A scan of the corpus holds
	// about 16,000 of them, so they are built only when asked for.
	Checks bool
	// Today decides whether an until= date has passed (default: the current date).
	Today time.Time
	// Progress, when set, is called as each unit starts and ends, with the
	// units done, their number and the unit's path; concurrently, from the
	// workers (see progress.go).
	Progress func(done, total int, unit string)
}

// Scanner holds the compiled rules, so several scans (a benchmark, an
// editor integration) pay for compiling them once.
type Scanner struct {
	engine *policies.Engine
	// severity is each rule's default severity and targets the
	// collections each rule applies to (targets[i] for rule i): the same
	// for every unit, so built once rather than per unit.
	severity map[string]report.Severity
	targets  [][]ruleCollection
}

// NewScanner compiles the rules selected by opts.
func NewScanner(ctx context.Context, opts policies.Options) (*Scanner, error) {
	e, err := policies.New(ctx, opts)
	if err != nil {
		return nil, err
	}
	rules := e.Rules()
	sev := make(map[string]report.Severity, len(rules))
	for _, r := range rules {
		sev[r.ID] = r.Severity
	}
	return &Scanner{engine: e, severity: sev, targets: ruleCollections(rules)}, nil
}

// Rules documents the rules the scanner runs.
func (s *Scanner) Rules() []report.Rule { return s.engine.Rules() }

// Scan compiles the rules and scans opts.Paths.
func Scan(ctx context.Context, opts Options) (*report.Report, error) {
	s, err := NewScanner(ctx, opts.Policies)
	if err != nil {
		return nil, err
	}
	return s.Scan(ctx, opts)
}

// Scan scans opts.Paths (opts.Policies is ignored: the scanner's rules run).
// The error is for problems with the request itself (a path that does not
// exist); problems with the input are diagnostics in the report.
func (s *Scanner) Scan(ctx context.Context, opts Options) (*report.Report, error) {
	start := time.Now()
	// The units' rule evaluations share one watcher of ctx.
	ctx, stop := policies.WithCancel(ctx)
	defer stop()
	root, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("finding the working directory: %w", err)
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	d, err := discoverWith(paths, opts.Exclude, opts.RootVarFiles)
	if err != nil {
		return nil, err
	}
	if opts.Env == nil {
		opts.Env = os.Environ()
	}
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	external, err := configIgnores(opts.Ignores, opts.ConfigPath)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{Tool: Version, Root: root, Rules: overrideRules(s.engine.Rules(), opts.Severity), Files: d.files, Skipped: d.skipped}
	rep.Diagnostics = append(rep.Diagnostics, d.diags...)

	results := make([]unitResult, len(d.jobs))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	progress := newProgressCounter(opts.Progress, len(d.jobs))
	var quiet quietFiles
	runJobs(d.jobs, workers, func(i int) {
		progress.start(d.jobs[i].path)
		results[i] = s.runJob(ctx, d.jobs[i], &opts, external, &quiet)
		progress.end(d.jobs[i].path)
	})
	rep.Diagnostics = append(rep.Diagnostics, d.inputs.unused(opts.CLIVars, opts.CLIParams)...)

	// A nested stack's template is read as part of its parent (with the
	// parameters the parent passes) and also found on its own; report it once,
	// through the parent.
	nested := map[string]bool{}
	for _, r := range results {
		for _, f := range r.included {
			nested[f] = true
		}
	}
	// The report's slices are sized first: the checks of a scan are many,
	// and growing them by appending copied them over and over.
	var nFindings, nChecks int
	for i, r := range results {
		if !nested[d.jobs[i].path] {
			nFindings += len(r.findings)
			nChecks += len(r.checks)
		}
	}
	rep.Findings = slices.Grow(rep.Findings, nFindings)
	rep.Checks = slices.Grow(rep.Checks, nChecks)
	units := make([]string, 0, nFindings) // the unit of each finding, for mergeInstances
	// A file that several units read (a module that several roots call)
	// gives its diagnostics once: the Terraform parser's cache already
	// reports a shared module's once, and this does so for what the scan
	// reports about it (malformed and unused ignore comments).
	seenDiag := map[model.Diagnostic]bool{}
	for i, r := range results {
		if nested[d.jobs[i].path] {
			continue
		}
		rep.Findings = append(rep.Findings, r.findings...)
		for range r.findings {
			units = append(units, d.jobs[i].path)
		}
		rep.Checks = append(rep.Checks, r.checks...)
		for _, dg := range r.diags {
			if !seenDiag[dg] {
				seenDiag[dg] = true
				rep.Diagnostics = append(rep.Diagnostics, dg)
			}
		}
		rep.Resources += r.resources
	}
	rep.Findings = mergeInstances(rep.Findings, units)
	dropExcluded(rep, opts.Exclude)
	if opts.MinSeverity != "" {
		kept := rep.Findings[:0]
		for _, f := range rep.Findings {
			if f.Severity.Rank() >= opts.MinSeverity.Rank() {
				kept = append(kept, f)
			}
		}
		rep.Findings = kept
	}
	if opts.Baseline != nil {
		rep.Findings = opts.Baseline.filter(rep.Findings)
	}
	for _, ig := range external {
		if !ig.used.Load() && opts.ReportUnusedIgnores {
			rep.Diagnostics = append(rep.Diagnostics, unusedDiagnostic(ig))
		}
	}
	sortReport(rep)
	rep.Duration = time.Since(start)
	return rep, nil
}

// runJobs calls run(i) for every job on the given number of goroutines
// and returns when all calls have returned. Results are gathered by job
// index, so the order of the calls does not change the report.
//
// Terraform root modules run first, then templates and policy files.
// Discovery parsed the files that declare module calls, and the cache
// holds them until a root module loads them; run first, the Terraform units
// let go of them early, and the many small units that follow run with a
// smaller heap (peak memory and the page faults of a fresh process go down).
//
// Roots are found in path order, so the examples of one repository come
// together, and each calls the repository's top module: run side by side,
// one loads the module while the other waits for it. A free worker takes
// the first job, among the next few, that shares no module with a running
// one (schedule.take).
func runJobs(jobs []job, workers int, run func(int)) {
	s := &schedule{jobs: jobs, running: map[string]int{}}
	for i, j := range jobs {
		if j.src == nil {
			s.pending = append(s.pending, i)
		}
	}
	for i, j := range jobs {
		if j.src != nil {
			s.pending = append(s.pending, i)
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i, ok := s.take()
				if !ok {
					return
				}
				run(i)
				s.done(i)
			}
		})
	}
	wg.Wait()
}

// schedule is the queue of runJobs.
type schedule struct {
	jobs []job
	mu   sync.Mutex
	// pending are the jobs not started, in order; running counts the
	// running jobs that share each module (job.shares).
	pending []int
	running map[string]int
}

// take removes and returns the next job to run: the first of the next
// lookahead pending jobs that shares no module with a running job, else
// the first (looking a bounded distance ahead keeps the cost linear).
func (s *schedule) take() (int, bool) {
	const lookahead = 32
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.pending) == 0 {
		return 0, false
	}
	pick := 0
	for k := range min(len(s.pending), lookahead) {
		if !s.busy(s.pending[k]) {
			pick = k
			break
		}
	}
	i := s.pending[pick]
	copy(s.pending[1:pick+1], s.pending[:pick])
	s.pending = s.pending[1:]
	for _, d := range s.jobs[i].shares {
		s.running[d]++
	}
	return i, true
}

// busy reports whether job i shares a module with a running job.
func (s *schedule) busy(i int) bool {
	for _, d := range s.jobs[i].shares {
		if s.running[d] > 0 {
			return true
		}
	}
	return false
}

// done records that job i has finished.
func (s *schedule) done(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.jobs[i].shares {
		s.running[d]--
	}
}

type unitResult struct {
	// included are the files the unit read besides its own path (nested
	// CloudFormation templates).
	included  []string
	findings  []report.Finding
	checks    []report.Check
	diags     []model.Diagnostic
	resources int
}

// runJob parses one unit, evaluates the rules on it and locates the findings.
// A panic in a parser is a bug, but it must not take the other files down:
// it becomes an error diagnostic on the unit.
func (s *Scanner) runJob(ctx context.Context, j job, opts *Options, external []*ignore, quiet *quietFiles) (res unitResult) {
	defer func() {
		if p := recover(); p != nil {
			res = unitResult{diags: []model.Diagnostic{{
				Severity: model.DiagError,
				Summary:  "internal error while scanning this file",
				Detail:   fmt.Sprintf("%v (please report this as a seclint bug)", p),
				Range:    model.Range{File: j.path},
			}}}
		}
	}()
	u := j.parse(opts)
	res.diags = u.Diagnostics
	if u.Kind == model.UnitCloudFormation && len(u.Files) > 1 {
		res.included = u.Files[1:]
	}
	m := u.Model.Normalize()
	// Room for every collection (model.Collections lists 51; more would
	// still be right, only allocated), on this frame rather than the heap.
	var buf [64]model.Collection
	cs := newCollections(m, buf[:])
	res.resources = cs.resources()
	raw, err := s.engine.Evaluate(ctx, m)
	if err != nil {
		res.diags = append(res.diags, model.Diagnostic{Severity: model.DiagError, Summary: "rule evaluation failed", Detail: err.Error(), Range: model.Range{File: j.path}})
		return res
	}
	res.findings = locate(u, cs, raw, s.severity, opts.Severity)
	if u.Kind == model.UnitCloudFormation {
		cfnSpelling(res.findings)
	}
	if opts.Checks {
		res.checks = checks(u, cs, s.engine.Rules(), s.targets)
	}
	igs, diags := unitIgnores(u, j.path, j.src, quiet)
	res.diags = append(res.diags, diags...)
	for _, ig := range applyIgnores(res.findings, append(igs, external...), opts.Today) {
		if opts.ReportUnusedIgnores && ig.kind == report.SuppressionInSource {
			res.diags = append(res.diags, unusedDiagnostic(ig))
		}
	}
	if j.only != nil {
		res.findings = onlyFiles(res.findings, j.only)
		res.checks = onlyChecks(res.checks, j.only)
	}
	return res
}

// resources counts the model objects the rules check; template
// parameters are inputs, not resources.
func (cs collections) resources() int {
	n := 0
	for _, c := range cs.all {
		if !strings.HasPrefix(c.Name, "aws.cloudformation.") {
			n += len(c.Objects)
		}
	}
	return n
}

// sortReport orders the report. The sorts are stable, so entries that
// compare equal keep the order of the units. (slices.SortStableFunc moves
// the entries directly; sort.SliceStable swapped them through reflection,
// which was most of the cost on the many checks of a scan.)
func sortReport(r *report.Report) {
	slices.SortStableFunc(r.Findings, func(a, b report.Finding) int {
		if c := strings.Compare(a.Range.File, b.Range.File); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Range.Start.Line, b.Range.Start.Line); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Range.Start.Column, b.Range.Start.Column); c != 0 {
			return c
		}
		if c := strings.Compare(a.RuleID, b.RuleID); c != 0 {
			return c
		}
		return strings.Compare(a.Resource+a.Attribute, b.Resource+b.Attribute)
	})
	slices.SortStableFunc(r.Checks, func(a, b report.Check) int {
		if c := strings.Compare(a.RuleID, b.RuleID); c != 0 {
			return c
		}
		return strings.Compare(a.Resource, b.Resource)
	})
	slices.SortStableFunc(r.Diagnostics, func(a, b model.Diagnostic) int {
		if c := strings.Compare(a.Range.File, b.Range.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Range.Start.Line, b.Range.Start.Line)
	})
}

// overrideRules applies per-rule severity overrides to the rule documentation.
func overrideRules(rules []report.Rule, sev map[string]report.Severity) []report.Rule {
	if len(sev) == 0 {
		return rules
	}
	out := make([]report.Rule, len(rules))
	for i, r := range rules {
		if s, ok := sev[r.ID]; ok {
			r.Severity = s
		}
		out[i] = r
	}
	return out
}

// cleanPath keeps paths as the user wrote them but in a canonical form, so
// "./x" and "x" name one file in findings and suppressions.
func cleanPath(p string) string { return filepath.Clean(p) }
