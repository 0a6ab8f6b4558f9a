package adapt

import (
	"strings"

	"github.com/seclint/seclint/parsers/model"
)

// Field maps one model value: its model path (the JSON name, as rules and
// locations spell it) once, the key that holds it in each format, and the
// value to set. Exactly one of String, Bool, Number and List is set. A key
// "a|b" reads the first of a and b that is written (providers have several
// spellings of one setting); an empty key means the format has no such
// setting, and the adapter of that format maps it itself, if at all.
type Field struct {
	Path    string
	TF, CFN string

	String *model.String
	Bool   *model.Bool
	Number *model.Number
	List   *model.StringList
	// Template, beside String, receives the node's template (node.Node's
	// Template) when the value is unknown, for a name that targets
	// elsewhere may name by the same computation.
	Template *string
}

func (f Field) keys(format Format) []string {
	k := f.TF
	if format == CloudFormation {
		k = f.CFN
	}
	if k == "" {
		return nil
	}
	return strings.Split(k, "|")
}
