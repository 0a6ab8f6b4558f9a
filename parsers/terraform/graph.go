package terraform

import (
	"bytes"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/internal/workpool"
)

// Graph is the call graph of the module directories of a scan, through
// local module sources. A module that another module of the scan calls is
// evaluated through that call (with the caller's inputs); the roots are the
// modules nobody calls, and each root is one scan unit.
type Graph struct {
	dirs  []string
	calls map[string][]string
}

// NewGraph reads the module calls of the modules (directory → its .tf and
// .tf.json files). Only files that may declare a module are parsed
// (mayDeclareModule), into the cache (which may be nil) so that the scan does
// not parse them again; the cache keeps what it read of the others, for the
// scan to parse without reading them again.
func NewGraph(modules map[string][]string, cache *Cache) *Graph {
	g := &Graph{calls: make(map[string][]string, len(modules))}
	for dir := range modules {
		g.dirs = append(g.dirs, dir)
	}
	sort.Strings(g.dirs)
	results := make([][]string, len(g.dirs))
	workpool.Run(runtime.GOMAXPROCS(0), len(g.dirs), func(i int) {
		results[i] = localModuleCalls(g.dirs[i], modules[g.dirs[i]], cache)
	})
	for i, dir := range g.dirs {
		g.calls[dir] = results[i]
	}
	return g
}

// Roots returns the root modules, sorted: the modules no other module of
// the graph calls. Modules that only call each other in a cycle (which
// Terraform rejects) would have no root; the first of them becomes one, so
// that every module is scanned.
func (g *Graph) Roots() []string {
	called := map[string]bool{}
	for _, dir := range g.dirs {
		for _, c := range g.calls[dir] {
			if c != dir {
				called[c] = true
			}
		}
	}
	var roots []string
	reached := map[string]bool{}
	for _, dir := range g.dirs {
		if !called[dir] {
			roots = append(roots, dir)
			g.reach(dir, reached)
		}
	}
	for _, dir := range g.dirs {
		if !reached[dir] {
			roots = append(roots, dir)
			g.reach(dir, reached)
		}
	}
	sort.Strings(roots)
	return roots
}

// Reach returns the modules of the graph that root calls, directly or not,
// root included, sorted.
func (g *Graph) Reach(root string) []string {
	seen := map[string]bool{}
	g.reach(root, seen)
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

func (g *Graph) reach(dir string, seen map[string]bool) {
	if seen[dir] {
		return
	}
	seen[dir] = true
	for _, c := range g.calls[dir] {
		g.reach(c, seen)
	}
}

// LocalModuleCalls returns the directories of the modules that the files
// of the module in dir call through local sources ("./x", "../x"), sorted.
// Only files that may declare a module are parsed (mayDeclareModule); files
// that cannot be read or parsed are skipped (the scan reports them).
func LocalModuleCalls(dir string, files []string) []string {
	return localModuleCalls(dir, files, nil)
}

// mayDeclareModule reports whether the configuration file path, of content
// src, may have a module block, without parsing it. The files it rules out
// are parsed only when their module is loaded, so that the ASTs the cache
// holds until then are few. It must never rule out a file with a module
// block: the called module would become a root of its own.
//
// A JSON file may have one if it mentions "module" at all. In native syntax,
// the parser starts a top-level item only at the start of the file (after a
// byte order mark) or after a newline token, skipping spaces, tabs and
// comments, so the identifier "module" of a block is preceded on its line only
// by spaces and tabs, or by the end of a block comment ("*/"). Lines inside
// strings, heredocs or comments may pass this test too; they only cost a
// parse.
func mayDeclareModule(path string, src []byte) bool {
	keyword := []byte("module")
	if strings.HasSuffix(path, ".json") {
		return bytes.Contains(src, keyword)
	}
	for from := 0; ; {
		i := bytes.Index(src[from:], keyword)
		if i < 0 {
			return false
		}
		at := from + i
		start := bytes.LastIndexByte(src[:at], '\n') + 1
		line := src[start:at]
		if start == 0 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(bytes.Trim(line, " \t")) == 0 || bytes.Contains(line, []byte("*/")) {
			return true
		}
		from = at + len(keyword)
	}
}

func localModuleCalls(dir string, files []string, cache *Cache) []string {
	seen := map[string]bool{}
	for _, path := range files {
		src, err := readFile(path)
		if err != nil {
			continue
		}
		if !mayDeclareModule(path, src) {
			cache.keepRead(path, src)
			continue
		}
		_, f, _, err := cache.parseRead(path, src)
		if err != nil || f == nil || f.Body == nil {
			continue
		}
		content, _, _ := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
			{Type: "module", LabelNames: []string{"name"}},
		}})
		if content == nil {
			continue
		}
		for _, blk := range content.Blocks {
			if s := literalString(attrExpr(blk.Body, "source")); isLocalSource(s) {
				seen[filepath.Clean(filepath.Join(dir, filepath.FromSlash(s)))] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for d := range seen {
		if d != filepath.Clean(dir) {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}
