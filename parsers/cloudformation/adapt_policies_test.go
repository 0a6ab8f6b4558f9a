package cloudformation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestPolicies(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(fixtures, "policies.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		id, typ, kind, owner string
		statements           int
		unknown              bool
		line                 int // of the "" location: the key naming the document
	}
	tests := []struct {
		name   string
		params map[string]string
		want   []want
	}{
		{"defaults", nil, []want{
			{"Role.AssumeRolePolicyDocument", "AWS::IAM::Role", model.PolicyTrust, "Role", 1, false, 13},
			{"Role.Policies[1].PolicyDocument", "AWS::IAM::Role", model.PolicyIdentity, "Role", 1, false, 26},
			{"Role.Policies[3].PolicyDocument", "AWS::IAM::Role", model.PolicyIdentity, "Role", 1, false, 33},
			{"User.Policies[0].PolicyDocument", "AWS::IAM::User", model.PolicyIdentity, "User", 1, false, 39},
			{"Policy.PolicyDocument", "AWS::IAM::Policy", model.PolicyIdentity, "Policy", 1, false, 49},
			{"Managed.PolicyDocument", "AWS::IAM::ManagedPolicy", model.PolicyIdentity, "Managed", 0, false, 53},
			{"RolePolicy.PolicyDocument", "AWS::IAM::RolePolicy", model.PolicyIdentity, "RolePolicy", 1, false, 59},
			{"PermissionSet.InlinePolicy", "AWS::SSO::PermissionSet", model.PolicyIdentity, "PermissionSet", 1, false, 65},
			{"Key.KeyPolicy", "AWS::KMS::Key", model.PolicyResource, "Key", 1, false, 69},
			{"TopicPolicy.PolicyDocument", "AWS::SNS::TopicPolicy", model.PolicyResource, "Topic", 1, false, 84},
			// Attached to a queue of the template and one elsewhere: no single owner.
			{"QueuePolicy.PolicyDocument", "AWS::SQS::QueuePolicy", model.PolicyResource, "QueuePolicy", 1, false, 89},
			{"SecretPolicy.ResourcePolicy", "AWS::SecretsManager::ResourcePolicy", model.PolicyResource, "Secret", 1, false, 96},
			{"Repository.RepositoryPolicyText", "AWS::ECR::Repository", model.PolicyResource, "Repository", 1, false, 100},
			{"AccessPoint.Policy", "AWS::S3::AccessPoint", model.PolicyResource, "AccessPoint", 1, false, 106},
			{"Vault.AccessPolicy", "AWS::Glacier::Vault", model.PolicyResource, "Vault", 1, false, 110},
			// A JSON string built by a Sub over a resource: unknown.
			{"Unparsable.RepositoryPolicyText", "AWS::ECR::Repository", model.PolicyResource, "Unparsable", 0, true, 114},
		}},
		{"admin", map[string]string{"WithAdmin": "true"}, []want{
			{"Role.AssumeRolePolicyDocument", "AWS::IAM::Role", model.PolicyTrust, "Role", 1, false, 13},
			{"Role.Policies[0].PolicyDocument", "AWS::IAM::Role", model.PolicyIdentity, "Role", 1, false, 21},
			{"Role.Policies[1].PolicyDocument", "AWS::IAM::Role", model.PolicyIdentity, "Role", 1, false, 26},
			{"Role.Policies[2].PolicyDocument", "AWS::IAM::Role", model.PolicyIdentity, "Role", 0, false, 31},
			{"Role.Policies[3].PolicyDocument", "AWS::IAM::Role", model.PolicyIdentity, "Role", 1, false, 33},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := parseUnit("policies.yaml", string(src), Options{Params: tt.params})
			if len(u.Diagnostics) != 0 {
				t.Errorf("unexpected diagnostics: %v", u.Diagnostics)
			}
			got := map[string]*model.Policy{}
			for _, p := range u.Model.AWS.IAM.Policies {
				if got[p.ID] != nil {
					t.Errorf("duplicate policy ID %s", p.ID)
				}
				got[p.ID] = p
			}
			for _, w := range tt.want {
				p := got[w.id]
				if p == nil {
					t.Errorf("no policy %s; have %v", w.id, keys(got))
					continue
				}
				if p.Type != w.typ || p.Kind != w.kind || p.Owner != w.owner || len(p.Statements) != w.statements || p.StatementsUnknown != w.unknown {
					t.Errorf("%s: type %s kind %s owner %s statements %d unknown %v, want %+v",
						w.id, p.Type, p.Kind, p.Owner, len(p.Statements), p.StatementsUnknown, w)
				}
				if r := u.Locations[w.id][""]; r.Start.Line != w.line {
					t.Errorf("%s: located at line %d, want %d", w.id, r.Start.Line, w.line)
				}
			}
		})
	}
}

func keys(m map[string]*model.Policy) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestPolicyInvalidJSONString(t *testing.T) {
	src := `Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText: '{"Statement": [}'
`
	u := parseUnit("t.yaml", src, Options{})
	if len(u.Model.AWS.IAM.Policies) != 1 || !u.Model.AWS.IAM.Policies[0].StatementsUnknown {
		t.Fatalf("want one policy with unknown statements, got %+v", u.Model.AWS.IAM.Policies)
	}
	if len(u.Diagnostics) != 1 || u.Diagnostics[0].Severity != model.DiagWarning ||
		!strings.Contains(u.Diagnostics[0].Summary, "not valid JSON") || u.Diagnostics[0].Range.Start.Line != 5 {
		t.Errorf("want a warning at line 5, got %v", u.Diagnostics)
	}
}

// TestPolicyToJsonString checks that a document built by Fn::ToJsonString
// is decoded from the value it serialized, so its parts keep their lines.
func TestPolicyToJsonString(t *testing.T) {
	src := `Transform: AWS::LanguageExtensions
Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText: !ToJsonString
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: ecr:BatchGetImage
`
	u := parseUnit("t.yaml", src, Options{})
	if len(u.Diagnostics) != 0 || len(u.Model.AWS.IAM.Policies) != 1 {
		t.Fatalf("diagnostics %v, policies %v", u.Diagnostics, u.Model.AWS.IAM.Policies)
	}
	p := u.Model.AWS.IAM.Policies[0]
	if len(p.Statements) != 1 || p.StatementsUnknown {
		t.Fatalf("statements %+v", p.Statements)
	}
	for path, line := range map[string]int{"": 6, "statements[0].effect": 8, "statements[0].principals[0]": 9} {
		if r, _ := u.Locations.Lookup(p.ID, path); r.Start.Line != line {
			t.Errorf("%q at line %d, want %d", path, r.Start.Line, line)
		}
	}
}
