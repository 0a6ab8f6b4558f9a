package cloudformation

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seclint/seclint/parsers/model"
)

// corpusDir is the shared real-world corpus, relative to this package.
const corpusDir = "../../../shared/corpus"

// corpusUnparseable are the corpus files that are deliberately not valid
// YAML or JSON (cfn-lint's "bad" fixtures), with the line of the error.
// Every other template must parse without an error diagnostic.
var corpusUnparseable = map[string]int{
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/json_parse.json":               5,
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/template.yaml":                 12,
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/core/config_invalid_json.json": 8,
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/core/config_invalid_yaml.yaml": 8,
}

func isTemplateName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".template":
		return true
	}
	return false
}

func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	var found, unparseable, buckets, policies, warnings int
	var parseTime time.Duration
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isTemplateName(path) {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !IsTemplate(src) {
			return nil
		}
		found++
		rel, _ := filepath.Rel(corpusDir, path)
		rel = filepath.ToSlash(rel)
		start := time.Now()
		u := &model.Unit{Model: &model.Model{}, Locations: model.Locations{}}
		parse(u, rel, src, Options{}) // without the recover, so a panic fails the test
		parseTime += time.Since(start)
		var errs []model.Diagnostic
		for _, d := range u.Diagnostics {
			switch d.Severity {
			case model.DiagError:
				errs = append(errs, d)
			case model.DiagWarning:
				warnings++
			}
			if d.Range.File != rel || d.Range.Start.Line < 1 {
				t.Errorf("%s: diagnostic without file and line: %+v", rel, d)
			}
		}
		if line, ok := corpusUnparseable[rel]; ok {
			unparseable++
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Summary, "invalid ") || errs[0].Range.Start.Line != line {
				t.Errorf("%s: want one parse error at line %d, got %v", rel, line, u.Diagnostics)
			}
			return nil
		}
		for _, d := range errs {
			t.Errorf("%s: unexpected error: %v", rel, d)
		}
		buckets += len(u.Model.AWS.S3.Buckets)
		policies += len(u.Model.AWS.IAM.Policies)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("corpus: %d templates (%d unparseable), %d buckets, %d policies, %d warnings; parse+adapt time %v",
		found, unparseable, buckets, policies, warnings, parseTime.Round(time.Millisecond))
	if unparseable != len(corpusUnparseable) {
		t.Errorf("found %d of the %d unparseable fixtures", unparseable, len(corpusUnparseable))
	}
}
