//go:build unix

// Command maxrss runs a command and prints its peak resident set size, for
// scripts/bench where /usr/bin/time is not installed. The command's exit
// status is not an error: seclint exits 1 when it reports findings.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: maxrss COMMAND [ARG...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(os.Stderr, "maxrss: running %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "maxrss: resource usage not available on this system")
		os.Exit(1)
	}
	// Linux reports kilobytes, macOS bytes.
	peak := ru.Maxrss * 1024
	if runtime.GOOS == "darwin" {
		peak = ru.Maxrss
	}
	fmt.Printf("  peak RSS %.0f MiB\n  wall %v\n", float64(peak)/(1<<20), time.Since(start).Round(time.Millisecond))
}
