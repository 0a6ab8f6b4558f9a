package cloudformation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const secretsTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  DBPassword:
    Type: String
    NoEcho: true
  AppToken:
    Type: String
    Default: from-a-default
Conditions:
  Never: !Equals [a, b]
Resources:
  Key:
    Type: AWS::KMS::Key
  ApiKeyParam:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/prod/api-key
      Type: String
      Tier: Advanced
      Description: Stripe API key
      Value: sk_live_literal
      Policies: '[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}]'
  TokenParam:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Ref AppToken
  ResolvedParam:
    Type: AWS::SSM::Parameter
    Properties:
      Name: flat
      Type: String
      Value: '{{resolve:secretsmanager:app/prod:SecretString:token}}'
  Rotated:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: /app/prod/db
      KmsKeyId: !Ref Key
      GenerateSecretString:
        PasswordLength: 32
  Rotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref Rotated
      HostedRotationLambda:
        RotationType: PostgreSQLSingleUser
      RotationRules:
        ScheduleExpression: rate(30 days)
  Literal:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: partner-api
      SecretString: '{"password": "hunter2"}'
  LiteralPolicy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Ref Literal
      ResourcePolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {AWS: "arn:aws:iam::444455556666:root"}
            Action: secretsmanager:GetSecretValue
            Resource: "*"
  RotationByName:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: arn:aws:secretsmanager:us-east-1:111122223333:secret:partner-api-AbCdEf
      RotationLambdaARN: arn:aws:lambda:us-east-1:111122223333:function:rotate
  FromParameter:
    Type: AWS::SecretsManager::Secret
    Properties:
      SecretString: !Ref AppToken
  Dropped:
    Type: AWS::SecretsManager::Secret
    Condition: Never
    Properties:
      SecretString: dropped
  LiteralDB:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: dbadmin
      MasterUserPassword: Winter2024!
  NoEchoDB:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: dbadmin
      MasterUserPassword: !Ref DBPassword
  ResolvedCluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: dbadmin
      MasterUserPassword: '{{resolve:secretsmanager:app/prod/db:SecretString:password}}'
  ManagedCluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: dbadmin
      ManageMasterUserPassword: true
  MappedDB:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: dbadmin
      MasterUserPassword: !FindInMap [Passwords, prod, db]
Mappings:
  Passwords:
    prod:
      db: mapped-in-template
