package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/automation"
	"qunzhu/backend/content"
	"qunzhu/backend/domain"
	"qunzhu/backend/risk"
)

// fillGroup gives group g a row in every table that holds a group's rows:
// members, chat, a member merge (undo rows), edits, plans, templates,
// incidents, reviews, rules and screening settings.
func fillGroup(t *testing.T, s *Store, g domain.Group) {
	t.Helper()
	ctx := context.Background()
	members, msgs := sampleImport(g.ID)
	b, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "m.csv", Format: "csv", Rows: len(members)}, members, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat, File: "c.txt", Format: "txt", Rows: len(msgs)}, nil, msgs); err != nil {
		t.Fatal(err)
	}
	// A member list import changing a member leaves a change row for undo.
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "m2.csv", Format: "csv", Rows: 1},
		[]domain.Member{{WxID: "wxid_b", Nickname: "陈晓雨", Phone: "13800001111"}}, nil); err != nil {
		t.Fatal(err)
	}
	_ = b
	ms, err := s.Members(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	byWx := map[string]domain.Member{}
	for _, m := range ms {
		byWx[m.WxID] = m
	}
	// A chat record of the same person merged into the listed member: undo rows.
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers},
		[]domain.Member{{Nickname: "周小舟"}, {WxID: "wxid_alias", SeenNames: []string{"小舟"}}}, nil); err != nil {
		t.Fatal(err)
	}
	ms, _ = s.Members(ctx, g.ID)
	var alias, into domain.Member
	for _, m := range ms {
		switch {
		case m.WxID == "wxid_alias":
			alias = m
		case m.Nickname == "周小舟":
			into = m
		}
	}
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat, Format: "pywxdump"}, nil, []domain.Message{
		{GroupID: g.ID, MemberID: &alias.ID, Kind: domain.KindText, SentAt: t0.Add(-90 * time.Minute), Content: "我也来", DedupeKey: "alias1"},
	}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.MergeMembers(ctx, g.ID, into.ID, 0, []int64{alias.ID}); err != nil {
		t.Fatalf("merge: %v", err)
	}
	a := byWx["wxid_a"]
	if _, err := s.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: a.ID, Version: a.Version, Tier: domain.TierCore}); err != nil {
		t.Fatal(err)
	}
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	must("dismiss tier", s.DismissTierSuggestion(ctx, g.ID, byWx["wxid_b"].ID, "2024-W11", domain.TierCore))
	must("review", s.ReviewViolation(ctx, g.ID, "ad:wxid_a:1709553600", domain.ReviewWarned))
	_, err = s.AddPoints(ctx, domain.PointGrant{GroupID: g.ID, MemberID: byWx["wxid_b"].ID, Points: 5, Reason: "分享"})
	must("points", err)
	mute := 0.25
	_, err = s.SetWeekInput(ctx, domain.WeekInput{GroupID: g.ID, Week: "2024-W10", MuteRate: &mute})
	must("week input", err)
	_, err = s.SaveContentItems(ctx, []content.Item{{GroupID: g.ID, Type: content.Tutorial, Format: content.Share, ScheduledAt: t0, Status: content.Planned}})
	must("content", err)
	_, err = s.SetCadence(ctx, content.DefaultCadence(g.ID, g.Type))
	must("cadence", err)
	_, _, err = s.AutomationTemplates(ctx, g.ID, "zh") // seeds the welcome and the keyword replies
	must("templates", err)
	stored, err := s.Messages(ctx, g.ID, t0.Add(-24*time.Hour), t0.Add(time.Hour))
	must("messages", err)
	_, err = s.AddHighlight(ctx, g.ID, stored[1].ID, automation.SourceStaff, "")
	must("highlight", err)
	_, _, err = s.OpenIncident(ctx, risk.NewIncident{GroupID: g.ID, Type: risk.Fraud, Level: 2, Summary: "冒充客服"})
	must("incident", err)
	must("dismiss hit", s.DismissHit(ctx, g.ID, "fraud:h:c0914"))
	_, err = s.SaveRiskSet(ctx, g.ID, risk.Set{Key: risk.SetOpinion, Level: 2, Enabled: true, Words: []string{"投诉"}})
	must("risk set", err)
	must("saved week", s.SaveWeeks(ctx, []domain.SavedWeek{{GroupID: g.ID, Key: "2024-W10", Generation: 1, Figures: []byte("{}")}}))
	_, err = s.SetGroupRules(ctx, g.ID, &domain.RuleSet{AdWords: []string{"代购"}, FloodCount: 5, FloodSeconds: 60, StrikeDays: 30, StrikeLimit: 3})
	must("rules", err)
	must("screening", s.SetSetting(ctx, "group_screening:"+strconv.FormatInt(g.ID, 10), "{}"))
	must("start", s.SetSetting(ctx, domain.SettingStartPrefix+strconv.FormatInt(g.ID, 10), `{"health":true}`))
	src, err := s.SaveLiveSource(ctx, domain.LiveSource{GroupID: g.ID, Kind: domain.LiveFolder, Folder: "/tmp/exports", Enabled: true})
	must("live source", err)
	must("live file", s.RecordLiveFile(ctx, domain.LiveFile{SourceID: src.ID, Name: "a.txt", Size: 10, ModTime: t0}))
	_, _, err = s.AddLiveAlert(ctx, domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertUnanswered, Key: "q1", At: t0})
	must("live alert", err)
}

