package seclint

import (
	"os"
	"path/filepath"
)

// otherForm returns p absolute when it is relative, and relative to the
// working directory when it is absolute and below it.
func otherForm(p string) (string, bool) {
	if !filepath.IsAbs(p) {
		abs, err := filepath.Abs(p)
		return abs, err == nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return rel, true
}
