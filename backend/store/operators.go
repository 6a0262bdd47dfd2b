package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// operatorRow is one operator of the workspace and their role. With no rows
// (every local workspace until someone adds an operator) there is one
// implicit owner, whatever name changes are recorded under.
type operatorRow struct {
	Name      string `gorm:"primaryKey;size:64"`
	Role      string `gorm:"size:16;not null"`
	Login     string `gorm:"size:63;not null;default:''"`
	CreatedAt time.Time
}

func (operatorRow) TableName() string { return "operators" }

// roleOf is the role of operator name: the listed one, owner when nobody is
// listed, and "" when others are listed but not name.
func roleOf(tx *gorm.DB, name string) (domain.Role, error) {
	var row operatorRow
	err := tx.Where("name = ?", name).Take(&row).Error
	if err == nil {
		return domain.Role(row.Role), nil
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return "", err
	}
	var n int64
	if err := tx.Model(&operatorRow{}).Count(&n).Error; err != nil {
		return "", err
	}
	if n == 0 {
		return domain.RoleOwner, nil
	}
	return "", nil
}

// checkRole refuses a change by the operator called name when their listed
// role may not change data (local workspaces, and names claimed through the
// owner's login on a server).
func (s *Store) checkRole(tx *gorm.DB, name string) error {
	role, err := roleOf(tx, name)
	if err != nil {
		return err
	}
	switch {
	case role == "":
		return domain.Errorf(domain.EINVALID, "operator.unknown", map[string]any{"name": name})
	case !role.CanWrite():
		return domain.Errorf(domain.EINVALID, "operator.read_only", map[string]any{"name": name})
	}
	return nil
}

// writer is the name a change made in tx is recorded under, or why this
// client may not change data. Every mutating transaction asks (through
// audit), and imports ask before writing anything.
func (s *Store) writer(tx *gorm.DB) (string, error) {
	if s.logins {
		return s.serverWriter(tx)
	}
	op, _, err := s.operatorIn(tx)
	if err != nil {
		return op, err
	}
	return op, s.checkRole(tx, op)
}

// Role is the current operator's role ("" when the workspace lists
// operators but not this one). On a server it is the role of the login.
func (s *Store) Role(ctx context.Context) (domain.Role, error) {
	db := s.db.WithContext(ctx)
	if !s.logins {
		return roleOf(db, s.Operator())
	}
	id, err := serverIdentity(db)
	switch {
	case err != nil:
		return "", err
	case id.Name != "":
		return domain.Role(id.Role), nil
	case id.TableOwner:
		name, _, err := s.localOperator(db)
		if err != nil {
			return "", err
		}
		return roleOf(db, name)
	}
	return "", nil
}

