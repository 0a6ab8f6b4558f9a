package seclint

import (
	"fmt"
	"path/filepath"
	"sort"
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

// setRootVarFiles records the config's var files per root module, keyed
// by directory in the form discovery gives it.
func (t *tfUnits) setRootVarFiles(m map[string][]string) {
	if len(m) == 0 {
		return
	}
	t.rootVarFiles = make(map[string][]string, len(m))
	for root, files := range m {
		t.rootVarFiles[dirForm(root)] = files
	}
}

// dirForm is a directory as discovery names it: relative to the working
// directory when below it.
func dirForm(p string) string {
	p = cleanPath(p)
	if filepath.IsAbs(p) {
		if rel, ok := otherForm(p); ok {
			return rel
		}
	}
	return p
}

// varFilesFor returns the var files a root module is scanned with besides
// Options.VarFiles: the config's for it, then those named on the command
// line that apply to it.
func (t *tfUnits) varFilesFor(root string) []string {
	mapped := t.rootVarFiles[dirForm(root)]
	if len(mapped) == 0 {
		return t.applied[root]
	}
	return append(append([]string(nil), mapped...), t.applied[root]...)
}

// mappedRoots returns the roots the config maps the var file f to.
func (t *tfUnits) mappedRoots(f string) []string {
	want := dirForm(f)
	var roots []string
	for root, files := range t.rootVarFiles {
		for _, vf := range files {
			if dirForm(vf) == want {
				roots = append(roots, root)
				break
			}
		}
	}
	sort.Strings(roots)
	return roots
}

// resolveVarFiles ties each named variable file to the modules it is the
// input of: those the config's root_var_files maps it to, else the module
// in its own or parent directory. It returns a note saying which (the text
// output shows it) or a warning when there is none.
func (t *tfUnits) resolveVarFiles() []model.Diagnostic {
	var diags []model.Diagnostic
	if len(t.varFiles) > 0 {
		t.applied, t.targets = map[string][]string{}, map[string]bool{}
	}
	for _, f := range t.varFiles {
		at := model.Range{File: f, Start: model.Pos{Line: 1, Column: 1}, End: model.Pos{Line: 1, Column: 1}}
		if roots := t.mappedRoots(f); len(roots) > 0 {
			names := make([]string, len(roots))
			for i, r := range roots {
				t.targets[r] = true // varFilesFor applies the file
				names[i] = moduleName(r)
			}
			diags = append(diags, model.Diagnostic{
				Severity: model.DiagNote,
				Summary:  "variable values applied to module " + strings.Join(names, ", "),
				Detail:   "the config file's terraform.root_var_files maps this file to it",
				Range:    at,
			})
			continue
		}
		mod, ok := varFileModule(f)
		if !ok {
			diags = append(diags, model.Diagnostic{
				Severity: model.DiagWarning,
				Summary:  "variable file not applied to any module",
				Detail:   fmt.Sprintf("no .tf files in %s or its parent directory; map it to its modules in the config file's terraform.root_var_files, or scan the module with --var-file %s", filepath.Dir(f), f),
				Range:    at,
			})
			continue
		}
		t.applied[mod] = append(t.applied[mod], f)
		t.targets[mod] = true
		diags = append(diags, model.Diagnostic{
			Severity: model.DiagNote,
			Summary:  "variable values applied to module " + moduleName(mod),
			Detail:   "the module is scanned with this file as --var-file",
			Range:    at,
		})
	}
	return diags
}

// varFileTargets returns, for every module a named variable file applies
// to and that no walked directory covers, a path in it: the module is then
// scanned as a named file's would be, and whole.
func (t *tfUnits) varFileTargets(covered map[string]bool) []string {
	var out []string
	for mod := range t.targets {
		if !covered[mod] {
			out = append(out, filepath.Join(mod, varFileTarget))
		}
	}
	sort.Strings(out)
	return out
}

// varFileTarget names the stand-in path of varFileTargets.
const varFileTarget = "(variable file)"

func moduleName(dir string) string {
	if dir == "." {
		return ". (the working directory)"
	}
	return dir
}
