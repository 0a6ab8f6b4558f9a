package link

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// TestNetworkACLAssociations: an association is linked to the ACL of the
// scan it references; one naming an ACL by a literal ID (outside the
// scan) or by an unknown value is linked to none and, unlike an entry of
// unknown ACL, leaves every ACL's entries known.
func TestNetworkACLAssociations(t *testing.T) {
	u := unitWith(func(m *model.Model) {
		v := &m.AWS.VPC
		v.NetworkACLs = []*model.NetworkACL{{Meta: model.Meta{ID: "acl"}}, {Meta: model.Meta{ID: "other"}}}
		v.NetworkACLAssociations = []*model.NetworkACLAssociation{
			{Meta: model.Meta{ID: "by-ref"}, ACL: model.Target{Refs: []string{"var.x", "acl"}, Name: unknown()}, Subnet: unknown()},
			{Meta: model.Meta{ID: "literal"}, ACL: model.Target{Name: known("acl-0123456789abcdef0")}, Subnet: known("subnet-1"), ACLRef: "stale"},
			{Meta: model.Meta{ID: "unresolved"}, ACL: model.Target{Name: unknown()}},
		}
	})
	// Linking twice changes nothing.
	Unit(u)
	Unit(u)
	v := u.Model.AWS.VPC
	want := map[string]string{"by-ref": "acl", "literal": "", "unresolved": ""}
	for _, as := range v.NetworkACLAssociations {
		if as.ACLRef != want[as.ID] {
			t.Errorf("%s: ACL = %q, want %q", as.ID, as.ACLRef, want[as.ID])
		}
	}
	wantAssoc := map[string][]string{"acl": {"by-ref"}, "other": nil}
	for _, a := range v.NetworkACLs {
		if len(a.Associations) != len(wantAssoc[a.ID]) || (len(a.Associations) == 1 && a.Associations[0] != wantAssoc[a.ID][0]) {
			t.Errorf("%s: associations = %v, want %v", a.ID, a.Associations, wantAssoc[a.ID])
		}
		if a.EntriesUnknown {
			t.Errorf("%s: entries unknown, want known (an association adds no entry)", a.ID)
		}
	}
	if _, ok := u.Locations.Lookup("acl", "associations[0]"); !ok {
		t.Errorf("no location for acl associations[0]")
	}
}
