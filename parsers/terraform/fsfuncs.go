package terraform

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/seclint/seclint/parsers/model"
)

// errOutside marks a path that leaves the scan root. seclint reads only
// what it was asked to scan, so nothing is read and the result is unknown.
var errOutside = errors.New("the path is outside the scan root")

// resolvePath resolves the path argument of file() and friends as
// Terraform does (relative to the root module, which is Terraform's working
// directory) and checks that it stays within the scan root. A path that
// leaves it as written is refused without touching the file system; one
// that stays is checked again with its symbolic links resolved.
func (e *evaluator) resolvePath(p string) (string, error) {
	if p == "" {
		return "", fmt.Errorf("empty path")
	}
	if strings.HasPrefix(p, "~") {
		// A home directory is never part of the scan.
		return "", errOutside
	}
	cand := p
	if !filepath.IsAbs(p) {
		cand = filepath.Join(e.rootDir, p)
	}
	abs, err := filepath.Abs(cand)
	if err != nil {
		return "", err
	}
	if !within(e.scanRootAbs, abs) && !within(e.scanRoot, abs) {
		return "", errOutside
	}
	if !within(e.scanRoot, absReal(abs)) {
		return "", errOutside
	}
	return filepath.Clean(cand), nil
}

// within reports whether path is root or below it (both absolute, clean).
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// pathError reports a path that cannot be used: leaving the scan root is an
// error (a configuration that reads outside what was scanned, or input
// trying to make the scanner read a file of the machine); a file that
// cannot be read is a warning. The caller makes the result unknown.
func (e *evaluator) pathError(fn, p string, err error) {
	if errors.Is(err, errOutside) {
		e.diags.add(model.DiagError, "file outside the scan root",
			fmt.Sprintf("%s(%q): %v (%s), so it is not read; its result is treated as unknown", fn, p, err, e.scanRoot), e.curRange)
		return
	}
	e.diags.add(model.DiagWarning, "cannot read file",
		fmt.Sprintf("%s(%q): %v; its result is treated as unknown", fn, p, err), e.curRange)
}

// readScanFile reads a file that a function names, within the scan root.
func (e *evaluator) readScanFile(fn, p string) ([]byte, string, bool) {
	path, err := e.resolvePath(p)
	if err == nil {
		var src []byte
		if src, err = readFile(path); err == nil {
			return src, path, true
		}
	}
	e.pathError(fn, p, err)
	return nil, "", false
}

// readTextFile reads a file that must be UTF-8 text (file, templatefile).
func (e *evaluator) readTextFile(fn, p string) (string, string, bool) {
	src, path, ok := e.readScanFile(fn, p)
	if !ok {
		return "", "", false
	}
	if !utf8.Valid(src) {
		e.pathError(fn, p, fmt.Errorf("%s is not valid UTF-8", path))
		return "", "", false
	}
	return string(src), path, true
}

// fileFunctions are the functions that read files or resolve paths.
func (e *evaluator) fileFunctions() map[string]function.Function {
	return map[string]function.Function{
		"file":             e.fileFunc(),
		"fileexists":       e.fileExistsFunc(),
		"filebase64":       e.fileBytesFunc("filebase64", func(b []byte) string { return base64.StdEncoding.EncodeToString(b) }),
		"filemd5":          e.fileBytesFunc("filemd5", hashBytes(md5.New, hex.EncodeToString)),
		"filesha1":         e.fileBytesFunc("filesha1", hashBytes(sha1.New, hex.EncodeToString)),
		"filesha256":       e.fileBytesFunc("filesha256", hashBytes(sha256.New, hex.EncodeToString)),
		"filesha512":       e.fileBytesFunc("filesha512", hashBytes(sha512.New, hex.EncodeToString)),
		"filebase64sha256": e.fileBytesFunc("filebase64sha256", hashBytes(sha256.New, base64.StdEncoding.EncodeToString)),
		"filebase64sha512": e.fileBytesFunc("filebase64sha512", hashBytes(sha512.New, base64.StdEncoding.EncodeToString)),
		"fileset":          e.fileSetFunc(),
		"templatefile":     e.templateFileFunc(),
		"abspath":          e.absPathFunc(),
	}
}

