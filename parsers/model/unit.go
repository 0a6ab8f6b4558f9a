package model

import (
	"strconv"
	"strings"
)

// Locations maps a model object ID and an attribute path within it
// ("acl", "public_access_block.block_public_acls", "statements[0].actions[1]")
// to the source range that produced it. The path "" is the object itself.
// Parsers fill it while they build the model; the engine uses it to place
// findings, so rules never deal with positions.
type Locations map[string]map[string]Range

// Set records the range of an attribute path of an object. A zero range is
// ignored, so callers need not check.
func (l Locations) Set(id, path string, r Range) {
	if r.IsZero() {
		return
	}
	m := l[id]
	if m == nil {
		m = map[string]Range{}
		l[id] = m
	}
	m[path] = r
}

// Grow makes room for about n paths of the object id, so that an object
// whose paths are many (a policy document's every statement, action and
// principal) is not rehashed into ever larger maps as they are recorded.
// It does nothing for an object that already has as many, or when n is
// small: every map holds a few entries without growing.
func (l Locations) Grow(id string, n int) {
	m := l[id]
	if n <= smallMap || len(m) >= n {
		return
	}
	grown := make(map[string]Range, n)
	for p, r := range m {
		grown[p] = r
	}
	l[id] = grown
}

// smallMap is how many entries a Go map holds before it first grows.
const smallMap = 8

// Lookup returns the range of the longest recorded prefix of path: the
// attribute itself when known, else its enclosing block, else the object.
func (l Locations) Lookup(id, path string) (Range, bool) {
	m := l[id]
	if m == nil {
		return Range{}, false
	}
	for {
		if r, ok := m[path]; ok {
			return r, true
		}
		if path == "" {
			return Range{}, false
		}
		path = parentPath(path)
	}
}

// ElementPath returns the path of element i of the list at path: "path[i]".
// Parsers record one per list element, so it is built without fmt.
func ElementPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// parentPath strips the last segment of a path: "a.b[2]" → "a.b" → "a" → "".
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// Unit kinds.
const (
	UnitTerraform      = "terraform"
	UnitCloudFormation = "cloudformation"
	UnitPolicy         = "policy"
)

// Unit is one scan unit after parsing and adapting: a Terraform module
// directory, a CloudFormation template or a standalone policy file.
type Unit struct {
	// Path is the directory or file the unit was built from.
	Path string
	Kind string
	// Files are the source files the unit read.
	Files []string
	// Sources holds the content of files the parser read, by path, so that
	// the scan can look for ignore comments without reading them again. It
	// may lack some of Files (those are read when needed) and hold others.
	// It is not part of the unit's output.
	Sources     map[string][]byte `json:"-"`
	Model       *Model
	Locations   Locations
	Diagnostics []Diagnostic
	// Suppressions are the ignore entries the parser found in the source
	// (CloudFormation resource Metadata), for the scan to apply.
	Suppressions []Suppression
	// CallChains maps an object ID to the calls through which it was
	// instantiated (Terraform module calls, outermost first); findings on
	// the object carry them as related locations.
	CallChains map[string][]CallSite
	// Uses maps an object ID and attribute path whose location is where
	// its value is written — a literal in a Terraform local or a module
	// call's argument, a CloudFormation parameter's Default — to where
	// the object uses it; findings there carry it as a related location.
	Uses Locations
}

// CallSite is one step of a call chain, e.g. a `module "bucket"` block.
type CallSite struct {
	// Message describes the call, e.g. `module.bucket["reports"]`.
	Message string
	Range   Range
}

// NewUnit returns an empty unit ready to be filled.
func NewUnit(kind, path string) *Unit {
	return &Unit{Path: path, Kind: kind, Model: &Model{}, Locations: Locations{}, Uses: Locations{}}
}
