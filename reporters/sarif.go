package reporters

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// SARIF constants. The limits are GitHub code scanning's: it rejects an
// upload with more results in a run, or more tags on a rule, than these.
const (
	sarifSchema     = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion    = "2.1.0"
	toolName        = "seclint"
	toolURI         = "https://github.com/seclint/seclint"
	rulesDocURI     = "https://github.com/seclint/seclint/blob/main/docs/rules.md#"
	fsbpDocURI      = "https://docs.aws.amazon.com/securityhub/latest/userguide/"
	srcRoot         = "%SRCROOT%"
	fingerprintKey  = "seclint/v1"
	maxSARIFResults = 25000
	maxSARIFTags    = 20
)

// The subset of the SARIF 2.1.0 object model that seclint writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}

	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		// A map with one key: encoding/json sorts keys, so it is deterministic.
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
		// Results has no omitempty: GitHub wants the array even when empty.
		Results    []sarifResult `json:"results"`
		ColumnKind string        `json:"columnKind"`
	}

	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}

	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}

	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name"`
		ShortDescription     sarifMessage       `json:"shortDescription"`
		FullDescription      sarifMessage       `json:"fullDescription"`
		HelpURI              string             `json:"helpUri,omitempty"`
		Help                 sarifMultiformat   `json:"help"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
		Properties           sarifRuleProps     `json:"properties"`
	}

	sarifRuleProps struct {
		// GitHub reads security-severity as a string holding a CVSS-like
		// score; it ranks rules tagged "security" by it.
		SecuritySeverity string   `json:"security-severity"`
		Tags             []string `json:"tags"`
		Precision        string   `json:"precision"`
		ProblemSeverity  string   `json:"problem.severity"`
	}

	sarifConfiguration struct {
		Level string `json:"level"`
	}

	sarifMessage struct {
		Text string `json:"text"`
	}

	sarifMultiformat struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}

	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifMessage       `json:"message"`
		Locations           []sarifLocation    `json:"locations,omitempty"`
		PartialFingerprints map[string]string  `json:"partialFingerprints"`
		RelatedLocations    []sarifRelated     `json:"relatedLocations,omitempty"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		BaselineState       string             `json:"baselineState,omitempty"`
	}

	// sarifRelated is a secondary location, e.g. a module call.
	sarifRelated struct {
		ID               int                    `json:"id"`
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		Message          sarifMessage           `json:"message"`
	}

	// sarifSuppression marks a result that code scanning shows as dismissed.
	sarifSuppression struct {
		Kind          string         `json:"kind"`
		Justification string         `json:"justification,omitempty"`
		Location      *sarifLocation `json:"location,omitempty"`
	}

	sarifLocation struct {
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
	}

	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}

	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}

	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}

	sarifLogicalLocation struct {
		FullyQualifiedName string `json:"fullyQualifiedName"`
		Kind               string `json:"kind"`
	}

	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}

	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
)

// writeSARIF writes r as a SARIF log with at most maxResults results.
func writeSARIF(w io.Writer, r *report.Report, maxResults int) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(buildSARIF(r, maxResults))
}

