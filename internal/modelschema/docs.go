package modelschema

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Docs holds the doc comments of a package's types and struct fields.
type Docs struct {
	types  map[string]string
	fields map[string]string // "Type.Field"
}

// ParseDocs reads the doc comments of the Go files in dir (tests excluded).
func ParseDocs(dir string) (*Docs, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading model sources: %w", err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("parsing model sources: %w", err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	// go/doc attaches a declaration group's comment to its only type, as
	// godoc shows it; PreserveAST keeps the field comments in place.
	pkg, err := doc.NewFromFiles(fset, files, "model", doc.PreserveAST|doc.AllDecls)
	if err != nil {
		return nil, fmt.Errorf("reading model docs: %w", err)
	}
	d := &Docs{types: map[string]string{}, fields: map[string]string{}}
	for _, t := range pkg.Types {
		for _, spec := range t.Decl.Specs {
			ts, ok := spec.(*ast.TypeSpec)
			if !ok {
				continue
			}
			text := t.Doc
			if len(t.Decl.Specs) > 1 || ts.Doc != nil {
				text = ts.Doc.Text()
			}
			d.types[ts.Name.Name] = clean(text)
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			prev := ""
			for _, f := range st.Fields.List {
				text := clean(f.Doc.Text())
				if text == "" {
					text = clean(f.Comment.Text())
				}
				for _, n := range f.Names {
					t := text
					// A comment may document the field after it too ("Bucket
					// is the name as written; BucketRef is its ID").
					if t == "" && slices.Contains(strings.FieldsFunc(prev, notIdent), n.Name) {
						t = prev
					}
					d.fields[ts.Name.Name+"."+n.Name] = t
				}
				prev = text
			}
		}
	}
	return d, nil
}

// Type returns the doc comment of a type, in one paragraph. A nil *Docs
// has no comments.
func (d *Docs) Type(name string) string {
	if d == nil {
		return ""
	}
	return d.types[name]
}

// Field returns the doc comment of a struct field, in one paragraph.
func (d *Docs) Field(typ, field string) string {
	if d == nil {
		return ""
	}
	return d.fields[typ+"."+field]
}

// clean joins a comment's lines into one paragraph.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func notIdent(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }
