package store

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// Team mode on the server's terms. On a PostgreSQL workspace every operator
// connects with a login of their own, which `operator add` creates; what a
// login may do is granted by the server (a viewer's login may only SELECT),
// and who is writing is the server's current_user, not a name the client
// claims. The store still checks the role before writing, but only to say
// so in the user's words: the grants are what refuse the change, even to a
// client that skips the check.
//
// The login that owns the workspace's tables (the README's bootstrap login,
// which created them) is listed as the first owner by `operator add`. While
// it is not listed it is trusted with the name it claims, as every client
// was before logins existed (it could drop the tables anyway): through it,
// operators listed by name keep their name-based roles, so a team that
// shared that login keeps working until each person has a login of their
// own, and none of them can be impersonated once they have.

// loginIdentity is who the server says a connection is.
type loginIdentity struct {
	Login      string // current_user
	TableOwner bool   // current_user owns the workspace's tables (or is a superuser)
	Name       string // the operator listed with this login, "" when none
	Role       string // that operator's role
}

// serverIdentity asks the server who tx is connected as.
func serverIdentity(tx *gorm.DB) (loginIdentity, error) {
	var id loginIdentity
	err := tx.Raw(`SELECT current_user AS login,
	COALESCE(pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = to_regclass('schema_versions')), 'USAGE'), false) AS table_owner,
	COALESCE(o.name, '') AS name, COALESCE(o.role, '') AS role
FROM (SELECT 1) one LEFT JOIN operators o ON o.login = current_user`).Scan(&id).Error
	return id, err
}

// serverWriter is the name a change on a server workspace is recorded
// under, and refuses, before anything is written, a writer the server's
// login does not allow: a listed login writes as its operator, whatever
// name the client claims; the tables' owner, unlisted, as before logins
// existed (--operator, the operator_name setting, the default; roles by
// name), except under the name of an operator who has a login of their
// own; any other login not at all.
func (s *Store) serverWriter(tx *gorm.DB) (string, error) {
	id, err := serverIdentity(tx)
	if err != nil {
		return "", err
	}
	switch {
	case id.Name != "":
		if !domain.Role(id.Role).CanWrite() {
			return id.Name, domain.Errorf(domain.EINVALID, "operator.login_read_only", map[string]any{"login": id.Login, "name": id.Name})
		}
		if claim := s.operator; claim != "" && claim != id.Name {
			return id.Name, domain.Errorf(domain.EINVALID, "operator.not_you", map[string]any{"claim": claim, "login": id.Login, "name": id.Name})
		}
		return id.Name, nil
	case id.TableOwner:
		name, _, err := s.localOperator(tx)
		if err != nil {
			return name, err
		}
		var row operatorRow
		if err := tx.Where("name = ?", name).Limit(1).Find(&row).Error; err != nil {
			return name, err
		}
		if row.Login != "" && row.Login != id.Login {
			return name, domain.Errorf(domain.EINVALID, "operator.not_you", map[string]any{"claim": name, "login": id.Login, "name": id.Login})
		}
		return name, s.checkRole(tx, name)
	}
	return id.Login, domain.Errorf(domain.EINVALID, "operator.login_unknown", map[string]any{"login": id.Login})
}

// passwordChars are those of a generated password: letters and digits
// only, so it goes into a --db URL as it is.
const passwordChars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"

func generatePassword() string {
	out := make([]byte, 24)
	for i := range out {
		out[i] = passwordChars[randIndex(len(passwordChars))]
	}
	return string(out)
}

// randIndex is a uniform random index below n (n ≤ 256), by rejection.
func randIndex(n int) int {
	limit := 256 - 256%n
	var b [1]byte
	for {
		if _, err := rand.Read(b[:]); err != nil {
			panic(err) // crypto/rand does not fail on supported systems
		}
		if int(b[0]) < limit {
			return int(b[0]) % n
		}
	}
}

// scramVerifier is the SCRAM-SHA-256 verifier PostgreSQL stores for
// password (RFC 7677; the format of pg_authid.rolpassword). CREATE ROLE
// is sent the verifier, not the password, so the password never reaches
// the server's logs or pg_stat_activity.
func scramVerifier(password string) (string, error) {
	const iterations = 4096
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	server := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(server)), nil
}

// tablePrivileges is what a login of role may do to table. A viewer reads;
// an operator changes data but only appends to the audit log and only
// reads the list of operators and the schema's history; an owner also
// manages the list (and gets each privilege WITH GRANT OPTION in
// grantRole, to pass it on to the logins it creates). Nobody but the
// tables' owner may UPDATE, DELETE or TRUNCATE the audit log.
func tablePrivileges(role domain.Role, table string) []string {
	switch {
	case role == domain.RoleViewer, table == "schema_versions":
		return []string{"SELECT"}
	case table == "audit_log":
		return []string{"SELECT", "INSERT"}
	case table == "operators" && role != domain.RoleOwner:
		return []string{"SELECT"}
	}
	return []string{"SELECT", "INSERT", "UPDATE", "DELETE"}
}

