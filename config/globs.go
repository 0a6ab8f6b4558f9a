package config

import (
	"path"
	"path/filepath"
	"strings"
)

// CleanGlob puts a glob in the form scanned paths have: slash-separated and
// without "./", so that "./legacy/**" and "legacy/**" match the same files.
func CleanGlob(g string) string {
	if g == "" {
		return g
	}
	return path.Clean(filepath.ToSlash(g))
}

// ResolveGlob makes a glob of the config file in dir match the paths a scan
// reports. A glob without a slash ("*.generated.tf") names files at any
// depth, as in .gitignore, and is kept; one with a slash ("legacy/**",
// "**/fixtures/**") is relative to the config file's directory.
func ResolveGlob(dir, g string) string {
	g = CleanGlob(g)
	if !strings.Contains(g, "/") || path.IsAbs(g) || dir == "." || dir == "" {
		return g
	}
	return path.Join(filepath.ToSlash(dir), g)
}

// globDir is the directory the config file's globs are relative to. It
// keeps the form of the config file's path (relative or absolute); the
// scan's matching compares an absolute glob with an absolute path.
func globDir(dir string) string { return filepath.Clean(dir) }
