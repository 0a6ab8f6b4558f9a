package terraform

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/seclint/seclint/parsers/model"
)

// maxRange is the most values range() generates, cty's and Terraform's
// own limit: a for_each or count over range(1000000) must fail before it
// builds a million values.
const maxRange = 1024

// maxConvert bounds the elements of a tuple or object that a function
// argument converts to a list, set or map: cty unifies their types pairwise,
// so toset() of a tuple of 10,000 elements takes a second and of 100,000
// minutes (Terraform shares this cost). Past it the result is unknown.
const maxConvert = 10000

// applyLimits replaces range() by one that reports its limit, and wraps
// every function that converts its arguments so that a huge tuple or
// object gives an unknown result with a warning instead of a quadratic
// conversion. The functions refer to the expression being evaluated, so
// they are built per evaluator.
func (e *evaluator) applyLimits(fs map[string]function.Function) {
	fs["range"] = e.rangeFunc()
	fs["core::range"] = fs["range"]
	for name, f := range fs {
		fs[name] = e.boundConversions(name, f)
	}
}

// tooLargeToConvert reports whether converting v to ty would unify the
// types of more than maxConvert elements: v is a tuple or object that large
// and ty has elements of type any (list(any), map(any), ...); a known
// element type converts in linear time.
func tooLargeToConvert(v cty.Value, ty cty.Type) bool {
	if ty == cty.DynamicPseudoType || !ty.HasDynamicTypes() {
		return false
	}
	v, _ = v.Unmark()
	vt := v.Type()
	return (vt.IsTupleType() || vt.IsObjectType()) && v.IsKnown() && !v.IsNull() && v.LengthInt() > maxConvert
}

// varConvertible reports whether the value given for a variable (has:
// whether one was) may be converted to its type; when not, a warning at
// the declaration says so and the variable is to be unknown.
func (e *evaluator) varConvertible(val cty.Value, has bool, d *varDecl, decl hcl.Range) bool {
	if !has {
		if !d.hasDef {
			return true
		}
		val = d.def
	}
	if !tooLargeToConvert(val, d.ty) {
		return true
	}
	e.diags.add(model.DiagWarning, "value too large",
		fmt.Sprintf("the value of this variable has more than %d elements to convert to %s; it is treated as unknown", maxConvert, d.ty.FriendlyName()), decl)
	return false
}

// convertFuncs are the functions whose parameters take any value but
// whose result converts it to a list, set or map.
var convertFuncs = map[string]bool{"tolist": true, "toset": true, "tomap": true}

// boundConversions wraps f, when a conversion of its arguments can be too
// large (a parameter typed with elements of any, or tolist, toset, tomap),
// so that an argument of more than maxConvert elements is not converted.
// The wrapper takes its arguments as they are (marks, unknowns, nulls) and
// leaves every check, and the result type, to f. Any other function is f
// itself: HCL converts its arguments, in linear time.
func (e *evaluator) boundConversions(name string, f function.Function) function.Function {
	b, ok := builtinConversions[name]
	c := b.c
	if !ok || b.f != f {
		// A function of the evaluator (file, range) under this name.
		if needs, known := evaluatorNeedsWrapper[name]; known && !needs {
			return f
		}
		c = conversionOf(name, f)
	}
	if c == nil {
		return f
	}
	return e.bound(c)
}

// evaluatorNeedsWrapper says, by name, whether a function of the
// evaluator's own (file, templatefile, range, ...) needs boundConversions'
// wrapper. That depends on its parameters alone, the same in every
// evaluator, so it is found once, from functions bound to no evaluator
// (never called). Read-only.
var evaluatorNeedsWrapper = func() map[string]bool {
	var proto evaluator
	fs := proto.fileFunctions()
	fs["range"] = proto.rangeFunc()
	needs := make(map[string]bool, 2*len(fs))
	for name, f := range fs {
		needs[name] = conversionOf(name, f) != nil
		needs["core::"+name] = needs[name]
	}
	return needs
}()

// conversion is what the wrapper of boundConversions needs to know of a
// function whose arguments may be too large to convert: a parameter's type
// has elements of type any (tooLargeToConvert), or the function is tolist,
// toset or tomap. It depends on the function alone,
// so for the builtin functions it is computed once and shared, read-only,
// by every evaluator; only the wrapper, which reports to its evaluator, is
// made per evaluator.
type conversion struct {
	name string
	f    function.Function
	// params and vp are f's parameters, which HCL would have converted
	// the arguments to; raw and rawVar are the wrapper's, taking any value.
	params       []function.Parameter
	vp           *function.Parameter
	raw          []function.Parameter
	rawVar       *function.Parameter
	toCollection bool
}

// builtinConversions are the conversions of the builtin functions, by
// name. Built once; never modified.
var builtinConversions = func() map[string]builtinConversion {
	cs := make(map[string]builtinConversion, len(builtinFunctions))
	for name, f := range builtinFunctions {
		cs[name] = builtinConversion{f: f, c: conversionOf(name, f)}
	}
	return cs
}()

// builtinConversion is the conversion c of the builtin function f; nil
// when no conversion of its arguments can be too large.
type builtinConversion struct {
	f function.Function
	c *conversion
}

