package adapt

import (
	"slices"
	"strings"
	"unicode"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// Keys of the CloudFront, WAFv2 and API Gateway blocks and lists in each
// format (Terraform's nested blocks, CloudFormation's properties).
var (
	DefaultCacheBehaviorKey  = Key{TF: "default_cache_behavior", CFN: "DefaultCacheBehavior"}
	OrderedCacheBehaviorsKey = Key{TF: "ordered_cache_behavior", CFN: "CacheBehaviors"}
	ViewerCertificateKey     = Key{TF: "viewer_certificate", CFN: "ViewerCertificate"}
	DistributionLoggingKey   = Key{TF: "logging_config", CFN: "Logging"}
	OriginsKey               = Key{TF: "origin", CFN: "Origins"}
	WAFRulesKey              = Key{TF: "rule", CFN: "Rules"}
	WAFLogDestinationsKey    = Key{TF: "log_destination_configs", CFN: "LogDestinationConfigs"}
)

// DistributionFields maps the plain settings of a distribution (the
// resource's arguments in Terraform, DistributionConfig in CloudFormation).
func DistributionFields(d *model.Distribution) []Field {
	return []Field{
		{Path: "enabled", TF: "enabled", CFN: "Enabled", Bool: &d.Enabled},
		{Path: "web_acl_id", TF: "web_acl_id", CFN: "WebACLId", String: &d.WebACLID},
	}
}

// CacheBehaviorFields maps a default or ordered cache behaviour at path.
func CacheBehaviorFields(path string, c *model.CacheBehavior) []Field {
	return []Field{
		{Path: path + ".path_pattern", TF: "path_pattern", CFN: "PathPattern", String: &c.PathPattern},
		{Path: path + ".viewer_protocol_policy", TF: "viewer_protocol_policy", CFN: "ViewerProtocolPolicy", String: &c.ViewerProtocolPolicy},
	}
}

// ViewerCertificateFields maps a distribution's viewer certificate.
func ViewerCertificateFields(v *model.ViewerCertificate) []Field {
	return []Field{
		{Path: "viewer_certificate.cloudfront_default_certificate", TF: "cloudfront_default_certificate", CFN: "CloudFrontDefaultCertificate", Bool: &v.CloudFrontDefaultCertificate},
		{Path: "viewer_certificate.acm_certificate_arn", TF: "acm_certificate_arn", CFN: "AcmCertificateArn", String: &v.ACMCertificateARN},
		{Path: "viewer_certificate.iam_certificate_id", TF: "iam_certificate_id", CFN: "IamCertificateId", String: &v.IAMCertificateID},
		{Path: "viewer_certificate.minimum_protocol_version", TF: "minimum_protocol_version", CFN: "MinimumProtocolVersion", String: &v.MinimumProtocolVersion},
		{Path: "viewer_certificate.ssl_support_method", TF: "ssl_support_method", CFN: "SslSupportMethod", String: &v.SSLSupportMethod},
	}
}

// DistributionLoggingFields maps the legacy standard logging block.
func DistributionLoggingFields(l *model.DistributionLogging) []Field {
	return []Field{
		{Path: "logging.bucket", TF: "bucket", CFN: "Bucket", String: &l.Bucket},
		{Path: "logging.prefix", TF: "prefix", CFN: "Prefix", String: &l.Prefix},
	}
}

// OriginFields maps an origin at path.
func OriginFields(path string, or *model.Origin) []Field {
	return []Field{
		{Path: path + ".id", TF: "origin_id", CFN: "Id", String: &or.ID},
		{Path: path + ".domain_name", TF: "domain_name", CFN: "DomainName", String: &or.DomainName},
	}
}

// LogDeliverySourceFields maps a CloudWatch Logs delivery source.
func LogDeliverySourceFields(s *model.LogDeliverySource) []Field {
	return []Field{
		{Path: "log_type", TF: "log_type", CFN: "LogType", String: &s.LogType},
		{Path: "resource_arn", TF: "resource_arn", CFN: "ResourceArn", String: &s.ResourceARN},
	}
}

// WebACLFields maps the plain settings of a web ACL.
func WebACLFields(w *model.WebACL) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &w.Name},
		{Path: "scope", TF: "scope", CFN: "Scope", String: &w.Scope},
	}
}

// WAFRuleFields maps the name of a web ACL rule at path.
func WAFRuleFields(path string, r *model.WAFRule) []Field {
	return []Field{
		{Path: path + ".name", TF: "name", CFN: "Name", String: &r.Name},
	}
}

// ManagedRuleGroupFields maps a managed rule group statement.
func ManagedRuleGroupFields(path string, g *model.ManagedRuleGroup) []Field {
	return []Field{
		{Path: path + ".managed_rule_group.vendor_name", TF: "vendor_name", CFN: "VendorName", String: &g.VendorName},
		{Path: path + ".managed_rule_group.name", TF: "name", CFN: "Name", String: &g.Name},
	}
}

