package terraform

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/seclint/seclint/parsers/model"
)

// expMode is how a resource or module call is expanded into instances.
type expMode uint8

const (
	// expSingle: no count or for_each, one instance without a key.
	expSingle expMode = iota
	expCount
	expForEach
	// expUnknown: count or for_each is not known before apply. There is
	// one instance, without a key, whose count.index or each.* is unknown,
	// so the rules still see the configuration; references to the
	// resource as a whole are unknown.
	expUnknown
)

// expansion is the result of evaluating count or for_each.
type expansion struct {
	mode expMode
	// byCount tells, for expUnknown, which of the two was written.
	byCount bool
	// keys are the instance keys: numbers for count, strings for for_each.
	keys []cty.Value
	// each are the each.value of every instance, each.key its key with
	// the marks of its element.
	each    []cty.Value
	eachKey []cty.Value
	// marks are those of the count or for_each value.
	marks cty.ValueMarks
}

// expand evaluates count or for_each of a resource or module call in the
// instance's context. what names the block for diagnostics.
func (mi *modInst) expand(count, forEach hcl.Expression, what string) expansion {
	switch {
	case count != nil:
		return mi.expandCount(count, what)
	case forEach != nil:
		return mi.expandForEach(forEach, what)
	}
	return expansion{mode: expSingle, keys: []cty.Value{cty.NilVal}}
}

func (mi *modInst) expandCount(expr hcl.Expression, what string) expansion {
	v, marks := mi.eval(expr, mi.ctx).UnmarkDeep()
	unknown := expansion{mode: expUnknown, byCount: true, keys: []cty.Value{cty.NilVal}, marks: marks}
	if !v.IsKnown() || v.IsNull() {
		return unknown
	}
	n, err := convert.Convert(v, cty.Number)
	if err != nil || !n.IsKnown() {
		return unknown
	}
	bf := n.AsBigFloat()
	if !bf.IsInt() || bf.Sign() < 0 {
		return unknown
	}
	if bf.Cmp(big.NewFloat(maxExpand)) > 0 {
		mi.tooMany(what, expr.Range())
		return unknown
	}
	c, _ := bf.Int64()
	if !mi.e.spend(int(c), expr.Range()) {
		return unknown
	}
	exp := expansion{mode: expCount, marks: marks}
	for i := int64(0); i < c; i++ {
		exp.keys = append(exp.keys, cty.NumberIntVal(i))
	}
	return exp
}

func (mi *modInst) expandForEach(expr hcl.Expression, what string) expansion {
	v, marks := mi.eval(expr, mi.ctx).Unmark()
	unknown := expansion{mode: expUnknown, keys: []cty.Value{cty.NilVal}, marks: marks}
	if !v.IsKnown() || v.IsNull() {
		return unknown
	}
	ty := v.Type()
	if (ty.IsSetType() || ty.IsMapType() || ty.IsObjectType()) && !mi.e.spend(v.LengthInt(), expr.Range()) {
		return unknown
	}
	exp := expansion{mode: expForEach, marks: marks}
	switch {
	case ty.IsSetType():
		// A set must be of strings, and wholly known: its elements are the keys.
		if !v.IsWhollyKnown() {
			return unknown
		}
		if v.LengthInt() > maxExpand {
			mi.tooMany(what, expr.Range())
			return unknown
		}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			el, elMarks := el.Unmark()
			s, err := convert.Convert(el, cty.String)
			if err != nil || s.IsNull() {
				return unknown
			}
			key := s.WithMarks(elMarks, marks)
			exp.keys = append(exp.keys, s)
			exp.eachKey = append(exp.eachKey, key)
			exp.each = append(exp.each, key)
		}
	case ty.IsMapType() || ty.IsObjectType():
		if v.LengthInt() > maxExpand {
			mi.tooMany(what, expr.Range())
			return unknown
		}
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			exp.keys = append(exp.keys, k)
			exp.eachKey = append(exp.eachKey, k.WithMarks(marks))
			exp.each = append(exp.each, el.WithMarks(marks))
		}
	default:
		// Terraform accepts only maps and sets of strings.
		return unknown
	}
	return exp
}

// tooMany warns that the count or for_each at r exceeds maxExpand. A
// warning, not a note: what the scan reports about the block is less than
// Terraform would create.
func (mi *modInst) tooMany(what string, r hcl.Range) {
	mi.e.diags.add(model.DiagWarning, "too many instances",
		fmt.Sprintf("%s would have more than %d instances; seclint checks it as one instance whose count.index or each.* is unknown", what, maxExpand), r)
}

// ctxFor is the context of instance i: base with count.index or each.*.
func (exp expansion) ctxFor(base *hcl.EvalContext, i int) *hcl.EvalContext {
	var vars map[string]cty.Value
	switch exp.mode {
	case expSingle:
		return base
	case expCount:
		vars = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": exp.keys[i].WithMarks(exp.marks)})}
	case expForEach:
		vars = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": exp.eachKey[i], "value": exp.each[i]})}
	case expUnknown:
		if exp.byCount {
			vars = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number).WithMarks(exp.marks)})}
		} else {
			vars = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{
				"key":   cty.UnknownVal(cty.String).WithMarks(exp.marks),
				"value": cty.DynamicVal.WithMarks(exp.marks),
			})}
		}
	}
	child := base.NewChild()
	child.Variables = vars
	return child
}

// keyString is the address suffix of instance i: "", "[0]" or `["a"]`.
func (exp expansion) keyString(i int) string {
	if exp.mode != expCount && exp.mode != expForEach {
		return ""
	}
	return instanceKey(exp.keys[i])
}

// instanceKey formats an instance key as Terraform writes it in addresses;
// "" when the key is not a known number or string.
func instanceKey(k cty.Value) string {
	k, _ = k.UnmarkDeep()
	if k == cty.NilVal || !k.IsKnown() || k.IsNull() {
		return ""
	}
	switch k.Type() {
	case cty.String:
		return "[" + strconv.Quote(k.AsString()) + "]"
	case cty.Number:
		if i, acc := k.AsBigFloat().Int64(); acc == big.Exact {
			return "[" + strconv.FormatInt(i, 10) + "]"
		}
	}
	return ""
}

// collect builds the value a resource or module call offers in the context
// from the values of its instances: the instance itself, a tuple for count,
// an object for for_each, unknown when the expansion is.
func (exp expansion) collect(vals []cty.Value, marks cty.ValueMarks) cty.Value {
	switch exp.mode {
	case expSingle:
		if len(vals) == 1 {
			return vals[0]
		}
	case expCount:
		if len(vals) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(vals)
	case expForEach:
		attrs := make(map[string]cty.Value, len(vals))
		for i, v := range vals {
			attrs[exp.keys[i].AsString()] = v
		}
		return objectOrEmpty(attrs)
	}
	return cty.DynamicVal.WithMarks(exp.marks, marks)
}
