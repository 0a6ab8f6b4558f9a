// Package config reads seclint's configuration file, .seclint.yaml.
//
// Every field is optional; flags given on the command line override it. An
// unknown key or a value of the wrong type is an error that names the file
// and line, so a typo never silently disables a setting.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/report"
)

// FileName is the config file looked for in the scan root; FileNames are
// the names tried, in order (golangci-lint and Trivy accept both spellings
// of the extension too).
const FileName = ".seclint.yaml"

var FileNames = []string{FileName, ".seclint.yml"}

// Config is the content of .seclint.yaml.
type Config struct {
	Rules Rules `yaml:"rules"`
	// Exclude are globs of paths not to scan.
	Exclude []string `yaml:"exclude"`
	// Ignore silences findings in matching paths.
	Ignore []Ignore `yaml:"ignore"`
	// Policies are directories of extra Rego rules.
	Policies       []string       `yaml:"policies"`
	Terraform      Terraform      `yaml:"terraform"`
	CloudFormation CloudFormation `yaml:"cloudformation"`
	// PolicyKinds set the kind of standalone policy files by path.
	PolicyKinds []PolicyKind `yaml:"policy_kinds"`
	// FailOn and MinSeverity are as the flags of the same name.
	FailOn      string `yaml:"fail_on"`
	MinSeverity string `yaml:"min_severity"`

	// Path is the file the config was read from.
	Path string `yaml:"-"`
	// RuleRefs are the rule IDs the file names, with their lines, for
	// CheckRuleIDs.
	RuleRefs []RuleRef `yaml:"-"`
}

// Rules selects rules and changes their severity.
type Rules struct {
	Enable  []string `yaml:"enable"`
	Disable []string `yaml:"disable"`
	// Severity maps a rule ID to the severity its findings get.
	Severity map[string]string `yaml:"severity"`
}

// Ignore is a path-scoped suppression.
type Ignore struct {
	Paths  []string `yaml:"paths"`
	Rules  []string `yaml:"rules"`
	Reason string   `yaml:"reason"`
	Until  string   `yaml:"until"`
	// Line is where the entry is written, for reports.
	Line int `yaml:"-"`
}

// PolicyKind says what the standalone policy files (IAM policy JSON) whose
// path matches one of Paths are: identity, resource, endpoint (a VPC
// endpoint policy), boundary (a permissions boundary) or scp (a service
// control policy). A file matched by no entry has its kind inferred from
// its content and path.
type PolicyKind struct {
	Paths []string `yaml:"paths"`
	Kind  string   `yaml:"kind"`
	// Line is where the entry is written, for messages.
	Line int `yaml:"-"`
}

// PolicyKindNames are the kinds a policy_kinds entry may set.
var PolicyKindNames = []string{"identity", "resource", "endpoint", "boundary", "scp"}

// Terraform holds Terraform inputs.
type Terraform struct {
	// VarFiles apply to every root module.
	VarFiles []string          `yaml:"var_files"`
	Vars     map[string]string `yaml:"vars"`
	// RootVarFiles maps a root module's directory to the var files it is
	// scanned with (after VarFiles); a var file named on the command line
	// that is listed here is applied to those roots.
	RootVarFiles map[string][]string `yaml:"root_var_files"`
}

// CloudFormation holds template parameter values.
type CloudFormation struct {
	Parameters map[string]string `yaml:"parameters"`
}

// Load reads and validates a config file. Relative paths inside it
// (policies, var files, and the globs of exclude and ignore.paths) are made
// relative to the file's directory, so that a scan gives the same result
// from any working directory (see Globs).
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	c, err := Parse(path, src)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	for i, p := range c.Policies {
		c.Policies[i] = resolve(dir, p)
	}
	for i, p := range c.Terraform.VarFiles {
		c.Terraform.VarFiles[i] = resolve(dir, p)
	}
	if len(c.Terraform.RootVarFiles) > 0 {
		roots := make(map[string][]string, len(c.Terraform.RootVarFiles))
		for root, files := range c.Terraform.RootVarFiles {
			root = filepath.Clean(resolve(dir, root))
			for _, f := range files {
				roots[root] = append(roots[root], resolve(dir, f))
			}
		}
		c.Terraform.RootVarFiles = roots
	}
	gdir := globDir(dir)
	resolveGlobs(gdir, c.Exclude)
	for i := range c.Ignore {
		resolveGlobs(gdir, c.Ignore[i].Paths)
	}
	for i := range c.PolicyKinds {
		resolveGlobs(gdir, c.PolicyKinds[i].Paths)
	}
	return c, nil
}

