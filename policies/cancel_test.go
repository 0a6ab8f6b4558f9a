package policies

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/seclint/seclint/parsers/model"
)

// TestEvaluateCancellation: evaluations run to the end while their context
// is not done, whether it is shared through WithCancel (as a scan does) or
// not; once it is done, the shared cancellation is set, and an evaluation
// does not start.
func TestEvaluateCancellation(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{Enable: []string{"aws-s3-versioning"}})
	if err != nil {
		t.Fatal(err)
	}
	m := (&model.Model{AWS: model.AWS{S3: model.S3{Buckets: []*model.Bucket{
		{Meta: model.Meta{ID: "aws_s3_bucket.logs"}, Name: model.KnownOf("logs")},
	}}}}).Normalize()
	if fs, err := e.Evaluate(ctx, m); err != nil || len(fs) != 1 {
		t.Fatalf("never-done context: %d findings, %v; want 1 and no error", len(fs), err)
	}

	live, cancel := context.WithCancel(ctx)
	shared, stop := WithCancel(live)
	defer stop()
	if fs, err := e.Evaluate(shared, m); err != nil || len(fs) != 1 {
		t.Fatalf("shared, not done: %d findings, %v; want 1 and no error", len(fs), err)
	}
	c, ok := shared.Value(cancelKey{}).(topdown.Cancel)
	if !ok {
		t.Fatal("WithCancel shares no cancellation")
	}
	cancel()
	for deadline := time.Now().Add(5 * time.Second); !c.Cancelled(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the shared cancellation is not set 5 s after the context is done")
		}
	}
	if _, err := e.Evaluate(shared, m); !errors.Is(err, context.Canceled) {
		t.Fatalf("done context: error %v, want context.Canceled", err)
	}
}