func buildSARIF(r *report.Report, maxResults int) sarifLog {
	rules := sortedRules(r, false)
	index := make(map[string]int, len(rules))
	driver := sarifDriver{
		Name:            toolName,
		Version:         r.Tool,
		SemanticVersion: semanticVersion(r.Tool),
		InformationURI:  toolURI,
		Rules:           make([]sarifRule, 0, len(rules)),
	}
	for i, ru := range rules {
		index[ru.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(ru))
	}

	run := sarifRun{
		Tool:        sarifTool{Driver: driver},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
		// Parsers count columns in characters, not UTF-16 code units.
		ColumnKind: "unicodeCodePoints",
	}
	if r.Root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{
			srcRoot: {URI: fileURI(r.Root, true)},
		}
	}

	inv := &run.Invocations[0]
	findings, dropped := capFindings(r.Findings, maxResults)
	if dropped > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "warning",
			Message: sarifMessage{Text: fmt.Sprintf(
				"%d of %d results were left out: GitHub code scanning accepts at most %d results per run. The most severe were kept.",
				dropped, len(r.Findings), maxResults)},
		})
	}
	for _, f := range findings {
		ru := rules[index[f.RuleID]]
		res := sarifResult{
			RuleID:    f.RuleID,
			RuleIndex: index[f.RuleID],
			Level:     sarifLevel(severityOf(f, ru)),
			Message:   sarifMessage{Text: cmp.Or(f.Message, ru.Title, f.RuleID)},
			PartialFingerprints: map[string]string{
				fingerprintKey: cmp.Or(f.Fingerprint, fallbackFingerprint(f)),
			},
		}
		loc := sarifLocation{PhysicalLocation: physicalLocation(r.Root, f.Range)}
		if f.Resource != "" {
			loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: f.Resource, Kind: "resource"}}
		}
		if loc.PhysicalLocation != nil || loc.LogicalLocations != nil {
			res.Locations = []sarifLocation{loc}
		}
		for i, rel := range f.Related {
			res.RelatedLocations = append(res.RelatedLocations, sarifRelated{ID: i + 1, PhysicalLocation: physicalLocation(r.Root, rel.Range), Message: sarifMessage{Text: cmp.Or(rel.Message, "related")}})
		}
		if sp := f.Suppression; sp != nil {
			sup := sarifSuppression{Kind: sp.Kind, Justification: sp.Justification}
			if pl := physicalLocation(r.Root, sp.Range); pl != nil {
				sup.Location = &sarifLocation{PhysicalLocation: pl}
			}
			res.Suppressions = []sarifSuppression{sup}
		}
		res.BaselineState = f.BaselineState
		run.Results = append(run.Results, res)
	}

	for _, d := range r.Diagnostics {
		text := d.Summary
		if d.Detail != "" {
			text += ": " + d.Detail
		}
		n := sarifNotification{Level: diagLevel(d.Severity), Message: sarifMessage{Text: cmp.Or(text, "diagnostic")}}
		if pl := physicalLocation(r.Root, d.Range); pl != nil {
			n.Locations = []sarifLocation{{PhysicalLocation: pl}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}

	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// capFindings keeps at most limit findings, the most severe ones, in their
// original order, and says how many it dropped. GitHub would itself keep the
// most severe, but it rejects the whole upload past its limit.
func capFindings(fs []report.Finding, limit int) ([]report.Finding, int) {
	if len(fs) <= limit {
		return fs, 0
	}
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Compare(fs[b].Severity.Rank(), fs[a].Severity.Rank())
	})
	idx = idx[:limit]
	slices.Sort(idx)
	kept := make([]report.Finding, 0, limit)
	for _, i := range idx {
		kept = append(kept, fs[i])
	}
	return kept, len(fs) - limit
}

func sarifRuleOf(ru report.Rule) sarifRule {
	sev := ru.Severity
	out := sarifRule{
		ID:               ru.ID,
		Name:             camelCase(cmp.Or(ru.Title, ru.ID)),
		ShortDescription: sarifMessage{Text: cmp.Or(ru.Title, ru.ID)},
		FullDescription:  sarifMessage{Text: cmp.Or(ru.Description, ru.Title, ru.ID)},
		Help:             ruleHelp(ru),
		DefaultConfiguration: sarifConfiguration{
			Level: sarifLevel(sev),
		},
		Properties: sarifRuleProps{
			SecuritySeverity: securitySeverity(sev),
			Tags:             ruleTags(ru),
			Precision:        "high",
			ProblemSeverity:  problemSeverity(sev),
		},
	}
	// Users' own rules have no page in seclint's documentation.
	if !ru.Custom {
		out.HelpURI = rulesDocURI + url.PathEscape(ru.ID)
	}
	return out
}

// ruleTags puts "security" first: GitHub treats results of rules so tagged
// as security alerts and ranks them by security-severity.
func ruleTags(ru report.Rule) []string {
	tags := []string{"security"}
	add := func(t string) {
		if t != "" && !slices.Contains(tags, t) && len(tags) < maxSARIFTags {
			tags = append(tags, t)
		}
	}
	add(ru.Kind)
	for _, c := range ru.FSBP {
		add(c)
	}
	return tags
}

// ruleHelp renders the description, the remediations and the FSBP controls,
// as plain text and as Markdown. The remediations are Markdown already,
// which reads well enough as text.
func ruleHelp(ru report.Rule) sarifMultiformat {
	var text, md strings.Builder
	desc := cmp.Or(ru.Description, ru.Title, ru.ID)
	text.WriteString(desc)
	md.WriteString(desc)
	for _, rem := range []struct{ name, body string }{
		{"Terraform", ru.Remediation.Terraform},
		{"CloudFormation", ru.Remediation.CloudFormation},
	} {
		body := strings.TrimSpace(rem.body)
		if body == "" {
			continue
		}
		fmt.Fprintf(&text, "\n\n%s:\n%s", rem.name, body)
		fmt.Fprintf(&md, "\n\n### %s\n\n%s", rem.name, body)
	}
	if len(ru.FSBP) > 0 {
		links := make([]string, 0, len(ru.FSBP))
		for _, c := range ru.FSBP {
			links = append(links, fsbpLink(c))
		}
		fmt.Fprintf(&text, "\n\nAWS Security Hub (FSBP) controls: %s", strings.Join(ru.FSBP, ", "))
		fmt.Fprintf(&md, "\n\n**AWS Security Hub (FSBP) controls:** %s", strings.Join(links, ", "))
	}
	return sarifMultiformat{Text: text.String(), Markdown: md.String()}
}

