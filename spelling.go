package seclint

import (
	"strings"

	"github.com/seclint/seclint/parsers/cloudformation"
	"github.com/seclint/seclint/report"
)

// cfnSpelling makes the messages of a CloudFormation unit's findings quote
// values as a template writes them (AccessControl: PublicRead), where the
// model, shared with Terraform, uses the S3 API's names (public-read).
// Only S3 rules quote canned ACLs.
func cfnSpelling(fs []report.Finding) {
	for i := range fs {
		if strings.HasPrefix(fs[i].RuleID, "aws-s3-") {
			fs[i].Message = cloudformation.SourceSpelling(fs[i].Message)
		}
	}
}
