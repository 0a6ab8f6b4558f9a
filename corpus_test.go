package seclint

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"
	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/internal/workpool"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/policies"
)

const corpusDir = "../shared/corpus"

// invalidCorpusFiles are the corpus files that are invalid on purpose
// (cfn-lint's own bad-input fixtures): they must be reported as unparseable.
var invalidCorpusFiles = []string{
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/core/config_invalid_json.json",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/core/config_invalid_yaml.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/json_parse.json",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/template.yaml",
	// Parse, but CloudFormation rejects them: a Ref or Fn::GetAtt to a name
	// the template does not declare (parsers/cloudformation/refs_test.go
	// lists the lines).
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/core/parse_invalid_map.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/functions_ref.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/generic.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/issues.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/refs.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/resources/codepipeline/stages_second_stage.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/resources/lambda/function_property_value_limits.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/good/custom/is-defined.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/good/functions/sub_needed.yaml",
	"aws-cloudformation__cfn-lint/test/fixtures/templates/integration/aws-ec2-launchtemplate.yaml",
	// Parses, but CloudFormation rejects it: Fn::ForEach without the
	// AWS::LanguageExtensions transform.
	"aws-cloudformation__cfn-lint/test/fixtures/templates/bad/functions/foreach_no_transform.yaml",
}

func needCorpus(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		tb.Skipf("corpus not found at %s", corpusDir)
	}
}

// TestCorpus scans the whole real-world corpus: no crash, and error
// diagnostics on exactly the deliberately invalid files.
func TestCorpus(t *testing.T) {
	needCorpus(t)
	rep, err := Scan(context.Background(), Options{Paths: []string{corpusDir}})
	if err != nil {
		t.Fatal(err)
	}
	errFiles := map[string][]string{}
	for _, d := range rep.Diagnostics {
		if d.Severity != model.DiagError {
			continue
		}
		rel, _ := filepath.Rel(corpusDir, d.Range.File)
		errFiles[filepath.ToSlash(rel)] = append(errFiles[filepath.ToSlash(rel)], d.Error())
	}
	for _, f := range invalidCorpusFiles {
		if errFiles[f] == nil {
			t.Errorf("%s is invalid but was not reported as unparseable", f)
		}
		delete(errFiles, f)
	}
	var unexpected []string
	for f, ds := range errFiles {
		unexpected = append(unexpected, f+": "+strings.Join(ds, "; "))
	}
	sort.Strings(unexpected)
	for _, u := range unexpected {
		t.Errorf("error diagnostic on a valid corpus file: %s", u)
	}
	t.Logf("corpus: %d files, %d resources, %d findings, %d diagnostics, %s",
		rep.Files, rep.Resources, len(rep.Findings), len(rep.Diagnostics), rep.Duration)
}

// BenchmarkScan is the full scan of the corpus with every rule, the number
// the performance budget is about. Rules are compiled once, outside the loop,
// as a long-running process (an editor) would.
func BenchmarkScan(b *testing.B) {
	needCorpus(b)
	ctx := context.Background()
	s, err := NewScanner(ctx, policies.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Scan(ctx, Options{Paths: []string{corpusDir}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanWithCompile adds compiling the rules: what one CLI run pays.
func BenchmarkScanWithCompile(b *testing.B) {
	needCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Scan(context.Background(), Options{Paths: []string{corpusDir}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseOnly runs discovery, parsing and adaptation to the model of
// every unit, with no rules: the cost of our parsers.
func BenchmarkParseOnly(b *testing.B) {
	needCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		d, err := discover([]string{corpusDir}, nil)
		if err != nil {
			b.Fatal(err)
		}
		opts := &Options{Env: []string{}}
		runJobs(d.jobs, runtime.GOMAXPROCS(0), func(i int) { d.jobs[i].parse(opts) })
	}
}

// BenchmarkSyntaxFloor reads and parses every corpus file to syntax only
// (HCL bodies, YAML/JSON nodes) with GOMAXPROCS workers: the floor
// scripts/bench compares the full scan with.
func BenchmarkSyntaxFloor(b *testing.B) {
	needCorpus(b)
	var files []string
	_ = filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (isTerraform(p) || isTemplateCandidate(p) || strings.HasSuffix(p, ".tfvars")) {
			files = append(files, p)
		}
		return nil
	})
	b.ReportAllocs()
	for b.Loop() {
		workpool.Run(runtime.GOMAXPROCS(0), len(files), func(i int) {
			src, err := os.ReadFile(files[i])
			if err != nil {
				return
			}
			if strings.HasSuffix(files[i], ".tf") || strings.HasSuffix(files[i], ".tfvars") {
				hclparse.NewParser().ParseHCL(src, files[i])
				return
			}
			var n yaml.Node
			_ = yaml.Unmarshal(src, &n)
		})
	}
}
