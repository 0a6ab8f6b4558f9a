package terraform

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzParseModule parses arbitrary text as a module's main.tf. Whatever the
// input, ParseModule must return a unit whose model marshals, with no
// internal error and with every diagnostic placed in a file. The seed
// corpus is in testdata/fuzz/FuzzParseModule.
func FuzzParseModule(f *testing.F) {
	f.Add(bucketSrc)
	f.Add(`locals { a = local.b
b = "${local.a}x" }`)
	f.Add(`resource "x" "y" { z = [for i in range(3) : format("%d", i)] }`)
	f.Fuzz(func(t *testing.T, src string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		// A hang is a failure too; panicking from the watchdog kills the
		// worker, and the fuzzer keeps the input.
		watchdog := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("ParseModule hangs on %q", src)) })
		u := ParseModule(dir, nil, Options{})
		watchdog.Stop()
		if u == nil || u.Model == nil {
			t.Fatal("nil unit or model")
		}
		for _, d := range u.Diagnostics {
			if d.Summary == "internal error" {
				t.Fatalf("internal error: %s", d.Detail)
			}
			if d.Range.File == "" {
				t.Errorf("diagnostic without a file: %+v", d)
			}
		}
		if _, err := json.Marshal(u.Model); err != nil {
			t.Fatalf("model does not marshal: %v", err)
		}
	})
}

// FuzzParsePlan reads arbitrary bytes as a plan. Whatever the input,
// ParsePlan must return a unit whose model marshals, with no internal
// error.
func FuzzParsePlan(f *testing.F) {
	for _, name := range []string{"public-acl.plan.json", "modules.plan.json"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "terraform", "plans", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"acl":"public-read"}}]}}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		u := ParsePlan(filepath.Join(dir, "plan.json"), src, Options{})
		if u == nil || u.Model == nil {
			t.Fatal("nil unit or model")
		}
		for _, d := range u.Diagnostics {
			if d.Summary == "internal error" {
				t.Fatalf("internal error: %s", d.Detail)
			}
		}
		if _, err := json.Marshal(u.Model); err != nil {
			t.Fatalf("model does not marshal: %v", err)
		}
	})
}
