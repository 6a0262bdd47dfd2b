package domain

import (
	"testing"
	"time"
)

func listed() []Member {
	return []Member{
		{ID: 1, Nickname: "林知秋", GroupNickname: "林老师", WeChatID: "lzq_reading", Tier: TierAdmin},
		{ID: 2, Nickname: "Amy Chen", Remark: "Amy_Chen"},
		{ID: 3, Nickname: "陈晓雨", Remark: "晓雨-杭州"},
		{ID: 4, Nickname: "王大力"},
		{ID: 5, Nickname: "王大力"}, // two members share a nickname
		{ID: 6, Nickname: "赵敏", WxID: "wxid_zhaomin"},
	}
}

func TestRosterSender(t *testing.T) {
	tests := []struct {
		name              string
		id, nick, display string
		wantID            int64 // 0: a new member
	}{
		{"wxid unknown, nickname unique", "wxid_lzq2024demo", "林知秋", "林知秋", 1},
		{"微信号 equals the sender id", "lzq_reading", "", "", 1},
		{"remark matches the display name", "wxid_amychen88demo", "", "Amy_Chen", 2},
		{"nickname beats remark", "wxid_cxy001demo", "陈晓雨", "晓雨-杭州", 3},
		{"shared nickname is ambiguous: new member", "wxid_wdl", "王大力", "", 0},
		{"only a wxid: new member", "wxid_zym123demo", "", "", 0},
		{"member carrying another id is skipped", "wxid_other", "赵敏", "", 0},
		{"same id matches directly", "wxid_zhaomin", "赵敏", "", 6},
		{"name-only export matches by nickname", "", "", "赵敏", 6},
		{"name-only export matches by group nickname", "", "", "林老师", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRoster(listed())
			i := r.Sender(tt.id, tt.nick, tt.display, false)
			if got := r.Members[i].ID; got != tt.wantID {
				t.Fatalf("resolved to member %d, want %d", got, tt.wantID)
			}
			if tt.wantID == 0 && !r.Created(i) {
				t.Error("a new member must be reported as created")
			}
			// Every id seen is recorded, so the next import resolves the same way by step (1).
			if tt.id != "" {
				j := NewRoster(r.Members).Sender(tt.id, "", "", false)
				if j != i {
					t.Errorf("a second import resolved %s to %d, first to %d", tt.id, j, i)
				}
			}
		})
	}
}

// TestRosterNameOnlySenders follows docs/metrics.md's steps (a)–(d) for senders
// that carry a name but no id (forward-as-text, typed CSV).
func TestRosterNameOnlySenders(t *testing.T) {
	base := []Member{
		{ID: 1, Nickname: "小王", WxID: "wxid_a"},
		{ID: 2, Nickname: "王五", WxID: "wxid_b", SeenDisplays: []string{"小王"}, SeenNames: []string{"小王"}},
		{ID: 3, Nickname: "陈晓雨", Remark: "晓雨-杭州"},
		{ID: 4, Nickname: "晓雨-杭州"},
		{ID: 5, Nickname: "Amy", SeenNames: []string{"Amy_Chen"}},
		{ID: 6, Nickname: "王大力"},
		{ID: 7, Nickname: "王大力"},
	}
	tests := []struct {
		name    string
		display string
		wantID  int64 // 0: a new member
	}{
		{"(a) a display name seen before beats a nickname", "小王", 2},
		{"(b) a remark beats another member's nickname", "晓雨-杭州", 3},
		{"(c) a unique nickname", "陈晓雨", 3},
		{"(d) any name seen", "Amy_Chen", 5},
		{"unknown name: a new member", "赵敏", 0},
		{"shared nickname: not guessed", "王大力", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRoster(base)
			i := r.Sender("", "", tt.display, false)
			if got := r.Members[i].ID; got != tt.wantID {
				t.Fatalf("resolved to member %d, want %d", got, tt.wantID)
			}
			if tt.wantID == 0 && r.Members[i].Nickname != tt.display {
				t.Errorf("a member created from a name-only sender has nickname %q, want %q", r.Members[i].Nickname, tt.display)
			}
			for k := 0; k < 40; k++ {
				if j := r.Sender("", "", tt.display, false); j != i {
					t.Fatalf("message %d of the same name went to member %d, the first to %d", k+2, j, i)
				}
			}
			if got := len(r.Members) - len(base); got != map[bool]int{true: 1, false: 0}[tt.wantID == 0] {
				t.Errorf("%d members created for one name posting 41 times", got)
			}
			// The next import resolves the name to the same member, also where
			// the name stays ambiguous (no new member per import).
			if got := NewRoster(r.Members).Sender("", "", tt.display, false); got != i {
				t.Errorf("a second import resolved %q to member index %d, the first to %d", tt.display, got, i)
			}
		})
	}
}

func TestRosterDisplayNameOfNewSender(t *testing.T) {
	r := NewRoster(nil)
	i := r.Sender("wxid_x", "昵称X", "备注X", false)
	if got := r.Members[i].DisplayName(); got != "备注X" {
		t.Errorf("display name = %q, want the Remark first seen", got)
	}
	j := r.Sender("wxid_zym123demo", "", "", false)
	if got := r.Members[j].DisplayName(); got != "wxid_zym123demo" {
		t.Errorf("display name = %q, want the sender id", got)
	}
}

