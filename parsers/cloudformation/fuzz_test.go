package cloudformation

import (
	"fmt"
	"testing"
	"time"

	"github.com/seclint/seclint/parsers/model"
)

// FuzzParse checks that no input makes Parse panic, hang or return nil, and
// that every diagnostic and location names the file and a line. Seeds are in
// testdata/fuzz/FuzzParse; run with go test -fuzz=FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte(bucketYAML))
	f.Add([]byte(`{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": {"Fn::If": ["C", "PublicRead", {"Ref": "AWS::NoValue"}]}}}}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		// Go's fuzzer has no per-input timeout: a hang would only stall it.
		// Failing here saves the input.
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("Parse hangs on %q", src))
			}
		}()
		for _, path := range []string{"f.yaml", "f.json"} {
			u := model.NewUnit(model.UnitCloudFormation, path)
			parse(u, path, src, Options{Params: map[string]string{"Env": "prod", "AWS::Region": "us-east-1"}}) // no recover: panics fail
			if got := Parse(path, src, Options{}); got == nil || got.Model == nil || got.Locations == nil {
				t.Fatalf("Parse returned %+v", got)
			}
			for _, d := range u.Diagnostics {
				if d.Range.File != path || d.Range.Start.Line < 1 || d.Range.Start.Column < 1 || d.Summary == "" {
					t.Fatalf("diagnostic without position: %+v", d)
				}
			}
			for id, paths := range u.Locations {
				for p, r := range paths {
					if r.File != path || r.Start.Line < 1 || r.End.Line < r.Start.Line {
						t.Fatalf("location %s %q: %+v", id, p, r)
					}
				}
			}
		}
		IsTemplate(src)
	})
}
