package terraform

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/model"
)

// textMap maps byte offsets of a text assembled from the parts of a
// template (literal text and evaluated interpolations) back to the source,
// so that a JSON document written in a heredoc gets the line and column of
// each of its elements.
type textMap struct {
	segs []segment
	// line returns a source line (without its newline) for the column
	// correction of indented heredocs; it may be nil.
	line func(file string, line int) string
}

// segment is one part of the text.
type segment struct {
	start int // offset of the part in the text
	text  string
	rng   hcl.Range
	// exact is set when text is the source of rng line for line (a
	// literal part), so offsets inside it map to exact positions;
	// otherwise every offset maps to the whole part.
	exact bool
	// nls are the offsets of the newlines in text.
	nls []int
}

func (m *textMap) add(start int, text string, rng hcl.Range, literal bool) {
	s := segment{start: start, text: text, rng: rng}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			s.nls = append(s.nls, i)
		}
	}
	// A literal whose newlines are not the source's line breaks (a quoted
	// string with \n escapes) cannot be mapped line for line.
	s.exact = literal && len(s.nls) == rng.End.Line-rng.Start.Line
	m.segs = append(m.segs, s)
}

// at returns the source range of the text span [start, end).
func (m *textMap) at(start, end int) model.Range {
	if len(m.segs) == 0 {
		return model.Range{}
	}
	sseg := m.segment(start)
	eseg := m.segment(end - 1)
	r := model.Range{File: sseg.rng.Filename}
	r.Start = m.pos(sseg, start, true)
	r.End = m.pos(eseg, end, false)
	return r
}

// segment returns the segment holding offset off.
func (m *textMap) segment(off int) *segment {
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].start > off }) - 1
	if i < 0 {
		i = 0
	}
	return &m.segs[i]
}

func (m *textMap) pos(s *segment, off int, isStart bool) model.Pos {
	if !s.exact {
		if isStart {
			return model.Pos{Line: s.rng.Start.Line, Column: s.rng.Start.Column}
		}
		return model.Pos{Line: s.rng.End.Line, Column: s.rng.End.Column}
	}
	rel := min(max(off-s.start, 0), len(s.text))
	// The number of newlines before rel is the line within the part.
	k := sort.SearchInts(s.nls, rel)
	if k == 0 {
		return model.Pos{Line: s.rng.Start.Line, Column: s.rng.Start.Column + utf8.RuneCountInString(s.text[:rel])}
	}
	lineStart := s.nls[k-1] + 1
	line := s.rng.Start.Line + k
	col := 1 + utf8.RuneCountInString(s.text[lineStart:rel])
	// A <<- heredoc strips the common indentation from its lines: add back
	// what the source line has more than the text line.
	if m.line != nil {
		lineEnd := len(s.text)
		if k < len(s.nls) {
			lineEnd = s.nls[k]
		}
		src := m.line(s.rng.Filename, line)
		if shift := indentOf(src) - indentOf(s.text[lineStart:lineEnd]); shift > 0 {
			col += shift
		}
	}
	return model.Pos{Line: line, Column: col}
}

func indentOf(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// constantMap maps every offset to one range: for a JSON string whose
// origin is an evaluated expression rather than source text.
func constantMap(r hcl.Range) func(start, end int) model.Range {
	mr := toRange(r)
	return func(int, int) model.Range { return mr }
}

// sourceLine returns line n (1-based) of a file the module read.
func (e *evaluator) sourceLine(file string, n int) string {
	src := e.src[file]
	starts := e.lineStarts[file]
	if starts == nil {
		starts = []int{0}
		for i, c := range src {
			if c == '\n' {
				starts = append(starts, i+1)
			}
		}
		e.lineStarts[file] = starts
	}
	if n < 1 || n > len(starts) {
		return ""
	}
	end := len(src)
	if n < len(starts) {
		end = starts[n] - 1
	}
	return string(src[starts[n-1]:end])
}
