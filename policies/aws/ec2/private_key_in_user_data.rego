# METADATA
# title: EC2 user data contains a private key
# description: |
#   User data is readable by anyone who can describe the instance or launch
#   template (ec2:DescribeInstanceAttribute, DescribeLaunchTemplateVersions),
#   from inside the instance by every process through the instance metadata
#   service, and it is stored in the Terraform state or the template. The
#   rule fires when the user data of an instance, launch template or launch
#   configuration (aws_instance, aws_launch_template,
#   aws_launch_configuration user_data / user_data_base64;
#   AWS::EC2::Instance, AWS::EC2::LaunchTemplate LaunchTemplateData,
#   AWS::AutoScaling::LaunchConfiguration UserData) is known and contains a
#   PEM private key block (a -----BEGIN ... PRIVATE KEY----- line, a body of
#   at least 16 base64 characters, the END line): as written, or once
#   base64-decoded (and gunzipped), which covers base64encode, templatefile
#   and Fn::Base64 / Fn::Sub results when they can be evaluated. A script
#   that only names the header (grep, sed) does not fire; unknown user data
#   never fires.
# custom:
#   id: aws-ec2-private-key-in-user-data
#   severity: HIGH
#   kind: security
#   collections: [aws.ec2.instances]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration, AWS::EC2::Instance, AWS::EC2::LaunchTemplate, AWS::AutoScaling::LaunchConfiguration]
#   remediation:
#     terraform: |
#       Keep the key in SSM Parameter Store (SecureString) or Secrets
#       Manager and fetch it at boot with the instance role, or terminate
#       TLS on an ALB or CloudFront with an ACM certificate; rotate the
#       exposed key:
#       ```hcl
#       resource "aws_instance" "web" {
#         # ...
#         iam_instance_profile = aws_iam_instance_profile.web.name
#         user_data = <<-EOT
#           #!/bin/bash
#           aws ssm get-parameter --with-decryption --name /web/tls-key \
#             --query Parameter.Value --output text > /etc/ssl/private/web.key
#         EOT
#       }
#       ```
#     cloudformation: |
#       Keep the key in SSM Parameter Store or Secrets Manager and fetch it
#       at boot with the instance role, or terminate TLS on an ALB with an
#       ACM certificate; rotate the exposed key:
#       ```yaml
#       UserData:
#         Fn::Base64: |
#           #!/bin/bash
#           aws secretsmanager get-secret-value --secret-id web/tls-key \
#             --query SecretString --output text > /etc/ssl/private/web.key
#       ```
package seclint.aws.ec2.private_key_in_user_data

import data.seclint.lib

deny contains finding if {
	some i in input.aws.ec2.instances
	lib.is_true(i.user_data_private_key)
	finding := {
		"resource": i.id,
		"attribute": "user_data_private_key",
		"message": sprintf(
			"The user data of %s contains a PEM private key; fetch the key at boot from SSM Parameter Store or Secrets Manager (or terminate TLS with ACM) and rotate it.",
			[i.id],
		),
	}
}
