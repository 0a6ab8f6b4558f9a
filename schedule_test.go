package seclint

import (
	"slices"
	"sync"
	"testing"
)

// TestScheduleKeepsSharingRootsApart: a free worker passes over a root
// that shares a module with a running one, takes it once that one is done,
// and Terraform roots come before templates.
func TestScheduleKeepsSharingRootsApart(t *testing.T) {
	jobs := []job{
		{path: "template.yaml", src: []byte("x")},
		{path: "repo/examples/a", shares: []string{"repo"}},
		{path: "repo/examples/b", shares: []string{"repo"}},
		{path: "other"},
	}
	s := &schedule{jobs: jobs, running: map[string]int{}, pending: []int{1, 2, 3, 0}}
	take := func() int {
		t.Helper()
		i, ok := s.take()
		if !ok {
			t.Fatal("no job left")
		}
		return i
	}
	if i := take(); i != 1 {
		t.Fatalf("first job %d, want 1", i)
	}
	// b shares repo with a, which runs: "other" goes first.
	if i := take(); i != 3 {
		t.Fatalf("second job %d, want 3 (2 shares a module with the running 1)", i)
	}
	// Only b and the template are left; b still waits for a: the template.
	if i := take(); i != 0 {
		t.Fatalf("third job %d, want 0", i)
	}
	s.done(1)
	if i := take(); i != 2 {
		t.Fatalf("fourth job %d, want 2", i)
	}
	if _, ok := s.take(); ok {
		t.Fatal("a job was left after all four")
	}
}

// TestScheduleFallsBackToFirst: when every pending job shares a module
// with a running one, the first is taken rather than none.
func TestScheduleFallsBackToFirst(t *testing.T) {
	jobs := []job{{path: "a", shares: []string{"m"}}, {path: "b", shares: []string{"m"}}}
	s := &schedule{jobs: jobs, running: map[string]int{}, pending: []int{0, 1}}
	s.take()
	if i, ok := s.take(); !ok || i != 1 {
		t.Fatalf("took %d, %v; want 1", i, ok)
	}
}

// TestRunJobsRunsEachOnce: every job runs once, whatever the workers.
func TestRunJobsRunsEachOnce(t *testing.T) {
	var jobs []job
	for i := range 200 {
		j := job{path: string(rune('a' + i%26))}
		if i%3 == 0 {
			j.src = []byte("template")
		}
		if i%5 == 0 {
			j.shares = []string{"m" + string(rune('0'+i%4))}
		}
		jobs = append(jobs, j)
	}
	for _, workers := range []int{1, 2, 7} {
		var mu sync.Mutex
		var ran []int
		runJobs(jobs, workers, func(i int) {
			mu.Lock()
			ran = append(ran, i)
			mu.Unlock()
		})
		slices.Sort(ran)
		for i := range jobs {
			if i >= len(ran) || ran[i] != i {
				t.Fatalf("%d workers: jobs run %v, want each of 0..%d once", workers, ran, len(jobs)-1)
			}
		}
	}
}
