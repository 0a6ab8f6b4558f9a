package release

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

func TestNames(t *testing.T) {
	tests := []struct{ version, target, archive string }{
		{"v0.1.0", "linux/amd64", "seclint_0.1.0_linux_amd64.tar.gz"},
		{"v0.1.0", "darwin/arm64", "seclint_0.1.0_darwin_arm64.tar.gz"},
		{"v1.2.3-rc.1", "windows/arm64", "seclint_1.2.3-rc.1_windows_arm64.zip"},
	}
	for _, tt := range tests {
		if got := ArchiveName(tt.version, tt.target); got != tt.archive {
			t.Errorf("ArchiveName(%s, %s) = %s, want %s", tt.version, tt.target, got, tt.archive)
		}
	}
	if got := ChecksumsName("v0.1.0"); got != "seclint_0.1.0_checksums.txt" {
		t.Errorf("ChecksumsName = %s", got)
	}
}

func TestRejectsBadInput(t *testing.T) {
	for _, c := range []Config{
		{Version: "0.1.0", Targets: []string{"linux/amd64"}},
		{Version: "main", Targets: []string{"linux/amd64"}},
		{Version: "v0.1.0", Targets: []string{"linux"}},
	} {
		c.Out = t.TempDir()
		if _, err := Release(c); err == nil {
			t.Errorf("Release(%+v) succeeded", c)
		}
	}
}

// testConfig is a release of this checkout at a fixed commit and time.
func testConfig(t *testing.T, targets ...string) Config {
	return Config{
		Version: "v0.1.0",
		Commit:  "0123456789abcdef0123456789abcdef01234567",
		Time:    time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC),
		Targets: targets,
		Out:     t.TempDir(),
		Root:    "../..",
	}
}

// TestZipArchive checks the Windows archive without building for Windows.
func TestZipArchive(t *testing.T) {
	c := testConfig(t)
	bin := filepath.Join(t.TempDir(), "seclint.exe")
	if err := os.WriteFile(bin, []byte("MZ fake"), 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := archive(c, "windows", bin)
	if err != nil {
		t.Fatal(err)
	}
	again, err := archive(c, "windows", bin)
	if err != nil || !bytes.Equal(data, again) {
		t.Fatalf("the zip archive is not reproducible (err %v)", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(c.Time) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, c.Time)
		}
	}
	if got := strings.Join(names, " "); got != "seclint.exe LICENSE README.md CHANGELOG.md" {
		t.Errorf("zip holds %s", got)
	}
}

// TestReleaseOneTarget is the release build of CI: scripts/release for one
// target (this machine's, so that the binary can run), as the release
// workflow runs it on a tag. The archive must hold the binary and the
// documents, the checksums file must match, the binary must be static and
// report the tag, and a second build must give the same bytes.
func TestReleaseOneTarget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds seclint twice")
	}
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("scripts/release needs %s, which is not installed", tool)
		}
	}
	const root = "../.."
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout: scripts/release takes the commit from git")
	}
	gitOut := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return strings.TrimSpace(string(out))
	}
	commit := gitOut("rev-parse", "HEAD")
	sec, err := strconv.ParseInt(gitOut("log", "-1", "--format=%ct"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	commitTime := time.Unix(sec, 0).UTC()
	target := runtime.GOOS + "/" + runtime.GOARCH
	version := "v0.1.0"
	release := func(out string) {
		notes := filepath.Join(out, "notes.md")
		cmd := exec.Command("bash", "scripts/release", "-version", version, "-out", filepath.Join(out, "dist"), "-targets", target, "-notes", notes)
		cmd.Dir = root
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("scripts/release: %v\n%s", err, b)
		}
		if b, err := os.ReadFile(notes); err != nil || !bytes.Contains(b, []byte("### Added")) {
			t.Errorf("release notes %q (err %v): want the CHANGELOG's section", b, err)
		}
	}
	before := sourceHash(t, root)
	out1 := t.TempDir()
	release(out1)
	name := ArchiveName(version, target)
	data, err := os.ReadFile(filepath.Join(out1, "dist", name))
	if err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(out1, "dist", ChecksumsName(version)))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if want := hex.EncodeToString(sum[:]) + "  " + name + "\n"; string(sums) != want {
		t.Errorf("checksums file = %q, want %q", sums, want)
	}
	if runtime.GOOS == "windows" {
		t.Skip("the rest reads a .tar.gz")
	}
	bin := extract(t, data, commitTime)

	// Static: no dynamic loader, no shared libraries (what `file` calls
	// "statically linked"), and built as the build information says.
	if runtime.GOOS == "linux" {
		f, err := elf.Open(bin)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
				t.Errorf("the binary has a %v program header: it is dynamically linked", p.Type)
			}
		}
		if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
			t.Errorf("the binary needs %v", libs)
		}
		f.Close()
	}
	bi, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if settings["CGO_ENABLED"] != "0" || settings["-trimpath"] != "true" {
		t.Errorf("build settings %v: want CGO_ENABLED=0 and -trimpath", settings)
	}

	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("seclint version: %v\n%s", err, out)
	}
	for _, want := range []string{"seclint v0.1.0\n", "commit: " + commit + "\n", "built:  " + commitTime.Format(time.RFC3339) + "\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("seclint version printed %q, want %q in it", out, want)
		}
	}
	if out, err := exec.Command(bin, "-f", "json", "../../testdata/examples/good").CombinedOutput(); err != nil || !bytes.Contains(out, []byte(`"tool_version": "v0.1.0"`)) {
		t.Errorf("the released binary's JSON report does not name v0.1.0 (err %v):\n%.400s", err, out)
	}

	out2 := t.TempDir()
	release(out2)
	sums2, err := os.ReadFile(filepath.Join(out2, "dist", ChecksumsName(version)))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case sourceHash(t, root) != before:
		// In a shared working tree someone may edit a file between the two
		// builds; CI builds a clean checkout.
		t.Log("the sources changed during the test: reproducibility not checked")
	case !bytes.Equal(sums, sums2):
		t.Errorf("a second build differs: %q vs %q", sums, sums2)
	}
}

