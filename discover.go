package seclint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/seclint/seclint/config"

	"github.com/seclint/seclint/parsers/cloudformation"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/policyjson"
	"github.com/seclint/seclint/parsers/terraform"
)

// job is one scan unit waiting to be parsed.
type job struct {
	path string
	// only, when set, limits the reported findings to these files: the user
	// named files explicitly (as pre-commit does), and the rest of the
	// module was read only for context.
	only  map[string]bool
	parse func(*Options) *model.Unit
	// src is the file at path when discovery read it (a template, plan or
	// policy file): its ignore comments are read from it, not read again.
	src []byte
	// shares are the module directories this Terraform root evaluates that
	// other roots evaluate too (the top module of a repository that each of
	// its examples calls); runJobs keeps two such roots apart.
	shares []string
}

type discovery struct {
	jobs  []job
	files int
	// skipped counts the YAML/JSON files named on the command line that
	// are neither templates nor policies.
	skipped int
	// inputs records the variables and parameters the units declare.
	inputs *inputUse
	diags  []model.Diagnostic
	// root is the path argument being walked (its directory for a file):
	// nested templates and files read by functions must stay inside it.
	root string
	// tf groups Terraform files into root modules (discover_terraform.go).
	tf *tfUnits
	// candidates are the YAML/JSON files the walk found, read and
	// classified after it (classify), beside the Terraform call graph.
	candidates []candidate
}

// candidate is a YAML/JSON file found by discovery, not read yet.
type candidate struct {
	path string
	// root is discovery.root when the walk found the file.
	root     string
	explicit bool
}

// emptyRoot is a directory argument under which the walk found no
// Terraform file, only candidates[from:to]: if none of them is a template
// or policy, nothing under it is scanned.
type emptyRoot struct {
	path     string
	from, to int
}

// skipDirs are never IaC the user wrote: VCS data, Terraform's download
// cache and JavaScript dependencies.
var skipDirs = map[string]bool{".git": true, ".terraform": true, "node_modules": true}

// discover walks the paths, classifies files and groups them into units:
// one per Terraform module directory, CloudFormation template and policy file.
//
//nolint:unparam // the tests' entry point; Scan calls discoverWith
func discover(paths []string, exclude []string) (*discovery, error) {
	return discoverWith(paths, exclude, nil)
}

// discoverWith is discover with the var files of each root module
// (Options.RootVarFiles).
func discoverWith(paths []string, exclude []string, rootVarFiles map[string][]string) (*discovery, error) {
	for _, g := range exclude {
		if !doublestar.ValidatePattern(g) {
			return nil, fmt.Errorf("--exclude %q is not a valid glob pattern", g)
		}
	}
	d := &discovery{tf: newTFUnits(), inputs: newInputUse()}
	d.tf.inputs = d.inputs
	d.tf.setRootVarFiles(rootVarFiles)
	// walkRoot is the directory argument being walked.
	var walkRoot string
	excluded := func(p string) bool { return matchAny(exclude, p) }
	seenFiles := map[string]bool{}
	visit := func(p string, explicit bool) {
		p = cleanPath(p)
		if seenFiles[p] && !explicit {
			return
		}
		seenFiles[p] = true
		switch {
		case isTerraform(p):
			d.files++
			if explicit {
				d.tf.addExplicit(p)
			} else {
				d.tf.addWalked(p, walkRoot)
			}
		case explicit && isVarFile(p):
			// A commit that changes only a .tfvars file: scanned as the
			// input of its module (discover_varfiles.go).
			d.files++
			d.tf.addVarFile(p)
		case isTemplateCandidate(p):
			d.candidates = append(d.candidates, candidate{path: p, root: d.root, explicit: explicit})
		}
	}
	var empty []emptyRoot
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("cannot scan %s: %w", root, errors.Unwrap(err))
		}
		d.root = root
		if !info.IsDir() {
			d.root = filepath.Dir(root)
			visit(root, true)
			continue
		}
		before, candidatesBefore := d.files, len(d.candidates)
		walkRoot = cleanPath(root)
		err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable entry is a diagnostic; the walk goes on.
				d.diags = append(d.diags, model.Diagnostic{Severity: model.DiagError, Summary: "cannot read", Detail: err.Error(), Range: model.Range{File: p}})
				return nil //nolint:nilerr // reported as a diagnostic above
			}
			if p != root && excluded(p) {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				if p != root && skipDirs[e.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			if e.Type().IsRegular() {
				visit(p, false)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walking %s: %w", root, err)
		}
		if d.files == before {
			empty = append(empty, emptyRoot{path: root, from: candidatesBefore, to: len(d.candidates)})
		}
	}
	// Reading and classifying the YAML/JSON files is serial, and the call
	// graph of the Terraform modules keeps every core busy: the one runs
	// beside the other, not before it. Neither reads what the other writes
	// (the graph reads d.tf.dirs; classify writes the rest of d).
	counted := make([]bool, len(d.candidates))
	classified := make(chan struct{})
	go func() {
		defer close(classified)
		for i, c := range d.candidates {
			counted[i] = d.classify(c)
		}
	}()
	graph := d.tf.graph()
	<-classified
	for _, e := range empty {
		if !slices.Contains(counted[e.from:e.to], true) {
			// Nothing to scan is not a failure (an empty repository, a
			// directory of docs): a warning, exit code 0, as tflint does.
			d.diags = append(d.diags, model.Diagnostic{
				Severity: model.DiagWarning,
				Summary:  "no Terraform, CloudFormation or policy files found",
				Detail:   "nothing under this path was scanned; check the path and --exclude",
				Range:    model.Range{File: e.path},
			})
		}
	}
	d.diags = append(d.diags, d.tf.resolveVarFiles()...)
	// Terraform units are the root modules (discover_terraform.go).
	d.jobs = append(d.jobs, d.tf.jobs(graph, exclude)...)
	return d, nil
}

