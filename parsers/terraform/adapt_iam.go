package terraform

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/link"
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
	{typ: "aws_kms_external_key", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_kms_replica_key", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_kms_replica_external_key", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_kms_key_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "key_id", ownerType: "aws_kms_key"},
	{typ: "aws_sns_topic_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "arn", ownerType: "aws_sns_topic"},
	{typ: "aws_sns_topic", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_sqs_queue_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "queue_url", ownerType: "aws_sqs_queue"},
	{typ: "aws_sqs_queue", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_secretsmanager_secret_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "secret_arn", ownerType: "aws_secretsmanager_secret"},
	{typ: "aws_secretsmanager_secret", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_ecr_repository_policy", attr: "policy", kind: model.PolicyResource, ownerAttr: "repository", ownerType: "aws_ecr_repository"},
	{typ: "aws_s3_access_point", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_s3control_object_lambda_access_point_policy", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_s3control_bucket_policy", attr: "policy", kind: model.PolicyResource},
	{typ: "aws_glacier_vault", attr: "access_policy", kind: model.PolicyResource},
	{typ: "aws_glacier_vault_lock", attr: "policy", kind: model.PolicyResource, ownerAttr: "vault_name", ownerType: "aws_glacier_vault"},
}

// policySourcesByType indexes policySources by resource type. Built once;
// never modified.
var policySourcesByType = func() map[string][]policySource {
	byType := map[string][]policySource{}
	for _, s := range policySources {
		byType[s.typ] = append(byType[s.typ], s)
	}
	return byType
}()

func (a *adapter) adaptPolicies() {
	for _, r := range a.e.resInsts {
		if r.res.mode != managedResource {
			continue
		}
		sc := scope{r.mi, r.ctx}
		for _, src := range policySourcesByType[r.res.typ] {
			attr := attribute(r.res.body, src.attr)
			if attr == nil {
				continue
			}
			owner := r.id
			switch {
			case src.ownerType == "aws_s3_bucket":
				// The linking step finds the bucket; a bucket policy for
				// a bucket outside the scan keeps no owner, but the
				// document is still checked.
				owner = ""
			case src.ownerType != "":
				if o := a.ownerOf(r, src); o != "" {
					owner = o
				}
			}
			p := a.policy(r, r.id+"."+src.attr, sc, attr.Expr, src.kind, owner)
			switch {
			case p == nil:
			case src.ownerType == "aws_s3_bucket":
				p.Target = target(field(a.node(r), "bucket"))
				p.Target.Kind = link.KindBucket
				// Where the document is attached: findings about the
				// bucket's policies point there.
				a.locs.Set(p.ID, "target", toRange(attr.Expr.Range()))
			case r.res.typ == "aws_s3_bucket":
				a.locs.Set(p.ID, "target", toRange(attr.Expr.Range()))
			}
		}
		if r.res.typ == "aws_iam_role" {
			r.needFields("inline_policy")
			inline := a.e.blocksOf(r.res.body, r.ctx, "inline_policy")
			if len(inline) == 0 {
				a.planInlinePolicies(r)
			}
			for i, b := range inline {
				id := fmt.Sprintf("%s.inline_policy[%d].policy", r.id, i)
				if b.body == nil {
					// A dynamic inline_policy: its document is unknown.
					p := &model.Policy{Meta: a.meta(r, id), Owner: r.id, Kind: model.PolicyIdentity}
					policyjson.Decode(p, node.NewUnknown(toRange(b.defRange), b.refs...), a.locs)
					a.model.AWS.IAM.Policies = append(a.model.AWS.IAM.Policies, p)
					continue
				}
				if expr := attrExpr(b.body, "policy"); expr != nil {
					a.policy(r, id, scope{r.mi, b.ctx}, expr, model.PolicyIdentity, r.id)
				}
			}
		}
	}
}

// ownerOf resolves the resource a separate policy resource belongs to.
func (a *adapter) ownerOf(r *resInst, src policySource) string {
	n := field(a.node(r), src.ownerAttr)
	if n == nil {
		return ""
	}
	for _, ref := range n.Refs {
		if o := a.e.byID[ref]; o != nil && o.res.mode == managedResource && o.res.typ == src.ownerType {
			return ref
		}
	}
	return ""
}

// planInlinePolicies reads the inline policies of a role of a plan, where
// they are a list of objects rather than blocks.
func (a *adapter) planInlinePolicies(r *resInst) {
	for i, el := range blocks(a.nodeOf(r, "inline_policy"), "inline_policy") {
		pn := field(el, "policy")
		if pn == nil || (pn.Kind != node.String && pn.Kind != node.Unknown) {
			continue
		}
		doc := pn
		if pn.Kind == node.String {
			rng := hclRange(pn.Range)
			doc = a.e.jsonDoc(pn.Str, constantMap(rng), rng)
			addRefs(doc, pn.Refs)
		}
		a.addPolicy(r, fmt.Sprintf("%s.inline_policy[%d].policy", r.id, i), doc, model.PolicyIdentity, r.id)
	}
}

// policy builds the document of expr, decodes it into the model and adds it
// to iam.policies. A null or empty document (no policy) adds nothing.
func (a *adapter) policy(r *resInst, id string, sc scope, expr hcl.Expression, kind, owner string) *model.Policy {
	return a.addPolicy(r, id, a.e.policyDoc(sc, expr, 0), kind, owner)
}

// addPolicy decodes a document into the model and adds it to
// iam.policies. A null or empty document (no policy) adds nothing.
func (a *adapter) addPolicy(r *resInst, id string, doc *node.Node, kind, owner string) *model.Policy {
	if doc.Kind == node.Null {
		return nil
	}
	p := &model.Policy{Meta: a.meta(r, id), Owner: owner, Kind: kind}
	policyjson.Decode(p, doc, a.locs)
	markOwnAccount(p, doc)
	a.model.AWS.IAM.Policies = append(a.model.AWS.IAM.Policies, p)
	return p
}

// markOwnAccount sets OwnAccount on the principals computed from
// data.aws_caller_identity: their value is the deploying account's ID, not
// known before apply. It walks the document in the order the decoder reads
// principals, and leaves a statement alone when the shapes do not match.
func markOwnAccount(p *model.Policy, doc *node.Node) {
	if doc == nil || doc.Kind != node.Map {
		return
	}
	items, ok := doc.Get("Statement").Items()
	if !ok {
		return
	}
	for i, item := range items {
		if i >= len(p.Statements) || item.Kind != node.Map {
			continue
		}
		markPrincipals(p.Statements[i].Principals, item.Get("Principal"))
		markPrincipals(p.Statements[i].NotPrincipals, item.Get("NotPrincipal"))
	}
}

func markPrincipals(ps model.Principals, n *node.Node) {
	list, ok := ps.Get()
	if !ok || n == nil {
		return
	}
	var nodes []*node.Node
	switch n.Kind {
	case node.String:
		nodes = []*node.Node{n}
	case node.Map:
		for _, typ := range n.Keys {
			items, ok := n.Map[typ].Items()
			if !ok {
				nodes = append(nodes, n.Map[typ])
				continue
			}
			nodes = append(nodes, items...)
		}
	}
	if len(nodes) != len(list) {
		return
	}
	for i, pn := range nodes {
		if pn.Kind == node.Unknown && slices.ContainsFunc(pn.Refs, isCallerIdentity) {
			list[i].OwnAccount = true
		}
	}
}
