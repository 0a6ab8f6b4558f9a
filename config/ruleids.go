package config

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// RuleRef is a rule ID written in the config file, with where.
type RuleRef struct {
	ID    string
	Field string // rules.enable, rules.disable, rules.severity, ignore.rules
	Line  int
}

// ruleRefs lists the rule IDs the config names, in file order.
func ruleRefs(doc *yaml.Node) []RuleRef {
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	var out []RuleRef
	list := func(field string, n *yaml.Node) {
		if n.Kind != yaml.SequenceNode {
			return
		}
		for _, it := range n.Content {
			if it.Kind == yaml.ScalarNode {
				out = append(out, RuleRef{ID: it.Value, Field: field, Line: it.Line})
			}
		}
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch {
		case k.Value == "rules" && v.Kind == yaml.MappingNode:
			for j := 0; j+1 < len(v.Content); j += 2 {
				rk, rv := v.Content[j], v.Content[j+1]
				switch rk.Value {
				case "enable", "disable":
					list("rules."+rk.Value, rv)
				case "severity":
					if rv.Kind == yaml.MappingNode {
						for m := 0; m+1 < len(rv.Content); m += 2 {
							out = append(out, RuleRef{ID: rv.Content[m].Value, Field: "rules.severity", Line: rv.Content[m].Line})
						}
					}
				}
			}
		case k.Value == "ignore" && v.Kind == yaml.SequenceNode:
			for _, item := range v.Content {
				if item.Kind != yaml.MappingNode {
					continue
				}
				for j := 0; j+1 < len(item.Content); j += 2 {
					if item.Content[j].Value == "rules" {
						list("ignore.rules", item.Content[j+1])
					}
				}
			}
		}
	}
	return out
}

// CheckRuleIDs reports the first rule ID of the config that known does not
// hold, naming the file and line: a misspelt ID would otherwise silently
// enable, disable or ignore nothing.
func (c *Config) CheckRuleIDs(known map[string]bool) error {
	for _, r := range c.RuleRefs {
		if r.Field == "ignore.rules" && r.ID == "*" {
			continue
		}
		if !known[r.ID] {
			return fmt.Errorf("%s:%d: %s: unknown rule ID %q (see `seclint rules`)", c.Path, r.Line, r.Field, r.ID)
		}
	}
	return nil
}
