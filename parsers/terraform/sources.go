package terraform

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/model"
)

// isLocalSource reports whether a module source is a local path, which
// Terraform reads in place rather than installing.
func isLocalSource(s string) bool {
	return strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") ||
		strings.HasPrefix(s, `.\`) || strings.HasPrefix(s, `..\`) || s == "." || s == ".."
}

// calledModule returns the module a call reads, loading it on first use,
// or nil, with a diagnostic, when it is not available: a registry or git
// source that `terraform init` has not installed, a directory without
// configuration files, a module that calls itself.
func (e *evaluator) calledModule(mi *modInst, c *moduleCall) *module {
	dir, why := e.moduleDir(mi, c)
	if dir == "" {
		e.diags.add(model.DiagNote, "module not available",
			fmt.Sprintf("module.%s (source %q) %s; its outputs are treated as unknown and its resources are not checked", c.name, c.source, why), c.sourceRange)
		return nil
	}
	for p := mi; p != nil; p = p.parent {
		if p.mod.dir == dir {
			e.diags.add(model.DiagWarning, "module calls itself",
				fmt.Sprintf("module.%s calls %s, which is already being evaluated; its outputs are treated as unknown", c.name, dir), c.sourceRange)
			return nil
		}
	}
	if mi.depth+1 > maxDepth {
		e.diags.add(model.DiagWarning, "modules nested too deeply",
			fmt.Sprintf("module.%s is nested more than %d modules deep; its outputs are treated as unknown", c.name, maxDepth), c.sourceRange)
		return nil
	}
	if m, ok := e.modules[dir]; ok {
		return m
	}
	files, err := moduleFiles(dir)
	if err != nil || len(files) == 0 {
		e.diags.add(model.DiagNote, "module not available",
			fmt.Sprintf("module.%s (source %q): %s holds no Terraform files; its outputs are treated as unknown", c.name, c.source, dir), c.sourceRange)
		e.modules[dir] = nil
		return nil
	}
	m := e.opts.Cache.module(dir, files, e.diags)
	e.addModule(dir, m)
	return m
}

// moduleDir resolves a call's source to a directory: a local path relative
// to the calling module, or the directory `terraform init` installed a
// remote source in. It returns "" and the reason when there is none.
func (e *evaluator) moduleDir(mi *modInst, c *moduleCall) (string, string) {
	switch {
	case c.source == "":
		return "", "has no literal source"
	case isLocalSource(c.source):
		return filepath.Clean(filepath.Join(mi.mod.dir, filepath.FromSlash(c.source))), ""
	}
	key := c.name
	for p := mi; p.parent != nil; p = p.parent {
		key = p.call.name + "." + key
	}
	if dir, ok := e.installed[key]; ok {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir, ""
		}
	}
	return "", "is not installed (run terraform init, which records it in .terraform/modules/modules.json)"
}

// readInstalledModules reads .terraform/modules/modules.json of the root
// module: where `terraform init` installed each module call, by key
// ("bucket", "bucket.child"). Its directories are relative to the root.
func readInstalledModules(rootDir string, diags *diagnostics) map[string]string {
	path := filepath.Join(rootDir, ".terraform", "modules", "modules.json")
	src, err := readFile(path)
	if err != nil {
		return nil
	}
	var manifest struct {
		Modules []struct {
			Key string `json:"Key"`
			Dir string `json:"Dir"`
		} `json:"Modules"`
	}
	if err := json.Unmarshal(src, &manifest); err != nil {
		diags.add(model.DiagWarning, "invalid module manifest", err.Error(), hcl.Range{Filename: path})
		return nil
	}
	out := map[string]string{}
	for _, m := range manifest.Modules {
		if m.Key == "" || m.Dir == "" {
			continue
		}
		dir := filepath.FromSlash(m.Dir)
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(rootDir, dir)
		}
		out[m.Key] = filepath.Clean(dir)
	}
	return out
}
