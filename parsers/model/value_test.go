package model

import (
	"encoding/json"
	"testing"
)

func TestPartlyKnown(t *testing.T) {
	tests := []struct {
		name  string
		parts []Part
		want  string
	}{
		{"known text around an unknown part", []Part{{Text: "arn:"}, {Unknown: true}, {Text: ":iam::"}, {Text: "444455556666:root"}},
			`{"__unknown__":true,"parts":[{"text":"arn:"},{"unknown":true},{"text":":iam::444455556666:root"}]}`},
		{"an unknown part names its resource", []Part{{Unknown: true, Refs: []string{"B"}, Attribute: "arn"}, {Text: "/*"}},
			`{"__unknown__":true,"parts":[{"unknown":true,"refs":["B"],"attribute":"arn"},{"text":"/*"}]}`},
		{"nothing known", []Part{{Unknown: true}, {Text: ""}, {Unknown: true}}, `{"__unknown__":true}`},
		// All text is a known value, which PartlyKnown is not asked for.
		{"no unknown part", []Part{{Text: "a"}}, `{"__unknown__":true}`},
	}
	for _, tt := range tests {
		v := PartlyKnown(tt.parts)
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.want || v.State != Unknown {
			t.Errorf("%s: got %s (state %d), want %s", tt.name, b, v.State, tt.want)
		}
	}
	// The input's parts are not changed by merging.
	in := []Part{{Text: "a"}, {Text: "b"}, {Unknown: true}}
	_ = PartlyKnown(in)
	if in[0].Text != "a" {
		t.Errorf("PartlyKnown changed its input: %+v", in)
	}
}

// TestPartsString: known text as it is, each unknown part as
// ${refs.attribute}.
func TestPartsString(t *testing.T) {
	ps := Parts{
		{Text: "arn:aws:s3:::"},
		{Unknown: true, Refs: []string{"aws_s3_bucket.logs"}, Attribute: "bucket"},
		{Text: "/*"},
	}
	if got, want := ps.String(), "arn:aws:s3:::${aws_s3_bucket.logs.bucket}/*"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
