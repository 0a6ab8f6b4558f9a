package cloudformation

import "strings"

// cannedACLSpelling maps the S3 API's canned ACL names, which the model
// uses, back to CloudFormation's AccessControl values.
var cannedACLSpelling = map[string]string{
	"private":                   "Private",
	"public-read":               "PublicRead",
	"public-read-write":         "PublicReadWrite",
	"authenticated-read":        "AuthenticatedRead",
	"log-delivery-write":        "LogDeliveryWrite",
	"bucket-owner-read":         "BucketOwnerRead",
	"bucket-owner-full-control": "BucketOwnerFullControl",
	"aws-exec-read":             "AwsExecRead",
}

// cannedACLNames maps CloudFormation's AccessControl values to the S3 API's
// canned ACL names (cannedACL).
var cannedACLNames = func() map[string]string {
	names := make(map[string]string, len(cannedACLSpelling))
	for api, cfn := range cannedACLSpelling {
		names[cfn] = api
	}
	return names
}()

// cannedACLReplacer rewrites quoted canned ACL names, as the rules' %q
// writes them.
var cannedACLReplacer = func() *strings.Replacer {
	var pairs []string
	for api, cfn := range cannedACLSpelling {
		pairs = append(pairs, `"`+api+`"`, `"`+cfn+`"`)
	}
	return strings.NewReplacer(pairs...)
}()

// SourceSpelling rewrites the values a finding's message quotes in the
// model's spelling into the template's (PublicRead, not public-read), so
// that the message shows what the user wrote and can search for.
func SourceSpelling(msg string) string {
	if !strings.Contains(msg, `"`) {
		return msg
	}
	return cannedACLReplacer.Replace(msg)
}
