package policies

import (
	"slices"

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
// more than many rules. This one keeps each frame in one Go map from the
// reference's hash to its entries, so an entry costs a copy of the reference.
// Like OPA's, it answers only for exact references, and only from the top
// frame (with pushes a fresh frame).
type refCache struct {
	frames []map[int][]refEntry
}

type refEntry struct {
	ref       ast.Ref
	value     *ast.Term // nil: the reference is undefined
	undefined bool
}

var _ topdown.VirtualCache = (*refCache)(nil)

func newRefCache() *refCache {
	return &refCache{frames: []map[int][]refEntry{{}}}
}

func (c *refCache) Push() { c.frames = append(c.frames, map[int][]refEntry{}) }

func (c *refCache) Pop() { c.frames = c.frames[:len(c.frames)-1] }

func (c *refCache) top() map[int][]refEntry { return c.frames[len(c.frames)-1] }

// Get returns the value cached for ref; nil and true when ref was found
// undefined, nil and false when nothing is cached.
func (c *refCache) Get(ref ast.Ref) (*ast.Term, bool) {
	for _, e := range c.top()[ref.Hash()] {
		if e.ref.Equal(ref) {
			if e.undefined {
				return nil, true
			}
			return e.value, false
		}
	}
	return nil, false
}

// Put caches value for ref, or records that ref is undefined when value is
// nil. The evaluator reuses ref's array, so the entry keeps a copy.
func (c *refCache) Put(ref ast.Ref, value *ast.Term) {
	m := c.top()
	h := ref.Hash()
	entries := m[h]
	for i := range entries {
		if entries[i].ref.Equal(ref) {
			// As OPA's cache: a value replaces the old one, nil marks
			// the reference undefined and keeps the value.
			if value != nil {
				entries[i].value = value
			} else {
				entries[i].undefined = true
			}
			return
		}
	}
	e := refEntry{ref: slices.Clone(ref), value: value, undefined: value == nil}
	m[h] = append(entries, e)
}

// Keys returns the references with a value in the top frame.
func (c *refCache) Keys() []ast.Ref {
	var keys []ast.Ref
	for _, entries := range c.top() {
		for _, e := range entries {
			if e.value != nil {
				keys = append(keys, e.ref)
			}
		}
	}
	return keys
}
