package cloudformation

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// Limits on nested stacks: how deep they nest, how many one scan unit
// reads, and how large each template may be (CloudFormation's own limit
// is 1 MB).
const (
	maxStackDepth    = 8
	maxNestedStacks  = 100
	maxNestedFileLen = 10 << 20
)

// nestedStack scans the template of an AWS::CloudFormation::Stack as part of
// this unit when its TemplateURL is a local file (as `aws cloudformation
// package` and `sam deploy` accept, or as the cdk.out asset path in the
// resource's Metadata gives it): its resources enter the model with IDs
// prefixed by the stack's ("Stack.Bucket"), its parameters take the values
// the stack passes, and its files join the unit's. A template in S3 is not
// read: what it declares is unknown, and a note says so.
func (a *adapter) nestedStack(r *resource) {
	props := a.props(r)
	url := get(props, "TemplateURL")
	rel, ok := url.Scalar()
	if !ok || isRemote(rel) {
		// CDK writes an S3 URL and records the local file in Metadata.
		if p, isAsset := a.cdkAssetPath(r); isAsset {
			rel, ok = p, true
		}
	}
	at := loc(url)
	if at.IsZero() {
		at = r.keyRange
	}
	switch {
	case !ok && url.IsNull():
		a.t.reportAt(model.DiagNote, at, "nested stack not scanned", "%s has no TemplateURL; the resources of its template are not scanned", r.id)
		return
	case !ok && mentionsURL(a.t.lookup(r.props, "TemplateURL"), 0):
		a.t.reportAt(model.DiagNote, at, "nested stack not scanned", "the template of %s is at a URL computed at deploy time, not in the scanned files; its resources are not scanned (give a local path to scan it)", r.id)
		return
	case !ok:
		a.t.reportAt(model.DiagNote, at, "nested stack not scanned", "the TemplateURL of %s is not known; the resources of its template are not scanned", r.id)
		return
	case isRemote(rel):
		a.t.reportAt(model.DiagNote, at, "nested stack not scanned", "the template of %s is at %s, not in the scanned files; its resources are not scanned (give a local path to scan it)", r.id, rel)
		return
	}
	path := filepath.Join(filepath.Dir(a.t.path), filepath.FromSlash(strings.TrimPrefix(rel, "file://")))
	if filepath.IsAbs(rel) {
		path = filepath.Clean(rel)
	}
	src, err := a.t.readNested(path)
	if err != nil {
		a.t.reportAt(model.DiagWarning, at, "nested stack not scanned", "the template of %s: %v", r.id, err)
		return
	}
	opts := a.t.opts
	opts.Params, opts.unknownParams = map[string]string{}, map[string]bool{}
	for _, p := range []string{"AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::URLSuffix"} {
		if v, ok := a.t.opts.Params[p]; ok {
			opts.Params[p] = v
		}
	}
	params := get(props, "Parameters")
	opts.allUnknown = params.IsUnknown()
	if params != nil && params.Kind == node.Map {
		for _, k := range params.Keys {
			if v, ok := paramText(params.Map[k]); ok {
				opts.Params[k] = v
			} else {
				opts.unknownParams[k] = true
			}
		}
	}
	child := model.NewUnit(model.UnitCloudFormation, path)
	child.Files = []string{path}
	parseTemplate(child, path, src, opts, a.prefix+r.id+".", append(a.t.stacks[:len(a.t.stacks):len(a.t.stacks)], path), a.t.root, a.t.nested)
	mergeUnit(a.u, child)
}

// readNested reads a nested stack's template, within the limits.
func (t *template) readNested(path string) ([]byte, error) {
	abs := absPath(path)
	switch {
	case len(t.stacks) >= maxStackDepth:
		return nil, fmt.Errorf("nested stacks nest more than %d levels", maxStackDepth)
	case *t.nested >= maxNestedStacks:
		return nil, fmt.Errorf("the template nests more than %d stacks", maxNestedStacks)
	case !within(t.root, abs):
		return nil, fmt.Errorf("%s is outside the scanned directory %s", path, t.root)
	}
	// The stacks' paths are made absolute only here: most templates nest
	// none, and filepath.Abs asks the system for the working directory.
	for _, s := range t.stacks {
		if absPath(s) == abs {
			return nil, fmt.Errorf("%s includes itself", path)
		}
	}
	*t.nested++
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxNestedFileLen+1))
	if err != nil {
		return nil, err
	}
	if len(src) > maxNestedFileLen {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxNestedFileLen)
	}
	return src, nil
}

// cdkAssetPath returns the local template file that the CDK records in a
// nested stack's Metadata (aws:asset:path, for aws:asset:property
// TemplateURL), relative to the template.
func (a *adapter) cdkAssetPath(r *resource) (string, bool) {
	md := a.t.lookup(r.def, "Metadata")
	prop, _ := scalarOf(a.t.lookup(md, "aws:asset:property"))
	p, ok := scalarOf(a.t.lookup(md, "aws:asset:path"))
	return p, ok && prop == "TemplateURL" && p != "" && !isRemote(p)
}

// mentionsURL reports whether a TemplateURL that cannot be evaluated is
// built from text holding a URL scheme (!Sub https://${Bucket}.s3...).
func mentionsURL(n *yaml.Node, depth int) bool {
	n = deref(n)
	if n == nil || depth > 8 {
		return false
	}
	if n.Kind == yaml.ScalarNode {
		return strings.Contains(n.Value, "://")
	}
	for _, c := range n.Content {
		if mentionsURL(c, depth+1) {
			return true
		}
	}
	return false
}

func isRemote(url string) bool {
	return strings.Contains(url, "://") && !strings.HasPrefix(url, "file://")
}

// paramText returns the text a nested stack parameter receives: a scalar,
// or a list joined with commas; ok is false when any of it is unknown.
func paramText(v *node.Node) (string, bool) {
	if s, ok := v.Scalar(); ok {
		return s, true
	}
	if v == nil || v.Kind != node.List {
		return "", false
	}
	parts := make([]string, 0, len(v.List))
	for _, it := range v.List {
		s, ok := it.Scalar()
		if !ok {
			return "", false
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ","), true
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// within reports whether path is root or below it.
func within(root, path string) bool {
	rel, err := filepath.Rel(absPath(root), path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// mergeUnit adds what a nested stack's template declares to the unit. The
// model's collections are appended field by field through reflection, so
// that a collection added to the model later is merged without a change
// here.
func mergeUnit(dst, src *model.Unit) {
	mergeValue(reflect.ValueOf(dst.Model).Elem(), reflect.ValueOf(src.Model).Elem())
	for id, paths := range src.Locations {
		for p, r := range paths {
			dst.Locations.Set(id, p, r)
		}
	}
	dst.Files = append(dst.Files, src.Files...)
	dst.Diagnostics = append(dst.Diagnostics, src.Diagnostics...)
	dst.Suppressions = append(dst.Suppressions, src.Suppressions...)
}

func mergeValue(dst, src reflect.Value) {
	switch dst.Kind() {
	case reflect.Struct:
		for i := range dst.NumField() {
			mergeValue(dst.Field(i), src.Field(i))
		}
	case reflect.Slice:
		if dst.CanSet() {
			dst.Set(reflect.AppendSlice(dst, src))
		}
	}
}
