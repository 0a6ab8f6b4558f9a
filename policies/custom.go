package policies

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/open-policy-agent/opa/v1/ast"
)

// loadPolicyDir loads a --policy directory's rules (tests excluded) into
// modules. Every file must be a rule, with package METADATA naming its
// custom.id, or say that it is a helper library (custom.library: true): a
// file that is neither would otherwise be compiled and silently never run.
//
// builtin holds the built-in modules among modules, by name.
func loadPolicyDir(dir string, modules, builtin map[string]*ast.Module) error {
	loaded := map[string]*ast.Module{}
	if err := loadFS(os.DirFS(dir), dir, true, loaded); err != nil {
		return err
	}
	for name, m := range loaded {
		if err := requireRuleMetadata(name, m); err != nil {
			return err
		}
		// A module is known by its path as the user wrote it, which can
		// be a built-in module's name ("policies/lib/values.rego" under
		// --policy policies): it must not replace that module. Its errors
		// still name the path as written. (A directory named twice loads
		// its files over themselves, as before.)
		if builtin[name] != nil {
			abs, err := filepath.Abs(name)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			name = abs
		}
		modules[name] = m
	}
	return nil
}

// requireRuleMetadata checks that a user's .rego file is a rule or a
// declared library, naming the file when it is not.
func requireRuleMetadata(name string, m *ast.Module) error {
	pkgMeta := false
	for _, a := range m.Annotations {
		if a.Scope != "package" {
			continue
		}
		pkgMeta = true
		if a.Custom["id"] != nil || a.Custom["library"] == true {
			return nil
		}
	}
	if !pkgMeta {
		return fmt.Errorf("%s: no METADATA: a rule under --policy starts with a `# METADATA` block naming its custom.id, severity and kind (see docs/custom-rules.md); a helper package says `custom: {library: true}`", name)
	}
	return fmt.Errorf("%s: its METADATA has no custom.id: a rule needs custom.id, severity and kind (see docs/custom-rules.md); a helper package says `custom: {library: true}`", name)
}
