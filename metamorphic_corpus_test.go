package seclint

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seclint/seclint/policies"
)

// TestUnknownInputsCorpus checks the metamorphic property of
// TestUnknownInputsAddNoFinding on the real-world corpus, with the same
// variants: each input alone (in units with few) and all at once. It takes
// minutes, so it runs
// only when SECLINT_METAMORPHIC_CORPUS is set. Each unit is copied alone
// (a module with the modules it calls through local sources, or one
// template) and scanned before and after the edits.
func TestUnknownInputsCorpus(t *testing.T) {
	needCorpus(t)
	if os.Getenv("SECLINT_METAMORPHIC_CORPUS") == "" {
		t.Skip("set SECLINT_METAMORPHIC_CORPUS=1 to run the metamorphic test on the corpus")
	}
	scanner, err := NewScanner(context.Background(), policies.Options{})
	if err != nil {
		t.Fatal(err)
	}
	repos, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range repos {
		if !r.IsDir() {
			continue
		}
		repo := filepath.Join(corpusDir, r.Name())
		t.Run(r.Name(), func(t *testing.T) {
			t.Parallel()
			units, errs := groupUnitsLenient(repo)
			for _, err := range errs {
				t.Logf("left out: %v", err)
			}
			for _, u := range units {
				t.Run(u.path, func(t *testing.T) {
					scan := func(edits []edit) map[string]string {
						root := t.TempDir()
						if err := copyScope(repo, root, u.scope); err != nil {
							t.Fatal(err)
						}
						return findingKeys(root, scanEdited(t, scanner, root, edits))
					}
					base := scan(nil)
					for _, v := range u.variants() {
						added := addedFindings(base, scan(v.edits), v.declares)
						if len(added) > 0 {
							t.Errorf("making %s unknown (%s; excluded as deciding multiplicity: %v) added %d finding(s):\n\t%s",
								v.name, strings.Join(v.inputs, ", "), u.excluded, len(added), strings.Join(added, "\n\t"))
						}
					}
				})
			}
		})
	}
}

// copyScope copies the scope of a unit from the group to root: the regular
// files of each directory (not its subdirectories), or a single file.
func copyScope(group, root string, scope []string) error {
	for _, s := range scope {
		from := filepath.Join(group, s)
		fi, err := os.Stat(from)
		if err != nil {
			return err
		}
		files := []string{s}
		if fi.IsDir() {
			ents, err := os.ReadDir(from)
			if err != nil {
				return err
			}
			files = files[:0]
			for _, e := range ents {
				if e.Type().IsRegular() {
					files = append(files, filepath.Join(s, e.Name()))
				}
			}
		}
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(group, f))
			if err != nil {
				return err
			}
			dst := filepath.Join(root, f)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(dst, b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
