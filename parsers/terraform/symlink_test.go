package terraform

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// A missing file under a symlinked scan root is unreadable (a warning), not
// outside the scan root (an error): the scan root is compared with symbolic
// links resolved, and so must the missing file's directory be.
func TestMissingFileUnderSymlinkedRoot(t *testing.T) {
	real := t.TempDir()
	mod := filepath.Join(real, "mod")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "locals {\n  body = file(\"missing.txt\")\n}\n"
	if err := os.WriteFile(filepath.Join(mod, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("symlinks not supported: %v", err)
	}
	u := ParseModule(filepath.Join(link, "mod"), nil, Options{ScanRoot: link})
	for _, d := range u.Diagnostics {
		if d.Severity == model.DiagError {
			t.Errorf("error diagnostic %v, want only a warning that the file cannot be read", d)
		}
	}
}
