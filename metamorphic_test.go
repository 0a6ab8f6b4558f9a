package seclint

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/seclint/seclint/parsers/cloudformation"
	"github.com/seclint/seclint/parsers/terraform"
	"github.com/seclint/seclint/policies"
	"github.com/seclint/seclint/report"
)

// metamorphicGroups are the directories whose units the metamorphic test
// varies. A group is copied and scanned as a whole, so that module calls,
// nested stacks and files read by functions resolve as in the fixture scan.
var metamorphicGroups = []string{"testdata/fixtures/*", "testdata/examples/*", "testdata/cloudformation", "testdata/terraform/*"}

// maxSingleInputs: a unit with at most this many inputs also gets one
// variant per input, besides the variant with all of them unknown.
const maxSingleInputs = 8

// knownViolation is a case where making an input unknown adds a finding
// today, with the reason. The test tolerates exactly these, and fails when
// one of them no longer happens, so that the list stays current.
type knownViolation struct {
	unit    string // group-relative unit path, slash-separated, under the group
	input   string // the input made unknown ("var.x", "Parameters.X")
	finding string // findingKey of the added finding
	reason  string
}

var knownViolations = []knownViolation{}

// TestUnknownInputsAddNoFinding is the metamorphic property of issue 9: over
// every fixture unit, making a known input unknown (a variable's default and
// its tfvars values, a parameter's default) never adds a finding. A rule
// that fires on a value derived from an unknown, or a parser that turns an
// unknown into a known, breaks it.
//
// Inputs that decide whether, or how often, a resource exists are outside
// the property: with such an input unknown, a resource of unknown
// multiplicity is checked as one instance, which can rightly add findings
// (count = var.n with n = 0 hides a resource). Those are the variables that
// count/for_each expressions (of resources, data sources, module calls and
// dynamic blocks) reach directly, through locals, or through the arguments
// of a local module call that decide the called module's multiplicity; and
// the parameters reached by the Conditions that resources name (through
// other conditions) and by Fn::ForEach collections.
//
// Plan JSON (and configurations beside a plan, which the plan replaces) is
// skipped: a plan's values are fixed. The fixture scan passes no --var,
// --var-file or --cfn-param, so there are none to drop.
//
// A finding on the declaration of the input made unknown (a template
// parameter: aws-cfn-secret-parameter-noecho) is not derived from the
// input's value: the rule reads the declaration, which the edit changed.
// Without a Default that shows a secret-looking name to be a setting
// (EncryptSecrets: Enabled), the name alone decides, and a finding about the
// Default becomes one about the missing NoEcho. Those are left out.
//
// Findings are compared by rule, resource, attribute and file, not by line:
// editing a file moves lines.
func TestUnknownInputsAddNoFinding(t *testing.T) {
	ctx := context.Background()
	scanner, err := NewScanner(ctx, policies.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var groups []string
	for _, g := range metamorphicGroups {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range m {
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				groups = append(groups, d)
			}
		}
	}
	known := map[string][]knownViolation{}
	for _, k := range knownViolations {
		known[k.unit+" "+k.input] = append(known[k.unit+" "+k.input], k)
	}
	var mu sync.Mutex
	seen := map[string]bool{} // known violations observed
	ran := map[string]bool{}  // unit and input of every variant run
	variants := 0
	t.Run("group", func(t *testing.T) {
		for _, g := range groups {
			t.Run(filepath.ToSlash(g), func(t *testing.T) {
				t.Parallel()
				units, err := groupUnits(g)
				if err != nil {
					t.Fatal(err)
				}
				if len(units) == 0 {
					return
				}
				base := scanCopy(t, scanner, g, nil)
				for _, u := range units {
					if len(u.excluded) > 0 {
						t.Logf("%s: excluded as deciding multiplicity: %v", u.path, u.excluded)
					}
					for _, v := range u.variants() {
						mu.Lock()
						variants++
						mu.Unlock()
						t.Run(u.path+": "+v.name, func(t *testing.T) {
							t.Parallel()
							got := scanCopy(t, scanner, g, v.edits)
							unit := filepath.ToSlash(filepath.Join(g, u.path))
							allowed := map[string]knownViolation{}
							mu.Lock()
							for _, in := range v.inputs {
								ran[unit+" "+in] = true
							}
							mu.Unlock()
							for _, in := range v.inputs {
								for _, k := range known[unit+" "+in] {
									allowed[k.finding] = k
								}
							}
							var added []string
							for _, k := range addedFindings(base, got, v.declares) {
								if kv, ok := allowed[k]; ok {
									mu.Lock()
									seen[kv.unit+" "+kv.input+" "+kv.finding] = true
									mu.Unlock()
									t.Logf("known violation in %s (%s): %s", unit, kv.reason, k)
									continue
								}
								added = append(added, k)
							}
							if len(added) > 0 {
								t.Errorf("unit %s: making %s unknown (excluded as deciding multiplicity: %v) added %d finding(s):\n\t%s",
									unit, v.name, u.excluded, len(added), strings.Join(added, "\n\t"))
							}
						})
					}
				}
			})
		}
	})
	for _, k := range knownViolations {
		if ran[k.unit+" "+k.input] && !seen[k.unit+" "+k.input+" "+k.finding] {
			t.Errorf("known violation no longer happens, remove it from knownViolations: %s %s: %s", k.unit, k.input, k.finding)
		}
	}
	t.Logf("%d groups, %d variants", len(groups), variants)
}

