package terraform

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/seclint/seclint/internal/workpool"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// Terraform itself is the oracle of the evaluator: these tests plan
// configurations with a real terraform (offline: `unshare -n`, providers
// from a filesystem mirror, fake credentials) and compare every known value
// seclint evaluates with Terraform's planned values.
//
//	SECLINT_TF_ORACLE=1       plan the evaluation fixtures (testdata/fixtures/terraform*)
//	                          (SECLINT_TF_ORACLE_ONLY=text: only the roots whose path holds it)
//	SECLINT_TF_ORACLE=corpus  also every root module of ../shared/corpus that plans offline
//	                          (in TestOracleCorpus; SECLINT_TF_ORACLE_ONLY applies too)
//	SECLINT_TF_REGEN=1        regenerate the plan JSON fixtures (testdata/terraform/plans)
//
// They skip, saying why, when terraform, unshare or the provider mirror is
// missing (as in CI): nothing else depends on them.

// tfMirror is where the aws provider is mirrored for offline use.
const tfMirror = "/opt/tf-plugins"

type oracle struct {
	bin     string
	unshare string
	env     []string
	// copies are the temporary copies of the trees planned, made once
	// per tree (roots of one tree share it: each has its own .terraform).
	mu     sync.Mutex
	copies map[string]*treeCopy
}

type treeCopy struct {
	once sync.Once
	dir  string
	err  error
}

// newOracle returns the oracle, or skips the test.
func newOracle(t *testing.T) *oracle {
	t.Helper()
	bin, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not installed: the oracle tests need it")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare is not installed: the oracle tests run terraform without network through it")
	}
	if _, err := os.Stat(tfMirror); err != nil {
		t.Skipf("no provider mirror at %s", tfMirror)
	}
	home := t.TempDir()
	cache := filepath.Join(home, "plugin-cache")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	cli := filepath.Join(home, "terraformrc")
	cfg := fmt.Sprintf(`provider_installation {
  filesystem_mirror {
    path    = %q
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
plugin_cache_dir = %q
plugin_cache_may_break_dependency_lock_file = true
`, tfMirror, cache)
	if err := os.WriteFile(cli, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	o := &oracle{bin: bin, unshare: unshare, copies: map[string]*treeCopy{}}
	o.env = append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cli, "HOME="+home, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
		"AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		"AWS_EC2_METADATA_DISABLED=true", "AWS_MAX_ATTEMPTS=1", "AWS_RETRY_MODE=standard",
	)
	return o
}

// run runs terraform without network in dir.
func (o *oracle) run(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, o.unshare, append([]string{"-n", o.bin, "-chdir=" + dir}, args...)...)
	cmd.Env = o.env
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := stderr.String()
		if len(msg) > 2000 {
			msg = msg[:2000]
		}
		return nil, fmt.Errorf("terraform %s: %w: %s", args[0], err, msg)
	}
	return []byte(stdout.String()), nil
}

// plan copies top (the tree the root module's sources stay within) to a
// temporary directory, once, adds what an offline plan needs to the copy of
// the root module, and returns `terraform show -json` of its plan.
func (o *oracle) plan(t *testing.T, top, root string) ([]byte, error) {
	o.mu.Lock()
	c := o.copies[top]
	if c == nil {
		c = &treeCopy{}
		o.copies[top] = c
	}
	o.mu.Unlock()
	c.once.Do(func() {
		c.dir = t.TempDir()
		if c.err = copyTree(top, c.dir); c.err == nil {
			c.err = adaptToMirror(c.dir)
		}
	})
	if c.err != nil {
		return nil, c.err
	}
	rel, err := filepath.Rel(top, root)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(c.dir, rel)
	if err := addOfflineProvider(dir); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if _, err := o.run(ctx, dir, "init", "-input=false", "-no-color", "-backend=false"); err != nil {
		return nil, err
	}
	if _, err := o.run(ctx, dir, "plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=seclint.plan"); err != nil {
		return nil, err
	}
	return o.run(ctx, dir, "show", "-json", "seclint.plan")
}

