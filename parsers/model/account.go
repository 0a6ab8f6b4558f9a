package model

// Account is what a scan unit says about the AWS account it deploys to.
// Terraform fills it from the allowed_account_ids of its aws provider
// configurations; rules use it to tell the own account from another one.
type Account struct {
	// IDs are the account IDs the configuration may deploy to, as written;
	// an element is unknown when it comes from an unset variable. Empty
	// when the source does not say.
	IDs []String `json:"ids,omitempty"`
}
