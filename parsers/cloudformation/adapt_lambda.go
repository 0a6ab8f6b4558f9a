package cloudformation

import (
	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// lambdaPermission reads an AWS::Lambda::Permission as the statement Lambda
// adds to the function's resource policy (adapt.LambdaPermission), a
// resource policy of iam.policies under the permission's logical ID. The
// function is not modelled: the policy belongs to the permission.
func (a *adapter) lambdaPermission(r *resource) {
	props := a.props(r)
	doc := adapt.LambdaPermission{
		At:                    r.keyRange,
		Action:                get(props, "Action"),
		Principal:             get(props, "Principal"),
		FunctionName:          get(props, "FunctionName"),
		SourceArn:             get(props, "SourceArn"),
		SourceAccount:         get(props, "SourceAccount"),
		PrincipalOrgID:        get(props, "PrincipalOrgID"),
		EventSourceToken:      get(props, "EventSourceToken"),
		FunctionURLAuthType:   get(props, "FunctionUrlAuthType"),
		InvokedViaFunctionURL: get(props, "InvokedViaFunctionUrl"),
	}.Document()
	if doc != nil {
		a.policy(r, r.id, policySource{kind: model.PolicyResource}, doc, r.id)
	}
}

// samFunctionURL reads the FunctionUrlConfig of a SAM function: with
// AuthType NONE written as a literal, the transform adds the permission
// <Function>UrlPublicPermissions (principal "*", lambda:InvokeFunctionUrl),
// located at AuthType. An AuthType computed by an intrinsic makes the
// transform add nothing.
func (a *adapter) samFunctionURL(r *resource) {
	cfg := a.t.lookup(r.props, "FunctionUrlConfig")
	if cfg == nil || isFunc(cfg) {
		return
	}
	raw := a.t.lookup(cfg, "AuthType")
	if raw == nil || raw.Kind != yaml.ScalarNode || raw.Tag == "!Ref" || isFunc(raw) || raw.Value != "NONE" {
		return
	}
	auth := get(get(a.props(r), "FunctionUrlConfig"), "AuthType")
	if auth == nil || auth.Kind != node.String {
		return
	}
	doc := adapt.PublicFunctionURL(r.keyRange, auth, "").Document()
	a.policy(r, r.id+"UrlPublicPermissions", policySource{kind: model.PolicyResource}, doc, r.id)
}
