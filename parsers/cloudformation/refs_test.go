package cloudformation

import (
	"slices"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// corpusUndefinedRefs are the lines of the corpus templates with a Ref or
// Fn::GetAtt to a name they do not declare: cfn-lint's fixtures for E1012
// (bad/refs.yaml, bad/functions_ref.yaml) and fixtures of other rules that
// are fragments (good/functions/sub_needed.yaml) or misspell a section
// (good/custom/is-defined.yaml has "Parameter:"). Each was checked by hand.
var corpusUndefinedRefs = map[string][]int{
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/core/parse_invalid_map.yaml":                          {5, 7, 8, 9, 10, 22},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/functions_ref.yaml":                                   {40, 59, 69},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/generic.yaml":                                         {52, 120, 128},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/issues.yaml":                                          {12},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/refs.yaml":                                            {15, 34, 44},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/resources/codepipeline/stages_second_stage.yaml":      {32},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/resources/lambda/function_property_value_limits.yaml": {11, 21, 32},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/good/custom/is-defined.yaml":                              {70},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/good/functions/sub_needed.yaml":                           {100, 114, 115},
	"aws-cloudformation__cfn-lint/test/fixtures/templates/integration/aws-ec2-launchtemplate.yaml":                  {13},
}

// expectUndefinedRefs checks that a corpus template has the undefined
// reference errors listed for it, and returns its other errors.
func expectUndefinedRefs(t *testing.T, rel string, errs []model.Diagnostic) []model.Diagnostic {
	t.Helper()
	var lines []int
	var rest []model.Diagnostic
	for _, d := range errs {
		if d.Summary == "undefined reference" {
			lines = append(lines, d.Range.Start.Line)
			continue
		}
		rest = append(rest, d)
	}
	if want := corpusUndefinedRefs[rel]; !slices.Equal(lines, want) {
		t.Errorf("%s: undefined references at lines %v, want %v", rel, lines, want)
	}
	return rest
}

func TestUndefinedReferences(t *testing.T) {
	const head = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Env:\n    Type: String\nResources:\n"
	for _, tt := range []struct {
		name, src string
		want      []string // "line: detail" of each error
	}{
		{"declared", head + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Env\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref B\n      PolicyDocument: {Resource: !GetAtt B.Arn}\n", nil},
		{"pseudo and NoValue", head + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref AWS::StackName\n      Tags: !Ref AWS::NoValue\n", nil},
		{"undefined Ref", head + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Envv\n", []string{"9: Ref Envv: the template declares no parameter or resource Envv, so CloudFormation rejects it"}},
		{"undefined GetAtt, both forms", head + "  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !GetAtt Bucket.Arn\n      PolicyDocument:\n        Resource: {\"Fn::GetAtt\": [Bucket, Arn]}\n", []string{"9: Fn::GetAtt Bucket: the template declares no resource Bucket, so CloudFormation rejects it", "11: Fn::GetAtt Bucket: the template declares no resource Bucket, so CloudFormation rejects it"}},
		{"in Outputs, long form", head + "  B:\n    Type: AWS::S3::Bucket\nOutputs:\n  O:\n    Value: {\"Ref\": \"Bucket\"}\n", []string{"10: Ref Bucket: the template declares no parameter or resource Bucket, so CloudFormation rejects it"}},
		{"a transform declares resources", "Transform: AWS::Serverless-2016-10-31\n" + head + "  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Role: !GetAtt FRole.Arn\n", nil},
		{"JSON", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n \"Resources\": {\"P\": {\"Type\": \"AWS::S3::BucketPolicy\",\n  \"Properties\": {\"Bucket\": {\"Ref\": \"Nope\"}}}}}\n", []string{"3: Ref Nope: the template declares no parameter or resource Nope, so CloudFormation rejects it"}},
		{"a module declares resources", head + "  Site:\n    Type: Acme::S3::Site::MODULE\nOutputs:\n  O:\n    Value: !GetAtt SiteBucket.Arn\n", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			name := "t.yaml"
			if strings.HasPrefix(tt.src, "{") {
				name = "t.json"
			}
			u := Parse(name, []byte(tt.src), Options{})
			var got []string
			for _, d := range u.Diagnostics {
				if d.Severity == model.DiagError {
					got = append(got, strings.SplitN(d.Range.String(), ":", 3)[1]+": "+d.Detail)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
