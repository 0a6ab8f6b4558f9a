package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adapter maps the evaluated resources of a template into the model.
type adapter struct {
	t *template
	u *model.Unit
	// prefix goes before every ID the template puts in the model: "" for
	// the template scanned, "Stack." for a nested stack's template.
	prefix string
	// buckets are the template's buckets by logical ID, for the links that
	// bucket policies and logging configurations make to them; bucketIDs
	// keeps them in source order.
	buckets   map[string]*model.Bucket
	bucketIDs []string
	// roles are the template's IAM roles by logical ID (SAM's generated
	// ones included), for the policies attached to them.
	roles map[string]*model.Role
	// roleNames and bucketNames index roles and buckets by literal and
	// known names, built on first use.
	roleNames   map[string][]string
	bucketNames map[string]string
	// evaluated holds each resource's evaluated Properties: several
	// adapters read one resource (a role's own fields and its policies),
	// and the evaluation is the same each time. Nothing modifies the trees.
	evaluated map[*resource]*node.Node
}

// adapt fills u's model from the template's resources, in source order,
// with prefix before every ID. Resources dropped by their Condition are
// skipped.
func (t *template) adapt(u *model.Unit, prefix string) {
	a := &adapter{t: t, u: u, prefix: prefix, buckets: map[string]*model.Bucket{}, roles: map[string]*model.Role{}}
	a.account()
	a.parameters()
	// Buckets and roles come first: policies and logging targets link to them.
	for _, r := range t.resources {
		if r.dropped {
			continue
		}
		switch r.typ {
		case "AWS::S3::Bucket":
			a.bucket(r)
		case "AWS::IAM::Role":
			a.role(r)
		case samFunction, samStateMachine:
			a.samRole(r)
		}
	}
	for _, r := range t.resources {
		if !r.dropped {
			a.policies(r)
			a.suppressions(r)
		}
	}
	a.accessPoints()
	a.kms()
	a.cloudTrail()
	a.eventDataStores()
	a.ssm()
	a.secrets()
	a.detection()
	a.cloudFront()
	a.elb()
	a.userData()
	a.network()
	for _, r := range t.resources {
		if !r.dropped && r.typ == "AWS::CloudFormation::Stack" {
			a.nestedStack(r)
		}
	}
}

// id returns the model ID of a logical ID of the template.
func (a *adapter) id(logicalID string) string { return a.prefix + logicalID }

// meta returns the Meta of a regional resource: its region is the stack's,
// AWS::Region, which is unknown unless --cfn-param gives it.
func (a *adapter) meta(r *resource) model.Meta {
	m := model.Meta{ID: a.id(r.id), Type: r.typ, Region: model.UnknownOf[string]()}
	if region, ok := a.t.opts.Params["AWS::Region"]; ok {
		m.Region = model.KnownOf(region)
	}
	return m
}

// object starts the model object of a resource: it sets *meta, and
// returns the adapt.Object that sets its values and records their
// locations, the object itself located at the resource's logical ID.
func (a *adapter) object(r *resource, meta *model.Meta) adapt.Object {
	*meta = a.meta(r)
	return adapt.CloudFormation.Object(a.u.Locations, meta.ID, r.keyRange)
}

// account records the account the stack deploys to when --cfn-param gives
// AWS::AccountId (a nested stack's is its parent's, recorded once).
func (a *adapter) account() {
	if id, ok := a.t.opts.Params["AWS::AccountId"]; ok && a.prefix == "" {
		a.u.Model.AWS.Account.IDs = append(a.u.Model.AWS.Account.IDs, model.KnownOf(id))
	}
}

// props evaluates a resource's Properties: a map, nil when absent, or
// unknown when they come from an intrinsic function that cannot be
// evaluated (or are not a mapping), in which case everything read from them
// is unknown too.
func (a *adapter) props(r *resource) *node.Node {
	if r.props == nil {
		return nil
	}
	if v, ok := a.evaluated[r]; ok {
		return v
	}
	v := a.evalProps(r)
	if a.evaluated == nil {
		a.evaluated = make(map[*resource]*node.Node, len(a.t.resources))
	}
	a.evaluated[r] = v
	return v
}

func (a *adapter) evalProps(r *resource) *node.Node {
	v, keep := a.t.eval(r.props, 0)
	switch {
	case !keep || v == nil || v.Kind == node.Null:
		return nil
	case v.Kind != node.Map && v.Kind != node.Unknown:
		return node.NewUnknown(v.Range)
	}
	return v
}

// get returns the entry key of the map n, or nil. The entries of an unknown
// map are unknown, so that a field read through an unresolved intrinsic
// stays unknown instead of becoming absent.
func get(n *node.Node, key string) *node.Node { return adapt.Get(n, key) }

// index returns element i of the list n, or nil; the elements of an unknown
// list are unknown.
func index(n *node.Node, i int) *node.Node {
	if n.IsUnknown() {
		return &node.Node{Kind: node.Unknown, Range: n.Range, KeyRange: n.KeyRange, Refs: n.Refs}
	}
	if n == nil || n.Kind != node.List || i >= len(n.List) {
		return nil
	}
	return n.List[i]
}

// present reports whether a property is written (and not AWS::NoValue or null).
func present(n *node.Node) bool { return !n.IsNull() }

// loc returns where a finding about the value n points: the key that names
// a block (a mapping or a list), else the value itself, which for a value
// computed by an intrinsic function is that function.
func loc(n *node.Node) model.Range { return adapt.Loc(n) }
