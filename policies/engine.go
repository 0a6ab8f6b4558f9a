// Package policies holds seclint's Rego rules (embedded in the binary) and
// the engine that compiles them once per process and evaluates every rule
// against a scan unit's model in a single prepared query.
package policies

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/metrics"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

//go:embed lib aws
var builtin embed.FS

// Options selects the rules the engine runs.
type Options struct {
	// Dirs are extra directories of users' Rego rules (--policy).
	Dirs []string
	// Enable, when not empty, limits the engine to these rule IDs.
	Enable []string
	// Disable removes these rule IDs.
	Disable []string
	// EvaluateAll evaluates every rule on every unit, even rules whose
	// collections are all empty there. Findings must not change; tests
	// compare the two.
	EvaluateAll bool
}

// Engine evaluates the compiled rules. It is safe for concurrent use.
type Engine struct {
	rules []report.Rule
	// names[i] are the last names of rules[i]'s package, and group[i] the
	// index in groups of the group of the package (subset.go).
	names  []*ast.Term
	group  []int
	groups []packageGroup
	// needs[i] are the collections rules[i] checks, as indexes of
	// collections; nil means it always runs.
	needs       [][]int
	collections collectionFields
	evaluateAll bool
	compiler    *ast.Compiler
	// query evaluates the rules of a selection (subset.go).
	query rego.PreparedEvalQuery
	// selections holds the selection of each set of rules that units have
	// needed, by ruleSet.key. A map under a lock, not a sync.Map: looking a
	// set up by its bytes (m[string(b)]) allocates no key.
	selectionsMu sync.RWMutex
	selections   map[string]*selection
	input        inputConverter
	// caches holds the virtual caches of finished evaluations, emptied,
	// for the next ones.
	caches sync.Pool
	// neverCancelled is the cancellation of evaluations whose context can
	// never be done (cancel.go).
	neverCancelled topdown.Cancel
}

// RawFinding is what a rule reports before the scanner locates it.
type RawFinding struct {
	RuleID    string
	Resource  string
	Attribute string
	Message   string
	// Severity overrides the rule's severity when the rule sets one.
	Severity report.Severity
}

type ruleModule struct {
	rule report.Rule
	pkg  ast.Ref
	file string // the module's name: its path
}

// New parses and compiles the built-in rules and those in opts.Dirs, and
// prepares the query that evaluates every selected rule at once.
func New(ctx context.Context, opts Options) (*Engine, error) {
	modules := map[string]*ast.Module{}
	if err := loadFS(builtin, ".", false, modules); err != nil {
		return nil, err
	}
	// The built-in packages are type-checked against the model schema;
	// users' rules opt in with a METADATA schemas annotation (schema.go).
	if err := addTypedModules(modules); err != nil {
		return nil, err
	}
	builtins := maps.Clone(modules)
	for _, dir := range opts.Dirs {
		if err := loadPolicyDir(dir, modules, builtins); err != nil {
			return nil, err
		}
	}
	compiler, err := newCompiler()
	if err != nil {
		return nil, err
	}
	// The rules query calls selectedPackages (subset.go).
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = append(caps.Builtins, &ast.Builtin{Name: selectedPackagesName, Decl: selectedPackagesDecl.Decl})
	compiler.WithCapabilities(caps)
	if compiler.WithEnablePrintStatements(false).Compile(modules); compiler.Failed() {
		return nil, fmt.Errorf("compiling rules: %w", compiler.Errors)
	}
	rules, err := collectRules(modules)
	if err != nil {
		return nil, err
	}
	for _, rm := range rules {
		if err := checkDeny(compiler, rm); err != nil {
			return nil, err
		}
	}
	for name, m := range compiler.Modules {
		adoptElseRules(m)
		// A user's file never has a built-in module's name
		// (loadPolicyDir).
		if builtins[name] != nil {
			forgetPositions(m)
		}
	}
	rules, err = selectRules(rules, opts.Enable, opts.Disable)
	if err != nil {
		return nil, err
	}
	e := &Engine{compiler: compiler, evaluateAll: opts.EvaluateAll, collections: newCollectionFields(), selections: map[string]*selection{}, neverCancelled: topdown.NewCancel()}
	groups := map[string]int{} // group → index in e.groups
	for _, rm := range rules {
		pg, names := splitPackage(rm.pkg)
		key := fmt.Sprintf("%v/%d", pg.prefix, pg.names)
		g, ok := groups[key]
		if !ok {
			g = len(e.groups)
			groups[key] = g
			e.groups = append(e.groups, pg)
		}
		e.rules = append(e.rules, rm.rule)
		e.names = append(e.names, names)
		e.group = append(e.group, g)
		e.needs = append(e.needs, e.collections.ruleNeeds(rm.rule))
	}
	query, err := rulesQuery(e.groups)
	if err != nil {
		return nil, fmt.Errorf("building the rules query: %w", err)
	}
	e.query, err = rego.New(rego.ParsedQuery(query), rego.Compiler(compiler),
		rego.Function1(selectedPackagesDecl, selectedPackages)).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("preparing the rules query: %w", err)
	}
	return e, nil
}