// offlineSettings let the aws provider plan without credentials or network.
const offlineSettings = `
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  max_retries                 = 1
`

// addOfflineProvider adds the offline settings to the root module's aws
// provider configurations (in an override file, so that their own
// arguments stay), or a default configuration when it has none.
func addOfflineProvider(dir string) error {
	diags := &diagnostics{unit: &model.Unit{}}
	m := loadModule(dir, nil, nil, diags)
	var over strings.Builder
	hasDefault := false
	for _, p := range m.providers {
		if p.name != "aws" {
			continue
		}
		hasDefault = hasDefault || p.alias == ""
		over.WriteString("provider \"aws\" {\n" + offlineSettings)
		if p.alias != "" {
			fmt.Fprintf(&over, "  alias = %q\n", p.alias)
		}
		if attrExpr(p.body, "region") == nil {
			over.WriteString("  region = \"us-east-1\"\n")
		}
		over.WriteString("}\n")
	}
	if over.Len() > 0 {
		if err := os.WriteFile(filepath.Join(dir, "zz_seclint_oracle_override.tf"), []byte(over.String()), 0o644); err != nil {
			return err
		}
	}
	if !hasDefault {
		src := "provider \"aws\" {\n  region = \"us-east-1\"\n" + offlineSettings + "}\n"
		return os.WriteFile(filepath.Join(dir, "zz_seclint_oracle_provider.tf"), []byte(src), 0o644)
	}
	return nil
}

// adaptToMirror lets configurations written for another version of the
// aws provider than the mirror's plan with it, in the copy: it removes the
// version constraints of required_providers, and the region argument that
// provider v6 adds to resources (the oracle is about Terraform's
// evaluation, not the provider's version; compareNode skips that
// argument). A configuration that uses other things the mirror's version
// lacks still fails to plan, and is not counted.
func adaptToMirror(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tf") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var out []string
		providers, resource := 0, 0
		for _, line := range strings.Split(string(b), "\n") {
			trimmed := strings.TrimSpace(line)
			opens := strings.Count(line, "{") - strings.Count(line, "}")
			switch {
			case providers > 0:
				if strings.HasPrefix(trimmed, "version") && strings.Contains(trimmed, "=") {
					continue
				}
				providers += opens
			case resource > 0:
				if resource == 1 && strings.HasPrefix(trimmed, "region") && strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(trimmed, "region")), "=") {
					continue
				}
				resource += opens
			case strings.HasPrefix(trimmed, "required_providers") && opens > 0:
				providers = opens
			case (strings.HasPrefix(trimmed, "resource ") || strings.HasPrefix(trimmed, "data ")) && opens > 0:
				resource = opens
			}
			out = append(out, line)
		}
		return os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644)
	})
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir() && (d.Name() == ".terraform" || d.Name() == ".git") && p != src:
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular():
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// agreement counts the known values seclint evaluated that Terraform's plan
// confirms, and lists those it contradicts.
type agreement struct {
	agree     int
	disagree  []string
	addresses int
	// missing are resource instances only one side has.
	missing []string
}

func (a *agreement) add(b agreement) {
	a.agree += b.agree
	a.disagree = append(a.disagree, b.disagree...)
	a.addresses += b.addresses
	a.missing = append(a.missing, b.missing...)
}

func (a agreement) rate() string {
	total := a.agree + len(a.disagree)
	return fmt.Sprintf("%d of %d known values agree (%.2f%%), %d resource instances, %d only on one side",
		a.agree, total, 100*float64(a.agree)/float64(max(total, 1)), a.addresses, len(a.missing))
}

