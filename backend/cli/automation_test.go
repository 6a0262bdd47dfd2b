package cli

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestTemplatesAndReply(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "售后服务群", "--type", "service", "--profile", "ecommerce"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, db, "templates", "--group", "售后服务群", "--json")
	if code != 0 {
		t.Fatalf("templates: exit %d: %s", code, errs)
	}
	var tpl templatesJSON
	if err := json.Unmarshal([]byte(out), &tpl); err != nil {
		t.Fatalf("templates --json: %v\n%s", err, out)
	}
	if !strings.Contains(tpl.Welcome.Text, "{成员}") || !strings.Contains(tpl.Welcome.Preview, "欢迎 新成员 加入「售后服务群」") ||
		!strings.Contains(tpl.Welcome.Preview, "3月6日 周三") || len(tpl.KeywordReplies) < 3 || len(tpl.Placeholders) != 4 {
		t.Fatalf("templates = %+v", tpl)
	}
	// The table names the keywords.
	if code, out, _ := runCLI(t, db, "templates", "--group", "售后服务群"); code != 0 || !strings.Contains(out, "退款、退货") || !strings.Contains(out, "欢迎语") {
		t.Errorf("templates table:\n%s", out)
	}

	code, out, errs = runCLI(t, db, "reply", "--group", "售后服务群", "买错了想退款怎么操作", "--member", "赵敏", "--json")
	if code != 0 {
		t.Fatalf("reply: exit %d: %s", code, errs)
	}
	var rep replyJSON
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Matches) == 0 || rep.Matches[0].Keywords[0] != "退款" || !strings.HasPrefix(rep.Matches[0].Text, "@赵敏 收到商品 7 天内") ||
		rep.Matches[0].Score < rep.MinScore || len(rep.Matches[0].Missing) != 0 {
		t.Fatalf("reply = %+v", rep)
	}
	// Without --member the placeholder stays, and the text says so.
	code, out, _ = runCLI(t, db, "reply", "--group", "售后服务群", "你们几点开门？")
	if code != 0 || !strings.Contains(out, "@{成员} 我们的营业时间") || !strings.Contains(out, "请手动补上：{成员}") {
		t.Errorf("reply text:\n%s", out)
	}
	if code, out, _ := runCLI(t, db, "reply", "--group", "售后服务群", "今天天气真好"); code != 0 || !strings.Contains(out, "没有足够匹配的回复") {
		t.Errorf("no match: %d %s", code, out)
	}
	if code, _, errs := runCLI(t, db, "reply", "--group", "售后服务群"); code != 2 || !strings.Contains(errs, "缺少问题") {
		t.Errorf("missing question: %d %s", code, errs)
	}
	if code, out, _ := runCLI(t, db, "--lang", "en", "reply", "--group", "售后服务群", "   "); code != 2 || out != "" {
		t.Errorf("blank question: %d %q", code, out)
	}
}

func TestHighlightsOnTheSampleChat(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书打卡交流群", "--staff", "林知秋"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCLI(t, db, "import", "chat", "--group", "读书打卡交流群", "../importer/testdata/memotrace_group_chat_utf8.csv"); code != 0 {
		t.Fatal(errs)
	}
	if code, out, _ := runCLI(t, db, "highlights", "--group", "读书打卡交流群", "--week", "2024-W10"); code != 0 || !strings.Contains(out, "还没有精华") {
		t.Fatalf("empty library: %d %s", code, out)
	}
	code, out, errs := runCLI(t, db, "highlights", "--group", "读书打卡交流群", "--week", "2024-W10", "--suggest", "--json")
	if code != 0 {
		t.Fatalf("suggest: %d %s", code, errs)
	}
	var sug []highlightJSON
	if err := json.Unmarshal([]byte(out), &sug); err != nil {
		t.Fatal(err)
	}
	if len(sug) < 3 || sug[0].Replies == nil || *sug[0].Replies != 2 || !strings.HasPrefix(sug[0].Content, "请问老师，这周六的线下读书会") ||
		sug[0].At != "2024-03-04T10:02:18+08:00" {
		t.Fatalf("suggestions = %s", out)
	}
	for _, i := range []int{1, 0} {
		if code, out, errs := runCLI(t, db, "highlight", "add", "--group", "读书打卡交流群", "--message", strconv.FormatInt(sug[i].MessageID, 10)); code != 0 || !strings.Contains(out, "加入精华") {
			t.Fatalf("add: %d %s %s", code, out, errs)
		}
	}
	code, out, _ = runCLI(t, db, "highlights", "--group", "读书打卡交流群", "--week", "2024-W10", "--text")
	want := "【读书打卡交流群】2024年第10周精华\n\n3月4日 周一\n09:16 林知秋：欢迎 @赵敏 加入！群规见群公告：每天打卡、不发广告、不拉人进其他群。\n10:02 晓雨-杭州：请问老师，这周六的线下读书会在哪里举办？需要提前报名吗？\n"
	if code != 0 || out != want {
		t.Fatalf("digest:\n%s", out)
	}
	var lib []highlightJSON
	_, out, _ = runCLI(t, db, "highlights", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if err := json.Unmarshal([]byte(out), &lib); err != nil || len(lib) != 2 || lib[0].Source != "staff" || lib[0].ID == 0 {
		t.Fatalf("library = %s (%v)", out, err)
	}
	if code, _, errs := runCLI(t, db, "highlight", "add", "--group", "读书打卡交流群", "--message", "99999"); code != 1 || !strings.Contains(errs, "没有编号为 99999 的消息") {
		t.Errorf("missing message: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, db, "highlight", "add", "--group", "读书打卡交流群", "--message", "abc"); code != 2 || !strings.Contains(errs, "--message") {
		t.Errorf("bad id: %d %s", code, errs)
	}
	// Without --week: the group's latest week with messages, the sample's.
	if code, left, errs := runCLI(t, db, "highlights", "--group", "读书打卡交流群", "--json"); code != 0 || left != out {
		t.Errorf("no --week: %d %s\n%s", code, errs, left)
	}
	// highlight remove takes one out (the screen's remove), audited; twice is refused.
	if code, out, errs := runCLI(t, db, "highlight", "remove", "--group", "读书打卡交流群", "--id", strconv.FormatInt(lib[0].ID, 10)); code != 0 || !strings.Contains(out, "移出精华库") {
		t.Fatalf("remove: %d %s %s", code, out, errs)
	}
	_, out, _ = runCLI(t, db, "highlights", "--group", "读书打卡交流群", "--week", "2024-W10", "--json")
	if err := json.Unmarshal([]byte(out), &lib); err != nil || len(lib) != 1 || !strings.HasPrefix(lib[0].Content, "请问老师") {
		t.Errorf("library after remove = %s (%v)", out, err)
	}
	if _, out, _ := runCLI(t, db, "audit", "--action", "highlight", "--json"); strings.Count(out, `"highlight.remove"`) != 1 {
		t.Errorf("audit after remove: %s", out)
	}
	if code, _, _ := runCLI(t, db, "highlight", "remove", "--group", "读书打卡交流群", "--id", "99999"); code != 1 {
		t.Errorf("removing a missing entry: exit %d", code)
	}
}
