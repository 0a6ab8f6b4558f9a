package model

// RDS holds database instances and clusters, for the settings of their
// master user password.
type RDS struct {
	Instances []*DBInstance `json:"instances"`
	Clusters  []*DBCluster  `json:"clusters"`
}

// DBInstance is an RDS DB instance: Terraform aws_db_instance,
// CloudFormation AWS::RDS::DBInstance.
type DBInstance struct {
	Meta
	DBMaster
}

// DBCluster is an RDS (Aurora or Multi-AZ) DB cluster: Terraform
// aws_rds_cluster, CloudFormation AWS::RDS::DBCluster.
type DBCluster struct {
	Meta
	DBMaster
}

// DBMaster is the master user password of an instance or cluster.
// Locations: "master_password", "managed_password".
type DBMaster struct {
	// MasterPassword is Terraform password / master_password (or their
	// write-only _wo forms), CloudFormation MasterUserPassword. A
	// {{resolve:secretsmanager:...}} dynamic reference is unknown.
	MasterPassword String `json:"master_password,omitzero"`
	// PasswordLiteral is set when the password is written as a literal in
	// the source (see SSMParameter.ValueLiteral): not a variable, a
	// parameter (NoEcho or not), a dynamic reference or a resource
	// attribute.
	PasswordLiteral bool `json:"password_literal,omitempty"`
	// PasswordIgnored is set when Terraform's lifecycle ignore_changes
	// lists the password: the literal is a placeholder.
	PasswordIgnored bool `json:"password_ignored,omitempty"`
	// ManagedPassword is manage_master_user_password /
	// ManageMasterUserPassword: RDS keeps the password in Secrets Manager.
	ManagedPassword Bool `json:"managed_password,omitzero"`
}

func (m *Model) normalizeRDS() {
	m.AWS.RDS.Instances = nonNil(m.AWS.RDS.Instances)
	m.AWS.RDS.Clusters = nonNil(m.AWS.RDS.Clusters)
}
