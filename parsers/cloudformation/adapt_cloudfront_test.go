package cloudformation

import (
	"encoding/json"
	"strings"
	"testing"
)

const cloudFrontTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Extra:
    Type: String
Conditions:
  WithExtra: !Equals [!Ref Extra, "yes"]
Resources:
  Edge:
    Type: AWS::WAFv2::WebACL
    Properties:
      Name: edge
      Scope: CLOUDFRONT
      DefaultAction: {Allow: {}}
      VisibilityConfig: {SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: edge}
      Rules:
        - Name: common
          Priority: 1
          OverrideAction: {None: {}}
          Statement:
            ManagedRuleGroupStatement: {VendorName: AWS, Name: AWSManagedRulesCommonRuleSet}
        - Name: xss
          Priority: 2
          Action: {Count: {}}
          Statement:
            AndStatement:
              Statements:
                - XssMatchStatement: {FieldToMatch: {Body: {}}, TextTransformations: [{Priority: 0, Type: NONE}]}
                - IPSetReferenceStatement: {Arn: arn}
  Maybe:
    Type: AWS::WAFv2::WebACL
    Properties:
      Name: maybe
      Scope: REGIONAL
      Rules:
        - !If [WithExtra, {Name: r, Statement: {RateBasedStatement: {Limit: 100}}}, !Ref AWS::NoValue]
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        WebACLId: !GetAtt Edge.Arn
        Origins:
          - Id: alb
            DomainName: !GetAtt LB.DNSName
        DefaultCacheBehavior:
          ViewerProtocolPolicy: redirect-to-https
        CacheBehaviors:
          - PathPattern: /old/*
            ViewerProtocolPolicy: allow-all
        ViewerCertificate:
          CloudFrontDefaultCertificate: true
        Logging:
          Bucket: logs.s3.amazonaws.com
  SiteLogs:
    Type: AWS::Logs::DeliverySource
    Properties:
      Name: site
      LogType: ACCESS_LOGS
      ResourceArn: !Sub arn:aws:cloudfront::${AWS::AccountId}:distribution/${Site}
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: api
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      StageName: prod
      RestApiId: !Ref Api
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Prod}
      WebACLArn: arn:aws:wafv2:us-east-1:111122223333:regional/webacl/maybe/1234
  EdgeLogs:
    Type: AWS::WAFv2::LoggingConfiguration
    Properties:
      ResourceArn: !GetAtt Edge.Arn
      LogDestinationConfigs:
        - arn:aws:s3:::waf-logs
`

func TestCloudFrontModel(t *testing.T) {
	u := parseUnit("t.yaml", cloudFrontTemplate, Options{})
	a := u.Model.AWS
	var got []string
	for _, v := range []any{a.CloudFront, a.WAFv2, a.APIGateway} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(b))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		// The web ACL by GetAtt, the origin's load balancer reference, the
		// delivery source naming the distribution in a Sub.
		`"web_acl_ref":"Edge"`,
		`"target":{"refs":["LB"]`,
		`"log_delivery_sources":["SiteLogs"]`,
		`"ordered_cache_behaviors":[{"path_pattern":"/old/*","viewer_protocol_policy":"allow-all"}]`,
		`"viewer_certificate":{"cloudfront_default_certificate":true}`,
		// Override action and nested statement kinds.
		`"override_action":"none","statements":["managed_rule_group"],"managed_rule_group":{"vendor_name":"AWS","name":"AWSManagedRulesCommonRuleSet"}`,
		`"action":"count","statements":["and","xss_match","ip_set_reference"]`,
		// An Fn::If element on an unknown condition: any number of rules.
		`"name":"maybe","scope":"REGIONAL","rules":{"__unknown__":true},"associations":["Assoc"]`,
		// The stage among the Sub's references; the web ACL by its ARN's name.
		`"resource_ref":"Prod"`,
		`"web_acl_ref":"Maybe"`,
		`"logging_configurations":["EdgeLogs"]`,
		`"destinations":[{"arn":"arn:aws:s3:::waf-logs"`,
		`"rest_api_ref":"Api"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("model lacks %s:\n%s", want, all)
		}
	}
}
