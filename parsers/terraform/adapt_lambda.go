package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adaptLambdaPermissions reads each aws_lambda_permission as the statement
// Lambda adds to the function's resource policy (adapt.LambdaPermission),
// a resource policy of iam.policies whose ID is the permission's address.
// The function is not modelled: the policy has no owner.
func (a *adapter) adaptLambdaPermissions() {
	for _, r := range a.managed("aws_lambda_permission") {
		n := a.nodeOf(r, lambdaPermissionArgs...)
		doc := adapt.LambdaPermission{
			At:                  toRange(r.res.defRange),
			Sid:                 field(n, "statement_id"),
			Action:              field(n, "action"),
			Principal:           field(n, "principal"),
			FunctionName:        field(n, "function_name"),
			SourceArn:           field(n, "source_arn"),
			SourceAccount:       field(n, "source_account"),
			PrincipalOrgID:      field(n, "principal_org_id"),
			EventSourceToken:    field(n, "event_source_token"),
			FunctionURLAuthType: field(n, "function_url_auth_type"),
		}.Document()
		if doc != nil {
			a.addPolicy(r, r.id, doc, model.PolicyResource, "")
		}
	}
	a.adaptFunctionURLs()
}

// lambdaPermissionArgs are the arguments of an aws_lambda_permission that
// adaptLambdaPermissions reads.
var lambdaPermissionArgs = []string{"statement_id", "action", "principal", "function_name", "source_arn",
	"source_account", "principal_org_id", "event_source_token", "function_url_auth_type"}

// adaptFunctionURLs reads each aws_lambda_function_url whose
// authorization_type is NONE as the permission the provider adds on
// creation (statement FunctionURLAllowPublicAccess: principal "*", action
// lambda:InvokeFunctionUrl), located at authorization_type. Any other or
// an unknown auth type adds nothing.
func (a *adapter) adaptFunctionURLs() {
	for _, r := range a.managed("aws_lambda_function_url") {
		auth := field(a.nodeOf(r, "authorization_type"), "authorization_type")
		if auth == nil || auth.Kind != node.String || auth.Str != "NONE" {
			continue
		}
		doc := adapt.PublicFunctionURL(toRange(r.res.defRange), auth, "FunctionURLAllowPublicAccess").Document()
		a.addPolicy(r, r.id, doc, model.PolicyResource, "")
	}
}
