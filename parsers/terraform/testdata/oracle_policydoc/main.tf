# Merged aws_iam_policy_document data sources, compared with what the AWS
# provider renders for them (TestOraclePolicyDocuments): statements by Sid,
# the document's own statements over its source documents, override
# documents over both, documents written as jsonencode and as a heredoc.
# (The legacy source_json and override_json must be empty in provider v5.)
locals {
  encoded = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Enc", Effect = "Allow", Action = ["sqs:SendMessage"], Resource = "*" },
      { Effect = "Deny", Action = "sqs:DeleteQueue", Resource = "*" },
    ]
  })
}

data "aws_iam_policy_document" "a" {
  statement {
    sid       = "A"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:NoSidA"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "b" {
  statement {
    sid       = "B"
    actions   = ["s3:B1"]
    resources = ["*"]
  }
  statement {
    sid       = "C"
    effect    = "Deny"
    actions   = ["s3:B2"]
    resources = ["arn:aws:s3:::b/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc"]
    }
  }
}

data "aws_iam_policy_document" "o1" {
  statement {
    sid       = "C"
    actions   = ["s3:O1C"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
  statement {
    sid       = "X"
    actions   = ["s3:O1X"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:O1NoSid"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "o2" {
  statement {
    sid       = "X"
    actions   = ["s3:O2X"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.a.json, data.aws_iam_policy_document.b.json]
  override_policy_documents = [data.aws_iam_policy_document.o1.json, data.aws_iam_policy_document.o2.json]
  statement {
    sid       = "B"
    actions   = ["s3:CurrentB"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:CurrentNoSid"]
    resources = ["*"]
  }
}

# Documents that are not data sources, and a merged document as a source.
data "aws_iam_policy_document" "mixed" {
  source_policy_documents = [local.encoded, data.aws_iam_policy_document.merged.json]
  override_policy_documents = [<<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Sid": "Enc", "Effect": "Deny", "Action": "sqs:*", "Resource": "*"},
        {"Sid": "New", "Effect": "Allow", "Action": "sqs:ReceiveMessage", "Resource": "*"}
      ]
    }
  JSON
  ]
}

# Only overrides: the first override's statements are appended, later ones
# replace by Sid.
data "aws_iam_policy_document" "overrides_only" {
  override_policy_documents = [data.aws_iam_policy_document.b.json, data.aws_iam_policy_document.o1.json]
}

output "merged" { value = data.aws_iam_policy_document.merged.json }
output "mixed" { value = data.aws_iam_policy_document.mixed.json }
output "overrides_only" { value = data.aws_iam_policy_document.overrides_only.json }

# Lists of documents built with compact, concat, flatten, splats of counted
# data sources, conditionals and locals (as terraform-aws-modules write
# them): each document is read where it is written.
variable "attach_a" {
  type    = bool
  default = true
}

variable "attach_b" {
  type    = bool
  default = false
}

data "aws_iam_policy_document" "counted" {
  count = 2
  statement {
    sid       = "Counted${count.index}"
    actions   = ["s3:Counted${count.index}"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "none" {
  count = var.attach_b ? 1 : 0
  statement {
    sid       = "None"
    actions   = ["s3:None"]
    resources = ["*"]
  }
}

locals {
  extra_documents = [data.aws_iam_policy_document.o2.json]
}

data "aws_iam_policy_document" "compacted" {
  source_policy_documents = compact([
    var.attach_a ? data.aws_iam_policy_document.a.json : "",
    var.attach_b ? data.aws_iam_policy_document.b.json : "",
    var.attach_a ? data.aws_iam_policy_document.counted[1].json : "",
  ])
  override_policy_documents = local.extra_documents
}

data "aws_iam_policy_document" "flattened" {
  source_policy_documents = flatten(concat(
    data.aws_iam_policy_document.counted[*].json,
    data.aws_iam_policy_document.none[*].json,
    [data.aws_iam_policy_document.b.json],
    [local.extra_documents],
  ))
}

output "compacted" { value = data.aws_iam_policy_document.compacted.json }
output "flattened" { value = data.aws_iam_policy_document.flattened.json }
