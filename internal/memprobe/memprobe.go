// Package memprobe measures the peak heap of a piece of work, for tests that
// bound the memory a hostile input may take.
package memprobe

import (
	"runtime"
	"runtime/metrics"
	"time"
)

// PeakHeap runs f and returns the largest heap of live and not yet
// collected objects seen while it ran, less the heap before. The runtime
// records no peak, so the heap is sampled every interval; a spike shorter
// than that may be missed, which a bound in a test tolerates.
func PeakHeap(interval time.Duration, f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	base := read()
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		high := base
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			high = max(high, read())
			select {
			case <-done:
				peak <- high
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	return <-peak - base
}
