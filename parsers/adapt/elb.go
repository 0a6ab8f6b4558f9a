package adapt

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"regexp"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// CLBPolicyAttributes reads the attributes of a Classic Load Balancer
// policy (Terraform policy_attribute or attribute blocks, CloudFormation
// Attributes: name and value each) into p: the predefined policy it
// references and the Protocol-* attributes it enables. An unknown list,
// name or value makes the result unknown, for it may reference or enable
// anything.
func CLBPolicyAttributes(o Object, path string, list *node.Node, p *model.CLBPolicy) {
	if list.IsNull() {
		return
	}
	nameKey, valueKey := "name", "value"
	if o.Format == CloudFormation {
		nameKey, valueKey = "Name", "Value"
	}
	items, ok := list.Items()
	if !ok {
		p.ReferenceSecurityPolicy = model.UnknownOf[string]()
		p.EnabledProtocols = model.UnknownOf[[]model.String]()
		o.Set(path+"reference_security_policy", list.Range)
		return
	}
	protocols := []model.String{}
	unknown := false
	for _, el := range items {
		if el.IsNull() {
			continue
		}
		name, nok := Get(el, nameKey).Scalar()
		value := Get(el, valueKey)
		if !nok {
			unknown = true
			continue
		}
		switch {
		case name == "Reference-Security-Policy":
			p.ReferenceSecurityPolicy = value.AsString()
			o.Set(path+"reference_security_policy", Loc(value))
		case strings.HasPrefix(name, "Protocol-"):
			switch v := value.AsBool(); {
			case v.State == model.Unknown:
				unknown = true
			case v.V:
				protocols = append(protocols, model.KnownOf(name))
			}
		}
	}
	if unknown {
		p.EnabledProtocols = model.UnknownOf[[]model.String]()
		if p.ReferenceSecurityPolicy.State == model.Absent {
			p.ReferenceSecurityPolicy = model.UnknownOf[string]()
		}
		return
	}
	p.EnabledProtocols = model.KnownOf(protocols)
}

// pemBegin and pemEnd match the first and last lines of a PEM private key
// block: PKCS#8 (plain and ENCRYPTED), PKCS#1 RSA, SEC1 EC, DSA and
// OpenSSH keys.
var (
	pemBegin = regexp.MustCompile(`-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----`)
	pemEnd   = regexp.MustCompile(`-----END ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----`)
)

// minKeyBody is how many base64 characters a block must hold to count as
// a key: a script that only names the header (grep, sed) holds none.
const minKeyBody = 16

// hasKeyBlock reports whether text holds a BEGIN line, a body of base64
// (and PEM header lines such as Proc-Type: 4,ENCRYPTED) and an END line.
func hasKeyBlock(text []byte) bool {
	for len(text) > 0 {
		loc := pemBegin.FindIndex(text)
		if loc == nil {
			return false
		}
		text = text[loc[1]:]
		end := pemEnd.FindIndex(text)
		if end == nil {
			return false
		}
		if keyBody(text[:end[0]]) {
			return true
		}
	}
	return false
}

// keyBody reports whether b is a PEM body: base64, white space and the
// characters of PEM headers only, with at least minKeyBody base64
// characters.
func keyBody(b []byte) bool {
	n := 0
	for _, c := range b {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/', c == '=':
			n++
		case c == ' ', c == '\t', c == '\r', c == '\n', c == ':', c == ',', c == '-':
		default:
			return false
		}
	}
	return n >= minKeyBody
}

// maxUserData bounds what is decoded: EC2 accepts 16 KB of user data
// (before base64), so anything much larger is not user data AWS takes.
const maxUserData = 1 << 20

// UserDataPrivateKey says whether the user data n contains a PEM private
// key block (BEGIN line, base64 body, END line): absent when no user data is written, unknown when it is not known,
// else whether the text, or the text base64-decoded (and gunzipped when it
// is gzip data, as cloud-init accepts), has a private key block.
func UserDataPrivateKey(n *node.Node) model.Bool {
	if n.IsNull() {
		return model.Bool{}
	}
	s, ok := n.Scalar()
	if !ok {
		return model.UnknownOf[bool]()
	}
	return model.KnownOf(HasPrivateKey(s))
}

// HasPrivateKey reports whether user data s contains a PEM private key,
// as written or once base64-decoded and gunzipped.
func HasPrivateKey(s string) bool {
	if len(s) > maxUserData {
		s = s[:maxUserData]
	}
	if hasKeyBlock([]byte(s)) {
		return true
	}
	compact := strings.Join(strings.Fields(s), "")
	raw, err := base64.StdEncoding.DecodeString(compact)
	if err != nil || len(raw) == 0 {
		return false
	}
	if bytes.HasPrefix(raw, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return false
		}
		// A truncated or corrupt stream still yields what it decoded.
		raw, _ = io.ReadAll(io.LimitReader(zr, maxUserData))
	}
	return hasKeyBlock(raw)
}