// Rules returns the documentation of the selected rules, sorted by ID.
func (e *Engine) Rules() []report.Rule { return e.rules }

// Evaluate runs the selected rules against m: those that check a collection
// m has objects in, and those that name no collection.
func (e *Engine) Evaluate(ctx context.Context, m *model.Model) ([]RawFinding, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evaluating rules: %w", err)
	}
	set := e.allRules()
	if !e.evaluateAll {
		set = e.rulesFor(m)
	}
	if set.empty() {
		return nil, nil
	}
	sel := e.selectionOf(set)
	input, err := e.Input(m)
	if err != nil {
		return nil, err
	}
	// The virtual cache of an earlier evaluation, emptied, keeps its blocks
	// and map: a new one grows them again on every unit.
	cache, _ := e.caches.Get().(*refCache)
	if cache == nil {
		cache = newRefCache()
	}
	// The findings are read from the AST: converting every rule's set to Go
	// values (rego's default) costs more than the rules that found nothing.
	// Nothing reads the evaluation's metrics, which rego would otherwise
	// allocate and time on every unit.
	rs, err := e.query.Eval(context.WithValue(ctx, selectionKey{}, sel),
		rego.EvalParsedInput(input),
		rego.EvalGenerateJSON(keepTerm),
		rego.EvalVirtualCache(cache),
		rego.EvalMetrics(metrics.NoOp()),
		e.cancelFor(ctx),
	)
	cache.reset()
	e.caches.Put(cache)
	if err != nil {
		return nil, fmt.Errorf("evaluating rules: %w", err)
	}
	if len(rs) == 0 {
		return nil, nil
	}
	t, _ := rs[0].Bindings[findingsVar].(*ast.Term)
	groups, ok := t.Value.(*ast.Array)
	if !ok || groups.Len() != len(sel.rules) {
		return nil, fmt.Errorf("evaluating rules: unexpected result %v", t)
	}
	var out []RawFinding
	for g, rules := range sel.rules {
		sets, ok := groups.Elem(g).Value.(*ast.Array)
		// checkDeny made every rule's deny a set: one for each rule.
		if !ok || sets.Len() != len(rules) {
			return nil, fmt.Errorf("evaluating rules: unexpected result %v", t)
		}
		for k, i := range rules {
			set, _ := sets.Elem(k).Value.(ast.Set)
			if set == nil || set.Len() == 0 {
				// Most rules find nothing in a unit: skip the closure and its
				// captured error, which escape to the heap on every iteration.
				continue
			}
			var err error
			set.Foreach(func(x *ast.Term) {
				if err != nil {
					return
				}
				var f RawFinding
				if f, err = decodeFinding(e.rules[i].ID, x); err == nil {
					out = append(out, f)
				}
			})
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// keepTerm is the rego.EvalGenerateJSON function that keeps a result as
// its AST term.
func keepTerm(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil }

// The keys of a finding object.
var (
	resourceKey  = ast.InternedTerm("resource")
	attributeKey = ast.InternedTerm("attribute")
	messageKey   = ast.InternedTerm("message")
	severityKey  = ast.InternedTerm("severity")
)

// decodeFinding reads a finding of rule ruleID. One that is not well formed
// is decoded as JSON by decodeJSONFinding, which says what is wrong.
func decodeFinding(ruleID string, x *ast.Term) (RawFinding, error) {
	obj, ok := x.Value.(ast.Object)
	if !ok {
		return decodeJSON(ruleID, x)
	}
	str := func(k *ast.Term) string {
		if v := obj.Get(k); v != nil {
			if s, ok := v.Value.(ast.String); ok {
				return string(s)
			}
		}
		return ""
	}
	f := RawFinding{RuleID: ruleID, Resource: str(resourceKey), Attribute: str(attributeKey), Message: str(messageKey)}
	sev := str(severityKey)
	if f.Resource == "" || f.Message == "" {
		return decodeJSON(ruleID, x)
	}
	if sev != "" {
		s, ok := report.ParseSeverity(sev)
		if !ok {
			return decodeJSON(ruleID, x)
		}
		f.Severity = s
	}
	return f, nil
}

func decodeJSON(ruleID string, x *ast.Term) (RawFinding, error) {
	v, err := ast.JSON(x.Value)
	if err != nil {
		return RawFinding{}, fmt.Errorf("rule %s: decoding a finding: %w", ruleID, err)
	}
	return decodeJSONFinding(ruleID, v)
}

// Input is the Rego input for m, built directly from the model (input.go).
func (e *Engine) Input(m *model.Model) (ast.Value, error) {
	v, err := e.input.convert(m)
	if err != nil {
		return nil, fmt.Errorf("building the rule input: %w", err)
	}
	return v, nil
}

func decodeJSONFinding(ruleID string, x any) (RawFinding, error) {
	obj, ok := x.(map[string]any)
	if !ok {
		return RawFinding{}, fmt.Errorf("rule %s: a finding must be an object, got %T", ruleID, x)
	}
	str := func(k string) string { s, _ := obj[k].(string); return s }
	f := RawFinding{RuleID: ruleID, Resource: str("resource"), Attribute: str("attribute"), Message: str("message")}
	if f.Resource == "" || f.Message == "" {
		return RawFinding{}, fmt.Errorf("rule %s: a finding needs a resource and a message, got %v", ruleID, obj)
	}
	if s := str("severity"); s != "" {
		sev, ok := report.ParseSeverity(s)
		if !ok {
			return RawFinding{}, fmt.Errorf("rule %s: unknown severity %q", ruleID, s)
		}
		f.Severity = sev
	}
	return f, nil
}

// loadFS parses every .rego file of fsys except tests. Custom rule
// directories are named by dir so errors point at the user's file.
func loadFS(fsys fs.FS, dir string, custom bool, into map[string]*ast.Module) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading rules: %w", err)
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("reading rules: %w", err)
		}
		name := "policies/" + p
		if custom {
			name = filepath.Join(dir, p)
		}
		m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return fmt.Errorf("parsing rule: %w", err)
		}
		if custom {
			markCustom(m)
		}
		into[name] = m
		return nil
	})
}

