package seclint

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// wantRe matches an expectation comment: `# want: rule-a, rule-b` (also `//`).
var wantRe = regexp.MustCompile(`(?:#|//)\s*want:\s*([a-z0-9, -]+)`)

// TestFixtures scans testdata/fixtures with every rule and compares the
// findings with the expectations written in the fixtures, both ways: every
// expected (file, line, rule) must be found, and nothing else may be.
// Expectations are `# want: <rule-id>` comments on the line where the
// finding must point, or, for JSON (which has no comments), a sidecar
// `<file>.want` with lines of `<line> <rule-id>`.
func TestFixtures(t *testing.T) {
	const dir = "testdata/fixtures"
	want, err := readWants(dir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Scan(context.Background(), Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Diagnostics {
		if d.Severity == "error" {
			t.Errorf("diagnostic: %s", d.Error())
		}
	}
	got := map[string]bool{}
	for _, f := range rep.Findings {
		got[fmt.Sprintf("%s:%d %s", filepath.ToSlash(f.Range.File), f.Range.Start.Line, f.RuleID)] = true
	}
	for _, k := range sortedKeys(want) {
		if !got[k] {
			t.Errorf("missing finding %s", k)
		}
	}
	for _, f := range rep.Findings {
		k := fmt.Sprintf("%s:%d %s", filepath.ToSlash(f.Range.File), f.Range.Start.Line, f.RuleID)
		if !want[k] {
			t.Errorf("unexpected finding %s (%s %s): %s", k, f.Resource, f.Attribute, f.Message)
		}
	}
	// Every rule must have at least one positive fixture.
	perRule := map[string]int{}
	for k := range want {
		perRule[k[strings.LastIndex(k, " ")+1:]]++
	}
	for _, r := range rep.Rules {
		if perRule[r.ID] == 0 {
			t.Errorf("rule %s has no fixture with a `want:` for it", r.ID)
		}
	}
	t.Logf("%d expected findings in %d files, %d resources", len(want), rep.Files, rep.Resources)
}

func readWants(dir string) (map[string]bool, error) {
	want := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		slash := filepath.ToSlash(p)
		if strings.HasSuffix(p, ".want") {
			return readSidecar(p, strings.TrimSuffix(slash, ".want"), want)
		}
		switch filepath.Ext(p) {
		case ".tf", ".yaml", ".yml", ".template":
		default:
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if m := wantRe.FindStringSubmatch(sc.Text()); m != nil {
				for _, id := range strings.Split(m[1], ",") {
					if id = strings.TrimSpace(id); id != "" {
						want[fmt.Sprintf("%s:%d %s", slash, line, id)] = true
					}
				}
			}
		}
		return sc.Err()
	})
	return want, err
}

func readSidecar(p, target string, want map[string]bool) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	for i, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Fields(l)
		n, err := strconv.Atoi(fields[0])
		if len(fields) != 2 || err != nil {
			return fmt.Errorf("%s:%d: want `<line> <rule-id>`", p, i+1)
		}
		want[fmt.Sprintf("%s:%d %s", target, n, fields[1])] = true
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
