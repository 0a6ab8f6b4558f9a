package cloudformation

import (
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// bucket maps an AWS::S3::Bucket.
func (a *adapter) bucket(r *resource) {
	props := a.props(r)
	id := a.id(r.id)
	b := &model.Bucket{Meta: a.meta(r)}
	locs := a.u.Locations
	locs.Set(id, "", r.keyRange)
	field := func(path string, n *node.Node) *node.Node {
		if n != nil {
			locs.Set(id, path, loc(n))
		}
		return n
	}

	b.Name = field("name", get(props, "BucketName")).AsString()
	b.ACL = cannedACL(field("acl", get(props, "AccessControl")).AsString())

	oc := get(props, "OwnershipControls")
	b.ObjectOwnership = field("object_ownership", get(index(get(oc, "Rules"), 0), "ObjectOwnership")).AsString()

	if cfg := get(props, "PublicAccessBlockConfiguration"); present(cfg) {
		b.PublicAccessBlock = a.publicAccessBlock(id, cfg)
	}
	if cfg := get(props, "VersioningConfiguration"); present(cfg) {
		field("versioning", cfg)
		b.Versioning = &model.Versioning{Status: field("versioning.status", get(cfg, "Status")).AsString()}
	}
	if cfg := get(props, "LoggingConfiguration"); present(cfg) {
		field("logging", cfg)
		dest := field("logging.target_bucket", get(cfg, "DestinationBucketName"))
		b.Logging = &model.Logging{
			TargetBucket: dest.AsString(),
			Target:       a.target(dest),
			TargetPrefix: field("logging.target_prefix", get(cfg, "LogFilePrefix")).AsString(),
		}
		if dest == nil && !cfg.IsUnknown() {
			// Without a destination, S3 delivers the logs to the bucket itself.
			b.Logging.TargetBucketRef = id
		}
	}
	// Website hosting is on when the configuration is there; an unknown one
	// (an !If on an unknown condition) may be absent, so it is not recorded.
	if cfg := get(props, "WebsiteConfiguration"); cfg != nil && cfg.Kind == node.Map {
		field("website", cfg)
		b.Website = &model.Website{
			IndexDocument: field("website.index_document", get(cfg, "IndexDocument")).AsString(),
			RedirectAll:   field("website.redirect_all_requests_to", get(get(cfg, "RedirectAllRequestsTo"), "HostName")).AsString(),
		}
	}
	if cfg := get(props, "BucketEncryption"); present(cfg) {
		field("encryption", cfg)
		rule := index(get(cfg, "ServerSideEncryptionConfiguration"), 0)
		def := get(rule, "ServerSideEncryptionByDefault")
		b.Encryption = &model.Encryption{
			Algorithm:        field("encryption.algorithm", get(def, "SSEAlgorithm")).AsString(),
			KMSKeyID:         field("encryption.kms_key_id", get(def, "KMSMasterKeyID")).AsString(),
			BucketKeyEnabled: field("encryption.bucket_key_enabled", get(rule, "BucketKeyEnabled")).AsBool(),
		}
	}
	enabled, cfg := get(props, "ObjectLockEnabled"), get(props, "ObjectLockConfiguration")
	if present(enabled) || present(cfg) {
		field("object_lock", cfg)
		field("object_lock", enabled)
		ol := &model.ObjectLock{
			Enabled: field("object_lock.enabled", enabled).AsBool(),
			Mode:    field("object_lock.mode", get(get(get(cfg, "Rule"), "DefaultRetention"), "Mode")).AsString(),
		}
		if !present(enabled) {
			// ObjectLockConfiguration.ObjectLockEnabled is "Enabled" or absent.
			if v := field("object_lock.enabled", get(cfg, "ObjectLockEnabled")); present(v) {
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
func (a *adapter) publicAccessBlock(id string, cfg *node.Node) *model.PublicAccessBlock {
	pab := &model.PublicAccessBlock{ID: id}
	at := loc(cfg)
	a.u.Locations.Set(id, "public_access_block", at)
	for _, f := range []struct {
		key, path string
		dst       *model.Bool
	}{
		{"BlockPublicAcls", "block_public_acls", &pab.BlockPublicACLs},
		{"IgnorePublicAcls", "ignore_public_acls", &pab.IgnorePublicACLs},
		{"BlockPublicPolicy", "block_public_policy", &pab.BlockPublicPolicy},
		{"RestrictPublicBuckets", "restrict_public_buckets", &pab.RestrictPublicBuckets},
	} {
		path := "public_access_block." + f.path
		if v := get(cfg, f.key); present(v) {
			*f.dst = v.AsBool()
			a.u.Locations.Set(id, path, loc(v))
			continue
		}
		*f.dst = model.KnownOf(false)
		a.u.Locations.Set(id, path, at)
	}
	return pab
}

// cannedACL converts CloudFormation's AccessControl spelling to the S3 API's
// canned ACL names, which the model uses. Other values are kept as written.
func cannedACL(v model.String) model.String {
	s, ok := v.Get()
	if !ok {
		return v
	}
	switch s {
	case "Private":
		s = "private"
	case "PublicRead":
		s = "public-read"
	case "PublicReadWrite":
		s = "public-read-write"
	case "AuthenticatedRead":
		s = "authenticated-read"
	case "LogDeliveryWrite":
		s = "log-delivery-write"
	case "BucketOwnerRead":
		s = "bucket-owner-read"
	case "BucketOwnerFullControl":
		s = "bucket-owner-full-control"
	case "AwsExecRead":
		s = "aws-exec-read"
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
