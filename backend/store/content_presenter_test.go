package store

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// presenterFixture is two groups with one member each: 林知秋 in 甲群 and
// 周末 in 乙群.
type presenterFixture struct {
	s         *Store
	g1, g2    domain.Group
	lin, zhou int64 // member ids
	at        time.Time
}

func newPresenterFixture(t *testing.T) presenterFixture {
	t.Helper()
	s, ctx := mustOpen(t), context.Background()
	f := presenterFixture{s: s, g1: mustGroup(t, s, "甲群"), g2: mustGroup(t, s, "乙群"), at: time.Date(2024, 3, 5, 12, 30, 0, 0, time.UTC)}
	for _, m := range []struct {
		g    domain.Group
		wxid string
		name string
		id   *int64
	}{{f.g1, "wxid_lin", "林知秋", &f.lin}, {f.g2, "wxid_zhou", "周末", &f.zhou}} {
		if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: m.g.ID, Kind: domain.BatchMembers},
			[]domain.Member{{WxID: m.wxid, Nickname: m.name}}, nil); err != nil {
			t.Fatal(err)
		}
		ms, err := s.Members(ctx, m.g.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("members of %s: %+v (%v)", m.g.Name, ms, err)
		}
		*m.id = ms[0].ID
	}
	return f
}

func (f presenterFixture) share(groupID int64, presenter *int64) content.Item {
	return content.Item{GroupID: groupID, Type: content.Tutorial, Format: content.Share, Title: "剪映入门分享",
		ScheduledAt: f.at, Status: content.Planned, PresenterID: presenter}
}

func ptr(v int64) *int64 { return &v }

func presenterOf(it content.Item) int64 {
	if it.PresenterID == nil {
		return 0
	}
	return *it.PresenterID
}

