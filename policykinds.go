package seclint

import (
	"fmt"
	"strings"

	"github.com/seclint/seclint/config"
	"github.com/seclint/seclint/parsers/policyjson"
)

// policyKindRules turns the config's policy_kinds entries into the rules
// the policy file parser applies, matched like the config's other globs
// (matchAny), and named in messages by their globs and config line.
func policyKindRules(kinds []config.PolicyKind, configPath string) []policyjson.KindRule {
	rules := make([]policyjson.KindRule, 0, len(kinds))
	for _, k := range kinds {
		globs := k.Paths
		quoted := make([]string, len(globs))
		for i, g := range globs {
			quoted[i] = fmt.Sprintf("%q", g)
		}
		source := strings.Join(quoted, ", ")
		if configPath != "" {
			source = fmt.Sprintf("%s (%s, line %d)", source, configPath, k.Line)
		}
		rules = append(rules, policyjson.KindRule{
			Match:  func(p string) bool { return matchAny(globs, p) },
			Kind:   k.Kind,
			Source: source,
		})
	}
	return rules
}
