package policies

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/seclint/seclint/internal/jsonfields"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// A unit that declares only buckets need not pay for the KMS, SSM or IAM
// rules. Every rule names in its METADATA the collections it checks
// (custom.collections); a unit evaluates only the rules with at least one of
// them non-empty. Units repeat the same few sets, so each set's selection
// (below) is built once per engine and shared.

// ruleSet is a set of rules by index into Engine.rules, one bit each.
type ruleSet []byte

func newRuleSet(n int) ruleSet { return make(ruleSet, (n+7)/8) }

func (s ruleSet) add(i int)      { s[i/8] |= 1 << (i % 8) }
func (s ruleSet) has(i int) bool { return s[i/8]&(1<<(i%8)) != 0 }

func (s ruleSet) empty() bool {
	for _, b := range s {
		if b != 0 {
			return false
		}
	}
	return true
}

// key names the set in Engine.selections.
func (s ruleSet) key() string { return string(s) }

const findingsVar = "findings"

func (e *Engine) allRules() ruleSet {
	s := newRuleSet(len(e.rules))
	for i := range e.rules {
		s.add(i)
	}
	return s
}

// rulesFor is the set of rules worth evaluating on m.
func (e *Engine) rulesFor(m *model.Model) ruleSet {
	nonEmpty := e.collections.nonEmpty(m)
	s := newRuleSet(len(e.rules))
	for i, needs := range e.needs {
		if needs == nil {
			s.add(i)
			continue
		}
		for _, c := range needs {
			if nonEmpty[c] {
				s.add(i)
				break
			}
		}
	}
	return s
}

// collectionFields finds the collections that Model.Collections reports
// in the model by their path in the rule input: "aws.s3.buckets" is the
// slice named "buckets" in JSON, in the struct named "s3", in Model.AWS.
// Reading the lengths of those slices costs a unit no allocation, where
// Model.Collections builds the list of every collection's objects.
type collectionFields struct {
	index map[string]int // a collection's name → its index in paths
	paths [][]int        // the field indexes from Model to the slice
}

func newCollectionFields() collectionFields {
	x := collectionFields{index: map[string]int{}}
	for _, c := range (&model.Model{}).Collections() {
		path, ok := jsonPath(reflect.TypeFor[model.Model](), strings.Split(c.Name, "."))
		if !ok {
			continue // not found: the rules that name it always run
		}
		x.index[c.Name] = len(x.paths)
		x.paths = append(x.paths, path)
	}
	return x
}

// jsonPath follows JSON member names from struct type t to a slice, through
// fields of its own or promoted from embedded structs (not pointers, which
// may be nil).
func jsonPath(t reflect.Type, names []string) ([]int, bool) {
	var path []int
	for _, name := range names {
		if t.Kind() != reflect.Struct {
			return nil, false
		}
		fields := jsonfields.Of(t)
		i := slices.IndexFunc(fields, func(f jsonfields.Field) bool { return f.Name == name })
		if i < 0 {
			return nil, false
		}
		for _, j := range fields[i].Index {
			if t.Kind() != reflect.Struct {
				return nil, false
			}
			path = append(path, j)
			t = t.Field(j).Type
		}
	}
	return path, t.Kind() == reflect.Slice
}

// nonEmpty reports, by index, whether each collection has objects in m.
func (x collectionFields) nonEmpty(m *model.Model) []bool {
	out := make([]bool, len(x.paths))
	v := reflect.ValueOf(m).Elem()
	for i, path := range x.paths {
		out[i] = v.FieldByIndex(path).Len() > 0
	}
	return out
}

// ruleNeeds is the list of collections without which rule r has nothing to
// check, or nil when it must always run: it names no collection (users'
// rules need not), or one the model does not list, which a skip based on it
// would silently turn off. A selector such as "aws.iam.policies[kind=identity]"
// counts as its whole collection.
func (x collectionFields) ruleNeeds(r report.Rule) []int {
	if len(r.Collections) == 0 {
		return nil
	}
	out := make([]int, 0, len(r.Collections))
	for _, c := range r.Collections {
		name, _, _ := strings.Cut(c, "[")
		i, ok := x.index[name]
		if !ok {
			return nil
		}
		out = append(out, i)
	}
	return out
}

