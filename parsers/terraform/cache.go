package terraform

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/seclint/seclint/parsers/model"
)

// Cache shares between the scan units of one scan what does not depend on
// the unit: parsed files and loaded modules (a module that several roots
// call, such as the root module of a registry module that each of its
// examples calls, is read and parsed once), and the diagnostics already
// reported (a problem in a shared module is reported once, not once per
// caller). It is safe for concurrent use; its zero value is not, use
// NewCache. A scan creates one and drops it at the end.
type Cache struct {
	mu      sync.Mutex
	files   map[string]*fileEntry
	modules map[string]*moduleEntry
	seen    map[model.Diagnostic]bool
	// uses are how many units will load a module directory (Expect);
	// once they all have, the cache lets go of it, so that a scan does
	// not keep every module of the repository in memory to its end.
	uses map[string]int
}

type fileEntry struct {
	path string
	once sync.Once
	// started is set by whoever parses the file first; a unit helping
	// with a module another one loads (help) skips the files already
	// started rather than wait for them.
	started atomic.Bool
	// read is the content of a file read but not parsed yet (keepRead),
	// until the file is parsed.
	read  []byte
	src   []byte
	file  *hcl.File
	err   error
	diags hcl.Diagnostics
}

type moduleEntry struct {
	once  sync.Once
	mod   *module
	diags []model.Diagnostic
	// files are the entries of the module's files while it loads, in load
	// order; nil once it has loaded. Several roots of a repository call
	// its top module, and two workers often need it at once: the second
	// parses the files the first has not reached yet (help) instead of
	// waiting idle for the whole load.
	files []*fileEntry
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{
		files:   map[string]*fileEntry{},
		modules: map[string]*moduleEntry{},
		seen:    map[model.Diagnostic]bool{},
		uses:    map[string]int{},
	}
}

// Expect says that n units will load the module in dir.
func (c *Cache) Expect(dir string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.uses[dir] += n
}

// parse reads and parses one configuration file, once per cache; the
// content keepRead kept is parsed instead of reading the file again. A nil
// cache parses every time.
func (c *Cache) parse(path string) ([]byte, *hcl.File, hcl.Diagnostics, error) {
	if c == nil {
		return parseFile(path)
	}
	c.mu.Lock()
	fe := c.fileLocked(path)
	c.mu.Unlock()
	return fe.parse()
}

// fileLocked returns the entry of path, adding it if there is none; c.mu
// is held.
func (c *Cache) fileLocked(path string) *fileEntry {
	fe := c.files[path]
	if fe == nil {
		fe = &fileEntry{path: path}
		c.files[path] = fe
	}
	return fe
}

// parse parses the file once, or waits for whoever is parsing it.
func (fe *fileEntry) parse() ([]byte, *hcl.File, hcl.Diagnostics, error) {
	fe.started.Store(true)
	fe.once.Do(fe.load)
	return fe.src, fe.file, fe.diags, fe.err
}

func (fe *fileEntry) load() {
	if fe.read == nil {
		fe.src, fe.file, fe.diags, fe.err = parseFile(fe.path)
		return
	}
	fe.src, fe.read = fe.read, nil
	fe.file, fe.diags = parseContent(fe.path, fe.src)
}

// help parses, last first, the files of a module that another unit is
// loading from the first, skipping those someone has started: the two
// meet in the middle, and the wait for the module that follows is short.
func help(files []*fileEntry) {
	for i := len(files) - 1; i >= 0; i-- {
		if fe := files[i]; fe.started.CompareAndSwap(false, true) {
			fe.once.Do(fe.load)
		}
	}
}

// parseRead is parse for a file the caller has just read (readFile) as
// src: when the cache has not parsed it yet, it parses src instead of
// reading the file again.
func (c *Cache) parseRead(path string, src []byte) ([]byte, *hcl.File, hcl.Diagnostics, error) {
	if c == nil {
		f, hd := parseContent(path, src)
		return src, f, hd, nil
	}
	c.keepRead(path, src)
	return c.parse(path)
}

// keepRead keeps the content src of a file the caller has just read
// (readFile) without parsing it, for parse to parse instead of reading the
// file again.
func (c *Cache) keepRead(path string, src []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files[path] == nil {
		c.files[path] = &fileEntry{path: path, read: src}
	}
}

func parseFile(path string) ([]byte, *hcl.File, hcl.Diagnostics, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, nil, nil, err
	}
	f, hd := parseContent(path, src)
	return src, f, hd, nil
}

// parseContent parses the content src of the configuration file path.
func parseContent(path string, src []byte) (*hcl.File, hcl.Diagnostics) {
	// A parser per file: hclparse.Parser keeps every file it parsed.
	parser := hclparse.NewParser()
	var f *hcl.File
	var hd hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		f, hd = parser.ParseJSON(src, path)
	} else {
		f, hd = parser.ParseHCL(src, path)
	}
	return f, hd
}

// module returns the module of dir, loading it once per cache. Its load
// diagnostics are added to diags every time; the cache's set of reported
// diagnostics keeps them from being reported twice.
func (c *Cache) module(dir string, files []string, diags *diagnostics) *module {
	if c == nil {
		return loadModule(dir, files, nil, diags)
	}
	key := dir
	if files != nil {
		key += "\x00" + strings.Join(files, "\x00")
	}
	c.mu.Lock()
	me := c.modules[key]
	var loading []*fileEntry
	if me == nil {
		me = &moduleEntry{}
		c.modules[key] = me
		// The files are known before the load only when the caller lists
		// them (a called module); a root module lists its own.
		for _, p := range loadOrder(files) {
			me.files = append(me.files, c.fileLocked(p))
		}
	} else {
		loading = me.files
	}
	c.mu.Unlock()
	help(loading)
	me.once.Do(func() {
		local := &diagnostics{unit: &model.Unit{}}
		me.mod = loadModule(dir, files, c, local)
		me.diags = local.unit.Diagnostics
		// The module holds what it needs of its files.
		c.mu.Lock()
		for _, p := range me.mod.paths {
			delete(c.files, p)
		}
		me.files = nil
		c.mu.Unlock()
	})
	c.mu.Lock()
	if n, ok := c.uses[dir]; ok {
		if n <= 1 {
			delete(c.uses, dir)
			delete(c.modules, key)
		} else {
			c.uses[dir] = n - 1
		}
	}
	c.mu.Unlock()
	for _, d := range me.diags {
		diags.addDiag(d)
	}
	return me.mod
}

// firstReport reports whether d has not been reported in this scan yet,
// and records it.
func (c *Cache) firstReport(d model.Diagnostic) bool {
	if c == nil {
		return true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen[d] {
		return false
	}
	c.seen[d] = true
	return true
}
