package terraform

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
	"github.com/seclint/seclint/parsers/policyjson"
)

// policySource is a resource attribute that holds a policy document.
type policySource struct {
	typ, attr, kind string
	// ownerAttr names the resource the policy belongs to when the policy is
	// a resource of its own (aws_kms_key_policy.key_id), and ownerType is
	// that resource's type. Without it, or when the named resource is not
	// in the scan, the owner is the resource that holds the attribute.
	ownerAttr, ownerType string
}

// policySources lists every attribute read as a policy. The
// aws_iam_policy_document data source is not one: its document counts
// where a resource uses it.
var policySources = []policySource{
	{typ: "aws_iam_policy", attr: "policy", kind: model.PolicyIdentity},
	{typ: "aws_iam_role_policy", attr: "policy", kind: model.PolicyIdentity},
	{typ: "aws_iam_user_policy", attr: "policy", kind: model.PolicyIdentity},
	{typ: "aws_iam_group_policy", attr: "policy", kind: model.PolicyIdentity},
	{typ: "aws_iam_role", attr: "assume_role_policy", kind: model.PolicyTrust},
	{typ: "aws_s3_bucket_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "bucket", ownerType: "aws_s3_bucket"},
	{typ: "aws_s3_bucket", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_kms_key", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_kms_key_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "key_id", ownerType: "aws_kms_key"},
	{typ: "aws_sns_topic_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "arn", ownerType: "aws_sns_topic"},
	{typ: "aws_sns_topic", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_sqs_queue_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "queue_url", ownerType: "aws_sqs_queue"},
	{typ: "aws_sqs_queue", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_secretsmanager_secret_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "secret_arn", ownerType: "aws_secretsmanager_secret"},
	{typ: "aws_secretsmanager_secret", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_ecr_repository_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "repository", ownerType: "aws_ecr_repository"},
	{typ: "aws_s3_access_point", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_glacier_vault", attr: "access_policy", kind: model.PolicyResource},
}

func (a *adapter) adaptPolicies() {
	byType := map[string][]policySource{}
	for _, s := range policySources {
		byType[s.typ] = append(byType[s.typ], s)
	}
	for _, r := range a.e.mod.resources {
		if r.mode != managedResource || r.none {
			continue
		}
		for _, src := range byType[r.typ] {
			attr := attribute(r.body, src.attr)
			if attr == nil {
				continue
			}
			owner := r.addr
			var bucket *model.Bucket
			switch {
			case src.ownerType == "aws_s3_bucket":
				// A bucket policy for a bucket outside the scan keeps
				// no owner, but the document is still checked.
				owner = ""
				if bucket = a.splitTarget(r, a.node(r)); bucket != nil {
					owner = bucket.ID
				}
			case src.ownerType != "":
				if o := a.ownerOf(r, src); o != "" {
					owner = o
				}
			case r.typ == "aws_s3_bucket":
				bucket = a.buckets[r.addr]
			}
			p := a.policy(r, r.addr+"."+src.attr, attr.Expr, src.kind, owner)
			if p != nil && bucket != nil {
				a.locs.Set(bucket.ID, fmt.Sprintf("policies[%d]", len(bucket.Policies)), toRange(attr.Expr.Range()))
				bucket.Policies = append(bucket.Policies, p.ID)
			}
		}
		if r.typ == "aws_iam_role" {
			for i, b := range nestedBlocks(r.body, "inline_policy") {
				id := fmt.Sprintf("%s.inline_policy[%d].policy", r.addr, i)
				if b.body == nil {
					// A dynamic inline_policy: its document is unknown.
					p := &model.Policy{Meta: model.Meta{ID: id, Type: r.typ}, Owner: r.addr, Kind: model.PolicyIdentity}
					policyjson.Decode(p, node.NewUnknown(toRange(b.defRange), a.e.refsOf(b.forEach)...), a.locs)
					a.model.AWS.IAM.Policies = append(a.model.AWS.IAM.Policies, p)
					continue
				}
				if expr := attrExpr(b.body, "policy"); expr != nil {
					a.policy(r, id, expr, model.PolicyIdentity, r.addr)
				}
			}
		}
	}
}

// ownerOf resolves the resource a separate policy resource belongs to.
func (a *adapter) ownerOf(r *resource, src policySource) string {
	n := field(a.node(r), src.ownerAttr)
	if n == nil {
		return ""
	}
	for _, ref := range n.Refs {
		if o := a.e.mod.byAddr[ref]; o != nil && o.mode == managedResource && o.typ == src.ownerType {
			return ref
		}
	}
	return ""
}

// policy builds the document of expr, decodes it into the model and adds it
// to iam.policies. A null or empty document (no policy) adds nothing.
func (a *adapter) policy(r *resource, id string, expr hcl.Expression, kind, owner string) *model.Policy {
	doc := a.e.policyDoc(a.e.ctx, expr, 0)
	if doc.Kind == node.Null {
		return nil
	}
	p := &model.Policy{Meta: model.Meta{ID: id, Type: r.typ}, Owner: owner, Kind: kind}
	policyjson.Decode(p, doc, a.locs)
	a.model.AWS.IAM.Policies = append(a.model.AWS.IAM.Policies, p)
	return p
}
