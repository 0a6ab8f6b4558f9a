package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestResolveVersion(t *testing.T) {
	installed := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.1.0"}}
	checkout := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	tests := []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  versionInfo
	}{
		{"ldflags win", "v0.2.0", "deadbeef", "2026-12-06T00:00:00Z", installed,
			versionInfo{"v0.2.0", "deadbeef", "2026-12-06T00:00:00Z", "go1.26.0"}},
		{"go install @v0.1.0", devVersion, "", "", installed, versionInfo{"v0.1.0", "", "", "go1.26.0"}},
		{"git checkout", devVersion, "", "", checkout, versionInfo{devVersion, "abc123 (modified)", "2026-12-01T10:00:00Z", "go1.26.0"}},
		{"no build info", devVersion, "", "", nil, versionInfo{Version: devVersion}},
		{"empty version", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, versionInfo{Version: devVersion}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolveVersion(tt.version, tt.commit, tt.date, tt.bi); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestVersionCommand(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		var out, errb bytes.Buffer
		if code := run(t.Context(), args, &out, &errb); code != exitOK {
			t.Fatalf("%v: exit %d, stderr %s", args, code, errb.String())
		}
		for _, want := range []string{"seclint ", "\ncommit: ", "\nbuilt:  "} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%v: output %q lacks %q", args, out.String(), want)
			}
		}
	}
	var out, errb bytes.Buffer
	if code := run(t.Context(), []string{"version", "extra"}, &out, &errb); code != exitUsage {
		t.Errorf("version extra: exit %d, want %d", code, exitUsage)
	}
}
