package adapt

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

func TestLambdaPermissionDocument(t *testing.T) {
	at := model.Range{File: "main.tf"}
	str := func(s string) *node.Node { return node.NewString(s, at) }
	for _, tc := range []struct {
		name          string
		p             LambdaPermission
		wantNil       bool
		principalType string // "" for a plain "*"
		conditions    map[string]string
	}{
		{name: "anyone", p: LambdaPermission{Action: str("lambda:InvokeFunction"), Principal: str("*")}},
		{name: "service", p: LambdaPermission{Action: str("lambda:InvokeFunction"), Principal: str("s3.amazonaws.com"), SourceArn: str("arn:aws:s3:::b")},
			principalType: "Service", conditions: map[string]string{"ArnLike/aws:SourceArn": "arn:aws:s3:::b"}},
		{name: "alexa", p: LambdaPermission{Action: str("lambda:InvokeFunction"), Principal: str("alexa-appkit.amazon.com"), EventSourceToken: str("amzn1.ask")},
			principalType: "Service", conditions: map[string]string{"StringEquals/lambda:EventSourceToken": "amzn1.ask"}},
		{name: "account", p: LambdaPermission{Action: str("lambda:InvokeFunction"), Principal: str("111122223333")}, principalType: "AWS"},
		{name: "role", p: LambdaPermission{Action: str("lambda:InvokeFunction"), Principal: str("arn:aws:iam::111122223333:role/x")}, principalType: "AWS"},
		{name: "url", p: LambdaPermission{Action: str("lambda:InvokeFunctionUrl"), Principal: str("*"), FunctionURLAuthType: str("NONE"), PrincipalOrgID: str("o-1"), SourceAccount: str("111122223333")},
			conditions: map[string]string{"StringEquals/lambda:FunctionUrlAuthType": "NONE", "StringEquals/aws:PrincipalOrgID": "o-1", "StringEquals/aws:SourceAccount": "111122223333"}},
		{name: "empty source account is none", p: LambdaPermission{Action: str("lambda:InvokeFunction"), Principal: str("*"), SourceAccount: str("")}},
		{name: "no principal", p: LambdaPermission{Action: str("lambda:InvokeFunction")}, wantNil: true},
		{name: "no action", p: LambdaPermission{Principal: str("*")}, wantNil: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.p.At = at
			doc := tc.p.Document()
			if tc.wantNil {
				if doc != nil {
					t.Fatalf("got a document, want none")
				}
				return
			}
			if v := doc.Get("Version"); v == nil || v.Str != "2012-10-17" {
				t.Errorf("Version = %v, want 2012-10-17", v)
			}
			st := doc.Get("Statement").List[0]
			if st.Get("Effect").Str != "Allow" {
				t.Errorf("Effect = %q", st.Get("Effect").Str)
			}
			pr := st.Get("Principal")
			switch {
			case tc.principalType == "" && (pr.Kind != node.String || pr.Str != "*"):
				t.Errorf("Principal = %+v, want \"*\"", pr)
			case tc.principalType != "" && pr.Get(tc.principalType) != tc.p.Principal:
				t.Errorf("Principal keys = %v, want %s", pr.Keys, tc.principalType)
			}
			got := map[string]string{}
			cond := st.Get("Condition")
			if cond != nil {
				for _, op := range cond.Keys {
					for _, k := range cond.Get(op).Keys {
						got[op+"/"+k] = cond.Get(op).Get(k).Str
					}
				}
			}
			if len(got) != len(tc.conditions) {
				t.Errorf("conditions = %v, want %v", got, tc.conditions)
			}
			for k, v := range tc.conditions {
				if got[k] != v {
					t.Errorf("condition %s = %q, want %q", k, got[k], v)
				}
			}
			if r := st.Get("Resource"); r.Kind != node.Unknown {
				t.Errorf("Resource = %+v, want unknown (no function ARN written)", r)
			}
		})
	}
}

func TestPublicFunctionURL(t *testing.T) {
	at := model.Range{File: "main.tf", Start: model.Pos{Line: 1}}
	auth := node.NewString("NONE", model.Range{File: "main.tf", Start: model.Pos{Line: 3}})
	doc := PublicFunctionURL(at, auth, "FunctionURLAllowPublicAccess").Document()
	st := doc.Get("Statement").List[0]
	if p := st.Get("Principal"); p.Kind != node.String || p.Str != "*" || p.Range != auth.Range {
		t.Errorf("Principal = %+v, want \"*\" at the auth type", p)
	}
	if a := st.Get("Action"); a.Str != "lambda:InvokeFunctionUrl" {
		t.Errorf("Action = %q", a.Str)
	}
	if c := st.Get("Condition").Get("StringEquals").Get("lambda:FunctionUrlAuthType"); c != auth {
		t.Errorf("auth type condition = %+v", c)
	}
	if sid := st.Get("Sid"); sid == nil || sid.Str != "FunctionURLAllowPublicAccess" {
		t.Errorf("Sid = %+v", sid)
	}
	if st := PublicFunctionURL(at, auth, "").Document().Get("Statement").List[0]; st.Get("Sid") != nil {
		t.Errorf("Sid written without a name")
	}
}
