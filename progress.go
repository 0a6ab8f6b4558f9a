package seclint

import "sync/atomic"

// progressCounter reports the units of a scan to Options.Progress.
type progressCounter struct {
	report func(done, total int, unit string)
	total  int
	done   atomic.Int64
}

func newProgressCounter(report func(done, total int, unit string), total int) *progressCounter {
	return &progressCounter{report: report, total: total}
}

func (p *progressCounter) start(unit string) {
	if p.report != nil {
		p.report(int(p.done.Load()), p.total, unit)
	}
}

func (p *progressCounter) end(unit string) {
	if p.report != nil {
		p.report(int(p.done.Add(1)), p.total, unit)
	}
}
