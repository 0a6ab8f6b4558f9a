package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// userData maps the template's instances, launch templates and launch
// configurations with whether their user data (UserData, a launch
// template's LaunchTemplateData.UserData) holds a PEM private key.
func (a *adapter) userData() {
	m := &a.u.Model.AWS
	for _, r := range a.t.resources {
		if r.dropped {
			continue
		}
		switch r.typ {
		case "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::LaunchTemplate":
		default:
			continue
		}
		props := a.props(r)
		if r.typ == "AWS::EC2::LaunchTemplate" {
			props = get(props, "LaunchTemplateData")
		}
		i := &model.Instance{}
		o := a.object(r, &i.Meta)
		i.UserDataPrivateKey = adapt.UserDataPrivateKey(o.At("user_data_private_key", get(props, "UserData")))
		m.EC2.Instances = append(m.EC2.Instances, i)
	}
}
