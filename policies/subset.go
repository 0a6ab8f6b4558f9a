package policies

import (
	"context"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

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
	nonEmpty := map[string]bool{}
	for _, c := range m.Collections() {
		if len(c.Objects) > 0 {
			nonEmpty[c.Name] = true
		}
	}
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

// ruleNeeds is the list of collections without which rule r has nothing to
// check, or nil when it must always run: it names no collection (users'
// rules need not), or one the model does not list, which a skip based on it
// would silently turn off. A selector such as "aws.iam.policies[kind=identity]"
// counts as its whole collection.
func ruleNeeds(r report.Rule, known map[string]bool) []string {
	if len(r.Collections) == 0 {
		return nil
	}
	out := make([]string, 0, len(r.Collections))
	for _, c := range r.Collections {
		name, _, _ := strings.Cut(c, "[")
		if !known[name] {
			return nil
		}
		out = append(out, name)
	}
	return out
}

// knownCollections are the collection names Model.Collections reports.
func knownCollections() map[string]bool {
	known := map[string]bool{}
	for _, c := range (&model.Model{}).Collections() {
		known[c.Name] = true
	}
	return known
}

// prepared returns the query for set, preparing it on first use. Concurrent
// units that need a set not yet prepared wait for one preparation.
func (e *Engine) prepared(ctx context.Context, set ruleSet) (*preparedSet, error) {
	key := set.key()
	// Load first: every unit but the first of a set finds its query there,
	// without allocating a preparedSet and its channel.
	v, loaded := e.queries.Load(key)
	if !loaded {
		v, loaded = e.queries.LoadOrStore(key, &preparedSet{ready: make(chan struct{})})
	}
	p := v.(*preparedSet)
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
	var q []string
	for i := range e.rules {
		if set.has(i) {
			p.rules = append(p.rules, i)
			q = append(q, e.pkgs[i].String()+".deny")
		}
	}
	if len(q) == 0 {
		return p, nil
	}
	body, err := ast.ParseBody(findingsVar + " := [" + strings.Join(q, ", ") + "]")
	if err != nil {
		p.err = fmt.Errorf("building query: %w", err)
		return p, p.err
	}
	// The query is shared with later units: a cancelled scan must not leave
	// a cancelled preparation behind.
	p.query, err = rego.New(rego.ParsedQuery(body), rego.Compiler(e.compiler)).PrepareForEval(context.WithoutCancel(ctx))
	if err != nil {
		p.err = fmt.Errorf("preparing query: %w", err)
	}
	return p, p.err
}
