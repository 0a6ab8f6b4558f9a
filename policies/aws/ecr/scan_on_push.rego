# METADATA
# title: ECR repository does not scan images on push
# description: |
#   Images pushed to a repository that is not scanned are never checked for
#   known vulnerabilities (CVEs in their operating system and language
#   packages) before they are deployed. A repository is scanned when its own
#   image_scanning_configuration.scan_on_push
#   (ImageScanningConfiguration.ScanOnPush) is true, or when a registry
#   scanning configuration (aws_ecr_registry_scanning_configuration,
#   AWS::ECR::RegistryScanningConfiguration) has a SCAN_ON_PUSH or
#   CONTINUOUS_SCAN rule whose wildcard filter matches the repository's
#   name. The repository-level setting is deprecated in favour of the
#   registry-level one, which is the fix to prefer. The rule fires when
#   scan_on_push is false or absent (its default is false) and no registry
#   scanning configuration of the scan covers the repository; an unknown
#   scan_on_push, and coverage that depends on an unknown value (a filter,
#   a frequency, a generated repository name against a filter other than
#   "*"), never fire. Security Hub control ECR.1 ("ECR private
#   repositories should have image scanning configured") fails in the same
#   case.
# custom:
#   id: aws-ecr-scan-on-push
#   severity: MEDIUM
#   kind: security
#   fsbp: [ECR.1]
#   collections: [aws.ecr.repositories]
#   resource_types: [aws_ecr_repository, aws_ecr_registry_scanning_configuration, AWS::ECR::Repository, AWS::ECR::RegistryScanningConfiguration]
#   remediation:
#     terraform: |
#       Scan every repository of the registry on push (or set
#       image_scanning_configuration { scan_on_push = true } on the repository):
#       ```hcl
#       resource "aws_ecr_registry_scanning_configuration" "main" {
#         scan_type = "BASIC"
#         rule {
#           scan_frequency = "SCAN_ON_PUSH"
#           repository_filter {
#             filter      = "*"
#             filter_type = "WILDCARD"
#           }
#         }
#       }
#       ```
#     cloudformation: |
#       Scan every repository of the registry on push (or set
#       ImageScanningConfiguration.ScanOnPush: true on the repository):
#       ```yaml
#       RegistryScanning:
#         Type: AWS::ECR::RegistryScanningConfiguration
#         Properties:
#           ScanType: BASIC
#           Rules:
#             - ScanFrequency: SCAN_ON_PUSH
#               RepositoryFilters:
#                 - Filter: "*"
#                   FilterType: WILDCARD
#       ```
package seclint.aws.ecr.scan_on_push

import data.seclint.lib

# registry_may_scan(repo): a registry scanning configuration of the scan
# covers the repository, or may.
registry_may_scan(repo) if lib.is_true(repo.registry_scan_on_push)

registry_may_scan(repo) if lib.is_unknown(repo.registry_scan_on_push)

message(repo) := sprintf(
	"ECR repository %s does not scan images on push and no registry scanning configuration in the scan covers it; add a registry scanning rule (SCAN_ON_PUSH or CONTINUOUS_SCAN) whose filter matches it, or set scan_on_push (ScanOnPush) to true.",
	[repo.id],
)

deny contains finding if {
	some repo in input.aws.ecr.repositories
	lib.is_false(repo.scan_on_push)
	not registry_may_scan(repo)
	finding := {"resource": repo.id, "attribute": "scan_on_push", "message": message(repo)}
}

deny contains finding if {
	some repo in input.aws.ecr.repositories
	lib.absent(repo, "scan_on_push")
	not registry_may_scan(repo)
	finding := {"resource": repo.id, "attribute": "", "message": message(repo)}
}