// TestContentPresenterOnCreate: the presenter is kept on a theme share, is
// dropped from other formats, and must be a member of the item's group;
// a refused item is not saved.
func TestContentPresenterOnCreate(t *testing.T) {
	f := newPresenterFixture(t)
	ctx := context.Background()
	tests := []struct {
		name      string
		format    content.Format
		presenter *int64
		wantCode  string
		want      int64 // presenter read back; 0 = none
	}{
		{name: "share with a member of its group", format: content.Share, presenter: &f.lin, want: f.lin},
		{name: "share without presenter", format: content.Share, presenter: nil, want: 0},
		{name: "share presented by another group's member", format: content.Share, presenter: &f.zhou, wantCode: domain.EINVALID},
		{name: "share presented by nobody known", format: content.Share, presenter: ptr(99999), wantCode: domain.EINVALID},
		{name: "a post keeps no presenter", format: content.Post, presenter: &f.lin, want: 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := f.share(f.g1.ID, tc.presenter)
			it.Format = tc.format
			before, _ := f.s.ContentItems(ctx, f.g1.ID, f.at, f.at.Add(time.Hour))
			saved, err := f.s.CreateContentItems(ctx, []content.Item{it})
			if tc.wantCode != "" {
				var de *domain.Error
				if domain.ErrorCode(err) != tc.wantCode || !errors.As(err, &de) || de.Key != "content.presenter_not_member" {
					t.Fatalf("err = %v, want %s content.presenter_not_member", err, tc.wantCode)
				}
				after, _ := f.s.ContentItems(ctx, f.g1.ID, f.at, f.at.Add(time.Hour))
				if len(after) != len(before) {
					t.Errorf("a refused item was saved: %d items, had %d", len(after), len(before))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.s.ContentItem(ctx, saved[0].ID)
			if err != nil || presenterOf(got) != tc.want || presenterOf(saved[0]) != tc.want {
				t.Fatalf("presenter read back %d (saved %d, %v), want %d", presenterOf(got), presenterOf(saved[0]), err, tc.want)
			}
		})
	}
}

// TestContentPresenterOnEdit: setting, changing and clearing the presenter
// through the usual edit, with its version check, and the audit line
// naming the presenter.
func TestContentPresenterOnEdit(t *testing.T) {
	f := newPresenterFixture(t)
	ctx := context.Background()
	saved, err := f.s.CreateContentItems(ctx, []content.Item{f.share(f.g1.ID, nil)})
	if err != nil {
		t.Fatal(err)
	}
	cur := saved[0]
	tests := []struct {
		name      string
		edit      func(it *content.Item)
		stale     bool
		wantCode  string
		want      int64
		wantAudit string // the audit line's presenter after the edit ("": not in the diff or none)
		wasAudit  string // and before it
	}{
		{name: "name the presenter", edit: func(it *content.Item) { it.PresenterID = &f.lin }, want: f.lin, wantAudit: "林知秋"},
		{name: "a stale window is refused", edit: func(it *content.Item) { it.PresenterID = nil }, stale: true, wantCode: domain.ECONFLICT, want: f.lin},
		{name: "another group's member is refused", edit: func(it *content.Item) { it.PresenterID = &f.zhou }, wantCode: domain.EINVALID, want: f.lin},
		{name: "mark posted keeps the presenter", edit: func(it *content.Item) { it.Status = content.Posted }, want: f.lin},
		{name: "changed to a post, the presenter goes", edit: func(it *content.Item) { it.Format = content.Post }, want: 0, wasAudit: "林知秋"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := cur
			tc.edit(&it)
			if tc.stale {
				it.Version--
			}
			got, err := f.s.UpdateContentItem(ctx, it)
			if domain.ErrorCode(err) != tc.wantCode {
				t.Fatalf("err = %v, want code %q", err, tc.wantCode)
			}
			read, _ := f.s.ContentItem(ctx, cur.ID)
			if presenterOf(read) != tc.want {
				t.Fatalf("presenter %d, want %d", presenterOf(read), tc.want)
			}
			if tc.wantCode != "" {
				if read.Version != cur.Version {
					t.Errorf("a refused edit changed the version: %d, was %d", read.Version, cur.Version)
				}
				return
			}
			if got.Version != cur.Version+1 {
				t.Errorf("version %d, want %d", got.Version, cur.Version+1)
			}
			cur = got
			log, err := f.s.AuditLog(ctx, domain.AuditFilter{Action: "content.update"})
			if err != nil || len(log) == 0 {
				t.Fatalf("audit: %v (%v)", log, err)
			}
			var before, after map[string]any
			_ = json.Unmarshal([]byte(log[0].Before), &before)
			_ = json.Unmarshal([]byte(log[0].After), &after)
			if name, _ := after["presenter"].(string); name != tc.wantAudit {
				t.Errorf("audit presenter %q, want %q (%s)", name, tc.wantAudit, log[0].After)
			}
			if name, _ := before["presenter"].(string); name != tc.wasAudit {
				t.Errorf("audit presenter before %q, want %q (%s)", name, tc.wasAudit, log[0].Before)
			}
		})
	}
}

