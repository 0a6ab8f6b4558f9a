package main

import (
	"strings"

	"github.com/seclint/seclint/report"
)

// failOnNone is --fail-on none: findings never fail the run (files that
// could not be parsed still do). It suits a job that only uploads a report.
const failOnNone report.Severity = "NONE"

// parseFailOn accepts a severity or none, in any case.
func parseFailOn(s string) (report.Severity, bool) {
	if strings.EqualFold(strings.TrimSpace(s), "none") {
		return failOnNone, true
	}
	return report.ParseSeverity(s)
}
