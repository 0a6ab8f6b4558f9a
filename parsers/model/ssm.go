package model

// SSM parameter types and tiers, as the SSM API spells them.
const (
	SSMTypeString       = "String"
	SSMTypeStringList   = "StringList"
	SSMTypeSecureString = "SecureString"

	SSMTierStandard           = "Standard"
	SSMTierAdvanced           = "Advanced"
	SSMTierIntelligentTiering = "Intelligent-Tiering"
)

// SSM holds Systems Manager Parameter Store parameters.
type SSM struct {
	Parameters []*SSMParameter `json:"parameters"`
}

// SSMParameter is a Parameter Store parameter: Terraform aws_ssm_parameter
// or CloudFormation AWS::SSM::Parameter (which cannot create SecureString
// parameters). Locations: "" is the resource, and each field has the path
// of its JSON name ("type", "value", "key_id", ...).
type SSMParameter struct {
	Meta
	// Name is the parameter name: a path ("/app/prod/db-password") or a
	// plain name. CloudFormation generates one when Name is not written,
	// and it is then absent.
	Name String `json:"name,omitzero"`
	// Type is String, StringList or SecureString.
	Type String `json:"parameter_type,omitzero"`
	// Tier is Standard, Advanced or Intelligent-Tiering. Absent means the
	// account's default tier setting for the region, which is Standard
	// unless the account changed it.
	Tier String `json:"tier,omitzero"`
	// KeyID is the KMS key of a SecureString (Terraform key_id). Absent
	// means the AWS managed key alias/aws/ssm.
	KeyID String `json:"key_id,omitzero"`
	// Description is the parameter's description.
	Description String `json:"description,omitzero"`
	// Value is the parameter value (Terraform value, insecure_value or
	// value_wo; CloudFormation Value). It is unknown when it comes from
	// something only known at apply, and for a CloudFormation dynamic
	// reference.
	Value String `json:"value,omitzero"`
	// ValueLiteral is set when the value is written as a literal in the
	// source: no variable, resource attribute or parameter, and no function
	// that reads a file (a function of literals only, such as jsonencode of
	// an object constructor of strings, is still a literal).
	ValueLiteral bool `json:"value_literal,omitempty"`
	// ValueLength is the value's length in characters when the value is
	// known, even when it is not a literal (a file read with file(), a
	// parameter default).
	ValueLength Number `json:"value_length,omitzero"`
	// ValueIgnored is set when Terraform's lifecycle ignore_changes lists
	// the value (value, insecure_value or all): the value written is a
	// placeholder that is changed outside Terraform.
	ValueIgnored bool `json:"value_ignored,omitempty"`
	// Policies are the parameter policies (CloudFormation Policies, a JSON
	// array as a string; Terraform's aws_ssm_parameter has no such
	// argument).
	Policies String `json:"policies,omitzero"`
}

func (m *Model) normalizeSSM() {
	m.AWS.SSM.Parameters = nonNil(m.AWS.SSM.Parameters)
}
