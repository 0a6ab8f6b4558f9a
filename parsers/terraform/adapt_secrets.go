package terraform

import (
	"fmt"
	"strings"

	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adaptSecrets maps aws_secretsmanager_secret, the values that
// aws_secretsmanager_secret_version writes, the rotation that
// aws_secretsmanager_secret_rotation configures, and the master passwords
// of aws_db_instance and aws_rds_cluster. It runs after adaptPolicies,
// which decodes the secrets' resource policies (the policy argument and
// aws_secretsmanager_secret_policy) with the secret as their owner.
func (a *adapter) adaptSecrets() {
	secrets := map[string]*model.Secret{}
	for _, r := range a.managed("aws_secretsmanager_secret") {
		s := &model.Secret{}
		var o adapt.Object
		s.Meta, o = a.object(r, r.id)
		o.Apply(a.node(r), adapt.SecretFields(s))
		secrets[s.ID] = s
		a.model.AWS.SecretsManager.Secrets = append(a.model.AWS.SecretsManager.Secrets, s)
	}
	for _, p := range a.model.AWS.IAM.Policies {
		if s := secrets[p.Owner]; s != nil && p.Kind == model.PolicyResource {
			if at, ok := a.locs.Lookup(p.ID, ""); ok {
				a.locs.Set(s.ID, fmt.Sprintf("policies[%d]", len(s.Policies)), at)
			}
			s.Policies = append(s.Policies, p.ID)
		}
	}
	for _, r := range a.managed("aws_secretsmanager_secret_rotation") {
		if s := a.targetSecret(secrets, field(a.node(r), "secret_id")); s != nil {
			s.RotationConfigured = true
		}
	}
	for _, r := range a.managed("aws_secretsmanager_secret_version") {
		a.secretValue(r, secrets)
	}
	for _, r := range a.managed("aws_db_instance") {
		db := &model.DBInstance{Meta: a.meta(r, r.id)}
		a.dbMaster(r, &db.DBMaster, "password")
		a.model.AWS.RDS.Instances = append(a.model.AWS.RDS.Instances, db)
	}
	for _, r := range a.managed("aws_rds_cluster") {
		db := &model.DBCluster{Meta: a.meta(r, r.id)}
		a.dbMaster(r, &db.DBMaster, "master_password")
		a.model.AWS.RDS.Clusters = append(a.model.AWS.RDS.Clusters, db)
	}
}

// secretValue reads the value an aws_secretsmanager_secret_version writes:
// secret_string, secret_binary or the write-only secret_string_wo. A
// version that writes none (or only unknown ones) adds nothing.
func (a *adapter) secretValue(r *resInst, secrets map[string]*model.Secret) {
	n := a.node(r)
	ignored := a.ignoredChanges(r)
	for _, attr := range []string{"secret_string", "secret_binary", "secret_string_wo"} {
		v := field(n, attr)
		if v.IsNull() {
			continue
		}
		sv := &model.SecretValue{Meta: a.meta(r, r.id), Literal: adapt.Literal(v), Ignored: ignored["all"] || ignored[attr]}
		a.locs.Set(sv.ID, "", toRange(r.res.defRange))
		a.locs.Set(sv.ID, "secret_string", v.Range)
		if s := a.targetSecret(secrets, field(n, "secret_id")); s != nil {
			sv.SecretRef = s.ID
		}
		a.model.AWS.SecretsManager.SecretValues = append(a.model.AWS.SecretsManager.SecretValues, sv)
		return
	}
}

// targetSecret returns the secret of the scan that a secret_id names: by
// reference (aws_secretsmanager_secret.x.id or .arn), or by a literal equal
// to the secret's known name or ARN (arn:...:secret:NAME-AbCdEf).
func (a *adapter) targetSecret(secrets map[string]*model.Secret, n *node.Node) *model.Secret {
	if n == nil {
		return nil
	}
	for _, ref := range n.Refs {
		if s := secrets[ref]; s != nil {
			return s
		}
	}
	v, ok := n.AsString().Get()
	if !ok {
		return nil
	}
	for _, s := range a.model.AWS.SecretsManager.Secrets {
		if name, ok := s.Name.Get(); ok && secretNamed(v, name) {
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

// dbMaster reads the master password settings of an aws_db_instance
// (password) or aws_rds_cluster (master_password), or their write-only
// forms (password_wo, master_password_wo), and
// manage_master_user_password.
func (a *adapter) dbMaster(r *resInst, m *model.DBMaster, attr string) {
	n := a.node(r)
	o := adapt.Terraform.Object(a.locs, r.id, toRange(r.res.defRange))
	o.Apply(n, adapt.DBMasterFields(m))
	if v, name := adapt.FirstOf(n, attr, attr+"_wo"); v != nil {
		o.String(&m.MasterPassword, "master_password", v)
		m.PasswordLiteral = adapt.Literal(v)
		ignored := a.ignoredChanges(r)
		m.PasswordIgnored = ignored["all"] || ignored[name]
	}
}
