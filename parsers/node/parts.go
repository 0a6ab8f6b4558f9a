package node

import "github.com/seclint/seclint/parsers/model"

// maxParts bounds the parts a partly known string keeps; past it the value
// is plainly unknown. Real templates have a handful.
const maxParts = 64

// NewAttribute returns the unknown value of one resource's attribute (a
// Terraform aws_s3_bucket.b.arn, a CloudFormation GetAtt Bucket.Arn or Ref
// of a resource; attr as model.Part's Attribute): an unknown node whose
// single part says so, so that a string built from it (a Sub, a Join, a
// template) keeps the attribute as one of its parts.
func NewAttribute(r model.Range, id, attr string) *Node {
	n := NewUnknown(r, id)
	n.Parts = []model.Part{{Unknown: true, Refs: []string{id}, Attribute: attr}}
	return n
}

// StringParts returns n as parts of a string being built: a known scalar
// is its text, an unknown value its own parts or else one unknown part
// with its refs. It returns false for null, lists and maps, which are no
// part of a string.
func (n *Node) StringParts() ([]model.Part, bool) {
	if s, ok := n.Scalar(); ok {
		return []model.Part{{Text: s}}, true
	}
	if !n.IsUnknown() {
		return nil, false
	}
	if len(n.Parts) > 0 {
		return n.Parts, true
	}
	return []model.Part{{Unknown: true, Refs: n.Refs}}, true
}

// Concat returns the parts of a string made of the parts in order, or nil
// when there are too many to keep (see maxParts) or nothing is unknown.
func Concat(parts ...[]model.Part) []model.Part {
	// Nothing is built for a string that is all known, and the result is
	// sized at once for the rest.
	n, unknown := 0, false
	for _, ps := range parts {
		n += len(ps)
		for _, p := range ps {
			unknown = unknown || p.Unknown
		}
	}
	if !unknown {
		return nil
	}
	out := make([]model.Part, 0, n)
	for _, ps := range parts {
		for _, p := range ps {
			if n := len(out); n > 0 && !p.Unknown && !out[n-1].Unknown {
				out[n-1].Text += p.Text
				continue
			}
			if !p.Unknown && p.Text == "" {
				continue
			}
			out = append(out, p)
		}
	}
	if len(out) > maxParts {
		return nil
	}
	return out
}

// AsReference is AsString for a value that may name a resource by
// reference (a policy's Resource element): an unknown value that is exactly
// one resource's attribute (!GetAtt Bucket.Arn, aws_s3_bucket.b.arn) keeps
// that one part, which says whose attribute it is.
func (n *Node) AsReference() model.String {
	if n.IsUnknown() && len(n.Parts) == 1 && n.Parts[0].Unknown && n.Parts[0].Attribute != "" {
		v := model.UnknownOf[string]()
		ps := model.Parts{n.Parts[0]}
		v.Parts = &ps
		return v
	}
	return n.AsString()
}
