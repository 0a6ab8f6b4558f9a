package rulesdoc

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/seclint/seclint/policies"
	"github.com/seclint/seclint/report"
	"github.com/seclint/seclint/reporters"
)

const root = "../.."

// TestGeneratedPagesUpToDate fails when a page under docs/rules no longer
// matches its rule's METADATA, when a rule has no page, or when a page has
// no rule.
func TestGeneratedPagesUpToDate(t *testing.T) {
	files, err := Files(t.Context(), root)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, f := range files {
		want[filepath.Clean(f.Path)] = true
		have, err := os.ReadFile(f.Path)
		if err != nil {
			t.Errorf("%v; run `go run ./internal/gen` at the repository root", err)
			continue
		}
		if !bytes.Equal(have, f.Data) {
			t.Errorf("%s is stale: run `go run ./internal/gen` at the repository root and commit the result", f.Path)
		}
	}
	have, err := filepath.Glob(filepath.Join(root, Dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range have {
		if !want[filepath.Clean(p)] {
			t.Errorf("%s documents no rule: run `go run ./internal/gen`, which removes it", p)
		}
	}
}

// TestHelpURIsResolve is the link check: every helpUri in SARIF for the
// built-in rules names a file in this repository.
func TestHelpURIsResolve(t *testing.T) {
	e, err := policies.New(t.Context(), policies.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rules := e.Rules()
	if len(rules) == 0 {
		t.Fatal("no built-in rules")
	}
	var buf bytes.Buffer
	if err := reporters.Write(&buf, "sarif", &report.Report{Tool: "test", Rules: rules}, reporters.Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	const prefix = "https://github.com/seclint/seclint/blob/main/"
	n := 0
	for _, run := range log.Runs {
		for _, r := range run.Tool.Driver.Rules {
			n++
			rel, ok := strings.CutPrefix(r.HelpURI, prefix)
			if !ok {
				t.Errorf("%s: helpUri %q is not a file of this repository's main branch", r.ID, r.HelpURI)
				continue
			}
			rel, err := url.PathUnescape(rel)
			if err != nil {
				t.Errorf("%s: helpUri %q: %v", r.ID, r.HelpURI, err)
				continue
			}
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
				t.Errorf("%s: helpUri %q does not resolve: %v", r.ID, r.HelpURI, err)
			}
		}
	}
	if n != len(rules) {
		t.Errorf("SARIF lists %d rules, want %d", n, len(rules))
	}
}

var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestRelativeLinksResolve checks every relative link of the rule pages and
// of the README, the documents users follow from SARIF and from GitHub.
func TestRelativeLinksResolve(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join(root, Dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, filepath.Join(root, "README.md"), filepath.Join(root, "docs", "custom-rules.md"))
	for _, doc := range docs {
		src, err := os.ReadFile(doc)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range mdLink.FindAllStringSubmatch(string(src), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			target, _, _ = strings.Cut(target, "#")
			p := filepath.Join(filepath.Dir(doc), filepath.FromSlash(target))
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s: link %q does not resolve", doc, m[1])
			}
		}
	}
}

func TestPage(t *testing.T) {
	r := report.Rule{
		ID: "x-rule", Title: "A | title", Severity: report.High, Kind: "security",
		Description: "Why.", FSBP: []string{"SecretsManager.1", "odd"},
		Remediation: report.Remediation{Terraform: "tf fix", CloudFormation: "cfn fix"},
	}
	tests := []struct {
		name     string
		fixtures bool
		want     []string
		wantNot  []string
	}{
		{"with fixtures", true, []string{
			"# x-rule\n", "| Severity | HIGH |",
			"[SecretsManager.1](https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-1), odd",
			"## Fix in Terraform\n\ntf fix\n", "## Fix in CloudFormation\n\ncfn fix\n",
			"(../../testdata/fixtures/x-rule/)", "# seclint:ignore x-rule -- ",
		}, nil},
		{"without fixtures", false, []string{"## Why, and when it fires\n\nWhy.\n"}, []string{"## Examples"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := Pages([]report.Rule{r}, func(string) bool { return tt.fixtures })
			if len(files) != 2 || files[0].Path != IndexPath || files[1].Path != "docs/rules/x-rule.md" {
				t.Fatalf("files = %v", files)
			}
			got := string(files[1].Data)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("page lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("page has %q", w)
				}
			}
			if idx := string(files[0].Data); !strings.Contains(idx, "| [`x-rule`](x-rule.md) | HIGH | security | A \\| title | SecretsManager.1, odd |") {
				t.Errorf("index row missing:\n%s", idx)
			}
		})
	}
}
