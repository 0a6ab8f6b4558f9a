package cloudformation

import (
	"fmt"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
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
	for _, p := range a.u.Model.AWS.IAM.Policies {
		if s := byID[p.Owner]; s != nil && p.Kind == model.PolicyResource {
			if at, ok := a.u.Locations.Lookup(p.ID, ""); ok {
				a.u.Locations.Set(s.ID, fmt.Sprintf("policies[%d]", len(s.Policies)), at)
			}
			s.Policies = append(s.Policies, p.ID)
		}
	}
	for _, r := range a.t.resources {
		if r.dropped {
			continue
		}
		switch r.typ {
		case "AWS::SecretsManager::RotationSchedule":
			if s := a.secretOf(byID, get(a.props(r), "SecretId")); s != nil {
				s.RotationConfigured = true
			}
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
	s := &model.Secret{Meta: a.meta(r)}
	locs := a.u.Locations
	locs.Set(s.ID, "", r.keyRange)
	if v := get(props, "Name"); v != nil {
		locs.Set(s.ID, "name", loc(v))
		s.Name = v.AsString()
	}
	if v := get(props, "KmsKeyId"); v != nil {
		locs.Set(s.ID, "kms_key_id", loc(v))
		s.KMSKeyID = v.AsString()
	}
	if v := get(props, "SecretString"); present(v) {
		locs.Set(s.ID, "secret_string", loc(v))
		sv := &model.SecretValue{Meta: a.meta(r), SecretRef: s.ID, Literal: literal(v)}
		a.u.Model.AWS.SecretsManager.SecretValues = append(a.u.Model.AWS.SecretsManager.SecretValues, sv)
	}
	return s
}

// secretOf returns the secret of the template that a SecretId names: by
// Ref or GetAtt, or by a literal equal to the secret's known name or ARN.
func (a *adapter) secretOf(byID map[string]*model.Secret, v *node.Node) *model.Secret {
	if v == nil {
		return nil
	}
	if id := a.targetOf(v, secretType); id != "" {
		return byID[a.id(id)]
	}
	name, ok := v.AsString().Get()
	if !ok {
		return nil
	}
	for _, s := range a.u.Model.AWS.SecretsManager.Secrets {
		if n, ok := s.Name.Get(); ok && byID[s.ID] != nil && secretNamed(name, n) {
			return s
		}
	}
	return nil
}

// secretNamed reports whether id, a secret ID as Secrets Manager accepts
// it (a name or an ARN, which ends in the name, a dash and six random
// characters), names the secret called name.
func secretNamed(id, name string) bool {
	if id == name {
		return true
	}
	_, rest, ok := strings.Cut(id, ":secret:")
	return ok && strings.HasPrefix(rest, name+"-") && len(rest) == len(name)+7
}

// dbMaster reads MasterUserPassword and ManageMasterUserPassword. A
// {{resolve:secretsmanager:...}} dynamic reference is unknown and a Ref to
// a parameter is not a literal, so neither counts as a password in code.
func (a *adapter) dbMaster(r *resource, id string, m *model.DBMaster) {
	props := a.props(r)
	locs := a.u.Locations
	locs.Set(id, "", r.keyRange)
	if v := get(props, "MasterUserPassword"); v != nil {
		locs.Set(id, "master_password", loc(v))
		m.MasterPassword = v.AsString()
		m.PasswordLiteral = literal(v)
	}
	if v := get(props, "ManageMasterUserPassword"); v != nil {
		locs.Set(id, "managed_password", loc(v))
		m.ManagedPassword = v.AsBool()
	}
}
