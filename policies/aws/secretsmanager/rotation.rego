# METADATA
# title: Secrets Manager secret has no automatic rotation
# description: |
#   A secret that never changes stays valid for as long as anyone who once
#   read it — a departed employee, a leaked log, a compromised host — keeps
#   a copy. Automatic rotation replaces the secret on a schedule (and on
#   demand after an incident) without a change to the applications that
#   read it. The rule fires when no rotation in the scan refers to the
#   secret: an aws_secretsmanager_secret_rotation or
#   AWS::SecretsManager::RotationSchedule whose secret ID is a reference to
#   it, or its literal name or ARN. Secrets that RDS manages for a database
#   (manage_master_user_password) are rotated by RDS and are not in the
#   scan. Security Hub checks the same as control SecretsManager.1.
# custom:
#   id: aws-secretsmanager-rotation
#   severity: MEDIUM
#   kind: security
#   fsbp: [SecretsManager.1]
#   collections: [aws.secretsmanager.secrets]
#   resource_types: [aws_secretsmanager_secret, aws_secretsmanager_secret_rotation, AWS::SecretsManager::Secret, AWS::SecretsManager::RotationSchedule]
#   remediation:
#     terraform: |
#       Add a rotation with a rotation function (for RDS credentials, one of
#       the functions AWS publishes, or let RDS manage the password):
#       ```hcl
#       # Before
#       resource "aws_secretsmanager_secret" "api" {
#         name       = "/app/prod/api"
#         kms_key_id = aws_kms_key.secrets.arn
#       }
#
#       # After
#       resource "aws_secretsmanager_secret" "api" {
#         name       = "/app/prod/api"
#         kms_key_id = aws_kms_key.secrets.arn
#       }
#
#       resource "aws_secretsmanager_secret_rotation" "api" {
#         secret_id           = aws_secretsmanager_secret.api.id
#         rotation_lambda_arn = aws_lambda_function.rotate_api.arn
#         rotation_rules {
#           automatically_after_days = 30
#         }
#       }
#       ```
#     cloudformation: |
#       Add a rotation schedule (HostedRotationLambda for the databases AWS
#       supports, RotationLambdaARN for your own function):
#       ```yaml
#       # Before
#       DbSecret:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           KmsKeyId: !Ref SecretsKey
#           GenerateSecretString:
#             SecretStringTemplate: '{"username": "admin"}'
#             GenerateStringKey: password
#
#       # After (DbSecret unchanged)
#       DbSecretRotation:
#         Type: AWS::SecretsManager::RotationSchedule
#         Properties:
#           SecretId: !Ref DbSecret
#           HostedRotationLambda:
#             RotationType: PostgreSQLSingleUser
#           RotationRules:
#             ScheduleExpression: rate(30 days)
#       ```
package seclint.aws.secretsmanager.rotation

import data.seclint.lib

deny contains finding if {
	some s in input.aws.secretsmanager.secrets
	not s.rotation_configured == true
	finding := {
		"resource": s.id,
		"attribute": "rotation_configured",
		"message": sprintf(
			"Secrets Manager secret %s has no automatic rotation; add an aws_secretsmanager_secret_rotation (CloudFormation AWS::SecretsManager::RotationSchedule) for it.",
			[s.id],
		),
	}
}
