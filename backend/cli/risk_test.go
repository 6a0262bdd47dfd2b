package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/store"
)

func incidentsJSON(t *testing.T, db string, args ...string) []incidentJSON {
	t.Helper()
	code, out, errs := runCLI(t, db, append([]string{"incidents", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("incidents: %d %s", code, errs)
	}
	var list []incidentJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return list
}

// After `demo`, the deals group has a fraud and a complaint-burst incident
// and the class group a data leak, all open and opened now, but timed from
// their messages days before: overdue from the event, not 15 minutes from
// the demo's loading. Running demo again opens nothing new.
func TestDemoOpensIncidentsWithTimers(t *testing.T) {
	db := demoDB(t)
	list := incidentsJSON(t, db)
	byType := map[string]incidentJSON{}
	for _, i := range list {
		byType[i.Type] = i
		if i.Status != "open" || !i.Overdue || i.Level != 3 {
			t.Errorf("incident %+v: want open, level 3, overdue from its event", i)
		}
	}
	if len(list) != 3 {
		t.Fatalf("incidents %+v, want 3", list)
	}
	fraud, burst, leak := byType["fraud"], byType["public_opinion"], byType["data_leak"]
	opened, _ := time.Parse(time.RFC3339, fraud.OpenedAt)
	occurred, _ := time.Parse(time.RFC3339, fraud.OccurredAt)
	due, _ := time.Parse(time.RFC3339, fraud.DueAt)
	if !opened.Equal(now) || !occurred.Before(opened) || due.Sub(occurred) != 15*time.Minute {
		t.Errorf("fraud occurred %s, opened %s, due %s; want due 15 minutes after it occurred, before now",
			fraud.OccurredAt, fraud.OpenedAt, fraud.DueAt)
	}
	bo, _ := time.Parse(time.RFC3339, burst.OccurredAt)
	bd, _ := time.Parse(time.RFC3339, burst.DueAt)
	if bd.Sub(bo) != time.Hour || bo.Format("01-02 15:04") != "03-02 20:00" {
		t.Errorf("burst occurred %s due %s: want its first complaint, an hour", burst.OccurredAt, burst.DueAt)
	}
	// The table says each was found late, in words.
	code, out, _ := runCLI(t, db, "incidents")
	if code != 0 || !strings.Contains(out, "发生于 3月3日 22:00，发现时已超时 2 天") || !strings.Contains(out, "发生于 3月2日 20:00，发现时已超时 3 天") {
		t.Errorf("incidents table:\n%s", out)
	}
	code, out, _ = runCLI(t, db, "incidents", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Occurred Mar 3 22:00; already 2 d overdue when found") {
		t.Errorf("English incidents table:\n%s", out)
	}
	if !strings.Contains(fraud.Summary, "刷单") || fraud.Group != burst.Group {
		t.Errorf("fraud %+v / burst %+v", fraud, burst)
	}
	if len(burst.Evidence) < 5 || leak.Summary == "" || strings.Contains(leak.Summary, "13912345678") {
		t.Errorf("burst evidence %v, leak summary %q", burst.Evidence, leak.Summary)
	}
	if code, _, errs := runCLI(t, db, "demo"); code != 0 {
		t.Fatal(errs)
	}
	if again := incidentsJSON(t, db); len(again) != 3 {
		t.Errorf("demo twice: %d incidents", len(again))
	}

	// The hits of that week: the incidents' hits are decided, the rest wait.
	loc, _ := time.LoadLocation("Asia/Shanghai")
	week := metrics.WeekOf(now.In(loc).AddDate(0, 0, -7), loc).String()
	code, out, errs := runCLI(t, db, "risk", "--group", fraud.Group, "--week", week, "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var hits []hitJSON
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatal(err)
	}
	pending, opened3 := 0, 0
	for _, h := range hits {
		switch {
		case h.Level == 3 && h.Decision == "opened" && h.IncidentID != 0:
			opened3++
		case h.Level < 3 && h.Decision == "":
			pending++
		default:
			t.Errorf("hit %+v", h)
		}
	}
	if opened3 != 2 || pending < 6 {
		t.Errorf("%d opened and %d pending hits in %s: %s", opened3, pending, week, out)
	}
	code, out, _ = runCLI(t, db, "risk", "--group", fraud.Group, "--week", week)
	if code != 0 || !strings.Contains(out, "诈骗") || !strings.Contains(out, "待审核") || !strings.Contains(out, "已开事件 #") {
		t.Errorf("risk table:\n%s", out)
	}
}

func TestIncidentOpenCloseAndPlaybook(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "售后群"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, db, "incident", "open", "--group", "售后群", "--type", "public_opinion", "--level", "2", "--note", "客户电话13800001111")
	if code != 0 || !strings.Contains(out, "已开启事件 1（舆情，2 级），截止 03-06 21:00") {
		t.Fatalf("open: %d %q %s", code, out, errs)
	}
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"incident", "open", "--group", "售后群", "--type", "rumour", "--level", "2"}, 1, "未知的事件类型“rumour”"},
		{[]string{"incident", "open", "--group", "售后群", "--type", "fraud", "--level", "5"}, 1, "风险等级必须是 1、2 或 3"},
		{[]string{"incident", "open", "--group", "售后群", "--type", "fraud"}, 2, "--level"},
		{[]string{"incident", "close", "abc"}, 1, "事件编号“abc”无效"},
		{[]string{"incident", "close", "99"}, 1, "找不到编号为 99 的事件"},
		{[]string{"playbook", "--name", "nope", "--group", "售后群"}, 1, "未知的预案“nope”"},
	} {
		if code, _, errs := runCLI(t, db, tc.args...); code != tc.code || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: %d %q, want %d %q", tc.args, code, errs, tc.code, tc.err)
		}
	}
	// Without an incident the event stays standing and is named; opened
	// from one, it is that incident's type and day.
	code, out, errs = runCLI(t, db, "playbook", "--name", "pr_complaint", "--group", "售后群")
	if code != 0 || !strings.Contains(out, "关于{事件}，") || !strings.Contains(out, "售后群 3月6日 周三") ||
		!strings.Contains(errs, "还需填写：{事件}。事件可用 --incident 编号 从事件填入") {
		t.Errorf("playbook: %q %q", out, errs)
	}
	code, out, errs = runCLI(t, db, "playbook", "--name", "pr_complaint", "--group", "售后群", "--incident", "1")
	if code != 0 || !strings.Contains(out, "各位朋友，关于3月6日群友集中反映的问题，我们都已看到") || errs != "" {
		t.Errorf("playbook from incident 1: %q %q", out, errs)
	}
	code, out, _ = runCLI(t, db, "playbook", "--name", "legal_statement", "--group", "售后群", "--incident", "1", "--json")
	if code != 0 || !strings.Contains(out, `"missing": []`) || !strings.Contains(out, "关于3月6日群友集中反映的问题，本群郑重声明") {
		t.Errorf("playbook --json: %q", out)
	}
	if code, _, errs := runCLI(t, db, "playbook", "--name", "backup_notice", "--group", "售后群", "--json"); code != 0 || !strings.Contains(errs, "还需填写：{备用群}。备用群用 --backup 写明") {
		t.Errorf("backup notice without a backup group: %q", errs)
	}
	runCLI(t, db, "group", "add", "--name", "别的群")
	if code, _, errs := runCLI(t, db, "playbook", "--name", "pr_complaint", "--group", "别的群", "--incident", "1"); code != 1 || !strings.Contains(errs, "事件 1 不属于“别的群”") {
		t.Errorf("another group's incident: %d %q", code, errs)
	}
	code, out, _ = runCLI(t, db, "playbook", "--name", "backup_notice", "--group", "售后群", "--backup", "售后2群", "--lang", "en")
	if code != 0 || !strings.Contains(out, `"售后2群"`) || !strings.Contains(out, "Wed, Mar 6") {
		t.Errorf("en playbook: %q", out)
	}
	code, out, _ = runCLI(t, db, "playbooks")
	if code != 0 || !strings.Contains(out, "backup_notice") || !strings.Contains(out, "法律声明") {
		t.Errorf("playbooks: %q", out)
	}
	if code, out, _ := runCLI(t, db, "incident", "close", "1"); code != 0 || !strings.Contains(out, "事件 1 已关闭") {
		t.Fatalf("close: %q", out)
	}
	list := incidentsJSON(t, db, "--group", "售后群")
	if len(list) != 1 || list[0].Status != "closed" || list[0].ClosedAt == nil || list[0].Overdue {
		t.Fatalf("after close: %+v", list)
	}
	if code, _, errs := runCLI(t, db, "incident", "close", "1"); code != 0 {
		t.Errorf("closing twice: %s", errs)
	}
	// The note is sealed: the database holds no phone number in clear.
	raw, _ := os.ReadFile(db)
	wal, _ := os.ReadFile(db + "-wal")
	if strings.Contains(string(raw)+string(wal), "13800001111") {
		t.Error("the note's phone number is in the database file in clear")
	}
}