var fsbpControl = regexp.MustCompile(`^([A-Za-z0-9]+)\.([0-9]+)$`)

// fsbpLink links a control such as "S3.2" to its page in the Security Hub
// user guide (s3-controls.html#s3-2), or returns it as is when it does not
// have that shape.
func fsbpLink(control string) string {
	m := fsbpControl.FindStringSubmatch(control)
	if m == nil {
		return control
	}
	svc := strings.ToLower(m[1])
	return fmt.Sprintf("[%s](%s%s-controls.html#%s-%s)", control, fsbpDocURI, svc, svc, m[2])
}

// physicalLocation locates a range: a URI relative to %SRCROOT% for a file
// under the root, an absolute file URI otherwise; nil without a file.
func physicalLocation(root string, rg model.Range) *sarifPhysicalLocation {
	if rg.File == "" {
		return nil
	}
	var art sarifArtifactLocation
	if rel, ok := relPath(root, rg.File); ok {
		// url.URL escapes what a URI reference cannot hold (spaces, %, #, ?)
		// and guards a first segment with a colon, which would read as a scheme.
		art = sarifArtifactLocation{URI: (&url.URL{Path: rel}).String(), URIBaseID: srcRoot}
	} else {
		art = sarifArtifactLocation{URI: fileURI(absPath(root, rg.File), false)}
	}
	return &sarifPhysicalLocation{ArtifactLocation: art, Region: regionOf(rg)}
}

// regionOf converts a range to a SARIF region, leaving out unknown (zero)
// values. Without an end, the region is the start line from the start
// column on: SARIF's default endColumn is the end of the line.
func regionOf(rg model.Range) *sarifRegion {
	if rg.Start.Line < 1 {
		return nil
	}
	reg := &sarifRegion{
		StartLine:   rg.Start.Line,
		StartColumn: max(rg.Start.Column, 0),
		EndLine:     rg.Start.Line,
	}
	if rg.End.Line >= rg.Start.Line {
		reg.EndLine = rg.End.Line
		// An end before the start on the same line is a broken range; the
		// end column is dropped rather than written as an invalid region.
		if rg.End.Column > 0 && (rg.End.Line > rg.Start.Line || rg.End.Column >= rg.Start.Column) {
			reg.EndColumn = rg.End.Column
		}
	}
	return reg
}

// sarifLevel maps a severity to a SARIF level; see RULES.md "Conventions".
func sarifLevel(s report.Severity) string {
	switch s {
	case report.Critical, report.High:
		return "error"
	case report.Low:
		return "note"
	}
	return "warning"
}

// securitySeverity maps a severity to the score GitHub ranks security
// alerts by: over 9.0 is critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, below
// that low. A rule without a known severity counts as medium.
func securitySeverity(s report.Severity) string {
	switch s {
	case report.Critical:
		return "9.5"
	case report.High:
		return "8.0"
	case report.Low:
		return "2.0"
	}
	return "5.5"
}

// problemSeverity is the severity GitHub shows for a rule that is not a
// security rule; "recommendation" is its lowest.
func problemSeverity(s report.Severity) string {
	switch s {
	case report.Critical, report.High:
		return "error"
	case report.Low:
		return "recommendation"
	}
	return "warning"
}

func diagLevel(s model.DiagSeverity) string {
	switch s {
	case model.DiagError, model.DiagWarning, model.DiagNote:
		return string(s)
	}
	return "warning"
}

// fallbackFingerprint stands in when the scanner left Fingerprint empty;
// GitHub needs partialFingerprints to follow a result across commits. It
// hashes what the scanner's fingerprint hashes, plus the file when the
// finding names no resource.
func fallbackFingerprint(f report.Finding) string {
	key := f.RuleID + "\x00" + f.Resource + "\x00" + f.Attribute
	if f.Resource == "" {
		key += "\x00" + f.Range.File
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

// semverRE is the regular expression semver.org suggests for SemVer 2.0.
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion returns v without a leading "v" when it is a semantic
// version, and "" otherwise (a development build, say).
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if semverRE.MatchString(v) {
		return v
	}
	return ""
}

// camelCase turns "S3 bucket has a public ACL" into "S3BucketHasAPublicACL"
// and "aws-s3-public-acl" into "AwsS3PublicAcl".
func camelCase(s string) string {
	s = strings.NewReplacer("'", "", "\u2019", "").Replace(s)
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		r, n := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[n:])
	}
	return b.String()
}
