package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
)

// TestUpgradeKeepsRows makes a database at schema version 1 with rows in
// every table, reopens it with this build, and checks the rows survived and
// the later steps' columns work.
func TestUpgradeKeepsRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")

	old := mustOpenAt(t, path, Options{targetVersion: 1})
	if v, _ := old.SchemaVersion(ctx); v != 1 {
		t.Fatalf("old database at version %d, want 1", v)
	}
	for _, q := range []string{
		`INSERT INTO chat_groups (id, name, type, value_proposition, time_zone, staff_aliases, profile, checkin_word, target_size, created_at, updated_at)
		 VALUES (1, '老群', 'service', '', 'Asia/Shanghai', '["李助教"]', 'education', '打卡', 0, '2024-01-01 00:00:00', '2024-01-01 00:00:00')`,
		`INSERT INTO members (id, group_id, wx_id, nickname, tier, created_at, updated_at) VALUES (1, 1, 'wxid_a', '林知秋', 'admin', '2024-01-01 00:00:00', '2024-01-01 00:00:00')`,
		`INSERT INTO import_batches (id, group_id, kind, created_at) VALUES (1, 1, 'chat', '2024-01-01 00:00:00')`,
		`INSERT INTO messages (group_id, member_id, sender_id, kind, sent_at, content, batch_id, dedupe_key) VALUES (1, 1, 'wxid_a', 'text', 1709506692, '早上好', 1, 'id:1')`,
	} {
		if err := old.db.Exec(q).Error; err != nil {
			t.Fatalf("seeding v1: %v", err)
		}
	}
	if err := resetSequences(old.db); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s := mustOpenAt(t, path, Options{})
	if v, _ := s.SchemaVersion(ctx); v != LatestVersion() {
		t.Fatalf("upgraded to %d, want %d", v, LatestVersion())
	}
	g, err := s.Group(ctx, 1)
	if err != nil || g.Name != "老群" || len(g.StaffAliases) != 1 {
		t.Fatalf("group after upgrade: %+v, %v", g, err)
	}
	members, err := s.Members(ctx, 1)
	if err != nil || len(members) != 1 || members[0].Nickname != "林知秋" || members[0].Tier != domain.TierAdmin {
		t.Fatalf("members after upgrade: %+v, %v", members, err)
	}
	sum, err := s.GroupSummary(ctx, 1)
	if err != nil || sum.Messages != 1 {
		t.Fatalf("messages after upgrade: %d, %v", sum.Messages, err)
	}
	// Step 2's settings table and phone index work on the upgraded file.
	if err := s.SetSetting(ctx, "x", "y"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: 1, Kind: domain.BatchMembers},
		[]domain.Member{{WxID: "wxid_a", Nickname: "林知秋", Tier: domain.TierAdmin, Phone: "13900000000"}}, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := s.MemberByPhone(ctx, 1, "13900000000"); err != nil || len(got) != 1 || got[0].ID != 1 {
		t.Fatalf("phone search after upgrade: %+v, %v", got, err)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s := mustOpenAt(t, path, Options{})
	if err := s.db.Create(&schemaVersion{Version: LatestVersion() + 1, Name: "from the future"}).Error; err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(path, Options{})
	var de *domain.Error
	if !errors.As(err, &de) || de.Key != "store.newer_schema" {
		t.Fatalf("err = %v, want store.newer_schema", err)
	}
}

func TestMigrationsAreOrderedAndUnique(t *testing.T) {
	// Versions are 1, 2, 3… in order with no gap. 12 is listed without a
	// step: it was handed out to parallel work that did not need it, and
	// the steps after it had already been numbered (migrate.go, step 12).
	unreleased := map[int]bool{12: true}
	for i, m := range migrations {
		if m.version != i+1 {
			t.Errorf("migration %d has version %d, want %d", i, m.version, i+1)
		}
		if m.name == "" || (m.up == nil) != unreleased[m.version] {
			t.Errorf("migration %d lacks a name or a step (or has a step for a number never released)", m.version)
		}
	}
	if last := migrations[len(migrations)-1]; last.up == nil {
		t.Errorf("the last step %d does nothing", last.version)
	}
}

// TestEveryStepIsInMigrateGo: the steps are read in one place, in order,
// beside the list (a step written elsewhere is easy to miss when the list
// is read, as step 12's gap once was).
func TestEveryStepIsInMigrateGo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	step := regexp.MustCompile(`(?m)^func migrateV(\d+)\(`)
	seen := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range step.FindAllStringSubmatch(string(src), -1) {
			if f != "migrate.go" {
				t.Errorf("%s holds migrateV%s: every step lives in migrate.go", f, m[1])
			}
			seen[m[1]] = true
		}
	}
	for _, m := range migrations {
		if m.up != nil && !seen[strconv.Itoa(m.version)] {
			t.Errorf("step %d is listed but migrate.go has no migrateV%d", m.version, m.version)
		}
	}
}

// TestStepMergedOutOfOrderStillRuns: a database that recorded step 25
// before step 23 existed (the two were numbered in parallel and 25 was
// released first) gets step 23 at its next open, and its sealed columns work.
func TestStepMergedOutOfOrderStillRuns(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "gap.db")
	old := mustOpenAt(t, path, Options{targetVersion: 22})
	err := old.db.Transaction(func(tx *gorm.DB) error {
		if err := migrateV25(tx); err != nil {
			return err
		}
		return tx.Create(&schemaVersion{Version: 25, Name: "released first"}).Error
	})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	s := mustOpenAt(t, path, Options{})
	var steps []int
	if err := s.db.Model(&schemaVersion{}).Order("version").Pluck("version", &steps).Error; err != nil || !slices.Contains(steps, 23) {
		t.Fatalf("steps recorded %v (%v), want 23 among them", steps, err)
	}
	g := mustGroup(t, s, "群")
	msgs := []domain.Message{{GroupID: g.ID, SenderName: "宁波王总客户", Kind: domain.KindText, SentAt: t0, Content: "早", DedupeKey: "h:1"}}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, nil, msgs); err != nil {
		t.Fatal(err)
	}
	got, err := s.Messages(ctx, g.ID, t0, t0.Add(time.Second))
	if err != nil || len(got) != 1 || got[0].SenderName != "宁波王总客户" {
		t.Errorf("messages %+v (%v)", got, err)
	}
}
