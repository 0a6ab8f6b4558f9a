package seclint

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/seclint/seclint/parsers/model"
)

// inputUse records the Terraform variables and CloudFormation parameters
// the scanned units declare, so that a --var or --cfn-param that none of
// them declares (a typo, or the wrong directory) is a warning instead of
// silently doing nothing. Units record concurrently, from the workers.
type inputUse struct {
	mu     sync.Mutex
	vars   map[string]bool
	params map[string]bool
}

func newInputUse() *inputUse {
	return &inputUse{vars: map[string]bool{}, params: map[string]bool{}}
}

// variableRe finds the variable blocks of a .tf file.
var variableRe = regexp.MustCompile(`(?m)^[ \t]*variable[ \t]+"([^"]+)"`)

// addModule records the variables the root module's files declare. It reads
// them only when a --var names any: the parser keeps its declarations to
// itself.
func (in *inputUse) addModule(files []string, vars []string) {
	if in == nil || len(vars) == 0 {
		return
	}
	var names []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue // the parser reports it
		}
		if strings.HasSuffix(f, ".json") {
			var doc struct {
				Variable map[string]json.RawMessage `json:"variable"`
			}
			if json.Unmarshal(src, &doc) == nil {
				for name := range doc.Variable {
					names = append(names, name)
				}
			}
			continue
		}
		for _, m := range variableRe.FindAllSubmatch(src, -1) {
			names = append(names, string(m[1]))
		}
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, n := range names {
		in.vars[n] = true
	}
}

// addTemplate records the parameters a template unit declares.
func (in *inputUse) addTemplate(u *model.Unit) {
	if in == nil || u.Model == nil {
		return
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, p := range u.Model.AWS.CloudFormation.Parameters {
		in.params[p.ID] = true
	}
}

// unused returns a warning for each input given that no scanned unit
// declares. Pseudo parameters (AWS::Region) are never declared.
func (in *inputUse) unused(vars, params []string) []model.Diagnostic {
	var out []model.Diagnostic
	warn := func(flag, kind, name string) {
		out = append(out, model.Diagnostic{
			Severity: model.DiagWarning,
			Summary:  fmt.Sprintf("%s %s: no scanned %s declares it", flag, name, kind),
			Detail:   "the value is not used; check the name and the paths scanned",
		})
	}
	for _, name := range sorted(vars) {
		if !in.vars[name] {
			warn("--var", "Terraform module", name)
		}
	}
	for _, name := range sorted(params) {
		if !strings.HasPrefix(name, "AWS::") && !in.params[name] {
			warn("--cfn-param", "CloudFormation template", name)
		}
	}
	return out
}

func sorted(names []string) []string {
	out := append([]string(nil), names...)
	sort.Strings(out)
	return out
}
