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
	f.Add([]byte(`Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::L:
    - X
    - [a, b]
    - B${X}:
        Type: AWS::S3::Bucket
        Metadata: {seclint: {ignore: [{id: x, until: 2030-01-01}]}}
        Properties: {BucketName: !Sub "${X}", Tags: !ToJsonString [!Ref X]}
`))
	f.Add([]byte(`Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Policies: [AdministratorAccess, {Statement: [{Effect: Allow, Action: '*', Resource: '*'}]}]
  S:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: f.yaml}
`))
	// Nested stack templates are read only inside an empty directory, so
	// that the fuzzer never reads the package's files.
	root := f.TempDir()
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
			parse(u, path, src, Options{Root: root, Params: map[string]string{"Env": "prod", "AWS::Region": "us-east-1"}}) // no recover: panics fail
			if got := Parse(path, src, Options{Root: root}); got == nil || got.Model == nil || got.Locations == nil {
				t.Fatalf("Parse returned %+v", got)
			}
			for _, d := range u.Diagnostics {
				if d.Range.File != path || d.Range.Start.Line < 1 || d.Range.Start.Column < 1 || d.Summary == "" {
					t.Fatalf("diagnostic without position: %+v", d)
				}
			}
			for _, s := range u.Suppressions {
				if s.Range.File != path || s.Range.Start.Line < 1 || len(s.Rules) == 0 || s.Resource == "" {
					t.Fatalf("suppression %+v", s)
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
