package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// s3Settings maps the split S3 resources (provider v4+) that set a
// bucket's own configuration to the function that reads one into a
// model.BucketSettings. Each stays an object of its own with a target of
// its bucket, and the linking step (parsers/link) merges it into the
// bucket when the bucket is in the unit; so do the access rules of a
// bucket, aws_s3_bucket_acl and aws_s3_bucket_public_access_block, which
// are checked on their own too. aws_s3_bucket_policy is read with the
// other policies (adapt_iam.go).
var s3Settings = map[string]func(s *model.BucketSettings, o adapt.Object, n *node.Node, at model.Range){
	"aws_s3_bucket_versioning":                           bucketVersioning,
	"aws_s3_bucket_logging":                              bucketLogging,
	"aws_s3_bucket_ownership_controls":                   bucketOwnershipControls,
	"aws_s3_bucket_server_side_encryption_configuration": bucketEncryption,
	"aws_s3_bucket_website_configuration":                bucketWebsite,
	"aws_s3_bucket_object_lock_configuration":            bucketObjectLock,
}

func (a *adapter) adaptS3() {
	s3 := &a.model.AWS.S3
	for _, r := range a.managed("aws_s3_bucket") {
		s3.Buckets = append(s3.Buckets, a.bucket(r))
	}
	// In the order of the resource instances, which is the order in which
	// the linking step merges two settings resources of one bucket.
	for _, r := range a.e.resInsts {
		read := s3Settings[r.res.typ]
		if r.res.mode != managedResource || read == nil {
			continue
		}
		n := a.node(r)
		s := &model.BucketSettings{Target: target(field(n, "bucket"))}
		o := a.object(r, r.id, &s.Meta)
		read(s, o, n, toRange(r.res.defRange))
		s3.BucketSettings = append(s3.BucketSettings, s)
	}
	for _, r := range a.managed("aws_s3_bucket_public_access_block") {
		n := a.node(r)
		pab := &model.BucketPublicAccessBlock{Target: target(field(n, "bucket"))}
		o := a.object(r, r.id, &pab.Meta)
		pab.PublicAccessFlags = publicAccessFlags(o, n, toRange(r.res.defRange))
		s3.PublicAccessBlocks = append(s3.PublicAccessBlocks, pab)
	}
	for _, r := range a.managed("aws_s3_bucket_acl") {
		s3.BucketACLs = append(s3.BucketACLs, a.bucketACL(r))
	}
	for _, r := range a.managed("aws_s3_account_public_access_block") {
		var meta model.Meta // the account's block is known by its ID alone
		o := a.object(r, r.id, &meta)
		s3.AccountPublicAccessBlocks = append(s3.AccountPublicAccessBlocks,
			&model.PublicAccessBlock{ID: r.id, PublicAccessFlags: publicAccessFlags(o, a.node(r), toRange(r.res.defRange))})
	}
}

// target records what a reference argument says: the resources it is
// computed from and its value, for the linking step to resolve.
func target(n *node.Node) model.Target {
	if n == nil {
		return model.Target{}
	}
	t := model.Target{Refs: n.Refs, Name: n.AsString()}
	if n.IsUnknown() {
		t.Template = n.Template
	}
	return t
}

