package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// adaptSecrets maps aws_secretsmanager_secret, the values that
// aws_secretsmanager_secret_version writes, the rotation that
// aws_secretsmanager_secret_rotation configures, and the master passwords
// of aws_db_instance and aws_rds_cluster. It runs after adaptPolicies,
// which decodes the secrets' resource policies (the policy argument and
// aws_secretsmanager_secret_policy) with the secret as their owner.
func (a *adapter) adaptSecrets() {
	for _, r := range a.managed("aws_secretsmanager_secret") {
		s := &model.Secret{}
		o := a.object(r, r.id, &s.Meta)
		o.Apply(a.node(r), adapt.SecretFields(s))
		a.model.AWS.SecretsManager.Secrets = append(a.model.AWS.SecretsManager.Secrets, s)
	}
	// The linking step lists the policies (owned by the secret) under the
	// secret, and links rotations and values to it.
	for _, r := range a.managed("aws_secretsmanager_secret_rotation") {
		rot := &model.SecretRotation{Target: target(field(a.node(r), "secret_id"))}
		a.object(r, r.id, &rot.Meta)
		a.model.AWS.SecretsManager.Rotations = append(a.model.AWS.SecretsManager.Rotations, rot)
	}
	for _, r := range a.managed("aws_secretsmanager_secret_version") {
		a.secretValue(r)
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
func (a *adapter) secretValue(r *resInst) {
	n := a.node(r)
	ignored := a.ignoredChanges(r)
	for _, attr := range []string{"secret_string", "secret_binary", "secret_string_wo"} {
		v := field(n, attr)
		if v.IsNull() {
			continue
		}
		sv := &model.SecretValue{Ignored: ignored["all"] || ignored[attr]}
		o := a.object(r, r.id, &sv.Meta)
		o.Set("secret_string", v.Range)
		sv.Literal = o.LiteralAt(a.unit.Uses, "secret_string", v)
		sv.Target = target(field(n, "secret_id"))
		a.model.AWS.SecretsManager.SecretValues = append(a.model.AWS.SecretsManager.SecretValues, sv)
		return
	}
}

// dbMaster reads the master password settings of an aws_db_instance
// (password) or aws_rds_cluster (master_password), or their write-only
// forms (password_wo, master_password_wo), and
// manage_master_user_password.
func (a *adapter) dbMaster(r *resInst, m *model.DBMaster, attr string) {
	n := a.nodeOf(r, fieldNames(adapt.DBMasterFields(m), attr, attr+"_wo")...)
	o := adapt.Terraform.Object(a.locs, r.id, toRange(r.res.defRange))
	o.Apply(n, adapt.DBMasterFields(m))
	if v, name := adapt.FirstOf(n, attr, attr+"_wo"); v != nil {
		o.String(&m.MasterPassword, "master_password", v)
		m.PasswordLiteral = o.LiteralAt(a.unit.Uses, "master_password", v)
		ignored := a.ignoredChanges(r)
		m.PasswordIgnored = ignored["all"] || ignored[name]
	}
}
