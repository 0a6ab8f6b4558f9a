// Command gen regenerates the files derived from the model's Go types and
// from the rules' METADATA: the JSON schema the rules are type-checked
// against, the model reference and the rule pages under docs/rules. Run it
// from the repository root after changing parsers/model or a rule's METADATA:
//
//	go run ./internal/gen
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/seclint/seclint/internal/modelschema"
	"github.com/seclint/seclint/internal/rulesdoc"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	files, err := modelschema.Files(".")
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(f.Path, f.Data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
	}
	pages, err := rulesdoc.Files(ctx, ".")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(rulesdoc.Dir, 0o755); err != nil {
		return err
	}
	// A page whose rule is gone is removed, so that no link leads to it.
	keep := map[string]bool{}
	for _, f := range pages {
		keep[filepath.Clean(f.Path)] = true
		if err := os.WriteFile(f.Path, f.Data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
	}
	old, err := filepath.Glob(filepath.Join(rulesdoc.Dir, "*.md"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if !keep[filepath.Clean(p)] {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	return nil
}
