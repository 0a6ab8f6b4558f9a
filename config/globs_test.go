package config

import "testing"

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
