package cloudformation

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/seclint/seclint/internal/memprobe"
	"github.com/seclint/seclint/parsers/model"
)

// TestLimits feeds templates whose expansion is huge: each must be parsed
// within a bounded peak heap, with a warning at the loop that hit a limit.
func TestLimits(t *testing.T) {
	items := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("n%d", i)
		}
		return out
	}
	loop := func(collection string) string {
		return "AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::LanguageExtensions\n" +
			"Parameters:\n  Names:\n    Type: CommaDelimitedList\n    Default: \"" + strings.Join(items(1_000_000), ",") + "\"\n" +
			"Resources:\n  Fn::ForEach::Buckets:\n    - Name\n    - " + collection + "\n" +
			"    - Bucket${Name}:\n        Type: AWS::S3::Bucket\n        Properties:\n          BucketName: !Sub \"b-${Name}\"\n"
	}
	many := func(n int) string {
		var b strings.Builder
		b.WriteString("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n")
		for i := range n {
			fmt.Fprintf(&b, "  Bucket%d:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: b-%d\n", i, i)
		}
		return b.String()
	}
	tests := []struct {
		name, src string
		// warning is the summary of the one diagnostic expected ("" for
		// none), at the line of the loop.
		warning string
		buckets int
		// maxHeap bounds the peak heap while parsing, in MiB.
		maxHeap uint64
	}{
		{
			name:    "Fn::ForEach over a literal list of a million",
			src:     loop("[" + strings.Join(items(1_000_000), ", ") + "]"),
			warning: "Fn::ForEach too large", maxHeap: 1024,
		},
		{
			name:    "Fn::ForEach over a parameter of a million",
			src:     loop("!Ref Names"),
			warning: "Fn::ForEach too large", maxHeap: 768,
		},
		{
			name:    "Fn::ForEach at the limit",
			src:     loop("[" + strings.Join(items(maxLoopItems), ", ") + "]"),
			buckets: maxLoopItems, maxHeap: 768,
		},
		{
			name:    "20,000 resources",
			src:     many(20_000),
			buckets: 20_000, maxHeap: 512,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var u *model.Unit
			heap := memprobe.PeakHeap(2*time.Millisecond, func() { u = parseUnit("t.yaml", tt.src, Options{}) })
			t.Logf("peak heap %d MiB", heap>>20)
			if heap > tt.maxHeap<<20 {
				t.Errorf("peak heap %d MiB, want at most %d", heap>>20, tt.maxHeap)
			}
			switch {
			case tt.warning == "" && len(u.Diagnostics) != 0:
				t.Errorf("unexpected diagnostics: %v", u.Diagnostics[:min(3, len(u.Diagnostics))])
			case tt.warning != "":
				if len(u.Diagnostics) != 1 || u.Diagnostics[0].Summary != tt.warning || u.Diagnostics[0].Severity != model.DiagWarning {
					t.Fatalf("diagnostics = %v, want one warning %q", u.Diagnostics[:min(3, len(u.Diagnostics))], tt.warning)
				}
				before, _, _ := strings.Cut(tt.src, "Fn::ForEach::")
				if want := strings.Count(before, "\n") + 1; u.Diagnostics[0].Range.Start.Line != want {
					t.Errorf("warning at line %d, want %d", u.Diagnostics[0].Range.Start.Line, want)
				}
			}
			if got := len(u.Model.AWS.S3.Buckets); got != tt.buckets {
				t.Errorf("%d buckets, want %d", got, tt.buckets)
			}
		})
	}
}