// groupIDTables lists the tables with a group_id column, from the
// database's own catalog: a table added later is checked without a word here.
func groupIDTables(t *testing.T, s *Store) []string {
	t.Helper()
	var names []string
	var err error
	if s.IsServer() {
		err = s.db.Raw("SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'group_id' ORDER BY table_name").Scan(&names).Error
	} else {
		err = s.db.Raw("SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'group_id' ORDER BY m.name").Scan(&names).Error
	}
	if err != nil || len(names) < 10 {
		t.Fatalf("tables with group_id: %v, %v", names, err)
	}
	return names
}

// groupRows counts group id's rows in every table that can hold one: by
// group_id, by its batches, and its settings.
func groupRows(t *testing.T, s *Store, id int64, batches []int64) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, tbl := range groupIDTables(t, s) {
		var n int64
		if err := s.db.Table(tbl).Where("group_id = ?", id).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	for _, tbl := range batchTables {
		var n int64
		if len(batches) > 0 {
			if err := s.db.Table(tbl).Where("batch_id IN ?", batches).Count(&n).Error; err != nil {
				t.Fatal(err)
			}
		}
		out[tbl] = n
	}
	var n int64
	if err := s.db.Table("settings").Where("key LIKE ?", "group_%:"+strconv.FormatInt(id, 10)).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	out["settings"] = n
	if err := s.db.Table("chat_groups").Where("id = ?", id).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	out["chat_groups"] = n
	return out
}

