package cloudformation

import (
	"strings"
	"testing"
	"time"

	"github.com/seclint/seclint/parsers/model"
)

const bucketYAML = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: b\n"

func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a9\n")
	return b.String()
}

func TestMalformed(t *testing.T) {
	deepFlow := "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: " +
		strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"
	deepBlock := "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n" +
		strings.Repeat("- ", 10000) + "x\n"
	deepMap := "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: " +
		strings.Repeat("{a: ", 5000) + "x" + strings.Repeat("}", 5000) + "\n"
	tests := []struct {
		name, path, src string
		sev             model.DiagSeverity
		summary         string
		line, col       int // 0: not checked
		buckets         int
	}{
		{name: "invalid YAML", path: "t.yaml", src: "Resources:\n  B:\n    Type: AWS::S3::Bucket\n   - x\n", sev: "error", summary: "invalid YAML", line: 4},
		{name: "invalid YAML on the first line", path: "t.yaml", src: "a: b: c\n", sev: "error", summary: "invalid YAML", line: 1},
		{name: "unclosed flow sequence", path: "t.yaml", src: "x: 1\ny: 2\nk: [1, 2\nz: 3\n", sev: "error", summary: "invalid YAML", line: 3},
		{name: "unknown anchor", path: "t.yaml", src: "x: 1\ny: 2\nz: *nope\n", sev: "error", summary: "invalid YAML", line: 3, col: 4},
		{name: "control character", path: "t.yaml", src: "x: 1\ny: a\x01b\n", sev: "error", summary: "invalid YAML", line: 2, col: 5},
		{name: "tabs", path: "t.yaml", src: "Resources:\n\tB:\n\t\tType: AWS::S3::Bucket\n", sev: "error", summary: "invalid YAML", line: 2},
		{name: "non-UTF-8", path: "t.yaml", src: "Resources:\n  B: caf\xe9\n", sev: "error", summary: "invalid UTF-8", line: 2, col: 9},
		{name: "binary garbage", path: "t.template", src: "\x00\x01\x02\xff\xfe\x89PNG\r\n\x1a\n", sev: "error", summary: "invalid UTF-8", line: 1, col: 4},
		{name: "NUL bytes", path: "t.yaml", src: "Resources: \x00\x00\n", sev: "error", summary: "invalid YAML", line: 1, col: 12},
		{name: "empty", path: "t.yaml", src: "", sev: "error", summary: "empty template", line: 1},
		{name: "comments only", path: "t.yml", src: "# nothing\n\n", sev: "error", summary: "empty template", line: 1},
		{name: "empty JSON", path: "t.json", src: "", sev: "error", summary: "invalid JSON", line: 1},
		{name: "JSON with a comment", path: "t.json", src: "{\n  // no\n  \"Resources\": {}\n}\n", sev: "error", summary: "invalid JSON", line: 2, col: 3},
		{name: "JSON trailing comma", path: "T.JSON", src: "{\n  \"Resources\": {},\n}\n", sev: "error", summary: "invalid JSON", line: 3, col: 1},
		{name: "JSON that YAML accepts", path: "t.json", src: "{'Resources': {}}", sev: "error", summary: "invalid JSON", line: 1, col: 2},
		{name: "top-level list", path: "t.yaml", src: "- Resources\n", sev: "error", summary: "not a CloudFormation template", line: 1},
		{name: "top-level scalar", path: "t.json", src: "\n\"AWS::S3::Bucket\"", sev: "error", summary: "not a CloudFormation template", line: 2},
		{name: "billion laughs", path: "t.yaml", src: billionLaughs(), sev: "error", summary: "template too large to evaluate"},
		{name: "alias cycle", path: "t.yaml", src: "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: &a [*a]\n", sev: "error", summary: "nesting too deep", line: 5},
		{name: "deep flow nesting", path: "t.yaml", src: deepFlow, sev: "error", summary: "nesting too deep", line: 5},
		{name: "deep block nesting", path: "t.yaml", src: deepBlock, sev: "error", line: 6},
		{name: "deep mapping nesting", path: "t.yaml", src: deepMap, sev: "error", summary: "nesting too deep", line: 5},

		{name: "duplicate key", path: "t.yaml", src: bucketYAML + "  B:\n    Type: AWS::S3::Bucket\n", sev: "warning", summary: "duplicate key", line: 6, col: 3, buckets: 1},
		{name: "duplicate key in a large mapping", path: "t.json", src: `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"A": 1, "B": 1, "C": 1, "D": 1, "E": 1, "F": 1, "G": 1, "H": 1, "I": 1, "A": 2}}}}`, sev: "warning", summary: "duplicate key", line: 1, col: 136, buckets: 1},
		{name: "two documents", path: "t.yaml", src: bucketYAML + "---\nx: 1\n", sev: "warning", summary: "more than one YAML document", line: 6, buckets: 1},
		{name: "complex key", path: "t.yaml", src: bucketYAML + "? [a]\n: b\n", sev: "warning", summary: "unsupported mapping key", line: 6, buckets: 1},
		{name: "resource not a mapping", path: "t.yaml", src: bucketYAML + "  C: x\n", sev: "warning", summary: "resource is not a mapping", line: 6, buckets: 1},
		{name: "Resources not a mapping", path: "t.yaml", src: "Resources: [a]\n", sev: "warning", summary: "Resources is not a mapping", line: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			u := parseUnit(tt.path, tt.src, Options{})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if len(u.Diagnostics) != 1 {
				t.Fatalf("want one diagnostic, got %v", u.Diagnostics)
			}
			d := u.Diagnostics[0]
			if d.Severity != tt.sev || (tt.summary != "" && d.Summary != tt.summary) {
				t.Errorf("got %s %q (%s), want %s %q", d.Severity, d.Summary, d.Detail, tt.sev, tt.summary)
			}
			if d.Range.File != tt.path || d.Range.Start.Line < 1 || d.Range.Start.Column < 1 ||
				(tt.line != 0 && d.Range.Start.Line != tt.line) || (tt.col != 0 && d.Range.Start.Column != tt.col) {
				t.Errorf("diagnostic at %s:%d:%d, want %s:%d:%d (%v)", d.Range.File, d.Range.Start.Line, d.Range.Start.Column, tt.path, tt.line, tt.col, d)
			}
			if tt.sev == "error" && d.Detail == "" {
				t.Errorf("error without detail: %v", d)
			}
			if n := len(u.Model.AWS.S3.Buckets); n != tt.buckets {
				t.Errorf("%d buckets, want %d", n, tt.buckets)
			}
		})
	}
}

