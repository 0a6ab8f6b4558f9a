package adapt

import "strings"

// ManagedKeyAlias returns alias/aws/<service> when text names an AWS managed
// key by its alias (alias/aws/ssm) or the alias's ARN
// (arn:aws:kms:us-east-1:111122223333:alias/aws/ssm), else "".
func ManagedKeyAlias(text string) string {
	if strings.HasPrefix(text, "arn:") {
		_, after, ok := strings.Cut(text, ":alias/")
		if !ok {
			return ""
		}
		text = "alias/" + after
	}
	svc, ok := strings.CutPrefix(text, "alias/aws/")
	if !ok || svc == "" || strings.ContainsAny(svc, "/:") {
		return ""
	}
	return text
}

// ManagedKeyAliasSuffix returns alias/aws/<service> when text, the known
// end of a value whose beginning is not known, ends in the ARN of an AWS
// managed key's alias (":alias/aws/<service>"), else "". The colon makes
// the unknown beginning an ARN's partition, region and account, which do
// not change which key it is.
func ManagedKeyAliasSuffix(text string) string {
	i := strings.LastIndex(text, ":alias/aws/")
	if i < 0 {
		return ""
	}
	return ManagedKeyAlias(text[i+1:])
}
