package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/seclint/seclint/parsers/model"
)

// providerRef is a provider configuration as a module instance sees it:
// the block and the instance whose context evaluates it.
type providerRef struct {
	inst  *modInst
	block *providerBlock
	// region is the evaluated region, once asked for.
	region     model.String
	regionDone bool
}

// resolveProviders maps the provider keys a module instance may use to
// configurations, as Terraform does: the root's are its provider blocks; a
// child inherits its parent's default (unaliased) configurations, unless
// the call passes providers explicitly (providers = { aws = aws.west }),
// which replaces inheritance; a child's own provider blocks (legacy) come
// last.
func (mi *modInst) resolveProviders() map[string]*providerRef {
	out := map[string]*providerRef{}
	if p := mi.parent; p != nil {
		if mi.call.providers == nil {
			for key, ref := range p.providers {
				if !strings.Contains(key, ".") {
					out[key] = ref
				}
			}
		} else if pairs, hd := hcl.ExprMap(mi.call.providers); !hd.HasErrors() {
			for _, kv := range pairs {
				k, v := traversalKey(kv.Key), traversalKey(kv.Value)
				if k != "" && v != "" && p.providers[v] != nil {
					out[k] = p.providers[v]
				}
			}
		}
	}
	for _, b := range mi.mod.providers {
		out[b.key()] = &providerRef{inst: mi, block: b}
	}
	return out
}

// traversalKey reads aws or aws.west written as a reference (or, in JSON, a
// string).
func traversalKey(expr hcl.Expression) string {
	if t, hd := hcl.AbsTraversalForExpr(expr); !hd.HasErrors() {
		return traversalString(t)
	}
	return literalString(expr)
}

// providerKey is the provider configuration a resource uses: its provider
// argument, else the default configuration of the provider its type
// belongs to (the type's prefix).
func (r *resource) providerKey() string {
	if r.provider != nil {
		return traversalKey(r.provider)
	}
	name, _, _ := strings.Cut(r.typ, "_")
	return name
}

// region is the AWS region of a resource instance: its own region
// argument (provider v6), else its provider's, evaluated in the context of
// the module that configures the provider. Absent when no configuration of the aws provider applies;
// unknown when the configuration takes it from the environment (no region
// argument) or from something not known.
func (e *evaluator) region(ri *resInst) model.String {
	// Provider v6 lets a resource name its own region; null means the
	// provider's.
	if expr := attrExpr(ri.res.body, "region"); expr != nil && strings.HasPrefix(ri.res.typ, "aws_") && ri.res.mode == managedResource {
		v := unmarkDeep(ri.mi.eval(expr, ri.ctx))
		switch {
		case !v.IsKnown():
			return model.UnknownOf[string]()
		case !v.IsNull():
			if s, err := convert.Convert(v, cty.String); err == nil {
				return model.KnownOf(s.AsString())
			}
			return model.UnknownOf[string]()
		}
	}
	p := ri.mi.providers[ri.res.providerKey()]
	if p == nil || p.block.name != "aws" {
		return model.String{}
	}
	if !p.regionDone {
		p.regionDone = true
		p.region = model.UnknownOf[string]()
		if expr := attrExpr(p.block.body, "region"); expr != nil {
			v := unmarkDeep(p.inst.eval(expr, p.inst.ctx))
			if v.IsKnown() && !v.IsNull() {
				if s, err := convert.Convert(v, cty.String); err == nil {
					p.region = model.KnownOf(s.AsString())
				}
			}
		}
	}
	return p.region
}

// accountIDs are the allowed_account_ids of the aws provider
// configurations of the root module: the accounts the configuration
// deploys to.
func (e *evaluator) accountIDs() []model.String {
	var out []model.String
	seen := map[string]bool{}
	for _, b := range e.root.mod.providers {
		if b.name != "aws" {
			continue
		}
		expr := attrExpr(b.body, "allowed_account_ids")
		if expr == nil {
			continue
		}
		v := unmarkDeep(e.root.eval(expr, e.root.ctx))
		if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
			out = append(out, model.UnknownOf[string]())
			continue
		}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			s, err := convert.Convert(el, cty.String)
			switch {
			case err != nil || !s.IsKnown():
				out = append(out, model.UnknownOf[string]())
			case !s.IsNull() && !seen[s.AsString()]:
				seen[s.AsString()] = true
				out = append(out, model.KnownOf(s.AsString()))
			}
		}
	}
	return out
}

// computedValue returns the attributes of data sources that Terraform
// computes at plan time from the provider configuration alone, so that
// they are known here too: the region and partition.
func (e *evaluator) computedValue(ri *resInst) (map[string]cty.Value, bool) {
	if ri.res.mode != dataResource {
		return nil, false
	}
	switch ri.res.typ {
	case "aws_region":
		// Only the provider's own region: a name argument selects another.
		if attrExpr(ri.res.body, "name") != nil || attrExpr(ri.res.body, "region") != nil {
			return nil, false
		}
		region, ok := e.region(ri).Get()
		if !ok {
			return nil, false
		}
		v := cty.StringVal(region)
		return map[string]cty.Value{"name": v, "id": v, "region": v}, true
	case "aws_partition":
		region, ok := e.region(ri).Get()
		if !ok {
			return nil, false
		}
		partition, suffix := partitionOf(region)
		return map[string]cty.Value{
			"partition":  cty.StringVal(partition),
			"dns_suffix": cty.StringVal(suffix),
			"id":         cty.StringVal(partition),
		}, true
	}
	return nil, false
}

// partitionOf is the partition of a region and its DNS suffix.
func partitionOf(region string) (string, string) {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn", "amazonaws.com.cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov", "amazonaws.com"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso", "c2s.ic.gov"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b", "sc2s.sgov.gov"
	}
	return "aws", "amazonaws.com"
}
