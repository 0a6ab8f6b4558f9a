# The detection and audit services read from a plan, where the provider
# writes its defaults as values (a detector's enable, a repository's empty
# image_scanning_configuration, a zone's empty vpc list) and computed ones
# (IDs, a detector's datasources when not written) are unknown.
provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "aws_guardduty_detector" "off" {
  enable = false
}

resource "aws_guardduty_detector" "legacy" {
  provider = aws.west
  datasources {
    s3_logs {
      enable = false
    }
  }
}

# Records some resource types only, and no status starts it.
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config-recorder"
  recording_group {
    all_supported  = false
    resource_types = ["AWS::S3::Bucket"]
  }
}

# Started by its status, but its region has no delivery channel.
resource "aws_config_configuration_recorder" "west" {
  provider = aws.west
  name     = "west"
  role_arn = "arn:aws:iam::111122223333:role/config-recorder"
}

resource "aws_config_configuration_recorder_status" "west" {
  provider   = aws.west
  name       = aws_config_configuration_recorder.west.name
  is_enabled = true
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

# Trap: scanned on push.
resource "aws_ecr_repository" "scanned" {
  name = "scanned"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_route53_zone" "public" {
  name = "example.com"
}

# Trap: a private zone.
resource "aws_route53_zone" "private" {
  name = "internal.example.com"
  vpc {
    vpc_id = "vpc-0123456789abcdef0"
  }
}