// resolveGlobs applies ResolveGlob to each of globs, in place.
func resolveGlobs(dir string, globs []string) {
	for i, g := range globs {
		globs[i] = ResolveGlob(dir, g)
	}
}

// Find returns the config file of the scan root, or "" when there is none.
func Find(root string) string {
	for _, name := range FileNames {
		p := filepath.Join(root, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
	}
	return ""
}

func resolve(dir, p string) string {
	if filepath.IsAbs(p) || dir == "." {
		return p
	}
	return filepath.Join(dir, p)
}

// Parse decodes and validates config text; errors name path and line.
func Parse(path string, src []byte) (*Config, error) {
	c := &Config{Path: path}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", path, readable(err))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err == nil {
		for j, line := range itemLines(&doc, "ignore") {
			if j < len(c.Ignore) {
				c.Ignore[j].Line = line
			}
		}
		for j, line := range itemLines(&doc, "policy_kinds") {
			if j < len(c.PolicyKinds) {
				c.PolicyKinds[j].Line = line
			}
		}
		c.RuleRefs = ruleRefs(&doc)
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// itemLines returns the line of each item of the top-level sequence key,
// or nil when the document has none.
func itemLines(doc *yaml.Node, key string) []int {
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i+1].Kind == yaml.SequenceNode {
			lines := make([]int, len(m.Content[i+1].Content))
			for j, item := range m.Content[i+1].Content {
				lines[j] = item.Line
			}
			return lines
		}
	}
	return nil
}

func (c *Config) validate() error {
	for _, s := range []struct{ name, v string }{{"fail_on", c.FailOn}, {"min_severity", c.MinSeverity}} {
		if s.v != "" && (s.name != "fail_on" || !strings.EqualFold(s.v, "none")) {
			if _, ok := report.ParseSeverity(s.v); !ok {
				return fmt.Errorf("%s: %q is not CRITICAL, HIGH, MEDIUM or LOW", s.name, s.v)
			}
		}
	}
	for id, sev := range c.Rules.Severity {
		if _, ok := report.ParseSeverity(sev); !ok {
			return fmt.Errorf("rules.severity.%s: %q is not CRITICAL, HIGH, MEDIUM or LOW", id, sev)
		}
	}
	for _, g := range c.Exclude {
		if !doublestar.ValidatePattern(g) {
			return fmt.Errorf("exclude: %q is not a valid glob", g)
		}
	}
	for _, ig := range c.Ignore {
		if len(ig.Rules) == 0 || len(ig.Paths) == 0 {
			return fmt.Errorf("line %d: an ignore entry needs rules and paths", ig.Line)
		}
		for _, g := range ig.Paths {
			if !doublestar.ValidatePattern(g) {
				return fmt.Errorf("line %d: %q is not a valid glob", ig.Line, g)
			}
		}
		if ig.Until != "" {
			if _, err := time.Parse(time.DateOnly, ig.Until); err != nil {
				return fmt.Errorf("line %d: until %q is not a date of the form YYYY-MM-DD", ig.Line, ig.Until)
			}
		}
	}
	for _, pk := range c.PolicyKinds {
		if len(pk.Paths) == 0 || !slices.Contains(PolicyKindNames, pk.Kind) {
			return fmt.Errorf("line %d: a policy_kinds entry needs paths and a kind (%s)", pk.Line, strings.Join(PolicyKindNames, ", "))
		}
		for _, g := range pk.Paths {
			if !doublestar.ValidatePattern(g) {
				return fmt.Errorf("line %d: %q is not a valid glob", pk.Line, g)
			}
		}
	}
	return nil
}
