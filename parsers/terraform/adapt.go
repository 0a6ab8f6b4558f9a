package terraform

import (
	"strings"

	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/link"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adapter maps the evaluated unit onto the model. Each service has its own
// file (adapt_s3.go, adapt_iam.go); this file holds what they share. Every
// object is built from one resource instance, whatever module instance it
// belongs to: its ID is the instance's full address, its region its
// provider's, and its call chain the module calls that lead to it.
type adapter struct {
	e     *evaluator
	unit  *model.Unit
	model *model.Model
	locs  model.Locations
}

func newAdapter(e *evaluator, unit *model.Unit) *adapter {
	return &adapter{
		e:     e,
		unit:  unit,
		model: unit.Model,
		locs:  unit.Locations,
	}
}

func (a *adapter) run() {
	a.adaptS3()
	a.adaptPolicies()
	a.adaptLambdaPermissions()
	a.adaptS3AccessPoints()
	a.adaptS3Objects()
	a.adaptKMS()
	a.adaptCloudTrail()
	a.adaptEventDataStores()
	a.adaptSSM()
	a.adaptSecrets()
	a.resolveManagedKeys()
	a.adaptDetection()
	a.adaptCloudFront()
	a.adaptELB()
	a.adaptUserData()
	a.adaptNetwork()
	a.model.AWS.Account.IDs = a.e.accountIDs()
	// Relations between the objects are resolved once, by the linking step
	// shared with the other formats.
	link.Unit(a.unit)
}

// node returns the node tree of a resource instance, converting it on
// first use: only the resource types some adapter reads are ever converted.
func (a *adapter) node(ri *resInst) *node.Node { return a.e.resourceNode(ri) }

// nodeOf returns a node tree of a resource instance with only the named
// top-level arguments and blocks (resourceFields), for an adapter that
// reads a few of them of a resource type no other adapter reads.
func (a *adapter) nodeOf(ri *resInst, names ...string) *node.Node {
	return a.e.resourceFields(ri, names...)
}

// fieldNames lists the Terraform arguments a field table reads, and more.
func fieldNames(fs []adapt.Field, more ...string) []string {
	out := append([]string(nil), more...)
	for _, f := range fs {
		if f.TF != "" {
			out = append(out, strings.Split(f.TF, "|")...)
		}
	}
	return out
}

// managed returns the managed resource instances of the given types, in
// order.
func (a *adapter) managed(types ...string) []*resInst { return a.e.managed(types...) }

// meta identifies the object id built from ri, and records its call chain.
func (a *adapter) meta(ri *resInst, id string) model.Meta {
	a.track(ri, id)
	return model.Meta{ID: id, Type: ri.res.typ, Region: a.e.region(ri)}
}

// object starts the model object id built from ri: it sets *meta, and
// returns the adapt.Object that sets its values and records their
// locations, the object itself located at the resource block.
func (a *adapter) object(ri *resInst, id string, meta *model.Meta) adapt.Object {
	*meta = a.meta(ri, id)
	return adapt.Terraform.Object(a.locs, id, toRange(ri.res.defRange))
}

// track records the module calls through which the object id, built from
// ri, was instantiated: findings on it carry them as related locations.
func (a *adapter) track(ri *resInst, id string) {
	if len(ri.mi.chain) == 0 {
		return
	}
	if a.unit.CallChains == nil {
		a.unit.CallChains = map[string][]model.CallSite{}
	}
	a.unit.CallChains[id] = ri.mi.chain
}

// field returns the entry key of a block node. The fields of an unknown
// block (a dynamic block) are unknown, not absent.
func field(n *node.Node, key string) *node.Node { return adapt.Get(n, key) }

// blocks returns the blocks of type key: a list node's elements, or the node
// itself for a single block written as an object (.tf.json) or unknown.
func blocks(n *node.Node, key string) []*node.Node {
	v := field(n, key)
	switch {
	case v == nil || v.Kind == node.Null:
		return nil
	case v.Kind == node.List:
		return v.List
	}
	return []*node.Node{v}
}

// first returns the first block of type key, or nil.
func first(n *node.Node, key string) *node.Node {
	if bs := blocks(n, key); len(bs) > 0 {
		return bs[0]
	}
	return nil
}
