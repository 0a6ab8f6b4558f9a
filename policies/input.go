package policies

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/seclint/seclint/internal/jsonfields"
	"github.com/seclint/seclint/parsers/model"
)

// inputConverter builds the OPA input straight from Go values. The result is
// exactly what encoding/json followed by ast.ValueFromReader gives (the test
// compares the two on every fixture), without the bytes and the generic
// map[string]any in between. Like encoding/json it walks values by
// reflection with a plan computed once per type, so a field or a type added
// to the model needs no code here.
//
// The plans live in the converter (one per Engine), not in a package
// variable, and are safe for concurrent use.
type inputConverter struct {
	encoders sync.Map // reflect.Type → encoderFunc
	// states holds the emptied state of finished conversions (their maps
	// and key buffer), so that a conversion rarely grows its own.
	states sync.Pool
	// memoIDs numbers the encoders that memoize their values (memoized).
	memoIDs atomic.Int32
}

// encoderFunc converts one value of the type it was built for.
type encoderFunc func(c *conversion, v reflect.Value) (*ast.Term, error)

// conversion is the state of one call of convert.
type conversion struct {
	*inputConverter
	*convState
}

// convState is what a conversion remembers of the values it has built.
type convState struct {
	// strings are the string terms built so far: a unit repeats many
	// strings (types, kinds, effects, actions, the IDs that links name),
	// and input terms are never modified, so each is built once.
	strings map[string]*ast.Term
	// memo holds the terms of the small values memoized encoders built,
	// by their content: the parts of partly known strings and the lists
	// of strings repeat as much as strings do.
	memo map[memoKey]*ast.Term
	// key is the buffer a memoized encoder writes a value's key in.
	key []byte
}

// memoKey is a memoized value: the encoder (one per type) and the value's
// content (memoized).
type memoKey struct {
	enc     int32
	content string
}

// str is the term of string s.
func (c *conversion) str(s string) *ast.Term {
	if t, ok := c.strings[s]; ok {
		return t
	}
	if c.strings == nil {
		c.strings = make(map[string]*ast.Term)
	}
	t := stringTerm(s)
	c.strings[s] = t
	return t
}

// convert converts x, typically a *model.Model.
func (c *inputConverter) convert(x any) (ast.Value, error) {
	v := reflect.ValueOf(x)
	if !v.IsValid() {
		return ast.NullValue, nil
	}
	st, _ := c.states.Get().(*convState)
	if st == nil {
		st = &convState{}
	}
	t, err := c.encoder(v.Type())(&conversion{inputConverter: c, convState: st}, v)
	clear(st.strings)
	clear(st.memo)
	st.key = st.key[:0]
	c.states.Put(st)
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

// encoder returns the encoder of t, building it on first use. A recursive
// type finds its own encoder through an indirection that waits until the
// real one is built, as encoding/json does.
func (c *inputConverter) encoder(t reflect.Type) encoderFunc {
	if f, ok := c.encoders.Load(t); ok {
		return f.(encoderFunc)
	}
	var (
		wg sync.WaitGroup
		f  encoderFunc
	)
	wg.Add(1)
	indirect, loaded := c.encoders.LoadOrStore(t, encoderFunc(func(c *conversion, v reflect.Value) (*ast.Term, error) {
		wg.Wait()
		return f(c, v)
	}))
	if loaded {
		return indirect.(encoderFunc)
	}
	f = c.newEncoder(t)
	wg.Done()
	c.encoders.Store(t, f)
	return f
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	isZeroerType      = reflect.TypeFor[interface{ IsZero() bool }]()
	// modelPkg is where Value[T] lives; see isModelValue.
	modelPkg = reflect.TypeFor[model.String]().PkgPath()
)

func (c *inputConverter) newEncoder(t reflect.Type) encoderFunc {
	if isModelValue(t) {
		return c.modelValueEncoder(t)
	}
	// Any other type with its own JSON (or text) encoding is converted
	// through that encoding: exact by construction, and the model has none.
	if t.Implements(marshalerType) || t.Implements(textMarshalerType) {
		return viaJSON(false)
	}
	if t.Kind() != reflect.Pointer && (reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshalerType)) {
		// encoding/json calls pointer-receiver methods only on addressable values.
		plain := c.kindEncoder(t)
		return func(c *conversion, v reflect.Value) (*ast.Term, error) {
			if v.CanAddr() {
				return viaJSON(true)(c, v)
			}
			return plain(c, v)
		}
	}
	return c.kindEncoder(t)
}

