package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// savedTemplates re-reads a group's templates from the workspace itself.
func savedTemplates(t *testing.T, db, group string) (automation.Welcome, []automation.KeywordReply, []domain.AuditEntry) {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	g, err := st.GroupByName(ctx, group)
	if err != nil {
		t.Fatal(err)
	}
	w, replies, err := st.AutomationTemplates(ctx, g.ID, "zh")
	if err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(ctx, domain.AuditFilter{GroupID: g.ID})
	if err != nil {
		t.Fatal(err)
	}
	return w, replies, log
}

func joinedActions(log []domain.AuditEntry) string {
	var out []string
	for _, e := range log {
		out = append(out, e.Action)
	}
	return strings.Join(out, " ")
}

// TestTemplatesSet: the welcome text and rules link change as the Reply
// assistant changes them, are checked the same way (an unknown placeholder
// is refused and nothing is saved) and are audited as welcome.update.
func TestTemplatesSet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书会"); code != 0 {
		t.Fatal(errs)
	}
	cases := []struct {
		name     string
		args     []string
		code     int
		text     string // the saved welcome afterwards
		link     string
		errorHas string
	}{
		{"text and link", []string{"--welcome", "欢迎 {成员} 来到{群名}，群规：{群规链接}", "--rules-link", "https://example.com/rules"}, 0,
			"欢迎 {成员} 来到{群名}，群规：{群规链接}", "https://example.com/rules", ""},
		{"link only", []string{"--rules-link", "https://example.com/v2"}, 0, "欢迎 {成员} 来到{群名}，群规：{群规链接}", "https://example.com/v2", ""},
		{"link cleared", []string{"--rules-link", ""}, 0, "欢迎 {成员} 来到{群名}，群规：{群规链接}", "", ""},
		{"unknown placeholder", []string{"--welcome", "欢迎 {昵称}"}, 1, "欢迎 {成员} 来到{群名}，群规：{群规链接}", "", "{昵称}"},
		{"nothing to change", nil, 2, "欢迎 {成员} 来到{群名}，群规：{群规链接}", "", "--welcome"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"templates", "set", "--group", "读书会"}, c.args...)
			code, _, errs := runCLI(t, db, args...)
			if code != c.code || !strings.Contains(errs, c.errorHas) {
				t.Fatalf("exit %d (want %d): %s", code, c.code, errs)
			}
			w, _, _ := savedTemplates(t, db, "读书会")
			if w.Text != c.text || w.RulesLink != c.link {
				t.Errorf("saved welcome %q, link %q; want %q, %q", w.Text, w.RulesLink, c.text, c.link)
			}
		})
	}
	_, _, log := savedTemplates(t, db, "读书会")
	if n := strings.Count(joinedActions(log), "welcome.update"); n != 3 {
		t.Errorf("%d welcome.update entries, want 3: %s", n, joinedActions(log))
	}
	// --json prints the saved message with its preview filled.
	code, out, errs := runCLI(t, db, "--json", "templates", "set", "--group", "读书会", "--welcome", "你好 {成员}")
	var w welcomeJSON
	if code != 0 || json.Unmarshal([]byte(out), &w) != nil || w.Text != "你好 {成员}" || w.Preview != "你好 新成员" || w.Version == 0 {
		t.Errorf("--json: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCLI(t, db, "--lang", "en", "templates", "set", "--group", "读书会"); code != 2 || !strings.Contains(errs, "Nothing to change") {
		t.Errorf("en usage: %d %s", code, errs)
	}
}

