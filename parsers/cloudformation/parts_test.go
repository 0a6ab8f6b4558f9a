package cloudformation

import (
	"fmt"
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// showParts renders what a model string keeps of a partly known value: its
// known text, and each unknown part as ${refs.attribute}; "unknown" without
// parts, the text of a known value.
func showParts(v model.String) string {
	switch {
	case v.IsKnown():
		return "known " + v.V
	case v.Parts == nil:
		return "unknown"
	}
	return v.Parts.String()
}

// TestSubJoinParts: a Sub or Join with unknown parts keeps its known text,
// and each unknown part says what it is when it is a resource's attribute.
func TestSubJoinParts(t *testing.T) {
	tests := []struct {
		name, v string
		want    string
		// ref is the same value read as a policy's Resource element
		// (node.AsReference), when it differs.
		ref string
	}{
		{name: "pseudo partition", v: `!Sub "arn:${AWS::Partition}:iam::444455556666:root"`, want: "arn:${.}:iam::444455556666:root"},
		{name: "known region stays known text", v: `!Sub "arn:${AWS::Partition}:logs:${AWS::Region}:x"`, want: "arn:${.}:logs:us-east-1:x"},
		{name: "objects of a bucket", v: `!Sub "${R.Arn}/*"`, want: "${R.arn}/*"},
		{name: "bucket name by Ref", v: `!Sub "arn:${AWS::Partition}:s3:::${R}/AWSLogs/*"`, want: "arn:${.}:s3:::${R.ref}/AWSLogs/*"},
		{name: "parameter without value", v: `!Sub "acme-logs-${NoDefault}"`, want: "acme-logs-${.}"},
		{name: "known parameter", v: `!Sub "acme-logs-${Env}"`, want: "known acme-logs-dev"},
		{name: "Sub variable", v: `!Sub ["${B}/*", {B: !GetAtt R.Arn}]`, want: "${R.arn}/*"},
		{name: "nested Sub keeps its parts", v: `!Sub ["${B}-x", {B: !Sub "logs-${NoDefault}"}]`, want: "logs-${.}-x"},
		{name: "nothing known", v: `!Sub "${NoDefault}"`, want: "unknown"},
		{name: "Join", v: `!Join ["", ["arn:", !Ref AWS::Partition, ":s3:::", !Ref R, "/*"]]`, want: "arn:${.}:s3:::${R.ref}/*"},
		{name: "Join with a delimiter", v: `!Join ["-", [acme, !Ref NoDefault, logs]]`, want: "acme-${.}-logs"},
		{name: "Join of a Sub", v: `!Join ["/", [!Sub "${R.Arn}", "*"]]`, want: "${R.arn}/*"},
		{name: "Join of an unknown list", v: `!Join ["-", !Ref SubnetIds]`, want: "unknown"},
		{name: "GetAtt alone", v: `!GetAtt R.Arn`, want: "unknown", ref: "${R.arn}"},
		{name: "GetAtt list form", v: `!GetAtt [R, Arn]`, want: "unknown", ref: "${R.arn}"},
		{name: "Ref of a resource alone", v: `!Ref R`, want: "unknown", ref: "${R.ref}"},
		{name: "Ref of a parameter alone", v: `!Ref NoDefault`, want: "unknown"},
	}
	opts := Options{Params: map[string]string{"AWS::Region": "us-east-1"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := fmt.Sprintf(intrinsicsTemplate, tt.v)
			n, _ := evalProperty(t, src, opts, "R", "V")
			if got := showParts(n.AsString()); got != tt.want {
				t.Errorf("%s: got %q, want %q", tt.v, got, tt.want)
			}
			ref := tt.ref
			if ref == "" {
				ref = tt.want
			}
			if got := showParts((*node.Node).AsReference(n)); got != ref {
				t.Errorf("%s as a reference: got %q, want %q", tt.v, got, ref)
			}
		})
	}
}
