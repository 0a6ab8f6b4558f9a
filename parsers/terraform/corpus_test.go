package terraform

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/seclint/seclint/parsers/model"
)

// corpusDir is the shared real-world corpus (see ../shared/corpus/SOURCES.md).
const corpusDir = "../../../shared/corpus"

// invalidCorpusFiles are corpus files that are not valid Terraform, with
// why; they are the only ones allowed to produce error diagnostics.
var invalidCorpusFiles = map[string]string{}

// TestCorpus parses every directory of the corpus that holds .tf files as a
// module: no panic, and no error diagnostic except on files known to be
// invalid.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	modules := map[string][]string{}
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".tf") || strings.HasSuffix(path, ".tf.json")) {
			dir := filepath.Dir(path)
			modules[dir] = append(modules[dir], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dirs := make([]string, 0, len(modules))
	for dir := range modules {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)

	var files, buckets, policies, unknownPolicies int
	var located, misplaced int
	notes := map[string]int{}
	var units []*model.Unit
	start := time.Now()
	for _, dir := range dirs {
		units = append(units, ParseModule(dir, modules[dir], Options{}))
	}
	elapsed := time.Since(start)
	// The floor: reading and parsing the same files, nothing else.
	start = time.Now()
	for _, dir := range dirs {
		for _, f := range modules[dir] {
			if src, err := os.ReadFile(f); err == nil {
				hclsyntax.ParseConfig(src, f, hcl.InitialPos)
			}
		}
	}
	floor := time.Since(start)
	for i, dir := range dirs {
		u := units[i]
		files += len(modules[dir])
		l, m := checkPolicyLocations(t, u)
		located += l
		misplaced += m
		buckets += len(u.Model.AWS.S3.Buckets)
		for _, p := range u.Model.AWS.IAM.Policies {
			policies++
			if p.StatementsUnknown {
				unknownPolicies++
			}
		}
		for _, d := range u.Diagnostics {
			switch d.Severity {
			case model.DiagError:
				rel, _ := filepath.Rel(corpusDir, d.Range.File)
				if _, ok := invalidCorpusFiles[filepath.ToSlash(rel)]; !ok {
					t.Errorf("unexpected error diagnostic: %s", d.Error())
				}
			case model.DiagWarning:
				t.Logf("warning: %s", d.Error())
			default:
				notes[d.Summary+" "+noteSubject(d.Detail)]++
			}
		}
	}
	t.Logf("corpus: %d modules, %d files in %v, parse-only floor %v (%d buckets, %d policies of which %d with unknown statements)",
		len(dirs), files, elapsed.Round(time.Millisecond), floor.Round(time.Millisecond), buckets, policies, unknownPolicies)
	// A known action, resource or principal should point at the line that
	// writes it; the exceptions are values computed elsewhere (a variable's
	// default), which point at the expression that reads them.
	t.Logf("policy elements located on the line that writes them: %d of %d", located, located+misplaced)
	if misplaced*20 > located+misplaced {
		t.Errorf("more than 5%% of policy elements misplaced")
	}
	keys := make([]string, 0, len(notes))
	for k := range notes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("note x%d: %s", notes[k], k)
	}
}

// noteSubject shortens a note's detail to its quoted subject, to count
// notes by function name.
func noteSubject(detail string) string {
	if _, rest, ok := strings.Cut(detail, `"`); ok {
		if name, _, ok := strings.Cut(rest, `"`); ok {
			return name
		}
	}
	return ""
}

// checkPolicyLocations counts the known actions, resources and principals
// of u's policies whose location is a line that contains their text.
func checkPolicyLocations(t *testing.T, u *model.Unit) (located, misplaced int) {
	lines := map[string][]string{}
	lineAt := func(r model.Range) string {
		if lines[r.File] == nil {
			b, _ := os.ReadFile(r.File)
			lines[r.File] = strings.Split(string(b), "\n")
		}
		if r.Start.Line < 1 || r.Start.Line > len(lines[r.File]) {
			return ""
		}
		return lines[r.File][r.Start.Line-1]
	}
	check := func(id, path, v string) {
		r := u.Locations[id][path]
		if strings.Contains(lineAt(r), v) {
			located++
			return
		}
		misplaced++
		t.Logf("%s %s %q is at %s: %q", id, path, v, r, lineAt(r))
	}
	for _, p := range u.Model.AWS.IAM.Policies {
		for i, s := range p.Statements {
			for field, l := range map[string]model.StringList{"actions": s.Actions, "resources": s.Resources} {
				vals, _ := l.Get()
				for j, el := range vals {
					if v, ok := el.Get(); ok {
						check(p.ID, fmt.Sprintf("statements[%d].%s[%d]", i, field, j), v)
					}
				}
			}
			prs, _ := s.Principals.Get()
			for j, pr := range prs {
				if v, ok := pr.Value.Get(); ok {
					check(p.ID, fmt.Sprintf("statements[%d].principals[%d]", i, j), v)
				}
			}
		}
	}
	return located, misplaced
}
