package terraform

import (
	"fmt"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// s3Split maps the split S3 resources (provider v4+) that set a bucket's
// own settings to the function that merges one into the bucket it
// configures. The access rules of a bucket, aws_s3_bucket_acl and
// aws_s3_bucket_public_access_block, are objects of their own that the
// linking step (parsers/link) attaches to their bucket, so that they are
// checked even when the bucket is not in the scan; aws_s3_bucket_policy is
// read with the other policies (adapt_iam.go).
var s3Split = map[string]func(a *adapter, b *model.Bucket, r *resInst, n *node.Node){
	"aws_s3_bucket_versioning":                           (*adapter).bucketVersioning,
	"aws_s3_bucket_logging":                              (*adapter).bucketLogging,
	"aws_s3_bucket_ownership_controls":                   (*adapter).bucketOwnershipControls,
	"aws_s3_bucket_server_side_encryption_configuration": (*adapter).bucketEncryption,
	"aws_s3_bucket_website_configuration":                (*adapter).bucketWebsite,
	"aws_s3_bucket_object_lock_configuration":            (*adapter).bucketObjectLock,
}

func (a *adapter) adaptS3() {
	for _, r := range a.managed("aws_s3_bucket") {
		b := a.bucket(r)
		a.buckets[b.ID] = b
		a.model.AWS.S3.Buckets = append(a.model.AWS.S3.Buckets, b)
	}
	for _, r := range a.e.resInsts {
		merge := s3Split[r.res.typ]
		if r.res.mode != managedResource || merge == nil {
			continue
		}
		n := a.node(r)
		// A split resource for a bucket outside the scan configures
		// nothing the rules can see.
		if b := a.targetBucket(field(n, "bucket")); b != nil {
			merge(a, b, r, n)
		}
	}
	for _, r := range a.managed("aws_s3_bucket_public_access_block") {
		n := a.node(r)
		pab := &model.BucketPublicAccessBlock{Meta: a.meta(r, r.id), Target: target(field(n, "bucket"))}
		pab.PublicAccessFlags = a.publicAccessBlock(r, n, r.id, "").PublicAccessFlags
		a.model.AWS.S3.PublicAccessBlocks = append(a.model.AWS.S3.PublicAccessBlocks, pab)
	}
	for _, r := range a.managed("aws_s3_bucket_acl") {
		a.model.AWS.S3.BucketACLs = append(a.model.AWS.S3.BucketACLs, a.bucketACL(r))
	}
	for _, r := range a.managed("aws_s3_account_public_access_block") {
		a.model.AWS.S3.AccountPublicAccessBlocks = append(a.model.AWS.S3.AccountPublicAccessBlocks,
			a.publicAccessBlock(r, a.node(r), r.id, ""))
	}
}

// target records what a reference argument says: the resources it is
// computed from and its value, for the linking step to resolve.
func target(n *node.Node) model.Target {
	if n == nil {
		return model.Target{}
	}
	return model.Target{Refs: n.Refs, Name: n.AsString()}
}

// targetBucket finds the bucket of the scan that a bucket argument names:
// through a reference (aws_s3_bucket.x.id, each.value.id of a for_each over
// buckets, or a local, variable or module output computed from one), else
// by a literal name equal to a bucket's known name.
func (a *adapter) targetBucket(n *node.Node) *model.Bucket {
	if n == nil {
		return nil
	}
	for _, ref := range n.Refs {
		if b := a.buckets[ref]; b != nil {
			return b
		}
	}
	name, ok := n.AsString().Get()
	if !ok {
		return nil
	}
	for _, b := range a.model.AWS.S3.Buckets {
		if bn, ok := b.Name.Get(); ok && bn == name {
			return b
		}
	}
	return nil
}

// bucket reads an aws_s3_bucket, including the inline settings of provider
// versions before 4 (acl, grant, versioning, logging, website,
// server_side_encryption_configuration, object_lock_configuration).
func (a *adapter) bucket(r *resInst) *model.Bucket {
	n := a.node(r)
	id := r.id
	b := &model.Bucket{Meta: a.meta(r, id)}
	a.locs.Set(id, "", toRange(r.res.defRange))

	if name := field(n, "bucket"); !name.IsNull() {
		a.str(&b.Name, name, id, "name")
	} else {
		// No name, or only bucket_prefix: Terraform generates one at apply.
		b.Name = model.UnknownOf[string]()
		a.locs.Set(id, "name", field(n, "bucket_prefix").RangeOr(toRange(r.res.defRange)))
	}
	a.str(&b.ACL, field(n, "acl"), id, "acl")
	for _, g := range blocks(n, "grant") {
		a.legacyGrant(b, g)
	}
	if v := first(n, "versioning"); v != nil {
		b.Versioning = &model.Versioning{}
		a.locs.Set(id, "versioning", v.Range)
		// enabled defaults to false; a new bucket with versioning not
		// enabled is simply unversioned (provider v4+ makes no API call).
		enabled := field(v, "enabled")
		b.Versioning.Status = enabledStatus(enabled.AsBool(), "Disabled")
		a.locs.Set(id, "versioning.status", enabled.RangeOr(v.Range))
		if mfa := field(v, "mfa_delete"); !mfa.IsNull() {
			b.Versioning.MFADelete = enabledStatus(mfa.AsBool(), "Disabled")
			a.locs.Set(id, "versioning.mfa_delete", mfa.Range)
		}
	}
	if l := first(n, "logging"); l != nil {
		b.Logging = a.logging(l, id)
	}
	if w := first(n, "website"); w != nil {
		b.Website = &model.Website{}
		a.locs.Set(id, "website", w.Range)
		a.str(&b.Website.IndexDocument, field(w, "index_document"), id, "website.index_document")
		a.str(&b.Website.RedirectAll, field(w, "redirect_all_requests_to"), id, "website.redirect_all_requests_to")
	}
	if s := first(n, "server_side_encryption_configuration"); s != nil {
		b.Encryption = a.encryption(first(s, "rule"), s.Range, id)
	}
	if v := field(n, "object_lock_enabled"); !v.IsNull() {
		b.ObjectLock = &model.ObjectLock{}
		a.locs.Set(id, "object_lock", v.Range)
		a.boolean(&b.ObjectLock.Enabled, v, id, "object_lock.enabled")
	}
	if c := first(n, "object_lock_configuration"); c != nil {
		if b.ObjectLock == nil {
			b.ObjectLock = &model.ObjectLock{}
			a.locs.Set(id, "object_lock", c.Range)
		}
		a.objectLock(b.ObjectLock, c, id)
	}
	return b
}

// enabledStatus turns a boolean switch into an S3 status string.
func enabledStatus(v model.Bool, off string) model.String {
	switch v.State {
	case model.Known:
		if v.V {
			return model.KnownOf("Enabled")
		}
		return model.KnownOf(off)
	case model.Unknown:
		return model.UnknownOf[string]()
	}
	return model.KnownOf(off)
}

// legacyGrant reads grant {id, type, uri, permissions}: one model grant per
// permission.
func (a *adapter) legacyGrant(b *model.Bucket, g *node.Node) {
	perms := field(g, "permissions")
	items, ok := perms.Items()
	if !ok || len(items) == 0 {
		// Unknown permissions (or a dynamic grant): one grant whose
		// permission is unknown, so no rule takes it as harmless.
		items = []*node.Node{node.NewUnknown(perms.RangeOr(g.Range))}
	}
	for _, p := range items {
		path := fmt.Sprintf("grants[%d]", len(b.Grants))
		gr := &model.Grant{}
		a.locs.Set(b.ID, path, g.Range)
		a.str(&gr.GranteeType, field(g, "type"), b.ID, path+".grantee_type")
		a.str(&gr.URI, field(g, "uri"), b.ID, path+".uri")
		a.str(&gr.ID, field(g, "id"), b.ID, path+".id")
		a.str(&gr.Permission, p, b.ID, path+".permission")
		b.Grants = append(b.Grants, gr)
	}
}

func (a *adapter) logging(l *node.Node, id string) *model.Logging {
	lg := &model.Logging{}
	a.locs.Set(id, "logging", l.Range)
	dest := field(l, "target_bucket")
	a.str(&lg.TargetBucket, dest, id, "logging.target_bucket")
	a.str(&lg.TargetPrefix, field(l, "target_prefix"), id, "logging.target_prefix")
	lg.Target = target(dest)
	return lg
}

// encryption reads rule {apply_server_side_encryption_by_default
// {sse_algorithm, kms_master_key_id}, bucket_key_enabled}.
func (a *adapter) encryption(rule *node.Node, r model.Range, id string) *model.Encryption {
	enc := &model.Encryption{}
	a.locs.Set(id, "encryption", r)
	if rule == nil {
		return enc
	}
	def := first(rule, "apply_server_side_encryption_by_default")
	a.str(&enc.Algorithm, field(def, "sse_algorithm"), id, "encryption.algorithm")
	a.str(&enc.KMSKeyID, field(def, "kms_master_key_id"), id, "encryption.kms_key_id")
	a.boolean(&enc.BucketKeyEnabled, field(rule, "bucket_key_enabled"), id, "encryption.bucket_key_enabled")
	return enc
}

// objectLock reads object_lock_enabled ("Enabled", the default) and
// rule {default_retention {mode}} of an object lock configuration.
func (a *adapter) objectLock(ol *model.ObjectLock, c *node.Node, id string) {
	switch v := field(c, "object_lock_enabled"); {
	case v.IsNull():
		ol.Enabled = model.KnownOf(true)
		a.locs.Set(id, "object_lock.enabled", c.Range)
	case v.Kind == node.String:
		ol.Enabled = model.KnownOf(v.Str == "Enabled")
		a.locs.Set(id, "object_lock.enabled", v.Range)
	default:
		ol.Enabled = model.UnknownOf[bool]()
		a.locs.Set(id, "object_lock.enabled", v.Range)
	}
	ret := first(first(c, "rule"), "default_retention")
	a.str(&ol.Mode, field(ret, "mode"), id, "object_lock.mode")
}

// bucketACL reads an aws_s3_bucket_acl: its canned ACL or the grants of
// its access_control_policy, located under the ACL resource's own ID.
func (a *adapter) bucketACL(r *resInst) *model.BucketACL {
	n := a.node(r)
	b := &model.BucketACL{Meta: a.meta(r, r.id), Target: target(field(n, "bucket"))}
	a.locs.Set(b.ID, "", toRange(r.res.defRange))
	a.str(&b.ACL, field(n, "acl"), b.ID, "acl")
	for _, acp := range blocks(n, "access_control_policy") {
		for _, g := range blocks(acp, "grant") {
			path := fmt.Sprintf("grants[%d]", len(b.Grants))
			gr := &model.Grant{}
			a.locs.Set(b.ID, path, g.Range)
			grantee := first(g, "grantee")
			if g.Kind == node.Unknown {
				grantee = g
			}
			a.str(&gr.GranteeType, field(grantee, "type"), b.ID, path+".grantee_type")
			a.str(&gr.URI, field(grantee, "uri"), b.ID, path+".uri")
			a.str(&gr.ID, field(grantee, "id"), b.ID, path+".id")
			a.str(&gr.Permission, field(g, "permission"), b.ID, path+".permission")
			b.Grants = append(b.Grants, gr)
		}
	}
	return b
}

// publicAccessBlock reads the four flags, locating them under id with the
// path prefix. An omitted flag is false (AWS-FACTS #2), located at the
// resource block, since that is where it would have to be written.
func (a *adapter) publicAccessBlock(r *resInst, n *node.Node, id, prefix string) *model.PublicAccessBlock {
	pab := &model.PublicAccessBlock{ID: r.id}
	a.locs.Set(r.id, "", toRange(r.res.defRange))
	a.track(r, r.id)
	for _, f := range [...]struct {
		attr string
		dst  *model.Bool
	}{
		{"block_public_acls", &pab.BlockPublicACLs},
		{"ignore_public_acls", &pab.IgnorePublicACLs},
		{"block_public_policy", &pab.BlockPublicPolicy},
		{"restrict_public_buckets", &pab.RestrictPublicBuckets},
	} {
		v := field(n, f.attr)
		if v.IsNull() {
			*f.dst = model.KnownOf(false)
			a.locs.Set(id, prefix+f.attr, toRange(r.res.defRange))
			continue
		}
		a.boolean(f.dst, v, id, prefix+f.attr)
	}
	return pab
}

func (a *adapter) bucketVersioning(b *model.Bucket, r *resInst, n *node.Node) {
	b.Versioning = &model.Versioning{}
	a.locs.Set(b.ID, "versioning", toRange(r.res.defRange))
	vc := first(n, "versioning_configuration")
	a.str(&b.Versioning.Status, field(vc, "status"), b.ID, "versioning.status")
	a.str(&b.Versioning.MFADelete, field(vc, "mfa_delete"), b.ID, "versioning.mfa_delete")
}

func (a *adapter) bucketLogging(b *model.Bucket, r *resInst, n *node.Node) {
	b.Logging = a.logging(n, b.ID)
	a.locs.Set(b.ID, "logging", toRange(r.res.defRange))
}

func (a *adapter) bucketOwnershipControls(b *model.Bucket, r *resInst, n *node.Node) {
	rule := first(n, "rule")
	if rule == nil {
		return
	}
	a.str(&b.ObjectOwnership, field(rule, "object_ownership"), b.ID, "object_ownership")
}

func (a *adapter) bucketEncryption(b *model.Bucket, r *resInst, n *node.Node) {
	b.Encryption = a.encryption(first(n, "rule"), toRange(r.res.defRange), b.ID)
}

func (a *adapter) bucketWebsite(b *model.Bucket, r *resInst, n *node.Node) {
	b.Website = &model.Website{}
	a.locs.Set(b.ID, "website", toRange(r.res.defRange))
	a.str(&b.Website.IndexDocument, field(first(n, "index_document"), "suffix"), b.ID, "website.index_document")
	a.str(&b.Website.RedirectAll, field(first(n, "redirect_all_requests_to"), "host_name"), b.ID, "website.redirect_all_requests_to")
}

func (a *adapter) bucketObjectLock(b *model.Bucket, r *resInst, n *node.Node) {
	b.ObjectLock = &model.ObjectLock{}
	a.locs.Set(b.ID, "object_lock", toRange(r.res.defRange))
	a.objectLock(b.ObjectLock, n, b.ID)
}
