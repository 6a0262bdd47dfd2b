package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// demoWeek is the last full week of the demo workspace at the tests' clock.
const demoWeek = "2024-W09"

func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	return db
}

func reportOf(t *testing.T, db string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.html")
	code, _, errs := runCLI(t, db, append([]string{"report", "--week", demoWeek, "--out", out}, args...)...)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReportOfTheDemoWorkspace(t *testing.T) {
	db := demoDB(t)
	html := reportOf(t, db, "--appendix")
	_, out, _ := runCLI(t, db, "group", "list", "--json")
	var groups []groupJSON
	if err := json.Unmarshal([]byte(out), &groups); err != nil || len(groups) != 3 {
		t.Fatalf("group list: %v %s", err, out)
	}
	totalMessages, totalMembers := 0, 0
	for _, g := range groups {
		if !strings.Contains(html, "<h2>"+g.Name+"</h2>") {
			t.Errorf("no section for %s", g.Name)
		}
		// The figures are those of `metrics --json`, row by row.
		_, mj, _ := runCLI(t, db, "metrics", "--group", g.Name, "--week", demoWeek, "--json")
		var m struct {
			Messages         int  `json:"messages"`
			MembersEnd       int  `json:"members_end"`
			HealthScore      *int `json:"health_score"`
			ChecksApplicable int  `json:"checks_applicable"`
		}
		if err := json.Unmarshal([]byte(mj), &m); err != nil {
			t.Fatal(err)
		}
		totalMessages += m.Messages
		totalMembers += m.MembersEnd
		score := "未测量"
		switch {
		case m.Messages == 0:
			score = "群已沉寂"
		case m.HealthScore != nil:
			score = fmt.Sprintf("%d（基于 %d/5 项）", *m.HealthScore, m.ChecksApplicable)
		}
		// The indicators table sets the week beside `metrics` of the week before.
		_, pj, _ := runCLI(t, db, "metrics", "--group", g.Name, "--week", "2024-W08", "--json")
		var prev struct {
			Messages int `json:"messages"`
		}
		if err := json.Unmarshal([]byte(pj), &prev); err != nil {
			t.Fatal(err)
		}
		ind := fmt.Sprintf(`<tr><td>消息数</td><td class="num">%s 条</td><td class="num">%s 条</td>`, thousands(m.Messages), thousands(prev.Messages))
		if !strings.Contains(html, ind) {
			t.Errorf("%s: messages against last week differ from metrics --json: want %s", g.Name, ind)
		}
		row := fmt.Sprintf(`<tr><td>%s</td><td class="num">%s</td><td class="num">%s</td><td class="num">%s</td>`, g.Name, score, thousands(m.MembersEnd), thousands(m.Messages))
		if !strings.Contains(html, row) {
			t.Errorf("cover row of %s differs from metrics --json: want %s", g.Name, row)
		}
	}
	for _, want := range []string{fmt.Sprintf(`<div class="v">%s</div><div class="k">本周消息</div>`, thousands(totalMessages)),
		fmt.Sprintf(`<div class="v">%s</div><div class="k">周末在群成员</div>`, thousands(totalMembers))} {
		if !strings.Contains(html, want) {
			t.Errorf("cover lacks %s", want)
		}
	}
	for _, check := range []string{"免打扰率", "响应时效（中位）", "链接点击率", "新入群", "主题分享"} {
		if n := strings.Count(html, "<tr><td>"+check+"</td><td>"); n != 3 {
			t.Errorf("check %s listed %d times, want once per group", check, n)
		}
	}
	if n := len(regexp.MustCompile(`<div class="chart chart-(trend|heatmap|response|tiers)" id="chart-`).FindAllString(html, -1)); n != 12 {
		t.Errorf("%d chart divs, want 4 per group", n)
	}
	if !strings.Contains(html, "Licensed to the Apache Software Foundation") || !strings.Contains(html, "echarts.init(") {
		t.Error("echarts is not inlined")
	}
	if regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:)?//`).MatchString(html) {
		t.Error("the report loads something from the network")
	}
	if len(html) > 5<<20 {
		t.Errorf("report is %d bytes, over 5 MB", len(html))
	}
}