// The rules a unit needs are evaluated in one query, prepared once when the
// engine is built, whatever the set. The rules' packages are grouped by
// their path but the last two names (data.seclint.aws for every built-in
// rule); for each group a comprehension reads the deny set of every package
// of the group the set lists, by a reference whose last two names are bound
// from the list, which the selectedPackages builtin reads from the
// evaluation's context. (OPA copies the variable terms of a reference on
// each evaluation: two, not one per name.) A query per set, as before, kept
// about 355 objects per set for the life of the process (39,000 on the
// corpus), which the collector marked on every cycle of every scan, and
// cost a first scan 21 ms to prepare.

// selection is what the query needs of a set of rules: per group (in the
// order of Engine.groups), the rules by index into Engine.rules and the
// array of their last names, which selectedPackages returns.
type selection struct {
	rules [][]int
	names []*ast.Term
}

// selectedPackagesName is the builtin through which the query reads the
// selection of the evaluation: selectedPackages(g) is the array of the last
// names of the packages of group g, each an array of one or two strings.
const selectedPackagesName = "seclint.internal.selected_packages"

var selectedPackagesDecl = &rego.Function{
	Name: selectedPackagesName,
	Decl: types.NewFunction(types.Args(types.N), types.NewArray(nil, types.NewArray(nil, types.S))),
	// Its result depends on the evaluation, not on its argument alone.
	Nondeterministic: true,
}

type selectionKey struct{}

func selectedPackages(bctx rego.BuiltinContext, group *ast.Term) (*ast.Term, error) {
	sel, _ := bctx.Context.Value(selectionKey{}).(*selection)
	n, _ := group.Value.(ast.Number)
	g, ok := n.Int()
	if sel == nil || !ok || g < 0 || g >= len(sel.names) {
		return nil, fmt.Errorf("%s(%v) outside an evaluation of the engine", selectedPackagesName, group)
	}
	return sel.names[g], nil
}

// splitPackage splits the path of package pkg into its group
// (data.seclint.aws, two names) and the array of its last names (["s3",
// "versioning"]); a package of one name is in the group of data alone.
func splitPackage(pkg ast.Ref) (packageGroup, *ast.Term) {
	cut := max(len(pkg)-2, 1)
	prefix := make(ast.Ref, 0, cut)
	for _, t := range pkg[:cut] {
		prefix = append(prefix, ast.NewTerm(t.Value))
	}
	names := make([]*ast.Term, 0, len(pkg)-cut)
	for _, t := range pkg[cut:] {
		names = append(names, ast.NewTerm(t.Value))
	}
	return packageGroup{prefix: prefix, names: len(names)}, ast.ArrayTerm(names...)
}

// packageGroup is a group of rule packages: their path but the last names,
// and the number of those (two, or one for a package with a single name).
type packageGroup struct {
	prefix ast.Ref
	names  int
}

// rulesQuery is the query over the selection: one comprehension per group,
// all in one array bound to findingsVar (rego builds a result value per
// expression and per variable of every evaluation: one of each).
func rulesQuery(groups []packageGroup) (ast.Body, error) {
	var b strings.Builder
	b.WriteString(findingsVar + " := [")
	for g, pg := range groups {
		if g > 0 {
			b.WriteString(", ")
		}
		vars, ref := "[p0]", "[p0]"
		if pg.names == 2 {
			vars, ref = "[p0, p1]", "[p0][p1]"
		}
		fmt.Fprintf(&b, "[s | some %s in %s(%d); s := %s%s.deny]", vars, selectedPackagesName, g, pg.prefix, ref)
	}
	b.WriteString("]")
	return ast.ParseBody(b.String())
}

// selectionOf returns the selection of set, building it on first use.
func (e *Engine) selectionOf(set ruleSet) *selection {
	// Every unit but the first of a set finds it under the read lock.
	e.selectionsMu.RLock()
	sel, ok := e.selections[string(set)]
	e.selectionsMu.RUnlock()
	if ok {
		return sel
	}
	sel = &selection{rules: make([][]int, len(e.groups)), names: make([]*ast.Term, len(e.groups))}
	names := make([][]*ast.Term, len(e.groups))
	for i := range e.rules {
		if set.has(i) {
			g := e.group[i]
			sel.rules[g] = append(sel.rules[g], i)
			names[g] = append(names[g], e.names[i])
		}
	}
	for g := range names {
		sel.names[g] = ast.ArrayTerm(names[g]...)
	}
	e.selectionsMu.Lock()
	if prev, ok := e.selections[string(set)]; ok {
		sel = prev
	} else {
		e.selections[set.key()] = sel
	}
	e.selectionsMu.Unlock()
	return sel
}
