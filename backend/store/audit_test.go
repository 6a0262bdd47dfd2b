package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/domain"
)

// TestAuditRecordsChangesWithOperator checks that a group's creation and an
// edit are logged under the operator's name, newest first, and that the
// filter narrows by action prefix.
func TestAuditRecordsChangesWithOperator(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	st.SetOperator("小王")
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "审计群", Type: domain.TypeInterest})
	if err != nil {
		t.Fatal(err)
	}
	in := domain.GroupInput{Name: "审计群2", Type: domain.TypeInterest}
	if _, err := st.UpdateGroup(ctx, g.ID, in); err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(ctx, domain.AuditFilter{Action: "group"})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Action != "group.update" || log[1].Action != "group.create" {
		t.Fatalf("log = %+v", log)
	}
	if log[0].Operator != "小王" || log[0].EntityID != g.ID || !strings.Contains(log[0].Before, "审计群") || !strings.Contains(log[0].After, "审计群2") {
		t.Fatalf("update entry = %+v", log[0])
	}
	if none, _ := st.AuditLog(ctx, domain.AuditFilter{Action: "member"}); len(none) != 0 {
		t.Fatalf("member filter matched %+v", none)
	}
}

// TestAuditEveryStoreChange runs each mutating store method once and checks
// the newest audit entry: its action, operator, entity and group, and that
// no personal field (phone, real name, notes) is in it in clear.
func TestAuditEveryStoreChange(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	st.SetOperator("小李")
	const phone, realName, notes = "13912345678", "王秀英", "私下说想退群"
	g := mustGroup(t, st, "审计读书会")
	if _, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "/home/op/名单.csv", Format: "csv"},
		[]domain.Member{{WxID: "wxid_a", Nickname: "陈晓雨", Phone: phone, RealName: realName, Tier: domain.TierNormal}}, nil); err != nil {
		t.Fatal(err)
	}
	member := func() domain.Member {
		ms, err := st.Members(ctx, g.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("members: %+v, %v", ms, err)
		}
		return ms[0]
	}
	at := time.Date(2024, 3, 4, 12, 0, 0, 0, time.UTC)
	items, err := st.SaveContentItems(ctx, []content.Item{
		{GroupID: g.ID, Type: content.Tutorial, Format: content.Share, ScheduledAt: at, Status: content.Planned},
		{GroupID: g.ID, Type: content.Interactive, Format: content.LiveSession, ScheduledAt: at.Add(48 * time.Hour), Status: content.Planned},
	})
	if err != nil {
		t.Fatal(err)
	}
	mute := 0.25
	cases := []struct {
		name, action, entity string
		do                   func() error
		before, after        []string // substrings the snapshots must hold
	}{
		{"import", "import.members", "batch", func() error {
			_, err := st.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "/tmp/第二份.csv", Format: "csv", Rows: 1},
				[]domain.Member{{WxID: "wxid_b", Nickname: "林知秋", Phone: "13800001111"}}, nil)
			return err
		}, nil, []string{`"file":"第二份.csv"`, `"rows":1`, `"kind":"members"`}},
		{"undo", "import.undo", "batch", func() error {
			bs, _ := st.Batches(ctx, g.ID)
			return st.UndoBatch(ctx, bs[0].ID)
		}, []string{`"file":"第二份.csv"`}, nil},
		{"member edit", "member.update", "member", func() error {
			m := member()
			_, err := st.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: m.ID, Version: m.Version, Tier: domain.TierCore, Notes: notes})
			return err
		}, []string{`"tier":"normal"`, `"notes":"***"`, `"name":"陈晓雨"`}, []string{`"tier":"core"`, `"tier_locked":true`}},
		{"tier accept", "tier.accept", "member", func() error {
			m := member()
			_, err := st.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: m.ID, Version: m.Version, Tier: domain.TierNormal,
				Source: domain.TierSourceSuggestion, Week: "2024-W10", Notes: notes})
			return err
		}, []string{`"tier":"core"`}, []string{`"tier":"normal"`, `"week":"2024-W10"`}},
		{"tier dismiss", "tier.dismiss", "member", func() error {
			return st.DismissTierSuggestion(ctx, g.ID, member().ID, "2024-W11", domain.TierCore)
		}, nil, []string{`"week":"2024-W11"`, `"to":"core"`}},
		{"violation dismiss", "violation.dismiss", "violation", func() error {
			return st.DismissViolation(ctx, g.ID, "ad:wxid_a:1709553600")
		}, nil, []string{`"decision":"dismissed"`, `"key":"ad:wxid_a:1709553600"`}},
		{"violation review", "violation.review", "violation", func() error {
			return st.ReviewViolation(ctx, g.ID, "ad:wxid_a:1709553600", domain.ReviewWarned)
		}, []string{`"decision":"dismissed"`}, []string{`"decision":"warned"`}},
		{"points", "points.add", "member", func() error {
			_, err := st.AddPoints(ctx, domain.PointGrant{GroupID: g.ID, MemberID: member().ID, Points: 20, Reason: "读书分享"})
			return err
		}, nil, []string{`"points":20`, `"reason":"读书分享"`}},
		{"removal", "member.remove", "member", func() error {
			m := member()
			_, err := st.MarkRemoved(ctx, g.ID, m.ID, m.Version, st.clock.Now())
			return err
		}, []string{`"left_at":null`}, []string{`"left_at":"20`}},
		{"week input", "input.update", "week", func() error {
			_, err := st.SetWeekInput(ctx, domain.WeekInput{GroupID: g.ID, Week: "2024-W10", MuteRate: &mute})
			return err
		}, nil, []string{`"week":"2024-W10"`, `"mute_rate":0.25`}},
		{"content edit", "content.update", "content", func() error {
			it := items[0]
			it.Title = "三月书单"
			_, err := st.UpdateContentItem(ctx, it)
			return err
		}, []string{`"title":""`}, []string{`"title":"三月书单"`}},
		{"content mark", "content.mark", "content", func() error {
			reach := 120
			_, err := st.SetContentStatus(ctx, items[1].ID, items[1].Version, content.Posted, content.Results{Reach: &reach})
			return err
		}, []string{`"status":"planned"`, `"reach":null`}, []string{`"status":"posted"`, `"reach":120`}},
		{"cadence", "cadence.update", "cadence", func() error {
			c, err := st.Cadence(ctx, g)
			if err != nil {
				return err
			}
			c.DailyCap = 2
			_, err = st.SetCadence(ctx, c)
			return err
		}, []string{`"daily_cap":3`}, []string{`"daily_cap":2`}},
		{"rules", "rules.update", "group", func() error {
			_, err := st.SetGroupRules(ctx, g.ID, &domain.RuleSet{AdWords: []string{"代购"}, FloodCount: 5, FloodSeconds: 60, StrikeDays: 30, StrikeLimit: 3})
			return err
		}, nil, []string{`"ad_words":["代购"]`}},
		{"rules reset", "rules.reset", "group", func() error {
			_, err := st.SetGroupRules(ctx, g.ID, nil)
			return err
		}, []string{`"ad_words":["代购"]`}, nil},
		{"live source", "live.source.save", "live_source", func() error {
			_, err := st.SaveLiveSource(ctx, domain.LiveSource{GroupID: g.ID, Kind: domain.LiveFolder, Folder: "/exports"})
			return err
		}, nil, []string{`"kind":"folder"`, `"folder":"/exports"`, `"every_seconds":60`}},
		{"live alert dismiss", "live.alert.dismiss", "live_alert", func() error {
			a, _, err := st.AddLiveAlert(ctx, domain.LiveAlert{GroupID: g.ID, Kind: domain.AlertRisk, Key: "m:1", Level: 2, At: at, Name: "陈晓雨", Text: "加我私聊"})
			if err != nil {
				return err
			}
			return st.CloseLiveAlert(ctx, a.ID, domain.AlertDismissed, at)
		}, []string{`"closed":""`}, []string{`"closed":"dismissed"`, `"key":"m:1"`}},
		{"live source remove", "live.source.remove", "live_source", func() error {
			return st.DeleteLiveSource(ctx, g.ID)
		}, []string{`"folder":"/exports"`}, nil},
		{"setting", "settings.update", "setting", func() error {
			return st.SetSetting(ctx, domain.SettingLanguage, "en")
		}, nil, []string{`"key":"ui.language"`, `"value":"en"`}},
		{"operator name", "settings.update", "setting", func() error {
			_, err := st.SetOperatorName(ctx, "阿珍")
			return err
		}, nil, []string{`"key":"operator_name"`, `"value":"阿珍"`}},
	}
	var all []domain.AuditEntry
	for _, c := range cases {
		before, _ := st.AuditLog(ctx, domain.AuditFilter{})
		if err := c.do(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		log, err := st.AuditLog(ctx, domain.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != len(before)+1 {
			t.Fatalf("%s: %d new entries, want 1: %+v", c.name, len(log)-len(before), log[0])
		}
		e := log[0]
		if e.Action != c.action || e.Entity != c.entity || e.Operator != "小李" {
			t.Errorf("%s: entry %+v, want action %s entity %s by 小李", c.name, e, c.action, c.entity)
		}
		if e.GroupID != g.ID && c.entity != "setting" {
			t.Errorf("%s: group %d, want %d", c.name, e.GroupID, g.ID)
		}
		for _, w := range c.before {
			if !strings.Contains(e.Before, w) {
				t.Errorf("%s: before %s lacks %s", c.name, e.Before, w)
			}
		}
		for _, w := range c.after {
			if !strings.Contains(e.After, w) {
				t.Errorf("%s: after %s lacks %s", c.name, e.After, w)
			}
		}
		all = append(all, e)
	}
	log, _ := st.AuditLog(ctx, domain.AuditFilter{})
	for _, e := range log {
		for _, secret := range []string{phone, realName, notes, "13800001111"} {
			if strings.Contains(e.Before+e.After, secret) {
				t.Errorf("%s entry holds %q in clear: %s → %s", e.Action, secret, e.Before, e.After)
			}
		}
	}
	// A repeated decision or an unchanged cadence records nothing new.
	n := len(log)
	if err := st.ReviewViolation(ctx, g.ID, "ad:wxid_a:1709553600", domain.ReviewWarned); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.AuditLog(ctx, domain.AuditFilter{}); len(again) != n {
		t.Errorf("a repeated decision was logged: %+v", again[0])
	}
	// The window's size is a preference nobody decides: not logged.
	if err := st.SetSetting(ctx, domain.SettingWindow, `{"w":1200}`); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.AuditLog(ctx, domain.AuditFilter{}); len(again) != n {
		t.Errorf("window size was logged: %+v", again[0])
	}
}

// TestAuditOperatorResolution: a process name (--operator, QUNZHU_OPERATOR)
// wins over the workspace setting, which wins over the default.
func TestAuditOperatorResolution(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	if name, src, _ := st.OperatorSource(ctx); name != domain.DefaultOperator || src != OperatorFromDefault {
		t.Fatalf("default: %s %s", name, src)
	}
	if _, err := st.SetOperatorName(ctx, "  阿珍 "); err != nil {
		t.Fatal(err)
	}
	if name, src, _ := st.OperatorSource(ctx); name != "阿珍" || src != OperatorFromSetting {
		t.Fatalf("setting: %s %s", name, src)
	}
	mustGroup(t, st, "群一")
	st.SetOperator("小王")
	mustGroup(t, st, "群二")
	log, _ := st.AuditLog(ctx, domain.AuditFilter{Action: "group.create"})
	if len(log) != 2 || log[0].Operator != "小王" || log[1].Operator != "阿珍" {
		t.Fatalf("operators: %+v", log)
	}
	// Naming the operator is itself recorded, under the new name.
	if ops, _ := st.AuditOperators(ctx); len(ops) != 2 || !slices.Contains(ops, "小王") || !slices.Contains(ops, "阿珍") {
		t.Errorf("operators in the log: %v", ops)
	}
	for _, bad := range []string{strings.Repeat("长", domain.OperatorMaxLen+1), "a\nb"} {
		if _, err := st.SetOperatorName(ctx, bad); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("SetOperatorName(%q) = %v, want EINVALID", bad, err)
		}
	}
}