// WebACLAssociationFields maps a web ACL association.
func WebACLAssociationFields(a *model.WebACLAssociation) []Field {
	return []Field{
		{Path: "resource_arn", TF: "resource_arn", CFN: "ResourceArn", String: &a.ResourceARN},
		{Path: "web_acl_arn", TF: "web_acl_arn", CFN: "WebACLArn", String: &a.WebACLARN},
	}
}

// WAFLoggingConfigurationFields maps a web ACL logging configuration.
func WAFLoggingConfigurationFields(c *model.WAFLoggingConfiguration) []Field {
	return []Field{
		{Path: "resource_arn", TF: "resource_arn", CFN: "ResourceArn", String: &c.ResourceARN},
	}
}

// RestAPIFields maps a REST API.
func RestAPIFields(r *model.RestAPI) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &r.Name},
	}
}

// APIStageFields maps a REST API stage.
func APIStageFields(s *model.APIStage) []Field {
	return []Field{
		{Path: "name", TF: "stage_name", CFN: "StageName", String: &s.Name},
	}
}

// Block returns the first block of a nested block list (Terraform, where
// a block is a list of one; the node itself when written as an object or
// unknown), or the map itself (CloudFormation); nil when not written.
func Block(n *node.Node) *node.Node {
	if n.IsNull() {
		return nil
	}
	if n.Kind == node.List {
		if len(n.List) == 0 {
			return nil
		}
		return n.List[0]
	}
	return n
}

// Distribution maps what the tables and lists say of a distribution, read
// from n (the resource's arguments, or DistributionConfig). target records
// a reference value as the format writes it.
func Distribution(o Object, d *model.Distribution, n *node.Node, target func(*node.Node) model.Target) {
	o.Apply(n, DistributionFields(d))
	d.WebACL = target(Get(n, Key{TF: "web_acl_id", CFN: "WebACLId"}.Of(o.Format)))
	if b := Block(o.At("default_cache_behavior", Get(n, DefaultCacheBehaviorKey.Of(o.Format)))); b != nil {
		d.DefaultCacheBehavior = &model.CacheBehavior{}
		o.Apply(b, CacheBehaviorFields("default_cache_behavior", d.DefaultCacheBehavior))
	}
	d.OrderedCacheBehaviors = Each(o, "ordered_cache_behaviors", Get(n, OrderedCacheBehaviorsKey.Of(o.Format)), func(el *node.Node, at string) *model.CacheBehavior {
		c := &model.CacheBehavior{}
		o.Apply(el, CacheBehaviorFields(at, c))
		return c
	})
	if v := Block(o.At("viewer_certificate", Get(n, ViewerCertificateKey.Of(o.Format)))); v != nil {
		d.ViewerCertificate = &model.ViewerCertificate{}
		o.Apply(v, ViewerCertificateFields(d.ViewerCertificate))
		d.ViewerCertificate.Certificate.Target = target(Get(v, Key{TF: "acm_certificate_arn", CFN: "AcmCertificateArn"}.Of(o.Format)))
	}
	if l := Block(o.At("logging", Get(n, DistributionLoggingKey.Of(o.Format)))); l != nil {
		d.Logging = &model.DistributionLogging{}
		o.Apply(l, DistributionLoggingFields(d.Logging))
	}
	d.Origins = Each(o, "origins", Get(n, OriginsKey.Of(o.Format)), func(el *node.Node, at string) *model.Origin {
		or := &model.Origin{}
		o.Apply(el, OriginFields(at, or))
		or.Target = target(Get(el, Key{TF: "domain_name", CFN: "DomainName"}.Of(o.Format)))
		return or
	})
}

// WebACL maps a web ACL's settings and rules, read from n. A Terraform
// rule_json (the rules as a JSON string, provider 5.x) makes the rules
// unknown: seclint does not decode it.
func WebACL(o Object, w *model.WebACL, n *node.Node) {
	o.Apply(n, WebACLFields(w))
	w.Rules = Each(o, "rules", Get(n, WAFRulesKey.Of(o.Format)), func(el *node.Node, at string) *model.WAFRule {
		r := &model.WAFRule{}
		o.Apply(el, WAFRuleFields(at, r))
		r.Action = choice(o.At(at+".action", Block(Get(el, Key{TF: "action", CFN: "Action"}.Of(o.Format)))))
		r.OverrideAction = choice(o.At(at+".override_action", Block(Get(el, Key{TF: "override_action", CFN: "OverrideAction"}.Of(o.Format)))))
		st := Block(o.At(at+".statements", Get(el, Key{TF: "statement", CFN: "Statement"}.Of(o.Format))))
		kinds, known := statementKinds(st, nil)
		if known {
			list := make([]model.String, 0, len(kinds))
			for _, k := range kinds {
				list = append(list, model.KnownOf(k))
			}
			r.Statements = model.KnownOf(list)
		} else {
			r.Statements = model.UnknownOf[[]model.String]()
		}
		if g := Block(Get(st, Key{TF: "managed_rule_group_statement", CFN: "ManagedRuleGroupStatement"}.Of(o.Format))); g != nil {
			r.ManagedRuleGroup = &model.ManagedRuleGroup{}
			o.At(at+".managed_rule_group", g)
			o.Apply(g, ManagedRuleGroupFields(at, r.ManagedRuleGroup))
		}
		return r
	})
	if o.Format == Terraform && !Get(n, "rule_json").IsNull() {
		w.Rules = model.UnknownOf[[]*model.WAFRule]()
	}
}

