package release

import (
	"fmt"
	"strings"
)

// Notes returns the CHANGELOG section of a version (Keep a Changelog:
// "## [0.1.0] - 2026-12-06" up to the next "## " heading), the release's
// description. A version without a section is an error, so that no release
// goes out undocumented.
func Notes(changelog, version string) (string, error) {
	want := "## [" + strings.TrimPrefix(version, "v") + "]"
	var out []string
	in := false
	for _, line := range strings.Split(changelog, "\n") {
		if strings.HasPrefix(line, "## ") {
			if in {
				break
			}
			in = strings.HasPrefix(line, want)
			continue
		}
		if in && !strings.HasPrefix(line, "[") {
			out = append(out, line)
		}
	}
	notes := strings.TrimSpace(strings.Join(out, "\n"))
	if !in && notes == "" {
		return "", fmt.Errorf("CHANGELOG.md has no section %q", want)
	}
	if notes == "" {
		return "", fmt.Errorf("CHANGELOG.md section %q is empty", want)
	}
	return notes + "\n", nil
}
