package policies

import (
	"os"

	"github.com/open-policy-agent/opa/v1/ast"
)

// RuleIDs returns the IDs of every rule, built in and in dirs, from their
// METADATA alone: checking the rule IDs a config file names needs no
// compiled rules.
func RuleIDs(dirs []string) (map[string]bool, error) {
	modules := map[string]*ast.Module{}
	if err := loadFS(builtin, ".", false, modules); err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		if err := loadFS(os.DirFS(dir), dir, true, modules); err != nil {
			return nil, err
		}
	}
	rules, err := collectRules(modules)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]bool, len(rules))
	for _, r := range rules {
		ids[r.rule.ID] = true
	}
	return ids, nil
}
