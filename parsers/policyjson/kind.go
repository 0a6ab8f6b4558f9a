package policyjson

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// A standalone policy file does not say what it is attached to. Its kind
// decides which rules read it: a VPC endpoint policy, a permissions
// boundary and a service control policy only limit what other policies
// grant, so Principal "*" in an endpoint policy makes nothing public and
// Allow "*" in a boundary grants nothing.
//
// The kind is decided, in this order, by:
//
//  1. the config (KindRule, matched on the path): the user knows;
//  2. the content, where it decides: a Principal (or NotPrincipal) makes
//     it a resource or endpoint policy (an endpoint policy must have one,
//     VPC user guide), none makes it an identity policy, a boundary or an
//     SCP (none of which may have one: IAM and Organizations user guides);
//  3. within that, words of the path, nearest the file first: endpoint
//     (vpce), boundary, scp (or "service control"), and resource, bucket
//     and identity, which name the usual kinds;
//  4. else a resource policy with a Principal, an identity policy without.

// KindRule sets the kind of the policy files whose path matches.
type KindRule struct {
	// Match reports whether the rule applies to a path.
	Match func(path string) bool
	// Kind is identity, resource, endpoint, boundary or scp.
	Kind string
	// Source names the rule in messages, e.g. the config file and glob.
	Source string
}

// Kinds a policy file may be given, with how messages name them.
var kindNames = map[string]string{
	model.PolicyIdentity: "an identity policy",
	model.PolicyResource: "a resource policy",
	model.PolicyEndpoint: "a VPC endpoint policy",
	model.PolicyBoundary: "a permissions boundary",
	model.PolicySCP:      "a service control policy",
}

// ValidKind reports whether kind may be set for a policy file.
func ValidKind(kind string) bool {
	_, ok := kindNames[kind]
	return ok
}

// KindName is how a message names a kind ("a VPC endpoint policy").
func KindName(kind string) string {
	if n, ok := kindNames[kind]; ok {
		return n
	}
	return kind
}

// kindOf decides the kind of the policy file at path with document doc,
// and why.
func kindOf(path string, doc *node.Node, rules []KindRule) (kind, reason string) {
	for _, r := range rules {
		if r.Match != nil && r.Match(path) {
			return r.Kind, fmt.Sprintf("the config sets it for %s", r.Source)
		}
	}
	principal := hasPrincipal(doc)
	allowed := []string{model.PolicyIdentity, model.PolicyBoundary, model.PolicySCP}
	contentReason := "it has no Principal"
	if principal {
		allowed = []string{model.PolicyResource, model.PolicyEndpoint}
		contentReason = "it has a Principal"
	}
	if k, word := pathKind(path); k != "" {
		for _, a := range allowed {
			if a == k {
				return k, fmt.Sprintf("its path has %q", word)
			}
		}
	}
	return allowed[0], contentReason
}

// pathWords maps the words of a path that name a kind.
var pathWords = map[string]string{
	"endpoint":   model.PolicyEndpoint,
	"endpoints":  model.PolicyEndpoint,
	"vpce":       model.PolicyEndpoint,
	"boundary":   model.PolicyBoundary,
	"boundaries": model.PolicyBoundary,
	"scp":        model.PolicySCP,
	"scps":       model.PolicySCP,
	// Words that name the usual kinds stop the search: a bucket policy in
	// a project directory named for an endpoint is a bucket policy.
	"resource": model.PolicyResource,
	"bucket":   model.PolicyResource,
	"identity": model.PolicyIdentity,
}

var caseChange = regexp.MustCompile(`([a-z])([A-Z])`)

// pathKind returns the kind that a word of the path names, and the word:
// the nearest to the file name wins ("scps/endpoint.json" is about an
// endpoint). Words are split at every non-letter and at case changes
// (vpc-endpoint-policies, VpcEndpointPolicy, permissions_boundary.json).
func pathKind(path string) (kind, word string) {
	segs := strings.Split(filepath.ToSlash(path), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		seg := segs[i]
		if i == len(segs)-1 {
			seg = strings.TrimSuffix(seg, filepath.Ext(seg))
		}
		words := strings.FieldsFunc(strings.ToLower(caseChange.ReplaceAllString(seg, "$1 $2")), func(r rune) bool {
			return r < 'a' || r > 'z'
		})
		for j := len(words) - 1; j >= 0; j-- {
			w := words[j]
			if k, ok := pathWords[w]; ok {
				return k, w
			}
			if w == "control" && j > 0 && words[j-1] == "service" {
				return model.PolicySCP, "service control"
			}
		}
	}
	return "", ""
}
