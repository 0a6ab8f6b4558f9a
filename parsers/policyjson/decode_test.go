package policyjson

import (
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// errorsOf parses src as a standalone document and returns its policy.
func policyOf(t *testing.T, src string) (*model.Policy, *model.Unit) {
	t.Helper()
	u := Parse("p.json", []byte(src))
	if len(u.Model.AWS.IAM.Policies) != 1 {
		t.Fatalf("diagnostics %v, no policy", u.Diagnostics)
	}
	return u.Model.AWS.IAM.Policies[0], u
}

func TestDecodeRecordsStructuralErrors(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		// want maps each error's path to a part of its message and the
		// line the path is located at.
		want map[string]struct {
			msg  string
			line int
		}
	}{
		{"valid", `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
			"Principal": {"AWS": ["111122223333"], "*": "*"}, "Condition": {"Bool": {"aws:SecureTransport": [true]}}}]}`, nil},
		{"unknown keys", "{\"Version\": \"2012-10-17\",\n\"statement\": [],\n\"Statement\": [{\n\"Effect\": \"Allow\",\n\"Actions\": \"s3:*\"}]}",
			map[string]struct {
				msg  string
				line int
			}{
				"keys.statement":             {`write "Statement"`, 2},
				"statements[0].keys.Actions": {`"Actions" is not an element of a policy statement; did you mean "Action"?`, 5},
			}},
		{"no statement", `{"Version": "2012-10-17"}`, map[string]struct {
			msg  string
			line int
		}{"": {"no Statement", 1}}},
		{"statement is a string", `{"Statement": "Allow"}`, map[string]struct {
			msg  string
			line int
		}{"statements": {"must be an object or a list", 1}}},
		{"statement items", "{\"Statement\": [\n{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"},\n\"x\",\nnull]}", map[string]struct {
			msg  string
			line int
		}{
			"statements[1]": {"Statement 1 must be an object, not a string", 3},
			"statements[2]": {"Statement 2 must be an object, not null", 4},
		}},
		{"principal string", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\",\n\"Principal\": \"arn:aws:iam::111122223333:root\"}]}", map[string]struct {
			msg  string
			line int
		}{"statements[0].principals": {`Principal must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}`, 2}}},
		{"principal list", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\",\n\"NotPrincipal\": [\"*\"]}]}", map[string]struct {
			msg  string
			line int
		}{"statements[0].not_principals": {"NotPrincipal must be", 2}}},
		{"principal type", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Principal\": {\n\"AWS\": \"111122223333\",\n\"aws\": \"*\",\n\"Service\": {\"x\": 1}}}]}", map[string]struct {
			msg  string
			line int
		}{
			"statements[0].principals[1]": {`"aws" is not a principal type`, 3},
			"statements[0].principals[2]": {"Principal Service must be a string or a list of strings, not an object", 4},
		}},
		{"action types", "{\"Statement\": [{\"Effect\": \"Allow\",\n\"Action\": {\"s3\": \"*\"},\n\"Resource\": [\"*\",\n[\"arn\"]]}]}", map[string]struct {
			msg  string
			line int
		}{
			"statements[0].actions":      {"Action must be a string or a list of strings, not an object", 2},
			"statements[0].resources[1]": {"element 1 is a list", 4},
		}},
		{"effect type", `{"Statement": [{"Effect": ["Allow"], "Action": "*", "Resource": "*"}]}`, map[string]struct {
			msg  string
			line int
		}{"statements[0].effect": {"Effect must be a string, not a list", 1}}},
		{"conditions", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\n\"StringEquals\": \"aws:SourceVpce\",\n\"Bool\": {\"aws:SecureTransport\": {\"x\": 1}}}}]}", map[string]struct {
			msg  string
			line int
		}{
			"statements[0].conditions[0]": {"Condition operator StringEquals must hold an object", 2},
			"statements[0].conditions[1]": {"aws:SecureTransport must be a string or a list, not an object", 3},
		}},
		{"condition list", `{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": [{"Bool": {}}]}]}`, map[string]struct {
			msg  string
			line int
		}{"statements[0].conditions": {"Condition must be an object of operators, not a list", 1}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, u := policyOf(t, tt.src)
			got := map[string]string{}
			for _, e := range p.Errors {
				if _, dup := got[e.Path]; dup {
					t.Errorf("two errors at %s", e.Path)
				}
				got[e.Path] = e.Message
			}
			for path, w := range tt.want {
				msg, ok := got[path]
				if !ok || !strings.Contains(msg, w.msg) {
					t.Errorf("error at %q = %q, want one containing %q (all: %v)", path, msg, w.msg, got)
					continue
				}
				if r, ok := u.Locations.Lookup(p.ID, path); !ok || r.Start.Line != w.line {
					t.Errorf("%s located at line %d, want %d", path, r.Start.Line, w.line)
				}
			}
			for path, msg := range got {
				if _, ok := tt.want[path]; !ok {
					t.Errorf("unexpected error at %q: %s", path, msg)
				}
			}
		})
	}
}

