// Package workpool runs a function over the indexes 0..n-1 on a fixed
// number of goroutines.
package workpool

import "sync"

// Run calls f(i) for every i in [0, n) on the given number of goroutines
// (at least one), handing out indexes in order, and returns when every call
// has returned. f must be safe for concurrent use; results are written by
// index.
func Run(workers, n int, f func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(workers, 1) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
