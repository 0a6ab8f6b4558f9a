package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress shows how far a long scan is, on stderr when it is a terminal:
// units done of total, the unit being scanned and the elapsed time, on one
// line redrawn in place, from delay after the start. Nothing is written
// otherwise, so that redirected output stays byte for byte the same.
type progress struct {
	out   io.Writer
	start time.Time
	delay time.Duration

	mu          sync.Mutex
	done, total int
	unit        string
	drawn       bool
	stop        chan struct{}
	stopped     sync.WaitGroup
}

// progressDelay is how long a scan runs before progress is shown.
const progressDelay = time.Second

// newProgress returns the progress display of a scan, or nil when stderr
// is not a terminal or quiet is set.
func newProgress(stderr io.Writer, quiet bool) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return startProgress(stderr, progressDelay, 200*time.Millisecond)
}

// startProgress draws every tick, once delay has passed.
func startProgress(out io.Writer, delay, tick time.Duration) *progress {
	p := &progress{out: out, start: time.Now(), delay: delay, stop: make(chan struct{})}
	p.stopped.Add(1)
	go func() {
		defer p.stopped.Done()
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.draw()
			}
		}
	}()
	return p
}

// update is seclint.Options.Progress.
func (p *progress) update(done, total int, unit string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total, p.unit = done, total, unit
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	elapsed := time.Since(p.start)
	if elapsed < p.delay || p.total == 0 {
		return
	}
	// \r and "erase line" redraw in place; the unit is cut to keep one line.
	unit := p.unit
	if len(unit) > 60 {
		unit = "..." + unit[len(unit)-57:]
	}
	fmt.Fprintf(p.out, "\r\x1b[K[%d/%d] %s (%.0fs)", p.done, p.total, unit, elapsed.Seconds())
	p.drawn = true
}

// finish stops the display and clears its line before the report is written.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.stopped.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.out, "\r\x1b[K")
	}
}
