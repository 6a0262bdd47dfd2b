package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
)

func TestAutomationTemplatesSeedOnceThenEdit(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g, err := s.CreateGroup(ctx, domain.GroupInput{Name: "客服群", Type: domain.TypeService})
	if err != nil {
		t.Fatal(err)
	}
	w, replies, err := s.AutomationTemplates(ctx, g.ID, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if w.Text != automation.DefaultWelcome(domain.ProfileEducation, "zh") || w.Version != 1 {
		t.Fatalf("welcome = %+v", w)
	}
	if len(replies) != len(automation.DefaultReplies(domain.ProfileEducation, domain.TypeService, "zh")) || replies[0].ID == 0 {
		t.Fatalf("replies = %+v", replies)
	}
	// A second look (even in English) saves nothing more.
	_, again, _ := s.AutomationTemplates(ctx, g.ID, "en")
	if len(again) != len(replies) || again[0].Reply != replies[0].Reply {
		t.Fatalf("second read re-seeded: %+v", again)
	}

	w.Text, w.RulesLink = "欢迎 {成员} 加入 {群名}，群规：{群规链接}", "https://example.com/rules"
	saved, err := s.SaveWelcome(ctx, w, "zh")
	if err != nil || saved.Version != 2 {
		t.Fatalf("save: %+v %v", saved, err)
	}
	// The same edit from a window that read version 1 is refused.
	if _, err := s.SaveWelcome(ctx, w, "zh"); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("stale save: %v", err)
	}
	w.Version = saved.Version
	w.Text = "欢迎 {新人}"
	if _, err := s.SaveWelcome(ctx, w, "zh"); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("unknown placeholder saved: %v", err)
	}

	k, err := s.SaveKeywordReply(ctx, automation.KeywordReply{GroupID: g.ID, Keywords: []string{"会员卡", "积分卡"}, Reply: "@{成员} 会员卡在小程序领取"}, "zh")
	if err != nil || k.ID == 0 || k.Version != 1 {
		t.Fatalf("create: %+v %v", k, err)
	}
	k.Keywords = append(k.Keywords, "储值卡")
	if k, err = s.SaveKeywordReply(ctx, k, "zh"); err != nil || k.Version != 2 || len(k.Keywords) != 3 {
		t.Fatalf("update: %+v %v", k, err)
	}
	k.Version = 1
	if _, err := s.SaveKeywordReply(ctx, k, "zh"); domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatalf("stale update: %v", err)
	}
	if err := s.DeleteKeywordReply(ctx, g.ID, replies[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteKeywordReply(ctx, g.ID, replies[0].ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("second delete: %v", err)
	}
	w2, list, _ := s.AutomationTemplates(ctx, g.ID, "zh")
	if w2.RulesLink != "https://example.com/rules" || len(list) != len(replies) || list[len(list)-1].Keywords[0] != "会员卡" {
		t.Fatalf("after edits: %+v %+v", w2, list)
	}

	// Every change is in the audit log, in its own transaction's order.
	log, err := s.AuditLog(ctx, domain.AuditFilter{GroupID: g.ID})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for i := len(log) - 1; i >= 0; i-- {
		actions = append(actions, log[i].Action)
	}
	want := "group.create automation.seed welcome.update keyword_reply.create keyword_reply.update keyword_reply.delete"
	if got := strings.Join(actions, " "); got != want {
		t.Fatalf("audit actions\n got %s\nwant %s", got, want)
	}
	if !strings.Contains(log[1].Before, "积分卡") || !strings.Contains(log[1].After, "储值卡") {
		t.Errorf("update entry %+v", log[1])
	}
}

func TestHighlightsLibrary(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g := mustGroup(t, s, "读书会")
	t1 := time.Date(2024, 3, 4, 2, 2, 0, 0, time.UTC)
	msgs := []domain.Message{
		{GroupID: g.ID, SenderName: "晓雨", Kind: domain.KindText, SentAt: t1, Content: "周六读书会在哪里？", DedupeKey: "h:1"},
		{GroupID: g.ID, SenderName: "林知秋", Kind: domain.KindText, SentAt: t1.Add(17 * time.Minute), Content: "半山书房，下午2点", DedupeKey: "h:2"},
		{GroupID: g.ID, Kind: domain.KindSystem, SentAt: t1.Add(time.Hour), Content: "\"赵敏\"加入了群聊", DedupeKey: "h:3"},
	}
	set := ImportSet{Batch: domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, Messages: msgs, Senders: []int{-1, -1, -1}}
	if _, err := s.ApplyImport(ctx, set); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Messages(ctx, g.ID, t1, t1.Add(2*time.Hour))
	if len(stored) != 3 {
		t.Fatalf("%d messages stored", len(stored))
	}
	h, err := s.AddHighlight(ctx, g.ID, stored[1].ID, automation.SourceStaff, "")
	if err != nil || h.SenderName != "林知秋" || h.Content != "半山书房，下午2点" || !h.SentAt.Equal(stored[1].SentAt) {
		t.Fatalf("add: %+v %v", h, err)
	}
	// Adding it again is harmless: the same entry, no second row.
	again, err := s.AddHighlight(ctx, g.ID, stored[1].ID, automation.SourceSuggested, "")
	if err != nil || again.ID != h.ID || again.Source != automation.SourceStaff {
		t.Fatalf("add again: %+v %v", again, err)
	}
	if _, err := s.AddHighlight(ctx, g.ID, stored[0].ID, automation.SourceSuggested, "陈晓雨"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddHighlight(ctx, g.ID, stored[2].ID, automation.SourceStaff, ""); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("system message highlighted: %v", err)
	}
	if _, err := s.AddHighlight(ctx, g.ID, 999999, automation.SourceStaff, ""); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("missing message: %v", err)
	}
	other := mustGroup(t, s, "别的群")
	if _, err := s.AddHighlight(ctx, other.ID, stored[0].ID, automation.SourceStaff, ""); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("another group's message: %v", err)
	}
	list, err := s.Highlights(ctx, g.ID, t1, t1.Add(24*time.Hour))
	if err != nil || len(list) != 2 || list[0].SenderName != "陈晓雨" || list[1].ID != h.ID {
		t.Fatalf("list: %+v %v", list, err)
	}
	if later, _ := s.Highlights(ctx, g.ID, t1.Add(24*time.Hour), t1.Add(48*time.Hour)); len(later) != 0 {
		t.Fatalf("next day lists %+v", later)
	}
	if err := s.RemoveHighlight(ctx, g.ID, h.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveHighlight(ctx, g.ID, h.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("second remove: %v", err)
	}
	log, _ := s.AuditLog(ctx, domain.AuditFilter{GroupID: g.ID, Action: "highlight"})
	if len(log) != 3 || log[0].Action != "highlight.remove" || log[2].Action != "highlight.add" || strings.Contains(log[2].After, "半山书房") {
		t.Fatalf("audit: %+v", log)
	}
}

