package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/seclint/seclint"
)

// Release builds set these with -ldflags (scripts/release):
//
//	-X github.com/seclint/seclint.Version=v0.1.0 -X main.commit=<sha> -X main.date=<RFC 3339>
//
// Other builds leave them empty and buildInfo fills them from the module's
// build information: `go install ...@v0.1.0` records v0.1.0 as the main
// module's version, and a build in a git checkout records the commit.
var (
	commit string
	date   string
)

// devVersion is seclint.Version when no -ldflags set it.
const devVersion = "0.1.0-dev"

// versionInfo is what `seclint version` prints.
type versionInfo struct {
	Version, Commit, Date, Go string
}

func init() {
	// The report's tool version (SARIF driver, JSON) is seclint.Version, so a
	// version known only from the build information is put there too.
	if v := currentVersion(); v.Version != seclint.Version {
		seclint.Version = v.Version
	}
}

func currentVersion() versionInfo {
	bi, _ := debug.ReadBuildInfo()
	return resolveVersion(seclint.Version, commit, date, bi)
}

// resolveVersion prefers what -ldflags set and falls back to the build
// information.
func resolveVersion(version, commit, date string, bi *debug.BuildInfo) versionInfo {
	v := versionInfo{Version: version, Commit: commit, Date: date}
	if bi == nil {
		return v
	}
	v.Go = bi.GoVersion
	if (v.Version == "" || v.Version == devVersion) && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v.Version = bi.Main.Version
	}
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if v.Commit == "" {
				v.Commit = s.Value
			}
		case "vcs.time":
			if v.Date == "" {
				v.Date = s.Value
			}
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && commit == "" && v.Commit != "" {
		v.Commit += " (modified)"
	}
	if v.Version == "" {
		v.Version = devVersion
	}
	return v
}

func runVersion(args []string, stdout io.Writer) error {
	if len(args) != 0 {
		return fmt.Errorf("usage: seclint version")
	}
	v := currentVersion()
	fmt.Fprintf(stdout, "seclint %s\n", v.Version)
	unknown := func(s string) string {
		if s == "" {
			return "unknown"
		}
		return s
	}
	fmt.Fprintf(stdout, "commit: %s\nbuilt:  %s\n", unknown(v.Commit), unknown(v.Date))
	if v.Go != "" {
		fmt.Fprintf(stdout, "go:     %s\n", v.Go)
	}
	return nil
}
