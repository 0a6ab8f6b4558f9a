package cloudformation

import (
	"fmt"
	"strings"
	"testing"
)

// intrinsicsTemplate declares what the cases refer to; %s is the value of
// property V of resource R.
const intrinsicsTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: dev}
  NoDefault: {Type: String}
  Count: {Type: Number, Default: 3}
  Subnets: {Type: CommaDelimitedList, Default: "a, b,c"}
  SubnetIds: {Type: "List<AWS::EC2::Subnet::Id>"}
  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/service/ami}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: {"Fn::Equals": ["dev", {"Ref": "Env"}]}
  Unknown: !Equals [!Ref NoDefault, x]
  NotProd: !Not [!Condition IsProd]
  ProdAndUnknown: !And [!Condition IsProd, !Condition Unknown]
  DevAndUnknown: !And [!Condition IsDev, !Condition Unknown]
  DevOrUnknown: !Or [!Condition IsDev, !Condition Unknown]
  ProdOrUnknown: {"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "Unknown"}]}
  NotUnknown: !Not [!Condition Unknown]
  CountIs3: !Equals [!Ref Count, 3]
  BoolEq: !Equals [true, "true"]
  Loop1: !Condition Loop2
  Loop2: !Not [!Condition Loop1]
Mappings:
  RegionMap:
    us-east-1: {Ami: ami-1, Zones: [a, b]}
    eu-west-1: {Ami: ami-2}
Resources:
  Other:
    Type: AWS::SNS::Topic
  R:
    Type: AWS::S3::Bucket
    Properties:
      V: %s
`

func TestIntrinsics(t *testing.T) {
	region := Options{Params: map[string]string{"AWS::Region": "us-east-1"}}
	prod := Options{Params: map[string]string{"Env": "prod"}}
	tests := []struct {
		name string
		v    string
		opts Options
		want string
		warn string // a warning diagnostic whose summary contains this
	}{
		{name: "string", v: `hello`, want: `"hello"`},
		{name: "number keeps its text", v: `012345678901`, want: `"012345678901"`},
		{name: "bool", v: `true`, want: `"true"`},
		{name: "null", v: `~`, want: `null`},

		{name: "Ref parameter default", v: `!Ref Env`, want: `"dev"`},
		{name: "Ref parameter given", v: `!Ref Env`, opts: prod, want: `"prod"`},
		{name: "Ref long form", v: `{"Ref": "Env"}`, want: `"dev"`},
		{name: "Ref parameter without default", v: `!Ref NoDefault`, want: `unknown[]`},
		{name: "Ref parameter without default given", v: `!Ref NoDefault`, opts: Options{Params: map[string]string{"NoDefault": "v"}}, want: `"v"`},
		{name: "Ref number parameter", v: `!Ref Count`, want: `"3"`},
		{name: "Ref list parameter", v: `!Ref Subnets`, want: `["a" "b" "c"]`},
		{name: "Ref list parameter given", v: `!Ref Subnets`, opts: Options{Params: map[string]string{"Subnets": "x,y"}}, want: `["x" "y"]`},
		{name: "Ref list parameter without default", v: `!Ref SubnetIds`, want: `unknown[]`},
		{name: "Ref SSM parameter is unknown", v: `!Ref Ami`, want: `unknown[]`},
		{name: "Ref SSM parameter given is still unknown", v: `!Ref Ami`, opts: Options{Params: map[string]string{"Ami": "/x"}}, want: `unknown[]`},
		{name: "Ref pseudo parameter", v: `!Ref AWS::Region`, want: `unknown[]`},
		{name: "Ref pseudo parameter given", v: `!Ref AWS::Region`, opts: region, want: `"us-east-1"`},
		{name: "Ref AccountId given", v: `!Ref AWS::AccountId`, opts: Options{Params: map[string]string{"AWS::AccountId": "111122223333"}}, want: `"111122223333"`},
		{name: "Ref NotificationARNs", v: `!Ref AWS::NotificationARNs`, want: `unknown[]`},
		{name: "Ref NoValue removes the property", v: `!Ref AWS::NoValue`, want: `absent`},
		{name: "Ref resource", v: `!Ref Other`, want: `unknown[Other]`},
		{name: "Ref undeclared (SAM-generated) resource", v: `!Ref MyFunctionRole`, want: `unknown[MyFunctionRole]`},
		{name: "Ref without a name", v: `!Ref [a]`, want: `unknown[]`, warn: "invalid Ref"},
		{name: "Ref to an empty name", v: `!Ref ""`, want: `unknown[]`, warn: "invalid Ref"},

		{name: "GetAtt dotted", v: `!GetAtt Other.TopicName`, want: `unknown[Other]`},
		{name: "GetAtt nested attribute", v: `!GetAtt Other.Endpoint.Address`, want: `unknown[Other]`},
		{name: "GetAtt list", v: `!GetAtt [Other, TopicName]`, want: `unknown[Other]`},
		{name: "GetAtt long form", v: `{"Fn::GetAtt": ["Other", "TopicArn"]}`, want: `unknown[Other]`},

		{name: "Sub parameter", v: `!Sub "x-${Env}"`, want: `"x-dev"`},
		{name: "Sub long form", v: `{"Fn::Sub": "x-${Env}-${ Env }"}`, want: `"x-dev-dev"`},
		{name: "Sub pseudo parameter", v: `!Sub "arn:aws:s3:::${AWS::Region}"`, want: `unknown[]`},
		{name: "Sub pseudo parameter given", v: `!Sub "${AWS::Region}-x"`, opts: region, want: `"us-east-1-x"`},
		{name: "Sub resource", v: `!Sub "arn:aws:s3:::${Other}/*"`, want: `unknown[Other]`},
		{name: "Sub attribute", v: `!Sub "${Other.TopicName}"`, want: `unknown[Other]`},
		{name: "Sub literal", v: `!Sub "${!Literal}-${Env}"`, want: `"${Literal}-dev"`},
		{name: "Sub unterminated", v: `!Sub "a${Env"`, want: `"a${Env"`},
		{name: "Sub variables", v: `!Sub ["${A}-${Env}", {A: !Ref Env}]`, want: `"dev-dev"`},
		{name: "Sub unknown variable", v: `!Sub ["${A}-${B}", {A: !Ref NoDefault, B: !GetAtt Other.Arn}]`, want: `unknown[Other]`},
		{name: "Sub parts unknown collect refs", v: `!Sub "${Other}-${R}-${Other}"`, want: `unknown[Other R]`},
		{name: "Sub without variables", v: `!Sub plain`, want: `"plain"`},
		{name: "Sub invalid", v: `!Sub {a: b}`, want: `unknown[]`, warn: "invalid Fn::Sub"},

		{name: "Join", v: `!Join ["-", [a, !Ref Env, 1]]`, want: `"a-dev-1"`},
		{name: "Join list parameter", v: `!Join [",", !Ref Subnets]`, want: `"a,b,c"`},
		{name: "Join unknown part", v: `!Join ["", ["arn:aws:s3:::", !Ref Other, "/*"]]`, want: `unknown[Other]`},
		{name: "Join unknown list", v: `!Join [",", !GetAZs ""]`, want: `unknown[]`},
		{name: "Join NoValue part", v: `!Join ["-", [a, !Ref AWS::NoValue, b]]`, want: `"a-b"`},
		{name: "Join invalid", v: `!Join [","]`, want: `unknown[]`, warn: "invalid Fn::Join"},

		{name: "Select", v: `!Select [1, [a, b, c]]`, want: `"b"`},
		{name: "Select parameter index", v: `!Select [!Ref Count, [a, b, c, d]]`, want: `"d"`},
		{name: "Select from list parameter", v: `!Select [2, !Ref Subnets]`, want: `"c"`},
		{name: "Select unknown list", v: `!Select [0, !GetAZs ""]`, want: `unknown[]`},
		{name: "Select unknown element", v: `!Select [0, [!Ref Other, b]]`, want: `unknown[Other]`},
		{name: "Select out of range", v: `!Select [5, [a]]`, want: `unknown[]`, warn: "invalid Fn::Select"},

		{name: "Split", v: `!Split [",", "a,b"]`, want: `["a" "b"]`},
		{name: "Split unknown", v: `!Split [",", !Ref NoDefault]`, want: `unknown[]`},
		{name: "Select of Split", v: `!Select [1, !Split ["/", !Sub "x/${Env}"]]`, want: `"dev"`},

		{name: "FindInMap", v: `!FindInMap [RegionMap, us-east-1, Ami]`, want: `"ami-1"`},
		{name: "FindInMap list", v: `!FindInMap [RegionMap, us-east-1, Zones]`, want: `["a" "b"]`},
		{name: "FindInMap unknown key", v: `!FindInMap [RegionMap, !Ref AWS::Region, Ami]`, want: `unknown[]`},
		{name: "FindInMap unknown key, one possible value", v: `!FindInMap [RegionMap, !Ref AWS::Region, Zones]`, want: `["a" "b"]`},
		{name: "FindInMap unknown key, default differs", v: `!FindInMap [RegionMap, !Ref AWS::Region, Zones, {DefaultValue: [c]}]`, want: `unknown[]`},
		{name: "FindInMap unknown key, default equal", v: `!FindInMap [RegionMap, !Ref AWS::Region, Zones, {DefaultValue: [a, b]}]`, want: `["a" "b"]`},
		{name: "FindInMap unknown last key", v: `!FindInMap [RegionMap, eu-west-1, !Ref NoDefault]`, want: `"ami-2"`},
		{name: "FindInMap key given", v: `!FindInMap [RegionMap, !Ref AWS::Region, Ami]`, opts: region, want: `"ami-1"`},
		{name: "FindInMap long form", v: `{"Fn::FindInMap": ["RegionMap", "eu-west-1", "Ami"]}`, want: `"ami-2"`},
		{name: "FindInMap DefaultValue", v: `!FindInMap [RegionMap, ap-south-1, Ami, {DefaultValue: ami-0}]`, want: `"ami-0"`},
		{name: "FindInMap DefaultValue not used", v: `!FindInMap [RegionMap, eu-west-1, Ami, {DefaultValue: ami-0}]`, want: `"ami-2"`},
		{name: "FindInMap missing", v: `!FindInMap [RegionMap, ap-south-1, Ami]`, want: `unknown[]`, warn: "invalid Fn::FindInMap"},

		{name: "Base64", v: `!Base64 abc`, want: `"YWJj"`},
		{name: "Base64 of Sub", v: `{"Fn::Base64": !Sub "${Env}"}`, want: `"ZGV2"`},
		{name: "Base64 unknown", v: `{"Fn::Base64": {"Ref": "Other"}}`, want: `unknown[Other]`},
		{name: "GetAZs", v: `!GetAZs ""`, want: `unknown[]`},
		{name: "ImportValue", v: `!ImportValue shared-vpc`, want: `unknown[]`},
		{name: "Cidr", v: `!Cidr [10.0.0.0/16, 4, 8]`, want: `["10.0.0.0/24" "10.0.1.0/24" "10.0.2.0/24" "10.0.3.0/24"]`},
		{name: "Cidr host bits", v: `!Cidr ["192.168.0.0/24", 3, 5]`, want: `["192.168.0.0/27" "192.168.0.32/27" "192.168.0.64/27"]`},
		{name: "Cidr long form unmasked", v: `{"Fn::Cidr": ["10.1.2.3/16", "2", "12"]}`, want: `["10.1.0.0/20" "10.1.16.0/20"]`},
		{name: "Cidr IPv6", v: `!Cidr ["2001:db8::/56", 2, 64]`, want: `["2001:db8::/64" "2001:db8:0:1::/64"]`},
		{name: "Select of Cidr", v: `!Select [2, !Cidr [10.0.0.0/16, 4, 8]]`, want: `"10.0.2.0/24"`},
		{name: "Cidr unknown block", v: `!Cidr [!GetAtt Other.CidrBlock, 4, 8]`, want: `unknown[Other]`},
		{name: "Cidr too many subnets", v: `!Cidr [10.0.0.0/24, 4, 7]`, want: `unknown[]`, warn: "invalid Fn::Cidr"},
		{name: "Cidr bits too large", v: `!Cidr [10.0.0.0/24, 1, 9]`, want: `unknown[]`, warn: "invalid Fn::Cidr"},
		{name: "Cidr not a block", v: `!Cidr [nope, 1, 8]`, want: `unknown[]`, warn: "invalid Fn::Cidr"},
		{name: "Cidr count out of range", v: `!Cidr [10.0.0.0/8, 257, 8]`, want: `unknown[]`, warn: "invalid Fn::Cidr"},

		{name: "ToJsonString", v: `!ToJsonString {b: !Ref Env, a: [1, true, "x<y&z"], n: ~}`, want: `"{\"b\":\"dev\",\"a\":[1,true,\"x<y&z\"],\"n\":null}"`},
		{name: "ToJsonString long form list", v: `{"Fn::ToJsonString": [{"k": "v"}, 1.5]}`, want: `"[{\"k\":\"v\"},1.5]"`},
		{name: "ToJsonString YAML number that is not JSON", v: `!ToJsonString {id: 012345678901}`, want: `"{\"id\":\"012345678901\"}"`},
		{name: "ToJsonString drops NoValue", v: `!ToJsonString {a: !Ref AWS::NoValue, b: x}`, want: `"{\"b\":\"x\"}"`},
		{name: "ToJsonString unknown part", v: `!ToJsonString {a: !GetAtt Other.Arn}`, want: `unknown[Other]`},
		{name: "ToJsonString of a string", v: `!ToJsonString abc`, want: `unknown[]`, warn: "invalid Fn::ToJsonString"},
		{name: "Length", v: `!Length [a, b, !Ref AWS::NoValue]`, want: `"2"`},
		{name: "Length of a list parameter", v: `{"Fn::Length": !Ref Subnets}`, want: `"3"`},
		{name: "Length unknown", v: `{"Fn::Length": !Ref SubnetIds}`, want: `unknown[]`},
		{name: "Ref of a Sub", v: `!Ref {"Fn::Sub": ["${X}", {X: Env}]}`, want: `"dev"`},
		{name: "Ref of an unknown Sub", v: `{"Ref": {"Fn::Sub": "${AWS::Region}"}}`, want: `unknown[]`, warn: "invalid Ref"},
		{name: "unsupported function", v: `!Bogus x`, want: `unknown[]`, warn: "unsupported intrinsic function"},
		{name: "unsupported long form", v: `{"Fn::Bogus": x}`, want: `unknown[]`, warn: "unsupported intrinsic function"},

		{name: "If false branch", v: `!If [IsProd, AuthenticatedRead, Private]`, want: `"Private"`},
		{name: "If true branch", v: `!If [IsProd, AuthenticatedRead, Private]`, opts: prod, want: `"AuthenticatedRead"`},
		{name: "If long form", v: `{"Fn::If": ["IsDev", "a", "b"]}`, want: `"a"`},
		{name: "If unknown condition", v: `!If [Unknown, a, b]`, want: `unknown[]`},
		{name: "If unknown condition keeps refs", v: `!If [Unknown, !Ref Other, !GetAtt R.Arn]`, want: `unknown[Other R]`},
		{name: "If NoValue", v: `!If [IsProd, a, !Ref AWS::NoValue]`, want: `absent`},
		{name: "If map branch", v: `!If [IsDev, {k: !Ref Env}, {}]`, want: `{k:"dev"}`},
		{name: "If undefined condition", v: `!If [Nope, a, b]`, want: `unknown[]`, warn: "undefined condition"},
		{name: "Not", v: `!If [NotProd, yes, no]`, want: `"yes"`},
		{name: "And false beats unknown", v: `!If [ProdAndUnknown, yes, no]`, want: `"no"`},
		{name: "And true with unknown", v: `!If [DevAndUnknown, yes, no]`, want: `unknown[]`},
		{name: "Or true beats unknown", v: `!If [DevOrUnknown, yes, no]`, want: `"yes"`},
		{name: "Or false with unknown", v: `!If [ProdOrUnknown, yes, no]`, want: `unknown[]`},
		{name: "Not unknown", v: `!If [NotUnknown, yes, no]`, want: `unknown[]`},
		{name: "Equals number", v: `!If [CountIs3, yes, no]`, want: `"yes"`},
		{name: "Equals bool and string", v: `!If [BoolEq, yes, no]`, want: `"yes"`},
		{name: "circular condition", v: `!If [Loop1, yes, no]`, want: `unknown[]`, warn: "circular condition"},
		{name: "condition function as value", v: `!Equals [!Ref Env, dev]`, want: `"true"`},

		{name: "dynamic reference ssm", v: `"{{resolve:ssm:/app/name}}"`, want: `unknown[]`},
		{name: "dynamic reference ssm-secure", v: `"{{resolve:ssm-secure:/app/pw:1}}"`, want: `unknown[]`},
		{name: "dynamic reference in Sub", v: `!Sub "u-{{resolve:secretsmanager:db:SecretString:password}}-${Env}"`, want: `unknown[]`},
		{name: "dynamic reference in Join", v: `!Join ["", ["{{resolve:", "ssm:/x}}"]]`, want: `unknown[]`},

		{name: "list drops NoValue", v: `[a, !Ref AWS::NoValue, !If [IsProd, x, !Ref AWS::NoValue], b]`, want: `["a" "b"]`},
		{name: "map drops NoValue", v: `{a: 1, b: !Ref AWS::NoValue, c: !If [IsDev, !Ref AWS::NoValue, 2]}`, want: `{a:"1"}`},
		{name: "nested intrinsics", v: `!Join ["", [!Select [0, !Split [",", !Join [",", !Ref Subnets]]], !FindInMap [RegionMap, us-east-1, Ami]]]`, want: `"aami-1"`},
		{name: "long form with extra key is a map", v: `{"Ref": "Env", "x": 1}`, want: `{Ref:"Env" x:"1"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := fmt.Sprintf(intrinsicsTemplate, tt.v)
			got, diags := evalProperty(t, src, tt.opts, "R", "V")
			if s := show(got); s != tt.want {
				t.Errorf("V: %s = %s, want %s", tt.v, s, tt.want)
			}
			warned := false
			for _, d := range diags {
				if tt.warn != "" && strings.Contains(d.Summary, tt.warn) {
					warned = true
				} else if tt.warn == "" || d.Severity == "error" {
					t.Errorf("unexpected diagnostic: %v", d)
				}
			}
			if tt.warn != "" && !warned {
				t.Errorf("want a %q warning, got %v", tt.warn, diags)
			}
		})
	}
}