// viaJSON converts a value through its own MarshalJSON or MarshalText.
func viaJSON(addr bool) encoderFunc {
	return func(_ *conversion, v reflect.Value) (*ast.Term, error) {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		x := v.Interface()
		if addr {
			x = v.Addr().Interface()
		}
		b, err := json.Marshal(x)
		if err != nil {
			return nil, fmt.Errorf("encoding %s: %w", v.Type(), err)
		}
		val, err := ast.ValueFromReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("decoding %s: %w", v.Type(), err)
		}
		return ast.NewTerm(val), nil
	}
}

func (c *inputConverter) kindEncoder(t reflect.Type) encoderFunc {
	switch t.Kind() {
	case reflect.Bool:
		return func(_ *conversion, v reflect.Value) (*ast.Term, error) {
			return ast.InternedTerm(v.Bool()), nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(_ *conversion, v reflect.Value) (*ast.Term, error) {
			return numberTerm(strconv.FormatInt(v.Int(), 10)), nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(_ *conversion, v reflect.Value) (*ast.Term, error) {
			return numberTerm(strconv.FormatUint(v.Uint(), 10)), nil
		}
	case reflect.Float32, reflect.Float64:
		bits := t.Bits()
		return func(_ *conversion, v reflect.Value) (*ast.Term, error) {
			s, err := jsonFloat(v.Float(), bits)
			if err != nil {
				return nil, err
			}
			return numberTerm(s), nil
		}
	case reflect.String:
		return func(c *conversion, v reflect.Value) (*ast.Term, error) {
			return c.str(v.String()), nil
		}
	case reflect.Interface:
		return func(c *conversion, v reflect.Value) (*ast.Term, error) {
			if v.IsNil() {
				return ast.InternedNullTerm, nil
			}
			e := v.Elem()
			return c.encoder(e.Type())(c, e)
		}
	case reflect.Pointer:
		enc := c.encoder(t.Elem())
		return func(c *conversion, v reflect.Value) (*ast.Term, error) {
			if v.IsNil() {
				return ast.InternedNullTerm, nil
			}
			return enc(c, v.Elem())
		}
	case reflect.Slice:
		if isBytes(t) {
			return func(_ *conversion, v reflect.Value) (*ast.Term, error) {
				if v.IsNil() {
					return ast.InternedNullTerm, nil
				}
				return ast.StringTerm(base64.StdEncoding.EncodeToString(v.Bytes())), nil
			}
		}
		enc := c.encoder(t.Elem())
		list := func(c *conversion, v reflect.Value) (*ast.Term, error) {
			if v.IsNil() {
				return ast.InternedNullTerm, nil
			}
			return c.array(enc, v)
		}
		// Lists of strings (actions, resources, condition values) repeat.
		if key := scalarKey(t); key != nil {
			return c.memoized(key, list)
		}
		return list
	case reflect.Array:
		enc := c.encoder(t.Elem())
		return func(c *conversion, v reflect.Value) (*ast.Term, error) { return c.array(enc, v) }
	case reflect.Map:
		return c.mapEncoder(t)
	case reflect.Struct:
		return c.structEncoder(t)
	}
	return func(_ *conversion, v reflect.Value) (*ast.Term, error) {
		return nil, fmt.Errorf("building the rule input: unsupported type %s", v.Type())
	}
}

// isBytes reports whether encoding/json writes slices of t as base64: byte
// slices whose element type has no JSON encoding of its own.
func isBytes(t reflect.Type) bool {
	e := t.Elem()
	if e.Kind() != reflect.Uint8 {
		return false
	}
	p := reflect.PointerTo(e)
	return !p.Implements(marshalerType) && !p.Implements(textMarshalerType)
}

func (c *conversion) array(enc encoderFunc, v reflect.Value) (*ast.Term, error) {
	n := v.Len()
	if n == 0 {
		// Most of a unit's collections are empty. OPA shares this term
		// itself (its values are immutable once built), so every empty
		// array of every input can be the one term.
		return ast.InternedEmptyArray, nil
	}
	terms := make([]*ast.Term, n)
	for i := range n {
		t, err := enc(c, v.Index(i))
		if err != nil {
			return nil, err
		}
		terms[i] = t
	}
	return ast.ArrayTerm(terms...), nil
}

func (c *inputConverter) mapEncoder(t reflect.Type) encoderFunc {
	var key func(reflect.Value) string
	switch k := t.Key(); {
	case k.Kind() == reflect.String:
		key = reflect.Value.String
	case k.Implements(textMarshalerType):
		// Rare, and the text form's errors belong to encoding/json.
		return viaJSON(false)
	case k.Kind() >= reflect.Int && k.Kind() <= reflect.Int64:
		key = func(v reflect.Value) string { return strconv.FormatInt(v.Int(), 10) }
	case k.Kind() >= reflect.Uint && k.Kind() <= reflect.Uintptr:
		key = func(v reflect.Value) string { return strconv.FormatUint(v.Uint(), 10) }
	default:
		return func(_ *conversion, v reflect.Value) (*ast.Term, error) {
			return nil, fmt.Errorf("building the rule input: unsupported map key type in %s", v.Type())
		}
	}
	enc := c.encoder(t.Elem())
	return func(c *conversion, v reflect.Value) (*ast.Term, error) {
		if v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		kvs := make([][2]*ast.Term, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			val, err := enc(c, it.Value())
			if err != nil {
				return nil, err
			}
			kvs = append(kvs, [2]*ast.Term{c.str(key(it.Key())), val})
		}
		return ast.NewTerm(ast.NewObject(kvs...)), nil
	}
}

// isModelValue reports whether t is an instantiation of model.Value[T].
// Reflection cannot name a generic type's origin, so it goes by package and
// name; its MarshalJSON is then inlined (see modelValueEncoder).
func isModelValue(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == modelPkg && strings.HasPrefix(t.Name(), "Value[")
}

// modelValueEncoder mirrors model.Value's MarshalJSON: a known value is the
// plain value, an unknown one {"__unknown__": true} (with its parts when
// partly known), an absent one null
// (fields of this type are omitted when absent through omitzero).
func (c *inputConverter) modelValueEncoder(t reflect.Type) encoderFunc {
	state, _ := t.FieldByName("State")
	inner, _ := t.FieldByName("V")
	partsField, _ := t.FieldByName("Parts")
	enc := c.encoder(inner.Type)
	encParts := c.encoder(partsField.Type)
	unknownKey := ast.StringTerm(model.UnknownKey)
	partsKey := ast.StringTerm("parts")
	// Input terms are never modified (OPA shares terms the same way), so
	// every wholly unknown value of this type is the one object.
	unknown := ast.ObjectTerm([2]*ast.Term{unknownKey, ast.InternedTerm(true)})
	return func(c *conversion, v reflect.Value) (*ast.Term, error) {
		switch model.State(v.Field(state.Index[0]).Uint()) {
		case model.Known:
			return enc(c, v.Field(inner.Index[0]))
		case model.Unknown:
			if parts := v.Field(partsField.Index[0]); !parts.IsNil() {
				// A partly known string (model.Parts).
				pt, err := encParts(c, parts)
				if err != nil {
					return nil, err
				}
				return ast.ObjectTerm([2]*ast.Term{unknownKey, ast.InternedTerm(true)}, [2]*ast.Term{partsKey, pt}), nil
			}
			return unknown, nil
		default:
			return ast.InternedNullTerm, nil
		}
	}
}

// field is one JSON member of a struct with its conversion, resolved once
// per type.
type field struct {
	key       *ast.Term
	typ       reflect.Type
	index     []int // through embedded structs
	enc       encoderFunc
	omitEmpty bool
	omitZero  func(reflect.Value) bool
	quoted    bool
}

func (c *inputConverter) structEncoder(t reflect.Type) encoderFunc {
	fields := c.fields(t)
	enc := func(c *conversion, v reflect.Value) (*ast.Term, error) {
		// The pairs are only read by NewObject, which copies them: a
		// buffer on the stack holds those of all but the largest structs.
		var buf [32][2]*ast.Term
		kvs := buf[:0]
	next:
		for i := range fields {
			f := &fields[i]
			fv := v
			for _, j := range f.index {
				if fv.Kind() == reflect.Pointer {
					if fv.IsNil() {
						continue next // a field of a nil embedded pointer
					}
					fv = fv.Elem()
				}
				fv = fv.Field(j)
			}
			if (f.omitEmpty && isEmpty(fv)) || (f.omitZero != nil && f.omitZero(fv)) {
				continue
			}
			var (
				val *ast.Term
				err error
			)
			if f.quoted {
				val, err = quotedTerm(fv)
			} else {
				val, err = f.enc(c, fv)
			}
			if err != nil {
				return nil, err
			}
			kvs = append(kvs, [2]*ast.Term{f.key, val})
		}
		if len(kvs) == 0 {
			// Every field omitted: OPA's own shared empty object.
			return ast.InternedEmptyObject, nil
		}
		return ast.NewTerm(ast.NewObject(kvs...)), nil
	}
	if key := flatKey(fields); key != nil {
		return c.memoized(key, enc)
	}
	empty, ok := c.emptyTerm(t, fields)
	if !ok {
		return enc
	}
	// A struct of collections only, such as a service of the model, is the
	// same object whenever all its collections are empty, which they are
	// in most units: that object is built once, here.
	return func(c *conversion, v reflect.Value) (*ast.Term, error) {
		if allEmpty(v) {
			return empty, nil
		}
		return enc(c, v)
	}
}

// emptyTerm returns the encoding of a value of struct type t whose
// collections are all empty, not nil, when t is made of collections only:
// slices (of anything but bytes) and structs of collections only, none of
// them embedded, with a JSON option, or with a JSON encoding of their own.
// Such a value has one encoding, an object of empty arrays and of such
// objects, built here without calling any encoder (one may be waiting for
// t's own).
func (c *inputConverter) emptyTerm(t reflect.Type, fields []field) (*ast.Term, bool) {
	if len(fields) == 0 || len(fields) != t.NumField() {
		return nil, false
	}
	kvs := make([][2]*ast.Term, 0, len(fields))
	for i := range fields {
		f := &fields[i]
		if len(f.index) != 1 || f.omitEmpty || f.omitZero != nil || f.quoted {
			return nil, false
		}
		ft := t.Field(f.index[0]).Type
		if isModelValue(ft) || ft.Implements(marshalerType) || ft.Implements(textMarshalerType) ||
			reflect.PointerTo(ft).Implements(marshalerType) || reflect.PointerTo(ft).Implements(textMarshalerType) {
			return nil, false
		}
		var val *ast.Term
		switch ft.Kind() {
		case reflect.Slice:
			if isBytes(ft) {
				return nil, false
			}
			val = ast.InternedEmptyArray
		case reflect.Struct:
			e, ok := c.emptyTerm(ft, c.fields(ft))
			if !ok {
				return nil, false
			}
			val = e
		default:
			return nil, false
		}
		kvs = append(kvs, [2]*ast.Term{f.key, val})
	}
	return ast.NewTerm(ast.NewObject(kvs...)), true
}

// allEmpty reports whether v, of a type emptyTerm accepts, has all its
// collections empty and none nil (a nil slice is null, not []).
func allEmpty(v reflect.Value) bool {
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.Slice:
			if f.IsNil() || f.Len() != 0 {
				return false
			}
		default: // a struct
			if !allEmpty(f) {
				return false
			}
		}
	}
	return true
}

