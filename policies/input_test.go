package policies

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/seclint/seclint/parsers/model"
)

// jsonRoundTrip is the oracle: the input as the engine built it before
// inputConverter, by marshalling to JSON and decoding the bytes.
func jsonRoundTrip(x any) (ast.Value, error) {
	b, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	return ast.ValueFromReader(bytes.NewReader(b))
}

// sameAsJSON fails the test unless converting x directly gives the value
// the JSON round trip gives, including each number's text.
func sameAsJSON(t *testing.T, name string, c *inputConverter, x any) {
	t.Helper()
	want, wantErr := jsonRoundTrip(x)
	got, gotErr := c.convert(x)
	if (wantErr != nil) != (gotErr != nil) {
		t.Errorf("%s: error %v, JSON round trip's error %v", name, gotErr, wantErr)
		return
	}
	if wantErr != nil {
		return
	}
	if ast.Compare(got, want) != 0 || got.String() != want.String() {
		t.Errorf("%s:\n got %v\nwant %v", name, got, want)
	}
}

type textKey struct{ a, b string }

func (k textKey) MarshalText() ([]byte, error) { return []byte(k.a + "/" + k.b), nil }

type custom struct{ N int }

func (c custom) MarshalJSON() ([]byte, error) { return json.Marshal(map[string]int{"n": c.N * 2}) }

type ptrCustom struct{ N int }

func (c *ptrCustom) MarshalJSON() ([]byte, error) { return json.Marshal([]int{c.N}) }

type zeroer struct{ N int }

func (z zeroer) IsZero() bool { return z.N == 7 }

type Inner struct {
	A string `json:"a"`
	B int    `json:"b,omitempty"`
	// Shadowed is hidden by Outer's own field of this name.
	Shadowed string
}

type Other struct {
	A string `json:"a"` // collides with Inner.A at the same depth: dropped
	C string
}

// Tagged competes with Inner.A: both are tagged at one depth, so neither wins.
type Tagged struct {
	Named string `json:"a"`
}

// Untagged's field is named A by default; TagA's tagged A at the same depth wins.
type Untagged struct {
	A string
}

type TagA struct {
	Y string `json:"A"`
}

type Outer struct {
	Inner
	*Other
	Shadowed string
	private  string
	Skip     string         `json:"-"`
	Dash     string         `json:"-,"` //nolint:staticcheck // a field named "-", as encoding/json spells it
	Quoted   int            `json:"quoted,string"`
	QStr     string         `json:"qstr,string"`
	QFloat   float64        `json:"qfloat,string"`
	Bytes    []byte         `json:"bytes"`
	Arr      [2]int8        `json:"arr"`
	F32      float32        `json:"f32"`
	F64      []float64      `json:"f64"`
	U        uint64         `json:"u"`
	Any      any            `json:"any"`
	AnyNil   any            `json:"any_nil,omitempty"`
	Map      map[string]any `json:"map"`
	IntMap   map[int]bool   `json:"int_map"`
	TextMap  map[textKey]int
	NilMap   map[string]int `json:"nil_map"`
	Custom   custom         `json:"custom"`
	PCustom  ptrCustom      `json:"pcustom"`
	PCustomP *ptrCustom     `json:"pcustom_p"`
	Zero     zeroer         `json:"zero,omitzero"`
	ZeroPtr  *zeroer        `json:"zero_ptr,omitzero"`
	Time     time.Time      `json:"time,omitzero"`
	Empty    []string       `json:"empty,omitempty"`
	Nils     []*Inner       `json:"nils"`
	Bad      string         `json:"bad"`
	Self     *Outer         `json:"self,omitempty"`
	Value    model.Value[map[string]model.Number]
	Values   []model.StringList `json:"values"`
}

