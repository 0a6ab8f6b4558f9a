package cloudformation

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/link"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
	"github.com/seclint/seclint/parsers/policyjson"
)

// policySource is a property of a resource type that holds a policy document.
type policySource struct {
	// prop is the property holding the document, or for inline policies the
	// list of {PolicyName, PolicyDocument}.
	prop   string
	kind   string
	inline bool
	// target is the property naming the resource the policy is attached to
	// (a bucket policy's Bucket), of type targetType; empty when the policy
	// belongs to the resource that declares it (a key policy).
	target     string
	targetType string
}

// policySources lists, per resource type, where its policy documents are.
// It is a read-only table.
var policySources = map[string][]policySource{
	"AWS::IAM::Policy":        {{prop: "PolicyDocument", kind: model.PolicyIdentity}},
	"AWS::IAM::ManagedPolicy": {{prop: "PolicyDocument", kind: model.PolicyIdentity}},
	"AWS::IAM::RolePolicy":    {{prop: "PolicyDocument", kind: model.PolicyIdentity}},
	"AWS::IAM::UserPolicy":    {{prop: "PolicyDocument", kind: model.PolicyIdentity}},
	"AWS::IAM::GroupPolicy":   {{prop: "PolicyDocument", kind: model.PolicyIdentity}},
	"AWS::IAM::Role": {
		{prop: "AssumeRolePolicyDocument", kind: model.PolicyTrust},
		{prop: "Policies", kind: model.PolicyIdentity, inline: true},
	},
	"AWS::IAM::User":          {{prop: "Policies", kind: model.PolicyIdentity, inline: true}},
	"AWS::IAM::Group":         {{prop: "Policies", kind: model.PolicyIdentity, inline: true}},
	"AWS::SSO::PermissionSet": {{prop: "InlinePolicy", kind: model.PolicyIdentity}},

	"AWS::S3::BucketPolicy":                  {{prop: "PolicyDocument", kind: model.PolicyResource, target: "Bucket", targetType: "AWS::S3::Bucket"}},
	"AWS::SNS::TopicPolicy":                  {{prop: "PolicyDocument", kind: model.PolicyResource, target: "Topics", targetType: "AWS::SNS::Topic"}},
	"AWS::SQS::QueuePolicy":                  {{prop: "PolicyDocument", kind: model.PolicyResource, target: "Queues", targetType: "AWS::SQS::Queue"}},
	"AWS::SecretsManager::ResourcePolicy":    {{prop: "ResourcePolicy", kind: model.PolicyResource, target: "SecretId", targetType: "AWS::SecretsManager::Secret"}},
	"AWS::KMS::Key":                          {{prop: "KeyPolicy", kind: model.PolicyResource}},
	"AWS::KMS::ReplicaKey":                   {{prop: "KeyPolicy", kind: model.PolicyResource}},
	"AWS::SNS::TopicInlinePolicy":            {{prop: "PolicyDocument", kind: model.PolicyResource, target: "TopicArn", targetType: "AWS::SNS::Topic"}},
	"AWS::SQS::QueueInlinePolicy":            {{prop: "PolicyDocument", kind: model.PolicyResource, target: "Queue", targetType: "AWS::SQS::Queue"}},
	"AWS::ECR::Repository":                   {{prop: "RepositoryPolicyText", kind: model.PolicyResource}},
	"AWS::S3::AccessPoint":                   {{prop: "Policy", kind: model.PolicyResource}},
	"AWS::S3::MultiRegionAccessPointPolicy":  {{prop: "Policy", kind: model.PolicyResource}},
	"AWS::S3ObjectLambda::AccessPointPolicy": {{prop: "PolicyDocument", kind: model.PolicyResource}},
	"AWS::Glacier::Vault":                    {{prop: "AccessPolicy", kind: model.PolicyResource}},
}

// policies maps the policy documents a resource declares.
func (a *adapter) policies(r *resource) {
	if r.typ == samFunction {
		a.samFunctionURL(r)
	}
	if r.typ == samFunction || r.typ == samStateMachine {
		a.samPolicies(r)
		return
	}
	if r.typ == "AWS::Lambda::Permission" {
		a.lambdaPermission(r)
		return
	}
	srcs := policySources[r.typ]
	if len(srcs) == 0 {
		return
	}
	props := a.props(r)
	for _, s := range srcs {
		if s.inline {
			a.inlinePolicies(r, props, s)
			continue
		}
		if doc := get(props, s.prop); present(doc) {
			id := a.policy(r, r.id+"."+s.prop, s, doc, a.owner(r, props, s))
			a.attachToRoles(props, id)
		}
	}
}

