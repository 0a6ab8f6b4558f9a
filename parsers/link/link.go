// Package link is the linking step of a scan unit: it runs once after an
// adapter has mapped the unit's resources into the model, and resolves the
// relations between the objects (a bucket's settings resources, policies,
// public access blocks, ACL resources and log destination; a key's policies and
// replicas; a secret's policies, rotations and values; an access point's
// bucket) from what each object says about the other: the model.Target
// that adapters record (references and name as written) and the Owner of
// policy documents. It is written once for every input format, and it is
// where the relations of new resource families go.
//
// A relation is resolved through ID and name maps built once per unit, so
// the cost is linear in the number of objects; rules then look relations
// up instead of joining collections. A target that resolves to nothing
// leaves the link empty: the sub-resource stays in the model and rules
// check it on its own.
package link

import (
	"strings"

	"github.com/seclint/seclint/parsers/model"
)

// Collections that a model.Target's Kind names.
const (
	KindBucket = "aws.s3.buckets"
	KindKey    = "aws.kms.keys"
	KindSecret = "aws.secretsmanager.secrets"
)

// Unit links the objects of u's model and records the location of every
// link path it adds (e.g. a bucket's "policies[0]" at the policy document)
// so that findings on a link point into the source. Link fields are
// recomputed from scratch, so linking a unit twice changes nothing.
func Unit(u *model.Unit) {
	if u == nil || u.Model == nil {
		return
	}
	l := &linker{
		m:    u.Model,
		locs: u.Locations,
		buckets: newIndex(u.Model.AWS.S3.Buckets, func(b *model.Bucket) (string, model.String) { return b.ID, b.Name }, nil).
			withTemplates(u.Model.AWS.S3.Buckets, func(b *model.Bucket) (model.String, string) { return b.Name, b.NameTemplate }),
		keys:    byID(u.Model.AWS.KMS.Keys, func(k *model.KMSKey) string { return k.ID }),
		secrets: newIndex(u.Model.AWS.SecretsManager.Secrets, func(s *model.Secret) (string, model.String) { return s.ID, s.Name }, SecretName),
		certs:   newCertificates(u.Model.AWS.ACM.Certificates),
	}
	if l.locs == nil {
		l.locs = model.Locations{}
		u.Locations = l.locs
	}
	l.s3()
	l.s3Objects()
	l.policies()
	l.kms()
	l.secretsManager()
	l.cloudTrail()
	l.detection()
	l.cloudFront()
	l.elb()
	l.network()
}

type linker struct {
	m       *model.Model
	locs    model.Locations
	buckets *index[*model.Bucket]
	keys    *index[*model.KMSKey]
	secrets *index[*model.Secret]
	certs   certificates
}

// index finds the objects of one collection by ID, by known name and by
// name template.
type index[T comparable] struct {
	byID   map[string]T
	byName map[string]T
	// byTemplate holds the objects whose unknown name has a template
	// (model.Bucket's NameTemplate); a template of two objects maps to the
	// zero T, for it designates neither: both names are the same value,
	// so at most one of them can exist, and which is not known.
	byTemplate map[string]T
	// alias, when set, returns the name that a target's text stands for
	// when the text is not a name itself (a secret is also named by its
	// ARN, which ends in the name), or "". Both lookups are map lookups,
	// so resolving a target costs the same whatever the unit's size.
	alias func(target string) string
}

func newIndex[T comparable](objs []T, key func(T) (string, model.String), alias func(string) string) *index[T] {
	ix := &index[T]{byID: make(map[string]T, len(objs)), byName: map[string]T{}, alias: alias}
	for _, o := range objs {
		id, name := key(o)
		if _, dup := ix.byID[id]; !dup {
			ix.byID[id] = o
		}
		if n, ok := name.Get(); ok && n != "" {
			// The first object of a name wins, as in the adapters before:
			// two resources cannot both create a bucket of one name.
			if _, dup := ix.byName[n]; !dup {
				ix.byName[n] = o
			}
		}
	}
	return ix
}

// byID indexes objs by ID alone, for a collection whose objects are named
// by reference only (computed IDs such as aws_guardduty_detector.main.id,
// which no literal can name).
func byID[T comparable](objs []T, id func(T) string) *index[T] {
	return newIndex(objs, func(o T) (string, model.String) { return id(o), model.String{} }, nil)
}

