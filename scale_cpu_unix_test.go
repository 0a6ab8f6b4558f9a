//go:build unix

package seclint

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used (user and system, all
// threads): on a shared machine it varies less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
