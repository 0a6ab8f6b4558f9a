package reporters

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// The JUnit XML elements seclint writes. The attribute sets are those the
// Jenkins xUnit junit-10.xsd allows: a testcase has no file attribute, so
// the location of a failure goes in its text.
type (
	junitTestsuites struct {
		XMLName  xml.Name         `xml:"testsuites"`
		Name     string           `xml:"name,attr"`
		Tests    int              `xml:"tests,attr"`
		Failures int              `xml:"failures,attr"`
		Errors   int              `xml:"errors,attr"`
		Time     string           `xml:"time,attr,omitempty"`
		Suites   []junitTestsuite `xml:"testsuite"`
	}

	junitTestsuite struct {
		Name       string           `xml:"name,attr"`
		Tests      int              `xml:"tests,attr"`
		Failures   int              `xml:"failures,attr"`
		Errors     int              `xml:"errors,attr"`
		Properties *junitProperties `xml:"properties,omitempty"`
		Cases      []junitTestcase  `xml:"testcase"`
	}

	junitProperties struct {
		Props []junitProperty `xml:"property"`
	}

	junitProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}

	junitTestcase struct {
		Name      string         `xml:"name,attr"`
		Classname string         `xml:"classname,attr"`
		Failures  []junitProblem `xml:"failure"`
		Errors    []junitProblem `xml:"error"`
		Skipped   *junitSkipped  `xml:"skipped"`
	}

	// junitSkipped marks a check whose findings are all suppressed.
	junitSkipped struct {
		Message string `xml:"message,attr,omitempty"`
	}

	// junitProblem is a failure (a finding) or an error (a file that could
	// not be parsed). Its text is CDATA, which keeps line breaks readable
	// (character data would spell them &#xA;); set it through xmlText.
	junitProblem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr,omitempty"`
		Text    string `xml:",cdata"`
	}
)

// diagnosticsSuite is the testsuite of files that could not be parsed.
const diagnosticsSuite = "seclint.diagnostics"

func writeJUnit(w io.Writer, r *report.Report) error {
	doc := buildJUnit(r)
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	if _, err := w.Write(append(out, '\n')); err != nil {
		return err
	}
	return nil
}

func buildJUnit(r *report.Report) junitTestsuites {
	doc := junitTestsuites{Name: toolName}
	if r.Duration > 0 {
		// The XSD's SUREFIRE_TIME allows at most three decimals.
		doc.Time = fmt.Sprintf("%.3f", r.Duration.Seconds())
	}
	for _, ru := range sortedRules(r, true) {
		doc.Suites = append(doc.Suites, ruleSuite(r, ru))
	}
	if s, ok := diagnosticSuite(r); ok {
		doc.Suites = append(doc.Suites, s)
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
	}
	// CI systems treat a report without tests as a broken run; a scan that
	// checked nothing still passed.
	if doc.Tests == 0 {
		doc.Suites = append(doc.Suites, junitTestsuite{
			Name:  toolName,
			Tests: 1,
			Cases: []junitTestcase{{Name: "scan", Classname: toolName}},
		})
		doc.Tests = 1
	}
	return doc
}

// ruleSuite has one testcase per resource the rule checked, with a failure
// per finding on it. A finding on a resource without a check still gets a
// testcase.
func ruleSuite(r *report.Report, ru report.Rule) junitTestsuite {
	cases := map[string]*junitTestcase{}
	get := func(name string) *junitTestcase {
		tc, ok := cases[name]
		if !ok {
			tc = &junitTestcase{Name: name, Classname: ru.ID}
			cases[name] = tc
		}
		return tc
	}
	for _, c := range r.Checks {
		if c.RuleID == ru.ID {
			get(cmp.Or(c.Resource, location(c.Range)))
		}
	}
	for _, f := range r.Findings {
		if f.RuleID != ru.ID {
			continue
		}
		// A finding reported once for several instances fails the check
		// of each of them.
		names := []string{cmp.Or(f.Resource, location(f.Range))}
		for _, in := range f.Instances {
			if in.Resource != "" && !slices.Contains(names, in.Resource) {
				names = append(names, in.Resource)
			}
		}
		for _, name := range names {
			tc := get(name)
			if f.Suppression != nil {
				if tc.Skipped == nil {
					tc.Skipped = &junitSkipped{Message: "suppressed: " + f.Suppression.Justification}
				}
				continue
			}
			tc.Failures = append(tc.Failures, junitProblem{
				Message: cmp.Or(f.Message, ru.Title, ru.ID),
				Type:    string(severityOf(f, ru)),
				Text:    xmlText(failureText(f)),
			})
		}
	}

	s := junitTestsuite{Name: ru.ID, Properties: ruleProperties(ru)}
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		tc := cases[name]
		s.Cases = append(s.Cases, *tc)
		if len(tc.Failures) > 0 {
			s.Failures++
		}
	}
	s.Tests = len(s.Cases)
	return s
}

func ruleProperties(ru report.Rule) *junitProperties {
	var props []junitProperty
	add := func(name, value string) {
		if value != "" {
			props = append(props, junitProperty{Name: name, Value: value})
		}
	}
	add("title", ru.Title)
	add("severity", string(ru.Severity))
	add("kind", ru.Kind)
	add("fsbp", strings.Join(ru.FSBP, ", "))
	if props == nil {
		return nil
	}
	return &junitProperties{Props: props}
}

// failureText says where the finding is and what it is about, since the
// testcase itself cannot carry a file.
func failureText(f report.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", location(f.Range), f.Message)
	if f.Resource != "" {
		fmt.Fprintf(&b, "Resource: %s", f.Resource)
		if f.ResourceType != "" {
			fmt.Fprintf(&b, " (%s)", f.ResourceType)
		}
		b.WriteByte('\n')
	}
	if f.Attribute != "" {
		fmt.Fprintf(&b, "Attribute: %s\n", f.Attribute)
	}
	return b.String()
}

// diagnosticSuite has one testcase per file with error diagnostics, and an
// error in it per diagnostic. Warnings and notes do not fail a build, so
// they are left out.
func diagnosticSuite(r *report.Report) (junitTestsuite, bool) {
	byFile := map[string][]model.Diagnostic{}
	for _, d := range r.Diagnostics {
		if d.Severity == model.DiagError {
			byFile[d.Range.File] = append(byFile[d.Range.File], d)
		}
	}
	if len(byFile) == 0 {
		return junitTestsuite{}, false
	}
	s := junitTestsuite{Name: diagnosticsSuite}
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		tc := junitTestcase{Name: cmp.Or(file, "(no file)"), Classname: diagnosticsSuite}
		for _, d := range byFile[file] {
			tc.Errors = append(tc.Errors, junitProblem{
				Message: fmt.Sprintf("%s: %s", location(d.Range), d.Summary),
				Type:    string(d.Severity),
				Text:    xmlText(cmp.Or(d.Detail, d.Summary)),
			})
		}
		s.Cases = append(s.Cases, tc)
	}
	s.Tests = len(s.Cases)
	s.Errors = len(s.Cases)
	return s, true
}

// xmlText replaces what XML 1.0 cannot hold at all, such as NUL, and
// invalid UTF-8. encoding/xml does that for attributes and character data,
// but writes CDATA as is.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t', r == '\n', r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return utf8.RuneError
	}, s)
}