// The weekly report counts the week's incidents per group: the deals group
// opened a fraud and a complaint-burst incident at "now", both overdue from
// their events days before; closing one shows in the closed count.
func TestReportCountsIncidents(t *testing.T) {
	db := demoDB(t)
	list := incidentsJSON(t, db)
	var shop string
	for _, i := range list {
		if i.Type == "fraud" {
			shop = i.Group
		}
	}
	loc, _ := time.LoadLocation("Asia/Shanghai")
	week := metrics.WeekOf(now.In(loc), loc).String()
	html := reportFor(t, db, week, "--group", shop)
	if !strings.Contains(html, `data-section="incidents"`) || !strings.Contains(html, "开启 2 个，关闭 0 个，超时 2 个（开启的：舆情 1、诈骗 1、3 级 2）") {
		t.Errorf("report lacks the incidents line")
	}
	for _, i := range list {
		if i.Group == shop && i.Type == "fraud" {
			if code, _, errs := runCLI(t, db, "incident", "close", strconv.FormatInt(i.ID, 10)); code != 0 {
				t.Fatal(errs)
			}
		}
	}
	html = reportFor(t, db, week, "--group", shop, "--lang", "en")
	if !strings.Contains(html, "2 opened, 1 closed, 2 overdue (opened: Public opinion 1, Fraud 1, level 3 2)") {
		t.Errorf("English report lacks the incidents line")
	}
	// A week before the demo's incidents says so.
	prev := metrics.WeekOf(now.In(loc).AddDate(0, 0, -21), loc).String()
	if html := reportFor(t, db, prev, "--group", shop); !strings.Contains(html, "本周没有事件") {
		t.Errorf("an earlier week's report should say it had no incidents")
	}
}

