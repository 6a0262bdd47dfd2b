package domain

import (
	"testing"
	"time"
)

var at = time.Date(2024, 3, 4, 10, 5, 12, 0, time.UTC)

func msgAt(member int64, kind Kind, t time.Time, content string, prec time.Duration) Message {
	return Message{MemberID: &member, Kind: kind, SentAt: t, Content: content, Precision: prec}
}

func storedAt(id, member int64, kind Kind, t time.Time, content string, prec int64) StoredMessage {
	return StoredMessage{ID: id, MemberID: member, Kind: kind, SentAt: t.Unix(), Content: content, Precision: prec}
}

// TestSameMessage is the docs/metrics.md duplicate rule, member aside: kind
// (quote = text), content (trimmed; placeholders and lost contents match;
// media never compare) and time at the coarser precision.
func TestSameMessage(t *testing.T) {
	minute := at.Truncate(time.Minute)
	tests := []struct {
		name string
		in   Message
		s    StoredMessage
		want bool
	}{
		{"same second, same text", msgAt(1, KindText, at, "好的", 0), storedAt(1, 1, KindText, at, " 好的 ", 1), true},
		{"a second apart, both exact", msgAt(1, KindText, at.Add(time.Second), "好的", 0), storedAt(1, 1, KindText, at, "好的", 1), false},
		{"HH:MM export matches any second of the minute", msgAt(1, KindText, minute, "好的", time.Minute), storedAt(1, 1, KindText, at, "好的", 1), true},
		{"stored HH:MM matches an exact time in its minute", msgAt(1, KindText, minute.Add(59*time.Second), "好的", 0), storedAt(1, 1, KindText, minute, "好的", 60), true},
		{"HH:MM does not reach the next minute", msgAt(1, KindText, minute.Add(time.Minute), "好的", time.Minute), storedAt(1, 1, KindText, at, "好的", 1), false},
		{"different words", msgAt(1, KindText, at, "好的", 0), storedAt(1, 1, KindText, at, "收到", 1), false},
		{"a quote is its reply text", msgAt(1, KindText, at, "同意", 0), storedAt(1, 1, KindQuote, at, "同意", 1), true},
		{"a link is not a text", msgAt(1, KindText, at, "标题", 0), storedAt(1, 1, KindLink, at, "标题", 1), false},
		{"a link card whose content was lost", msgAt(1, KindLink, at, "读书笔记", 0), storedAt(1, 1, KindLink, at, "", 1), true},
		{"a placeholder for the card", msgAt(1, KindLink, at, "[链接]", 0), storedAt(1, 1, KindLink, at, "读书笔记", 1), true},
		{"bracketed words are not a placeholder", msgAt(1, KindText, at, "[OK]", 0), storedAt(1, 1, KindText, at, "好的", 1), false},
		{"images compare by kind and time only", msgAt(1, KindImage, at, "[图片]", 0), storedAt(1, 1, KindImage, at, "<msg><img …/></msg>", 1), true},
		{"an image is not a video", msgAt(1, KindImage, at, "", 0), storedAt(1, 1, KindVideo, at, "", 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SameMessage(tt.in, tt.s); got != tt.want {
				t.Errorf("SameMessage = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestPairDuplicatesOneToOne: two identical 好的 in one minute of a text
// export match at most two stored ones; a third is new; another member's
// identical message is never taken; a stored message is taken once across
// calls (used).
func TestPairDuplicatesOneToOne(t *testing.T) {
	minute := at.Truncate(time.Minute)
	stored := []StoredMessage{
		storedAt(10, 1, KindText, minute.Add(12*time.Second), "好的", 1),
		storedAt(11, 1, KindText, minute.Add(40*time.Second), "好的", 1),
		storedAt(12, 2, KindText, minute.Add(20*time.Second), "好的", 1),
	}
	in := []Message{
		msgAt(1, KindText, minute, "好的", time.Minute),
		msgAt(1, KindText, minute, "好的", time.Minute),
		msgAt(1, KindText, minute, "好的", time.Minute),
	}
	used := map[int64]int64{}
	got := PairDuplicates(in, stored, used)
	if got[0] < 0 || got[1] < 0 || got[2] != -1 || got[0] == got[1] {
		t.Fatalf("pairs %v: want the first two paired with the two stored 好的 of member 1, the third new", got)
	}
	for _, j := range got[:2] {
		if stored[j].MemberID != 1 {
			t.Errorf("paired with member %d's message", stored[j].MemberID)
		}
	}
	if again := PairDuplicates(in[:1], stored, used); again[0] != -1 {
		t.Errorf("a stored message was taken twice: %v", again)
	}
}

// TestPairDuplicatesPrefersExact: an exact content and the nearest time
// win over a lost content, so the lost card is left for its own match.
func TestPairDuplicatesPrefersExact(t *testing.T) {
	stored := []StoredMessage{
		storedAt(1, 1, KindLink, at, "", 1),
		storedAt(2, 1, KindLink, at.Add(5*time.Second), "读书笔记", 1),
	}
	in := []Message{msgAt(1, KindLink, at.Truncate(time.Minute), "读书笔记", time.Minute), msgAt(1, KindLink, at.Truncate(time.Minute), "读书笔记", time.Minute)}
	got := PairDuplicates(in, stored, map[int64]int64{})
	if got[0] != 1 || got[1] != 0 {
		t.Errorf("pairs %v, want the titled card first, the lost one second", got)
	}
}

// FuzzPairDuplicates checks the pairing's promises on any input: one to
// one, never across members, only messages SameMessage accepts.
func FuzzPairDuplicates(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte("好的好的收到[图片]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		kinds := []Kind{KindText, KindQuote, KindLink, KindImage, KindSystem}
		words := []string{"好的", "收到", "", "[链接]", "好的 ", "x"}
		var in []Message
		var stored []StoredMessage
		for i := 0; i+3 < len(data); i += 4 {
			member := int64(data[i] % 3)
			k := kinds[int(data[i+1])%len(kinds)]
			tm := at.Add(time.Duration(data[i+2]%180) * time.Second)
			w := words[int(data[i+3])%len(words)]
			if data[i]&0x80 != 0 {
				prec := time.Duration(0)
				if data[i+3]&1 == 1 {
					prec, tm = time.Minute, tm.Truncate(time.Minute)
				}
				in = append(in, msgAt(member, k, tm, w, prec))
			} else {
				stored = append(stored, storedAt(int64(len(stored)+1), member, k, tm, w, int64(1+59*int(data[i+3]&1))))
			}
		}
		got := PairDuplicates(in, stored, map[int64]int64{})
		taken := map[int]bool{}
		for i, j := range got {
			if j < 0 {
				continue
			}
			if taken[j] {
				t.Fatalf("stored %d paired twice", j)
			}
			taken[j] = true
			if *in[i].MemberID != stored[j].MemberID || !SameMessage(in[i], stored[j]) {
				t.Fatalf("paired %+v with %+v", in[i], stored[j])
			}
		}
	})
}

// TestMergeMember: the kept record gains the other's ids, names, empty
// fields, tags and earliest join; a nickname it replaces stays among the
// names seen; ids that say two people refuse the merge.
func TestMergeMember(t *testing.T) {
	jan, feb := time.Date(2024, 1, 8, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 8, 0, 0, 0, 0, time.UTC)
	into := Member{ID: 1, Nickname: "陈晓雨", Remark: "晓雨-杭州", JoinedAt: &feb, Tags: []string{"老学员"}, Tier: TierNormal, Notes: "爱读历史"}
	from := Member{ID: 2, WxID: "wxid_cxy", Nickname: "晓雨", SeenNames: []string{"晓雨"}, SeenDisplays: []string{"晓雨-杭州"},
		JoinedAt: &jan, Tags: []string{"活跃"}, Tier: TierCore, Phone: "13800000001", Notes: "周六来读书会"}
	got := MergeMember(into, from)
	if got.ID != 1 || got.WxID != "wxid_cxy" || got.Nickname != "陈晓雨" || got.Phone != "13800000001" || got.Tier != TierCore {
		t.Errorf("merged %+v", got)
	}
	if !got.JoinedAt.Equal(jan) || len(got.Tags) != 2 || !contains(got.SeenNames, "晓雨") || !contains(got.SeenDisplays, "晓雨-杭州") {
		t.Errorf("join %v tags %v names %v displays %v", got.JoinedAt, got.Tags, got.SeenNames, got.SeenDisplays)
	}
	if got.Notes != "爱读历史\n周六来读书会" {
		t.Errorf("notes %q, want both kept", got.Notes)
	}
	if MaySamePerson(Member{WxID: "wxid_a"}, Member{WxID: "wxid_b"}) || MaySamePerson(Member{WeChatID: "a"}, Member{WeChatID: "b"}) {
		t.Error("two chat ids or two 微信号 are two people")
	}
	if !MaySamePerson(Member{WxID: "wxid_a"}, Member{Nickname: "阿"}) || !MaySamePerson(Member{WxID: "wxid_a", SeenIDs: []string{"wxid_b"}}, Member{WxID: "wxid_b"}) {
		t.Error("an id-less record, or a shared id, may be the same person")
	}
}