func hashBytes(h func() hash.Hash, encode func([]byte) string) func([]byte) string {
	return func(b []byte) string {
		sum := h()
		sum.Write(b)
		return encode(sum.Sum(nil))
	}
}

func (e *evaluator) fileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			src, _, ok := e.readTextFile("file", args[0].AsString())
			if !ok {
				return cty.UnknownVal(cty.String), nil
			}
			return cty.StringVal(src), nil
		},
	})
}

// fileBytesFunc is a function of a file's raw bytes (filebase64, filemd5,
// ...).
func (e *evaluator) fileBytesFunc(name string, f func([]byte) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			src, _, ok := e.readScanFile(name, args[0].AsString())
			if !ok {
				return cty.UnknownVal(cty.String), nil
			}
			return cty.StringVal(f(src)), nil
		},
	})
}

func (e *evaluator) fileExistsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			path, err := e.resolvePath(args[0].AsString())
			if err != nil {
				// Outside the scan root the answer is not ours to know.
				e.pathError("fileexists", args[0].AsString(), err)
				return cty.UnknownVal(cty.Bool), nil
			}
			info, statErr := os.Stat(path)
			return cty.BoolVal(statErr == nil && info.Mode().IsRegular()), nil
		},
	})
}

// fileSetFunc is fileset(path, pattern): the regular files under path that
// match the pattern, relative to path, as Terraform lists them.
func (e *evaluator) fileSetFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "pattern", Type: cty.String},
		},
		Type: function.StaticReturnType(cty.Set(cty.String)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			dir, err := e.resolvePath(args[0].AsString())
			if err != nil {
				e.pathError("fileset", args[0].AsString(), err)
				return cty.UnknownVal(cty.Set(cty.String)), nil
			}
			matches, err := doublestar.FilepathGlob(filepath.Join(dir, args[1].AsString()))
			if err != nil {
				return cty.NilVal, fmt.Errorf("failed to glob pattern %q: %w", args[1].AsString(), err)
			}
			var vals []cty.Value
			for _, m := range matches {
				if info, err := os.Stat(m); err != nil || !info.Mode().IsRegular() {
					continue
				}
				rel, err := filepath.Rel(dir, m)
				if err != nil {
					continue
				}
				vals = append(vals, cty.StringVal(filepath.ToSlash(rel)))
			}
			if len(vals) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			return cty.SetVal(vals), nil
		},
	})
}

// absPathFunc is abspath: the path made absolute against the root module
// directory, where Terraform runs. Nothing is read.
func (e *evaluator) absPathFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			if !filepath.IsAbs(p) {
				p = filepath.Join(e.rootDir, p)
			}
			abs, err := filepath.Abs(p)
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(filepath.ToSlash(abs)), nil
		},
	})
}

// templateFileFunc is templatefile(path, vars). The template sees only vars
// and the functions, not templatefile itself (Terraform forbids recursion).
func (e *evaluator) templateFileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType, AllowMarked: true},
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
	src, path, ok := e.readTextFile("templatefile", p)
	if !ok {
		return nil, false
	}
	// Keep the source: a policy written in the template gets positions in it.
	e.src[path] = []byte(src)
	tmpl, hd := hclsyntax.ParseTemplate([]byte(src), path, hcl.InitialPos)
	if hd.HasErrors() {
		e.diags.fromHCL("invalid template", hd, path, 3)
		return nil, false
	}
	return tmpl, true
}

// templateContext is the context of a templatefile() template: vars, and
// every function but templatefile.
func (e *evaluator) templateContext(vars cty.Value) (*hcl.EvalContext, bool) {
	vars, marks := vars.Unmark()
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
			m[k.AsString()] = v.WithMarks(marks)
		}
	}
	funcs := make(map[string]function.Function, len(sharedFunctions)+len(e.funcs))
	for _, table := range []map[string]function.Function{sharedFunctions, e.funcs} {
		for name, f := range table {
			if name != "templatefile" && name != "core::templatefile" {
				funcs[name] = f
			}
		}
	}
	return &hcl.EvalContext{Variables: m, Functions: funcs}, true
}