func reportFor(t *testing.T, db, week string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.html")
	if code, _, errs := runCLI(t, db, append([]string{"report", "--week", week, "--appendix", "--out", out}, args...)...); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Importing a chat sweeps it: a complaint burst in the file opens a
// public-opinion incident at once, and importing the file again opens
// nothing more. Every risk change is in the audit log.
func TestImportChatOpensIncidentsAndAudits(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "好物福利群", "--staff", "客服小美"); code != 0 {
		t.Fatal(errs)
	}
	file := "../risk/testdata/complaint_burst_group.txt"
	code, out, errs := runCLI(t, db, "import", "chat", "--group", "好物福利群", file)
	if code != 0 || !strings.Contains(out, "自动开启了 1 个事件") {
		t.Fatalf("import: %d %q %s", code, out, errs)
	}
	list := incidentsJSON(t, db)
	if len(list) != 1 || list[0].Type != "public_opinion" || list[0].Level != 3 || len(list[0].Evidence) != 5 {
		t.Fatalf("incidents %+v", list)
	}
	if code, out, _ := runCLI(t, db, "import", "chat", "--group", "好物福利群", file); code != 0 || strings.Contains(out, "自动开启") {
		t.Errorf("second import: %q", out)
	}
	if n := len(incidentsJSON(t, db)); n != 1 {
		t.Errorf("%d incidents after importing twice", n)
	}
	if code, _, errs := runCLI(t, db, "incident", "close", strconv.FormatInt(list[0].ID, 10)); code != 0 {
		t.Fatal(errs)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	log, err := st.AuditLog(context.Background(), domain.AuditFilter{Entity: "incident"})
	if err != nil || len(log) != 2 || log[0].Action != "incident.update" || log[1].Action != "incident.open" {
		t.Fatalf("audit %+v %v", log, err)
	}
	if !strings.Contains(log[0].After, `"status":"closed"`) || !strings.Contains(log[0].Before, `"status":"open"`) {
		t.Errorf("close entry %+v", log[0])
	}
}
