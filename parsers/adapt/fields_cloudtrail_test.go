package adapt

import (
	"encoding/json"
	"regexp"
	"strconv"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// TestTrailFieldPathsAreModelPaths checks the trail tables as
// TestFieldPathsAreModelPaths checks the others, through the selector
// lists ("event_selectors[0].read_write_type").
func TestTrailFieldPathsAreModelPaths(t *testing.T) {
	tr := &model.Trail{}
	es, dr := &model.EventSelector{}, &model.DataResource{}
	as, fs := &model.AdvancedEventSelector{}, &model.FieldSelector{}
	is := &model.InsightSelector{}
	es.DataResources = model.KnownOf([]*model.DataResource{dr})
	as.FieldSelectors = model.KnownOf([]*model.FieldSelector{fs})
	tr.EventSelectors = model.KnownOf([]*model.EventSelector{es})
	tr.AdvancedEventSelectors = model.KnownOf([]*model.AdvancedEventSelector{as})
	tr.InsightSelectors = model.KnownOf([]*model.InsightSelector{is})
	var fields []Field
	for _, f := range [][]Field{
		TrailFields(tr), EventSelectorFields("event_selectors[0]", es), DataResourceFields("event_selectors[0].data_resources[0]", dr),
		AdvancedEventSelectorFields("advanced_event_selectors[0]", as), FieldSelectorFields("advanced_event_selectors[0].field_selectors[0]", fs),
		InsightSelectorFields("insight_selectors[0]", is),
	} {
		fields = append(fields, f...)
	}
	for i, f := range fields {
		if f.TF == "" && f.CFN == "" {
			t.Errorf("%s: read in no format", f.Path)
		}
		switch {
		case f.String != nil:
			*f.String = model.KnownOf(strconv.Itoa(i))
		case f.Bool != nil:
			*f.Bool = model.KnownOf(true)
		case f.List != nil:
			*f.List = model.KnownOf([]model.String{model.KnownOf(strconv.Itoa(i))})
		default:
			t.Errorf("%s: no value to set", f.Path)
		}
	}
	b, err := json.Marshal(tr)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	step := regexp.MustCompile(`([a-z0-9_]+)|\[([0-9]+)\]`)
	for i, f := range fields {
		v := doc
		for _, m := range step.FindAllStringSubmatch(f.Path, -1) {
			if m[1] != "" {
				obj, _ := v.(map[string]any)
				v = obj[m[1]]
				continue
			}
			n, _ := strconv.Atoi(m[2])
			if l, ok := v.([]any); ok && n < len(l) {
				v = l[n]
			} else {
				v = nil
			}
		}
		var want any = strconv.Itoa(i)
		switch {
		case f.Bool != nil:
			want = true
		case f.List != nil:
			l, _ := v.([]any)
			if len(l) == 1 {
				v = l[0]
			}
		}
		if v != want {
			t.Errorf("path %q is not the field's in the model: %s", f.Path, b)
		}
	}
}
