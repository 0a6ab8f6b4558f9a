package cloudformation

import "testing"

func TestIsTemplate(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool
	}{
		{"version", "AWSTemplateFormatVersion: 2010-09-09\nResources: {}\n", true},
		{"quoted version key", "\"AWSTemplateFormatVersion\": \"2010-09-09\"\n", true},
		{"version after comments", "# a template\n---\nDescription: x\nAWSTemplateFormatVersion: '2010-09-09'\n", true},
		{"resources", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", true},
		{"quoted type", "Resources:\n  B:\n    Type: \"AWS::S3::Bucket\"\n", true},
		{"SAM", "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n", true},
		{"CRLF", "Resources:\r\n  B:\r\n    Type: AWS::S3::Bucket\r\n", true},
		{"BOM", "\xef\xbb\xbfResources:\n  B:\n    Type: AWS::S3::Bucket\n", true},
		{"custom types only", "Resources:\n  C:\n    Type: Custom::Thing\n", false},
		{"type outside Resources", "Parameters:\n  K:\n    Type: AWS::EC2::KeyPair::KeyName\nResources:\n  C:\n    Type: Custom::X\n", false},
		{"nested template", "spec:\n  template: |\n    AWSTemplateFormatVersion: 2010-09-09\n", false},
		{"serverless framework", "service: x\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n", false},
		{"kubernetes", "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: AWS::S3::Bucket\n", false},
		{"workflow", "on: push\njobs:\n  x:\n    steps:\n      - run: echo AWS::Region\n", false},
		{"empty", "", false},

		{"JSON version", "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {}\n}", true},
		{"minified JSON resources", `{"Parameters":{"P":{"Type":"AWS::EC2::VPC::Id"}},"Resources":{"B":{"Properties":{"X":"}"},"Type":"AWS::S3::Bucket"}}}`, true},
		{"JSON escaped quotes", `{"Description":"a \"quoted\" {text","Resources":{"B":{"Type":"AWS::SNS::Topic"}}}`, true},
		{"JSON error after marker", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Metadata\": {\"x\" {}}}", true},
		{"JSON policy", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"*","Resource":"*"}]}`, false},
		{"JSON nested version", `{"Stack":{"AWSTemplateFormatVersion":"2010-09-09"}}`, false},
		{"CDK output", `{
 "Resources": {
  "SiteBucket397A1860": {"Type": "AWS::S3::Bucket", "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain", "Metadata": {"aws:cdk:path": "App/Site/Resource"}},
  "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:H4sI"}, "Condition": "CDKMetadataAvailable"}
 },
 "Conditions": {"CDKMetadataAvailable": {"Fn::Or": [{"Fn::Equals": [{"Ref": "AWS::Region"}, "af-south-1"]}]}},
 "Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version"}},
 "Rules": {"CheckBootstrapVersion": {"Assertions": [{"Assert": {"Fn::Not": [{"Fn::Contains": [["1", "2"], {"Ref": "BootstrapVersion"}]}]}}]}}
}`, true},
		{"CDK output with only custom resources", `{"Resources": {"P": {"Type": "Custom::AWS", "Properties": {"ServiceToken": "x"}}, "CDKMetadata": {"Type": "AWS::CDK::Metadata"}}}`, true},
		{"CDK manifest", `{"version": "36.0.0", "artifacts": {"App": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "App.template.json"}}}}`, false},
		{"CDK tree", `{"version": "tree-0.1", "tree": {"id": "App", "children": {"Site": {"attributes": {"aws:cdk:cloudformation:type": "AWS::S3::Bucket"}}}}}`, false},
		{"JSON type not under Resources", `{"Outputs":{"O":{"Type":"AWS::S3::Bucket"}}}`, false},
		{"JSON Resources list", `{"Resources":[{"B":{"Type":"AWS::S3::Bucket"}}]}`, false},
		{"JSON Type as value", `{"Resources":{"B":{"Properties":{"Type":"AWS::S3::Bucket"}}}}`, false},
		{"JSON type key in string", `{"Resources":{"B":{"Description":"Type", "X":"AWS::S3::Bucket"}}}`, false},
	}
	for _, tt := range tests {
		if got := IsTemplate([]byte(tt.src)); got != tt.want {
			t.Errorf("%s: IsTemplate = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// BenchmarkIsTemplateNotTemplate is the common case: a YAML file of the
// repository that is not a template.
func BenchmarkIsTemplateNotTemplate(b *testing.B) {
	src := []byte("apiVersion: v1\nkind: ConfigMap\n")
	for range 1000 {
		src = append(src, "  key: value that is long enough to matter\n"...)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		IsTemplate(src)
	}
}
