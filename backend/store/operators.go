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
	CreatedAt time.Time
}

func (operatorRow) TableName() string { return "operators" }

type v16Operator struct {
	Name      string `gorm:"primaryKey;size:64"`
	Role      string `gorm:"size:16;not null"`
	CreatedAt time.Time
}

func (v16Operator) TableName() string { return "operators" }

// migrateV16 adds the list of operators and their roles (team mode).
func migrateV16(tx *gorm.DB) error { return tx.Migrator().CreateTable(&v16Operator{}) }

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

// checkWrite refuses a change by an operator who may not change data. It is
// called by audit, which every mutating transaction calls, and by imports.
func (s *Store) checkWrite(tx *gorm.DB, name string) error {
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

// Role is the current operator's role ("" when the workspace lists
// operators but not this one).
func (s *Store) Role(ctx context.Context) (domain.Role, error) {
	return roleOf(s.db.WithContext(ctx), s.Operator())
}

// Operators lists the workspace's operators by name.
func (s *Store) Operators(ctx context.Context) ([]domain.OperatorInfo, error) {
	var rows []operatorRow
	if err := s.db.WithContext(ctx).Order("name").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.OperatorInfo, len(rows))
	for i, r := range rows {
		out[i] = domain.OperatorInfo{Name: r.Name, Role: domain.Role(r.Role), CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

// AddOperator lists a new operator. Only an owner may (anyone, while nobody
// is listed), and the first one listed must be an owner, so the list can
// always be managed.
func (s *Store) AddOperator(ctx context.Context, name string, role domain.Role) (domain.OperatorInfo, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return domain.OperatorInfo{}, domain.Errorf(domain.EINVALID, "operator.name_required", nil)
	}
	if !role.Valid() {
		return domain.OperatorInfo{}, domain.Errorf(domain.EINVALID, "operator.bad_role", map[string]any{"role": string(role)})
	}
	row := operatorRow{Name: name, Role: string(role), CreatedAt: s.clock.Now().UTC()}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&operatorRow{}).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 && role != domain.RoleOwner {
			return domain.Errorf(domain.EINVALID, "operator.first_owner", nil)
		}
		if n > 0 {
			me := s.Operator()
			mine, err := roleOf(tx, me)
			if err != nil {
				return err
			}
			if mine != domain.RoleOwner {
				return domain.Errorf(domain.EINVALID, "operator.owner_only", map[string]any{"name": me, "role": string(mine)})
			}
		}
		var dup int64
		if err := tx.Model(&operatorRow{}).Where("name = ?", name).Count(&dup).Error; err != nil {
			return err
		}
		if dup > 0 {
			return domain.Errorf(domain.ECONFLICT, "operator.exists", map[string]any{"name": name})
		}
		// Recorded before the row exists: the first owner is added by the
		// implicit owner, who is no longer one once somebody is listed.
		if err := s.audit(tx, "operator.add", "operator", 0, 0, nil, map[string]string{"name": name, "role": string(role)}); err != nil {
			return err
		}
		return tx.Create(&row).Error
	})
	if err != nil {
		return domain.OperatorInfo{}, err
	}
	return domain.OperatorInfo{Name: row.Name, Role: role, CreatedAt: row.CreatedAt}, nil
}
