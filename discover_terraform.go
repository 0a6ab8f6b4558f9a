package seclint

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/terraform"
)

// tfUnits groups the Terraform files that discovery finds into scan units.
// A module that another module of the scan calls through a local source is
// evaluated through that call, with the caller's inputs, and not again on
// its own: the units are the root modules, those nobody calls.
//
// Files named on the command line (as pre-commit passes them) are scanned
// in the context of their module; when that module is called by others,
// the roots that call it are scanned, and only findings located in the
// named files are reported.
type tfUnits struct {
	// dirs are the module directories found by walking a directory
	// argument, with their files; scanRoot is that argument for each.
	dirs     map[string][]string
	scanRoot map[string]string
	seen     map[string]bool
	// explicit are the files named on the command line.
	explicit []string
	// plans are the directories that hold a plan JSON file: a plan beside
	// the configuration it was made from replaces the configuration's
	// own scan, which it makes more precise (and would only repeat).
	plans map[string]bool
	// varFiles are the variable files named on the command line, and
	// applied maps a root module to those it is scanned with.
	varFiles []string
	applied  map[string][]string
	targets  map[string]bool
	// inputs records the variables the root modules declare.
	inputs *inputUse
	// rootVarFiles are the config's var files per root module, by
	// directory in the form discovery uses (discover_varfiles.go).
	rootVarFiles map[string][]string
}

func newTFUnits() *tfUnits {
	return &tfUnits{dirs: map[string][]string{}, scanRoot: map[string]string{}, seen: map[string]bool{}, plans: map[string]bool{}}
}

// addWalked records a file found by walking the directory argument root.
func (t *tfUnits) addWalked(file, root string) {
	if t.seen[file] {
		return
	}
	t.seen[file] = true
	dir := filepath.Dir(file)
	if _, ok := t.scanRoot[dir]; !ok {
		t.scanRoot[dir] = root
	}
	t.dirs[dir] = append(t.dirs[dir], file)
}

// addExplicit records a file named on the command line.
func (t *tfUnits) addExplicit(file string) { t.explicit = append(t.explicit, file) }

// addPlan records a plan JSON file.
func (t *tfUnits) addPlan(file string) { t.plans[filepath.Dir(file)] = true }

// moduleGraph is the call graph of the walked modules, with the cache
// that holds what building it parsed.
type moduleGraph struct {
	*terraform.Graph
	cache *terraform.Cache
}

// graph builds the call graph of the walked modules.
func (t *tfUnits) graph() moduleGraph {
	cache := terraform.NewCache()
	return moduleGraph{terraform.NewGraph(t.dirs, cache), cache}
}