// compareWithPlan evaluates the root module and compares its managed
// resource instances with the plan's.
func compareWithPlan(root, scanRoot string, planJSON []byte) (agreement, error) {
	var plan struct {
		PlannedValues struct {
			RootModule planModule `json:"root_module"`
		} `json:"planned_values"`
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				AfterUnknown any `json:"after_unknown"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal(planJSON, &plan); err != nil {
		return agreement{}, err
	}
	tfValues := map[string]any{}
	plan.PlannedValues.RootModule.collect(tfValues)
	unknown := map[string]any{}
	for _, rc := range plan.ResourceChanges {
		unknown[rc.Address] = rc.Change.AfterUnknown
	}
	_, e := parseModule(root, nil, Options{ScanRoot: scanRoot, walkAll: true})
	var a agreement
	seen := map[string]bool{}
	for _, ri := range e.resInsts {
		if ri.res.mode != managedResource {
			continue
		}
		seen[ri.id] = true
		tv, ok := tfValues[ri.id]
		if !ok {
			a.missing = append(a.missing, "only seclint: "+ri.id)
			continue
		}
		a.addresses++
		compareNode(&a, ri.id, e.resourceNode(ri), tv, unknown[ri.id], true)
	}
	for addr := range tfValues {
		if !seen[addr] {
			a.missing = append(a.missing, "only terraform: "+addr)
		}
	}
	sort.Strings(a.missing)
	return a, nil
}

type planModule struct {
	Resources []struct {
		Address string         `json:"address"`
		Mode    string         `json:"mode"`
		Values  map[string]any `json:"values"`
	} `json:"resources"`
	ChildModules []planModule `json:"child_modules"`
}

func (m planModule) collect(out map[string]any) {
	for _, r := range m.Resources {
		if r.Mode == "managed" {
			out[r.Address] = r.Values
		}
	}
	for _, c := range m.ChildModules {
		c.collect(out)
	}
}

// compareNode compares what seclint knows of a value (n) with Terraform's
// planned value (tv; u is its after_unknown). Unknown and null parts of n
// are not claims and are skipped; a known part must equal Terraform's, and
// Terraform must know it too.
func compareNode(a *agreement, path string, n *node.Node, tv, u any, top bool) {
	if n == nil || n.Kind == node.Unknown || n.Kind == node.Null {
		return
	}
	if b, ok := u.(bool); ok && b {
		// A collection with unknown parts is unknown as a whole in a plan:
		// the providers' SDK cannot plan part of a list. What seclint knows
		// of its other parts is still so, not a disagreement.
		if known(n) && !hasUnknown(n) {
			a.disagree = append(a.disagree, fmt.Sprintf("%s: seclint knows %s, terraform only after apply", path, showNode(n)))
		}
		return
	}
	switch n.Kind {
	case node.Map:
		// A nested block in .tf.json (an object) is a list of one in the plan.
		if l, ok := tv.([]any); ok && len(l) == 1 {
			tv = l[0]
			if ul, ok := u.([]any); ok && len(ul) == 1 {
				u = ul[0]
			}
		}
		obj, _ := tv.(map[string]any)
		uobj, _ := u.(map[string]any)
		for _, k := range n.Keys {
			if top && k == "lifecycle" {
				continue
			}
			if top && k == "region" && !hasKey(obj, k) {
				continue // provider v6's argument, removed by adaptToMirror
			}
			var sub any
			if obj != nil {
				sub = obj[k]
			}
			if obj == nil || !hasKey(obj, k) {
				if uobj != nil && uobj[k] == true {
					compareNode(a, path+"."+k, n.Map[k], nil, true, false)
					continue
				}
				if n.Map[k].Kind != node.Unknown && n.Map[k].Kind != node.Null && known(n.Map[k]) {
					a.disagree = append(a.disagree, fmt.Sprintf("%s.%s: seclint knows %s, terraform has no such value", path, k, showNode(n.Map[k])))
				}
				continue
			}
			var usub any
			if uobj != nil {
				usub = uobj[k]
			}
			compareNode(a, path+"."+k, n.Map[k], sub, usub, false)
		}
	case node.List:
		list, _ := tv.([]any)
		ulist, _ := u.([]any)
		if len(list) == len(n.List) && listAgrees(n.List, list, ulist) {
			for i, el := range n.List {
				compareNode(a, fmt.Sprintf("%s[%d]", path, i), el, list[i], at(ulist, i), false)
			}
			return
		}
		// A set: any order. Each element must match one of Terraform's.
		used := make([]bool, len(list))
		for i, el := range n.List {
			match := -1
			for j := range list {
				if !used[j] && elementAgrees(el, list[j], at(ulist, j)) {
					match = j
					break
				}
			}
			if match < 0 {
				if known(el) {
					a.disagree = append(a.disagree, fmt.Sprintf("%s[%d]: seclint knows %s, terraform has %s", path, i, showNode(el), show(tv)))
				}
				continue
			}
			used[match] = true
			compareNode(a, fmt.Sprintf("%s[%d]", path, i), el, list[match], at(ulist, match), false)
		}
	default:
		if scalarEqual(n, tv) {
			a.agree++
			return
		}
		a.disagree = append(a.disagree, fmt.Sprintf("%s: seclint %s, terraform %s", path, showNode(n), show(tv)))
	}
}

func hasKey(m map[string]any, k string) bool {
	_, ok := m[k]
	return ok
}

func at(l []any, i int) any {
	if i < len(l) {
		return l[i]
	}
	return nil
}

// known reports whether a node holds any known scalar.
func known(n *node.Node) bool {
	switch n.Kind {
	case node.String, node.Number, node.Bool:
		return true
	case node.List:
		for _, el := range n.List {
			if known(el) {
				return true
			}
		}
	case node.Map:
		for _, k := range n.Keys {
			if known(n.Map[k]) {
				return true
			}
		}
	}
	return false
}

// hasUnknown reports whether a node has an unknown part.
func hasUnknown(n *node.Node) bool {
	switch n.Kind {
	case node.Unknown:
		return true
	case node.List:
		for _, el := range n.List {
			if hasUnknown(el) {
				return true
			}
		}
	case node.Map:
		for _, k := range n.Keys {
			if hasUnknown(n.Map[k]) {
				return true
			}
		}
	}
	return false
}

func listAgrees(ns []*node.Node, tv, u []any) bool {
	for i, n := range ns {
		if !elementAgrees(n, tv[i], at(u, i)) {
			return false
		}
	}
	return true
}

// elementAgrees reports whether comparing n with tv finds no disagreement.
func elementAgrees(n *node.Node, tv, u any) bool {
	var a agreement
	compareNode(&a, "", n, tv, u, false)
	return len(a.disagree) == 0
}

// scalarEqual compares a known scalar with Terraform's value loosely, as
// the provider's schema converts it (a number written for a string
// attribute is planned as a string); strings holding JSON compare as JSON,
// since providers normalize policy documents.
func scalarEqual(n *node.Node, tv any) bool {
	s, _ := n.Scalar()
	switch v := tv.(type) {
	case string:
		if s == v {
			return true
		}
		var x, y any
		if json.Unmarshal([]byte(s), &x) == nil && json.Unmarshal([]byte(v), &y) == nil {
			return fmt.Sprint(x) == fmt.Sprint(y)
		}
		return false
	case bool:
		return s == fmt.Sprint(v)
	case float64:
		var f float64
		if _, err := fmt.Sscan(s, &f); err == nil {
			return f == v
		}
	}
	return false
}

func showNode(n *node.Node) string {
	switch n.Kind {
	case node.String:
		return fmt.Sprintf("%q", n.Str)
	case node.Number:
		return n.Str
	case node.Bool:
		return fmt.Sprint(n.Bool)
	case node.List:
		return fmt.Sprintf("a list of %d", len(n.List))
	case node.Map:
		return fmt.Sprintf("an object of %d", len(n.Keys))
	}
	return fmt.Sprintf("(%d)", n.Kind)
}

func show(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 200 {
		b = append(b[:200], "..."...)
	}
	return string(b)
}

// oracleRoot is a root module to plan, and the tree it stays within.
type oracleRoot struct{ top, root string }

// fixtureRoots lists the root modules of the Terraform fixtures: of each
// directory of testdata/fixtures named terraform* (the evaluation fixtures,
// and the Terraform cases of the rule fixtures).
func fixtureRoots(t *testing.T) []oracleRoot {
	var out []oracleRoot
	base := filepath.Join("..", "..", "testdata", "fixtures")
	var tops []string
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), "terraform") {
			tops = append(tops, p)
			return filepath.SkipDir
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, top := range tops {
		mods := map[string][]string{}
		_ = filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && isConfigFile(p) {
				mods[filepath.Dir(p)] = append(mods[filepath.Dir(p)], p)
			}
			return nil
		})
		for _, r := range NewGraph(mods, nil).Roots() {
			out = append(out, oracleRoot{top: top, root: r})
		}
	}
	return out
}

// planAll plans the roots with two workers and compares each.
func planAll(t *testing.T, o *oracle, roots []oracleRoot, scanRoot func(oracleRoot) string) (agreement, []string, []string) {
	var mu sync.Mutex
	var total agreement
	var planned, failed []string
	workpool.Run(2, len(roots), func(i int) {
		r := roots[i]
		out, err := o.plan(t, r.top, r.root)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed = append(failed, r.root+": "+firstLine(err))
			return
		}
		a, err := compareWithPlan(r.root, scanRoot(r), out)
		if err != nil {
			failed = append(failed, r.root+": "+err.Error())
			return
		}
		planned = append(planned, r.root)
		total.add(a)
		t.Logf("%s: %s", r.root, a.rate())
	})
	sort.Strings(planned)
	sort.Strings(failed)
	return total, planned, failed
}

func firstLine(err error) string {
	s := err.Error()
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "Error:") {
			return strings.TrimSpace(l)
		}
	}
	if i := strings.IndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	return s
}

// TestOracleFixtures plans every Terraform fixture and requires full
// agreement: a known value Terraform plans differently (or only knows after
// apply) is a bug of the evaluator, or a value it must call unknown.
func TestOracleFixtures(t *testing.T) {
	if os.Getenv("SECLINT_TF_ORACLE") == "" {
		t.Skip("set SECLINT_TF_ORACLE=1 to compare the evaluator with terraform plan")
	}
	o := newOracle(t)
	var roots []oracleRoot
	for _, r := range fixtureRoots(t) {
		if strings.Contains(r.root, os.Getenv("SECLINT_TF_ORACLE_ONLY")) {
			roots = append(roots, r)
		}
	}
	total, planned, failed := planAll(t, o, roots, func(r oracleRoot) string { return r.top })
	for _, f := range failed {
		// The evaluation fixtures (testdata/fixtures/terraform-*) must
		// plan; a rule fixture may need values for its required variables
		// (those about unknown inputs leave them unset on purpose), or AWS
		// itself.
		if strings.Contains(filepath.ToSlash(f), "fixtures/terraform") {
			t.Errorf("does not plan: %s", f)
		} else {
			t.Logf("does not plan offline: %s", f)
		}
	}
	for _, d := range total.disagree {
		t.Errorf("disagreement: %s", d)
	}
	for _, m := range total.missing {
		t.Errorf("resource instance %s", m)
	}
	t.Logf("fixtures: %d roots planned; %s", len(planned), total.rate())
}

// TestOracleCorpus plans every root module of the corpus that plans
// offline (no registry modules, no other providers, no AWS data sources)
// and reports the agreement.
func TestOracleCorpus(t *testing.T) {
	if os.Getenv("SECLINT_TF_ORACLE") != "corpus" {
		t.Skip("set SECLINT_TF_ORACLE=corpus to compare the evaluator with terraform plan on the corpus")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	o := newOracle(t)
	modules := corpusModules(t)
	var roots []oracleRoot
	for _, r := range NewGraph(modules, nil).Roots() {
		if !strings.Contains(r, os.Getenv("SECLINT_TF_ORACLE_ONLY")) {
			continue
		}
		rel, _ := filepath.Rel(corpusDir, r)
		repo := strings.Split(filepath.ToSlash(rel), "/")[0]
		roots = append(roots, oracleRoot{top: filepath.Join(corpusDir, repo), root: r})
	}
	// Roots that cannot plan offline are known before planning: a module
	// that is not installed, a data source that asks AWS, a provider
	// other than aws.
	reasons := map[string]int{}
	var offline []oracleRoot
	for _, r := range roots {
		if why := needsNetwork(r.root); why != "" {
			reasons[why]++
			continue
		}
		offline = append(offline, r)
	}
	total, planned, failed := planAll(t, o, offline, func(oracleRoot) string { return corpusDir })
	for _, f := range failed {
		_, why, _ := strings.Cut(f, ": ")
		reasons[reason(why)]++
	}
	for _, k := range sortedNames(reasons) {
		t.Logf("not planned x%d: %s", reasons[k], k)
	}
	for _, d := range total.disagree {
		t.Logf("disagreement: %s", d)
	}
	for _, m := range total.missing {
		t.Logf("resource instance %s", m)
	}
	t.Logf("corpus: %d of %d roots plan offline; %s", len(planned), len(roots), total.rate())
}

// localDataSources are the data sources the aws provider computes without
// calling AWS.
var localDataSources = map[string]bool{"aws_iam_policy_document": true, "aws_region": true, "aws_partition": true}

// needsNetwork says why a root module cannot plan offline, or "".
func needsNetwork(root string) string {
	u, e := parseModule(root, nil, Options{ScanRoot: corpusDir, walkAll: true})
	for _, d := range u.Diagnostics {
		if d.Summary == "module not available" {
			return "module not installed"
		}
	}
	for _, ri := range e.resInsts {
		if ri.res.mode == dataResource && !localDataSources[ri.res.typ] {
			return "AWS data source " + ri.res.typ
		}
		if !strings.HasPrefix(ri.res.typ, "aws_") {
			return "provider of " + ri.res.typ
		}
	}
	return ""
}

// reason shortens a terraform failure to its kind, to count them.
func reason(s string) string {
	for _, k := range []string{
		"Failed to query available provider packages", "Module not installed", "Failed to download module",
		"no valid credential sources", "Invalid count argument", "Invalid for_each argument",
		"No value for required variable", "failed to refresh cached credentials", "Unsupported argument",
		"Error: reading", "Error: ", "signal: killed",
	} {
		if strings.Contains(s, k) {
			return k
		}
	}
	if len(s) > 80 {
		return s[:80]
	}
	return s
}

// planFixtures are the plan JSON files generated from configurations:
// the configuration directory and where its plan goes.
var planFixtures = []struct{ config, out string }{
	{"../../testdata/terraform/plans/public-acl", "../../testdata/terraform/plans/public-acl.plan.json"},
	{"../../testdata/terraform/plans/public-acl", "../../testdata/fixtures/terraform-plan/plan.json"},
	{"../../testdata/fixtures/terraform-plan-beside", "../../testdata/fixtures/terraform-plan-beside/plan.json"},
	{"../../testdata/terraform/plans/modules", "../../testdata/terraform/plans/modules.plan.json"},
	{"../../testdata/terraform/plans/cloudtrail", "../../testdata/fixtures/terraform-plan-cloudtrail/plan.json"},
	{"../../testdata/terraform/plans/detection", "../../testdata/fixtures/terraform-plan-detection/plan.json"},
	{"../../testdata/terraform/plans/network", "../../testdata/fixtures/terraform-plan-network/plan.json"},
	{"../../testdata/terraform/plans/elb", "../../testdata/fixtures/terraform-plan-elb/plan.json"},
	{"../../testdata/terraform/plans/cloudfront", "../../testdata/fixtures/terraform-plan-cloudfront/plan.json"},
}

// TestRegeneratePlans writes the plan JSON fixtures with terraform show
// -json: they are never written by hand.
func TestRegeneratePlans(t *testing.T) {
	if os.Getenv("SECLINT_TF_REGEN") == "" {
		t.Skip("set SECLINT_TF_REGEN=1 to regenerate the plan JSON fixtures with terraform")
	}
	o := newOracle(t)
	for _, f := range planFixtures {
		if !strings.Contains(f.out, os.Getenv("SECLINT_TF_ORACLE_ONLY")) {
			continue
		}
		out, err := o.plan(t, f.config, f.config)
		if err != nil {
			t.Fatalf("%s: %v", f.config, err)
		}
		if err := os.WriteFile(f.out, out, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", f.out, len(out))
	}
}
