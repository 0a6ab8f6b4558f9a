package terraform

import (
	"fmt"

	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/model"
)

// callState is a module call of a module instance, expanded into child
// module instances.
type callState struct {
	call *moduleCall
	exp  expansion
	// unavailable is set when the called module could not be read: its
	// outputs are unknown.
	unavailable bool
	insts       []*modInst
}

// evalCall reads the called module, expands the call and creates the child
// instances. Their variables, locals and resources are evaluated on
// demand, so an input may read an output of another call.
func (mi *modInst) evalCall(c *moduleCall) {
	cs := &callState{call: c}
	mi.calls[c.name] = cs
	mod := mi.e.calledModule(mi, c)
	if mod == nil {
		cs.unavailable = true
		mi.setModule(c.name)
		return
	}
	cs.exp = mi.expand(c.count, c.forEach, "module."+c.name)
	for i := range cs.exp.keys {
		if mi.e.nInsts >= maxModuleInstances {
			mi.e.diags.add(model.DiagWarning, "too many module instances",
				fmt.Sprintf("the configuration has more than %d module instances; the outputs of module.%s are treated as unknown", maxModuleInstances, c.name), c.defRange)
			cs.insts = nil
			cs.unavailable = true
			break
		}
		child := mi.e.newInstance(mod, mi, c, cs.exp.ctxFor(mi.ctx, i), cs.exp.keyString(i))
		cs.insts = append(cs.insts, child)
	}
	mi.setModule(c.name)
}

// setModule notes that module.NAME changed (the call was expanded, or an
// output of one of its instances was evaluated). The value is rebuilt when
// an expression next reads it (moduleValue): rebuilding it here, after each
// output, would cost instances × outputs per output.
func (mi *modInst) setModule(name string) {
	if mi.calls[name] != nil {
		mi.modStale[name] = true
	}
}

// moduleValue is module.NAME: the outputs of the call's instances, as a
// tuple for count, an object for for_each; unknown when the called module
// is unavailable. ok is false when the module declares no such call.
func (mi *modInst) moduleValue(name string) (v cty.Value, ok bool) {
	v, ok = mi.modVals[name]
	if !ok || !mi.modStale[name] {
		return v, ok
	}
	delete(mi.modStale, name)
	cs := mi.calls[name]
	callRef := refMarks(mi.prefix + "module." + name)
	if cs.unavailable {
		v = cty.DynamicVal.WithMarks(callRef)
	} else {
		vals := make([]cty.Value, len(cs.insts))
		for i, child := range cs.insts {
			vals[i] = child.outputsValue()
		}
		v = cs.exp.collect(vals, callRef)
	}
	mi.modVals[name] = v
	return v, true
}

// evalVariable computes a child module's input variable from the call's
// argument, evaluated in the parent's context of this instance, Terraform's
// way: a missing argument takes the default (unknown when there is none,
// which Terraform rejects), a null one too when the variable is not
// nullable; then the type's optional-attribute defaults apply and the value
// is converted to the type.
func (mi *modInst) evalVariable(name string) {
	if mi.parent == nil {
		return // root variables are set when the instance is created
	}
	v := mi.mod.varByName[name]
	d := mi.mod.varDecl(v)
	arg := attrExpr(mi.call.body, name)
	var val cty.Value
	if arg != nil {
		val = mi.parent.eval(arg, mi.callCtx)
	}
	mi.vars[name] = mi.e.finishVariable(val, arg != nil, d, v.decl)
}
