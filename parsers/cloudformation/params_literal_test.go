package cloudformation

import (
	"testing"
)

const defaultPasswordTemplate = `Parameters:
  DBPassword:
    Type: String
    NoEcho: true
    Default: Winter2024!
Resources:
  DB:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUserPassword: !Ref DBPassword
`

// TestParameterDefaultIsLiteral: a value taken from a parameter's Default
// is written in the template, so it is a literal located at the Default
// (line 5), with the Ref (line 11) as where the resource uses it; a value
// given at deploy time (--cfn-param, a parameters file) is an input.
func TestParameterDefaultIsLiteral(t *testing.T) {
	tests := []struct {
		name    string
		params  map[string]string
		literal bool
		line    int // of master_password
		use     int // line of the use recorded for it, 0 for none
	}{
		{"default", nil, true, 5, 11},
		{"given", map[string]string{"DBPassword": "Given2024!"}, false, 11, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := parseUnit("t.yaml", defaultPasswordTemplate, Options{Params: tt.params})
			dbs := u.Model.AWS.RDS.Instances
			if len(dbs) != 1 {
				t.Fatalf("%d instances", len(dbs))
			}
			if dbs[0].PasswordLiteral != tt.literal {
				t.Errorf("PasswordLiteral = %v, want %v", dbs[0].PasswordLiteral, tt.literal)
			}
			r, _ := u.Locations.Lookup("DB", "master_password")
			if r.Start.Line != tt.line {
				t.Errorf("master_password at line %d, want %d", r.Start.Line, tt.line)
			}
			use := u.Uses["DB"]["master_password"]
			if use.Start.Line != tt.use {
				t.Errorf("use at line %d, want %d", use.Start.Line, tt.use)
			}
		})
	}
}
