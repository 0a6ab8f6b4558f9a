package terraform

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/seclint/seclint/parsers/model"
)

// builtinFunctions are the functions that do not depend on the module,
// under Terraform's names (and Terraform 1.8's core:: aliases). Built once;
// never modified: each module copies it.
var builtinFunctions = func() map[string]function.Function {
	fs := map[string]function.Function{
		"abs":             stdlib.AbsoluteFunc,
		"alltrue":         allTrueFunc,
		"anytrue":         anyTrueFunc,
		"base64decode":    base64DecodeFunc,
		"base64encode":    base64EncodeFunc,
		"base64sha256":    hashFunc(sha256.New, base64.StdEncoding.EncodeToString),
		"base64sha512":    hashFunc(sha512.New, base64.StdEncoding.EncodeToString),
		"basename":        pathFunc(filepath.Base),
		"pathexpand":      pathExpandFunc,
		"can":             canFunc,
		"ceil":            stdlib.CeilFunc,
		"chomp":           stdlib.ChompFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        coalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"dirname":         pathFunc(filepath.Dir),
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"endswith":        endsWithFunc,
		"flatten":         stdlib.FlattenFunc,
		"floor":           stdlib.FloorFunc,
		"format":          boundFormat(stdlib.FormatFunc),
		"formatdate":      stdlib.FormatDateFunc,
		"formatlist":      boundFormat(stdlib.FormatListFunc),
		"indent":          boundIndent(stdlib.IndentFunc),
		"join":            stdlib.JoinFunc,
		"jsondecode":      stdlib.JSONDecodeFunc,
		"jsonencode":      stdlib.JSONEncodeFunc,
		"keys":            stdlib.KeysFunc,
		"length":          lengthFunc,
		"log":             stdlib.LogFunc,
		"lookup":          lookupFunc,
		"lower":           stdlib.LowerFunc,
		"max":             stdlib.MaxFunc,
		"md5":             hashFunc(md5.New, hex.EncodeToString),
		"merge":           stdlib.MergeFunc,
		"min":             stdlib.MinFunc,
		"nonsensitive":    identityFunc,
		"one":             oneFunc,
		"parseint":        stdlib.ParseIntFunc,
		"pow":             stdlib.PowFunc,
		"range":           stdlib.RangeFunc,
		"regex":           stdlib.RegexFunc,
		"regexall":        stdlib.RegexAllFunc,
		"replace":         replaceFunc,
		"reverse":         stdlib.ReverseListFunc,
		"sensitive":       identityFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      boundSetProduct(stdlib.SetProductFunc),
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"sha1":            hashFunc(sha1.New, hex.EncodeToString),
		"sha256":          hashFunc(sha256.New, hex.EncodeToString),
		"sha512":          hashFunc(sha512.New, hex.EncodeToString),
		"sum":             sumFunc,
		"transpose":       transposeFunc,
		"urlencode":       urlEncodeFunc,
		"base64gzip":      base64GzipFunc,
		"uuidv5":          uuidV5Func,
		"index":           indexFunc,
		"matchkeys":       matchKeysFunc,
		"csvdecode":       stdlib.CSVDecodeFunc,
		"cidrhost":        cidrHostFunc,
		"cidrnetmask":     cidrNetmaskFunc,
		"cidrsubnet":      cidrSubnetFunc,
		"cidrsubnets":     cidrSubnetsFunc,
		"yamldecode":      ctyyaml.YAMLDecodeFunc,
		"yamlencode":      ctyyaml.YAMLEncodeFunc,
		"ephemeralasnull": identityFunc,
		"signum":          stdlib.SignumFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"split":           stdlib.SplitFunc,
		"startswith":      startsWithFunc,
		"strcontains":     strContainsFunc,
		"strrev":          stdlib.ReverseFunc,
		"substr":          stdlib.SubstrFunc,
		"timeadd":         stdlib.TimeAddFunc,
		"title":           stdlib.TitleFunc,
		"tobool":          stdlib.MakeToFunc(cty.Bool),
		"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":        stdlib.MakeToFunc(cty.Number),
		"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":        stdlib.MakeToFunc(cty.String),
		"trim":            stdlib.TrimFunc,
		"trimprefix":      stdlib.TrimPrefixFunc,
		"trimspace":       stdlib.TrimSpaceFunc,
		"trimsuffix":      stdlib.TrimSuffixFunc,
		"try":             tryFunc,
		"upper":           stdlib.UpperFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,

		// These have no value before apply (or a new one on every run) in
		// Terraform itself: unknown is their correct result, not a gap.
		"timestamp":     unknownFunc,
		"plantimestamp": unknownFunc,
		"uuid":          unknownFunc,
		"bcrypt":        unknownFunc,
		// seclint does not track sensitivity (sensitive() is the identity),
		// so whether a value is sensitive is not known.
		"issensitive": unknownFunc,
	}
	names := make([]string, 0, len(fs))
	for name := range fs {
		names = append(names, name)
	}
	for _, name := range names {
		fs["core::"+name] = fs[name]
	}
	return fs
}()

