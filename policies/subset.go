package policies

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/seclint/seclint/internal/jsonfields"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// A unit that declares only buckets need not pay for the KMS, SSM or IAM
// rules. Every rule names in its METADATA the collections it checks
// (custom.collections); a unit evaluates only the rules with at least one of
// them non-empty, in one query prepared for exactly that set of rules. Units
// repeat the same few sets, so each set's query is prepared once per engine
// and shared.

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

// key names the set in Engine.queries.
func (s ruleSet) key() string { return string(s) }

// preparedSet is the query of one set of rules: findingsVar is bound to the
// array of their deny sets, in the order of rules.
type preparedSet struct {
	ready chan struct{} // closed once query or err is set
	rules []int
	query rego.PreparedEvalQuery
	err   error
}

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

// prepared returns the query for set, preparing it on first use. Concurrent
// units that need a set not yet prepared wait for one preparation.
func (e *Engine) prepared(ctx context.Context, set ruleSet) (*preparedSet, error) {
	// Every unit but the first of a set finds its query under the read lock.
	e.queriesMu.RLock()
	p, loaded := e.queries[string(set)]
	e.queriesMu.RUnlock()
	if !loaded {
		e.queriesMu.Lock()
		if p, loaded = e.queries[string(set)]; !loaded {
			p = &preparedSet{ready: make(chan struct{})}
			e.queries[set.key()] = p
		}
		e.queriesMu.Unlock()
	}
	if loaded {
		select {
		case <-p.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return p, p.err
	}
	defer close(p.ready)
	// One expression and one variable, not one per rule: rego builds a
	// result value per expression and per variable of every evaluation.
	// The query is built as a tree, not parsed from text: parsed, each of
	// its terms would carry a source location, and the engine keeps every
	// set's query for the rest of the process, where the collector marks
	// it on every cycle.
	var denies []*ast.Term
	for i := range e.rules {
		if set.has(i) {
			p.rules = append(p.rules, i)
			denies = append(denies, e.denies[i])
		}
	}
	if len(denies) == 0 {
		return p, nil
	}
	body := ast.NewBody(ast.Assign.Expr(ast.VarTerm(findingsVar), ast.ArrayTerm(denies...)))
	var err error
	// The query is shared with later units: a cancelled scan must not leave
	// a cancelled preparation behind.
	p.query, err = rego.New(rego.ParsedQuery(body), rego.Compiler(e.compiler)).PrepareForEval(context.WithoutCancel(ctx))
	if err != nil {
		p.err = fmt.Errorf("preparing query: %w", err)
	}
	return p, p.err
}

// denyRef is the reference to the deny set of the rules of package pkg,
// without pkg's source locations. (The query compiler copies a query
// before it rewrites it, so one term can serve every query.)
func denyRef(pkg ast.Ref) *ast.Term {
	ref := make(ast.Ref, 0, len(pkg)+1)
	for _, t := range pkg {
		ref = append(ref, ast.NewTerm(t.Value))
	}
	return ast.RefTerm(append(ref, ast.InternedTerm("deny"))...)
}
