package policies

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/seclint/seclint/internal/modelschema"
)

// modelSchema is the JSON schema of the model (Rego's input) with its
// descriptions, generated from parsers/model by `go run ./internal/gen`;
// a test keeps it equal to what the Go types give.
//
//go:embed schema/model.json
var modelSchema []byte

// SchemaRef is the name under which the model schema is known to the
// compiler. A user's rule opts in to type checking with, in its METADATA:
//
//	# schemas:
//	#   - input: schema.model
const SchemaRef = "schema.model"

// ModelSchema returns the JSON schema of the model.
func ModelSchema() []byte { return modelSchema }

// NewCompiler returns an OPA compiler that knows the model schema as
// schema.model, for compiling users' rules and their tests outside the
// engine (the tester): modules that opt in are type-checked as in New.
func NewCompiler() (*ast.Compiler, error) { return newCompiler() }

// newCompiler returns a compiler that type-checks `input` against the model
// schema wherever a METADATA `schemas` annotation asks for it; typedModules
// puts such annotations on the built-in packages.
func newCompiler() (*ast.Compiler, error) {
	ss, err := schemaSet()
	if err != nil {
		return nil, err
	}
	return ast.NewCompiler().WithSchemas(ss).WithUseTypeCheckAnnotations(true), nil
}

// schemaSet holds the model schema under SchemaRef. It is not the global
// input schema (the root `schema` ref), because that would type-check users'
// rules that did not ask for it.
//
// The schema is derived from the Go types of this very binary, not read from
// the checked-in file, so a rule reading a field just added to the model
// compiles before anyone regenerates the file (the type checker needs no
// descriptions).
func schemaSet() (*ast.SchemaSet, error) {
	res, err := modelschema.Generate(nil)
	if err != nil {
		return nil, fmt.Errorf("deriving the model schema: %w", err)
	}
	js, err := res.JSON()
	if err != nil {
		return nil, err
	}
	var raw any
	if err := json.Unmarshal(js, &raw); err != nil {
		return nil, fmt.Errorf("reading the model schema: %w", err)
	}
	ref, err := ast.ParseRef(SchemaRef)
	if err != nil {
		return nil, fmt.Errorf("model schema ref: %w", err)
	}
	ss := ast.NewSchemaSet()
	ss.Put(ref, raw)
	return ss, nil
}

// addTypedModules adds typedModules(modules) to modules.
func addTypedModules(modules map[string]*ast.Module) error {
	typed, err := typedModules(modules)
	if err != nil {
		return err
	}
	for name, m := range typed {
		modules[name] = m
	}
	return nil
}

// typedModules returns, for every package of modules, a module that applies
// the model schema to `input` in that package (scope subpackages, which a
// package may be given alongside its own package METADATA, and which
// applies to all of the package's files). Adding them to the compiled
// modules type-checks those packages; users' packages are left alone unless
// they opt in.
func typedModules(modules map[string]*ast.Module) (map[string]*ast.Module, error) {
	pkgs := map[string]bool{}
	for _, m := range modules {
		pkgs[m.Package.Path.String()] = true
	}
	names := make([]string, 0, len(pkgs))
	for p := range pkgs {
		names = append(names, p)
	}
	sort.Strings(names)
	out := make(map[string]*ast.Module, len(names))
	for _, p := range names {
		pkg := strings.TrimPrefix(p, "data.")
		src := "# METADATA\n# scope: subpackages\n# schemas:\n#   - input: " + SchemaRef + "\npackage " + pkg + "\n"
		name := "seclint-schema/" + pkg
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("annotating %s with the model schema: %w", pkg, err)
		}
		out[name] = m
	}
	return out, nil
}
