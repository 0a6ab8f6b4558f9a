package adapt

import "testing"

func TestManagedKeyAlias(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"alias/aws/ssm", "alias/aws/ssm"},
		{"alias/aws/secretsmanager", "alias/aws/secretsmanager"},
		{"arn:aws:kms:us-east-1:111122223333:alias/aws/ssm", "alias/aws/ssm"},
		{"arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/secretsmanager", "alias/aws/secretsmanager"},
		{"alias/aws/", ""},
		{"alias/app/ssm", ""},
		{"alias/awsome/ssm", ""},
		{"alias/aws/ssm/x", ""},
		{"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", ""},
		{"1234abcd-12ab-34cd-56ef-1234567890ab", ""},
		{"", ""},
	} {
		if got := ManagedKeyAlias(tc.in); got != tc.want {
			t.Errorf("ManagedKeyAlias(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestManagedKeyAliasSuffix(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{":alias/aws/secretsmanager", "alias/aws/secretsmanager"},
		{":kms:eu-west-1:111122223333:alias/aws/ssm", "alias/aws/ssm"},
		{"alias/aws/secretsmanager", ""}, // no colon: the unknown start may be anything
		{":alias/aws/secretsmanager-x/y", ""},
		{":alias/app", ""},
		{"", ""},
	} {
		if got := ManagedKeyAliasSuffix(tc.in); got != tc.want {
			t.Errorf("ManagedKeyAliasSuffix(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
