package seclint

import (
	"context"
	"runtime"
	"testing"

	"github.com/seclint/seclint/internal/workpool"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/policies"
)

// BenchmarkRules is the cost of rule evaluation alone on the corpus: every
// unit is parsed once, outside the timer, and each iteration evaluates the
// rules on every unit's model, one after another (single-threaded, so the
// number is CPU time). "all" runs every rule as a scan does; each
// sub-benchmark named after a rule runs that rule alone, to find the costly
// ones:
//
//	go test -run '^$' -bench 'BenchmarkRules/^all$' .
//	go test -run '^$' -bench 'BenchmarkRules/' -benchtime 3x .
func BenchmarkRules(b *testing.B) {
	needCorpus(b)
	ctx := context.Background()
	d, err := discover([]string{corpusDir}, nil)
	if err != nil {
		b.Fatal(err)
	}
	opts := &Options{Env: []string{}}
	models := make([]*model.Model, len(d.jobs))
	workpool.Run(runtime.GOMAXPROCS(0), len(d.jobs), func(i int) { models[i] = d.jobs[i].parse(opts).Model.Normalize() })
	all, err := policies.New(ctx, policies.Options{})
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, e *policies.Engine) {
		b.ReportAllocs()
		for b.Loop() {
			for _, m := range models {
				if _, err := e.Evaluate(ctx, m); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("all", func(b *testing.B) { run(b, all) })
	for _, r := range all.Rules() {
		b.Run(r.ID, func(b *testing.B) {
			e, err := policies.New(ctx, policies.Options{Enable: []string{r.ID}})
			if err != nil {
				b.Fatal(err)
			}
			run(b, e)
		})
	}
}
