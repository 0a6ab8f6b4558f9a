package workpool

import (
	"sync/atomic"
	"testing"
)

func TestRunCallsEachIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7} {
		const n = 500
		var calls [n]atomic.Int32
		Run(workers, n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("workers %d: index %d called %d times", workers, i, c)
			}
		}
	}
}
