package app

import (
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

func TestAutomationAssistant(t *testing.T) {
	a, gid := sampleApp(t)
	d, err := a.auto.Templates(gid)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Replies) == 0 || len(d.Placeholders) != 4 || !strings.Contains(d.Welcome.Preview.Text, "新成员") || d.MinScore <= 0 {
		t.Fatalf("templates = %+v", d)
	}
	p, err := a.auto.Preview(gid, "欢迎 {成员} 加入 {群名} {未知}", "", "赵敏")
	if err != nil || !strings.HasPrefix(p.Text, "欢迎 赵敏 加入 ") || strings.Join(p.Unknown, ",") != "未知" {
		t.Fatalf("preview = %+v %v", p, err)
	}
	if _, err := a.auto.SaveWelcome(gid, "欢迎 {未知}", "", d.Welcome.Version); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("unknown placeholder saved: %v", err)
	}
	w, err := a.auto.SaveWelcome(gid, "欢迎 {成员}！群规：{群规链接}", "https://example.com/r", d.Welcome.Version)
	if err != nil || w.Preview.Text != "欢迎 新成员！群规：https://example.com/r" || w.Version != d.Welcome.Version+1 {
		t.Fatalf("saved = %+v %v", w, err)
	}
	k, err := a.auto.SaveReply(gid, KeywordReplyDTO{Keywords: []string{"书单，推荐书"}, Reply: "@{成员} 书单见 {群规链接}"})
	if err != nil || len(k.Keywords) != 2 {
		t.Fatalf("reply = %+v %v", k, err)
	}
	m, err := a.auto.Ask(gid, "有没有推荐书单？", "Amy")
	if err != nil || len(m) == 0 || m[0].ID != k.ID || m[0].Filled.Text != "@Amy 书单见 https://example.com/r" {
		t.Fatalf("ask = %+v %v", m, err)
	}
	if err := a.auto.DeleteReply(gid, k.ID); err != nil {
		t.Fatal(err)
	}
	if m, _ := a.auto.Ask(gid, "有没有推荐书单？", ""); len(m) > 0 && m[0].ID == k.ID {
		t.Errorf("deleted reply still proposed")
	}
}

func TestAutomationHighlights(t *testing.T) {
	a, gid := sampleApp(t)
	h, err := a.auto.Highlights(gid, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Suggestions) == 0 || h.Suggestions[0].Replies != 2 || len(h.Library) != 0 || h.Digest != "" {
		t.Fatalf("highlights = %+v", h)
	}
	top := h.Suggestions[0]
	if _, err := a.auto.AddHighlight(gid, top.MessageID, "suggested"); err != nil {
		t.Fatal(err)
	}
	page, err := a.auto.Chat(gid, "2024-W10", "电子版")
	if err != nil || page.Total != 1 || !strings.Contains(page.Messages[0].Content, "电子版") {
		t.Fatalf("chat search = %+v %v", page, err)
	}
	if _, err := a.auto.AddHighlight(gid, page.Messages[0].ID, "staff"); err != nil {
		t.Fatal(err)
	}
	h, _ = a.auto.Highlights(gid, "2024-W10")
	if len(h.Library) != 2 || h.Suggestions[0].HighlightID == 0 || !strings.Contains(h.Digest, "3月4日 周一\n10:02 ") || !strings.Contains(h.Digest, "电子版") {
		t.Fatalf("after adding: %+v\n%s", h.Library, h.Digest)
	}
	all, _ := a.auto.Chat(gid, "2024-W10", "")
	for _, m := range all.Messages {
		if m.Kind == "system" {
			t.Fatalf("system message in the chat list: %+v", m)
		}
	}
	if err := a.auto.RemoveHighlight(gid, h.Library[0].ID); err != nil {
		t.Fatal(err)
	}
	if h, _ = a.auto.Highlights(gid, "2024-W10"); len(h.Library) != 1 {
		t.Fatalf("after removing: %+v", h.Library)
	}
}
