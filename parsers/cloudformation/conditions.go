package cloudformation

import (
	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/node"
)

// tri is a three-valued truth value: conditions that depend on a parameter
// with no value are unknown, and so is everything computed from them.
type tri uint8

const (
	triUnknown tri = iota
	triFalse
	triTrue
)

func (v tri) not() tri {
	switch v {
	case triTrue:
		return triFalse
	case triFalse:
		return triTrue
	}
	return triUnknown
}

// condition evaluates the named condition of the Conditions section, once.
func (t *template) condition(name string, at *yaml.Node, depth int) tri {
	if v, ok := t.condMemo[name]; ok {
		return v
	}
	if t.condBusy[name] {
		t.warnf(at, "circular condition", "condition %s depends on itself; it is treated as unknown", name)
		return triUnknown
	}
	expr, ok := t.conditions[name]
	if !ok {
		if !t.condsIncomplete {
			t.warnf(at, "undefined condition", "condition %s is not declared in Conditions; it is treated as unknown", name)
		}
		t.condMemo[name] = triUnknown
		return triUnknown
	}
	t.condBusy[name] = true
	v := t.condExpr(expr, depth+1)
	delete(t.condBusy, name)
	t.condMemo[name] = v
	return v
}

// condExpr evaluates a condition function: Fn::Equals, Fn::And, Fn::Or,
// Fn::Not or Condition, in short or long form.
func (t *template) condExpr(n *yaml.Node, depth int) tri {
	if n == nil || !t.spend(n, depth) {
		return triUnknown
	}
	n = deref(n)
	if name, ok := shortTagFunc(n); ok {
		arg := untagged(n)
		return t.condFunc(name, n, &arg, depth+1)
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		if key, ok := keyText(n.Content[0]); ok {
			return t.condFunc(key, n, deref(n.Content[1]), depth+1)
		}
	}
	t.warnf(n, "invalid condition", "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition; it is treated as unknown")
	return triUnknown
}

func (t *template) condFunc(name string, fn, arg *yaml.Node, depth int) tri {
	switch name {
	case "Fn::Equals":
		args, ok := t.args(fn, arg, name, 2, 2)
		if !ok {
			return triUnknown
		}
		a, _ := t.eval(args[0], depth+1)
		b, _ := t.eval(args[1], depth+1)
		return equal(a, b)
	case "Fn::And", "Fn::Or":
		args, ok := t.args(fn, arg, name, 1, 1<<30)
		if !ok {
			return triUnknown
		}
		// And is false as soon as one part is false, Or true as soon as one
		// is true, whatever the unknown parts are.
		decisive, res := triFalse, triTrue
		if name == "Fn::Or" {
			decisive, res = triTrue, triFalse
		}
		for _, a := range args {
			switch v := t.condExpr(a, depth+1); v {
			case decisive:
				return decisive
			case triUnknown:
				res = triUnknown
			}
		}
		return res
	case "Fn::Not":
		args, ok := t.args(fn, arg, name, 1, 1)
		if !ok {
			return triUnknown
		}
		return t.condExpr(args[0], depth+1).not()
	case "Condition":
		arg = deref(arg)
		if arg == nil || arg.Kind != yaml.ScalarNode {
			t.warnf(fn, "invalid Condition", "Condition takes a condition name; it is treated as unknown")
			return triUnknown
		}
		return t.condition(arg.Value, arg, depth+1)
	}
	t.warnf(fn, "invalid condition", "%s cannot be used in a condition; it is treated as unknown", name)
	return triUnknown
}

// equal compares two values as CloudFormation's Fn::Equals does: as strings
// (a YAML true equals "true"), lists element by element.
func equal(a, b *node.Node) tri {
	if a == nil || b == nil || a.Kind == node.Unknown || b.Kind == node.Unknown {
		return triUnknown
	}
	if a.Kind == node.List && b.Kind == node.List {
		if len(a.List) != len(b.List) {
			// Unknown elements do not change the length.
			return triFalse
		}
		res := triTrue
		for i := range a.List {
			switch equal(a.List[i], b.List[i]) {
			case triFalse:
				return triFalse
			case triUnknown:
				res = triUnknown
			}
		}
		return res
	}
	as, aok := condText(a)
	bs, bok := condText(b)
	if !aok || !bok {
		return triUnknown
	}
	if as == bs {
		return triTrue
	}
	return triFalse
}

func condText(n *node.Node) (string, bool) {
	if n.Kind == node.Null {
		return "", true
	}
	return n.Scalar()
}
