package adapt

import (
	"strings"

	"github.com/seclint/seclint/parsers/model"
)

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

// PartlyKnownManagedKeyAlias returns alias/aws/<service> when v is a partly
// known string whose known end is the ARN of an AWS managed key's alias
// (ManagedKeyAliasSuffix): arn:${AWS::Partition}:kms:${AWS::Region}:
// ${AWS::AccountId}:alias/aws/secretsmanager is that service's AWS managed
// key in whatever partition, region and account. Else "".
func PartlyKnownManagedKeyAlias(v model.String) string {
	if v.State != model.Unknown || v.Parts == nil || len(*v.Parts) == 0 {
		return ""
	}
	last := (*v.Parts)[len(*v.Parts)-1]
	if last.Unknown {
		return ""
	}
	return ManagedKeyAliasSuffix(last.Text)
}
