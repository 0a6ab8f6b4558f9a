package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
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
	// The linking step lists the key policies (owned by the key) under the
	// key, and resolves each replica's primary.
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
	k := &model.KMSKey{}
	o := a.object(r, &k.Meta)
	o.Apply(a.props(r), adapt.KMSKeyFields(k))
	return k
}

// kmsReplicaKey maps one AWS::KMS::ReplicaKey, linking it to its primary
// key when PrimaryKeyArn refers to a key of the template (!GetAtt Key.Arn).
func (a *adapter) kmsReplicaKey(r *resource) *model.KMSReplicaKey {
	props := a.props(r)
	rk := &model.KMSReplicaKey{}
	o := a.object(r, &rk.Meta)
	o.Apply(props, adapt.KMSReplicaKeyFields(rk))
	if arn := adapt.Get(props, "PrimaryKeyArn"); arn != nil {
		rk.Primary = a.target(arn)
	}
	return rk
}