// TestAuditAppendOnly: the store offers no way to change or remove an audit
// row (no method, and no statement in its code), and the table itself
// refuses UPDATE and DELETE (and on PostgreSQL TRUNCATE).
func TestAuditAppendOnly(t *testing.T) {
	typ := reflect.TypeOf(&Store{})
	for i := 0; i < typ.NumMethod(); i++ {
		name := typ.Method(i).Name
		if strings.Contains(name, "Audit") && name != "AuditLog" && name != "AuditOperators" {
			t.Errorf("Store.%s: only AuditLog and AuditOperators may touch the audit log", name)
		}
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	writes := regexp.MustCompile(`(?i)(Delete|Save|Update|Updates|UpdateColumn|UpdateColumns)\(&auditRow|Model\(&auditRow\{\}\)\.(Update|Delete)|(UPDATE|DELETE FROM)\s+audit_log|DROP TABLE audit_log|Migrator\(\)\.DropTable\(&auditRow`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "CREATE TRIGGER") {
				continue // the guard itself names UPDATE and DELETE
			}
			if writes.MatchString(line) {
				t.Errorf("%s writes over the audit log: %s", f, strings.TrimSpace(line))
			}
		}
	}

	st := mustOpen(t)
	mustGroup(t, st, "群")
	refused := []string{"UPDATE audit_log SET operator = 'x'", "DELETE FROM audit_log"}
	if st.IsServer() {
		refused = append(refused, "TRUNCATE audit_log")
	}
	for _, q := range refused {
		err := st.db.Exec(q).Error
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused", q, err)
		}
	}
	if log, _ := st.AuditLog(context.Background(), domain.AuditFilter{}); len(log) != 1 || log[0].Operator != domain.DefaultOperator {
		t.Errorf("log after refused writes: %+v", log)
	}
}