// withTemplates indexes objs, the objects of ix, by the template of their
// unknown name (tmpl returns the name and its template), for a collection
// whose adapters record name templates, and returns ix.
func (ix *index[T]) withTemplates(objs []T, tmpl func(T) (model.String, string)) *index[T] {
	var zero T
	ix.byTemplate = map[string]T{}
	for _, o := range objs {
		name, tm := tmpl(o)
		if tm == "" || name.State != model.Unknown {
			continue
		}
		if _, dup := ix.byTemplate[tm]; dup {
			ix.byTemplate[tm] = zero
		} else {
			ix.byTemplate[tm] = o
		}
	}
	return ix
}

// resolve returns the object a target designates: the first of its
// references that is an object of the index (a reference is the strongest
// evidence), else the object whose known name the known target name
// designates, else the only object whose unknown name is computed as the
// unknown target name is (same template). The zero T means the target is
// not in the unit.
func (ix *index[T]) resolve(t model.Target) T {
	var zero T
	for _, ref := range t.Refs {
		if o, ok := ix.byID[ref]; ok {
			return o
		}
	}
	name, ok := t.Name.Get()
	if !ok || name == "" {
		if t.Template != "" && t.Name.State == model.Unknown {
			return ix.byTemplate[t.Template]
		}
		return zero
	}
	if o, ok := ix.byName[name]; ok {
		return o
	}
	if ix.alias != nil {
		if n := ix.alias(name); n != "" {
			if o, ok := ix.byName[n]; ok {
				return o
			}
		}
	}
	return zero
}

// SecretName returns the name of the secret that a Secrets Manager ARN
// names (arn:...:secret:NAME-AbCdEf: the name, a dash and six random
// characters), or "" when text is not such an ARN.
func SecretName(text string) string {
	_, rest, ok := strings.Cut(text, ":secret:")
	if !ok || len(rest) < 8 || rest[len(rest)-7] != '-' {
		return ""
	}
	return rest[:len(rest)-7]
}

// attach appends the linked object other to list, the field of object id
// (e.g. a bucket's policies), and records that the new entry's path
// ("policies[2]") is where other is, so findings on the link point there.
func (l *linker) attach(id, field string, list *[]string, other string) {
	if at, ok := l.locs.Lookup(other, ""); ok {
		l.locs.Set(id, model.ElementPath(field, len(*list)), at)
	}
	*list = append(*list, other)
}

// s3 merges the separate settings resources into their buckets, links
// buckets with their separate public access blocks and ACLs and the
// buckets they log into, and access points with their bucket. Settings
// are merged first: a logging resource gives the bucket its destination.
func (l *linker) s3() {
	s3 := &l.m.AWS.S3
	for _, b := range s3.Buckets {
		b.ACLs, b.PublicAccessBlocks, b.LoggedBy = nil, nil, nil
	}
	for _, p := range s3.PublicAccessBlocks {
		p.BucketRef = ""
		if b := l.buckets.resolve(p.Target); b != nil {
			p.BucketRef = b.ID
			l.attach(b.ID, "public_access_blocks", &b.PublicAccessBlocks, p.ID)
		}
	}
	for _, s := range s3.BucketSettings {
		s.BucketRef = ""
		if b := l.buckets.resolve(s.Target); b != nil {
			s.BucketRef = b.ID
			l.mergeSettings(b, s)
		}
	}
	for _, a := range s3.BucketACLs {
		a.BucketRef = ""
		if b := l.buckets.resolve(a.Target); b != nil {
			a.BucketRef = b.ID
			l.attach(b.ID, "acls", &b.ACLs, a.ID)
		}
	}
	for _, b := range s3.Buckets {
		lg := b.Logging
		if lg == nil {
			continue
		}
		if lg.Target.IsZero() {
			// No destination written: S3 delivers to the bucket itself
			// when the adapter said so (TargetBucketRef), else nowhere known.
			if lg.TargetBucketRef == b.ID {
				b.LoggedBy = append(b.LoggedBy, b.ID)
			}
			continue
		}
		lg.TargetBucketRef = ""
		if t := l.buckets.resolve(lg.Target); t != nil {
			lg.TargetBucketRef = t.ID
			t.LoggedBy = append(t.LoggedBy, b.ID)
		}
	}
	for _, ap := range s3.AccessPoints {
		if ap.Target.IsZero() {
			continue
		}
		ap.BucketRef = ""
		if b := l.buckets.resolve(ap.Target); b != nil {
			ap.BucketRef = b.ID
		}
	}
}

