package cloudformation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const kmsTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Rotate:
    Type: String
Conditions:
  Never: !Equals [a, b]
Resources:
  Plain:
    Type: AWS::KMS::Key
  Rotating:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      RotationPeriodInDays: 180
      MultiRegion: true
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"
            Action: kms:*
            Resource: "*"
  Hmac:
    Type: AWS::KMS::Key
    Properties:
      KeySpec: HMAC_256
      KeyUsage: GENERATE_VERIFY_MAC
      EnableKeyRotation: !Ref Rotate
  Imported:
    Type: AWS::KMS::Key
    Properties:
      Origin: EXTERNAL
      EnableKeyRotation: "true"
  Dropped:
    Type: AWS::KMS::Key
    Condition: Never
    Properties:
      EnableKeyRotation: false
  Replica:
    Type: AWS::KMS::ReplicaKey
    Properties:
      PrimaryKeyArn: !GetAtt Rotating.Arn
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"
            Action: kms:*
            Resource: "*"
  Outside:
    Type: AWS::KMS::ReplicaKey
    Properties:
      PrimaryKeyArn: arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab
  NotAKey:
    Type: AWS::KMS::ReplicaKey
    Properties:
      PrimaryKeyArn: !GetAtt Plain.KeyId
`

// showValue renders a model value: the value when known, "?" when unknown,
// "-" when absent.
func showValue[T any](v model.Value[T]) string {
	switch v.State {
	case model.Known:
		return fmt.Sprint(v.V)
	case model.Unknown:
		return "?"
	}
	return "-"
}

func TestKMSKeysAndReplicas(t *testing.T) {
	u := parseUnit("kms.yaml", kmsTemplate, Options{})
	if errs := errorsOf(u.Diagnostics); len(errs) != 0 {
		t.Fatalf("diagnostics: %v", errs)
	}
	var got []string
	for _, k := range u.Model.AWS.KMS.Keys {
		got = append(got, fmt.Sprintf("%s spec=%s usage=%s origin=%s store=%s rotation=%s period=%s multi=%s policies=%v",
			k.ID, showValue(k.KeySpec), showValue(k.KeyUsage), showValue(k.Origin), showValue(k.CustomKeyStore),
			showValue(k.RotationEnabled), showValue(k.RotationPeriodDays), showValue(k.MultiRegion), k.Policies))
	}
	for _, rk := range u.Model.AWS.KMS.ReplicaKeys {
		got = append(got, fmt.Sprintf("%s arn=%s ref=%s", rk.ID, showValue(rk.PrimaryKeyArn), rk.PrimaryKeyRef))
	}
	want := []string{
		"Plain spec=- usage=- origin=- store=- rotation=- period=- multi=- policies=[]",
		"Rotating spec=- usage=- origin=- store=- rotation=true period=180 multi=true policies=[Rotating.KeyPolicy]",
		// A parameter with no default and no value is unknown.
		"Hmac spec=HMAC_256 usage=GENERATE_VERIFY_MAC origin=- store=- rotation=? period=- multi=- policies=[]",
		// CloudFormation accepts the string "true" for a Boolean.
		"Imported spec=- usage=- origin=EXTERNAL store=- rotation=true period=- multi=- policies=[]",
		// Dropped is under a false condition: not in the model.
		"Replica arn=? ref=Rotating",
		"Outside arn=arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab ref=",
		// A GetAtt of a key is a link to it whatever the attribute.
		"NotAKey arn=? ref=Plain",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("KMS model:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestKMSLocations(t *testing.T) {
	u := parseUnit("kms.yaml", kmsTemplate, Options{})
	for _, tt := range []struct {
		id, path  string
		line, col int
	}{
		{"Plain", "", 8, 3},
		{"Rotating", "", 10, 3},
		{"Rotating", "rotation_enabled", 13, 26},
		{"Rotating", "rotation_period_days", 14, 29},
		{"Rotating", "multi_region", 15, 20},
		{"Rotating", "policies[0]", 16, 7}, // the KeyPolicy key
		{"Hmac", "key_spec", 27, 16},
		{"Hmac", "key_usage", 28, 17},
		{"Hmac", "rotation_enabled", 29, 26}, // the !Ref
		{"Imported", "origin", 33, 15},
		{"Replica", "", 40, 3},
		{"Replica", "primary_key_arn", 43, 22},
		{"Outside", "primary_key_arn", 55, 22},
		// Absent settings fall back to the resource.
		{"Plain", "rotation_enabled", 8, 3},
	} {
		r, ok := u.Locations.Lookup(tt.id, tt.path)
		if !ok || r.Start.Line != tt.line || r.Start.Column != tt.col {
			t.Errorf("%s %q at %v, want %d:%d", tt.id, tt.path, r, tt.line, tt.col)
		}
	}
}

// TestKMSUnknownProperties checks that Properties computed by an intrinsic
// that cannot be evaluated make every field unknown, not absent.
func TestKMSUnknownProperties(t *testing.T) {
	src := `Parameters:
  Flag: {Type: String}
Conditions:
  On: !Equals [!Ref Flag, "yes"]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties: !If [On, {EnableKeyRotation: true}, {EnableKeyRotation: false}]
`
	u := parseUnit("t.yaml", src, Options{})
	if len(u.Model.AWS.KMS.Keys) != 1 {
		t.Fatalf("got %d keys, want 1", len(u.Model.AWS.KMS.Keys))
	}
	k := u.Model.AWS.KMS.Keys[0]
	if k.RotationEnabled.State != model.Unknown || k.KeySpec.State != model.Unknown || k.Origin.State != model.Unknown {
		t.Errorf("want unknown fields, got rotation=%s spec=%s origin=%s", showValue(k.RotationEnabled), showValue(k.KeySpec), showValue(k.Origin))
	}
	u = parseUnit("t.yaml", src, Options{Params: map[string]string{"Flag": "yes"}})
	if got := showValue(u.Model.AWS.KMS.Keys[0].RotationEnabled); got != "true" {
		t.Errorf("with Flag=yes rotation is %s, want true", got)
	}
}