// conversionOf computes the conversion of f; nil when no conversion of its
// arguments can be too large (mayReport), or when it receives expressions
// (try, can), which are left unwrapped.
func conversionOf(name string, f function.Function) *conversion {
	params := f.Params()
	vp := f.VarParam()
	if vp != nil && vp.Type.IsCapsuleType() {
		return nil // try: HCL passes it expressions
	}
	// tolist, toset and tomap decide their result type from the elements.
	toCollection := convertFuncs[strings.TrimPrefix(name, "core::")]
	converts := toCollection || vp != nil && vp.Type != cty.DynamicPseudoType
	raw := make([]function.Parameter, len(params))
	for i, p := range params {
		if p.Type.IsCapsuleType() {
			return nil // try and can: HCL passes them expressions
		}
		converts = converts || p.Type != cty.DynamicPseudoType
		raw[i] = rawParam(p)
	}
	if !converts {
		return nil
	}
	var rawVar *function.Parameter
	if vp != nil {
		p := rawParam(*vp)
		rawVar = &p
	}
	mayReport := toCollection || vp != nil && elementsOfAny(vp.Type)
	for _, p := range params {
		mayReport = mayReport || elementsOfAny(p.Type)
	}
	if !mayReport {
		return nil
	}
	return &conversion{name: name, f: f, params: params, vp: vp, raw: raw, rawVar: rawVar, toCollection: toCollection}
}

// elementsOfAny reports whether converting to ty may unify element types,
// the case tooLargeToConvert bounds.
func elementsOfAny(ty cty.Type) bool {
	return ty != cty.DynamicPseudoType && ty.HasDynamicTypes()
}

// paramType is the type f declares for argument i, which HCL would have
// converted it to.
func (c *conversion) paramType(i int) cty.Type {
	if i < len(c.params) {
		return c.params[i].Type
	}
	return c.vp.Type
}

// dynamicReturn is the result type of every wrapper: the result is f's, of
// the type f decides.
var dynamicReturn = function.StaticReturnType(cty.DynamicPseudoType)

// bound is the wrapper of c's function for this evaluator, which reports
// an argument too large to convert at the expression being evaluated.
func (e *evaluator) bound(c *conversion) function.Function {
	return c.wrapper(func() {
		e.diags.add(model.DiagWarning, "value too large",
			fmt.Sprintf("an argument of %s() has more than %d elements; its result is treated as unknown", c.name, maxConvert), e.curRange)
	})
}

// wrapper is the wrapper of c's function: it converts the arguments as HCL
// would have, unless one is too large to convert, which it reports with
// tooLarge and makes the result unknown.
func (c *conversion) wrapper(tooLarge func()) function.Function {
	return function.New(&function.Spec{
		Description: c.f.Description(),
		Params:      c.raw,
		VarParam:    c.rawVar,
		Type:        dynamicReturn,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			for i, a := range args {
				target := c.paramType(i)
				if c.toCollection {
					target = cty.List(cty.DynamicPseudoType)
				}
				if tooLargeToConvert(a, target) {
					tooLarge()
					return cty.DynamicVal, nil
				}
			}
			conv := make([]cty.Value, len(args))
			for i, a := range args {
				conv[i] = a
				if ty := c.paramType(i); ty != cty.DynamicPseudoType {
					v, err := convert.Convert(a, ty)
					if err != nil {
						return cty.NilVal, function.NewArgError(i, err)
					}
					conv[i] = v
				}
			}
			return c.f.Call(conv)
		},
	})
}

// rawParam is p accepting any value unchanged.
func rawParam(p function.Parameter) function.Parameter {
	p.Type = cty.DynamicPseudoType
	p.AllowNull, p.AllowUnknown, p.AllowDynamicType, p.AllowMarked = true, true, true, true
	return p
}

// rangeFunc is range() whose result, past maxRange values, is unknown with
// a warning at the expression (Terraform rejects it; cty's range stops
// there with an error, which would otherwise pass silently as unknown).
func (e *evaluator) rangeFunc() function.Function {
	f := stdlib.RangeFunc
	return function.New(&function.Spec{
		VarParam: f.VarParam(),
		Type:     function.StaticReturnType(cty.List(cty.Number)),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if n, ok := rangeLen(args); ok && n.Cmp(big.NewFloat(maxRange)) > 0 {
				e.diags.add(model.DiagWarning, "range too long",
					fmt.Sprintf("range() would generate %s values; Terraform allows at most %d, and what is computed from it is treated as unknown", n.Text('f', 0), maxRange), e.curRange)
				return cty.UnknownVal(retType), nil
			}
			return f.Call(args)
		},
	})
}

// rangeLen is how many values range(args...) generates, rounded up; ok is
// false when the arguments are not one to three numbers or the step is 0
// (range itself then reports the error).
func rangeLen(args []cty.Value) (*big.Float, bool) {
	nums := make([]*big.Float, len(args))
	for i, a := range args {
		if a.IsNull() || !a.IsKnown() || a.Type() != cty.Number {
			return nil, false
		}
		nums[i] = a.AsBigFloat()
	}
	start, step := new(big.Float), big.NewFloat(1)
	var end *big.Float
	switch len(nums) {
	case 1:
		end = nums[0]
	case 2:
		start, end = nums[0], nums[1]
	case 3:
		start, end, step = nums[0], nums[1], nums[2]
	default:
		return nil, false
	}
	if step.Sign() == 0 {
		return nil, false
	}
	n := new(big.Float).Quo(new(big.Float).Sub(end, start), step)
	return n.Abs(n), true
}