// mergeSettings sets on b the configuration that the settings resource s
// gives it, replacing the bucket's own (inline) one as the provider's
// split resources do, and points the bucket's paths of that configuration
// where s writes them, so findings about the bucket's versioning show the
// versioning resource. Two settings resources of one kind for one bucket
// are merged in order and the last wins, as the last apply would.
// Configurations are copied: the link fields set on them below (a log
// destination's ID) are the bucket's.
func (l *linker) mergeSettings(b *model.Bucket, s *model.BucketSettings) {
	if !s.ObjectOwnership.IsZero() {
		b.ObjectOwnership = s.ObjectOwnership
	}
	if s.Versioning != nil {
		v := *s.Versioning
		b.Versioning = &v
	}
	if s.Logging != nil {
		lg := *s.Logging
		lg.TargetBucketRef = ""
		b.Logging = &lg
	}
	if s.Website != nil {
		w := *s.Website
		b.Website = &w
	}
	if s.Encryption != nil {
		e := *s.Encryption
		b.Encryption = &e
	}
	if s.ObjectLock != nil {
		ol := *s.ObjectLock
		b.ObjectLock = &ol
	}
	for path, at := range l.locs[s.ID] {
		if path != "" {
			l.locs.Set(b.ID, path, at)
		}
	}
}

// policies sets the owner of each separate policy resource from its target
// and lists every resource policy under its owner's policies.
func (l *linker) policies() {
	for _, b := range l.m.AWS.S3.Buckets {
		b.Policies = nil
	}
	for _, k := range l.m.AWS.KMS.Keys {
		k.Policies = nil
	}
	for _, s := range l.m.AWS.SecretsManager.Secrets {
		s.Policies = nil
	}
	for _, p := range l.m.AWS.IAM.Policies {
		if !p.Target.IsZero() {
			p.Owner = l.targetID(p.Target)
		}
		if p.Kind != model.PolicyResource || p.Owner == "" {
			continue
		}
		if b := l.buckets.byID[p.Owner]; b != nil {
			// A finding about a bucket's policies points where the
			// document is attached (Terraform's policy argument), which
			// adapters record as the policy's "target"; else at the bucket.
			if at, ok := l.locs[p.ID]["target"]; ok {
				l.locs.Set(b.ID, model.ElementPath("policies", len(b.Policies)), at)
			}
			b.Policies = append(b.Policies, p.ID)
		}
		if k := l.keys.byID[p.Owner]; k != nil {
			l.attach(k.ID, "policies", &k.Policies, p.ID)
		}
		if s := l.secrets.byID[p.Owner]; s != nil {
			l.attach(s.ID, "policies", &s.Policies, p.ID)
		}
	}
}

// targetID resolves a target of the collection its Kind names to an ID,
// or "" when it is not in the unit.
func (l *linker) targetID(t model.Target) string {
	switch t.Kind {
	case KindBucket:
		if b := l.buckets.resolve(t); b != nil {
			return b.ID
		}
	case KindKey:
		if k := l.keys.resolve(t); k != nil {
			return k.ID
		}
	case KindSecret:
		if s := l.secrets.resolve(t); s != nil {
			return s.ID
		}
	}
	return ""
}

// kms links replica keys with their primary key.
func (l *linker) kms() {
	for _, k := range l.m.AWS.KMS.Keys {
		k.Replicas = nil
	}
	for _, rk := range l.m.AWS.KMS.ReplicaKeys {
		if rk.Primary.IsZero() {
			continue
		}
		rk.PrimaryKeyRef = ""
		if k := l.keys.resolve(rk.Primary); k != nil {
			rk.PrimaryKeyRef = k.ID
			k.Replicas = append(k.Replicas, rk.ID)
		}
	}
}

// secretsManager links rotations and written values with their secret.
func (l *linker) secretsManager() {
	sm := &l.m.AWS.SecretsManager
	for _, s := range sm.Secrets {
		s.RotationConfigured = false
	}
	for _, r := range sm.Rotations {
		r.SecretRef = ""
		if s := l.secrets.resolve(r.Target); s != nil {
			r.SecretRef = s.ID
			s.RotationConfigured = true
		}
	}
	for _, v := range sm.SecretValues {
		if v.Target.IsZero() {
			continue
		}
		v.SecretRef = ""
		if s := l.secrets.resolve(v.Target); s != nil {
			v.SecretRef = s.ID
		}
	}
}
