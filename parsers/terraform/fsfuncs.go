package terraform

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/seclint/seclint/parsers/model"
)

// errOutside marks a path that leaves the module directory. seclint reads
// only the module it scans, so the content is unknown rather than read.
var errOutside = errors.New("path is outside the module directory")

// resolveModulePath resolves the path argument of file() and friends and
// checks that it stays within the module directory (symbolic links
// included). Terraform resolves a relative path against the working
// directory, which is the root module; path.module here is the module
// directory as the caller gave it, so a path built from it is already
// relative to the process's working directory.
func (e *evaluator) resolveModulePath(p string) (string, error) {
	if p == "" {
		return "", fmt.Errorf("empty path")
	}
	dir := e.mod.dir
	cand := p
	if !filepath.IsAbs(p) && !strings.HasPrefix(p, dir+string(filepath.Separator)) && !strings.HasPrefix(p, dir+"/") {
		cand = filepath.Join(dir, p)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(cand)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(absDir); err == nil {
		absDir = real
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(absDir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", errOutside
	}
	return filepath.Clean(cand), nil
}

// readModuleFile reads a file that a function names. Problems become a
// warning at the calling expression; the caller makes the result unknown.
func (e *evaluator) readModuleFile(fn, p string) (string, string, bool) {
	path, err := e.resolveModulePath(p)
	if err == nil {
		var src []byte
		if src, err = readFile(path); err == nil {
			if !utf8.Valid(src) {
				err = fmt.Errorf("%s is not valid UTF-8", path)
			} else {
				return string(src), path, true
			}
		}
	}
	summary := "cannot read file"
	if errors.Is(err, errOutside) {
		summary = "file outside the module"
	}
	e.diags.add(model.DiagWarning, summary,
		fmt.Sprintf("%s(%q): %v; its result is treated as unknown", fn, p, err), e.curRange)
	return "", "", false
}

func (e *evaluator) fileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			src, _, ok := e.readModuleFile("file", args[0].AsString())
			if !ok {
				return cty.UnknownVal(cty.String), nil
			}
			return cty.StringVal(src), nil
		},
	})
}

func (e *evaluator) fileExistsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			// Outside the module the answer is not ours to know: unknown.
			path, pathErr := e.resolveModulePath(args[0].AsString())
			if pathErr != nil {
				return cty.UnknownVal(cty.Bool), nil //nolint:nilerr // unknown is the result
			}
			info, statErr := os.Stat(path)
			return cty.BoolVal(statErr == nil && info.Mode().IsRegular()), nil
		},
	})
}

// templateFileFunc is templatefile(path, vars). The template sees only vars
// and the functions, not templatefile itself (Terraform forbids recursion).
func (e *evaluator) templateFileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType},
		},
		Type: function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			ctx, ok := e.templateContext(args[1])
			if !ok {
				return cty.NilVal, fmt.Errorf("invalid vars argument")
			}
			tmpl, ok := e.parseTemplateFile(args[0].AsString())
			if !ok {
				return cty.DynamicVal, nil
			}
			v, hd := tmpl.Value(ctx)
			if hd.HasErrors() {
				return cty.NilVal, hd
			}
			return v, nil
		},
	})
}

// parseTemplateFile reads and parses a template of templatefile().
func (e *evaluator) parseTemplateFile(p string) (hclsyntax.Expression, bool) {
	src, path, ok := e.readModuleFile("templatefile", p)
	if !ok {
		return nil, false
	}
	// Keep the source: a policy written in the template gets positions in it.
	e.mod.src[path] = []byte(src)
	tmpl, hd := hclsyntax.ParseTemplate([]byte(src), path, hcl.InitialPos)
	if hd.HasErrors() {
		e.diags.fromHCL("invalid template", hd, path, 3)
		return nil, false
	}
	return tmpl, true
}

// templateContext is the context of a templatefile() template: vars, and
// every function of the module but templatefile.
func (e *evaluator) templateContext(vars cty.Value) (*hcl.EvalContext, bool) {
	ty := vars.Type()
	if !vars.IsKnown() || (!ty.IsObjectType() && !ty.IsMapType()) {
		return nil, false
	}
	m := map[string]cty.Value{}
	if !vars.IsNull() {
		for it := vars.ElementIterator(); it.Next(); {
			k, v := it.Element()
			if !k.IsKnown() || !hclsyntax.ValidIdentifier(k.AsString()) {
				return nil, false
			}
			m[k.AsString()] = v
		}
	}
	funcs := make(map[string]function.Function, len(e.funcs))
	for name, f := range e.funcs {
		if name != "templatefile" && name != "core::templatefile" {
			funcs[name] = f
		}
	}
	return &hcl.EvalContext{Variables: m, Functions: funcs}, true
}
