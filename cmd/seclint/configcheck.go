package main

import (
	"github.com/seclint/seclint/config"
	"github.com/seclint/seclint/policies"
)

// checkConfigRuleIDs makes an unknown rule ID in the config file an error
// naming the file and line. Rules that cannot be read are left for the
// scan to report.
func checkConfigRuleIDs(cfg *config.Config, policyDirs []string) error {
	if len(cfg.RuleRefs) == 0 {
		return nil
	}
	known, err := policies.RuleIDs(policyDirs)
	if err != nil {
		return nil //nolint:nilerr // the scan compiles the rules and reports this error
	}
	return cfg.CheckRuleIDs(known)
}

// names returns the keys of m.
func names(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
