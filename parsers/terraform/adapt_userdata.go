package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// adaptUserData maps what launches EC2 instances with the one thing rules
// read of it: whether its user data (user_data, or user_data_base64)
// holds a PEM private key.
func (a *adapter) adaptUserData() {
	m := &a.model.AWS
	for _, r := range a.managed("aws_instance", "aws_launch_template", "aws_launch_configuration") {
		n := a.nodeOf(r, "user_data", "user_data_base64")
		i := &model.Instance{}
		o := a.object(r, r.id, &i.Meta)
		ud, _ := adapt.FirstOf(n, "user_data", "user_data_base64")
		i.UserDataPrivateKey = adapt.UserDataPrivateKey(o.At("user_data_private_key", ud))
		m.EC2.Instances = append(m.EC2.Instances, i)
	}
}
