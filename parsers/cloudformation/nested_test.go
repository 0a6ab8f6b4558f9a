package cloudformation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

const childTemplate = `Parameters:
  Acl: {Type: String, Default: Private}
  Name: {Type: String, Default: default-name}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Metadata: {seclint: {ignore: [aws-s3-versioning]}}
    Properties:
      AccessControl: !Ref Acl
      BucketName: !Ref Name
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*"}]}
`

func TestNestedStacks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.yaml": `Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Site:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/child.yaml
      Parameters:
        Acl: PublicRead
        Name: !GetAtt Bucket.Arn
  ProdOnly:
    Type: AWS::CloudFormation::Stack
    Condition: IsProd
    Properties:
      TemplateURL: ./nested/child.yaml
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: !Sub https://bucket.s3.${AWS::URLSuffix}/child.yaml
  Literal:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/bucket/child.yaml
  Computed:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: !GetAtt Bucket.Arn
  Self:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: main.yaml
  Outside:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ../outside.yaml
  Missing:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/missing.yaml
`,
		"nested/child.yaml": childTemplate,
		"../outside.yaml":   childTemplate,
	})
	main := filepath.Join(dir, "main.yaml")
	src, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	child := filepath.Join(dir, "nested", "child.yaml")
	for _, tt := range []struct {
		name    string
		params  map[string]string
		buckets []string
	}{
		{"defaults", nil, []string{"Bucket", "Site.Bucket"}},
		{"prod", map[string]string{"Env": "prod"}, []string{"Bucket", "Site.Bucket", "ProdOnly.Bucket"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			u := parseUnit(main, string(src), Options{Params: tt.params})
			if got := bucketIDs(u); !equalStrings(got, tt.buckets) {
				t.Fatalf("buckets %v, want %v", got, tt.buckets)
			}
			site := u.Model.AWS.S3.Buckets[1]
			if acl, _ := site.ACL.Get(); acl != "public-read" {
				t.Errorf("Site.Bucket acl %+v: want the value the parent passes", site.ACL)
			}
			if site.Name.State != model.Unknown {
				t.Errorf("Site.Bucket name %+v: the parent passes an unknown value, the default must not apply", site.Name)
			}
			if !equalStrings(site.Policies, []string{"Site.Policy.PolicyDocument"}) {
				t.Errorf("Site.Bucket policies %v", site.Policies)
			}
			if p := u.Model.AWS.IAM.Policies[0]; p.ID != "Site.Policy.PolicyDocument" || p.Owner != "Site.Bucket" {
				t.Errorf("policy %s owner %s", p.ID, p.Owner)
			}
			if r := u.Locations["Site.Bucket"]["acl"]; r.File != child || r.Start.Line != 9 {
				t.Errorf("Site.Bucket acl located at %v, want the child template's line 9", r)
			}
			if len(tt.buckets) == 3 {
				if acl, _ := u.Model.AWS.S3.Buckets[2].ACL.Get(); acl != "private" {
					t.Errorf("ProdOnly.Bucket acl %q, want the default", acl)
				}
			}
			wantFiles := []string{main, child}
			if len(tt.buckets) == 3 {
				wantFiles = append(wantFiles, child)
			}
			if !equalStrings(u.Files, wantFiles) {
				t.Errorf("files %v, want %v", u.Files, wantFiles)
			}
			if s := u.Suppressions; len(s) == 0 || s[0].Resource != "Site.Bucket" || s[0].Range.File != child {
				t.Errorf("suppressions %+v", s)
			}
			var got []string
			for _, d := range u.Diagnostics {
				got = append(got, string(d.Severity)+" "+d.Summary+" "+strings.SplitN(d.Detail, ":", 2)[0])
				if d.Range.File != main {
					t.Errorf("diagnostic %v not in the parent template", d)
				}
			}
			want := []string{
				"note nested stack not scanned the template of Remote is at a URL computed at deploy time, not in the scanned files; its resources are not scanned (give a local path to scan it)",
				"note nested stack not scanned the template of Literal is at https",
				"note nested stack not scanned the TemplateURL of Computed is not known; the resources of its template are not scanned",
				"warning nested stack not scanned the template of Self",
				"warning nested stack not scanned the template of Outside",
				"warning nested stack not scanned the template of Missing",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestNestedStackRoot(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"stacks/main.yaml":  "Resources:\n  S:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ../shared/child.yaml\n",
		"shared/child.yaml": childTemplate,
	})
	main := filepath.Join(dir, "stacks", "main.yaml")
	src, _ := os.ReadFile(main)
	// Outside the template's directory: read only when the scan root allows it.
	if u := parseUnit(main, string(src), Options{}); len(u.Model.AWS.S3.Buckets) != 0 || len(u.Diagnostics) != 1 {
		t.Errorf("without a root: buckets %v, diagnostics %v", bucketIDs(u), u.Diagnostics)
	}
	if u := parseUnit(main, string(src), Options{Root: dir}); !equalStrings(bucketIDs(u), []string{"S.Bucket"}) || len(u.Diagnostics) != 0 {
		t.Errorf("with the root: buckets %v, diagnostics %v", bucketIDs(u), u.Diagnostics)
	}
}

// TestCDKNestedStack reads a nested stack the way cdk synth writes it: the
// TemplateURL is an S3 URL built from the asset bucket, and the local file
// is in the resource's Metadata.
func TestCDKNestedStack(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"cdk.out/App.template.json": `{
 "Resources": {
  "NestedNestedStackNestedStackResourceABCD": {
   "Type": "AWS::CloudFormation::Stack",
   "Properties": {"TemplateURL": {"Fn::Join": ["", ["https://s3.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}, "/cdk-hnb659fds-assets/abc.json"]]}},
   "Metadata": {"aws:cdk:path": "App/Nested.NestedStack/Nested.NestedStackResource", "aws:asset:path": "AppNested1234.nested.template.json", "aws:asset:property": "TemplateURL"}
  },
  "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:abc"}}
 },
 "Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version"}}
}`,
		"cdk.out/AppNested1234.nested.template.json": `{"Resources": {"Site": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicRead"}}}}`,
	})
	main := filepath.Join(dir, "cdk.out", "App.template.json")
	src, _ := os.ReadFile(main)
	if !IsTemplate(src) {
		t.Fatal("IsTemplate rejects the CDK template")
	}
	u := parseUnit(main, string(src), Options{})
	if got := bucketIDs(u); !equalStrings(got, []string{"NestedNestedStackNestedStackResourceABCD.Site"}) || len(u.Diagnostics) != 0 {
		t.Errorf("buckets %v, diagnostics %v", got, u.Diagnostics)
	}
}

func TestNestedStackBadChild(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.yaml":  "Resources:\n  S:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: child.yaml\n",
		"child.yaml": "Resources:\n  B:\n    Type: AWS::S3::Bucket\n   - x\n",
	})
	main := filepath.Join(dir, "main.yaml")
	src, _ := os.ReadFile(main)
	u := parseUnit(main, string(src), Options{})
	errs := errorsOf(u.Diagnostics)
	if len(errs) != 1 || errs[0].Range.File != filepath.Join(dir, "child.yaml") || errs[0].Range.Start.Line != 4 {
		t.Errorf("want the child's syntax error, got %v", u.Diagnostics)
	}
}
