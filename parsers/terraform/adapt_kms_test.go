package terraform

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const kmsSrc = `
variable "store" {}

resource "aws_kms_key" "plain" {
  description = "defaults only"
}

resource "aws_kms_key" "rotating" {
  enable_key_rotation     = true
  rotation_period_in_days = 180
  multi_region            = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "asym" {
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
  enable_key_rotation      = false
}

resource "aws_kms_key_policy" "asym" {
  key_id = aws_kms_key.asym.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }]
  })
}

resource "aws_kms_key" "hsm" {
  custom_key_store_id = "cks-1234567890abcdef0"
}

resource "aws_kms_key" "xks" {
  custom_key_store_id = "cks-0fedcba0987654321"
  xks_key_id          = "bb8562717f809024"
}

resource "aws_kms_key" "store_var" {
  custom_key_store_id = var.store
  enable_key_rotation = "true"
}

resource "aws_kms_external_key" "imported" {
  multi_region = true
}

resource "aws_kms_replica_key" "replica" {
  primary_key_arn = aws_kms_key.rotating.arn
}

resource "aws_kms_replica_external_key" "imported_replica" {
  primary_key_arn = aws_kms_external_key.imported.arn
}

resource "aws_kms_replica_key" "outside" {
  primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"
}
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

func showKMSKey(k *model.KMSKey) string {
	return fmt.Sprintf("%s spec=%s usage=%s origin=%s store=%s rotation=%s period=%s multi=%s policies=%v",
		k.Type, showValue(k.KeySpec), showValue(k.KeyUsage), showValue(k.Origin), showValue(k.CustomKeyStore),
		showValue(k.RotationEnabled), showValue(k.RotationPeriodDays), showValue(k.MultiRegion), k.Policies)
}

func TestKMSKeys(t *testing.T) {
	u, _ := parseSrc(t, kmsSrc)
	noErrors(t, u)
	got := map[string]string{}
	for _, k := range u.Model.AWS.KMS.Keys {
		got[k.ID] = showKMSKey(k)
	}
	for _, tt := range []struct{ id, want string }{
		{"aws_kms_key.plain", "aws_kms_key spec=- usage=- origin=- store=- rotation=- period=- multi=- policies=[]"},
		{"aws_kms_key.rotating", "aws_kms_key spec=- usage=- origin=- store=- rotation=true period=180 multi=true policies=[aws_kms_key.rotating.policy]"},
		{"aws_kms_key.asym", "aws_kms_key spec=RSA_2048 usage=SIGN_VERIFY origin=- store=- rotation=false period=- multi=- policies=[aws_kms_key_policy.asym.policy]"},
		{"aws_kms_key.hsm", "aws_kms_key spec=- usage=- origin=AWS_CLOUDHSM store=cks-1234567890abcdef0 rotation=- period=- multi=- policies=[]"},
		{"aws_kms_key.xks", "aws_kms_key spec=- usage=- origin=EXTERNAL_KEY_STORE store=cks-0fedcba0987654321 rotation=- period=- multi=- policies=[]"},
		// An unset variable may be null at apply: the store, and with it the
		// origin, are unknown. A "true" string is a true bool, as in Terraform.
		{"aws_kms_key.store_var", "aws_kms_key spec=- usage=- origin=? store=? rotation=true period=- multi=- policies=[]"},
		{"aws_kms_external_key.imported", "aws_kms_external_key spec=- usage=- origin=EXTERNAL store=- rotation=- period=- multi=true policies=[]"},
	} {
		if got[tt.id] != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.id, got[tt.id], tt.want)
		}
	}
	if len(got) != 7 {
		t.Errorf("got %d keys, want 7: %v", len(got), got)
	}
}

func TestKMSReplicaKeys(t *testing.T) {
	u, _ := parseSrc(t, kmsSrc)
	var got []string
	for _, rk := range u.Model.AWS.KMS.ReplicaKeys {
		got = append(got, fmt.Sprintf("%s(%s) arn=%s ref=%s", rk.ID, rk.Type, showValue(rk.PrimaryKeyArn), rk.PrimaryKeyRef))
	}
	want := []string{
		"aws_kms_replica_key.replica(aws_kms_replica_key) arn=? ref=aws_kms_key.rotating",
		"aws_kms_replica_external_key.imported_replica(aws_kms_replica_external_key) arn=? ref=aws_kms_external_key.imported",
		// A literal ARN names a key outside the scan: key ARNs are only
		// known after apply, so no key of the scan can match it.
		"aws_kms_replica_key.outside(aws_kms_replica_key) arn=arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab ref=",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("replica keys:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestKMSLocations(t *testing.T) {
	u, _ := parseSrc(t, kmsSrc)
	for _, tt := range []struct {
		id, path, marker string
		n                int
	}{
		{"aws_kms_key.plain", "", `resource "aws_kms_key" "plain"`, 1},
		{"aws_kms_key.rotating", "rotation_enabled", "enable_key_rotation     = true", 1},
		{"aws_kms_key.rotating", "rotation_period_days", "rotation_period_in_days = 180", 1},
		{"aws_kms_key.rotating", "multi_region", "multi_region            = true", 1},
		{"aws_kms_key.rotating", "policies[0]", "policy = jsonencode", 1},
		{"aws_kms_key.asym", "key_spec", `customer_master_key_spec = "RSA_2048"`, 1},
		{"aws_kms_key.asym", "key_usage", `key_usage                = "SIGN_VERIFY"`, 1},
		{"aws_kms_key.asym", "rotation_enabled", "enable_key_rotation      = false", 1},
		{"aws_kms_key.asym", "policies[0]", "policy = jsonencode", 2},
		{"aws_kms_key.hsm", "custom_key_store", `custom_key_store_id = "cks-1234567890abcdef0"`, 1},
		{"aws_kms_key.hsm", "origin", `custom_key_store_id = "cks-1234567890abcdef0"`, 1},
		{"aws_kms_key.store_var", "origin", "custom_key_store_id = var.store", 1},
		{"aws_kms_external_key.imported", "origin", `resource "aws_kms_external_key" "imported"`, 1},
		{"aws_kms_external_key.imported", "multi_region", "multi_region = true", 1},
		{"aws_kms_replica_key.replica", "", `resource "aws_kms_replica_key" "replica"`, 1},
		{"aws_kms_replica_key.replica", "primary_key_arn", "primary_key_arn = aws_kms_key.rotating.arn", 1},
		{"aws_kms_replica_key.outside", "primary_key_arn", `primary_key_arn = "arn:aws:kms`, 1},
	} {
		wantLine(t, u, tt.id, tt.path, lineOf(t, kmsSrc, tt.marker, tt.n))
	}
	// An absent setting has no location of its own: findings about it fall
	// back to the resource block.
	if _, ok := u.Locations["aws_kms_key.plain"]["rotation_enabled"]; ok {
		t.Error("absent rotation_enabled has a location")
	}
}

// TestKMSNotInScan checks that keys under count = 0 are not mapped and that
// a module with no KMS resources has empty collections after Normalize.
func TestKMSNotInScan(t *testing.T) {
	u, _ := parseSrc(t, `
resource "aws_kms_key" "off" {
  count = 0
}
`)
	u.Model.Normalize()
	if n := len(u.Model.AWS.KMS.Keys); n != 0 {
		t.Errorf("got %d keys for count = 0, want none", n)
	}
	if u.Model.AWS.KMS.ReplicaKeys == nil {
		t.Error("replica keys not normalized to an empty list")
	}
}
