package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// refCache is the topdown.VirtualCache of one evaluation: the values of
// rules and of function calls already computed, by reference
// (data.pkg.rule, or a function's reference followed by its arguments).
//
// OPA's own cache is a tree with a node and a hash map per reference
// segment; a unit's evaluation fills it with thousands of entries (every
// deny set, every call of a library function), and those allocations cost
// more than many rules. This one keeps each frame in one map from the
// reference's hash to its entries, and the entries and the copies of their
// references in blocks shared by many, so an entry costs no allocation of
// its own.
// Like OPA's, it answers only for exact references, and only from the top
// frame (with pushes a fresh frame).
type refCache struct {
	frames []map[int]*refEntry // a reference's hash → its last entry
	// entries and terms are the current blocks of entries and of copies
	// of references.
	entries []refEntry
	terms   []*ast.Term
}

type refEntry struct {
	ref       ast.Ref
	value     *ast.Term // nil: the reference is undefined
	prev      *refEntry // the previous entry with the same hash
	undefined bool
}

var _ topdown.VirtualCache = (*refCache)(nil)

func newRefCache() *refCache {
	return &refCache{frames: []map[int]*refEntry{{}}}
}

// reset empties c for another evaluation. It keeps the first frame's map
// and the current blocks (the largest so far), cleared so that they hold no
// term of the evaluation that filled them.
func (c *refCache) reset() {
	clear(c.frames[0])
	clear(c.frames[1:])
	c.frames = c.frames[:1]
	clear(c.entries)
	c.entries = c.entries[:0]
	clear(c.terms)
	c.terms = c.terms[:0]
}

func (c *refCache) Push() { c.frames = append(c.frames, map[int]*refEntry{}) }

func (c *refCache) Pop() { c.frames = c.frames[:len(c.frames)-1] }

func (c *refCache) top() map[int]*refEntry { return c.frames[len(c.frames)-1] }

// find returns ref's entry in frame m, or nil.
func find(m map[int]*refEntry, ref ast.Ref, hash int) *refEntry {
	for e := m[hash]; e != nil; e = e.prev {
		if e.ref.Equal(ref) {
			return e
		}
	}
	return nil
}

// Get returns the value cached for ref; nil and true when ref was found
// undefined, nil and false when nothing is cached.
func (c *refCache) Get(ref ast.Ref) (*ast.Term, bool) {
	e := find(c.top(), ref, ref.Hash())
	switch {
	case e == nil:
		return nil, false
	case e.undefined:
		return nil, true
	}
	return e.value, false
}

// Put caches value for ref, or records that ref is undefined when value is
// nil. The evaluator reuses ref's array, so the entry keeps a copy.
func (c *refCache) Put(ref ast.Ref, value *ast.Term) {
	m := c.top()
	h := ref.Hash()
	if e := find(m, ref, h); e != nil {
		// As OPA's cache: a value replaces the old one, nil marks the
		// reference undefined and keeps the value.
		if value != nil {
			e.value = value
		} else {
			e.undefined = true
		}
		return
	}
	if len(c.entries) == cap(c.entries) {
		// Blocks grow with the evaluation, up to a size whose unused
		// rest is small beside what was filled.
		c.entries = make([]refEntry, 0, min(max(2*cap(c.entries), 8), 256))
	}
	c.entries = append(c.entries, refEntry{ref: c.copyRef(ref), value: value, prev: m[h], undefined: value == nil})
	m[h] = &c.entries[len(c.entries)-1]
}

// copyRef copies ref into the current block of terms.
func (c *refCache) copyRef(ref ast.Ref) ast.Ref {
	if cap(c.terms)-len(c.terms) < len(ref) {
		c.terms = make([]*ast.Term, 0, max(min(2*cap(c.terms), 1024), len(ref), 16))
	}
	start := len(c.terms)
	c.terms = append(c.terms, ref...)
	return c.terms[start:len(c.terms):len(c.terms)]
}

// Keys returns the references with a value in the top frame.
func (c *refCache) Keys() []ast.Ref {
	var keys []ast.Ref
	for _, last := range c.top() {
		for e := last; e != nil; e = e.prev {
			if e.value != nil {
				keys = append(keys, e.ref)
			}
		}
	}
	return keys
}