// grantRole grants login what role may do to every table of the
// workspace's schema, and the use of its sequences to roles that insert.
// Only grants: a fresh login has nothing to take away, and regrantLogins
// reruns it for tables created since.
func grantRole(tx *gorm.DB, login string, role domain.Role) error {
	var where struct{ Schema, Database string }
	if err := tx.Raw("SELECT current_schema() AS schema, current_database() AS database").Scan(&where).Error; err != nil {
		return err
	}
	schema := where.Schema
	var tables []string
	if err := tx.Raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").Scan(&tables).Error; err != nil {
		return err
	}
	who := quoteIdent(login)
	option := ""
	if role == domain.RoleOwner {
		option = " WITH GRANT OPTION"
	}
	// CONNECT too, so a server that takes it away from PUBLIC (the README's
	// set-up does) still lets the team's logins in, and nobody else's.
	stmts := []string{
		"GRANT CONNECT ON DATABASE " + quoteIdent(where.Database) + " TO " + who + option,
		"GRANT USAGE ON SCHEMA " + quoteIdent(schema) + " TO " + who + option,
	}
	for _, t := range tables {
		stmts = append(stmts, "GRANT "+strings.Join(tablePrivileges(role, t), ", ")+" ON "+quoteIdent(schema)+"."+quoteIdent(t)+" TO "+who+option)
	}
	if role.CanWrite() {
		stmts = append(stmts, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "+quoteIdent(schema)+" TO "+who+option)
	}
	for _, q := range stmts {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// regrantLogins gives every listed login its role's privileges on tables
// it has none on: those a migration created after the login was made.
// Migrations run as the tables' owner, who alone may grant on new tables,
// so this runs right after them under the same lock. Re-granting per table
// rather than ALTER DEFAULT PRIVILEGES keeps the role-by-table rules of
// tablePrivileges in one place (a default privilege grants every new table
// alike, and would not know an audit-like table from a data table).
func regrantLogins(tx *gorm.DB) error {
	var owed []struct{ Login, Role string }
	err := tx.Raw(`SELECT DISTINCT o.login, o.role FROM operators o
JOIN pg_roles r ON r.rolname = o.login
CROSS JOIN pg_tables t
WHERE o.login <> '' AND t.schemaname = current_schema()
	AND NOT has_table_privilege(r.oid, format('%I.%I', t.schemaname, t.tablename)::regclass, 'SELECT')`).Scan(&owed).Error
	if err != nil {
		return err
	}
	for _, o := range owed {
		if err := grantRole(tx, o.Login, domain.Role(o.Role)); err != nil {
			return fmt.Errorf("granting %s its rights on new tables: %w", o.Login, err)
		}
	}
	return nil
}

// createLogin creates login with password for an operator of role, and
// its grants, inside tx (PostgreSQL's CREATE ROLE and GRANT are
// transactional: a failure leaves no half-made login). An owner's login
// may create logins too. Listing the login the client is connected as
// creates and grants nothing: that is the owner listing themself.
func createLogin(tx *gorm.DB, id loginIdentity, login, password string, role domain.Role) error {
	if login == id.Login {
		return nil
	}
	var can struct{ Create, Exists bool }
	if err := tx.Raw(`SELECT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) AS create,
	EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?) AS exists`, login).Scan(&can).Error; err != nil {
		return err
	}
	if can.Exists {
		return domain.Errorf(domain.ECONFLICT, "operator.login_exists", map[string]any{"login": login})
	}
	if !can.Create {
		return domain.Errorf(domain.EINVALID, "operator.needs_createrole", map[string]any{"login": id.Login})
	}
	verifier, err := scramVerifier(password)
	if err != nil {
		return err
	}
	attrs := "LOGIN NOSUPERUSER NOCREATEDB"
	if role == domain.RoleOwner {
		attrs += " CREATEROLE"
	}
	// The verifier is base64 and "$:", never a quote; the login matched
	// domain.ValidLogin. Neither can break out of the statement.
	if err := tx.Exec("CREATE ROLE " + quoteIdent(login) + " " + attrs + " PASSWORD '" + verifier + "'").Error; err != nil {
		return err
	}
	return grantRole(tx, login, role)
}

// deniedError turns the server's refusal of a statement (SQLSTATE 42501,
// insufficient_privilege) into the user's words, naming the login: a
// viewer's login refused a write gets "read-only", anything else the
// server's reason. Other errors pass unchanged.
func deniedError(err error, login, name string, role domain.Role, write bool) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "42501" {
		return err
	}
	if name == "" {
		name = login
	}
	if role == domain.RoleViewer && write {
		return &domain.Error{Code: domain.EINVALID, Key: "operator.login_read_only", Args: map[string]any{"login": login, "name": name}, Err: err}
	}
	return &domain.Error{Code: domain.EINVALID, Key: "operator.login_denied", Args: map[string]any{"login": login, "reason": pe.Message}, Err: err}
}