// fields resolves the JSON members of struct type t.
func (c *inputConverter) fields(t reflect.Type) []field {
	var fields []field
	for _, jf := range jsonfields.Of(t) {
		ft := jf.Type
		if ft.Name() == "" && ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		f := field{
			key:   ast.StringTerm(jf.Name),
			typ:   jf.Type,
			index: jf.Index,
			// Resolved now, not per value; a recursive type gets the
			// indirection that encoder left for it.
			enc:       c.encoder(jf.Type),
			omitEmpty: jf.Has("omitempty"),
			quoted:    jf.Has("string") && quotable(ft.Kind()),
		}
		if jf.Has("omitzero") {
			f.omitZero = zeroCheck(jf.Type)
		}
		fields = append(fields, f)
	}
	return fields
}

func quotable(k reflect.Kind) bool {
	switch k {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// zeroCheck is omitzero's test: the type's IsZero method if it has one,
// else the zero value. model.Value's IsZero is its Absent state, read
// without the interface call.
func zeroCheck(t reflect.Type) func(reflect.Value) bool {
	switch {
	case isModelValue(t):
		state, _ := t.FieldByName("State")
		return func(v reflect.Value) bool { return model.State(v.Field(state.Index[0]).Uint()) == model.Absent }
	case t.Kind() == reflect.Pointer && t.Implements(isZeroerType):
		return func(v reflect.Value) bool {
			return v.IsNil() || v.Interface().(interface{ IsZero() bool }).IsZero()
		}
	case t.Implements(isZeroerType):
		return func(v reflect.Value) bool {
			if t.Kind() == reflect.Interface && v.IsNil() {
				return true
			}
			return v.Interface().(interface{ IsZero() bool }).IsZero()
		}
	case reflect.PointerTo(t).Implements(isZeroerType):
		return func(v reflect.Value) bool {
			if !v.CanAddr() {
				c := reflect.New(t).Elem()
				c.Set(v)
				v = c
			}
			return v.Addr().Interface().(interface{ IsZero() bool }).IsZero()
		}
	}
	return reflect.Value.IsZero
}

// isEmpty is omitempty's test.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// quotedTerm is a field with the `string` option: its JSON encoding inside a
// JSON string.
func quotedTerm(v reflect.Value) (*ast.Term, error) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		v = v.Elem()
	}
	var s string
	switch v.Kind() {
	case reflect.Bool:
		s = strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s = strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s = strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		var err error
		if s, err = jsonFloat(v.Float(), v.Type().Bits()); err != nil {
			return nil, err
		}
	case reflect.String:
		// The inner quoting is encoding/json's own, HTML escapes included.
		b, err := json.Marshal(v.String())
		if err != nil {
			return nil, fmt.Errorf("encoding a string: %w", err)
		}
		s = string(b)
	}
	return stringTerm(s), nil
}