func isTerraform(p string) bool {
	return strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")
}

func isTemplateCandidate(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json", ".template":
		return true
	}
	return false
}

// classify reads a YAML/JSON file and queues it as a CloudFormation template
// or a policy document; anything else is not ours and is skipped quietly,
// unless the user named it explicitly. It reports whether the file is
// scanned.
func (d *discovery) classify(c candidate) bool {
	p, root := c.path, c.root
	src, err := os.ReadFile(p)
	if err != nil {
		d.diags = append(d.diags, model.Diagnostic{Severity: model.DiagError, Summary: "cannot read", Detail: err.Error(), Range: model.Range{File: p}})
		return false
	}
	switch {
	case terraform.IsPlan(src):
		// terraform show -json output: before the policy check, since a
		// plan holds policy documents as strings.
		d.tf.addPlan(p)
		d.jobs = append(d.jobs, job{path: p, src: src, parse: func(o *Options) *model.Unit {
			return terraform.ParsePlan(p, src, terraform.Options{Vars: o.Vars, VarFiles: o.VarFiles, Env: o.Env, ScanRoot: root})
		}})
	case cloudformation.IsTemplate(src):
		d.jobs = append(d.jobs, job{path: p, src: src, parse: func(o *Options) *model.Unit {
			u := cloudformation.Parse(p, src, cloudformation.Options{Params: o.CFNParams, Root: root})
			d.inputs.addTemplate(u)
			return u
		}})
	case strings.EqualFold(filepath.Ext(p), ".json") && policyjson.IsPolicy(src):
		d.jobs = append(d.jobs, job{path: p, src: src, parse: func(o *Options) *model.Unit {
			return policyjson.ParseKinds(p, src, policyKindRules(o.PolicyKinds, o.ConfigPath))
		}})
	default:
		if c.explicit {
			// pre-commit passes every changed YAML/JSON file (a workflow,
			// a package.json): counted in the summary, without a message
			// each.
			d.skipped++
		}
		return false
	}
	d.files++
	return true
}

// matchAny reports whether a path matches one of the globs (doublestar
// syntax, on the slash form of the path), or its base name does: so
// "**/test/**" and "*.generated.tf" both do what users expect.
func matchAny(globs []string, p string) bool {
	slash := filepath.ToSlash(p)
	for _, g := range globs {
		g = config.CleanGlob(g)
		if ok, _ := doublestar.Match(g, slash); ok {
			return true
		}
		// A glob of a config file named by absolute path against a path
		// as the user wrote it, or the other way round.
		if path.IsAbs(g) != filepath.IsAbs(p) {
			if other, ok := otherForm(p); ok {
				if ok, _ := doublestar.Match(g, filepath.ToSlash(other)); ok {
					return true
				}
			}
		}
		if ok, _ := doublestar.Match(g, filepath.Base(p)); ok {
			return true
		}
	}
	return false
}