// findingKey identifies a finding without its position.
func findingKey(root string, f report.Finding) string {
	file := f.Range.File
	if rel, err := filepath.Rel(root, file); err == nil {
		file = rel
	}
	return fmt.Sprintf("%s %s %s (%s)", f.RuleID, f.Resource, f.Attribute, filepath.ToSlash(file))
}

// scanCopy copies the group to a temporary directory, applies the edits and
// scans the copy; it returns the findings' keys.
func scanCopy(t *testing.T, s *Scanner, group string, edits []edit) map[string]string {
	t.Helper()
	root := t.TempDir()
	if err := copyTree(group, root); err != nil {
		t.Fatal(err)
	}
	rep := scanEdited(t, s, root, edits)
	for _, d := range rep.Diagnostics {
		if strings.Contains(d.Summary, "internal error") {
			t.Errorf("diagnostic: %s", d.Error())
		}
	}
	return findingKeys(root, rep)
}

// scanEdited applies the edits to the copy at root and scans it.
func scanEdited(t *testing.T, s *Scanner, root string, edits []edit) *report.Report {
	t.Helper()
	for _, e := range edits {
		if err := e.apply(root); err != nil {
			t.Fatal(err)
		}
	}
	// One worker: the variants already run in parallel. An empty Env keeps
	// the developer's TF_VAR_* out of the scan.
	rep, err := s.Scan(context.Background(), Options{Paths: []string{root}, Workers: 1, Env: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// findingKeys maps the key of each finding to its resource.
func findingKeys(root string, rep *report.Report) map[string]string {
	out := map[string]string{}
	for _, f := range rep.Findings {
		out[findingKey(root, f)] = f.Resource
	}
	return out
}

// addedFindings returns, sorted, the keys of the findings in got and not in
// base, except those on the declaration of an input made unknown.
func addedFindings(base, got map[string]string, declares map[string]bool) []string {
	var added []string
	for k, res := range got {
		if _, ok := base[k]; !ok && !declares[res] {
			added = append(added, k)
		}
	}
	sort.Strings(added)
	return added
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

// metaUnit is a Terraform module directory or a CloudFormation template of
// a group, with its known inputs.
type metaUnit struct {
	path string // relative to the group
	// scope are the directories (of a Terraform unit: its module and those
	// it calls through local sources) or the file (a template) that the unit
	// needs, relative to the group.
	scope    []string
	inputs   []input
	excluded []string
}

type variant struct {
	name     string
	inputs   []string
	edits    []edit
	declares map[string]bool // model IDs of the inputs' declarations
}

func (u metaUnit) variants() []variant {
	var out []variant
	if len(u.inputs) <= maxSingleInputs {
		for _, in := range u.inputs {
			out = append(out, variant{name: in.name, inputs: []string{in.name}, edits: in.edits, declares: map[string]bool{in.declares: in.declares != ""}})
		}
	}
	if len(u.inputs) > 1 {
		all := variant{name: "all inputs", declares: map[string]bool{}}
		for _, in := range u.inputs {
			all.declares[in.declares] = in.declares != ""
			all.inputs = append(all.inputs, in.name)
			all.edits = append(all.edits, in.edits...)
		}
		out = append(out, all)
	}
	return out
}

// groupUnits finds the Terraform modules and CloudFormation templates of a
// group and their inputs.
func groupUnits(group string) ([]metaUnit, error) {
	units, errs := groupUnitsLenient(group)
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return units, nil
}

// groupUnitsLenient is groupUnits for input that may hold invalid files
// (the corpus): a module or template that cannot be read is left out, with
// its error.
func groupUnitsLenient(group string) ([]metaUnit, []error) {
	var errs []error
	tfDirs := map[string]bool{}
	planDirs := map[string]bool{}
	var templates []string
	err := filepath.WalkDir(group, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != group && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(group, p)
		if err != nil {
			return err
		}
		if isTerraform(p) {
			tfDirs[filepath.Dir(rel)] = true
			return nil
		}
		if !isTemplateCandidate(p) {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch {
		case terraform.IsPlan(src):
			planDirs[filepath.Dir(rel)] = true
		case cloudformation.IsTemplate(src):
			templates = append(templates, rel)
		}
		return nil
	})
	if err != nil {
		return nil, []error{err}
	}
	var units []metaUnit
	mods := map[string]*tfModule{}
	for dir := range tfDirs {
		m, err := readTFModule(group, dir)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		mods[dir] = m
	}
	markDeciding(mods)
	for dir, m := range mods {
		if planDirs[dir] {
			continue // the plan beside it is scanned instead, with fixed values
		}
		in, ex := m.inputs()
		if len(in) > 0 || len(ex) > 0 {
			units = append(units, metaUnit{path: filepath.ToSlash(dir), scope: moduleReach(mods, dir), inputs: in, excluded: ex})
		}
	}
	for _, p := range templates {
		tpl, err := readCFNTemplate(group, p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		in, ex := tpl.inputs()
		if len(in) > 0 || len(ex) > 0 {
			units = append(units, metaUnit{path: filepath.ToSlash(p), scope: []string{p}, inputs: in, excluded: ex})
		}
	}
	sort.Slice(units, func(i, j int) bool { return units[i].path < units[j].path })
	return units, errs
}

// moduleReach returns dir and the module directories it calls through
// local sources, transitively.
func moduleReach(mods map[string]*tfModule, dir string) []string {
	seen := map[string]bool{dir: true}
	queue := []string{dir}
	for len(queue) > 0 {
		m := mods[queue[0]]
		queue = queue[1:]
		if m == nil {
			continue
		}
		for _, c := range m.calls {
			if !seen[c.source] {
				seen[c.source] = true
				queue = append(queue, c.source)
			}
		}
	}
	return sortedKeys(seen)
}
