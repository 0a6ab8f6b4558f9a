package terraform

import (
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// ref is a cty mark naming the object a value was computed from: a
// resource instance ("module.b[\"x\"].aws_s3_bucket.this[0]"), a data
// source, or a module call whose outputs are unknown. Every resource
// instance's value carries its ref, and cty carries marks through every
// operation, function call and module boundary, so any value knows the
// resources it came from: adapters link a bucket policy to its bucket
// through `bucket = var.bucket_id` in a module as well as through
// `aws_s3_bucket.b.id`, even while the ID itself is unknown.
type ref string

// refsOf returns the refs of v and of every part of it, sorted.
func refsOf(v cty.Value) []string {
	_, marks := v.UnmarkDeep()
	return marksRefs(marks)
}

// marksRefs returns the refs among marks, sorted.
func marksRefs(marks cty.ValueMarks) []string {
	var out []string
	for m := range marks {
		if r, ok := m.(ref); ok {
			out = append(out, string(r))
		}
	}
	sort.Strings(out)
	return out
}

// unmark splits a value into its unmarked top level and the refs of that
// level (parts of a collection keep their own marks).
func unmark(v cty.Value) (cty.Value, []string) {
	u, marks := v.Unmark()
	return u, marksRefs(marks)
}

// unmarkDeep returns v without any marks.
func unmarkDeep(v cty.Value) cty.Value {
	u, _ := v.UnmarkDeep()
	return u
}

// refMarks turns ref strings into marks.
func refMarks(refs ...string) cty.ValueMarks {
	if len(refs) == 0 {
		return nil
	}
	m := make(cty.ValueMarks, len(refs))
	for _, r := range refs {
		m[ref(r)] = struct{}{}
	}
	return m
}

// mergeRefs merges sorted ref lists.
func mergeRefs(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	seen := map[string]bool{}
	var out []string
	for _, r := range append(append([]string(nil), a...), b...) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}

// isCallerIdentity reports whether a ref is a data.aws_caller_identity data
// source, in any module: what is computed from it is the own account.
func isCallerIdentity(r string) bool {
	return strings.HasPrefix(r, "data.aws_caller_identity.") || strings.Contains(r, ".data.aws_caller_identity.")
}
