package model

// Instance is an instance, launch template or launch configuration, with
// what its user data reveals. Locations: "" is the resource, "user_data".
type Instance struct {
	Meta
	// UserDataPrivateKey is whether the user data contains a PEM private
	// key block (a -----BEGIN ... PRIVATE KEY----- line, a base64 body and
	// the END line), looked for in the text
	// as written, base64-decoded (and gunzipped) when it is base64: known
	// when the user data is known, unknown when it is not, absent when no
	// user data is written.
	UserDataPrivateKey Bool `json:"user_data_private_key,omitzero"`
}

// EC2Launch is the part of EC2 that launches instances (embedded in it, so
// its field is aws.ec2.instances).
type EC2Launch struct {
	// Instances are what launches EC2 instances with user data:
	// aws_instance, aws_launch_template, aws_launch_configuration,
	// AWS::EC2::Instance, AWS::EC2::LaunchTemplate,
	// AWS::AutoScaling::LaunchConfiguration (Meta.Type says which).
	Instances []*Instance `json:"instances"`
}
