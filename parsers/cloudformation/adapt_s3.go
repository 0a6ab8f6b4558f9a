package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// bucket maps an AWS::S3::Bucket.
func (a *adapter) bucket(r *resource) {
	props := a.props(r)
	b := &model.Bucket{}
	o := a.object(r, &b.Meta)
	o.Apply(props, adapt.BucketFields(b))
	b.ACL = cannedACL(b.ACL)
	o.Apply(index(get(get(props, "OwnershipControls"), "Rules"), 0), adapt.OwnershipFields(&b.ObjectOwnership))

	if cfg := get(props, "PublicAccessBlockConfiguration"); present(cfg) {
		b.PublicAccessBlock = publicAccessBlock(o, cfg)
	}
	if cfg := get(props, "VersioningConfiguration"); present(cfg) {
		o.At("versioning", cfg)
		b.Versioning = &model.Versioning{}
		o.Apply(cfg, adapt.VersioningFields(b.Versioning))
	}
	if cfg := get(props, "LoggingConfiguration"); present(cfg) {
		o.At("logging", cfg)
		b.Logging = &model.Logging{}
		o.Apply(cfg, adapt.LoggingFields(b.Logging))
		dest := get(cfg, "DestinationBucketName")
		b.Logging.Target = a.target(dest)
		if dest == nil && !cfg.IsUnknown() {
			// Without a destination, S3 delivers the logs to the bucket itself.
			b.Logging.TargetBucketRef = b.ID
		}
	}
	// Website hosting is on when the configuration is there; an unknown one
	// (an !If on an unknown condition) may be absent, so it is not recorded.
	if cfg := get(props, "WebsiteConfiguration"); cfg != nil && cfg.Kind == node.Map {
		o.At("website", cfg)
		b.Website = &model.Website{}
		o.Apply(cfg, adapt.WebsiteFields(b.Website))
		o.String(&b.Website.RedirectAll, "website.redirect_all_requests_to", get(get(cfg, "RedirectAllRequestsTo"), "HostName"))
	}
	if cfg := get(props, "BucketEncryption"); present(cfg) {
		o.At("encryption", cfg)
		b.Encryption = &model.Encryption{}
		rule := index(get(cfg, "ServerSideEncryptionConfiguration"), 0)
		o.Apply(get(rule, "ServerSideEncryptionByDefault"), adapt.EncryptionDefaultFields(b.Encryption))
		o.Apply(rule, adapt.EncryptionRuleFields(b.Encryption))
	}
	enabled, cfg := get(props, "ObjectLockEnabled"), get(props, "ObjectLockConfiguration")
	if present(enabled) || present(cfg) {
		o.At("object_lock", cfg)
		o.At("object_lock", enabled)
		ol := &model.ObjectLock{}
		o.Bool(&ol.Enabled, "object_lock.enabled", enabled)
		o.Apply(get(get(cfg, "Rule"), "DefaultRetention"), adapt.ObjectLockRetentionFields(ol))
		if !present(enabled) {
			// ObjectLockConfiguration.ObjectLockEnabled is "Enabled" or absent.
			if v := o.At("object_lock.enabled", get(cfg, "ObjectLockEnabled")); present(v) {
				s := v.AsString()
				ol.Enabled = model.Bool{State: s.State, V: s.V == "Enabled"}
			}
		}
		b.ObjectLock = ol
	}

	a.u.Model.AWS.S3.Buckets = append(a.u.Model.AWS.S3.Buckets, b)
	a.buckets[r.id] = b
	a.bucketIDs = append(a.bucketIDs, r.id)
}

// publicAccessBlock maps PublicAccessBlockConfiguration. A flag the
// configuration omits is false, as in the S3 API, and is located at the
// configuration; an unknown configuration has unknown flags.
func publicAccessBlock(o adapt.Object, cfg *node.Node) *model.PublicAccessBlock {
	pab := &model.PublicAccessBlock{ID: o.ID}
	o.At("public_access_block", cfg)
	flags := adapt.PublicAccessBlockFields("public_access_block.", pab)
	o.Apply(cfg, flags)
	for _, f := range flags {
		if f.Bool.State == model.Absent {
			*f.Bool = model.KnownOf(false)
			o.Set(f.Path, loc(cfg))
		}
	}
	return pab
}

// cannedACL converts CloudFormation's AccessControl spelling to the S3 API's
// canned ACL names, which the model uses (cannedACLSpelling's inverse).
// Other values are kept as written.
func cannedACL(v model.String) model.String {
	s, ok := v.Get()
	if !ok {
		return v
	}
	if api, ok := cannedACLNames[s]; ok {
		s = api
	}
	return model.KnownOf(s)
}

// target records what a property that names another resource says: the
// model IDs of the resources it refers to and its value, for the linking
// step to resolve.
func (a *adapter) target(v *node.Node) model.Target {
	if v == nil {
		return model.Target{}
	}
	t := model.Target{Name: v.AsString()}
	if v.IsUnknown() {
		t.Template = v.Template
	}
	for _, ref := range v.Refs {
		t.Refs = append(t.Refs, a.id(ref))
	}
	return t
}

// bucketOf returns the logical ID of the template's bucket that v names:
// through a Ref or GetAtt, or as a literal equal to its known BucketName.
func (a *adapter) bucketOf(v *node.Node) string {
	for _, id := range v.Refs {
		if a.buckets[id] != nil {
			return id
		}
	}
	if s, ok := v.Scalar(); ok && s != "" {
		if a.bucketNames == nil {
			// Built once every bucket is known: the callers run after.
			a.bucketNames = map[string]string{}
			for _, id := range a.bucketIDs {
				if name, ok := a.buckets[id].Name.Get(); ok && a.bucketNames[name] == "" {
					a.bucketNames[name] = id
				}
			}
		}
		return a.bucketNames[s]
	}
	return ""
}