func batchIDs(t *testing.T, s *Store, group int64) []int64 {
	var ids []int64
	if err := s.db.Table("import_batches").Where("group_id = ?", group).Pluck("id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestDeleteGroupLeavesNoRow: after a group is deleted no table holds a row
// of it, but the audit log, which keeps the deletion; another group keeps
// every row; a backup was made first and still holds the group.
func TestDeleteGroupLeavesNoRow(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	gone, kept := mustGroup(t, s, "要删的群"), mustGroup(t, s, "留下的群")
	fillGroup(t, s, gone)
	fillGroup(t, s, kept)

	goneBatches := batchIDs(t, s, gone.ID)
	before := groupRows(t, s, gone.ID, goneBatches)
	for tbl, n := range before {
		if n == 0 {
			t.Errorf("the fixture has no row of the group in %s: fill it in fillGroup so the delete is checked there", tbl)
		}
	}
	keptBefore := groupRows(t, s, kept.ID, batchIDs(t, s, kept.ID))

	d, err := s.DeleteGroups(ctx, []int64{gone.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Groups) != 1 || d.Groups[0] != "要删的群" || d.Members != 6 || d.Messages == 0 {
		t.Errorf("deletion %+v", d)
	}
	for tbl, n := range groupRows(t, s, gone.ID, goneBatches) {
		if tbl == "audit_log" {
			continue
		}
		if n != 0 {
			t.Errorf("%s still holds %d rows of the deleted group", tbl, n)
		}
	}
	if got := groupRows(t, s, kept.ID, batchIDs(t, s, kept.ID)); !equalCounts(got, keptBefore, "audit_log") {
		t.Errorf("the other group's rows changed:\n got %v\nwant %v", got, keptBefore)
	}

	log, err := s.AuditLog(ctx, domain.AuditFilter{GroupID: gone.ID, Action: "group.delete"})
	if err != nil || len(log) != 1 {
		t.Fatalf("audit: %+v, %v", log, err)
	}
	if e := log[0]; !strings.Contains(e.Before, `"name":"要删的群"`) || !strings.Contains(e.Before, `"members":6`) || e.After != "" {
		t.Errorf("audit entry %+v", e)
	}
	if _, err := s.Group(ctx, gone.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("the group reads back: %v", err)
	}
	if _, err := s.DeleteGroups(ctx, []int64{gone.ID}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("deleting it again: %v, want not found", err)
	}

	if s.IsServer() {
		if d.Backup != "" {
			t.Errorf("a server made a local backup %q", d.Backup)
		}
		return
	}
	b, err := FindBackup(s.Path(), d.Backup)
	if err != nil {
		t.Fatalf("backup %q: %v", d.Backup, err)
	}
	if _, err := os.Stat(filepath.Join(BackupsDir(s.Path()), d.Backup)); err != nil {
		t.Fatal(err)
	}
	old := mustOpenAt(t, filepath.Join(t.TempDir(), "restored.db"), Options{Clock: domain.FixedClock(t0)})
	old.Close()
	if err := copyFile(b.Path, old.Path(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(b.Path+".key", old.Path()+".key", 0o600); err != nil {
		t.Fatal(err)
	}
	back := mustOpenAt(t, old.Path(), Options{Clock: domain.FixedClock(t0)})
	if _, err := back.Group(ctx, gone.ID); err != nil {
		t.Errorf("the backup lacks the group: %v", err)
	}
}

func equalCounts(a, b map[string]int64, skip string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if k != skip && b[k] != v {
			return false
		}
	}
	return true
}

// TestDemoGroupsAreMarked: a group the demo was loaded into is marked Demo
// in the lists, another is not.
func TestDemoGroupsAreMarked(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	demo, own := mustGroup(t, s, "示例群"), mustGroup(t, s, "我的群")
	members, msgs := sampleImport(demo.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: demo.ID, Kind: domain.BatchDemo, Format: "demo", File: "demo"}, members, msgs); err != nil {
		t.Fatal(err)
	}
	members, msgs = sampleImport(own.ID)
	if _, err := s.SaveImport(ctx, domain.ImportBatch{GroupID: own.ID, Kind: domain.BatchChat, Format: "txt", File: "c.txt"}, members, msgs); err != nil {
		t.Fatal(err)
	}
	list, err := s.Groups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range list {
		if g.Demo != (g.ID == demo.ID) {
			t.Errorf("%s: Demo %v", g.Name, g.Demo)
		}
	}
	if sum, _ := s.GroupSummary(ctx, demo.ID); !sum.Demo {
		t.Error("GroupSummary of the demo group: not Demo")
	}
	ds, err := s.DemoGroups(ctx)
	if err != nil || len(ds) != 1 || ds[0].ID != demo.ID {
		t.Errorf("DemoGroups: %+v, %v", ds, err)
	}
}
