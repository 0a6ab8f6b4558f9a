# Variable precedence fixture for parsers/terraform: each variable is set up
# to one more level than the previous one; its value names the level that
# must win (default < TF_VAR_ < terraform.tfvars < terraform.tfvars.json <
# *.auto.tfvars(.json) in lexical order < --var-file < --var).

variable "v_default" {
  default = "default"
}
variable "v_env" {
  default = "default"
}
variable "v_tfvars" {
  default = "default"
}
variable "v_tfvars_json" {
  default = "default"
}
variable "v_auto_a" {
  default = "default"
}
variable "v_auto_b" {
  default = "default"
}
variable "v_varfile" {
  default = "default"
}
variable "v_cli" {
  default = "default"
}
variable "v_unset" {}
variable "v_number" {
  type = number
}
variable "v_list" {
  type = list(string)
}
variable "v_bad_type" {
  type = number
}
