package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// managedKeyAttrs are, per KMS data source, the attributes that stand for
// the key the data source looks up: an aws_kms_alias's own ARN and name and
// its target key's, an aws_kms_key's ARN and ID.
var managedKeyAttrs = map[string]map[string]bool{
	"aws_kms_alias": {"arn": true, "id": true, "name": true, "target_key_arn": true, "target_key_id": true},
	"aws_kms_key":   {"arn": true, "id": true, "key_id": true},
}

// managedKeyArgs is the argument that names the key of each data source.
var managedKeyArgs = map[string]string{"aws_kms_alias": "name", "aws_kms_key": "key_id"}

// resolveManagedKeys gives the KMS key settings that the rules about AWS
// managed keys read their value when it is unknown only because it is
// looked up: a data "aws_kms_alias" whose name, or a data "aws_kms_key"
// whose key_id, is a known alias/aws/<service> (or that alias's ARN) is the
// AWS managed key of that service, whatever its ARN turns out to be. The
// setting then holds that alias, as if it had been written. It runs after
// the adapters of the objects it reads.
func (a *adapter) resolveManagedKeys() {
	for _, p := range a.model.AWS.SSM.Parameters {
		a.managedKey(p.ID, "key_id", &p.KeyID)
	}
	for _, s := range a.model.AWS.SecretsManager.Secrets {
		a.managedKey(s.ID, "kms_key_id", &s.KMSKeyID)
	}
}

// managedKey sets *v, the setting attr of the object id, to the AWS managed
// key alias its expression reads, when it is unknown and reads one.
func (a *adapter) managedKey(id, attr string, v *model.String) {
	if v.State != model.Unknown {
		return
	}
	r := a.e.byID[id]
	if r == nil {
		return
	}
	if alias := a.managedAlias(r.mi, attrExpr(r.res.body, attr), 0); alias != "" {
		*v = model.KnownOf(alias)
	}
}

// managedAlias returns alias/aws/<service> when expr, in module instance
// mi, is exactly a reference to a key attribute of a KMS data source that
// names an AWS managed key, followed through locals and through module
// variables to the argument the call passes, else "". Any other expression
// (a conditional, a function, a variable without such an argument) is left
// unknown: it may name another key.
func (a *adapter) managedAlias(mi *modInst, expr hcl.Expression, depth int) string {
	st, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || mi == nil || depth > maxPolicyDepth {
		return ""
	}
	tr := st.Traversal
	switch tr.RootName() {
	case "local", "var":
		if inner, sc, ok := mi.standsFor(tr); ok {
			return a.managedAlias(sc.mi, inner, depth+1)
		}
		return ""
	case "data":
		// Below.
	default:
		return ""
	}
	addr, rest := mi.mod.resourceOf(tr)
	typ := secondName(tr)
	if addr == "" || managedKeyAttrs[typ] == nil {
		return ""
	}
	key := cty.NilVal
	if len(rest) > 0 {
		if ix, ok := rest[0].(hcl.TraverseIndex); ok {
			key, rest = ix.Key, rest[1:]
		}
	}
	if len(rest) != 1 {
		return ""
	}
	if name, ok := rest[0].(hcl.TraverseAttr); !ok || !managedKeyAttrs[typ][name.Name] {
		return ""
	}
	mi.visit(addr)
	ds := mi.instanceAt(addr, key)
	if ds == nil {
		return ""
	}
	n := field(a.node(ds), managedKeyArgs[typ])
	if n == nil || n.Kind != node.String {
		return ""
	}
	return adapt.ManagedKeyAlias(n.Str)
}