`

func TestSSMParametersCFN(t *testing.T) {
	u := parseUnit("t.yaml", secretsTemplate, Options{})
	if len(u.Diagnostics) != 0 {
		t.Fatalf("diagnostics: %v", u.Diagnostics)
	}
	got := map[string]string{}
	for _, p := range u.Model.AWS.SSM.Parameters {
		got[p.ID] = fmt.Sprintf("name=%s type=%s tier=%s key=%s desc=%s value=%s literal=%t len=%s policies=%t",
			showValue(p.Name), showValue(p.Type), showValue(p.Tier), showValue(p.KeyID), showValue(p.Description),
			showValue(p.Value), p.ValueLiteral, showValue(p.ValueLength), p.Policies.IsKnown())
	}
	want := map[string]string{
		"ApiKeyParam": "name=/app/prod/api-key type=String tier=Advanced key=- desc=Stripe API key value=sk_live_literal literal=true len=15 policies=true",
		// A parameter's Default is written in the template: a literal.
		"TokenParam": "name=- type=String tier=- key=- desc=- value=from-a-default literal=true len=14 policies=false",
		// A dynamic reference is resolved at deploy time.
		"ResolvedParam": "name=flat type=String tier=- key=- desc=- value=? literal=false len=- policies=false",
	}
	if len(got) != len(want) {
		t.Errorf("got %d parameters, want %d: %v", len(got), len(want), got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s:\n got  %s\n want %s", id, got[id], w)
		}
	}
	for _, tt := range []struct {
		id, path, marker string
	}{
		{"ApiKeyParam", "", "  ApiKeyParam:"},
		{"ApiKeyParam", "value", "Value: sk_live_literal"},
		{"ApiKeyParam", "parameter_type", "Type: String\n      Tier"},
		{"ApiKeyParam", "policies", "Policies:"},
		{"ResolvedParam", "name", "Name: flat"},
	} {
		wantLineCFN(t, u, tt.id, tt.path, tt.marker)
	}
}

func TestSecretsCFN(t *testing.T) {
	u := parseUnit("t.yaml", secretsTemplate, Options{})
	got := map[string]string{}
	for _, s := range u.Model.AWS.SecretsManager.Secrets {
		got[s.ID] = fmt.Sprintf("name=%s key=%s rotation=%t policies=%v", showValue(s.Name), showValue(s.KMSKeyID), s.RotationConfigured, s.Policies)
	}
	want := map[string]string{
		"Rotated":       "name=/app/prod/db key=? rotation=true policies=[]",
		"Literal":       "name=partner-api key=- rotation=true policies=[LiteralPolicy.ResourcePolicy]",
		"FromParameter": "name=- key=- rotation=false policies=[]",
	}
	if len(got) != len(want) {
		t.Errorf("got %d secrets, want %d: %v", len(got), len(want), got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s:\n got  %s\n want %s", id, got[id], w)
		}
	}
	values := map[string]string{}
	for _, v := range u.Model.AWS.SecretsManager.SecretValues {
		values[v.ID] = fmt.Sprintf("secret=%s literal=%t", v.SecretRef, v.Literal)
	}
	wantValues := map[string]string{
		"Literal": "secret=Literal literal=true",
		// The parameter's Default is written in the template.
		"FromParameter": "secret=FromParameter literal=true",
	}
	if len(values) != len(wantValues) {
		t.Errorf("got %d values, want %d: %v", len(values), len(wantValues), values)
	}
	for id, w := range wantValues {
		if values[id] != w {
			t.Errorf("%s:\n got  %s\n want %s", id, values[id], w)
		}
	}
	wantLineCFN(t, u, "Literal", "secret_string", "SecretString: '{\"password\"")
	wantLineCFN(t, u, "Literal", "policies[0]", "      ResourcePolicy:")
}

func TestRDSMasterPasswordsCFN(t *testing.T) {
	u := parseUnit("t.yaml", secretsTemplate, Options{})
	got := map[string]string{}
	show := func(m model.DBMaster) string {
		return fmt.Sprintf("password=%s literal=%t managed=%s", showValue(m.MasterPassword), m.PasswordLiteral, showValue(m.ManagedPassword))
	}
	for _, db := range u.Model.AWS.RDS.Instances {
		got[db.ID] = show(db.DBMaster)
	}
	for _, db := range u.Model.AWS.RDS.Clusters {
		got[db.ID] = show(db.DBMaster)
	}
	want := map[string]string{
		"LiteralDB": "password=Winter2024! literal=true managed=-",
		// A NoEcho parameter with no value given is unknown.
		"NoEchoDB":        "password=? literal=false managed=-",
		"ResolvedCluster": "password=? literal=false managed=-",
		"ManagedCluster":  "password=- literal=false managed=true",
		// A value from Mappings is written in the template.
		"MappedDB": "password=mapped-in-template literal=true managed=-",
	}
	if len(got) != len(want) {
		t.Errorf("got %d databases, want %d: %v", len(got), len(want), got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s:\n got  %s\n want %s", id, got[id], w)
		}
	}
	wantLineCFN(t, u, "LiteralDB", "master_password", "MasterUserPassword: Winter2024!")
	wantLineCFN(t, u, "ManagedCluster", "managed_password", "ManageMasterUserPassword: true")
}

// wantLineCFN checks that the location of (id, path) is on the line of the
// first occurrence of marker in secretsTemplate.
func wantLineCFN(t *testing.T, u *model.Unit, id, path, marker string) {
	t.Helper()
	i := strings.Index(secretsTemplate, marker)
	if i < 0 {
		t.Fatalf("no %q in the template", marker)
	}
	line := strings.Count(secretsTemplate[:i], "\n") + 1
	r, ok := u.Locations[id][path]
	if !ok || r.Start.Line != line {
		t.Errorf("location of %s %q is %v (found %t), want line %d", id, path, r, ok, line)
	}
}
