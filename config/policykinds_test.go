package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPolicyKinds(t *testing.T) {
	src := `policy_kinds:
  - paths: ["network/**/*.json"]
    kind: endpoint
  - paths: ["org/scps/**", "org/guardrails/**"]
    kind: scp
`
	c, err := Parse("s.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.PolicyKinds) != 2 || c.PolicyKinds[0].Kind != "endpoint" || c.PolicyKinds[1].Line != 4 || len(c.PolicyKinds[1].Paths) != 2 {
		t.Errorf("parsed %+v", c.PolicyKinds)
	}
	for _, tt := range []struct{ name, src, want string }{
		{"unknown kind", "policy_kinds:\n  - paths: [a]\n    kind: bucket\n", "line 2"},
		{"no paths", "policy_kinds:\n  - kind: scp\n", "line 2"},
		{"bad glob", "policy_kinds:\n  - paths: [\"[\"]\n    kind: scp\n", "glob"},
		{"unknown key", "policy_kinds:\n  - paths: [a]\n    kinds: scp\n", "line 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("s.yaml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), "s.yaml") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one naming s.yaml and %q", err, tt.want)
			}
		})
	}
}

func TestPolicyKindGlobsAreRelativeToTheFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte("policy_kinds:\n  - paths: [\"net/**\"]\n    kind: endpoint\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.PolicyKinds[0].Paths[0]; got != ResolveGlob(globDir(dir), "net/**") {
		t.Errorf("glob %q", got)
	}
}
