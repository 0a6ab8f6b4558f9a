package cloudformation

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestHostileInputsAreLinear feeds inputs on which a quadratic step would
// take minutes; each must finish in seconds with the expected outcome.
func TestHostileInputsAreLinear(t *testing.T) {
	bucket := func(props string) string {
		return "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n" + props
	}
	repeat := func(item string, n int, sep string) string {
		return strings.TrimSuffix(strings.Repeat(item+sep, n), sep)
	}
	big := strings.Repeat("x", 500_000)
	tests := []struct {
		name, path, src string
		summary         string // of the one error or warning expected; "" for none
	}{
		{
			name: "long non-ASCII JSON line", path: "t.json",
			src: `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [` +
				repeat(`{"Key": "clé", "Value": "välue"}`, 60_000, ",") + `]}}}}`,
		},
		{
			name: "long plain scalars on one line", path: "t.yaml",
			src: bucket("      Tags: [" + repeat("ab", 200_000, ", ") + "]\n"),
		},
		{
			name: "alias to a long string", path: "t.yaml",
			src:     "a: &a " + big + "\n" + bucket("      Tags: ["+repeat("*a", 50_000, ", ")+"]\n"),
			summary: "template too large to evaluate",
		},
		{
			name: "Join doubling through aliases", path: "t.yaml",
			src: func() string {
				var b strings.Builder
				b.WriteString("j0: &j0 " + strings.Repeat("y", 1000) + "\n")
				for i := 1; i <= 12; i++ {
					fmt.Fprintf(&b, "j%d: &j%d !Join [\"\", [*j%d, *j%d, *j%d, *j%d]]\n", i, i, i-1, i-1, i-1, i-1)
				}
				return b.String() + bucket("      BucketName: *j12\n")
			}(),
			summary: "template too large to evaluate",
		},
		{
			name: "Split of a long string", path: "t.yaml",
			src: "s: &s !Split [\",\", \"" + strings.Repeat(",", 200_000) + "\"]\n" +
				bucket("      Tags: ["+repeat("*s", 1000, ", ")+"]\n"),
			summary: "template too large to evaluate",
		},
		{
			name: "long list parameter read many times", path: "t.yaml",
			src: "Parameters:\n  L: {Type: CommaDelimitedList, Default: \"" + strings.Repeat("a,", 100_000) + "a\"}\n" +
				bucket("      Tags: ["+repeat("!Ref L", 10_000, ", ")+"]\n"),
			summary: "template too large to evaluate",
		},
		{
			name: "Sub over many resources", path: "t.yaml",
			src: bucket("      BucketName: !Sub \"" + strings.Repeat("${R}", 1) + func() string {
				var b strings.Builder
				for i := 0; i < 100_000; i++ {
					fmt.Fprintf(&b, "${R%d}", i)
				}
				return b.String()
			}() + "\"\n"),
		},
		{
			name: "large Mappings read many times", path: "t.yaml",
			src: func() string {
				var b strings.Builder
				b.WriteString("Mappings:\n  M:\n")
				for i := 0; i < 20_000; i++ {
					fmt.Fprintf(&b, "    k%d: {v: x}\n", i)
				}
				return b.String() + bucket("      Tags: ["+repeat("!FindInMap [M, k19999, v]", 20_000, ", ")+"]\n")
			}(),
		},
		{
			name: "many duplicate keys", path: "t.yaml",
			src:     bucket("      Tags: {" + repeat("a: 1", 100_000, ", ") + "}\n"),
			summary: "duplicate key",
		},
		{
			name: "many duplicate resources", path: "t.yaml",
			src: func() string {
				var b strings.Builder
				b.WriteString("Resources:\n")
				for i := 0; i < 20_000; i++ {
					fmt.Fprintf(&b, "  R%d: {Type: AWS::SNS::Topic}\n", i)
				}
				for i := 0; i < 20_000; i++ {
					b.WriteString("  R19999: {Type: AWS::S3::Bucket}\n")
				}
				return b.String()
			}(),
			summary: "duplicate key",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			u := parseUnit(tt.path, tt.src, Options{})
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			if tt.summary == "" {
				if len(u.Diagnostics) != 0 {
					t.Errorf("unexpected diagnostics: %v", u.Diagnostics[:min(3, len(u.Diagnostics))])
				}
				return
			}
			found := false
			for _, d := range u.Diagnostics {
				found = found || d.Summary == tt.summary
			}
			if !found {
				t.Fatalf("want %q, got %v", tt.summary, u.Diagnostics[:min(3, len(u.Diagnostics))])
			}
			if len(u.Diagnostics) > maxDiagnostics+1 {
				t.Errorf("%d diagnostics; want at most %d", len(u.Diagnostics), maxDiagnostics+1)
			}
			if last := u.Diagnostics[len(u.Diagnostics)-1]; len(u.Diagnostics) > maxDiagnostics && last.Summary != "too many diagnostics" {
				t.Errorf("last diagnostic %v, want the too-many note", last)
			}
			if len(errorsOf(u.Diagnostics)) != 0 && len(u.Model.AWS.S3.Buckets) != 0 {
				t.Errorf("aborted template still has a model")
			}
		})
	}
}

func TestValueTooLong(t *testing.T) {
	src := "Parameters:\n  P: {Type: String, Default: \"" + strings.Repeat("z", 600_000) + "\"}\n" +
		"Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Join [\"\", [!Ref P, !Ref P]]\n"
	got, diags := evalProperty(t, src, Options{}, "B", "BucketName")
	if show(got) != "unknown[]" || len(diags) != 1 || diags[0].Summary != "value too long" || diags[0].Range.Start.Line != 7 {
		t.Errorf("got %s, %v; want unknown and a value-too-long warning at line 7", show(got), diags)
	}
}

// TestBillionLaughsBounded parses "billion laughs" documents (10^10 and
// 10^20 strings through nested aliases) and checks the time and the memory
// allocated: everything the parse allocates bounds its peak heap.
func TestBillionLaughsBounded(t *testing.T) {
	deeper := billionLaughs()
	for i := 10; i <= 19; i++ {
		deeper = strings.Replace(deeper, "Resources:", fmt.Sprintf("b%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\nResources:", i, i,
			i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1), 1)
	}
	deeper = strings.Replace(deeper, "Tags: *a9", "Tags: *a19", 1)
	for _, tt := range []struct{ name, src string }{
		{"YAML 10^10", billionLaughs()},
		{"YAML 10^20", deeper},
		{"merge keys", "a0: &a0 {k0: v}\n" + func() string {
			var b strings.Builder
			for i := 1; i <= 30; i++ {
				fmt.Fprintf(&b, "a%d: &a%d {x: [*a%d, *a%d, *a%d, *a%d], <<: *a%d}\n", i, i, i-1, i-1, i-1, i-1, i-1)
			}
			return b.String()
		}() + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: *a30\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			u := Parse("laughs.yaml", []byte(tt.src), Options{})
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes of YAML: %v, %.1f MiB allocated", len(tt.src), took.Round(time.Millisecond), float64(alloc)/(1<<20))
			if took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			if alloc > 500<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			errs := errorsOf(u.Diagnostics)
			if len(errs) != 1 || errs[0].Summary != "template too large to evaluate" || errs[0].Range.File != "laughs.yaml" || errs[0].Range.Start.Line < 1 {
				t.Errorf("want one too-large error with a position, got %v", u.Diagnostics)
			}
			if len(u.Model.AWS.S3.Buckets) != 0 {
				t.Error("an aborted template has a model")
			}
		})
	}
}
