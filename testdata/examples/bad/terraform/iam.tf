# Deliberately insecure IAM policy: each IAM rule below fires once.
resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Deploy"
        Effect   = "Allow"
        Action   = ["lambda:CreateFunction", "iam:PassRole"]
        Resource = "*"
      },
      {
        Sid      = "Tables"
        Effect   = "Allow"
        Action   = "dynamodb:*"
        Resource = "*"
      },
      {
        Sid       = "EverythingButIam"
        Effect    = "Allow"
        NotAction = "iam:*"
        Resource  = "arn:aws:s3:::acme-public-site/*"
      },
    ]
  })
}