// TestDeleteContentItem: an item is deleted only at the version read and
// only from its own group; the deletion is in the audit log.
func TestDeleteContentItem(t *testing.T) {
	f := newPresenterFixture(t)
	ctx := context.Background()
	saved, err := f.s.CreateContentItems(ctx, []content.Item{f.share(f.g1.ID, &f.lin)})
	if err != nil {
		t.Fatal(err)
	}
	it := saved[0]
	moved := it
	moved.ScheduledAt = it.ScheduledAt.Add(time.Hour)
	if it, err = f.s.UpdateContentItem(ctx, moved); err != nil { // now at version 2
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		group    int64
		version  int
		wantCode string
		gone     bool
	}{
		{name: "a stale version is refused", group: f.g1.ID, version: 1, wantCode: domain.ECONFLICT},
		{name: "another group cannot delete it", group: f.g2.ID, version: 2, wantCode: domain.ENOTFOUND},
		{name: "the version read deletes it", group: f.g1.ID, version: 2, gone: true},
		{name: "deleting again finds nothing", group: f.g1.ID, version: 2, wantCode: domain.ENOTFOUND, gone: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := f.s.DeleteContentItem(ctx, tc.group, it.ID, tc.version)
			if domain.ErrorCode(err) != tc.wantCode {
				t.Fatalf("err = %v, want code %q", err, tc.wantCode)
			}
			_, err = f.s.ContentItem(ctx, it.ID)
			if gone := domain.ErrorCode(err) == domain.ENOTFOUND; gone != tc.gone {
				t.Errorf("item gone = %v, want %v", gone, tc.gone)
			}
		})
	}
	log, err := f.s.AuditLog(ctx, domain.AuditFilter{Action: "content.delete"})
	if err != nil || len(log) != 1 || log[0].EntityID != it.ID || log[0].After != "" {
		t.Fatalf("audit of the deletion: %+v (%v)", log, err)
	}
	var before map[string]any
	_ = json.Unmarshal([]byte(log[0].Before), &before)
	if before["title"] != "剪映入门分享" || before["presenter"] != "林知秋" {
		t.Errorf("the audit keeps what was deleted: %s", log[0].Before)
	}
}

// TestCreateContentItemsAcrossGroups: one item per group is saved in one
// transaction, each with its own audit line; if one is refused none is
// saved.
func TestCreateContentItemsAcrossGroups(t *testing.T) {
	f := newPresenterFixture(t)
	ctx := context.Background()
	count := func() int {
		all, err := f.s.AllContentItems(ctx, f.at.Add(-time.Hour), f.at.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		return len(all)
	}
	tests := []struct {
		name     string
		items    []content.Item
		wantCode string
		wantNew  int
	}{
		{name: "one item in each group", items: []content.Item{f.share(f.g1.ID, &f.lin), f.share(f.g2.ID, &f.zhou)}, wantNew: 2},
		{name: "second presenter from the wrong group: nothing saved",
			items: []content.Item{f.share(f.g1.ID, &f.lin), f.share(f.g2.ID, &f.lin)}, wantCode: domain.EINVALID},
		{name: "an unknown group: nothing saved",
			items: []content.Item{f.share(f.g1.ID, nil), f.share(99999, nil)}, wantCode: domain.ENOTFOUND},
		{name: "a bad item: nothing saved",
			items:    []content.Item{f.share(f.g1.ID, nil), {GroupID: f.g2.ID, Type: "gossip", Format: content.Post, ScheduledAt: f.at, Status: content.Planned}},
			wantCode: domain.EINVALID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n0 := count()
			log0, _ := f.s.AuditLog(ctx, domain.AuditFilter{Action: "content.create"})
			saved, err := f.s.CreateContentItems(ctx, tc.items)
			if domain.ErrorCode(err) != tc.wantCode {
				t.Fatalf("err = %v, want code %q", err, tc.wantCode)
			}
			if got := count() - n0; got != tc.wantNew {
				t.Fatalf("%d new items, want %d", got, tc.wantNew)
			}
			log, _ := f.s.AuditLog(ctx, domain.AuditFilter{Action: "content.create"})
			if len(log)-len(log0) != tc.wantNew {
				t.Errorf("%d new audit lines, want %d", len(log)-len(log0), tc.wantNew)
			}
			for i, it := range saved {
				if it.GroupID != tc.items[i].GroupID || it.ID == 0 || it.Version != 1 {
					t.Errorf("saved[%d] = %+v", i, it)
				}
			}
		})
	}
}

