package model

// Suppression is an ignore entry that a parser found in the source itself,
// as opposed to an ignore comment (which the scan reads from the text) or
// the config file: today the seclint.ignore entries of a CloudFormation
// resource's Metadata.
type Suppression struct {
	// Rules are the rule IDs the entry silences; "*" silences every rule.
	Rules []string `json:"rules"`
	// Reason is the justification written with it, if any.
	Reason string `json:"reason,omitempty"`
	// Until is the date (YYYY-MM-DD) after which the entry no longer
	// applies; "" when it does not lapse. Parsers check its form.
	Until string `json:"until,omitempty"`
	// Resource is the ID of the model object the entry covers, along with
	// everything whose ID starts with Resource + "." (the policies the
	// resource declares).
	Resource string `json:"resource,omitempty"`
	// Range is where the entry is written.
	Range Range `json:"range"`
}