// TestTemplatesReplyAddEditRemove: a keyword reply is added last, edited
// (keywords, text, or both) and removed, each audited; bad input changes
// nothing.
func TestTemplatesReplyAddEditRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "售后服务群", "--type", "service", "--profile", "ecommerce"); code != 0 {
		t.Fatal(errs)
	}
	_, seeded, _ := savedTemplates(t, db, "售后服务群")

	code, out, errs := runCLI(t, db, "--json", "templates", "reply", "add", "--group", "售后服务群", "--keywords", "发票,开票", "--reply", "@{成员} 发票在订单页申请")
	var added keywordReplyJSON
	if code != 0 || json.Unmarshal([]byte(out), &added) != nil || added.ID == 0 {
		t.Fatalf("add: %d %s %s", code, out, errs)
	}
	_, replies, _ := savedTemplates(t, db, "售后服务群")
	last := replies[len(replies)-1]
	if len(replies) != len(seeded)+1 || last.ID != added.ID || strings.Join(last.Keywords, ",") != "发票,开票" || last.Reply != "@{成员} 发票在订单页申请" {
		t.Fatalf("after add: %+v", replies)
	}
	// The reply helper finds it at once.
	if code, out, _ := runCLI(t, db, "reply", "--group", "售后服务群", "怎么开发票", "--member", "赵敏"); code != 0 || !strings.Contains(out, "@赵敏 发票在订单页申请") {
		t.Errorf("reply after add:\n%s", out)
	}
	id := strconv.FormatInt(added.ID, 10)
	edits := []struct {
		name     string
		args     []string
		code     int
		keywords string
		reply    string
	}{
		{"reply text", []string{"--reply", "发票请在订单页申请"}, 0, "发票,开票", "发票请在订单页申请"},
		{"keywords", []string{"--keywords", "发票，报销"}, 0, "发票,报销", "发票请在订单页申请"},
		{"both", []string{"--keywords", "开票", "--reply", "开票找客服"}, 0, "开票", "开票找客服"},
		{"nothing", nil, 2, "开票", "开票找客服"},
		{"empty keywords", []string{"--keywords", ","}, 1, "开票", "开票找客服"},
		{"unknown placeholder", []string{"--reply", "{昵称} 你好"}, 1, "开票", "开票找客服"},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			args := append([]string{"templates", "reply", "edit", "--group", "售后服务群", "--id", id}, e.args...)
			if code, _, errs := runCLI(t, db, args...); code != e.code {
				t.Fatalf("exit %d (want %d): %s", code, e.code, errs)
			}
			_, replies, _ := savedTemplates(t, db, "售后服务群")
			k := replies[len(replies)-1]
			if strings.Join(k.Keywords, ",") != e.keywords || k.Reply != e.reply {
				t.Errorf("saved %v %q; want %s %q", k.Keywords, k.Reply, e.keywords, e.reply)
			}
		})
	}
	if code, _, errs := runCLI(t, db, "templates", "reply", "edit", "--group", "售后服务群", "--id", "99999", "--reply", "x"); code != 1 || !strings.Contains(errs, "99999") {
		t.Errorf("edit of a missing id: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, db, "templates", "reply", "remove", "--group", "售后服务群", "--id", "abc"); code != 2 || !strings.Contains(errs, "--id") {
		t.Errorf("bad id: %d %s", code, errs)
	}
	if code, out, errs := runCLI(t, db, "templates", "reply", "remove", "--group", "售后服务群", "--id", id); code != 0 || !strings.Contains(out, id) {
		t.Fatalf("remove: %d %s %s", code, out, errs)
	}
	_, replies, log := savedTemplates(t, db, "售后服务群")
	for _, k := range replies {
		if k.ID == added.ID {
			t.Errorf("reply %d still there after remove", k.ID)
		}
	}
	acts := joinedActions(log)
	if strings.Count(acts, "keyword_reply.create") != 1 || strings.Count(acts, "keyword_reply.update") != 3 || strings.Count(acts, "keyword_reply.delete") != 1 {
		t.Errorf("audit: %s", acts)
	}
	if code, _, _ := runCLI(t, db, "templates", "reply", "remove", "--group", "售后服务群", "--id", id); code != 1 {
		t.Errorf("removing twice: exit %d", code)
	}
}
