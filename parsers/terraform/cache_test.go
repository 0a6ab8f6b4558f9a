package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// TestCacheHelpSkipsStartedFiles: a unit that needs a module another unit
// is loading parses the files nobody has started, and leaves alone the
// one being parsed (it would only wait for it).
func TestCacheHelpSkipsStartedFiles(t *testing.T) {
	dir := t.TempDir()
	c := NewCache()
	var files []*fileEntry
	for i := range 4 {
		p := filepath.Join(dir, fmt.Sprintf("f%d.tf", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("locals { x%d = %d }\n", i, i)), 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, c.fileLocked(p))
	}
	files[2].started.Store(true) // another unit is parsing it
	help(files)
	for i, fe := range files {
		if parsed := fe.file != nil; parsed != (i != 2) {
			t.Errorf("f%d.tf parsed = %v, want %v", i, parsed, i != 2)
		}
	}
}

// TestCacheModuleConcurrentLoads: units that load one module at the same
// time, helping each other, all get the same module, with every file.
func TestCacheModuleConcurrentLoads(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 12 {
		p := filepath.Join(dir, fmt.Sprintf("r%02d.tf", i))
		src := fmt.Sprintf("resource \"aws_s3_bucket\" \"b%d\" { bucket = \"b-%d\" }\n", i, i)
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	c := NewCache()
	const units = 4
	c.Expect(dir, units)
	mods := make([]*module, units)
	var wg sync.WaitGroup
	for u := range units {
		wg.Go(func() {
			mods[u] = c.module(dir, paths, &diagnostics{unit: &model.Unit{}})
		})
	}
	wg.Wait()
	for u, m := range mods {
		if m != mods[0] {
			t.Fatalf("unit %d got another module than unit 0", u)
		}
	}
	if len(mods[0].resources) != len(paths) || len(mods[0].paths) != len(paths) {
		t.Errorf("module has %d resources from %d files, want %d of each", len(mods[0].resources), len(mods[0].paths), len(paths))
	}
	if len(c.files) != 0 || len(c.modules) != 0 {
		t.Errorf("cache keeps %d files and %d modules after every unit loaded the module, want none", len(c.files), len(c.modules))
	}
}
