# METADATA
# title: Database master password is written in the code
# description: |
#   A master password written as a literal is in plain text in version
#   control, in every clone and CI log of the repository, and (for
#   Terraform) in the state file; everyone who can read the repository can
#   log in to the database as its administrator. The rule fires when the
#   master password of an RDS DB instance or cluster (password /
#   master_password, or their write-only _wo forms; CloudFormation
#   MasterUserPassword) is a literal: not a variable (even one with a
#   default), a CloudFormation parameter given at deploy time (NoEcho or
#   not), a {{resolve:secretsmanager:...}} dynamic reference, or a resource
#   attribute such as random_password.x.result. A literal that reaches the
#   password through a Terraform local or a module call's argument, or a
#   CloudFormation parameter's Default (NoEcho or not), is still written in
#   the code: the finding is at the literal, with the database as a related
#   location. A literal kept only as a
#   placeholder — lifecycle { ignore_changes = [password] }, with the real
#   password set outside Terraform — does not count. The best fix is to let
#   RDS manage the password in Secrets Manager (manage_master_user_password
#   / ManageMasterUserPassword), which also rotates it.
# custom:
#   id: aws-rds-password-literal
#   severity: HIGH
#   kind: security
#   collections: [aws.rds.instances, aws.rds.clusters]
#   resource_types: [aws_db_instance, aws_rds_cluster, AWS::RDS::DBInstance, AWS::RDS::DBCluster]
#   remediation:
#     terraform: |
#       Let RDS manage the master password in Secrets Manager:
#       ```hcl
#       # Before
#       resource "aws_db_instance" "main" {
#         engine   = "postgres"
#         username = "dbadmin"
#         password = "Winter2024!"
#         # ...
#       }
#
#       # After
#       resource "aws_db_instance" "main" {
#         engine                        = "postgres"
#         username                      = "dbadmin"
#         manage_master_user_password   = true
#         master_user_secret_kms_key_id = aws_kms_key.secrets.arn
#         # ...
#       }
#       ```
#     cloudformation: |
#       Let RDS manage the master password in Secrets Manager (or resolve it
#       from a secret with a dynamic reference):
#       ```yaml
#       # Before
#       Database:
#         Type: AWS::RDS::DBInstance
#         Properties:
#           Engine: postgres
#           MasterUsername: dbadmin
#           MasterUserPassword: Winter2024!
#
#       # After
#       Database:
#         Type: AWS::RDS::DBInstance
#         Properties:
#           Engine: postgres
#           MasterUsername: dbadmin
#           ManageMasterUserPassword: true
#           MasterUserSecret:
#             KmsKeyId: !Ref SecretsKey
#       ```
package seclint.aws.rds.password_literal

import data.seclint.lib

deny contains finding if {
	some db in databases
	db.password_literal == true
	not db.password_ignored == true
	finding := {
		"resource": db.id,
		"attribute": "master_password",
		"message": sprintf(
			"The master password of %s is written in the code, where version control and state keep it in plain text; set manage_master_user_password = true (CloudFormation ManageMasterUserPassword: true) or take it from a secret.",
			[db.id],
		),
	}
}

databases contains db if some db in input.aws.rds.instances

databases contains db if some db in input.aws.rds.clusters