// choice returns the name of the one entry written in a choice block
// (action { block {} }, OverrideAction: {Count: {}}), lower-cased: absent
// when the block is not written, unknown when it or the entry is not
// known.
func choice(n *node.Node) model.String {
	switch {
	case n.IsNull():
		return model.String{}
	case n.Kind != node.Map:
		return model.UnknownOf[string]()
	}
	for _, k := range n.Keys {
		v := n.Map[k]
		if v.IsNull() || (v.Kind == node.List && len(v.List) == 0) {
			continue
		}
		return model.KnownOf(strings.ToLower(k))
	}
	return model.UnknownOf[string]()
}

// statementKinds appends to kinds the kind of every statement in the tree
// of the statement n (managed_rule_group, rate_based, sqli_match, and,
// not, ...), descending into and/or/not statements and scope-down
// statements; known is false when part of the tree is unknown.
func statementKinds(n *node.Node, kinds []string) ([]string, bool) {
	if n.IsNull() {
		return kinds, true
	}
	if n.Kind != node.Map {
		return kinds, false
	}
	for _, k := range n.Keys {
		v := Block(n.Map[k])
		if v == nil {
			continue
		}
		kind := statementKind(k)
		if kind == "" {
			continue
		}
		if !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
		if v.Kind != node.Map {
			return kinds, false
		}
		for _, ck := range v.Keys {
			switch ck {
			case "statement", "Statement", "Statements", "scope_down_statement", "ScopeDownStatement":
			default:
				continue
			}
			items, ok := v.Map[ck].Items()
			if !ok {
				return kinds, false
			}
			for _, it := range items {
				var known bool
				if kinds, known = statementKinds(it, kinds); !known {
					return kinds, false
				}
			}
		}
	}
	return kinds, true
}

// statementKind turns a statement key (sqli_match_statement,
// SqliMatchStatement, IPSetReferenceStatement) into its kind (sqli_match,
// ip_set_reference), or "" when the key names no statement.
func statementKind(key string) string {
	if k, ok := strings.CutSuffix(key, "_statement"); ok {
		return k
	}
	k, ok := strings.CutSuffix(key, "Statement")
	if !ok || k == "" {
		return ""
	}
	var b strings.Builder
	rs := []rune(k)
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// WAFLoggingConfiguration maps a logging configuration's destinations,
// read from n; target records each destination ARN as written.
func WAFLoggingConfiguration(o Object, c *model.WAFLoggingConfiguration, n *node.Node, target func(*node.Node) model.Target) {
	o.Apply(n, WAFLoggingConfigurationFields(c))
	c.WebACL = target(Get(n, Key{TF: "resource_arn", CFN: "ResourceArn"}.Of(o.Format)))
	// Each would make the list unknown for an unknown element; an ARN
	// known only after apply (aws_s3_bucket.logs.arn) is one destination
	// whose name the linking step may still find.
	l := o.At("destinations", Get(n, WAFLogDestinationsKey.Of(o.Format)))
	if l.IsNull() {
		return
	}
	items, ok := l.Items()
	if !ok {
		c.Destinations = model.UnknownOf[[]*model.WAFLogDestination]()
		return
	}
	ds := make([]*model.WAFLogDestination, 0, len(items))
	for _, el := range items {
		if el.IsNull() {
			continue
		}
		o.Set(model.ElementPath("destinations", len(ds)), el.Range)
		ds = append(ds, &model.WAFLogDestination{ARN: String(el), Target: target(el)})
	}
	c.Destinations = model.KnownOf(ds)
}

// RestAPIEndpointTypes reads a REST API's endpoint types from its
// endpoint configuration block.
func RestAPIEndpointTypes(o Object, r *model.RestAPI, n *node.Node) {
	ec := Block(Get(n, Key{TF: "endpoint_configuration", CFN: "EndpointConfiguration"}.Of(o.Format)))
	if ec == nil {
		return
	}
	if ec.IsUnknown() {
		r.EndpointTypes = model.UnknownOf[[]model.String]()
		o.At("endpoint_types", ec)
		return
	}
	o.StringList(&r.EndpointTypes, "endpoint_types", Get(ec, Key{TF: "types", CFN: "Types"}.Of(o.Format)))
}