// Operators lists the workspace's operators by name.
func (s *Store) Operators(ctx context.Context) ([]domain.OperatorInfo, error) {
	var rows []operatorRow
	db := s.db.WithContext(ctx)
	q := db.Order("name")
	if v, err := schemaVersionOf(db); err != nil || v < 25 {
		q = q.Select("name", "role", "created_at") // no logins yet (upgrade tests)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.OperatorInfo, len(rows))
	for i, r := range rows {
		out[i] = domain.OperatorInfo{Name: r.Name, Role: domain.Role(r.Role), Login: r.Login, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

// AddOperator lists a new operator. Only an owner may (anyone, while nobody
// is listed), and the first one listed must be an owner, so the list can
// always be managed. On a server workspace it also creates the operator's
// login with the grants of their role, in the same transaction (see
// logins.go), and returns the password when it generated one.
func (s *Store) AddOperator(ctx context.Context, in domain.OperatorInput) (domain.NewOperator, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" {
		return domain.NewOperator{}, domain.Errorf(domain.EINVALID, "operator.name_required", nil)
	}
	role := in.Role
	if !role.Valid() {
		return domain.NewOperator{}, domain.Errorf(domain.EINVALID, "operator.bad_role", map[string]any{"role": string(role)})
	}
	row := operatorRow{Name: name, Role: string(role), CreatedAt: s.clock.Now().UTC()}
	if !s.logins && (in.Login != "" || in.Password != "") {
		return domain.NewOperator{}, domain.Errorf(domain.EINVALID, "operator.login_server_only", nil)
	}
	if in.Password != "" {
		if err := domain.CheckPassword(in.Password); err != nil {
			return domain.NewOperator{}, err
		}
	}
	var generated string
	err := s.write(ctx, func(tx *gorm.DB) error {
		if s.logins {
			// Grants change the catalog rows of every table: one granter
			// at a time, and not while a client migrates (regrantLogins).
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(pgMigrateLock)).Error; err != nil {
				return err
			}
		}
		var n int64
		if err := tx.Model(&operatorRow{}).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 && role != domain.RoleOwner {
			return domain.Errorf(domain.EINVALID, "operator.first_owner", nil)
		}
		if err := s.checkOwner(tx, n); err != nil {
			return err
		}
		var listed []operatorRow
		if err := tx.Where("name = ?", name).Limit(1).Find(&listed).Error; err != nil {
			return err
		}
		// On a server, an operator listed before logins existed is given
		// one by adding them again: that is how a team that shared one
		// login moves over, person by person.
		action := "operator.add"
		switch {
		case len(listed) > 0 && (!s.logins || listed[0].Login != ""):
			return domain.Errorf(domain.ECONFLICT, "operator.exists", map[string]any{"name": name})
		case len(listed) > 0:
			action = "operator.login"
			row.CreatedAt = listed[0].CreatedAt
		}
		after := map[string]string{"name": name, "role": string(role)}
		if s.logins {
			id, err := serverIdentity(tx)
			if err != nil {
				return err
			}
			// The first operator is the owner listing themself: their
			// login is the one they are connected as, unless they name
			// another (the README's bootstrap login becomes theirs).
			if in.Login == "" && n == 0 {
				in.Login = id.Login
			}
			if row.Login, err = domain.LoginFor(name, in.Login); err != nil {
				return err
			}
			if row.Login != id.Login && in.Password == "" {
				generated = generatePassword()
				in.Password = generated
			}
			after["login"] = row.Login
			var taken []string
			if err := tx.Model(&operatorRow{}).Where("login = ?", row.Login).Pluck("name", &taken).Error; err != nil {
				return err
			}
			if len(taken) > 0 {
				return domain.Errorf(domain.ECONFLICT, "operator.login_taken", map[string]any{"login": row.Login, "name": taken[0]})
			}
			if err := createLogin(tx, id, row.Login, in.Password, role); err != nil {
				return err
			}
		}
		// Recorded before the row exists: the first owner is added by the
		// implicit owner, who is no longer one once somebody is listed.
		if err := s.audit(tx, action, "operator", 0, 0, nil, after); err != nil {
			return err
		}
		if action == "operator.login" {
			return tx.Model(&operatorRow{}).Where("name = ?", name).Updates(map[string]any{"role": row.Role, "login": row.Login}).Error
		}
		if row.Login == "" {
			tx = tx.Omit("Login") // the column's default; and a schema below 25 has none
		}
		return tx.Create(&row).Error
	})
	if err != nil {
		return domain.NewOperator{}, err
	}
	info := domain.OperatorInfo{Name: row.Name, Role: role, Login: row.Login, CreatedAt: row.CreatedAt}
	return domain.NewOperator{OperatorInfo: info, Password: generated}, nil
}

// checkOwner refuses managing the operators to anyone but an owner, once n
// of them are listed: by login on a server, by name on a local workspace
// (and for the tables' owner on a server while it is not listed).
func (s *Store) checkOwner(tx *gorm.DB, n int64) error {
	if n == 0 {
		return nil
	}
	if s.logins {
		id, err := serverIdentity(tx)
		if err != nil {
			return err
		}
		switch {
		case id.Name != "" && id.Role != string(domain.RoleOwner):
			return domain.Errorf(domain.EINVALID, "operator.owner_only", map[string]any{"name": id.Name + " (" + id.Login + ")", "role": id.Role})
		case id.Name != "":
			return nil
		case !id.TableOwner:
			return domain.Errorf(domain.EINVALID, "operator.login_unknown", map[string]any{"login": id.Login})
		}
	}
	me, _, err := s.localOperator(tx)
	if err != nil {
		return err
	}
	mine, err := roleOf(tx, me)
	if err != nil {
		return err
	}
	if mine != domain.RoleOwner {
		return domain.Errorf(domain.EINVALID, "operator.owner_only", map[string]any{"name": me, "role": string(mine)})
	}
	return nil
}