// sharedFunctions are the builtin functions that do not depend on the
// evaluator: all but those whose arguments may be too large to convert
// (builtinConversions), which report it to their evaluator. Read-only;
// builtinContext offers them to every evaluation as the parent of each
// module instance's context.
var sharedFunctions = func() map[string]function.Function {
	fs := make(map[string]function.Function, len(builtinFunctions))
	for name, f := range builtinFunctions {
		if builtinConversions[name].c == nil {
			fs[name] = f
		}
	}
	return fs
}()

// builtinContext is the root of every module instance's context: it holds
// sharedFunctions, which HCL finds there when the instance's own table
// (evaluator.funcs) does not have a function.
var builtinContext = &hcl.EvalContext{Functions: sharedFunctions}

// functions returns the unit's own function table, which overrides and
// completes sharedFunctions (builtinContext): the builtins bound to the
// evaluator because their conversion may report a warning, and the file
// functions, bound because they read below the scan root and resolve
// paths against the root module. Stubs for unimplemented functions are
// added to it as they are found.
func (e *evaluator) functions() map[string]function.Function {
	fs := make(map[string]function.Function, len(builtinFunctions)-len(sharedFunctions)+32)
	for name, f := range builtinFunctions {
		if _, shared := sharedFunctions[name]; !shared {
			fs[name] = f
		}
	}
	for name, f := range e.fileFunctions() {
		fs[name] = f
		fs["core::"+name] = f
	}
	e.applyLimits(fs)
	return fs
}

// function returns the implementation of the function named name in the
// unit's contexts, and whether there is one.
func (e *evaluator) function(name string) (function.Function, bool) {
	if f, ok := e.funcs[name]; ok {
		return f, true
	}
	f, ok := sharedFunctions[name]
	return f, ok
}

// instanceContext returns a new root context of an evaluation in the unit,
// with its function tables.
func (e *evaluator) instanceContext() *hcl.EvalContext {
	ctx := builtinContext.NewChild()
	ctx.Variables = map[string]cty.Value{}
	ctx.Functions = e.funcs
	return ctx
}

// noteFunction makes sure a called function exists: an unimplemented one
// gets a stub whose result is unknown, and one note per module says so.
func (e *evaluator) noteFunction(name string, r hcl.Range) {
	if applyTimeFunctions[strings.TrimPrefix(name, "core::")] {
		// At the module's first call (scan.go): once per module.
		e.diags.add(model.DiagNote, "value known only at apply",
			fmt.Sprintf("%s() has a new value on every run; the values computed with it are treated as unknown", strings.TrimPrefix(name, "core::")), r)
		return
	}
	if _, ok := e.function(name); ok {
		return // implemented, or already stubbed and noted
	}
	e.funcs[name] = unknownFunc
	e.diags.add(model.DiagNote, "function not implemented",
		fmt.Sprintf("seclint does not implement the function %q yet; the values computed with it are treated as unknown", name), r)
}

