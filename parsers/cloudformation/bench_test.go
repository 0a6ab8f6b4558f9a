package cloudformation

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

// corpusTemplates reads every template of the shared corpus.
func corpusTemplates(b *testing.B) (names []string, srcs [][]byte) {
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isTemplateName(path) {
			return err
		}
		src, err := os.ReadFile(path)
		if err == nil && IsTemplate(src) {
			names = append(names, path)
			srcs = append(srcs, src)
		}
		return err
	})
	return names, srcs
}

// BenchmarkCorpusParse parses every corpus template (one core).
func BenchmarkCorpusParse(b *testing.B) {
	names, srcs := corpusTemplates(b)
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			Parse(names[i], src, Options{})
		}
	}
}

// BenchmarkCorpusYAMLFloor is the yaml.v3 parse alone, for comparison.
func BenchmarkCorpusYAMLFloor(b *testing.B) {
	_, srcs := corpusTemplates(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			var n yaml.Node
			_ = yaml.Unmarshal(src, &n)
		}
	}
}

// BenchmarkCorpusIsTemplate runs the classifier on every corpus YAML/JSON file.
func BenchmarkCorpusIsTemplate(b *testing.B) {
	var srcs [][]byte
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isTemplateName(path) {
			src, _ := os.ReadFile(path)
			srcs = append(srcs, src)
		}
		return err
	})
	for b.Loop() {
		for _, src := range srcs {
			IsTemplate(src)
		}
	}
}