// adoptElseRules points the else rules of compiled module m at m. Compile
// copies every module, and Module.Copy points the copy's rules at the copy
// but leaves their else rules pointing at the parsed module, which then
// stays reachable, with every term and source location of it, for as long
// as the engine: seven built-in modules, 9,200 objects that the collector
// marks on every cycle of every scan. OPA reads an else rule's Module only
// for its package, which is the same.
func adoptElseRules(m *ast.Module) {
	for _, r := range m.Rules {
		for e := r.Else; e != nil; e = e.Else {
			e.Module = m
		}
	}
}

// forgetPositions drops the comments and source locations of a compiled
// built-in module. Only compile errors and tracing read them, and the
// engine lives as long as the process: during a scan the collector marks
// its objects on every cycle, and these are 21,000 of the built-in
// modules' objects. Users' modules keep theirs, so that an evaluation error
// in a user's rule names its line.
func forgetPositions(m *ast.Module) {
	m.Comments = nil
	ast.NewGenericVisitor(func(x any) bool {
		if n, ok := x.(interface{ SetLoc(*ast.Location) }); ok {
			n.SetLoc(nil)
		}
		return false
	}).Walk(m)
}

const customKey = "seclint_custom"

func markCustom(m *ast.Module) {
	for _, a := range m.Annotations {
		if a.Scope == "package" && a.Custom != nil {
			a.Custom[customKey] = true
		}
	}
}

