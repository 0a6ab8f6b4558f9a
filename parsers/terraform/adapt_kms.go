package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// adaptKMS maps aws_kms_key and aws_kms_external_key to kms.keys and the
// replica key resources to kms.replica_keys. It runs after adaptPolicies,
// which decodes the key policies (aws_kms_key.policy, aws_kms_key_policy)
// with the key as their owner, so that they can be linked to the key.
func (a *adapter) adaptKMS() {
	keys := map[string]*model.KMSKey{}
	for _, r := range a.managed("aws_kms_key", "aws_kms_external_key") {
		k := a.kmsKey(r)
		keys[k.ID] = k
		a.model.AWS.KMS.Keys = append(a.model.AWS.KMS.Keys, k)
	}
	// The linking step lists the key policies (owned by the key) under the
	// key, and resolves each replica's primary.
	for _, r := range a.managed("aws_kms_replica_key", "aws_kms_replica_external_key") {
		n := a.node(r)
		rk := &model.KMSReplicaKey{}
		o := a.object(r, r.id, &rk.Meta)
		o.Apply(n, adapt.KMSReplicaKeyFields(rk))
		rk.Primary = target(field(n, "primary_key_arn"))
		a.model.AWS.KMS.ReplicaKeys = append(a.model.AWS.KMS.ReplicaKeys, rk)
	}
}

// kmsKey reads an aws_kms_key or an aws_kms_external_key. The external key
// has imported key material, so its origin is EXTERNAL; it has no rotation
// arguments. aws_kms_key has no origin argument: a custom key store makes
// it AWS_CLOUDHSM, or EXTERNAL_KEY_STORE with an xks_key_id.
func (a *adapter) kmsKey(r *resInst) *model.KMSKey {
	k := &model.KMSKey{}
	// Not the policy, which adaptPolicies reads from its expression.
	n := a.nodeOf(r, fieldNames(adapt.KMSKeyFields(k), "xks_key_id")...)
	o := a.object(r, r.id, &k.Meta)
	o.Apply(n, adapt.KMSKeyFields(k))
	if r.res.typ == "aws_kms_external_key" {
		k.Origin = model.KnownOf(model.KeyOriginExternal)
		o.Set("origin", toRange(r.res.defRange))
		return k
	}
	if store := field(n, "custom_key_store_id"); !store.IsNull() {
		o.Set("origin", store.Range)
		switch xks := field(n, "xks_key_id"); {
		case store.IsUnknown() || xks.IsUnknown():
			// The store may be null at apply, and with it the whole setting.
			k.Origin = model.UnknownOf[string]()
		case xks.IsNull():
			k.Origin = model.KnownOf(model.KeyOriginAWSCloudHSM)
		default:
			k.Origin = model.KnownOf(model.KeyOriginExternalKeyStore)
		}
	}
	return k
}
