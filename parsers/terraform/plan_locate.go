package terraform

import (
	"path/filepath"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/model"
)

// relocate points the unit's locations and call chains into the
// configuration files beside the plan: the module is evaluated with the
// plan's variable values, and every object it knows (by ID, or by ID
// without instance keys when the plan expanded what the configuration
// alone cannot) lends its locations. Objects it does not know keep their
// places in the plan file.
func (p *plan) relocate(unit *model.Unit, files []string, opts Options) {
	hopts := opts
	hopts.planVars = map[string]cty.Value{}
	for name, v := range p.vars {
		if v != nil {
			hopts.planVars[name] = jsonValue(v)
		}
	}
	// The configuration is read for its positions only: its diagnostics
	// belong to its own scan, not to the plan's.
	hopts.Cache = nil
	hu, _ := parseModule(filepath.Dir(p.path), files, hopts)
	byStripped := map[string]string{}
	for id := range hu.Locations {
		k := stripKeys(id)
		if prev, ok := byStripped[k]; !ok || id < prev {
			byStripped[k] = id
		}
	}
	for id, paths := range unit.Locations {
		hid := id
		if hu.Locations[hid] == nil {
			hid = byStripped[stripKeys(id)]
		}
		if hid == "" {
			continue
		}
		for path := range paths {
			if r, ok := hu.Locations.Lookup(hid, path); ok {
				paths[path] = r
			}
		}
		if chain := hu.CallChains[hid]; chain != nil {
			if unit.CallChains == nil {
				unit.CallChains = map[string][]model.CallSite{}
			}
			unit.CallChains[id] = chain
		}
	}
	unit.Files = append(unit.Files, hu.Files...)
	unit.Sources = hu.Sources
}

// stripKeys removes the instance keys of an address:
// module.b["x"].aws_s3_bucket.this[0] → module.b.aws_s3_bucket.this.
func stripKeys(id string) string {
	var sb strings.Builder
	depth, inString := 0, false
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case inString && c == '\\':
			i++
		case inString:
			inString = c != '"'
		case c == '"' && depth > 0:
			inString = true
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		case depth == 0:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}