// TestPresentedShares lists what earns share points: posted theme shares
// naming a presenter, and nothing else.
func TestPresentedShares(t *testing.T) {
	f := newPresenterFixture(t)
	ctx := context.Background()
	mk := func(title string, format content.Format, status content.Status, presenter *int64) content.Item {
		it := f.share(f.g1.ID, presenter)
		it.Title, it.Format, it.Status = title, format, status
		return it
	}
	if _, err := f.s.CreateContentItems(ctx, []content.Item{
		mk("posted with presenter", content.Share, content.Posted, &f.lin),
		mk("planned", content.Share, content.Planned, &f.lin),
		mk("skipped", content.Share, content.Skipped, &f.lin),
		mk("posted without presenter", content.Share, content.Posted, nil),
		mk("a post", content.Post, content.Posted, &f.lin),
	}); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.PresentedShares(ctx, f.g1.ID)
	if err != nil || len(got) != 1 || got[0].Title != "posted with presenter" || presenterOf(got[0]) != f.lin {
		t.Fatalf("presented shares %+v (%v), want the posted one with a presenter", got, err)
	}
	if other, _ := f.s.PresentedShares(ctx, f.g2.ID); len(other) != 0 {
		t.Errorf("乙群 has none: %+v", other)
	}
	names, err := f.s.MemberNames(ctx, []int64{f.lin, f.zhou, 99999})
	if err != nil || len(names) != 2 || names[f.lin] != "林知秋" || names[f.zhou] != "周末" {
		t.Errorf("names %v (%v)", names, err)
	}
}

// TestUndoImportClearsPresenter: undoing the import that created the
// presenter leaves the share without one (and without share points), and
// a window holding the old version must reload.
func TestUndoImportClearsPresenter(t *testing.T) {
	s, ctx := mustOpen(t), context.Background()
	g := mustGroup(t, s, "丙群")
	b, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, []domain.Member{{WxID: "wxid_new", Nickname: "新人"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(ctx, g.ID)
	it := content.Item{GroupID: g.ID, Type: content.News, Format: content.Share, ScheduledAt: t0, Status: content.Posted, PresenterID: &ms[0].ID}
	saved, err := s.CreateContentItems(ctx, []content.Item{it})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UndoBatch(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.ContentItem(ctx, saved[0].ID)
	if err != nil || got.PresenterID != nil || got.Version != 2 {
		t.Fatalf("after undo: %+v (%v), want no presenter at version 2", got, err)
	}
	if shares, _ := s.PresentedShares(ctx, g.ID); len(shares) != 0 {
		t.Errorf("shares after undo: %+v", shares)
	}
}

// TestUpgradeToPresenterColumn: a workspace at schema 16 with a content
// item upgrades to 17 (and on to the latest); the item keeps its fields, has no presenter, and
// can be given one.
func TestUpgradeToPresenterColumn(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v16.db")
	old := mustOpenAt(t, path, Options{targetVersion: 16})
	g := mustGroup(t, old, "老群")
	if err := old.db.Exec(`INSERT INTO content_items (group_id, type, format, title, body, scheduled_at, status, generated, reasons, version, created_at, updated_at)
		VALUES (?, 'tutorial', 'share', '老分享', '', ?, 'posted', false, '', 3, ?, ?)`, g.ID, t0.Unix(), t0, t0).Error; err != nil {
		t.Fatal(err)
	}
	old.Close()

	s := mustOpenAt(t, path, Options{})
	if v, _ := s.SchemaVersion(ctx); v != LatestVersion() {
		t.Fatalf("schema %d, want %d", v, LatestVersion())
	}
	items, err := s.ContentItems(ctx, g.ID, t0, t0.Add(time.Hour))
	if err != nil || len(items) != 1 || items[0].Title != "老分享" || items[0].Version != 3 || items[0].PresenterID != nil {
		t.Fatalf("items after upgrade: %+v (%v)", items, err)
	}
	// The member comes after the upgrade: today's code writes today's columns.
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, []domain.Member{{WxID: "wxid_a", Nickname: "阿一"}}, nil); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(ctx, g.ID)
	it := items[0]
	it.PresenterID = &ms[0].ID
	if _, err := s.UpdateContentItem(ctx, it); err != nil {
		t.Fatal(err)
	}
	if shares, err := s.PresentedShares(ctx, g.ID); err != nil || len(shares) != 1 {
		t.Errorf("presented shares after upgrade: %+v (%v)", shares, err)
	}
}