// A statement that is not an object is unknown in every field, so that no
// rule reasons about the fields it lacks.
func TestStatementThatIsNotAnObjectIsUnknown(t *testing.T) {
	p, _ := policyOf(t, `{"Statement": [42]}`)
	s := p.Statements[0]
	for name, st := range map[string]model.State{
		"effect": s.Effect.State, "actions": s.Actions.State, "not_actions": s.NotActions.State,
		"resources": s.Resources.State, "not_resources": s.NotResources.State,
		"principals": s.Principals.State, "not_principals": s.NotPrincipals.State, "conditions": s.Conditions.State,
	} {
		if st != model.Unknown {
			t.Errorf("%s is %v, want unknown", name, st)
		}
	}
}

// Terraform and CloudFormation hand a policy string that is not valid JSON
// to Decode as a string node.
func TestDecodeDocumentThatIsNotAnObject(t *testing.T) {
	r := model.Range{File: "main.tf", Start: model.Pos{Line: 7, Column: 12}}
	for _, tt := range []struct {
		name string
		doc  *node.Node
		want string
	}{
		{"invalid JSON", node.NewString(`{"Version": "2012-10-17", "Statement": [}`, r), "not valid JSON: invalid character '}'"},
		{"JSON string", node.NewString(`"{\"Statement\": []}"`, r), "a JSON string, not an object"},
		{"list", &node.Node{Kind: node.List, Range: r}, "must be a JSON object, not a list"},
		{"number", &node.Node{Kind: node.Number, Str: "1", Range: r}, "must be a JSON object, not a number"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := &model.Policy{Meta: model.Meta{ID: "aws_iam_policy.x.policy"}, Kind: model.PolicyIdentity}
			locs := model.Locations{}
			Decode(p, tt.doc, locs)
			if len(p.Errors) != 1 || p.Errors[0].Path != "" || !strings.Contains(p.Errors[0].Message, tt.want) {
				t.Fatalf("errors %+v, want one at the document containing %q", p.Errors, tt.want)
			}
			if p.Version.State != model.Unknown || !p.StatementsUnknown {
				t.Errorf("version %v, statements unknown %v: want both unknown", p.Version, p.StatementsUnknown)
			}
			if got, _ := locs.Lookup(p.ID, ""); got != r {
				t.Errorf("document at %v, want %v", got, r)
			}
		})
	}
	// Unknown documents and statements are never errors.
	p := &model.Policy{Meta: model.Meta{ID: "x"}}
	Decode(p, node.NewUnknown(r), model.Locations{})
	doc := node.NewMap(r)
	doc.Set("Statement", &node.Node{Kind: node.List, List: []*node.Node{node.NewUnknown(r)}})
	Decode(p, doc, model.Locations{})
	st := node.NewMap(r)
	doc.Set("Statement", st)
	st.Set("Effect", node.NewString("Allow", r))
	st.Set("Principal", node.NewUnknown(r))
	st.Set("Condition", node.NewUnknown(r))
	cond := node.NewMap(r)
	cond.Set("StringEquals", node.NewUnknown(r))
	st.Set("Action", node.NewUnknown(r))
	Decode(p, doc, model.Locations{})
	st.Set("Condition", cond)
	Decode(p, doc, model.Locations{})
	if len(p.Errors) != 0 {
		t.Errorf("errors %+v on unknown parts", p.Errors)
	}
	if p.Version.State != model.Unknown {
		t.Errorf("version of an unknown document is %v, want unknown", p.Version)
	}
}

// A policy file that is a template fragment holds intrinsic functions: their
// values are unknown, never objects where a string belongs.
func TestIntrinsicFunctionsAreUnknown(t *testing.T) {
	p, _ := policyOf(t, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*",
		"Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}},
		"Condition": {"StringEquals": {"kms:CallerAccount": {"Ref": "AWS::AccountId"}}}}]}`)
	if len(p.Errors) != 0 {
		t.Fatalf("errors %+v", p.Errors)
	}
	s := p.Statements[0]
	if s.Principals.V[0].Value.State != model.Unknown || s.Conditions.V[0].Values.State != model.Unknown {
		t.Errorf("principal %+v, condition %+v: want unknown values", s.Principals.V[0], s.Conditions.V[0])
	}
}
