package modelschema

import (
	"bytes"
	"fmt"
	"strings"
)

// Markdown renders the model reference (docs/model.md).
func (r *Result) Markdown() []byte {
	var b bytes.Buffer
	b.WriteString(`# The seclint model (Rego ` + "`input`" + `)

<!-- Generated from parsers/model by ` + "`go run ./internal/gen`" + `; do not edit. -->

Every rule reads one scan unit's model as ` + "`input`" + `. Terraform and CloudFormation fill
the same fields, so a rule is written once. The model's JSON schema,
` + "`policies/schema/model.json`" + `, is generated from the same Go types; the built-in rules
and their tests are compiled against it, so a misspelt field is a compile error.

**Values.** A field whose type is *value of T* is in one of three states:

- **absent**: the source does not set it; the property is omitted (AWS's default applies);
- **known**: the plain T;
- **unknown**: set, but only known at deploy time (an unset variable, a computed attribute, an
  unresolvable intrinsic); the object ` + "`{\"__unknown__\": true}`" + `.
- **partly known** (strings only): unknown, but with known text around the unknown parts, as in
  ` + "`arn:${AWS::Partition}:iam::111122223333:root`" + ` or ` + "`\"acme-logs-${var.env}\"`" + `; the unknown object
  with ` + "`parts`" + `, a list of [Part](#part)s: ` + "`{\"__unknown__\": true, \"parts\": [{\"text\": \"arn:\"}, {\"unknown\": true}, {\"text\": \":iam::111122223333:root\"}]}`" + `.
  Terraform string templates and CloudFormation ` + "`Fn::Sub`" + `/` + "`Fn::Join`" + ` produce them.

Rules never fire on an unknown value; ` + "`policies/lib`" + ` has the predicates
(` + "`lib.is_unknown`, `lib.false_or_absent`" + `, ...). A rule reads what is known of a partly known
string only through ` + "`policies/lib`" + ` (` + "`lib.known_prefix`, `lib.not_startswith`, `lib.principal_account`" + `,
` + "`lib.arn_bucket`" + `, ...), which conclude nothing from an unknown part; to everything else it is unknown. Fields of other types are always present
unless marked *optional*.

`)
	b.WriteString("## Types\n\n")
	for _, o := range r.Objects {
		fmt.Fprintf(&b, "- [%s](#%s)\n", o.Name, strings.ToLower(o.Name))
	}
	for _, o := range r.Objects {
		fmt.Fprintf(&b, "\n## %s\n\n", o.Name)
		if o.Doc != "" {
			fmt.Fprintf(&b, "%s\n\n", o.Doc)
		}
		paths := make([]string, len(o.Paths))
		for i, p := range o.Paths {
			paths[i] = "`" + p + "`"
		}
		fmt.Fprintf(&b, "Path: %s\n\n", strings.Join(paths, ", "))
		if len(o.Fields) == 0 {
			continue
		}
		b.WriteString("| Field | Type | Description |\n|---|---|---|\n")
		for _, f := range o.Fields {
			typ := f.Type
			if !f.Required && !strings.HasPrefix(typ, "value of") {
				typ += ", optional"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", f.Name, typ, cell(f.Doc))
		}
	}
	return b.Bytes()
}

// cell escapes text for a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