// jsonFloat formats f as encoding/json does: plain decimals for ordinary
// magnitudes, exponents (without a leading zero) for very small or large ones.
func jsonFloat(f float64, bits int) (string, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "", fmt.Errorf("building the rule input: unsupported number %v", f)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	s := strconv.FormatFloat(f, format, -1, bits)
	if format == 'e' {
		// 1e-07 → 1e-7
		if n := len(s); n >= 4 && s[n-4] == 'e' && s[n-3] == '-' && s[n-2] == '0' {
			s = s[:n-2] + s[n-1:]
		}
	}
	return s, nil
}

// numberTerm is a JSON number as ast.ValueFromReader makes it: small
// integers interned, everything else kept in its decimal form.
func numberTerm(s string) *ast.Term {
	if t := ast.InternedIntNumberTermFromString(s); t != nil {
		return t
	}
	return ast.NumberTerm(json.Number(s))
}

// stringTerm is a string as it comes back from JSON: encoding/json replaces
// each byte of invalid UTF-8 with U+FFFD.
func stringTerm(s string) *ast.Term {
	if !utf8.ValidString(s) {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b.WriteRune(utf8.RuneError)
			} else {
				b.WriteString(s[i : i+n])
			}
			i += n
		}
		s = b.String()
	}
	return ast.InternedTerm(s)
}

