package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
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
