package model

// PolicyError is a structural error in a policy document that the policy
// decoder found and that the rules cannot see in the normalized model: a
// document that is not valid JSON or not an object, a Statement that is
// neither an object nor a list of objects, a Principal, Action or Condition
// of the wrong JSON type, an element name that the policy language does not
// have. AWS rejects such a document. The aws-iam-policy-malformed rule
// reports each one.
type PolicyError struct {
	// Message says what is wrong, in a sentence that names the element.
	Message string `json:"message"`
	// Path is the attribute path within the policy where the error is, for
	// the location index: "" (the document), "statements[1]",
	// "statements[1].principals", or "statements[1].keys.Actions" for an
	// element name that does not exist.
	Path string `json:"path"`
}

func (m *Model) normalizePolicyErrors() {
	for _, p := range m.AWS.IAM.Policies {
		p.Errors = nonNil(p.Errors)
	}
}
