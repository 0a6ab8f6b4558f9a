package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestResolveGlob(t *testing.T) {
	for _, tt := range []struct{ dir, glob, want string }{
		{".", "legacy/**", "legacy/**"},
		{"infra", "legacy/**", "infra/legacy/**"},
		{"infra", "./legacy/**", "infra/legacy/**"},
		{"infra", "**/fixtures/**", "infra/**/fixtures/**"},
		{"infra", "*.generated.tf", "*.generated.tf"}, // a name pattern, any depth
		{"infra", "/abs/x/**", "/abs/x/**"},
		{"/repo/infra", "legacy/**", "/repo/infra/legacy/**"},
	} {
		if got := ResolveGlob(tt.dir, tt.glob); got != tt.want {
			t.Errorf("ResolveGlob(%q, %q) = %q, want %q", tt.dir, tt.glob, got, tt.want)
		}
	}
}

func TestLoadResolvesRootVarFiles(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/.seclint.yaml"
	if err := os.WriteFile(path, []byte("terraform:\n  root_var_files:\n    infra/: [vars/prod.tfvars]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	got := c.Terraform.RootVarFiles[filepath.Join(dir, "infra")]
	if len(got) != 1 || got[0] != filepath.Join(dir, "vars", "prod.tfvars") {
		t.Errorf("root_var_files %v", c.Terraform.RootVarFiles)
	}
}