// bucket reads an aws_s3_bucket, including the inline settings of provider
// versions before 4 (acl, grant, versioning, logging, website,
// server_side_encryption_configuration, object_lock_configuration).
func (a *adapter) bucket(r *resInst) *model.Bucket {
	n := a.node(r)
	at := toRange(r.res.defRange)
	b := &model.Bucket{}
	o := a.object(r, r.id, &b.Meta)
	o.Apply(n, adapt.BucketFields(b))
	if b.Name.State == model.Absent {
		// No name, or only bucket_prefix: Terraform generates one at apply.
		b.Name = model.UnknownOf[string]()
		o.Set("name", field(n, "bucket_prefix").RangeOr(at))
	}
	for _, g := range blocks(n, "grant") {
		legacyGrant(o, &b.Grants, g)
	}
	if v := first(n, "versioning"); v != nil {
		b.Versioning = &model.Versioning{}
		o.Set("versioning", v.Range)
		// enabled defaults to false; a new bucket with versioning not
		// enabled is simply unversioned (provider v4+ makes no API call).
		enabled := field(v, "enabled")
		b.Versioning.Status = enabledStatus(enabled.AsBool(), "Disabled")
		o.Set("versioning.status", enabled.RangeOr(v.Range))
		if mfa := field(v, "mfa_delete"); !mfa.IsNull() {
			b.Versioning.MFADelete = enabledStatus(mfa.AsBool(), "Disabled")
			o.Set("versioning.mfa_delete", mfa.Range)
		}
	}
	if l := first(n, "logging"); l != nil {
		b.Logging = logging(o, l, l.Range)
	}
	if w := first(n, "website"); w != nil {
		b.Website = &model.Website{}
		o.Set("website", w.Range)
		o.Apply(w, adapt.WebsiteFields(b.Website))
	}
	if s := first(n, "server_side_encryption_configuration"); s != nil {
		b.Encryption = encryption(o, first(s, "rule"), s.Range)
	}
	if v := field(n, "object_lock_enabled"); !v.IsNull() {
		b.ObjectLock = &model.ObjectLock{}
		o.Set("object_lock", v.Range)
		o.Bool(&b.ObjectLock.Enabled, "object_lock.enabled", v)
	}
	if c := first(n, "object_lock_configuration"); c != nil {
		if b.ObjectLock == nil {
			b.ObjectLock = &model.ObjectLock{}
			o.Set("object_lock", c.Range)
		}
		objectLock(o, b.ObjectLock, c)
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

// granteeFields maps a grantee under the grant's path: the grant block of
// a bucket (provider versions before 4) or the grantee block of an ACL
// resource's grant. CloudFormation has no grants.
func granteeFields(path string, g *model.Grant) []adapt.Field {
	return []adapt.Field{
		{Path: path + ".grantee_type", TF: "type", String: &g.GranteeType},
		{Path: path + ".uri", TF: "uri", String: &g.URI},
		{Path: path + ".id", TF: "id", String: &g.ID},
	}
}

// legacyGrant reads grant {id, type, uri, permissions} (of a bucket, or of
// an aws_s3_object_copy) into grants: one model grant per permission.
func legacyGrant(o adapt.Object, grants *[]*model.Grant, g *node.Node) {
	perms := field(g, "permissions")
	items, ok := perms.Items()
	if !ok || len(items) == 0 {
		// Unknown permissions (or a dynamic grant): one grant whose
		// permission is unknown, so no rule takes it as harmless.
		items = []*node.Node{node.NewUnknown(perms.RangeOr(g.Range))}
	}
	for _, p := range items {
		path := model.ElementPath("grants", len(*grants))
		gr := &model.Grant{}
		o.Set(path, g.Range)
		o.Apply(g, granteeFields(path, gr))
		o.String(&gr.Permission, path+".permission", p)
		*grants = append(*grants, gr)
	}
}

// logging reads a logging configuration located at at.
func logging(o adapt.Object, n *node.Node, at model.Range) *model.Logging {
	lg := &model.Logging{}
	o.Set("logging", at)
	o.Apply(n, adapt.LoggingFields(lg))
	lg.Target = target(field(n, "target_bucket"))
	return lg
}

// encryption reads rule {apply_server_side_encryption_by_default
// {sse_algorithm, kms_master_key_id}, bucket_key_enabled}.
func encryption(o adapt.Object, rule *node.Node, at model.Range) *model.Encryption {
	enc := &model.Encryption{}
	o.Set("encryption", at)
	if rule == nil {
		return enc
	}
	o.Apply(first(rule, "apply_server_side_encryption_by_default"), adapt.EncryptionDefaultFields(enc))
	o.Apply(rule, adapt.EncryptionRuleFields(enc))
	return enc
}

// objectLock reads object_lock_enabled ("Enabled", the default) and
// rule {default_retention {mode}} of an object lock configuration.
func objectLock(o adapt.Object, ol *model.ObjectLock, c *node.Node) {
	switch v := field(c, "object_lock_enabled"); {
	case v.IsNull():
		ol.Enabled = model.KnownOf(true)
		o.Set("object_lock.enabled", c.Range)
	case v.Kind == node.String:
		ol.Enabled = model.KnownOf(v.Str == "Enabled")
		o.Set("object_lock.enabled", v.Range)
	default:
		ol.Enabled = model.UnknownOf[bool]()
		o.Set("object_lock.enabled", v.Range)
	}
	o.Apply(first(first(c, "rule"), "default_retention"), adapt.ObjectLockRetentionFields(ol))
}

// bucketACL reads an aws_s3_bucket_acl: its canned ACL or the grants of
// its access_control_policy, located under the ACL resource's own ID.
func (a *adapter) bucketACL(r *resInst) *model.BucketACL {
	n := a.node(r)
	b := &model.BucketACL{Target: target(field(n, "bucket"))}
	o := a.object(r, r.id, &b.Meta)
	o.String(&b.ACL, "acl", field(n, "acl"))
	for _, acp := range blocks(n, "access_control_policy") {
		for _, g := range blocks(acp, "grant") {
			path := model.ElementPath("grants", len(b.Grants))
			gr := &model.Grant{}
			o.Set(path, g.Range)
			grantee := first(g, "grantee")
			if g.Kind == node.Unknown {
				grantee = g
			}
			o.Apply(grantee, granteeFields(path, gr))
			o.String(&gr.Permission, path+".permission", field(g, "permission"))
			b.Grants = append(b.Grants, gr)
		}
	}
	return b
}

// publicAccessFlags reads the four flags of a public access block
// resource. An omitted flag is false (the provider's default), located at the
// resource block, since that is where it would have to be written.
func publicAccessFlags(o adapt.Object, n *node.Node, at model.Range) model.PublicAccessFlags {
	var pab model.PublicAccessBlock
	flags := adapt.PublicAccessBlockFields("", &pab)
	o.Apply(n, flags)
	for _, f := range flags {
		if f.Bool.State == model.Absent {
			*f.Bool = model.KnownOf(false)
			o.Set(f.Path, at)
		}
	}
	return pab.PublicAccessFlags
}

func bucketVersioning(s *model.BucketSettings, o adapt.Object, n *node.Node, at model.Range) {
	s.Versioning = &model.Versioning{}
	o.Set("versioning", at)
	o.Apply(first(n, "versioning_configuration"), adapt.VersioningFields(s.Versioning))
}

func bucketLogging(s *model.BucketSettings, o adapt.Object, n *node.Node, at model.Range) {
	s.Logging = logging(o, n, at)
}

func bucketOwnershipControls(s *model.BucketSettings, o adapt.Object, n *node.Node, _ model.Range) {
	o.Apply(first(n, "rule"), adapt.OwnershipFields(&s.ObjectOwnership))
}

func bucketEncryption(s *model.BucketSettings, o adapt.Object, n *node.Node, at model.Range) {
	s.Encryption = encryption(o, first(n, "rule"), at)
}

func bucketWebsite(s *model.BucketSettings, o adapt.Object, n *node.Node, at model.Range) {
	s.Website = &model.Website{}
	o.Set("website", at)
	o.String(&s.Website.IndexDocument, "website.index_document", field(first(n, "index_document"), "suffix"))
	o.String(&s.Website.RedirectAll, "website.redirect_all_requests_to", field(first(n, "redirect_all_requests_to"), "host_name"))
}

func bucketObjectLock(s *model.BucketSettings, o adapt.Object, n *node.Node, at model.Range) {
	s.ObjectLock = &model.ObjectLock{}
	o.Set("object_lock", at)
	objectLock(o, s.ObjectLock, n)
}
