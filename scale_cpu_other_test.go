//go:build !unix

package seclint

import "time"

// cpuTime is not measured here; the scaling benchmarks then fit the wall
// clock only.
func cpuTime() time.Duration { return 0 }