// applyTimeFunctions are those whose value Terraform itself knows only at
// apply (or anew on every run).
var applyTimeFunctions = map[string]bool{"timestamp": true, "uuid": true, "bcrypt": true}

// unknownFunc accepts anything and returns an unknown value.
var unknownFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name: "args", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
	},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.DynamicVal, nil },
})

var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "value", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
	}},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
})

// lengthFunc is Terraform's length, which unlike go-cty's also counts the
// characters of a string.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "value", Type: cty.DynamicPseudoType,
		AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
	}},
	Type: function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, marks := args[0].Unmark()
		ty := v.Type()
		switch {
		case ty == cty.DynamicPseudoType:
			return cty.UnknownVal(cty.Number).WithMarks(marks), nil
		case ty == cty.String:
			if !v.IsKnown() {
				return cty.UnknownVal(cty.Number).WithMarks(marks), nil
			}
			n, err := stdlib.Strlen(v)
			return n.WithMarks(marks), err
		case ty.IsTupleType():
			return cty.NumberIntVal(int64(len(ty.TupleElementTypes()))).WithMarks(marks), nil
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))).WithMarks(marks), nil
		case ty.IsListType() || ty.IsSetType() || ty.IsMapType():
			if !v.IsKnown() {
				return cty.UnknownVal(cty.Number).WithMarks(marks), nil
			}
			return v.Length().WithMarks(marks), nil
		}
		return cty.NilVal, fmt.Errorf("argument must be a string, a collection type, or a structural type")
	},
})

// lookupFunc is Terraform's lookup, whose default is optional (without it a
// missing key is an error, which evaluation turns into unknown).
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType},
		{Name: "key", Type: cty.String},
	},
	VarParam: &function.Parameter{
		Name: "default", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true,
	},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if len(args) > 3 {
			return cty.NilVal, fmt.Errorf("lookup takes at most three arguments")
		}
		m, key := args[0], args[1].AsString()
		ty := m.Type()
		switch {
		case ty.IsObjectType() && ty.HasAttribute(key):
			return m.GetAttr(key), nil
		case ty.IsMapType() && m.HasIndex(cty.StringVal(key)).True():
			return m.Index(cty.StringVal(key)), nil
		case !ty.IsObjectType() && !ty.IsMapType():
			return cty.NilVal, fmt.Errorf("lookup needs a map or object")
		case len(args) == 3:
			return args[2], nil
		}
		return cty.NilVal, fmt.Errorf("lookup failed to find key %q", key)
	},
})

// coalesceFunc is Terraform's coalesce: the first argument that is neither
// null nor an empty string.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name: "vals", Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, a := range args {
			types[i] = a.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, fmt.Errorf("all arguments must have the same type")
		}
		return ty, nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for _, a := range args {
			v, err := convert.Convert(a, retType)
			if err != nil {
				return cty.NilVal, err
			}
			if !v.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if v.IsNull() || (retType == cty.String && v.AsString() == "") {
				continue
			}
			return v, nil
		}
		return cty.NilVal, fmt.Errorf("no non-null, non-empty-string arguments")
	},
})

// replaceFunc is Terraform's replace: a substring wrapped in slashes is a
// regular expression.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String},
		{Name: "substr", Type: cty.String},
		{Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, substr, repl := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(substr) > 1 && substr[0] == '/' && substr[len(substr)-1] == '/' {
			re, err := regexp.Compile(substr[1 : len(substr)-1])
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(re.ReplaceAllString(str, repl)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, substr, repl)), nil
	},
})

// oneFunc is Terraform's one: the only element of a collection, or null.
var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		ty := v.Type()
		if !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
			return cty.NilVal, fmt.Errorf("must be a list, set, or tuple value")
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(cty.DynamicPseudoType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, el := it.Element()
			return el, nil
		}
		return cty.NilVal, fmt.Errorf("must be a list, set, or tuple value with either zero or one elements")
	},
})

