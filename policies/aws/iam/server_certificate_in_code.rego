# METADATA
# title: IAM server certificate private key written in the code
# description: |
#   The private key of an IAM server certificate (aws_iam_server_certificate
#   private_key, AWS::IAM::ServerCertificate PrivateKey) written as a
#   literal is in the repository, its history and every copy of it, and in
#   the Terraform state or the CloudFormation template stored by AWS. The
#   rule fires when the key is a literal (no variable, parameter given at
#   deploy time, file function, reference or dynamic reference); a key
#   passed in from outside the code does not fire. Prefer ACM
#   certificates, whose private key never leaves ACM.
#   A literal that reaches the value through a Terraform local or a module
#   call's argument, or a CloudFormation parameter's Default (NoEcho or
#   not), is still written in the code: the finding is at the literal,
#   with the resource as a related location; a root module variable's
#   value (its default, a tfvars file, --var) is an input, not a literal.
# custom:
#   id: aws-iam-server-certificate-in-code
#   severity: HIGH
#   kind: security
#   collections: [aws.iam.server_certificates]
#   resource_types: [aws_iam_server_certificate, AWS::IAM::ServerCertificate]
#   remediation:
#     terraform: |
#       Use an ACM certificate on the load balancer or distribution, or at
#       least read the key from outside the code (a sensitive variable fed
#       by a secret store), and rotate the exposed key:
#       ```hcl
#       resource "aws_acm_certificate" "web" {
#         domain_name       = "example.com"
#         validation_method = "DNS"
#       }
#       ```
#     cloudformation: |
#       Use an ACM certificate, or pass the key in with a NoEcho parameter
#       or a dynamic reference, and rotate the exposed key:
#       ```yaml
#       Certificate:
#         Type: AWS::CertificateManager::Certificate
#         Properties:
#           DomainName: example.com
#           ValidationMethod: DNS
#       ```
package seclint.aws.iam.server_certificate_in_code

import data.seclint.lib

deny contains finding if {
	some c in input.aws.iam.server_certificates
	lib.is_true(c.private_key_literal)
	finding := {
		"resource": c.id,
		"attribute": "private_key_literal",
		"message": sprintf(
			"IAM server certificate %s has its private key written in the code; use an ACM certificate, or pass the key in from a secret store and rotate it.",
			[c.id],
		),
	}
}
