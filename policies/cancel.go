package policies

import (
	"context"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Left to itself, rego starts a goroutine for every evaluation that waits
// for the context to be done, to cancel the query: one per unit, which cost
// a scan of the corpus 7% of its rule evaluation time. A scan instead
// watches its context once (WithCancel) and its evaluations share the
// cancellation; an evaluation whose context can never be done needs none.

// cancelKey is the context key of the cancellation WithCancel shares.
type cancelKey struct{}

// WithCancel returns a context whose evaluations (Engine.Evaluate) share
// one cancellation, set when ctx is done, and the function that stops
// watching ctx; call it when the evaluations are over.
func WithCancel(ctx context.Context) (context.Context, func()) {
	if ctx.Done() == nil {
		return ctx, func() {}
	}
	c := topdown.NewCancel()
	stop := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			c.Cancel()
		case <-stop:
		}
	}()
	return context.WithValue(ctx, cancelKey{}, c), func() { close(stop) }
}

// cancelFor is the cancellation option of an evaluation in ctx: the one
// WithCancel shares, or one never set when ctx can never be done, or
// rego's own watcher.
func (e *Engine) cancelFor(ctx context.Context) rego.EvalOption {
	if c, ok := ctx.Value(cancelKey{}).(topdown.Cancel); ok {
		return rego.EvalExternalCancel(c)
	}
	if ctx.Done() == nil {
		return rego.EvalExternalCancel(e.neverCancelled)
	}
	return func(*rego.EvalContext) {}
}
