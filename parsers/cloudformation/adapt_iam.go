package cloudformation

import (
	"slices"
	"strings"

	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// role maps an AWS::IAM::Role. Its trust and inline policies are mapped
// by policies(), which links them to the role.
func (a *adapter) role(r *resource) {
	props := a.props(r)
	id := a.id(r.id)
	role := &model.Role{Meta: model.Meta{ID: id, Type: r.typ}}
	o := adapt.CloudFormation.Object(a.u.Locations, id, r.keyRange)
	arns := adapt.Get(props, "ManagedPolicyArns")
	if present(arns) {
		o.StringList(&role.ManagedPolicyARNs, "managed_policy_arns", arns)
		// A managed policy of the template attached by !Ref is linked, so
		// that rules see its document as the role's.
		if items, ok := arns.Items(); ok {
			for _, it := range items {
				for _, ref := range it.Refs {
					if res := a.t.byID[ref]; res != nil && !res.dropped && res.typ == "AWS::IAM::ManagedPolicy" &&
						a.t.lookup(res.props, "PolicyDocument") != nil {
						role.Policies = append(role.Policies, a.id(ref+".PolicyDocument"))
					}
				}
			}
		}
	}
	a.addRole(r.id, role)
}

func (a *adapter) addRole(logicalID string, role *model.Role) {
	a.roles[logicalID] = role
	a.u.Model.AWS.IAM.Roles = append(a.u.Model.AWS.IAM.Roles, role)
}

// attach records the policy document id as one of the role's, when
// logicalID is a role of the template.
func (a *adapter) attach(logicalID, id string) {
	if role := a.roles[logicalID]; role != nil && !slices.Contains(role.Policies, id) {
		role.Policies = append(role.Policies, id)
	}
}

// attachToRoles links a policy resource's document to the roles of the
// template that its Roles (AWS::IAM::Policy, ManagedPolicy) or RoleName
// (AWS::IAM::RolePolicy) property names.
func (a *adapter) attachToRoles(props *node.Node, id string) {
	for _, prop := range []string{"Roles", "RoleName"} {
		v := get(props, prop)
		items, ok := v.Items()
		if !ok {
			// An unknown value still records the roles it refers to.
			items = []*node.Node{v}
		}
		for _, it := range items {
			for _, ref := range it.Refs {
				a.attach(ref, id)
			}
			// A literal role name equal to a role's literal RoleName.
			if s, ok := it.Scalar(); ok {
				for _, logicalID := range a.roleNamed(s) {
					a.attach(logicalID, id)
				}
			}
		}
	}
}

// roleNamed returns the logical IDs of the template's roles whose RoleName
// is the literal name. The index is built on first use, once every role
// is known, so that linking many policies stays linear.
func (a *adapter) roleNamed(name string) []string {
	if a.roleNames == nil {
		a.roleNames = map[string][]string{}
		for _, res := range a.t.resources {
			if res.typ == "AWS::IAM::Role" && !res.dropped && a.roles[res.id] != nil {
				if n, ok := scalarOf(a.t.lookup(res.props, "RoleName")); ok {
					a.roleNames[n] = append(a.roleNames[n], res.id)
				}
			}
		}
	}
	return a.roleNames[name]
}

// SAM resource types whose Policies property the SAM transform turns into
// the policies of an execution role it creates.
const (
	samFunction     = "AWS::Serverless::Function"
	samStateMachine = "AWS::Serverless::StateMachine"
)

// samRole maps the execution role that the SAM transform creates for a
// function or state machine that does not name one in Role: logical ID
// <ID>Role, with the managed policies of its Policies (a name becomes the
// ARN of the AWS managed policy; for a function, AWSLambdaBasicExecutionRole
// is always attached). Policy templates ({S3ReadPolicy: {...}}) are not
// expanded. The inline documents are mapped by samPolicies.
func (a *adapter) samRole(r *resource) {
	props := a.props(r)
	if present(get(props, "Role")) {
		// SAM ignores Policies when the role is given.
		return
	}
	roleID := r.id + "Role"
	id := a.id(roleID)
	role := &model.Role{Meta: model.Meta{ID: id, Type: "AWS::IAM::Role"}}
	a.u.Locations.Set(id, "", r.keyRange)
	partition := "aws"
	if p, ok := a.t.opts.Params["AWS::Partition"]; ok {
		partition = p
	}
	var arns []model.String
	if r.typ == samFunction {
		// Written nowhere: it belongs to the function.
		a.u.Locations.Set(id, "managed_policy_arns[0]", r.keyRange)
		arns = append(arns, model.KnownOf("arn:"+partition+":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
	}
	policies := get(props, "Policies")
	if policies.IsUnknown() {
		role.ManagedPolicyARNs = model.UnknownOf[[]model.String]()
		a.u.Locations.Set(id, "managed_policy_arns", loc(policies))
		a.addRole(roleID, role)
		return
	}
	if present(policies) {
		a.u.Locations.Set(id, "managed_policy_arns", loc(policies))
	}
	for _, it := range samPolicyItems(a, r, props) {
		if samKindOf(it.v) != samManaged {
			continue
		}
		arn := it.v.AsString()
		if s, ok := arn.Get(); ok && !strings.HasPrefix(s, "arn:") {
			arn = model.KnownOf("arn:" + partition + ":iam::aws:policy/" + s)
		}
		a.u.Locations.Set(id, model.ElementPath("managed_policy_arns", len(arns)), it.v.Range)
		arns = append(arns, arn)
	}
	role.ManagedPolicyARNs = model.KnownOf(arns)
	if arns == nil {
		role.ManagedPolicyARNs = model.StringList{}
	}
	a.addRole(roleID, role)
}

// samPolicies maps the inline policy documents of a SAM function's or
// state machine's Policies (the elements with a Statement) as identity
// policies of its generated role, with IDs <ID>.Policies[i] (so that an
// ignore entry in the function's Metadata covers them).
func (a *adapter) samPolicies(r *resource) {
	props := a.props(r)
	if present(get(props, "Role")) {
		return
	}
	src := policySource{prop: "Policies", kind: model.PolicyIdentity}
	for _, it := range samPolicyItems(a, r, props) {
		if samKindOf(it.v) != samStatement {
			continue
		}
		logicalID := r.id + ".Policies"
		if it.index >= 0 {
			logicalID = model.ElementPath(r.id+".Policies", it.index)
		}
		a.policy(r, logicalID, src, it.v, r.id+"Role")
	}
}

type samPolicyItem struct {
	v     *node.Node
	index int // in the list as written; -1 when Policies is not a list
}

// samPolicyItems returns the elements of Policies: a single policy, or a list.
func samPolicyItems(a *adapter, r *resource, props *node.Node) []samPolicyItem {
	policies := get(props, "Policies")
	switch {
	case policies.IsNull() || policies.IsUnknown():
		return nil
	case policies.Kind != node.List:
		return []samPolicyItem{{v: policies, index: -1}}
	}
	items, index := a.listItems(r, props, "Policies")
	out := make([]samPolicyItem, len(items))
	for i, it := range items {
		out[i] = samPolicyItem{v: it, index: index[i]}
	}
	return out
}

type samKind uint8

const (
	samManaged samKind = iota
	samStatement
	samTemplate
)

// samKindOf classifies an element of Policies as the SAM translator does: a
// string (or an intrinsic function, here an unknown value) is a managed
// policy, a mapping with a Statement an inline document, any other mapping
// a policy template.
func samKindOf(v *node.Node) samKind {
	switch {
	case v.Kind == node.Map && v.Get("Statement") != nil:
		return samStatement
	case v.Kind == node.Map || v.Kind == node.List || v.Kind == node.Null:
		return samTemplate
	}
	return samManaged
}
