package seclint

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/seclint/seclint/parsers/model"
)

// isVarFile reports whether p is a Terraform variable file.
func isVarFile(p string) bool {
	return strings.HasSuffix(p, ".tfvars") || strings.HasSuffix(p, ".tfvars.json")
}

// addVarFile records a variable file named on the command line.
func (t *tfUnits) addVarFile(file string) { t.varFiles = append(t.varFiles, file) }

// varFileModule returns the module a named variable file is the input of:
// the module in its own directory, else in its parent (env/prod.tfvars
// beside the module's env/ directory), as Terraform users lay them out.
func varFileModule(file string) (string, bool) {
	dir := filepath.Dir(file)
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if len(moduleFiles(d)) > 0 {
			return d, true
		}
		if d == filepath.Dir(d) {
			break
		}
	}
	return "", false
}

// resolveVarFiles ties each named variable file to its module, and returns
// a note saying which (the text output shows it) or a warning when there is
// none.
func (t *tfUnits) resolveVarFiles() []model.Diagnostic {
	var diags []model.Diagnostic
	for _, f := range t.varFiles {
		at := model.Range{File: f, Start: model.Pos{Line: 1, Column: 1}, End: model.Pos{Line: 1, Column: 1}}
		mod, ok := varFileModule(f)
		if !ok {
			diags = append(diags, model.Diagnostic{
				Severity: model.DiagWarning,
				Summary:  "variable file not applied to any module",
				Detail:   fmt.Sprintf("no .tf files in %s or its parent directory; scan the module with --var-file %s", filepath.Dir(f), f),
				Range:    at,
			})
			continue
		}
		if t.applied == nil {
			t.applied = map[string][]string{}
		}
		t.applied[mod] = append(t.applied[mod], f)
		diags = append(diags, model.Diagnostic{
			Severity: model.DiagNote,
			Summary:  "variable values applied to module " + moduleName(mod),
			Detail:   "the module is scanned with this file as --var-file",
			Range:    at,
		})
	}
	return diags
}

// varFileTargets returns, for every module a variable file applies to and
// that no walked directory covers, a path in it: the module is then scanned
// as a named file's would be.
func (t *tfUnits) varFileTargets(covered map[string]bool) []string {
	var out []string
	for _, f := range t.varFiles {
		mod, ok := varFileModule(f)
		if !ok || covered[mod] {
			continue
		}
		out = append(out, filepath.Join(mod, filepath.Base(f)))
	}
	return out
}

func moduleName(dir string) string {
	if dir == "." {
		return ". (the working directory)"
	}
	return dir
}
