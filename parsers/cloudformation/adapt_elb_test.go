package cloudformation

import (
	"encoding/json"
	"strings"
	"testing"
)

const elbTemplate = `
Parameters:
  Key:
    Type: String
Resources:
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: load balancer
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      SecurityGroups: [!Ref LbSg, sg-0123]
      LoadBalancerAttributes:
        - Key: access_logs.s3.enabled
          Value: "true"
        - Key: access_logs.s3.bucket
          Value: logs
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: example.com
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Protocol: HTTPS
      Port: 443
      Certificates:
        - CertificateArn: !Ref Cert
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
  Extra:
    Type: AWS::ElasticLoadBalancingV2::ListenerCertificate
    Properties:
      ListenerArn: !Ref Https
      Certificates:
        - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
  Classic:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: "443"
          InstancePort: "80"
          Protocol: HTTPS
          SSLCertificateId: arn:aws:iam::111122223333:server-certificate/x
        - LoadBalancerPort: "8443"
          InstancePort: "80"
          Protocol: SSL
          PolicyNames: [old]
      Policies:
        - PolicyName: old
          PolicyType: SSLNegotiationPolicyType
          Attributes:
            - Name: Protocol-TLSv1
              Value: "true"
            - Name: Protocol-TLSv1.2
              Value: "true"
      AccessLoggingPolicy:
        Enabled: false
        S3BucketName: logs
  ServerCert:
    Type: AWS::IAM::ServerCertificate
    Properties:
      CertificateBody: body
      PrivateKey: !Ref Key
  Instance:
    Type: AWS::EC2::Instance
    Properties:
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          cat > /k <<'K'
          -----BEGIN EC PRIVATE KEY-----
          MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oCgYIKoZIzj0
          -----END EC PRIVATE KEY-----
          K
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: !Base64 "#!/bin/bash"
`

func TestAdaptELB(t *testing.T) {
	u := parseUnit("t.yaml", elbTemplate, Options{})
	b, err := json.Marshal(u.Model.AWS)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{
		`"internal":true,"security_groups":[{"__unknown__":true},"sg-0123"],"security_group_targets":[{"refs":["LbSg"],"name":{"__unknown__":true}},{"name":"sg-0123"}],"security_group_refs":["LbSg"],"access_logs_enabled":true,"access_logs_bucket":"logs"`,
		`"load_balancer_ref":"Alb","protocol":"HTTPS","port":443,"certificate":{"target":{"refs":["Cert"],"name":{"__unknown__":true}},"certificate_ref":"Cert","region":{"__unknown__":true}}`,
		`"default_actions":[{"type":"redirect","redirect_protocol":"HTTPS"}]`,
		`"listener_ref":"Https","certificates":[{"target":{"name":"arn:aws:acm:eu-west-1:111122223333:certificate/abc"},"region":"eu-west-1"}]`,
		`"lb_type":"classic","access_logs_enabled":false,"access_logs_bucket":"logs"`,
		`"protocol":"HTTPS","port":443,"certificate":{"target":{"name":"arn:aws:iam::111122223333:server-certificate/x"}},"policy_attached":false`,
		`"protocol":"SSL","port":8443,"policy_names":["old"],"policy_attached":true,"ssl_protocols":["Protocol-TLSv1","Protocol-TLSv1.2"]`,
		`"server_certificates":[{"id":"ServerCert","type":"AWS::IAM::ServerCertificate","region":{"__unknown__":true},"private_key_literal":false}]`,
		`"instances":[{"id":"Instance","type":"AWS::EC2::Instance","region":{"__unknown__":true},"user_data_private_key":true},{"id":"Template","type":"AWS::EC2::LaunchTemplate","region":{"__unknown__":true},"user_data_private_key":false}]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("model lacks %s\n%s", want, got)
		}
	}
}

// TestAdaptELBRegion checks that AWS::Region from --cfn-param gives
// listeners their region, against which a literal ACM ARN of another
// region shows (aws-acm-certificate-region-mismatch; without the
// parameter both are unknown).
func TestAdaptELBRegion(t *testing.T) {
	u := parseUnit("t.yaml", elbTemplate, Options{Params: map[string]string{"AWS::Region": "us-west-2"}})
	e := u.Model.AWS.ELB
	if len(e.Listeners) != 1 || len(e.ListenerCertificates) != 1 {
		t.Fatalf("listeners %d, listener certificates %d", len(e.Listeners), len(e.ListenerCertificates))
	}
	if got, _ := e.Listeners[0].Region.Get(); got != "us-west-2" {
		t.Errorf("listener region %q, want us-west-2", got)
	}
	// The referenced certificate is the stack's: same region.
	if got, _ := e.Listeners[0].Certificate.Region.Get(); got != "us-west-2" {
		t.Errorf("listener certificate region %q, want us-west-2", got)
	}
	if got, _ := e.ListenerCertificates[0].Certificates[0].Region.Get(); got != "eu-west-1" {
		t.Errorf("literal ARN region %q, want eu-west-1", got)
	}
}
