package cloudformation

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// kms maps the template's AWS::KMS::Key and AWS::KMS::ReplicaKey resources.
// It runs after the policies are decoded (adapt_policies.go reads KeyPolicy
// with the key as its owner), so it can link each key to its key policy.
func (a *adapter) kms() {
	keys := map[string]*model.KMSKey{}
	for _, r := range a.t.resources {
		if !r.dropped && r.typ == "AWS::KMS::Key" {
			k := a.kmsKey(r)
			keys[k.ID] = k
			a.u.Model.AWS.KMS.Keys = append(a.u.Model.AWS.KMS.Keys, k)
		}
	}
	for _, p := range a.u.Model.AWS.IAM.Policies {
		if k := keys[p.Owner]; k != nil && p.Kind == model.PolicyResource {
			if at, ok := a.u.Locations.Lookup(p.ID, ""); ok {
				a.u.Locations.Set(k.ID, fmt.Sprintf("policies[%d]", len(k.Policies)), at)
			}
			k.Policies = append(k.Policies, p.ID)
		}
	}
	for _, r := range a.t.resources {
		if !r.dropped && r.typ == "AWS::KMS::ReplicaKey" {
			a.u.Model.AWS.KMS.ReplicaKeys = append(a.u.Model.AWS.KMS.ReplicaKeys, a.kmsReplicaKey(r))
		}
	}
}

// kmsKey maps one AWS::KMS::Key. CloudFormation cannot create a key in a
// custom key store, so CustomKeyStore stays absent; Origin is AWS_KMS or
// EXTERNAL as written.
func (a *adapter) kmsKey(r *resource) *model.KMSKey {
	props := a.props(r)
	k := &model.KMSKey{Meta: a.meta(r)}
	locs := a.u.Locations
	locs.Set(k.ID, "", r.keyRange)
	field := func(path string, n *node.Node) *node.Node {
		if n != nil {
			locs.Set(k.ID, path, loc(n))
		}
		return n
	}
	k.KeySpec = field("key_spec", get(props, "KeySpec")).AsString()
	k.KeyUsage = field("key_usage", get(props, "KeyUsage")).AsString()
	k.Origin = field("origin", get(props, "Origin")).AsString()
	k.RotationEnabled = field("rotation_enabled", get(props, "EnableKeyRotation")).AsBool()
	k.RotationPeriodDays = kmsNumber(field("rotation_period_days", get(props, "RotationPeriodInDays")))
	k.MultiRegion = field("multi_region", get(props, "MultiRegion")).AsBool()
	return k
}

// kmsReplicaKey maps one AWS::KMS::ReplicaKey, linking it to its primary
// key when PrimaryKeyArn refers to a key of the template (!GetAtt Key.Arn).
func (a *adapter) kmsReplicaKey(r *resource) *model.KMSReplicaKey {
	props := a.props(r)
	rk := &model.KMSReplicaKey{Meta: a.meta(r)}
	a.u.Locations.Set(rk.ID, "", r.keyRange)
	arn := get(props, "PrimaryKeyArn")
	if arn != nil {
		a.u.Locations.Set(rk.ID, "primary_key_arn", loc(arn))
		if id := a.targetOf(arn, "AWS::KMS::Key"); id != "" {
			rk.PrimaryKeyRef = a.id(id)
		}
	}
	rk.PrimaryKeyArn = arn.AsString()
	return rk
}

// kmsNumber converts a node to a model number: absent for null, unknown for
// unknown values and for anything that is not a number.
func kmsNumber(n *node.Node) model.Number {
	switch {
	case n.IsNull():
		return model.Number{}
	case n.Kind == node.Number || n.Kind == node.String:
		if f, err := strconv.ParseFloat(strings.TrimSpace(n.Str), 64); err == nil {
			return model.KnownOf(f)
		}
	}
	return model.UnknownOf[float64]()
}
