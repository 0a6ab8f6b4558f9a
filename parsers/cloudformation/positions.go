package cloudformation

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
)

// lineIndex turns yaml.v3 positions (1-based lines, 1-based columns counted
// in characters) into byte offsets and back, so that ranges can be given an
// end and errors that only carry a byte offset can be given a line.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of the start of each line
	ascii  bool  // every byte is ASCII: a column is then a byte offset

	// marks holds, per line looked up in a non-ASCII file, the byte offset
	// of every markEvery-th character, so that finding a column walks at
	// most markEvery characters whatever the order of lookups (a minified
	// JSON template is one long line).
	marks map[int][]int
}

const markEvery = 64

func newLineIndex(src []byte) *lineIndex {
	// Sized first: appending line by line copied a large file's index
	// several times over.
	li := &lineIndex{src: src, starts: make([]int, 1, bytes.Count(src, []byte{'\n'})+1), ascii: isASCII(src)}
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		li.starts = append(li.starts, off)
	}
	return li
}

// isASCII reports whether every byte of b is ASCII, eight bytes at a time.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lineEnd returns the byte offset of the end of a 1-based line, without its
// line break.
func (li *lineIndex) lineEnd(line int) int {
	end := len(li.src)
	if line < len(li.starts) {
		end = li.starts[line] - 1
	}
	if end > li.starts[line-1] && li.src[end-1] == '\r' {
		end--
	}
	return end
}

// offset returns the byte offset of a 1-based line and column, or -1 when the
// position is not in the source.
func (li *lineIndex) offset(line, col int) int {
	if line < 1 || line > len(li.starts) || col < 1 {
		return -1
	}
	start, end := li.starts[line-1], li.lineEnd(line)
	if li.ascii {
		if start+col-1 > end {
			return -1
		}
		return start + col - 1
	}
	marks := li.lineMarks(line, start, end)
	k := (col - 1) / markEvery
	if k >= len(marks) {
		return -1
	}
	off, c := marks[k], k*markEvery+1
	for c < col && off < end {
		_, w := utf8.DecodeRune(li.src[off:end])
		off += w
		c++
	}
	if c != col {
		return -1
	}
	return off
}

func (li *lineIndex) lineMarks(line, start, end int) []int {
	if m, ok := li.marks[line]; ok {
		return m
	}
	if li.marks == nil {
		li.marks = map[int][]int{}
	}
	m := []int{start}
	for off, c := start, 0; off < end; {
		_, w := utf8.DecodeRune(li.src[off:end])
		off += w
		c++
		if c%markEvery == 0 {
			m = append(m, off)
		}
	}
	li.marks[line] = m
	return m
}

// pos returns the 1-based line and column of a byte offset.
func (li *lineIndex) pos(off int) model.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	// The last line start at or before off.
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := 1 + utf8.RuneCount(li.src[li.starts[lo]:off])
	return model.Pos{Line: lo + 1, Column: col}
}

// scalarWidth returns how many characters the scalar node n takes on its
// first line, counting its tag, anchor and quotes: the range of a finding on
// `AccessControl: !Ref Acl` covers `!Ref Acl`. Block scalars (| and >) span
// only their header; a quoted or plain scalar that continues on later lines
// spans the rest of its first line.
func (li *lineIndex) scalarWidth(n *yaml.Node) int {
	off := li.offset(n.Line, n.Column)
	if off < 0 {
		return 0
	}
	end := li.lineEnd(n.Line)
	s := li.src[off:end]
	i := 0
	// Skip the node properties: a tag (!Sub, !!str) and an anchor (&a).
	for i < len(s) && (s[i] == '!' || s[i] == '&') {
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			i++
		}
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	if i >= len(s) {
		return utf8.RuneCount(s)
	}
	switch s[i] {
	case '"':
		j := i + 1
		for j < len(s) && s[j] != '"' {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		return utf8.RuneCount(s[:min(j+1, len(s))])
	case '\'':
		j := i + 1
		for j < len(s) {
			if s[j] == '\'' {
				if j+1 < len(s) && s[j+1] == '\'' {
					j += 2
					continue
				}
				break
			}
			j++
		}
		return utf8.RuneCount(s[:min(j+1, len(s))])
	case '|', '>':
		j := i + 1
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '#' {
			j++
		}
		return utf8.RuneCount(s[:j])
	}
	// A plain scalar is its value verbatim on its first line; one that is
	// folded over several lines is cut at the end of the first. (Only the
	// scalar's own characters are counted: the line may be a whole minified
	// template.)
	v := n.Value
	if k := strings.IndexByte(v, '\n'); k >= 0 {
		v = v[:k]
	}
	j, w := i, utf8.RuneCountInString(v)
	for k := 0; k < w && j < len(s); k++ {
		_, size := utf8.DecodeRune(s[j:])
		j += size
	}
	return utf8.RuneCount(s[:j])
}
