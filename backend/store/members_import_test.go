package store

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/store/pgtest"
)

// TestMemberImportKeepsAnEditSavedMeanwhile is issue 21's lost note: an
// operator saves a note and tags on a member while a member list that
// changes the same member is being imported by another client. The import
// writes the fields its file set (nickname, region) and nothing else: the
// note survives, and the tags both changed stay as the operator saved them.
// On PostgreSQL the edit commits while the import runs (the import holds
// the group's lock, not the member's row); on SQLite it waits for the
// import's write lock and is then refused as stale — said, not lost.
func TestMemberImportKeepsAnEditSavedMeanwhile(t *testing.T) {
	ctx := context.Background()
	a, b := openTwice(t)
	g := mustGroup(t, a, "读书会")
	seed := domain.Member{WxID: "wxid_lin", Nickname: "林知秋", Region: "杭州", Tags: []string{"老学员"}}
	if _, err := a.ApplyImport(ctx, ImportSet{Batch: domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers},
		Members: []domain.Member{seed}, Changed: []int{0}}); err != nil {
		t.Fatal(err)
	}

	tx, err := a.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "名单.csv", Rows: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	members, err := tx.Members()
	if err != nil || len(members) != 1 {
		t.Fatalf("members read by the import: %+v, %v", members, err)
	}
	roster := domain.NewRoster(members)
	if _, outcome := roster.Listed(domain.Member{WxID: "wxid_lin", Nickname: "林知秋🌿", Region: "上海", Tags: []string{"活跃"}}); outcome != domain.ListedUpdated {
		t.Fatalf("row outcome %v", outcome)
	}

	cur := members[0]
	edit := make(chan error, 1)
	go func() {
		_, err := b.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: cur.ID, Version: cur.Version, Tier: cur.Tier,
			Tags: []string{"重点"}, Notes: "周三请假"})
		edit <- err
	}()
	var editErr error
	edited := false
	select {
	case editErr = <-edit:
		edited = true
	case <-time.After(2 * time.Second): // SQLite: the edit waits for the import's write lock
	}
	if pgtest.Enabled() && !edited {
		t.Fatal("on PostgreSQL an edit of a member need not wait for an import into its group")
	}
	if _, err := tx.Commit(roster.Members, roster.Changed()); err != nil {
		t.Fatal(err)
	}
	if !edited {
		editErr = <-edit
	}

	got, err := a.Members(ctx, g.ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("members after: %+v, %v", got, err)
	}
	m := got[0]
	if m.Nickname != "林知秋🌿" || m.Region != "上海" {
		t.Errorf("the file's fields were not written: nickname %q, region %q", m.Nickname, m.Region)
	}
	switch {
	case editErr == nil:
		if m.Notes != "周三请假" || !slices.Equal(m.Tags, []string{"重点"}) {
			t.Errorf("the edit saved meanwhile was overwritten: notes %q, tags %v", m.Notes, m.Tags)
		}
		if edited && keptEdits(t, a, g.ID) != 1 {
			t.Errorf("the import's audit entry should count the one field it left as edited (tags)")
		}
	case domain.ErrorCode(editErr) == domain.ECONFLICT:
		wantKey(t, editErr, "member.stale")
		if pgtest.Enabled() {
			t.Errorf("on PostgreSQL the edit committed before the import wrote and should have stood: %v", editErr)
		}
		if m.Notes != "" || !slices.Equal(m.Tags, []string{"活跃"}) {
			t.Errorf("a refused edit changed the member: notes %q, tags %v", m.Notes, m.Tags)
		}
	default:
		t.Fatalf("edit: %v", editErr)
	}
}

// keptEdits reads kept_edits from the group's latest member-list import's
// audit entry.
func keptEdits(t *testing.T, s *Store, groupID int64) int {
	t.Helper()
	log, err := s.AuditLog(context.Background(), domain.AuditFilter{GroupID: groupID, Action: "import.members", Limit: 1})
	if err != nil || len(log) != 1 {
		t.Fatalf("audit log: %+v, %v", log, err)
	}
	var a importAudit
	if err := json.Unmarshal([]byte(log[0].After), &a); err != nil {
		t.Fatal(err)
	}
	return a.KeptEdits
}

// TestMemberImportWritesOnlyWhatItChanged: a member list re-imported after a
// note and tags were saved leaves them alone, and a row that changes
// nothing writes nothing (the member's version stays).
func TestMemberImportWritesOnlyWhatItChanged(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	list := []domain.Member{{WxID: "wxid_lin", Nickname: "林知秋"}, {WxID: "wxid_chen", Nickname: "陈晓雨"}}
	apply := func(rows []domain.Member) domain.ImportBatch {
		t.Helper()
		tx, err := s.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, Rows: len(rows)})
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		members, err := tx.Members()
		if err != nil {
			t.Fatal(err)
		}
		r := domain.NewRoster(members)
		for _, row := range rows {
			r.Listed(row)
		}
		b, err := tx.Commit(r.Members, r.Changed())
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	apply(list)
	before, _ := s.Members(ctx, g.ID)
	lin := before[0]
	if _, err := s.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: lin.ID, Version: lin.Version, Tier: lin.Tier,
		Tags: []string{"重点"}, Notes: "周三请假"}); err != nil {
		t.Fatal(err)
	}
	b := apply([]domain.Member{{WxID: "wxid_lin", Nickname: "林知秋🌿"}, {WxID: "wxid_chen", Nickname: "陈晓雨"}})
	if b.Updated != 1 {
		t.Errorf("updated = %d, want 1 (only 林知秋's nickname changed)", b.Updated)
	}
	after, _ := s.Members(ctx, g.ID)
	if m := after[0]; m.Nickname != "林知秋🌿" || m.Notes != "周三请假" || !slices.Equal(m.Tags, []string{"重点"}) {
		t.Errorf("after the re-import: %+v; the note and tags must stay", m)
	}
	if after[1].Version != before[1].Version {
		t.Errorf("an unchanged member was written: version %d → %d", before[1].Version, after[1].Version)
	}
}

// TestMemberInsertColumns: the import's own INSERT of new members writes
// every column of memberRow but the id, so a column added to the model
// cannot be left out of it unnoticed.
func TestMemberInsertColumns(t *testing.T) {
	s := mustOpen(t)
	stmt := &gorm.Statement{DB: s.db}
	if err := stmt.Parse(&memberRow{}); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range stmt.Schema.Fields {
		if f.DBName != "" && f.DBName != "id" {
			want = append(want, f.DBName)
		}
	}
	got := append([]string(nil), memberInsertColumns...)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("insert columns %v\nmemberRow has %v", got, want)
	}
	if n := len(memberInsertValues(nil, &memberRow{})); n != len(memberInsertColumns) {
		t.Errorf("%d values for %d columns", n, len(memberInsertColumns))
	}
}