// inlinePolicies maps the Policies list of an IAM role, user or group. An
// unknown list (an !If on an unknown condition) yields nothing: the number
// of documents is not known.
func (a *adapter) inlinePolicies(r *resource, props *node.Node, s policySource) {
	items, index := a.listItems(r, props, s.prop)
	for i, it := range items {
		if doc := get(it, "PolicyDocument"); present(doc) {
			a.policy(r, fmt.Sprintf("%s.%s[%d].PolicyDocument", r.id, s.prop, index[i]), s, doc, r.id)
		}
	}
}

// listItems returns the evaluated elements of the list property prop and
// the index of each in the list as written, so that an ID built from it
// does not change when an earlier element's !If resolves to AWS::NoValue
// under other parameter values; only a list computed by an intrinsic
// function is numbered after evaluation. An unknown list has no items.
func (a *adapter) listItems(r *resource, props *node.Node, prop string) (items []*node.Node, index []int) {
	list := get(props, prop)
	if list == nil || list.Kind != node.List {
		return nil, nil
	}
	if raw := a.t.lookup(r.props, prop); raw != nil && raw.Kind == yaml.SequenceNode && !isFunc(raw) {
		if len(list.List) == len(raw.Content) {
			// No element was dropped: list is the evaluation of raw, element
			// for element.
			index = make([]int, len(list.List))
			for i := range index {
				index[i] = i
			}
			return list.List, index
		}
		for i, c := range raw.Content {
			if v, keep := a.t.eval(c, 1); keep && v != nil {
				items = append(items, v)
				index = append(index, i)
			}
		}
		return items, index
	}
	for i := range list.List {
		index = append(index, i)
	}
	return list.List, index
}

// policy decodes one document into the model and returns its ID. The
// document's logical ID and its owner's are the template's; the model's
// carry the adapter's prefix. A document given as a JSON string (which
// several types accept) is parsed first.
func (a *adapter) policy(r *resource, logicalID string, s policySource, doc *node.Node, owner string) string {
	if doc.Kind == node.String {
		if v := a.t.jsonOrigin[doc]; v != nil {
			// Built by Fn::ToJsonString: the value it serialized has positions.
			v.KeyRange = doc.KeyRange
			doc = v
		} else if parsed, err := jsonNode(doc.Str, doc.Range); err != nil {
			a.t.diags = append(a.t.diags, diag(model.DiagWarning, doc.Range, "policy document is not valid JSON",
				fmt.Sprintf("%s of %s: %v", s.prop, r.id, err)))
		} else {
			parsed.KeyRange = doc.KeyRange
			doc = parsed
		}
	}
	id := a.id(logicalID)
	p := &model.Policy{Meta: model.Meta{ID: id, Type: r.typ}, Owner: a.id(owner), Kind: s.kind}
	policyjson.Decode(p, doc, a.u.Locations)
	// Decode places the document at its first entry; the key that names it
	// is where a finding about the whole document belongs.
	a.u.Locations.Set(id, "", loc(doc))
	if s.targetType == "AWS::S3::Bucket" {
		// The linking step finds the bucket (by Ref, or by its name); a
		// bucket outside the template leaves the document without owner,
		// and it is checked on its own.
		p.Owner = ""
		p.Target = a.target(get(a.props(r), s.target))
		p.Target.Kind = link.KindBucket
	}
	a.u.Model.AWS.IAM.Policies = append(a.u.Model.AWS.IAM.Policies, p)
	a.attach(owner, id)
	return id
}

// owner returns the logical ID of the resource a policy belongs to: the
// target its attachment property names when that is exactly one resource of
// the template (of the expected type), else the declaring resource.
func (a *adapter) owner(r *resource, props *node.Node, s policySource) string {
	if s.target == "" {
		return r.id
	}
	target := get(props, s.target)
	items, ok := target.Items()
	if !ok {
		items = []*node.Node{target}
	}
	found := ""
	for _, it := range items {
		id := a.targetOf(it, s.targetType)
		if id == "" || (found != "" && id != found) {
			return r.id
		}
		found = id
	}
	if found == "" {
		return r.id
	}
	return found
}

// targetOf returns the logical ID of the resource of type typ that v refers
// to, or "".
func (a *adapter) targetOf(v *node.Node, typ string) string {
	if typ == "AWS::S3::Bucket" {
		return a.bucketOf(v)
	}
	for _, id := range v.Refs {
		if res := a.t.byID[id]; res != nil && !res.dropped && res.typ == typ {
			return id
		}
	}
	return ""
}
