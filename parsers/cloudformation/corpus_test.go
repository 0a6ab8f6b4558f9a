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

// corpusRejected are the corpus templates that parse but that
// CloudFormation rejects, with the summary and line of the one error.
var corpusRejected = map[string]struct {
	summary string
	line    int
}{
	// Fn::ForEach with no Transform: AWS::LanguageExtensions.
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/functions/foreach_no_transform.yaml": {"Fn::ForEach without AWS::LanguageExtensions", 11},
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
	var found, unparseable, buckets, policies, roles, params, warnings int
	var dotTemplate, forEachFiles, loops, loopResources, notExpanded int
	var parseTime time.Duration
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isTemplateName(path) {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, path)
		rel = filepath.ToSlash(rel)
		if !IsTemplate(src) {
			if strings.EqualFold(filepath.Ext(path), ".template") {
				t.Errorf("%s: a .template file is not recognized as a template", rel)
			}
			return nil
		}
		found++
		if strings.EqualFold(filepath.Ext(path), ".template") {
			dotTemplate++
		}
		start := time.Now()
		u := &model.Unit{Model: &model.Model{}, Locations: model.Locations{}}
		// Without the recover, so a panic fails the test.
		tpl := parse(u, path, src, Options{Root: corpusDir})
		parseTime += time.Since(start)
		if strings.Contains(string(src), forEachPrefix) {
			forEachFiles++
			loops += tpl.loops
			loopResources += tpl.loopResources
			for _, d := range u.Diagnostics {
				if d.Summary == "Fn::ForEach not expanded" {
					notExpanded++
				}
			}
			t.Logf("%s: %d loops expanded into %d resources", rel, tpl.loops, tpl.loopResources)
		}
		var errs []model.Diagnostic
		for _, d := range u.Diagnostics {
			switch d.Severity {
			case model.DiagError:
				errs = append(errs, d)
			case model.DiagWarning:
				warnings++
			}
			// A nested stack's diagnostics name its own file.
			if d.Range.File == "" || d.Range.Start.Line < 1 {
				t.Errorf("%s: diagnostic without file and line: %+v", rel, d)
			}
		}
		errs = expectUndefinedRefs(t, rel, errs)
		if line, ok := corpusUnparseable[rel]; ok {
			unparseable++
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Summary, "invalid ") || errs[0].Range.Start.Line != line {
				t.Errorf("%s: want one parse error at line %d, got %v", rel, line, u.Diagnostics)
			}
			return nil
		}
		if want, ok := corpusRejected[rel]; ok {
			if len(errs) != 1 || errs[0].Summary != want.summary || errs[0].Range.Start.Line != want.line {
				t.Errorf("%s: want one %q error at line %d, got %v", rel, want.summary, want.line, errs)
			}
			errs = nil
		}
		for _, d := range errs {
			t.Errorf("%s: unexpected error: %v", rel, d)
		}
		buckets += len(u.Model.AWS.S3.Buckets)
		policies += len(u.Model.AWS.IAM.Policies)
		roles += len(u.Model.AWS.IAM.Roles)
		params += len(u.Model.AWS.CloudFormation.Parameters)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("corpus: %d templates (%d unparseable, %d .template files), %d buckets, %d policies, %d roles, %d parameters, %d warnings; parse+adapt time %v",
		found, unparseable, dotTemplate, buckets, policies, roles, params, warnings, parseTime.Round(time.Millisecond))
	t.Logf("Fn::ForEach: %d templates, %d loops expanded into %d resources, %d loops with an unknown collection",
		forEachFiles, loops, loopResources, notExpanded)
	// Every loop of the corpus has a collection the scan can know (a list,
	// or a Fn::FindInMap with one possible value): all must be expanded.
	if notExpanded != 0 || forEachFiles == 0 || loopResources == 0 {
		t.Errorf("Fn::ForEach: %d loops not expanded, %d templates, %d resources", notExpanded, forEachFiles, loopResources)
	}
	if unparseable != len(corpusUnparseable) {
		t.Errorf("found %d of the %d unparseable fixtures", unparseable, len(corpusUnparseable))
	}
}
