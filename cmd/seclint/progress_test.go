package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer the progress goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Item 10: on a terminal, a scan longer than the delay shows units done of
// total, the current unit and the elapsed time, and clears the line.
func TestProgressDisplay(t *testing.T) {
	var out syncBuffer
	p := startProgress(&out, 0, time.Millisecond)
	p.update(3, 10, "modules/vpc")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "[3/10] modules/vpc (0s)") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	p.finish()
	got := out.String()
	if !strings.HasPrefix(got, "\r\x1b[K[3/10] modules/vpc (0s)") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress wrote %q", got)
	}

	// Before the delay, nothing.
	var quiet syncBuffer
	p = startProgress(&quiet, time.Hour, time.Millisecond)
	p.update(1, 2, "main.tf")
	time.Sleep(20 * time.Millisecond)
	p.finish()
	if quiet.String() != "" {
		t.Errorf("progress before the delay: %q", quiet.String())
	}
}

// Item 10: when stderr is not a terminal (or with -q) there is no progress
// and the output is unchanged: stderr stays empty.
func TestNoProgressWithoutTerminal(t *testing.T) {
	if newProgress(&bytes.Buffer{}, false) != nil {
		t.Error("progress on a buffer")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.tf": publicBucket})
	code, out, errOut := runIn(t, dir, "--enable", "aws-s3-public-acl", ".")
	if code != exitFindings || errOut != "" || !strings.Contains(out, "1 finding ") {
		t.Errorf("exit %d, stderr %q; want 1 and nothing on stderr", code, errOut)
	}
}