func TestWellFormedVariants(t *testing.T) {
	tests := []struct {
		name, path, src string
		width           int // of the BucketName value: b, or "b" in JSON
	}{
		{"plain", "t.yaml", bucketYAML, 1},
		{"BOM", "t.yaml", "\xef\xbb\xbf" + bucketYAML, 1},
		{"CRLF", "t.yaml", strings.ReplaceAll(bucketYAML, "\n", "\r\n"), 1},
		{"BOM JSON", "t.json", "\xef\xbb\xbf" + `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "b"}}}}`, 3},
		{"tab-indented JSON", "t.json", "{\n\t\"Resources\": {\n\t\t\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": \"b\"}}\n\t}\n}\n", 3},
		{"no trailing newline", "t.yml", strings.TrimSuffix(bucketYAML, "\n"), 1},
		{"document markers", "t.template", "---\n" + bucketYAML + "...\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := Parse(tt.path, []byte(tt.src), Options{})
			if len(u.Diagnostics) != 0 {
				t.Fatalf("unexpected diagnostics %v", u.Diagnostics)
			}
			if u.Kind != model.UnitCloudFormation || u.Path != tt.path || len(u.Files) != 1 || u.Files[0] != tt.path {
				t.Errorf("unit %+v", u)
			}
			bs := u.Model.AWS.S3.Buckets
			if len(bs) != 1 || bs[0].ID != "B" {
				t.Fatalf("buckets %+v", bs)
			}
			if name, _ := bs[0].Name.Get(); name != "b" {
				t.Errorf("name %+v", bs[0].Name)
			}
			r := u.Locations["B"]["name"]
			if r.File != tt.path || r.End.Column-r.Start.Column != tt.width || r.Start.Line != r.End.Line {
				t.Errorf("name located at %+v, want the value", r)
			}
		})
	}
}

func TestParseNeverNil(t *testing.T) {
	for _, src := range []string{"", "x", "[", "\xff", billionLaughs()} {
		if u := Parse("f.yaml", []byte(src), Options{}); u == nil || u.Model == nil || u.Locations == nil {
			t.Errorf("Parse(%q) = %+v", src, u)
		}
	}
}
