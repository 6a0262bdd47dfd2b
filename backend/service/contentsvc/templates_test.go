package contentsvc_test

import (
	"context"
	"strings"
	"testing"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
)

// TestTemplatesEditsAndAsk: the first look seeds the defaults; the welcome
// and a keyword reply are edited field by field at the version just read
// (what the command line does) or at the version the window read (a stale
// one is refused); the reply helper finds the edit and fills the date from
// the service's clock.
func TestTemplatesEditsAndAsk(t *testing.T) {
	st, svc, g, _ := workspace(t)
	ctx := context.Background()
	tpl, err := svc.Templates(ctx, g.ID, "zh")
	if err != nil || len(tpl.Replies) == 0 || !strings.Contains(tpl.Preview.Text, "新成员") {
		t.Fatalf("templates = %+v (%v)", tpl, err)
	}
	link := "https://example.com/r"
	w, err := svc.EditWelcome(ctx, g.ID, nil, &link, "zh")
	if err != nil || w.Welcome.Text != tpl.Welcome.Text || w.Welcome.RulesLink != link || w.Welcome.Version != tpl.Welcome.Version+1 {
		t.Fatalf("link edit = %+v (%v)", w, err)
	}
	text := "{日期} 欢迎 {成员}"
	if w, err = svc.EditWelcome(ctx, g.ID, &text, nil, "zh"); err != nil || !strings.HasPrefix(w.Preview.Text, "3月6日 周三 欢迎 新成员") {
		t.Fatalf("text edit = %+v (%v)", w, err)
	}
	if _, err := svc.SaveWelcome(ctx, automation.Welcome{GroupID: g.ID, Text: "旧", Version: tpl.Welcome.Version}, "zh"); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Errorf("stale welcome: %v", err)
	}
	if _, err := svc.EditWelcome(ctx, g.ID, nil, nil, "zh"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("nothing to change: %v", err)
	}
	first := tpl.Replies[0]
	reply := "@{成员} 见群公告"
	k, err := svc.EditReply(ctx, g.ID, first.ID, []string{"公告", "通知"}, &reply, "zh")
	if err != nil || k.Version != first.Version+1 || k.Reply != reply {
		t.Fatalf("reply edit = %+v (%v)", k, err)
	}
	if _, err := svc.EditReply(ctx, g.ID, 99999, nil, &reply, "zh"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("missing reply: %v", err)
	}
	matches, err := svc.Ask(ctx, g.ID, "群公告在哪里", "赵敏", "zh")
	if err != nil || len(matches) == 0 || matches[0].Reply.ID != first.ID || matches[0].Filled.Text != "@赵敏 见群公告" {
		t.Fatalf("ask = %+v (%v)", matches, err)
	}
	if err := svc.DeleteReply(ctx, g.ID, first.ID); err != nil {
		t.Fatal(err)
	}
	_, replies, _ := st.AutomationTemplates(ctx, g.ID, "zh")
	if len(replies) != len(tpl.Replies)-1 {
		t.Errorf("%d replies after delete, want %d", len(replies), len(tpl.Replies)-1)
	}
}
