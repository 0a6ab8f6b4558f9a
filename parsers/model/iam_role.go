package model

// Role is an IAM role: AWS::IAM::Role, aws_iam_role, or the execution role
// that the SAM transform creates for a function or state machine that names
// no role of its own (its ID is then SAM's generated logical ID, e.g.
// "MyFunctionRole").
type Role struct {
	Meta
	// ManagedPolicyARNs are the managed policies attached to the role, AWS
	// managed (arn:aws:iam::aws:policy/AdministratorAccess) or customer
	// managed. An element is unknown when it comes from something that
	// cannot be evaluated (a parameter with no value, !Ref of a policy).
	ManagedPolicyARNs StringList `json:"managed_policy_arns,omitzero"`
	// Policies are the IDs, in iam.policies, of the role's trust policy and
	// inline policies.
	Policies []string `json:"policies"`
}

func (m *Model) normalizeRoles() {
	m.AWS.IAM.Roles = nonNil(m.AWS.IAM.Roles)
	for _, r := range m.AWS.IAM.Roles {
		r.Policies = nonNil(r.Policies)
	}
}