// sourceHash hashes what goes into a release: the Go sources, the embedded
// rules and schema, the module files and the archived documents.
func sourceHash(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == ".git" || n == "testdata" || n == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		switch ext := filepath.Ext(p); {
		case ext == ".go" || ext == ".rego" || ext == ".json" || ext == ".md" || ext == ".mod" || ext == ".sum" || d.Name() == "LICENSE":
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h.Write([]byte(p + "\x00"))
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// extract unpacks a .tar.gz into a temporary directory, checks its entries
// and returns the binary's path.
func extract(t *testing.T, data []byte, mtime time.Time) string {
	t.Helper()
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(bufio.NewReader(gz))
	dir := t.TempDir()
	var names []string
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if !h.ModTime.Equal(mtime) || h.Uid != 0 || h.Uname != "" {
			t.Errorf("%s: mtime %v uid %d uname %q: want the commit time and no owner", h.Name, h.ModTime, h.Uid, h.Uname)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, h.Name), b, os.FileMode(h.Mode)); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(names, " "); got != "seclint LICENSE README.md CHANGELOG.md" {
		t.Errorf("archive holds %s", got)
	}
	return filepath.Join(dir, "seclint")
}

func TestNotes(t *testing.T) {
	const cl = "# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2027-01-01\n\n### Fixed\n\n- b\n\n## [0.1.0] - 2026-12-06\n\n### Added\n\n- a\n\n[0.2.0]: https://x\n[0.1.0]: https://y\n"
	tests := []struct {
		version, want string
		err           bool
	}{
		{"v0.2.0", "### Fixed\n\n- b\n", false},
		{"v0.1.0", "### Added\n\n- a\n", false},
		{"v0.3.0", "", true},
		{"Unreleased", "", true},
	}
	for _, tt := range tests {
		got, err := Notes(cl, tt.version)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("Notes(%s) = %q, %v; want %q, error %v", tt.version, got, err, tt.want, tt.err)
		}
	}
	// The repository's own CHANGELOG documents the version the README's
	// snippets pin.
	src, err := os.ReadFile("../../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Notes(string(src), "v0.1.0"); err != nil {
		t.Error(err)
	}
}

// TestReleaseWorkflow checks that a version tag runs scripts/release with the
// tag and publishes what it built.
func TestReleaseWorkflow(t *testing.T) {
	src, err := os.ReadFile("../../.github/workflows/release.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On struct {
			Push struct {
				Tags []string `yaml:"tags"`
			} `yaml:"push"`
		} `yaml:"on"`
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(src, &wf); err != nil {
		t.Fatal(err)
	}
	if len(wf.On.Push.Tags) == 0 || !strings.HasPrefix(wf.On.Push.Tags[0], "v") {
		t.Errorf("release.yml runs on tags %v, want version tags", wf.On.Push.Tags)
	}
	var all []string
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			all = append(all, s.Run)
		}
	}
	script := strings.Join(all, "\n")
	for _, want := range []string{`scripts/release -version "$GITHUB_REF_NAME"`, "-notes", "sha256sum --check", "gh release create"} {
		if !strings.Contains(script, want) {
			t.Errorf("release.yml does not run %q", want)
		}
	}
}