func TestYAMLAliasesAndMergeKeys(t *testing.T) {
	src := `Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      Base: &base {a: 1, b: 2}
      Copy: *base
      Merged:
        <<: *base
        b: 3
      List: &l [x, !Sub "${AWS::NoValue}"]
      Again: *l
`
	for prop, want := range map[string]string{
		"Copy":   `{a:"1" b:"2"}`,
		"Merged": `{b:"3" a:"1"}`,
		"Again":  `["x" unknown[]]`,
	} {
		got, diags := evalProperty(t, src, Options{}, "R", prop)
		if s := show(got); s != want {
			t.Errorf("%s = %s, want %s", prop, s, want)
		}
		if len(diags) != 0 {
			t.Errorf("%s: unexpected diagnostics %v", prop, diags)
		}
	}
}

func TestEvaluatedPositions(t *testing.T) {
	src := "Parameters:\n" + // 1
		"  Env: {Type: String, Default: dev}\n" + // 2
		"Resources:\n" + // 3
		"  R:\n" + // 4
		"    Type: AWS::S3::Bucket\n" + // 5
		"    Properties:\n" + // 6
		"      Sub: !Sub \"x-${Env}\"\n" + // 7
		"      Ref: !Ref Env\n" + // 8
		"      If:\n" + // 9
		"        Fn::If: [C, a, b]\n" + // 10
		"      Quoted: 'it''s'\n" + // 11
		"      Plain: héllo wörld # comment\n" // 12
	tests := []struct {
		prop                            string
		line, col, endCol, keyLn, keyCo int
	}{
		{"Sub", 7, 12, 27, 7, 7},
		{"Ref", 8, 12, 20, 8, 7},
		{"If", 10, 9, 9, 9, 7},
		{"Quoted", 11, 15, 22, 11, 7},
		{"Plain", 12, 14, 25, 12, 7},
	}
	for _, tt := range tests {
		got, _ := evalProperty(t, src, Options{}, "R", tt.prop)
		r := got.Range
		if r.File != "t.yaml" || r.Start.Line != tt.line || r.Start.Column != tt.col || r.End.Line != tt.line || r.End.Column != tt.endCol {
			t.Errorf("%s: range %s:%d:%d-%d:%d, want %d:%d-%d", tt.prop, r.File, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column, tt.line, tt.col, tt.endCol)
		}
		if k := got.KeyRange; k.Start.Line != tt.keyLn || k.Start.Column != tt.keyCo {
			t.Errorf("%s: key range %+v, want %d:%d", tt.prop, k, tt.keyLn, tt.keyCo)
		}
	}
}

