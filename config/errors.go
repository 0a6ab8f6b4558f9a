package config

import (
	"errors"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// yamlTypeRe matches yaml.v3's "cannot unmarshal !!str `x` into []string",
// which names Go types a user of the config file does not know.
var yamlTypeRe = regexp.MustCompile("cannot unmarshal (!!\\w+)(?: `([^`]*)`)? into (\\S+)")

// readable rewrites a decoding error in the config file's terms: YAML kinds
// (a list, a mapping, a string) instead of Go and YAML tag names.
func readable(err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return err
	}
	msgs := make([]string, len(te.Errors))
	for i, e := range te.Errors {
		msgs[i] = yamlTypeRe.ReplaceAllStringFunc(e, func(m string) string {
			sub := yamlTypeRe.FindStringSubmatch(m)
			// yaml.v3 cuts the value short ("aws-s3-..."): the line says where.
			return "want " + goKind(sub[3]) + ", got " + yamlKind(sub[1])
		})
	}
	return errors.New(strings.Join(msgs, "; "))
}

func yamlKind(tag string) string {
	switch tag {
	case "!!str":
		return "a string"
	case "!!seq":
		return "a list"
	case "!!map":
		return "a mapping"
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!null":
		return "nothing"
	}
	return "a " + strings.TrimPrefix(tag, "!!")
}

func goKind(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "a mapping"
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "float"):
		return "a number"
	}
	return "a mapping" // a struct: a section of the file
}
