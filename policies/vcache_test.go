package policies

import (
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// TestRefCacheMatchesOPA replays the same operations on refCache and on
// OPA's own virtual cache and compares every answer.
func TestRefCacheMatchesOPA(t *testing.T) {
	ours, theirs := newRefCache(), topdown.NewVirtualCache()
	ref := ast.MustParseRef
	value := ast.StringTerm("v")
	check := func(r ast.Ref) {
		t.Helper()
		v1, u1 := ours.Get(r)
		v2, u2 := theirs.Get(r)
		if u1 != u2 || (v1 == nil) != (v2 == nil) || (v1 != nil && !v1.Equal(v2)) {
			t.Errorf("Get(%v) = %v, %v; OPA's cache: %v, %v", r, v1, u1, v2, u2)
		}
	}
	refs := []ast.Ref{ref("data.a.b.deny"), ref("data.a.b"), ref("data.a.c.deny"), ref(`data.lib.f["x"][1]`), ref(`data.lib.f["x"][2]`)}
	both := func(f func(c topdown.VirtualCache)) {
		f(ours)
		f(theirs)
		for _, r := range refs {
			check(r)
		}
	}
	both(func(c topdown.VirtualCache) {})
	both(func(c topdown.VirtualCache) { c.Put(refs[0], value) })
	both(func(c topdown.VirtualCache) { c.Put(refs[3], nil) })
	both(func(c topdown.VirtualCache) { c.Push() })
	both(func(c topdown.VirtualCache) { c.Put(refs[2], value) })
	both(func(c topdown.VirtualCache) { c.Pop() })
	both(func(c topdown.VirtualCache) { c.Put(refs[3], value) })
	both(func(c topdown.VirtualCache) { c.Put(refs[4], ast.BooleanTerm(false)) })

	// The evaluator reuses the array of a reference it puts.
	buf := ref(`data.lib.g["y"]`)
	ours.Put(buf, value)
	buf[2] = ast.StringTerm("z")
	if v, _ := ours.Get(ref(`data.lib.g["y"]`)); v == nil {
		t.Error("an entry changed with the array it was put with")
	}
	if got := len(ours.Keys()); got != 4 {
		t.Errorf("Keys() has %d references, want 4", got)
	}

	// Entries and references are kept in blocks: many fill several.
	var many []ast.Ref
	for i := range 600 {
		r := ast.MustParseRef(fmt.Sprintf("data.lib.h[%d]", i))
		many = append(many, r)
		ours.Put(r, ast.IntNumberTerm(i))
	}
	for i, r := range many {
		if v, _ := ours.Get(r); v == nil || !v.Equal(ast.IntNumberTerm(i)) {
			t.Errorf("Get(%v) = %v after %d puts", r, v, len(many))
		}
	}
	if got := len(ours.Keys()); got != 604 {
		t.Errorf("Keys() has %d references, want 604", got)
	}

	// A reset cache is empty, and works as a new one.
	ours.Push()
	ours.reset()
	fresh := newRefCache()
	for _, r := range append(refs, many[599]) {
		v1, u1 := ours.Get(r)
		v2, u2 := fresh.Get(r)
		if v1 != v2 || u1 != u2 {
			t.Errorf("after reset, Get(%v) = %v, %v; want %v, %v", r, v1, u1, v2, u2)
		}
	}
	if got := len(ours.Keys()); got != 0 {
		t.Errorf("after reset, Keys() has %d references", got)
	}
	ours.Put(refs[0], value)
	if v, _ := ours.Get(refs[0]); v != value {
		t.Errorf("after reset, Get(%v) = %v, want %v", refs[0], v, value)
	}
	for _, e := range ours.entries[1:cap(ours.entries)] {
		if e.ref != nil || e.value != nil {
			t.Errorf("after reset, the block keeps the entry of %v", e.ref)
			break
		}
	}
}
