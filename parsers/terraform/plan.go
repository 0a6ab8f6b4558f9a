package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// IsPlan reports whether src is the JSON form of a Terraform plan (or
// state), as `terraform show -json` writes it: a top-level object with
// format_version and planned_values or terraform_version.
func IsPlan(src []byte) bool {
	trimmed := bytes.TrimSpace(src)
	if len(trimmed) == 0 || trimmed[0] != '{' || !bytes.Contains(src, []byte(`"format_version"`)) {
		return false
	}
	if !bytes.Contains(src, []byte(`"planned_values"`)) && !bytes.Contains(src, []byte(`"terraform_version"`)) {
		return false
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(trimmed, &top) != nil {
		return false
	}
	_, fv := top["format_version"]
	_, pv := top["planned_values"]
	_, tv := top["terraform_version"]
	return fv && (pv || tv)
}

// ParsePlan reads a plan in the JSON form `terraform show -json` writes
// into a scan unit. The values are the plan's planned_values (those that
// are only known after apply, from resource_changes' after_unknown, are
// unknown where the configuration sets them and absent where it does not,
// as they would be in the configuration); the configuration section gives
// the references that link resources and the provider regions.
//
// When the configuration the plan was made from sits beside it (.tf files
// in the same directory), findings point into those files: the module is
// evaluated too, and every location and module call chain is taken from it
// where it knows the object. Otherwise they point into the plan file.
//
// ParsePlan never returns nil and never panics.
func ParsePlan(path string, src []byte, opts Options) (unit *model.Unit) {
	unit = model.NewUnit(model.UnitTerraform, path)
	unit.Files = []string{path}
	defer func() {
		if r := recover(); r != nil {
			unit.Diagnostics = append(unit.Diagnostics, model.Diagnostic{
				Severity: model.DiagError,
				Summary:  "internal error",
				Detail:   fmt.Sprintf("reading the Terraform plan failed: %v\n%s", r, debug.Stack()),
				Range:    model.Range{File: path},
			})
		}
		unit.Model.Normalize()
	}()
	diags := &diagnostics{unit: unit, cache: opts.Cache}
	text := string(src)
	if !utf8.ValidString(text) {
		diags.add(model.DiagError, "invalid plan", "the plan file is not valid UTF-8", hcl.Range{Filename: path})
		return unit
	}
	idx := newPosIndex(path, text)
	doc, err := decodeJSON(text, idx.at)
	if err != nil || doc.Kind != node.Map {
		diags.add(model.DiagError, "invalid plan", fmt.Sprintf("the plan is not a JSON object: %v", err), hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos})
		return unit
	}
	p := newPlan(path, doc, opts, diags)
	p.build()
	newAdapter(p.e, unit).run()
	p.ownAccounts(unit.Model)
	if files := besideConfig(path); len(files) > 0 {
		p.relocate(unit, files, opts)
	}
	return unit
}

// besideConfig lists the .tf files in the plan's directory.
func besideConfig(path string) []string {
	files, err := moduleFiles(filepath.Dir(path))
	if err != nil {
		return nil
	}
	return files
}

// posIndex maps byte offsets of a file to lines and columns. A plan is
// usually one line of megabytes: columns are counted from checkpoints, not
// from the start of the line.
type posIndex struct {
	file  string
	text  string
	lines []int // start offset of each line
	// checks are offsets (at rune boundaries, about checkStep apart) and
	// their columns.
	checks []checkpoint
}

type checkpoint struct{ off, col int }

const checkStep = 1024

func newPosIndex(file, text string) *posIndex {
	p := &posIndex{file: file, text: text, lines: []int{0}}
	col, next := 1, 0
	for i := 0; i < len(text); {
		if i >= next {
			p.checks = append(p.checks, checkpoint{i, col})
			next = i + checkStep
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		col++
		if r == '\n' {
			p.lines = append(p.lines, i+1)
			col = 1
		}
		i += size
	}
	return p
}

func (p *posIndex) pos(off int) model.Pos {
	off = min(max(off, 0), len(p.text))
	line := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
	from, col := p.lines[line], 1
	if k := sort.Search(len(p.checks), func(i int) bool { return p.checks[i].off > off }) - 1; k >= 0 && p.checks[k].off > from {
		from, col = p.checks[k].off, p.checks[k].col
	}
	col += utf8.RuneCountInString(p.text[from:off])
	return model.Pos{Line: line + 1, Column: col}
}

func (p *posIndex) at(start, end int) model.Range {
	return model.Range{File: p.file, Start: p.pos(start), End: p.pos(end)}
}

// hclRange returns the hcl form of a model range.
func hclRange(r model.Range) hcl.Range {
	return hcl.Range{
		Filename: r.File,
		Start:    hcl.Pos{Line: r.Start.Line, Column: r.Start.Column},
		End:      hcl.Pos{Line: r.End.Line, Column: r.End.Column},
	}
}

// jsonStrings returns the strings of a list node.
func jsonStrings(n *node.Node) []string {
	var out []string
	if n == nil || n.Kind != node.List {
		return nil
	}
	for _, it := range n.List {
		if it.Kind == node.String {
			out = append(out, it.Str)
		}
	}
	return out
}

// ownAccounts records the account the plan was made in (the account_id of
// its aws_caller_identity data sources) and marks the principals that name
// it: in a plan they are known, unlike in the configuration.
func (p *plan) ownAccounts(m *model.Model) {
	ids := p.callerAccounts()
	seen := map[string]bool{}
	for _, id := range m.AWS.Account.IDs {
		if v, ok := id.Get(); ok {
			seen[v] = true
		}
	}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			m.AWS.Account.IDs = append(m.AWS.Account.IDs, model.KnownOf(id))
		}
	}
	if len(ids) == 0 {
		return
	}
	for _, pol := range m.AWS.IAM.Policies {
		for _, st := range pol.Statements {
			for _, ps := range []model.Principals{st.Principals, st.NotPrincipals} {
				list, _ := ps.Get()
				for _, pr := range list {
					v, ok := pr.Value.Get()
					if !ok || pr.Type != "AWS" {
						continue
					}
					for _, id := range ids {
						if v == id || strings.HasPrefix(v, "arn:aws:iam::"+id+":") || strings.Contains(v, ":"+id+":") {
							pr.OwnAccount = true
						}
					}
				}
			}
		}
	}
}