// keyFunc appends the key of a value to b, or returns false when the value
// has none (it is not memoized). Two values with the same key must have the
// same encoding.
type keyFunc func(b []byte, v reflect.Value) ([]byte, bool)

// memoized wraps enc, the encoder of a type whose values have keys, so that
// a conversion builds the term of each value once: later values with the
// same key get the same term. Input terms are never modified (OPA shares
// terms the same way), so one term can stand in several places.
func (c *inputConverter) memoized(key keyFunc, enc encoderFunc) encoderFunc {
	id := c.memoIDs.Add(1)
	return func(c *conversion, v reflect.Value) (*ast.Term, error) {
		b, ok := key(c.key[:0], v)
		c.key = b
		if !ok {
			return enc(c, v)
		}
		if t, ok := c.memo[memoKey{id, string(b)}]; ok {
			return t, nil
		}
		// The key is copied before enc runs: enc may write its own values'
		// keys in c.key.
		k := memoKey{id, string(b)}
		t, err := enc(c, v)
		if err != nil {
			return nil, err
		}
		if c.memo == nil {
			c.memo = make(map[memoKey]*ast.Term)
		}
		c.memo[k] = t
		return t, nil
	}
}

// appendKeyString appends s to a key, after its length so that the strings
// of a key cannot run into each other.
func appendKeyString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// scalarKey returns the key function of values of type t made only of
// strings and bools: a string or bool without a JSON encoding of its own, a
// model.Value of one (known, absent, or unknown without parts) or of a slice
// of them, or a slice of them. Other types have none.
func scalarKey(t reflect.Type) keyFunc {
	if isModelValue(t) {
		state, _ := t.FieldByName("State")
		inner, _ := t.FieldByName("V")
		parts, _ := t.FieldByName("Parts")
		known := scalarKey(inner.Type)
		if known == nil {
			return nil
		}
		return func(b []byte, v reflect.Value) ([]byte, bool) {
			st := model.State(v.Field(state.Index[0]).Uint())
			b = append(b, byte(st))
			switch st {
			case model.Known:
				return known(b, v.Field(inner.Index[0]))
			case model.Unknown:
				// The parts of a partly known string are not in the key.
				return b, v.Field(parts.Index[0]).IsNil()
			}
			return b, true
		}
	}
	if hasOwnEncoding(t) {
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		return func(b []byte, v reflect.Value) ([]byte, bool) {
			return appendKeyString(b, v.String()), true
		}
	case reflect.Bool:
		return func(b []byte, v reflect.Value) ([]byte, bool) {
			if v.Bool() {
				return append(b, 1), true
			}
			return append(b, 0), true
		}
	case reflect.Slice:
		elem := scalarKey(t.Elem())
		if elem == nil {
			return nil
		}
		return func(b []byte, v reflect.Value) ([]byte, bool) {
			if v.IsNil() { // null, not []
				return append(b, 0), true
			}
			b = append(b, 1)
			b = binary.AppendUvarint(b, uint64(v.Len()))
			for i := range v.Len() {
				var ok bool
				if b, ok = elem(b, v.Index(i)); !ok {
					return b, false
				}
			}
			return b, true
		}
	}
	return nil
}

// flatKey returns the key function of a struct whose JSON members are
// fields of its own (none embedded, none quoted) of types scalarKey
// accepts, such as model.Part, model.Principal or model.Condition: the
// values of all its fields. Other structs have none.
func flatKey(fields []field) keyFunc {
	if len(fields) == 0 {
		return nil
	}
	keys := make([]keyFunc, len(fields))
	for i := range fields {
		f := &fields[i]
		// omitzero's test of a model value is its state, which is in the key.
		if len(f.index) != 1 || f.quoted || (f.omitZero != nil && !isModelValue(f.typ)) {
			return nil
		}
		if keys[i] = scalarKey(f.typ); keys[i] == nil {
			return nil
		}
	}
	return func(b []byte, v reflect.Value) ([]byte, bool) {
		for i := range fields {
			var ok bool
			if b, ok = keys[i](b, v.Field(fields[i].index[0])); !ok {
				return b, false
			}
		}
		return b, true
	}
}

// hasOwnEncoding reports whether values of t may have a JSON encoding of
// their own (a method on t or on *t).
func hasOwnEncoding(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(marshalerType) || t.Implements(textMarshalerType) ||
		p.Implements(marshalerType) || p.Implements(textMarshalerType)
}