// jobs returns one job per root module of g, the graph of the walked
// modules.
func (t *tfUnits) jobs(g moduleGraph, exclude []string) []job {
	cache := g.cache
	var out []job
	// Modules that a walked root evaluates: every finding in them is
	// reported already.
	covered := map[string]bool{}
	// reached counts the roots that evaluate each module.
	reached := map[string]int{}
	var reaches [][]string
	for _, root := range g.Roots() {
		reach := g.Reach(root)
		for _, d := range reach {
			covered[d] = true
		}
		if t.plans[root] {
			continue
		}
		// The cache lets go of a module once every unit that reads it has.
		for _, d := range reach {
			cache.Expect(d, 1)
			reached[d]++
		}
		reaches = append(reaches, reach)
		out = append(out, tfJob(root, t.dirs[root], t.scanRoot[root], nil, t.varFilesFor(root), t.inputs, cache))
	}
	for i, reach := range reaches {
		for _, d := range reach {
			if reached[d] > 1 {
				out[i].shares = append(out[i].shares, d)
			}
		}
	}

	only := map[string]map[string]bool{}
	files := map[string][]string{}
	scanRoot := map[string]string{}
	var order []string
	searched := map[string]map[string][]string{}
	graphs := map[string]*terraform.Graph{}
	// A module a named var file applies to is scanned whole, since the
	// values may change any of its findings.
	whole := map[string]bool{}
	for _, f := range append(t.explicit, t.varFileTargets(covered)...) {
		dir := filepath.Dir(f)
		if covered[dir] {
			continue
		}
		search := searchRoot(f)
		mods, ok := searched[search]
		if !ok {
			mods = terraformModules(search, exclude)
			searched[search] = mods
			graphs[search] = terraform.NewGraph(mods, cache)
		}
		if mods[dir] == nil {
			// Outside the search (or excluded): the module alone.
			mods[dir] = moduleFiles(dir)
		}
		roots := callers(graphs[search], dir)
		if t.targets[dir] && filepath.Base(f) == varFileTarget {
			roots, whole[dir] = []string{dir}, true
		}
		for _, root := range roots {
			if only[root] == nil {
				only[root] = map[string]bool{}
				files[root] = mods[root]
				scanRoot[root] = search
				order = append(order, root)
			}
			only[root][f] = true
		}
	}
	for _, root := range order {
		if g := graphs[scanRoot[root]]; g != nil {
			for _, d := range g.Reach(root) {
				cache.Expect(d, 1)
			}
		}
		o := only[root]
		if whole[root] {
			o = nil
		}
		out = append(out, tfJob(root, files[root], scanRoot[root], o, t.varFilesFor(root), t.inputs, cache))
	}
	return out
}

func tfJob(dir string, files []string, scanRoot string, only map[string]bool, varFiles []string, inputs *inputUse, cache *terraform.Cache) job {
	files = append([]string(nil), files...)
	sort.Strings(files)
	return job{path: dir, only: only, parse: func(o *Options) *model.Unit {
		inputs.addModule(files, o.CLIVars)
		vf := o.VarFiles
		if len(varFiles) > 0 {
			vf = append(append([]string(nil), o.VarFiles...), varFiles...)
		}
		return terraform.ParseModule(dir, files, terraform.Options{
			Vars: o.Vars, VarFiles: vf, Env: o.Env, ScanRoot: scanRoot, Cache: cache,
		})
	}}
}

// callers returns the roots of g that evaluate the module dir; dir itself
// when none does.
func callers(g *terraform.Graph, dir string) []string {
	var out []string
	for _, root := range g.Roots() {
		for _, d := range g.Reach(root) {
			if d == dir {
				out = append(out, root)
				break
			}
		}
	}
	if len(out) == 0 {
		out = []string{dir}
	}
	return out
}

// searchRoot is where the callers of a named file's module are looked for,
// and what its scan may read: the working directory when the file is below
// it (pre-commit runs at the top of the repository), else the file's
// directory. It has the same form as the file's path (relative or
// absolute), so that paths found under it match the file's.
func searchRoot(file string) string {
	if filepath.IsAbs(file) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
				return wd
			}
		}
		return filepath.Dir(file)
	}
	if file == ".." || strings.HasPrefix(file, ".."+string(filepath.Separator)) {
		return filepath.Dir(file)
	}
	return "."
}

// terraformModules lists the module directories under root and their
// files, skipping what discovery skips.
func terraformModules(root string, exclude []string) map[string][]string {
	mods := map[string][]string{}
	_ = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil //nolint:nilerr // an unreadable directory holds no module we can scan
		}
		if p != root && matchAny(exclude, p) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			if p != root && skipDirs[e.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if e.Type().IsRegular() && isTerraform(p) {
			p = cleanPath(p)
			mods[filepath.Dir(p)] = append(mods[filepath.Dir(p)], p)
		}
		return nil
	})
	return mods
}

// moduleFiles lists the Terraform files of one directory.
func moduleFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		p := cleanPath(filepath.Join(dir, e.Name()))
		if e.Type().IsRegular() && isTerraform(p) {
			out = append(out, p)
		}
	}
	return out
}
