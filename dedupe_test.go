package seclint

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

func TestMergeInstances(t *testing.T) {
	at := func(file string, line int) model.Range {
		return model.Range{File: file, Start: model.Pos{Line: line, Column: 3}, End: model.Pos{Line: line, Column: 20}}
	}
	finding := func(rule, res string, r model.Range) report.Finding {
		return report.Finding{
			RuleID: rule, Severity: report.Medium, Message: "Key " + res + " does not rotate.",
			Resource: res, Attribute: "enable_key_rotation", Range: r, Fingerprint: "fp-" + res,
			Related: []report.Related{{Message: strings.SplitN(res, ".aws_", 2)[0], Range: at("main.tf", 1)}},
		}
	}
	calledFrom := func(f report.Finding, file string) report.Finding {
		f.Related = []report.Related{{Message: "module.k", Range: at(file, 1)}}
		return f
	}
	withAttr := func(f report.Finding, attr string) report.Finding {
		f.Attribute = attr
		f.Fingerprint += attr
		f.Related = nil
		return f
	}
	suppressed := func(f report.Finding) report.Finding {
		f.Suppression = &report.Suppression{Kind: report.SuppressionInSource, Range: at("m/main.tf", 2)}
		return f
	}
	tests := []struct {
		name  string
		in    []report.Finding
		units []string
		// want is one line per finding out: resource, then the resources
		// of its instances.
		want []string
	}{
		{
			name:  "one instance is left as it is",
			in:    []report.Finding{finding("r", "module.k.aws_kms_key.this", at("m/main.tf", 3))},
			units: []string{"root"},
			want:  []string{"module.k.aws_kms_key.this"},
		},
		{
			name: "count instances at one range",
			in: []report.Finding{
				finding("r", `module.k[1].aws_kms_key.this`, at("m/main.tf", 3)),
				finding("r", `module.k[0].aws_kms_key.this`, at("m/main.tf", 3)),
			},
			units: []string{"root", "root"},
			want:  []string{`module.k[0].aws_kms_key.this [module.k[0].aws_kms_key.this module.k[1].aws_kms_key.this]`},
		},
		{
			name: "calls from two roots",
			in: []report.Finding{
				calledFrom(finding("r", "module.k.aws_kms_key.this", at("m/main.tf", 3)), "prod/main.tf"),
				calledFrom(finding("r", "module.k.aws_kms_key.this", at("m/main.tf", 3)), "dev/main.tf"),
			},
			units: []string{"prod", "dev"},
			want:  []string{"module.k.aws_kms_key.this [dev:module.k.aws_kms_key.this prod:module.k.aws_kms_key.this]"},
		},
		{
			name: "other rule, other range, no line: kept apart",
			in: []report.Finding{
				finding("r", "module.k[0].aws_kms_key.this", at("m/main.tf", 3)),
				finding("s", "module.k[1].aws_kms_key.this", at("m/main.tf", 3)),
				finding("r", "module.k[1].aws_kms_key.this", at("m/main.tf", 4)),
				finding("r", "a", model.Range{File: "m"}),
				finding("r", "b", model.Range{File: "m"}),
			},
			units: []string{"root", "root", "root", "root", "root"},
			want:  []string{"a", "b", "module.k[0].aws_kms_key.this", "module.k[1].aws_kms_key.this", "module.k[1].aws_kms_key.this"},
		},
		{
			name: "the blocks of a dynamic block, told apart by attribute",
			in: []report.Finding{
				withAttr(finding("r", "aws_default_network_acl.this", at("m/main.tf", 7)), "entries[1]"),
				withAttr(finding("r", "aws_default_network_acl.this", at("m/main.tf", 7)), "entries[0]"),
			},
			units: []string{"root", "root"},
			want:  []string{"aws_default_network_acl.this [aws_default_network_acl.this aws_default_network_acl.this]"},
		},
		{
			name: "a suppressed instance stays apart from the others",
			in: []report.Finding{
				finding("r", "module.k[0].aws_kms_key.this", at("m/main.tf", 3)),
				suppressed(finding("r", "module.k[1].aws_kms_key.this", at("m/main.tf", 3))),
			},
			units: []string{"root", "root"},
			want:  []string{"module.k[0].aws_kms_key.this", "module.k[1].aws_kms_key.this"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.in)
			out := mergeInstances(in, tt.units)
			var got []string
			for _, f := range out {
				s := f.Resource
				if len(f.Instances) > 0 {
					var ins []string
					for _, in := range f.Instances {
						if in.Unit != tt.units[0] || tt.units[0] != tt.units[len(tt.units)-1] {
							ins = append(ins, in.Unit+":"+in.Resource)
						} else {
							ins = append(ins, in.Resource)
						}
						if !slices.Contains(f.Fingerprints(), in.Fingerprint) {
							t.Errorf("fingerprint %s of %s not among %v", in.Fingerprint, in.Resource, f.Fingerprints())
						}
					}
					s += fmt.Sprintf(" %v", ins)
					if len(f.Related) != len(f.Instances) && f.Related != nil {
						t.Errorf("%d related locations, want one call per instance: %+v", len(f.Related), f.Related)
					}
					if f.Resource == "aws_default_network_acl.this" && (f.Attribute != "entries[0]" || !strings.Contains(f.Message, "aws_default_network_acl.this entries[0], aws_default_network_acl.this entries[1]")) {
						t.Errorf("dynamic block instances not named by attribute, or not the first: %s %s", f.Attribute, f.Message)
					}
					if !strings.Contains(f.Message, fmt.Sprintf("Reported once for the %d instances", len(f.Instances))) {
						t.Errorf("message does not name the instances: %s", f.Message)
					}
				} else {
					// Unmerged findings keep message and fingerprint.
					i := slices.IndexFunc(tt.in, func(o report.Finding) bool { return o.Resource == f.Resource && o.Range == f.Range })
					if i < 0 || tt.in[i].Message != f.Message || tt.in[i].Fingerprint != f.Fingerprint {
						t.Errorf("finding %s changed: %+v", f.Resource, f)
					}
				}
				got = append(got, s)
			}
			slices.Sort(got)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestModuleInstancesOnce scans a module called from two root modules (one
// through count) as a directory and through the module's file named on the
// command line, as pre-commit does: either way, one finding at the
// module's line, naming the three instances that have it (not the one
// that rotates) and carrying the three calls as related locations.
func TestModuleInstancesOnce(t *testing.T) {
	const dir = "testdata/fixtures/terraform-module-instances"
	module := filepath.Join(dir, "modules", "keys", "main.tf")
	for _, paths := range [][]string{{dir}, {module}} {
		t.Run(strings.Join(paths, " "), func(t *testing.T) {
			rep, err := Scan(context.Background(), Options{Paths: paths})
			if err != nil {
				t.Fatal(err)
			}
			var fs []report.Finding
			for _, f := range rep.Findings {
				if f.RuleID == "aws-kms-key-rotation" {
					fs = append(fs, f)
				}
			}
			if len(fs) != 1 {
				t.Fatalf("%d aws-kms-key-rotation findings, want 1: %+v", len(fs), fs)
			}
			f := fs[0]
			if f.Range.File != module || f.Range.Start.Line != 16 {
				t.Errorf("finding at %s:%d, want %s:16", f.Range.File, f.Range.Start.Line, module)
			}
			var ins []string
			for _, in := range f.Instances {
				ins = append(ins, filepath.ToSlash(in.Unit)+" "+in.Resource)
			}
			want := []string{
				dir + "/envs/dev module.keys[0].aws_kms_key.this",
				dir + "/envs/dev module.keys[1].aws_kms_key.this",
				dir + "/envs/prod module.keys.aws_kms_key.this",
			}
			if !slices.Equal(ins, want) {
				t.Errorf("instances\n%s\nwant\n%s", strings.Join(ins, "\n"), strings.Join(want, "\n"))
			}
			var rel []string
			for _, r := range f.Related {
				rel = append(rel, fmt.Sprintf("%s %s:%d", r.Message, filepath.ToSlash(r.Range.File), r.Range.Start.Line))
			}
			wantRel := []string{
				"module.keys[0] " + dir + "/envs/dev/main.tf:3",
				"module.keys[1] " + dir + "/envs/dev/main.tf:3",
				"module.keys " + dir + "/envs/prod/main.tf:1",
			}
			if !slices.Equal(rel, wantRel) {
				t.Errorf("related\n%s\nwant\n%s", strings.Join(rel, "\n"), strings.Join(wantRel, "\n"))
			}
			if strings.Contains(f.Message, "module.rotated") || !strings.Contains(f.Message, "envs/prod: module.keys.aws_kms_key.this") {
				t.Errorf("message names the wrong instances: %s", f.Message)
			}
			// The fingerprint is the first instance's own, so a baseline
			// written before the merge keeps matching.
			if want := Fingerprint(f.RuleID, filepath.Join(dir, "envs", "dev"), "module.keys[0].aws_kms_key.this", f.Attribute); f.Fingerprint != want {
				t.Errorf("fingerprint %s, want the first instance's %s", f.Fingerprint, want)
			}
		})
	}
}

// TestBaselineInstances: a baseline holding any instance of a merged
// finding keeps it out, and a baseline written from a merged finding holds
// every instance.
func TestBaselineInstances(t *testing.T) {
	merged := report.Finding{RuleID: "r", Fingerprint: "a", Instances: []report.Instance{{Fingerprint: "a"}, {Fingerprint: "b"}}}
	for _, fp := range []string{"a", "b"} {
		if got := (Baseline{fp: true}).filter([]report.Finding{merged}); len(got) != 0 {
			t.Errorf("baseline {%s} kept the merged finding", fp)
		}
	}
	if got := (Baseline{"c": true}).filter([]report.Finding{merged}); len(got) != 1 {
		t.Error("a baseline without any instance dropped the finding")
	}
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, &report.Report{Findings: []report.Finding{merged}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"fingerprint": "a"`) || !strings.Contains(buf.String(), `"fingerprint": "b"`) {
		t.Errorf("baseline lacks an instance:\n%s", buf.String())
	}
}
