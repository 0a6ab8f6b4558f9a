package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

const secretType = "AWS::SecretsManager::Secret"

// secrets maps AWS::SecretsManager::Secret (and the SecretString it
// writes), links the secrets to their resource policies
// (AWS::SecretsManager::ResourcePolicy, decoded by adapt_policies.go with
// the secret as owner) and to the AWS::SecretsManager::RotationSchedule
// resources that rotate them, and maps the master passwords of
// AWS::RDS::DBInstance and AWS::RDS::DBCluster.
func (a *adapter) secrets() {
	byID := map[string]*model.Secret{}
	for _, r := range a.t.resources {
		if r.dropped || r.typ != secretType {
			continue
		}
		s := a.secret(r)
		byID[s.ID] = s
		a.u.Model.AWS.SecretsManager.Secrets = append(a.u.Model.AWS.SecretsManager.Secrets, s)
	}
	// The linking step lists the policies (owned by the secret) under the
	// secret and links the rotations to it.
	for _, r := range a.t.resources {
		if r.dropped {
			continue
		}
		switch r.typ {
		case "AWS::SecretsManager::RotationSchedule":
			rot := &model.SecretRotation{Target: a.target(get(a.props(r), "SecretId"))}
			a.object(r, &rot.Meta)
			a.u.Model.AWS.SecretsManager.Rotations = append(a.u.Model.AWS.SecretsManager.Rotations, rot)
		case "AWS::RDS::DBInstance":
			db := &model.DBInstance{Meta: a.meta(r)}
			a.dbMaster(r, db.ID, &db.DBMaster)
			a.u.Model.AWS.RDS.Instances = append(a.u.Model.AWS.RDS.Instances, db)
		case "AWS::RDS::DBCluster":
			db := &model.DBCluster{Meta: a.meta(r)}
			a.dbMaster(r, db.ID, &db.DBMaster)
			a.u.Model.AWS.RDS.Clusters = append(a.u.Model.AWS.RDS.Clusters, db)
		}
	}
}

// secret maps one AWS::SecretsManager::Secret. A SecretString is a value
// written for the secret: it becomes a SecretValue with the secret's ID.
// GenerateSecretString writes none.
func (a *adapter) secret(r *resource) *model.Secret {
	props := a.props(r)
	s := &model.Secret{}
	o := a.object(r, &s.Meta)
	o.Apply(props, adapt.SecretFields(s))
	// A KmsKeyId built with Fn::Sub or Fn::Join from pseudo parameters may
	// still name the AWS managed key by the known end of its alias ARN.
	if alias := adapt.PartlyKnownManagedKeyAlias(s.KMSKeyID); alias != "" {
		s.KMSKeyID = model.KnownOf(alias)
	}
	if v := adapt.Get(props, "SecretString"); present(v) {
		o.At("secret_string", v)
		sv := &model.SecretValue{Meta: a.meta(r), SecretRef: s.ID, Literal: o.LiteralAt(a.u.Uses, "secret_string", v)}
		a.u.Model.AWS.SecretsManager.SecretValues = append(a.u.Model.AWS.SecretsManager.SecretValues, sv)
	}
	return s
}

// dbMaster reads MasterUserPassword and ManageMasterUserPassword. A
// {{resolve:secretsmanager:...}} dynamic reference is unknown and a Ref to
// a parameter is not a literal, so neither counts as a password in code.
func (a *adapter) dbMaster(r *resource, id string, m *model.DBMaster) {
	props := a.props(r)
	o := adapt.CloudFormation.Object(a.u.Locations, id, r.keyRange)
	o.Apply(props, adapt.DBMasterFields(m))
	v := adapt.Get(props, "MasterUserPassword")
	o.String(&m.MasterPassword, "master_password", v)
	m.PasswordLiteral = o.LiteralAt(a.u.Uses, "master_password", v)
}
