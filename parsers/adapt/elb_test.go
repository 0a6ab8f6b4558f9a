package adapt

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"testing"
)

func TestHasPrivateKey(t *testing.T) {
	const block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAx4UbaDzY\n-----END RSA PRIVATE KEY-----\n"
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte("#!/bin/bash\ncat > /k <<'K'\n" + block + "K\n"))
	w.Close()
	for _, c := range []struct {
		name, data string
		want       bool
	}{
		{"plain block", "#!/bin/bash\ncat > /k <<'K'\n" + block + "K\n", true},
		{"indented block", "  -----BEGIN PRIVATE KEY-----\n  MIIEvQIBADANBgkqhkiG9w0\n  -----END PRIVATE KEY-----\n", true},
		{"encrypted PKCS#1 headers", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17\n\nMIIEpAIBAAKCAQEAx4Ub\n-----END RSA PRIVATE KEY-----", true},
		{"base64", base64.StdEncoding.EncodeToString([]byte(block)), true},
		{"base64 gzip", base64.StdEncoding.EncodeToString(gz.Bytes()), true},
		{"header only", "grep -q -- '-----BEGIN RSA PRIVATE KEY-----' /k", false},
		{"header range in sed", "sed -n '/-----BEGIN PRIVATE KEY-----/,/-----END PRIVATE KEY-----/p' /k", false},
		{"short body", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----", false},
		{"certificate", "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----", false},
		{"public key", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----", false},
		{"script", "#!/bin/bash\nyum install -y httpd\n", false},
	} {
		if got := HasPrivateKey(c.data); got != c.want {
			t.Errorf("%s: HasPrivateKey = %v, want %v", c.name, got, c.want)
		}
	}
}
