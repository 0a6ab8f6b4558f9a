package terraform

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/seclint/seclint/internal/workpool"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// corpusDir is the shared real-world corpus (see ../shared/corpus/SOURCES.md).
const corpusDir = "../../../shared/corpus"

// invalidCorpusFiles are corpus files that are not valid Terraform, with
// why; they are the only ones allowed to produce error diagnostics.
var invalidCorpusFiles = map[string]string{}

// corpusModules lists the module directories of the corpus and their files.
func corpusModules(t testing.TB) map[string][]string {
	modules := map[string][]string{}
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".terraform" {
			return filepath.SkipDir
		}
		if !d.IsDir() && isConfigFile(path) {
			dir := filepath.Dir(path)
			modules[dir] = append(modules[dir], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return modules
}

// parseRoots parses the root modules with GOMAXPROCS workers, as the scan
// does, sharing one cache.
func parseRoots(roots []string, modules map[string][]string, cache *Cache) ([]*model.Unit, []*evaluator) {
	units := make([]*model.Unit, len(roots))
	evs := make([]*evaluator, len(roots))
	workpool.Run(runtime.GOMAXPROCS(0), len(roots), func(i int) {
		units[i], evs[i] = parseModule(roots[i], modules[roots[i]], Options{ScanRoot: corpusDir, Cache: cache})
	})
	return units, evs
}

// TestCorpus scans the Terraform part of the corpus the way the scan does:
// each root module (one no other module of the corpus calls) with the
// modules it calls. No panic, and no error diagnostic except on files
// known to be invalid. It logs the time, the floor of reading and parsing
// the same files, and how many resource attributes end up unknown.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	modules := corpusModules(t)
	start := time.Now()
	cache := NewCache()
	roots := NewGraph(modules, cache).Roots()
	units, evs := parseRoots(roots, modules, cache)
	elapsed := time.Since(start)
	// The floor: reading and parsing the same files, nothing else.
	var files []string
	for _, fs := range modules {
		files = append(files, fs...)
	}
	start = time.Now()
	workpool.Run(runtime.GOMAXPROCS(0), len(files), func(i int) {
		if src, err := os.ReadFile(files[i]); err == nil {
			hclsyntax.ParseConfig(src, files[i], hcl.InitialPos)
		}
	})
	floor := time.Since(start)

	var buckets, policies, unknownPolicies, instances int
	var located, misplaced int
	var attrs attrCount
	notes := map[string]int{}
	warnings := map[string]int{}
	for i, u := range units {
		l, m := checkPolicyLocations(t, u)
		located += l
		misplaced += m
		buckets += len(u.Model.AWS.S3.Buckets)
		instances += len(evs[i].resInsts)
		for _, p := range u.Model.AWS.IAM.Policies {
			policies++
			if p.StatementsUnknown {
				unknownPolicies++
			}
		}
		for _, ri := range evs[i].resInsts {
			if ri.node != nil {
				attrs.add(ri.node, true)
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
				warnings[d.Summary]++
			default:
				notes[d.Summary+" "+noteSubject(d.Detail)]++
			}
		}
	}
	t.Logf("corpus: %d modules, %d root modules, %d files, %d resource instances in %v; parse-only floor %v",
		len(modules), len(roots), len(files), instances, elapsed.Round(time.Millisecond), floor.Round(time.Millisecond))
	t.Logf("model: %d buckets, %d policies of which %d with unknown statements", buckets, policies, unknownPolicies)
	t.Logf("unknown attributes of the converted resources: %d of %d (%.1f%%)",
		attrs.unknown, attrs.known+attrs.unknown, 100*float64(attrs.unknown)/float64(max(1, attrs.known+attrs.unknown)))
	// Every resource, converted after the timing: the figure to drive down.
	var all attrCount
	for _, e := range evs {
		for _, ri := range e.resInsts {
			all.add(e.resourceNode(ri), true)
		}
	}
	t.Logf("unknown attributes of all resources: %d of %d (%.1f%%)",
		all.unknown, all.known+all.unknown, 100*float64(all.unknown)/float64(max(1, all.known+all.unknown)))
	// A known action, resource or principal should point at the line that
	// writes it, or at an expression that computes it from elsewhere.
	t.Logf("policy elements located on the line that writes or computes them: %d of %d", located, located+misplaced)
	if misplaced*20 > located+misplaced {
		t.Errorf("more than 5%% of policy elements misplaced")
	}
	for _, k := range sortedNames(warnings) {
		t.Logf("warning x%d: %s", warnings[k], k)
	}
	for _, k := range sortedNames(notes) {
		t.Logf("note x%d: %s", notes[k], k)
	}
}

// attrCount counts resource attributes (at any block depth) by whether
// their value is wholly unknown.
type attrCount struct{ known, unknown int }

// add counts the attributes of a block node.
func (c *attrCount) add(n *node.Node, top bool) {
	if n == nil {
		return
	}
	if n.Kind == node.Unknown {
		c.unknown++ // a dynamic block whose content is unknown
		return
	}
	for _, k := range n.Keys {
		if top && k == "lifecycle" {
			continue
		}
		v := n.Map[k]
		switch {
		case v.Kind == node.Unknown:
			c.unknown++
		case v.Kind == node.List && isBlockList(v):
			for _, b := range v.List {
				c.add(b, false)
			}
		default:
			c.known++
		}
	}
}

// isBlockList reports whether a list node holds nested blocks: its
// elements are block maps with a key range of their own type keyword.
func isBlockList(n *node.Node) bool {
	return len(n.List) > 0 && n.KeyRange.Start.Line != 0 && (n.List[0].Kind == node.Map || n.List[0].Kind == node.Unknown) && n.Range == n.List[0].Range
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

// computes reports whether a line computes a value from elsewhere (a
// variable, a local, an iterator) rather than writing it.
func computes(line string) bool {
	for _, s := range []string{"var.", "local.", "each.", ".value", "module.", "${", "lookup(", "try(", "concat(", "merge(", "flatten("} {
		if strings.Contains(line, s) {
			return true
		}
	}
	return false
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
		line := lineAt(r)
		if strings.Contains(line, v) || computes(line) {
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
