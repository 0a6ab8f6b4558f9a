package modelschema

import (
	"path/filepath"
)

// Paths of the generated files, relative to the repository root.
const (
	SchemaPath = "policies/schema/model.json"
	DocsPath   = "docs/model.md"
	ModelDir   = "parsers/model"
)

// GeneratedFile is one file the generator writes.
type GeneratedFile struct {
	Path string
	Data []byte
}

// Files generates the schema and the reference from the model sources
// under root (the repository root); paths are joined to root.
func Files(root string) ([]GeneratedFile, error) {
	docs, err := ParseDocs(filepath.Join(root, ModelDir))
	if err != nil {
		return nil, err
	}
	res, err := Generate(docs)
	if err != nil {
		return nil, err
	}
	js, err := res.JSON()
	if err != nil {
		return nil, err
	}
	return []GeneratedFile{
		{Path: filepath.Join(root, SchemaPath), Data: js},
		{Path: filepath.Join(root, DocsPath), Data: res.Markdown()},
	}, nil
}