func stringPredicate(f func(s, x string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "str", Type: cty.String},
			{Name: "x", Type: cty.String},
		},
		Type: function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

var (
	startsWithFunc  = stringPredicate(strings.HasPrefix)
	endsWithFunc    = stringPredicate(strings.HasSuffix)
	strContainsFunc = stringPredicate(strings.Contains)
)

func boolFold(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			unknown := false
			for it := args[0].ElementIterator(); it.Next(); {
				_, v := it.Element()
				switch {
				case !v.IsKnown():
					unknown = true
				case v.IsNull():
					if all {
						return cty.False, nil
					}
				case v.True() != all:
					return cty.BoolVal(!all), nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool), nil
			}
			return cty.BoolVal(all), nil
		},
	})
}

var (
	allTrueFunc = boolFold(true)
	anyTrueFunc = boolFold(false)
)

var base64EncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return cty.StringVal(base64.StdEncoding.EncodeToString([]byte(args[0].AsString()))), nil
	},
})

var base64DecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		b, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, fmt.Errorf("failed to decode base64 data: %w", err)
		}
		if !utf8.Valid(b) {
			return cty.NilVal, fmt.Errorf("the result of decoding the provided string is not valid UTF-8")
		}
		return cty.StringVal(string(b)), nil
	},
})

// maxWidth bounds the widths and indents that format, formatlist and indent
// may produce: a fuzzed or hostile "%999999999d" must not allocate
// gigabytes. Real configurations stay far below it.
const maxWidth = 10000

// boundFormat wraps format or formatlist so that a huge width or precision
// gives an unknown result instead of a huge string.
func boundFormat(f function.Function) function.Function {
	return function.New(&function.Spec{
		Params:   f.Params(),
		VarParam: f.VarParam(),
		Type:     f.ReturnTypeForValues,
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if len(args) > 0 && args[0].IsKnown() && !args[0].IsNull() && args[0].Type() == cty.String && hugeVerb(args[0].AsString()) {
				return cty.UnknownVal(retType), nil
			}
			return f.Call(args)
		},
	})
}

// hugeVerb reports whether a format string has a verb whose width or
// precision exceeds maxWidth.
func hugeVerb(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		for i < len(s) && strings.IndexByte("+- #0[]123456789.", s[i]) >= 0 {
			n := 0
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				n = n*10 + int(s[i]-'0')
				if n > maxWidth {
					return true
				}
				i++
			}
			if i < len(s) && strings.IndexByte("+- #[].", s[i]) >= 0 {
				i++
			}
		}
	}
	return false
}

func boundIndent(f function.Function) function.Function {
	return function.New(&function.Spec{
		Params: f.Params(),
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if n, _ := args[0].AsBigFloat().Int64(); n > maxWidth || n < 0 {
				return cty.UnknownVal(cty.String), nil
			}
			return f.Call(args)
		},
	})
}

// hashFunc is md5, sha1, sha256, sha512 and their base64 forms: a hash of
// the UTF-8 bytes of a string, encoded.
func hashFunc(h func() hash.Hash, encode func([]byte) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			sum := h()
			sum.Write([]byte(args[0].AsString()))
			return cty.StringVal(encode(sum.Sum(nil))), nil
		},
	})
}

// pathFunc is basename or dirname, which Terraform computes with the
// operating system's path rules.
func pathFunc(f func(string) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(f(args[0].AsString())), nil
		},
	})
}

// maxProduct bounds setproduct: the product of a few sets of a thousand
// elements would not fit in memory.
const maxProduct = 100000

func boundSetProduct(f function.Function) function.Function {
	return function.New(&function.Spec{
		VarParam: f.VarParam(),
		Type:     f.ReturnTypeForValues,
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			total := 1
			for _, a := range args {
				a, _ = a.Unmark()
				if a.IsKnown() && !a.IsNull() && a.CanIterateElements() {
					total *= max(a.LengthInt(), 1)
				}
				if total > maxProduct {
					return cty.UnknownVal(retType), nil
				}
			}
			return f.Call(args)
		},
	})
}