// conflicting embeds Inner, Other and tagged, whose "a" fields compete.
// It is built at run time because vet rightly flags such a type in source.
func conflicting() any {
	t := reflect.StructOf([]reflect.StructField{
		{Name: "Inner", Type: reflect.TypeFor[Inner](), Anonymous: true},
		{Name: "Other", Type: reflect.TypeFor[Other](), Anonymous: true},
	})
	v := reflect.New(t).Elem()
	v.Field(0).Set(reflect.ValueOf(Inner{A: "i"}))
	v.Field(1).Set(reflect.ValueOf(Other{A: "o", C: "c"}))
	withTag := reflect.StructOf([]reflect.StructField{
		{Name: "Inner", Type: reflect.TypeFor[Inner](), Anonymous: true},
		{Name: "Tagged", Type: reflect.TypeFor[Tagged](), Anonymous: true},
	})
	w := reflect.New(withTag).Elem()
	w.Field(0).Set(reflect.ValueOf(Inner{A: "i"}))
	w.Field(1).Set(reflect.ValueOf(Tagged{Named: "t"}))
	return []any{v.Interface(), w.Interface()}
}

// TestConverterFollowsEncodingJSON covers the parts of encoding/json's
// behaviour the model does not use today but may tomorrow.
func TestConverterFollowsEncodingJSON(t *testing.T) {
	full := &Outer{
		Inner:    Inner{A: "inner", B: 3, Shadowed: "hidden"},
		Other:    &Other{A: "other", C: "c"},
		Shadowed: "outer", private: "p", Skip: "s", Dash: "d",
		Quoted: 42, QStr: `say "<hi>"`, QFloat: 1e-9,
		Bytes: []byte("bytes\x00"), Arr: [2]int8{-1, 2},
		F32: 3.14, F64: []float64{0, -0.5, 1e21, 1e20, 1e-7, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64},
		U:      math.MaxUint64,
		Any:    []any{1, "x", nil, map[string]any{"k": 2.5}},
		Map:    map[string]any{"a": []int{1}, "b": nil, "\xff": true},
		IntMap: map[int]bool{-3: true, 10: false},
		TextMap: map[textKey]int{
			{"a", "b"}: 1,
		},
		Custom: custom{N: 2}, PCustom: ptrCustom{N: 5}, PCustomP: &ptrCustom{N: 6},
		Zero: zeroer{N: 7}, ZeroPtr: &zeroer{N: 7},
		Nils:   []*Inner{nil, {A: "x"}},
		Bad:    "bad \xff\xfe utf-8 \u2028 <&>",
		Self:   &Outer{Inner: Inner{A: "nested"}},
		Value:  model.KnownOf(map[string]model.Number{"n": model.KnownOf(2.0), "u": model.UnknownOf[float64](), "a": {}}),
		Values: []model.StringList{{}, model.UnknownOf[[]model.String](), model.KnownOf([]model.String{model.KnownOf("s")}), model.KnownOf[[]model.String](nil)},
	}
	cases := map[string]any{
		"full":          full,
		"full by value": *full,
		"zero":          &Outer{},
		"conflicts":     conflicting(),
		"tagged wins": struct {
			Inner
			Untagged
		}{Inner{A: "i"}, Untagged{A: "u"}},
		"nil":               nil,
		"nil pointer":       (*Outer)(nil),
		"empty model":       &model.Model{},
		"normalized empty":  (&model.Model{}).Normalize(),
		"integers as float": []float64{1, 2, 3, 100, 1e6},
	}
	c := &inputConverter{}
	for name, x := range cases {
		sameAsJSON(t, name, c, x)
	}
	for name, x := range map[string]any{"NaN": math.NaN(), "channel": make(chan int), "Inf field": struct{ F float64 }{math.Inf(1)}} {
		if _, err := c.convert(x); err == nil {
			t.Errorf("%s: converted, want the error encoding/json gives", name)
		}
	}
}

// TestConverterOnRandomModels fills every field of the model, whatever
// fields other people add, with random absent, known and unknown values,
// nil and empty slices and nil pointers, and compares with the JSON oracle.
func TestConverterOnRandomModels(t *testing.T) {
	c := &inputConverter{}
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 9))
		m := &model.Model{}
		fill(r, reflect.ValueOf(m).Elem(), 0)
		sameAsJSON(t, "random model", c, m)
		if t.Failed() {
			t.Fatalf("seed %d", seed)
		}
	}
}

