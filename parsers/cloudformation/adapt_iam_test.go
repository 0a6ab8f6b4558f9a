package cloudformation

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestSAMLocationsAndSuppressions(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(fixtures, "sam.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	u := parseUnit("sam.yaml", string(src), Options{})
	for _, tt := range []struct {
		id, path  string
		line, col int
	}{
		{"ApiRole", "", 8, 3},
		{"ApiRole", "managed_policy_arns", 18, 7},
		{"ApiRole", "managed_policy_arns[0]", 8, 3}, // AWSLambdaBasicExecutionRole: the function
		{"ApiRole", "managed_policy_arns[2]", 20, 11},
		{"ApiRole", "managed_policy_arns[3]", 21, 11},
		{"Api.Policies[4]", "", 24, 11},
		{"Api.Policies[4]", "statements[0].actions[0]", 27, 23},
		{"Single.Policies", "", 38, 7},
		{"FlowRole", "managed_policy_arns[0]", 56, 17},
	} {
		r, ok := u.Locations.Lookup(tt.id, tt.path)
		if !ok || r.Start.Line != tt.line || r.Start.Column != tt.col {
			t.Errorf("%s %q at %v, want %d:%d", tt.id, tt.path, r, tt.line, tt.col)
		}
	}
	want := "Api:aws-iam-admin-wildcard:break-glass function:@13:13 ApiRole:aws-iam-admin-wildcard:break-glass function:@13:13"
	if got := showSuppressions(u.Suppressions); got != want {
		t.Errorf("suppressions %s, want %s", got, want)
	}
}

func TestSAMPartitionAndUnknownPolicies(t *testing.T) {
	src := `Transform: AWS::Serverless-2016-10-31
Parameters:
  Admin: {Type: String}
Conditions:
  IsAdmin: !Equals [!Ref Admin, "yes"]
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Policies: !If [IsAdmin, [AdministratorAccess], [ReadOnlyAccess]]
`
	u := parseUnit("t.yaml", src, Options{})
	roles := u.Model.AWS.IAM.Roles
	if len(roles) != 1 || roles[0].ManagedPolicyARNs.State != model.Unknown {
		t.Errorf("want one role with unknown managed policies, got %+v", roles)
	}
	u = parseUnit("t.yaml", src, Options{Params: map[string]string{"Admin": "yes", "AWS::Partition": "aws-cn"}})
	arns, _ := u.Model.AWS.IAM.Roles[0].ManagedPolicyARNs.Get()
	if len(arns) != 2 || arns[1].V != "arn:aws-cn:iam::aws:policy/AdministratorAccess" {
		t.Errorf("managed policies %+v", arns)
	}
}

func TestRoleManagedPolicies(t *testing.T) {
	src := `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/ReadOnlyAccess
        - !Ref Managed
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
  ByName:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Roles: [app]
      PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]}
`
	u := parseUnit("t.yaml", src, Options{})
	if len(u.Diagnostics) != 0 {
		t.Errorf("unexpected diagnostics %v", u.Diagnostics)
	}
	r := u.Model.AWS.IAM.Roles[0]
	arns, _ := r.ManagedPolicyARNs.Get()
	if len(arns) != 2 || arns[0].V != "arn:aws:iam::aws:policy/ReadOnlyAccess" || arns[1].State != model.Unknown {
		t.Errorf("managed policies %+v", arns)
	}
	want := []string{"Managed.PolicyDocument", "Role.AssumeRolePolicyDocument", "ByName.PolicyDocument"}
	if !equalStrings(r.Policies, want) {
		t.Errorf("policies %v, want %v", r.Policies, want)
	}
	if l, _ := u.Locations.Lookup("Role", "managed_policy_arns[1]"); l.Start.Line != 9 {
		t.Errorf("managed_policy_arns[1] at %v", l)
	}
}
