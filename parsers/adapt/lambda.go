package adapt

import (
	"regexp"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// LambdaPermission is one permission of a Lambda function's resource policy
// as Terraform (aws_lambda_permission) and CloudFormation
// (AWS::Lambda::Permission) write it: not a policy document but the
// arguments of Lambda's AddPermission, from which Lambda builds one statement
// of the function's policy. Each field is the argument's node (nil when not
// written).
type LambdaPermission struct {
	// At is the resource: where the parts that have no argument of their
	// own (Effect, Version) are located.
	At model.Range
	// Sid is statement_id (Terraform only; CloudFormation generates it).
	Sid                   *node.Node
	Action                *node.Node
	Principal             *node.Node
	FunctionName          *node.Node
	SourceArn             *node.Node
	SourceAccount         *node.Node
	PrincipalOrgID        *node.Node
	EventSourceToken      *node.Node
	FunctionURLAuthType   *node.Node
	InvokedViaFunctionURL *node.Node
}

// Document returns the policy statement Lambda adds for the permission,
// as a document for policyjson.Decode, so that the rules about resource
// policies read it like any other: Principal "*" stays "*", a service
// (s3.amazonaws.com) is a Service principal and an account or ARN an AWS
// one; SourceArn becomes an ArnLike aws:SourceArn condition, SourceAccount
// and PrincipalOrgID StringEquals conditions on aws:SourceAccount and
// aws:PrincipalOrgID, FunctionUrlAuthType a StringEquals condition on
// lambda:FunctionUrlAuthType (which says which URLs the statement serves,
// not who may call them), as in the policy GetPolicy returns. Every part
// is located at the argument it comes from. It returns nil when the
// permission has no principal or no action: there is no statement to read
// (Terraform and CloudFormation both reject it).
func (p LambdaPermission) Document() *node.Node {
	if p.Principal.IsNull() || p.Action.IsNull() {
		return nil
	}
	st := node.NewMap(p.At)
	if !p.Sid.IsNull() {
		st.Set("Sid", p.Sid)
	}
	st.Set("Effect", node.NewString("Allow", p.At))
	st.Set("Principal", lambdaPrincipal(p.Principal))
	st.Set("Action", p.Action)
	st.Set("Resource", lambdaResource(p.FunctionName, p.At))
	cond := node.NewMap(p.At)
	for _, c := range []struct {
		op, key string
		v       *node.Node
	}{
		{"ArnLike", "aws:SourceArn", p.SourceArn},
		{"StringEquals", "aws:SourceAccount", p.SourceAccount},
		{"StringEquals", "aws:PrincipalOrgID", p.PrincipalOrgID},
		{"StringEquals", "lambda:EventSourceToken", p.EventSourceToken},
		{"StringEquals", "lambda:FunctionUrlAuthType", p.FunctionURLAuthType},
		{"Bool", "lambda:InvokedViaFunctionUrl", p.InvokedViaFunctionURL},
	} {
		if c.v.IsNull() || (c.v.Kind == node.String && c.v.Str == "") {
			continue
		}
		op := cond.Get(c.op)
		if op == nil {
			op = node.NewMap(c.v.Range)
			cond.Set(c.op, op)
		}
		op.Set(c.key, c.v)
	}
	if len(cond.Keys) > 0 {
		st.Set("Condition", cond)
	}
	doc := node.NewMap(p.At)
	doc.Set("Version", node.NewString("2012-10-17", p.At))
	doc.Set("Statement", &node.Node{Kind: node.List, List: []*node.Node{st}, Range: p.At})
	return doc
}

// account is a bare account ID.
var account = regexp.MustCompile(`^[0-9]{12}$`)

// lambdaPrincipal turns the principal argument into a Principal element.
// An unknown principal stays unknown: it may be anyone or no one.
func lambdaPrincipal(n *node.Node) *node.Node {
	if n.Kind != node.String {
		return n
	}
	v := n.Str
	if v == "*" {
		return n
	}
	typ := "AWS"
	if !account.MatchString(v) && !strings.HasPrefix(v, "arn:") && strings.Contains(v, ".") {
		// A service's host-like name: s3.amazonaws.com, alexa-appkit.amazon.com.
		typ = "Service"
	}
	m := node.NewMap(n.Range)
	m.Set(typ, n)
	return m
}

// lambdaResource is the statement's Resource: the function's ARN when the
// function name is written as one, else unknown (a name, or a reference,
// stands for an ARN built at deploy time), located at the function name.
func lambdaResource(fn *node.Node, at model.Range) *node.Node {
	if fn.IsNull() {
		return node.NewUnknown(at)
	}
	if fn.Kind == node.String && strings.HasPrefix(fn.Str, "arn:") {
		return fn
	}
	return node.NewUnknown(fn.Range, fn.Refs...)
}

// PublicFunctionURL is the permission that makes a function URL of auth
// type NONE public, which the Terraform provider (aws_lambda_function_url,
// statement FunctionURLAllowPublicAccess) and the SAM transform
// (FunctionUrlConfig, resource <Function>UrlPublicPermissions) add
// themselves: principal "*" may call lambda:InvokeFunctionUrl when the
// URL's auth type is NONE. authType is the auth type argument, where every
// part of the statement is located; sid names the statement (may be "").
func PublicFunctionURL(at model.Range, authType *node.Node, sid string) LambdaPermission {
	p := LambdaPermission{
		At:                  at,
		Action:              node.NewString("lambda:InvokeFunctionUrl", authType.Range),
		Principal:           node.NewString("*", authType.Range),
		FunctionURLAuthType: authType,
	}
	if sid != "" {
		p.Sid = node.NewString(sid, at)
	}
	return p
}