func TestRosterNameAndPresence(t *testing.T) {
	t1 := time.Date(2024, 3, 4, 9, 10, 0, 0, time.UTC)
	t2 := t1.Add(48 * time.Hour)
	t3 := t2.Add(24 * time.Hour)
	r := NewRoster(listed())
	self := r.Sender("wxid_lzq2024demo", "林知秋", "林知秋", true)

	if i, created := r.Name("你"); i != self || created {
		t.Errorf("你 resolved to %d (created %v), want the exporting account %d", i, created, self)
	}
	if i, _ := r.Name("林老师"); r.Members[i].ID != 1 {
		t.Error("a group nickname in a system message must resolve")
	}
	r.Sender("wxid_amychen88demo", "", "Amy_Chen", false)
	if i, _ := r.Name("Amy_Chen"); r.Members[i].ID != 2 {
		t.Error("a name seen in chat must resolve")
	}

	newbie, created := r.Name("孙悟净")
	if !created {
		t.Fatal("an unknown name creates a member")
	}
	r.Joined(newbie, t1)
	r.Left(newbie, t2)
	if m := r.Members[newbie]; !m.JoinedAt.Equal(t1) || !m.LeftAt.Equal(t2) {
		t.Errorf("join/leave = %v/%v", m.JoinedAt, m.LeftAt)
	}
	r.Joined(newbie, t3) // came back: the later join clears the leave, the earliest join stays
	if m := r.Members[newbie]; !m.JoinedAt.Equal(t1) || m.LeftAt != nil {
		t.Errorf("after rejoining: join %v, left %v", m.JoinedAt, m.LeftAt)
	}

	gone := r.NameLeft("只见过退群的人", t2)
	if m := r.Members[gone]; !m.JoinedAt.Equal(t2) || !m.LeftAt.Equal(t2) {
		t.Errorf("a member known only from a leave: joined %v left %v, want both at the leave", m.JoinedAt, m.LeftAt)
	}
	if m := r.Members[gone]; m.PresentAt(t2) || m.PresentAt(t1) {
		t.Error("a member known only from a leave is present at no instant")
	}
	// A member first seen by its own messages keeps an unknown join when it leaves.
	talker := r.Sender("wxid_talker", "话痨", "话痨", false)
	if got := r.NameLeft("话痨", t3); got != talker {
		t.Fatalf("the leave resolved to %d, want the sender %d", got, talker)
	}
	if m := r.Members[talker]; m.JoinedAt != nil || !m.LeftAt.Equal(t3) {
		t.Errorf("a sender who leaves: joined %v left %v, want an unknown join and the leave", m.JoinedAt, m.LeftAt)
	}
}

func TestRosterListed(t *testing.T) {
	jan := time.Date(2024, 1, 8, 12, 0, 0, 0, time.UTC)
	feb := jan.AddDate(0, 1, 0)
	r := NewRoster(listed())

	// Matched by 微信号, renamed: the old nickname is kept in the history.
	i, _ := r.Listed(Member{WeChatID: "lzq_reading", Nickname: "林知秋老师", JoinedAt: &feb})
	m := r.Members[i]
	if m.ID != 1 || m.Nickname != "林知秋老师" || !contains(m.SeenNames, "林知秋") || m.Tier != TierAdmin {
		t.Errorf("renamed member = %+v", m)
	}
	// Matched by unique nickname; the earliest join wins.
	i, _ = r.Listed(Member{Nickname: "陈晓雨", JoinedAt: &jan, Phone: "13800001234", Tier: TierAdmin})
	if m := r.Members[i]; m.ID != 3 || !m.JoinedAt.Equal(jan) || m.Phone != "13800001234" || m.Tier != TierAdmin {
		t.Errorf("matched member = %+v", m)
	}
	// A locked tier is not raised by a role word.
	r.Members[3].TierLocked = true
	i, _ = r.Listed(Member{Nickname: "王大力", Remark: "大力-北京", Tier: TierAdmin}) // ambiguous nickname: a new member
	if !r.Created(i) {
		t.Error("an ambiguous nickname must not pick one of two members")
	}
	// Two records alike in every name: the row is either, so it takes the first.
	if j, _ := r.Listed(Member{Nickname: "王大力"}); r.Members[j].ID != 4 {
		t.Errorf("a row like two identical records went to member %d, want the first (4)", r.Members[j].ID)
	}
	// The same row twice changes nothing the second time.
	before := len(r.Changed())
	again := NewRoster(r.Members)
	again.Listed(Member{Nickname: "陈晓雨", JoinedAt: &jan, Phone: "13800001234", Tier: TierAdmin})
	if len(again.Changed()) != 0 || before == 0 {
		t.Errorf("re-listing an unchanged row touched %d members", len(again.Changed()))
	}
	// A complete roster marks everyone else as left at the file's time.
	kept := map[int]bool{0: true, 2: true}
	now := feb.AddDate(0, 0, 5)
	if n := again.Departed(kept, now); n != len(again.Members)-2 {
		t.Errorf("departed = %d, want %d", n, len(again.Members)-2)
	}
	if again.Members[1].PresentAt(now) || !again.Members[0].PresentAt(now) {
		t.Error("departed members must be absent from the file's time on, kept ones present")
	}
}

// TestReplayIsNoChange: seeing a member leave and come back again on a
// re-import touches it but changes nothing, so nothing is reported.
func TestReplayIsNoChange(t *testing.T) {
	t1 := time.Date(2024, 3, 4, 1, 0, 0, 0, time.UTC)
	r := NewRoster(nil)
	i, _ := r.Name("小满")
	r.Joined(i, t1)
	r.Left(i, t1.Add(time.Hour))
	r.Joined(i, t1.Add(2*time.Hour))
	after := append([]Member(nil), r.Members...)
	after[i].ID = 9

	again := NewRoster(after)
	j, _ := again.Name("小满")
	again.Joined(j, t1)
	again.Left(j, t1.Add(time.Hour))
	again.Joined(j, t1.Add(2*time.Hour))
	if n := len(again.Changed()); n != 0 {
		t.Errorf("replaying the same joins and leaves reported %d changed members", n)
	}
}