func TestReportOfOneGroupInEnglish(t *testing.T) {
	db := demoDB(t)
	html := reportOf(t, db, "--group", "考研英语冲刺3班", "--lang", "en", "--appendix")
	if !strings.Contains(html, "<h2>考研英语冲刺3班</h2>") || strings.Contains(html, "<h2>好物折扣福利群</h2>") {
		t.Error("--group did not pick the one group")
	}
	out := filepath.Join(t.TempDir(), "one.html")
	_, j, _ := runCLI(t, db, "report", "--week", demoWeek, "--group", "考研英语冲刺3班", "--out", out, "--json")
	var res reportJSON
	if err := json.Unmarshal([]byte(j), &res); err != nil || res.File != out || res.Week != demoWeek || len(res.Groups) != 1 || res.Bytes == 0 {
		t.Errorf("report --json = %s (%v)", j, err)
	}
	if !strings.Contains(html, `<html lang="en">`) || !strings.Contains(html, "<h2>Appendix · Definitions</h2>") || !strings.Contains(html, "The five health checks") {
		t.Error("--lang en did not give an English report")
	}
}

func TestReportErrors(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "r.html")
	for _, c := range []struct {
		args    []string
		code    int
		wantErr string
	}{
		{[]string{"report", "--week", "2024-W60", "--out", out}, 1, "无法识别的周“2024-W60”"},
		{[]string{"report", "--week", "2024-W09", "--group", "没有这个群", "--out", out}, 1, "找不到社群“没有这个群”"},
		{[]string{"report", "--week", "2024-W09"}, 2, "--out"},
		{[]string{"report", "--week", "2024-W09", "--out", filepath.Join(out, "no", "such", "dir.html")}, 1, "无法写入周报文件"},
	} {
		code, _, errs := runCLI(t, db, c.args...)
		if code != c.code || !strings.Contains(errs, c.wantErr) {
			t.Errorf("%v: exit %d %q, want %d and %q", c.args, code, errs, c.code, c.wantErr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed report left a file behind")
	}
	empty := filepath.Join(t.TempDir(), "e.db")
	if code, _, errs := runCLI(t, empty, "report", "--week", "2024-W09", "--out", out); code != 1 || !strings.Contains(errs, "还没有社群") {
		t.Errorf("empty workspace: exit %d %q", code, errs)
	}
}

// TestReportEscapesImportedNames imports a member list and a chat whose
// names and text are markup; the report shows them as text.
func TestReportEscapesImportedNames(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	members := filepath.Join(dir, "members.csv")
	chat := filepath.Join(dir, "chat.csv")
	os.WriteFile(members, []byte("序号,昵称,群昵称,微信号,备注,手机号,性别,地区,入群时间,入群方式,邀请人,标签\n"+
		"1,<script>alert(1)</script>,,wxid_evil,,,,,2024/2/27 20:00,,,\n"+
		"2,\"=HYPERLINK(\"\"x\"\")\",,wxid_formula,,,,,2024/2/28 20:00,,,\n"), 0o644)
	os.WriteFile(chat, []byte("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"+
		"1,1,1,0,0,1709035200,3,</script><script>alert(2)</script>,2024-02-27 20:00:00,,<script>alert(1)</script>,wxid_evil\n"+
		"2,1,1,0,0,1709035260,3,打卡 </script>,2024-02-27 20:01:00,,\"=HYPERLINK(\"\"x\"\")\",wxid_formula\n"), 0o644)
	for _, args := range [][]string{
		{"group", "add", "--name", "<b>群</b>"},
		{"import", "members", "--group", "<b>群</b>", members},
		{"import", "chat", "--group", "<b>群</b>", "--format", "memotrace", chat},
	} {
		if code, _, errs := runCLI(t, db, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	out := filepath.Join(dir, "r.html")
	if code, _, errs := runCLI(t, db, "report", "--week", demoWeek, "--appendix", "--out", out); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(out)
	html := string(b)
	if n := strings.Count(html, "<script"); n != 2 {
		t.Errorf("%d <script tags, want the report's own 2", n)
	}
	for _, want := range []string{"<h2>&lt;b&gt;群&lt;/b&gt;</h2>", "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", "<td>=HYPERLINK(&#34;x&#34;)</td>"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %s", want)
		}
	}
}

// thousands writes n as the report does, with a comma every three digits
// (12,332).
func thousands(n int) string {
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return thousands(n/1000) + fmt.Sprintf(",%03d", n%1000)
}
