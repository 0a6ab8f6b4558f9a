package adapt

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

func at(line int) model.Range {
	return model.Range{File: "f", Start: model.Pos{Line: line, Column: 1}, End: model.Pos{Line: line, Column: 9}}
}

func str(s string, line int) *node.Node { return node.NewString(s, at(line)) }

func TestGetKeepsUnknownsUnknown(t *testing.T) {
	inner := node.NewMap(at(2))
	inner.Set("b", str("x", 3))
	root := node.NewMap(at(1))
	root.Set("a", inner)
	root.Set("u", node.NewUnknown(at(4), "aws_s3_bucket.b"))
	root.Set("n", &node.Node{Kind: node.Null, Range: at(5)})
	tests := []struct {
		name string
		keys []string
		kind node.Kind
		line int // 0: nil
	}{
		{"nested", []string{"a", "b"}, node.String, 3},
		{"missing", []string{"a", "zz"}, 0, 0},
		{"below a scalar", []string{"a", "b", "c"}, 0, 0},
		{"below an unknown", []string{"u", "x", "y"}, node.Unknown, 4},
		{"no keys", nil, node.Map, 1},
	}
	for _, tt := range tests {
		got := Get(root, tt.keys...)
		switch {
		case tt.line == 0 && got != nil:
			t.Errorf("%s: got %+v, want nil", tt.name, got)
		case tt.line != 0 && (got == nil || got.Kind != tt.kind || got.Range.Start.Line != tt.line):
			t.Errorf("%s: got %+v, want kind %d at line %d", tt.name, got, tt.kind, tt.line)
		}
	}
	if u := Get(root, "u", "x"); len(u.Refs) != 1 || u.Refs[0] != "aws_s3_bucket.b" {
		t.Errorf("an unknown's fields keep its references: %v", u.Refs)
	}
	if v, k := FirstOf(root, "n", "zz", "a"); k != "a" || v != inner {
		t.Errorf("FirstOf skips null and absent keys: got key %q", k)
	}
	if v, k := FirstOf(root, "n", "zz"); v != nil || k != "" {
		t.Errorf("FirstOf with nothing written: got %v %q", v, k)
	}
}

func TestConversionsCoerce(t *testing.T) {
	num := &node.Node{Kind: node.Number, Str: "30"}
	tests := []struct {
		name      string
		got, want any
	}{
		{"number", Number(num), model.KnownOf(30.0)},
		{"number as a string", Number(str(" 7 ", 1)), model.KnownOf(7.0)},
		{"not a number", Number(str("seven", 1)), model.UnknownOf[float64]()},
		{"absent number", Number(nil), model.Number{}},
		{"unknown number", Number(node.NewUnknown(at(1))), model.UnknownOf[float64]()},
		{"bool as a string", Bool(str("False", 1)), model.KnownOf(false)},
		{"string of a number", String(num), model.KnownOf("30")},
		{"length in characters", TextLength(str("héllo", 1)), model.KnownOf(5.0)},
		{"no length when unknown", TextLength(node.NewUnknown(at(1))), model.Number{}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
	lit := str("p4ss", 1)
	lit.Literal = true
	unknownLit := node.NewUnknown(at(1))
	unknownLit.Literal = true
	for _, tt := range []struct {
		n    *node.Node
		want bool
	}{{lit, true}, {str("p4ss", 1), false}, {unknownLit, false}, {nil, false}} {
		if Literal(tt.n) != tt.want {
			t.Errorf("Literal(%+v) = %v", tt.n, !tt.want)
		}
	}
}

func TestObjectRecordsWhereValuesCameFrom(t *testing.T) {
	src := node.NewMap(at(1))
	src.Set("enable_key_rotation", str("true", 2))
	src.Set("key_spec", str("RSA_2048", 3))
	src.Set("multi_region", &node.Node{Kind: node.Null, Range: at(4)})
	src.Set("rotation_period_in_days", node.NewUnknown(at(5)))
	list := &node.Node{Kind: node.List, Range: at(6), KeyRange: at(7), List: []*node.Node{str("a", 8), str("b", 9)}}
	src.Set("arns", list)

	for _, f := range []Format{Terraform, CloudFormation} {
		locs := model.Locations{}
		o := f.Object(locs, "k", at(1))
		k := &model.KMSKey{}
		fs := KMSKeyFields(k)
		for i := range fs {
			// Read the Terraform keys in both formats: the test is about
			// what the Object does, not about the tables.
			fs[i].CFN = fs[i].TF
		}
		o.Apply(src, fs)
		var arns model.StringList
		o.StringList(&arns, "arns", src.Get("arns"))

		if k.RotationEnabled != model.KnownOf(true) || k.KeySpec != model.KnownOf("RSA_2048") ||
			k.RotationPeriodDays.State != model.Unknown || k.MultiRegion.State != model.Absent || k.KeyUsage.State != model.Absent {
			t.Errorf("%d: values %+v", f, k)
		}
		if len(arns.V) != 2 || arns.V[1] != model.KnownOf("b") {
			t.Errorf("%d: list %+v", f, arns)
		}
		want := map[string]int{"": 1, "rotation_enabled": 2, "key_spec": 3, "rotation_period_days": 5, "arns": 7, "arns[0]": 8, "arns[1]": 9}
		if f == CloudFormation {
			// A written null keeps its location in CloudFormation only.
			want["multi_region"] = 4
		}
		if len(locs["k"]) != len(want) {
			t.Errorf("%d: locations %v, want %v", f, locs["k"], want)
		}
		for path, line := range want {
			if r, ok := locs["k"][path]; !ok || r.Start.Line != line {
				t.Errorf("%d: location of %q: %v, want line %d", f, path, r, line)
			}
		}
	}
}