// TestUntouchedTemplatesFollowTheProfile: templates seeded with another
// profile's defaults (older builds seeded a class group of type service with
// a shop's replies) are replaced by the group's profile defaults while
// nobody has edited them, and kept once someone has.
func TestUntouchedTemplatesFollowTheProfile(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	g, err := s.CreateGroup(ctx, domain.GroupInput{Name: "课程群", Type: domain.TypeService, Profile: domain.ProfileEcommerce})
	if err != nil {
		t.Fatal(err)
	}
	if _, replies, err := s.AutomationTemplates(ctx, g.ID, "zh"); err != nil || !hasReply(replies, "发货") {
		t.Fatalf("e-commerce defaults: %+v %v", replies, err)
	}
	in := domain.GroupInput{Name: g.Name, Type: g.Type, Profile: domain.ProfileEducation, TimeZone: g.TimeZone}
	if _, err := s.UpdateGroup(ctx, g.ID, in); err != nil {
		t.Fatal(err)
	}
	w, replies, err := s.AutomationTemplates(ctx, g.ID, "en") // the seed's language stays
	if err != nil || hasReply(replies, "发货") || w.Text != automation.DefaultWelcome(domain.ProfileEducation, "zh") {
		t.Fatalf("untouched templates kept the shop's: %q %+v %v", w.Text, replies, err)
	}
	if want := automation.DefaultReplies(domain.ProfileEducation, domain.TypeService, "zh"); len(replies) != len(want) || replies[0].Reply != want[0].Reply {
		t.Fatalf("replies %+v, want the education defaults", replies)
	}
	_, again, _ := s.AutomationTemplates(ctx, g.ID, "zh") // nothing more to do
	if again[0].ID != replies[0].ID {
		t.Fatalf("a second read re-seeded again")
	}

	// Once edited, the operator's templates stay whatever the profile.
	replies[0].Reply = "@{成员} 课表见群公告"
	if _, err := s.SaveKeywordReply(ctx, replies[0], "zh"); err != nil {
		t.Fatal(err)
	}
	in.Profile = domain.ProfileEcommerce
	if _, err := s.UpdateGroup(ctx, g.ID, in); err != nil {
		t.Fatal(err)
	}
	if _, kept, _ := s.AutomationTemplates(ctx, g.ID, "zh"); kept[0].Reply != "@{成员} 课表见群公告" || hasReply(kept, "发货") {
		t.Fatalf("edited templates replaced: %+v", kept)
	}
}

func hasReply(replies []automation.KeywordReply, word string) bool {
	for _, r := range replies {
		if strings.Contains(r.Reply, word) {
			return true
		}
	}
	return false
}
