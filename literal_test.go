package seclint

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLiteralReportedWhereWritten: a literal that reaches a resource
// through a local or a module call is reported where it is written, with
// every resource that uses it (and the module calls) as related locations.
func TestLiteralReportedWhereWritten(t *testing.T) {
	const dir = "testdata/fixtures/aws-rds-password-literal/terraform-through"
	rep, err := Scan(context.Background(), Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, f := range rep.Findings {
		k := fmt.Sprintf("%s:%d", filepath.ToSlash(f.Range.File), f.Range.Start.Line)
		for _, r := range f.Related {
			got[k] = append(got[k], fmt.Sprintf("%s @ %s:%d", r.Message, filepath.ToSlash(r.Range.File), r.Range.Start.Line))
		}
	}
	want := map[string][]string{
		dir + "/locals.tf:5": {
			"aws_db_instance.through_local uses the value here @ " + dir + "/main.tf:11",
			"module.through_local.aws_db_instance.this uses the value here @ " + dir + "/modules/db/main.tf:16",
			"module.through_local @ " + dir + "/main.tf:31",
		},
		dir + "/locals.tf:7": {
			"aws_rds_cluster.through_local_map uses the value here @ " + dir + "/main.tf:18",
		},
		dir + "/main.tf:28": {
			"module.literal[0].aws_db_instance.this uses the value here @ " + dir + "/modules/db/main.tf:16",
			"module.literal[0] @ " + dir + "/main.tf:23",
			"module.literal[1].aws_db_instance.this uses the value here @ " + dir + "/modules/db/main.tf:16",
			"module.literal[1] @ " + dir + "/main.tf:23",
		},
	}
	if len(got) != len(want) {
		t.Errorf("findings at %v, want %d places", slices.Sorted(maps.Keys(got)), len(want))
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("%s related:\n%s\nwant\n%s", k, strings.Join(got[k], "\n"), strings.Join(w, "\n"))
		}
	}
}