// fill sets v to a random value of its type.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	t := v.Type()
	if isModelValue(t) {
		st, _ := t.FieldByName("State")
		state := model.State(r.IntN(3))
		v.Field(st.Index[0]).SetUint(uint64(state))
		if state == model.Known {
			inner, _ := t.FieldByName("V")
			fill(r, v.Field(inner.Index[0]), depth+1)
		}
		return
	}
	switch t.Kind() {
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(r.IntN(2000) - 1000))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(r.IntN(300)))
	case reflect.Float32, reflect.Float64:
		v.SetFloat([]float64{0, 1, -2.5, 1e-9, 3e22, r.Float64() * 1e6}[r.IntN(6)])
	case reflect.String:
		v.SetString([]string{"", "bucket", "arn:aws:s3:::x/*", "é\xff<tag>", "__unknown__"}[r.IntN(5)])
	case reflect.Pointer:
		if depth > 8 || r.IntN(4) == 0 {
			return
		}
		p := reflect.New(t.Elem())
		fill(r, p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		switch n := r.IntN(4); {
		case depth > 8 || n == 0:
		case n == 1:
			v.Set(reflect.MakeSlice(t, 0, 0))
		default:
			s := reflect.MakeSlice(t, n, n)
			for i := range n {
				fill(r, s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Map:
		if depth > 8 || r.IntN(3) == 0 {
			return
		}
		m := reflect.MakeMap(t)
		for range r.IntN(3) {
			k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			fill(r, k, depth+1)
			fill(r, e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				fill(r, v.Field(i), depth+1)
			}
		}
	}
}

// TestConverterEmptyCollections checks the shared terms of empty
// collections and of services whose collections are all empty against the
// JSON round trip: a normalized model (empty, and with a few objects), and
// models whose collections are nil.
func TestConverterEmptyCollections(t *testing.T) {
	c := &inputConverter{}
	sameAsJSON(t, "zero model", c, &model.Model{})
	sameAsJSON(t, "normalized model", c, (&model.Model{}).Normalize())
	m := (&model.Model{}).Normalize()
	m.AWS.S3.Buckets = append(m.AWS.S3.Buckets, &model.Bucket{Meta: model.Meta{ID: "b", Type: "AWS::S3::Bucket"}})
	m.Normalize()
	sameAsJSON(t, "one bucket", c, m)
	m.AWS.IAM.Roles = nil
	sameAsJSON(t, "a nil collection", c, m)
	sameAsJSON(t, "normalized model again", c, (&model.Model{}).Normalize())
}

// BenchmarkInput compares the two ways of building the input for a model
// of 500 buckets with policies.
func BenchmarkInput(b *testing.B) {
	m := &model.Model{}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		x := &model.Model{}
		fill(r, reflect.ValueOf(x).Elem(), 0)
		m.AWS.S3.Buckets = append(m.AWS.S3.Buckets, x.AWS.S3.Buckets...)
		m.AWS.IAM.Policies = append(m.AWS.IAM.Policies, x.AWS.IAM.Policies...)
	}
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := jsonRoundTrip(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("direct", func(b *testing.B) {
		c := &inputConverter{}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.convert(m); err != nil {
				b.Fatal(err)
			}
		}
	})
	// A typical unit: a few buckets, every other collection empty.
	unit := &model.Model{AWS: model.AWS{S3: model.S3{Buckets: m.AWS.S3.Buckets[:7]}}}
	unit.Normalize()
	b.Run("unit", func(b *testing.B) {
		c := &inputConverter{}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.convert(unit); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestConverterMemoizedValues converts values that the converter builds
// once per conversion (parts of partly known strings, lists of strings) and
// reuses for the same content: values that differ only in a nil or empty
// list, an empty string or the split between strings must not be mistaken
// for each other.
func TestConverterMemoizedValues(t *testing.T) {
	parts := func(ps ...model.Part) model.String {
		p := model.Parts(ps)
		return model.String{State: model.Unknown, Parts: &p}
	}
	known := func(ss ...string) model.StringList {
		var l []model.String
		for _, s := range ss {
			l = append(l, model.KnownOf(s))
		}
		return model.KnownOf(l)
	}
	unknownRef := model.Part{Unknown: true, Refs: []string{"aws_s3_bucket.a"}, Attribute: "arn"}
	m := &model.Model{}
	for _, v := range []model.String{
		parts(model.Part{Text: "arn:aws:s3:::"}, unknownRef),
		parts(model.Part{Text: "arn:aws:s3:::"}, model.Part{Unknown: true, Refs: []string{"aws_s3_bucket.a"}}),
		parts(model.Part{Text: "arn:aws:s3:::"}, model.Part{Unknown: true, Refs: []string{}}),
		parts(model.Part{Text: "arn:aws:s3:::"}, model.Part{Unknown: true}),
		parts(model.Part{Text: "arn:aws:s3:::"}, model.Part{Unknown: true, Refs: []string{"aws_s3_bucket.a", "b"}}),
		parts(model.Part{Text: "arn:aws:s3:::"}, model.Part{Unknown: true, Refs: []string{"aws_s3_bucket.ab"}}),
		parts(unknownRef, model.Part{Text: "/*"}),
	} {
		m.AWS.IAM.Policies = append(m.AWS.IAM.Policies, &model.Policy{Statements: []*model.Statement{{
			Resources: model.KnownOf([]model.String{v, model.KnownOf("*")}),
		}}})
	}
	for _, l := range []model.StringList{
		known("s3:GetObject"), known("s3:GetObject", "s3:PutObject"), known("s3:GetObjects3:PutObject"),
		known(""), known("", ""), known(), model.KnownOf([]model.String(nil)), known("s3:GetObject"),
		model.KnownOf([]model.String{model.KnownOf("s3:GetObject"), model.UnknownOf[string]()}),
		model.KnownOf([]model.String{model.KnownOf("s3:GetObject"), {}}),
	} {
		m.AWS.IAM.Policies = append(m.AWS.IAM.Policies, &model.Policy{Statements: []*model.Statement{{Actions: l}}})
	}
	var principals []*model.Principal
	for _, v := range []model.String{model.KnownOf("*"), model.UnknownOf[string](), {}, parts(model.Part{Text: "arn:aws:iam::"}, unknownRef), model.KnownOf("")} {
		for _, own := range []bool{false, true} {
			principals = append(principals, &model.Principal{Type: "AWS", Value: v, OwnAccount: own}, &model.Principal{Type: "AWS", Value: v, OwnAccount: own})
		}
	}
	var conditions []*model.Condition
	for _, l := range []model.StringList{known("true"), known("true"), model.UnknownOf[[]model.String](), {}, known(), model.KnownOf([]model.String(nil))} {
		for _, base := range []model.String{{}, model.KnownOf("Bool")} {
			conditions = append(conditions, &model.Condition{Operator: model.KnownOf("Bool"), Base: base, Key: model.KnownOf("aws:SecureTransport"), Values: l})
		}
	}
	m.AWS.IAM.Policies = append(m.AWS.IAM.Policies, &model.Policy{Statements: []*model.Statement{{
		Principals: model.KnownOf(principals),
		Conditions: model.KnownOf(conditions),
	}}})
	sameAsJSON(t, "memoized values", &inputConverter{}, m)
}

// TestConverterConcurrentConversions converts models concurrently with one
// converter, whose plans all conversions use.
func TestConverterConcurrentConversions(t *testing.T) {
	c := &inputConverter{}
	done := make(chan struct{})
	for g := range uint64(4) {
		go func() {
			defer func() { done <- struct{}{} }()
			for seed := range uint64(30) {
				r := rand.New(rand.NewPCG(seed, g))
				m := &model.Model{}
				fill(r, reflect.ValueOf(m).Elem(), 0)
				sameAsJSON(t, "random model", c, m)
			}
		}()
	}
	for range 4 {
		<-done
	}
}
