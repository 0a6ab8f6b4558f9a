// Package release builds seclint's release archives: static binaries
// (CGO_ENABLED=0, -trimpath) for each target, each in a .tar.gz (a .zip for
// Windows) with the LICENSE, README and CHANGELOG, and a SHA-256 checksums
// file in sha256sum's format. The output is reproducible: the same commit
// and version give the same bytes, because the build IDs are empty, paths are
// trimmed, and every archive entry has the commit's time, mode 0644/0755 and
// no owner. scripts/release runs it (through cmd/release); the release
// workflow runs that on a tag.
package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// DefaultTargets are the platforms a release ships.
var DefaultTargets = []string{
	"linux/amd64", "linux/arm64",
	"darwin/amd64", "darwin/arm64",
	"windows/amd64", "windows/arm64",
}

// extraFiles go into every archive beside the binary.
var extraFiles = []string{"LICENSE", "README.md", "CHANGELOG.md"}

const pkg = "./cmd/seclint"

// Config is one release run.
type Config struct {
	Version string    // vX.Y.Z, the tag
	Commit  string    // full commit hash
	Time    time.Time // the commit's time: build date and archive mtime
	Targets []string  // GOOS/GOARCH
	Out     string    // output directory, created
	Root    string    // repository root
}

var semver = regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`)

// ArchiveName is the archive of one target, e.g. seclint_0.1.0_linux_amd64.tar.gz.
func ArchiveName(version, target string) string {
	goos, goarch, _ := strings.Cut(target, "/")
	ext := ".tar.gz"
	if goos == "windows" {
		ext = ".zip"
	}
	return fmt.Sprintf("seclint_%s_%s_%s%s", strings.TrimPrefix(version, "v"), goos, goarch, ext)
}

// ChecksumsName is the checksums file of a version.
func ChecksumsName(version string) string {
	return fmt.Sprintf("seclint_%s_checksums.txt", strings.TrimPrefix(version, "v"))
}

// Release builds every target and writes the archives and the checksums
// file to c.Out; it returns their paths.
func Release(c Config) ([]string, error) {
	if !semver.MatchString(c.Version) {
		return nil, fmt.Errorf("version %q: want a tag like v1.2.3", c.Version)
	}
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "seclint-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	var sums []string
	var paths []string
	for _, t := range c.Targets {
		goos, goarch, ok := strings.Cut(t, "/")
		if !ok || goos == "" || goarch == "" {
			return nil, fmt.Errorf("target %q: want GOOS/GOARCH", t)
		}
		bin := filepath.Join(work, goos+"_"+goarch, binaryName(goos))
		if err := Build(c, goos, goarch, bin); err != nil {
			return nil, err
		}
		name := ArchiveName(c.Version, t)
		data, err := archive(c, goos, bin)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		p := filepath.Join(c.Out, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		sums = append(sums, hex.EncodeToString(sum[:])+"  "+name+"\n")
		paths = append(paths, p)
	}
	sort.Strings(sums)
	p := filepath.Join(c.Out, ChecksumsName(c.Version))
	if err := os.WriteFile(p, []byte(strings.Join(sums, "")), 0o644); err != nil {
		return nil, err
	}
	return append(paths, p), nil
}

func binaryName(goos string) string {
	if goos == "windows" {
		return "seclint.exe"
	}
	return "seclint"
}

// Build compiles one static, reproducible binary.
func Build(c Config, goos, goarch, out string) error {
	ldflags := strings.Join([]string{
		"-s", "-w", "-buildid=",
		"-X", "github.com/seclint/seclint.Version=" + c.Version,
		"-X", "main.commit=" + c.Commit,
		"-X", "main.date=" + c.Time.Format(time.RFC3339),
	}, " ")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", out, pkg)
	cmd.Dir = c.Root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch, "GOFLAGS=-mod=readonly")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building %s/%s: %w", goos, goarch, err)
	}
	return nil
}

type entry struct {
	name string
	mode int64
	data []byte
}

// archive packs the binary and the extra files, in a fixed order with fixed
// metadata, into a .tar.gz, or a .zip for Windows.
func archive(c Config, goos, bin string) ([]byte, error) {
	data, err := os.ReadFile(bin)
	if err != nil {
		return nil, err
	}
	entries := []entry{{name: filepath.Base(bin), mode: 0o755, data: data}}
	for _, f := range extraFiles {
		d, err := os.ReadFile(filepath.Join(c.Root, f))
		if err != nil {
			return nil, err
		}
		entries = append(entries, entry{name: f, mode: 0o644, data: d})
	}
	var buf bytes.Buffer
	if goos == "windows" {
		zw := zip.NewWriter(&buf)
		for _, e := range entries {
			h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: c.Time}
			h.SetMode(os.FileMode(e.mode))
			w, err := zw.CreateHeader(h)
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(e.data); err != nil {
				return nil, err
			}
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	// gzip's header carries no name and no time: the bytes depend on the
	// contents alone.
	gz.ModTime = time.Time{}
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Mode: e.mode, Size: int64(len(e.data)), ModTime: c.Time, Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := io.Copy(tw, bytes.NewReader(e.data)); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
