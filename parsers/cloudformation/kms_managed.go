package cloudformation

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// resolveManagedKeys gives a secret's KmsKeyId the AWS managed key alias it
// names when its value is unknown only because the alias ARN is built from
// pseudo parameters: a Fn::Sub or Fn::Join whose known text ends in
// ":alias/aws/<service>" (arn:${AWS::Partition}:kms:${AWS::Region}:
// ${AWS::AccountId}:alias/aws/secretsmanager) is that service's AWS managed
// key in whatever partition, region and account. It runs after secrets().
func (a *adapter) resolveManagedKeys() {
	byID := map[string]*model.Secret{}
	for _, s := range a.u.Model.AWS.SecretsManager.Secrets {
		byID[s.ID] = s
	}
	for _, r := range a.t.resources {
		if r.dropped || r.typ != secretType {
			continue
		}
		s := byID[a.id(r.id)]
		if s == nil || s.KMSKeyID.State != model.Unknown {
			continue
		}
		if alias := adapt.ManagedKeyAliasSuffix(knownTail(a.t.lookup(r.props, "KmsKeyId"))); alias != "" {
			s.KMSKeyID = model.KnownOf(alias)
		}
	}
}

// knownTail returns the literal text a Fn::Sub or Fn::Join certainly ends
// with (what follows the last ${...} of a Sub template; the delimiter and
// last element of a Join whose last element is a literal), or "".
func knownTail(n *yaml.Node) string {
	n = deref(n)
	if n == nil {
		return ""
	}
	fn, arg := intrinsicCall(n)
	switch fn {
	case "Fn::Sub":
		if arg.Kind == yaml.SequenceNode && len(arg.Content) > 0 {
			arg = deref(arg.Content[0])
		}
		if arg == nil || arg.Kind != yaml.ScalarNode {
			return ""
		}
		if i := strings.LastIndex(arg.Value, "}"); i >= 0 {
			return arg.Value[i+1:]
		}
	case "Fn::Join":
		if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 {
			return ""
		}
		delim, list := deref(arg.Content[0]), deref(arg.Content[1])
		if delim == nil || delim.Kind != yaml.ScalarNode || list == nil || list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
			return ""
		}
		last := deref(list.Content[len(list.Content)-1])
		if last == nil || last.Kind != yaml.ScalarNode || isFunc(last) {
			return ""
		}
		if len(list.Content) > 1 {
			return delim.Value + last.Value
		}
		return last.Value
	}
	return ""
}

// intrinsicCall returns the function name and argument of an intrinsic function
// call in short (!Sub) or long ({"Fn::Sub": ...}) form, or "".
func intrinsicCall(n *yaml.Node) (string, *yaml.Node) {
	if fn, ok := shortTagFunc(n); ok {
		arg := untagged(n)
		return fn, &arg
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		if key, ok := keyText(n.Content[0]); ok && strings.HasPrefix(key, "Fn::") {
			return key, deref(n.Content[1])
		}
	}
	return "", nil
}
