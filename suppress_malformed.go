package seclint

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/seclint/seclint/parsers/model"
)

// ignoreAttemptRe matches a comment that means to be an ignore comment:
// "seclint" and "ignore" in any case and spacing. A line it matches that
// ignoreRe does not is a malformed ignore comment, which would otherwise
// silently suppress nothing.
var ignoreAttemptRe = regexp.MustCompile(`(?i)(?:#|//)\s*seclint\s*[:\s-]\s*ignore`)

// ignoreForm is the accepted form, quoted in the warnings.
const ignoreForm = "# seclint:ignore RULE-ID[,RULE-ID...] [until=YYYY-MM-DD] [-- reason]"

// mayHoldIgnore is a quick test of a whole file before its lines are read.
func mayHoldIgnore(src []byte) bool {
	return bytes.Contains(src, []byte("eclint")) || bytes.Contains(src, []byte("ECLINT"))
}

// malformedIgnore returns a warning for a line that means to be an ignore
// comment but is not in the accepted form, or false.
func malformedIgnore(path string, lineNo int, line string) (model.Diagnostic, bool) {
	loc := ignoreAttemptRe.FindStringIndex(line)
	if loc == nil {
		return model.Diagnostic{}, false
	}
	text := line[loc[0]:]
	var hint string
	lower := strings.ToLower(text)
	rest := strings.TrimSpace(text[loc[1]-loc[0]:])
	switch {
	case !strings.Contains(text, "seclint:ignore"):
		hint = "write seclint:ignore in lower case, without spaces"
	case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "="):
		hint = "the rule IDs follow a space, not " + rest[:1]
	case rest == "":
		hint = "name the rule IDs to ignore, or * for every rule"
	case strings.Contains(rest, ", ") || strings.Contains(rest, " ,"):
		hint = "separate rule IDs with a comma and no space"
	case strings.Contains(lower, "until") && !strings.Contains(lower, "until="):
		hint = "write the date as until=YYYY-MM-DD"
	default:
		hint = "put the reason after --"
	}
	return model.Diagnostic{
		Severity: model.DiagWarning,
		Summary:  "malformed ignore comment",
		Detail:   hint + "; the comment suppresses nothing. The accepted form is: " + ignoreForm,
		Range: model.Range{File: path, Start: model.Pos{Line: lineNo, Column: loc[0] + 1},
			End: model.Pos{Line: lineNo, Column: len(line) + 1}},
	}, true
}
