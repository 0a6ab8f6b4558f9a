package model

// CloudFormation holds what a CloudFormation template declares besides its
// resources. Terraform leaves it empty.
type CloudFormation struct {
	Parameters []*CFNParameter `json:"parameters"`
}

// CFNParameter is one entry of a template's Parameters section. Its ID is
// the parameter's name (CloudFormation keeps parameter and resource logical
// IDs unique within a template); a parameter of a nested stack's template is
// prefixed with the stack's ID, like its resources. Locations: "" is the
// parameter's name, "no_echo" and "default" the values.
type CFNParameter struct {
	Meta
	// Name is the parameter's logical name in the template.
	Name string `json:"name"`
	// Type is the parameter type as written: String, Number,
	// CommaDelimitedList, AWS::SSM::Parameter::Value<String>, ... It
	// shadows Meta.Type ("AWS::CloudFormation::Parameter") in Go, so its
	// JSON name is parameter_type, and p.Meta.Type is the object's type.
	Type String `json:"parameter_type,omitzero"`
	// NoEcho is absent when not written (CloudFormation then shows the value
	// in the console and API).
	NoEcho Bool `json:"no_echo,omitzero"`
	// Default is the default value as written. It is unknown when it is a
	// dynamic reference ({{resolve:ssm-secure:...}}), which CloudFormation
	// resolves at deploy time, so a rule never mistakes it for a literal. A
	// list default is joined with commas, as CloudFormation passes it.
	Default String `json:"default,omitzero"`
	// HasDefault is set when the parameter declares a Default.
	HasDefault bool `json:"has_default"`
}

func (m *Model) normalizeCloudFormation() {
	m.AWS.CloudFormation.Parameters = nonNil(m.AWS.CloudFormation.Parameters)
}
