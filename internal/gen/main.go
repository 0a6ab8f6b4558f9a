// Command gen regenerates the files derived from the model's Go types: the
// JSON schema the rules are type-checked against and the model reference.
// Run it from the repository root after changing parsers/model:
//
//	go run ./internal/gen
package main

import (
	"fmt"
	"os"

	"github.com/seclint/seclint/internal/modelschema"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	files, err := modelschema.Files(".")
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(f.Path, f.Data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
	}
	return nil
}