// TestTemplates checks the template of unknown values: the value with each
// unknown parameter kept as ${Name}, whichever function computes it, and
// none for what differs from one resource to another or is known.
func TestTemplates(t *testing.T) {
	tests := []struct {
		name, v, want string
	}{
		{"Ref parameter", `!Ref NoDefault`, `${NoDefault}`},
		{"Ref pseudo parameter", `!Ref AWS::AccountId`, `${AWS::AccountId}`},
		{"Ref list parameter", `!Ref SubnetIds`, `${SubnetIds}`},
		{"Join of a list parameter", `!Join [",", !Ref SubnetIds]`, ``},
		{"Ref parameter with a default is known", `!Ref Env`, ``},
		{"Ref resource", `!Ref Other`, ``},
		{"Sub", `!Sub "${NoDefault}-logs-${AWS::Region}"`, `${NoDefault}-logs-${AWS::Region}`},
		{"Sub with spaces in the name", `!Sub "${ NoDefault }-logs"`, `${NoDefault}-logs`},
		{"Sub of known parts and a parameter", `!Sub "${Env}-${NoDefault}"`, `dev-${NoDefault}`},
		{"Sub variable", `!Sub ["${X}-logs", {X: !Ref NoDefault}]`, `${NoDefault}-logs`},
		{"Sub literal ${ is escaped", `!Sub "${!NoDefault}-${NoDefault}"`, `$${NoDefault}-${NoDefault}`},
		{"Sub of a resource attribute", `!Sub "${Other.TopicName}-logs"`, ``},
		{"Sub of a resource", `!Sub "${NoDefault}-${Other}"`, ``},
		{"Join", `!Join ["-", [!Ref NoDefault, logs]]`, `${NoDefault}-logs`},
		{"Join of a Sub", `!Join ["", [!Sub "${NoDefault}-", logs]]`, `${NoDefault}-logs`},
		{"Join of a GetAtt", `!Join ["-", [!GetAtt Other.TopicName, logs]]`, ``},
		{"Select of a list written out", `!Select [0, [!Ref NoDefault]]`, `${NoDefault}`},
		{"If on an unknown condition", `!If [Unknown, !Ref NoDefault, x]`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, _ := evalProperty(t, fmt.Sprintf(intrinsicsTemplate, tt.v), Options{}, "R", "V")
			if n == nil {
				t.Fatal("no value")
			}
			if n.Template != tt.want {
				t.Errorf("template = %q, want %q (value %s)", n.Template, tt.want, show(n))
			}
		})
	}
}