func TestAuditDiff(t *testing.T) {
	type snap struct {
		Week  string   `json:"week"`
		A     int      `json:"a"`
		B     []string `json:"b"`
		Notes string   `json:"notes,omitempty"`
	}
	b, a := auditDiff(snap{Week: "W1", A: 1, B: []string{"x"}, Notes: "***"}, snap{Week: "W1", A: 2, B: []string{"x"}, Notes: "***"}, "week")
	got := auditJSON(b) + " " + auditJSON(a)
	if want := `{"a":1,"notes":"***","week":"W1"} {"a":2,"notes":"***","week":"W1"}`; got != want {
		t.Errorf("diff = %s, want %s", got, want)
	}
	if b, a := auditDiff(nil, snap{A: 1}); b != nil || string(a["a"]) != "1" {
		t.Errorf("create diff = %v %v", b, a)
	}
}

// TestAuditGroupSetting: a per-group JSON setting (screening criteria) is
// logged against its group, field by field.
func TestAuditGroupSetting(t *testing.T) {
	ctx := context.Background()
	st := mustOpen(t)
	g := mustGroup(t, st, "群")
	key := "group_screening:" + strconv.FormatInt(g.ID, 10)
	if err := st.SetSetting(ctx, key, `{"regions":["上海"],"open_hour":9}`); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, key, `{"regions":["上海","杭州"],"open_hour":9}`); err != nil {
		t.Fatal(err)
	}
	log, _ := st.AuditLog(ctx, domain.AuditFilter{GroupID: g.ID, Action: "settings"})
	if len(log) != 2 || log[0].Before != `{"key":"`+key+`","regions":["上海"]}` || log[0].After != `{"key":"`+key+`","regions":["上海","杭州"]}` {
		t.Fatalf("log = %+v", log)
	}
}