// collectRules finds the rule packages: those whose package METADATA has a
// custom.id. Every other module is a library.
func collectRules(modules map[string]*ast.Module) ([]ruleModule, error) {
	var out []ruleModule
	seen := map[string]string{}
	names := make([]string, 0, len(modules))
	for n := range modules {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		m := modules[name]
		for _, a := range m.Annotations {
			if a.Scope != "package" || a.Custom == nil || a.Custom["id"] == nil {
				continue
			}
			r, err := ruleFromAnnotations(a)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if prev, ok := seen[r.ID]; ok {
				return nil, fmt.Errorf("%s: rule id %s is already defined in %s", name, r.ID, prev)
			}
			seen[r.ID] = name
			out = append(out, ruleModule{rule: r, pkg: m.Package.Path, file: name})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rule.ID < out[j].rule.ID })
	return out, nil
}

// checkDeny reports a rule package that has no deny set, from which the
// engine reads the rule's findings: without it the rule would never report
// anything, and the query would fail on every unit that needs the rule
// (subset.go).
func checkDeny(c *ast.Compiler, rm ruleModule) error {
	rules := c.GetRulesExact(rm.pkg.Append(ast.InternedTerm("deny")))
	ok := len(rules) > 0
	for _, r := range rules {
		ok = ok && len(r.Head.Args) == 0 && r.Head.RuleKind() == ast.MultiValue
	}
	if !ok {
		return fmt.Errorf("%s: rule %s has no deny set: write its findings as `deny contains finding if { ... }`", rm.file, rm.rule.ID)
	}
	return nil
}

func ruleFromAnnotations(a *ast.Annotations) (report.Rule, error) {
	c := a.Custom
	str := func(k string) string { s, _ := c[k].(string); return strings.TrimSpace(s) }
	list := func(k string) []string {
		var out []string
		xs, _ := c[k].([]any)
		for _, x := range xs {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	r := report.Rule{
		ID:            str("id"),
		Title:         strings.TrimSpace(a.Title),
		Kind:          str("kind"),
		Description:   strings.TrimSpace(a.Description),
		FSBP:          list("fsbp"),
		ResourceTypes: list("resource_types"),
		Collections:   list("collections"),
		Custom:        c[customKey] == true,
	}
	sev, ok := report.ParseSeverity(str("severity"))
	if !ok {
		return r, fmt.Errorf("rule %s: custom.severity must be CRITICAL, HIGH, MEDIUM or LOW", r.ID)
	}
	r.Severity = sev
	if rem, ok := c["remediation"].(map[string]any); ok {
		r.Remediation.Terraform, _ = rem["terraform"].(string)
		r.Remediation.CloudFormation, _ = rem["cloudformation"].(string)
	}
	switch {
	case r.Title == "":
		return r, fmt.Errorf("rule %s: METADATA needs a title", r.ID)
	case r.Kind != "security" && r.Kind != "correctness":
		return r, fmt.Errorf("rule %s: custom.kind must be security or correctness", r.ID)
	}
	return r, nil
}

func selectRules(all []ruleModule, enable, disable []string) ([]ruleModule, error) {
	known := map[string]bool{}
	for _, r := range all {
		known[r.rule.ID] = true
	}
	set := func(ids []string) (map[string]bool, error) {
		m := map[string]bool{}
		for _, id := range ids {
			if !known[id] {
				return nil, fmt.Errorf("unknown rule id %q (see `seclint rules`)", id)
			}
			m[id] = true
		}
		return m, nil
	}
	en, err := set(enable)
	if err != nil {
		return nil, err
	}
	dis, err := set(disable)
	if err != nil {
		return nil, err
	}
	var out []ruleModule
	for _, r := range all {
		if (len(en) == 0 || en[r.rule.ID]) && !dis[r.rule.ID] {
			out = append(out, r)
		}
	}
	return out, nil
}

// Library returns the parsed helper library (policies/lib), so that users'
// rule tests, which import data.seclint.lib, can run against it.
func Library() map[string]*ast.Module {
	lib, err := fs.Sub(builtin, "lib")
	if err != nil {
		panic(err) // the embedded tree always has lib/
	}
	out := map[string]*ast.Module{}
	if err := loadFS(lib, "policies/lib", true, out); err != nil {
		panic(err) // the embedded library always parses: TestRego checks it
	}
	return out
}
