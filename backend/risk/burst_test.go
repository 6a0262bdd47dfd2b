package risk

import (
	"os"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
)

// chatOf reads a WeChat text export into messages, one member per sender
// name; "客服小美" is the group's staff alias.
func chatOf(t *testing.T, path string) []domain.Message {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids := map[string]int64{}
	var out []domain.Message
	err = importer.ParseChat(f, importer.FormatWeChatText, importer.ChatOptions{OnRecord: func(r importer.ChatRecord) error {
		id, ok := ids[r.SenderName]
		if !ok {
			id = int64(len(ids) + 1)
			ids[r.SenderName] = id
		}
		out = append(out, domain.Message{ID: int64(len(out) + 1), GroupID: 1, MemberID: &id, SenderName: r.SenderName,
			Kind: r.Kind, SentAt: r.SentAt, Content: r.Content, URL: r.URL,
			DedupeKey: domain.DedupeKey(r.SourceID, r.SentAt, r.SenderID, r.SenderName, r.Kind, r.Content)})
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func bursts(hits []Hit) []Hit {
	var out []Hit
	for _, h := range hits {
		if h.Set == SetBurst {
			out = append(out, h)
		}
	}
	return out
}

// Five members complain within the hour on the first morning: one level-3
// burst naming them; the staff reply does not count; the next day's
// complaints are spread out and raise no burst.
func TestBurstOnSampleChat(t *testing.T) {
	msgs := chatOf(t, "testdata/complaint_burst_group.txt")
	hits := NewScanner(DefaultSets()).Scan(Input{Group: testGroup(), Messages: msgs})
	b := bursts(hits)
	if len(b) != 1 {
		t.Fatalf("bursts = %+v, want one", b)
	}
	h := b[0]
	loc, _ := time.LoadLocation("Asia/Shanghai")
	if h.Level != 3 || h.Category != PublicOpinion || h.Members != 5 || len(h.Evidence) != 5 {
		t.Errorf("burst = %+v, want level 3 public opinion with 5 members' messages", h)
	}
	if at := h.At.In(loc).Format("01-02 15:04"); at != "05-04 10:48" || h.Sender != "陈静" {
		t.Errorf("burst at %s by %s, want 05-04 10:48 by 陈静 (the fifth member)", at, h.Sender)
	}
	for _, w := range []string{"退款", "骗子", "投诉", "12315", "维权", "曝光", "差评"} {
		if !containsWord(h.Match, w) {
			t.Errorf("burst match %q lacks %s", h.Match, w)
		}
	}
	// Every complaint is still a hit to review on its own.
	opinion := 0
	for _, hit := range hits {
		if hit.Category == PublicOpinion && hit.Set != SetBurst {
			opinion++
		}
	}
	if opinion < 9 {
		t.Errorf("%d single complaint hits, want at least 9", opinion)
	}

	// Five members is the default threshold: at six the morning is no burst.
	sets := Merge([]Set{{Key: SetBurst, Level: 3, Enabled: true, Threshold: 6}})
	if b := bursts(NewScanner(sets).Scan(Input{Group: testGroup(), Messages: msgs})); len(b) != 0 {
		t.Errorf("threshold 6: bursts %+v", b)
	}
}

// The shared sample chat is an ordinary group but for one spam account's
// job lure ("兼职日结…加V"), removed by the owner: no burst, and that ad is
// its only level-3 hit.
func TestSampleChatIsQuiet(t *testing.T) {
	msgs := chatOf(t, "../importer/testdata/wechat_merged_forward_group.txt")
	if len(msgs) < 20 {
		t.Fatalf("read %d messages", len(msgs))
	}
	lures := 0
	for _, h := range NewScanner(DefaultSets()).Scan(Input{Group: testGroup(), Messages: msgs}) {
		switch {
		case h.Level < 3:
		case h.Set == SetFraud && strings.Contains(h.Content, "兼职日结"):
			lures++
		default:
			t.Errorf("level-3 hit on an ordinary chat: %+v", h)
		}
	}
	if lures != 1 {
		t.Errorf("%d level-3 hits on the job lure, want 1", lures)
	}
}

// Complaints after the fifth within the burst's hour join it (members and
// evidence) instead of starting a second burst.
func TestLaterComplaintsJoinTheBurst(t *testing.T) {
	var msgs []domain.Message
	for i := int64(1); i <= 7; i++ {
		msgs = append(msgs, message(i, i, domain.KindText, "我要投诉", int(i)*5))
	}
	msgs = append(msgs, message(8, 8, domain.KindText, "去12315", 50))
	b := bursts(NewScanner(DefaultSets()).Scan(Input{Group: testGroup(), Messages: msgs}))
	if len(b) != 1 || b[0].Members != 8 || len(b[0].Evidence) != 8 || b[0].Match != "12315、投诉" {
		t.Fatalf("bursts %+v", b)
	}
}
