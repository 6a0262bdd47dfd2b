package risk

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

var t0 = time.Date(2026, 5, 4, 2, 0, 0, 0, time.UTC)

func testGroup() domain.Group {
	return domain.Group{ID: 1, Name: "测试群", TimeZone: "Asia/Shanghai", StaffAliases: []string{"客服小美"}}
}

// message builds a message from member id (0: staff alias) at minute min.
func message(id int64, member int64, kind domain.Kind, text string, min int) domain.Message {
	m := domain.Message{ID: id, GroupID: 1, Kind: kind, Content: text, SentAt: t0.Add(time.Duration(min) * time.Minute)}
	if member == 0 {
		m.SenderName = "客服小美"
		return m
	}
	mid := member
	m.MemberID = &mid
	m.SenderName = "成员" + itoa(member)
	if kind == domain.KindLink {
		m.URL = text
	}
	return m
}

// TestPatterns runs each line of testdata/hits.tsv: a message, who sent
// it, and the text the named set must match (or no hit from that set).
func TestPatterns(t *testing.T) {
	f, err := os.Open("testdata/hits.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := NewScanner(DefaultSets())
	lines := bufio.NewScanner(f)
	n := 0
	for line := 0; lines.Scan(); {
		line++
		text := lines.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.SplitN(text, "\t", 5)
		if len(cols) != 5 {
			t.Fatalf("line %d: want 5 columns, got %d", line, len(cols))
		}
		set, who, kind, want, body := cols[0], cols[1], cols[2], cols[3], cols[4]
		n++
		t.Run(itoa(int64(line))+"_"+set, func(t *testing.T) {
			member := int64(7)
			if who == "staff" {
				member = 0
			}
			hits := sc.Scan(Input{Group: testGroup(), Messages: []domain.Message{message(1, member, domain.Kind(kind), body, 0)}})
			got := "-"
			for _, h := range hits {
				if h.Set == set {
					got = h.Match
					d, _ := defaultByKey(set)
					if h.Level != d.Level || h.Category != d.Category || h.MessageID != 1 || h.Content != body {
						t.Errorf("hit %+v: want level %d, category %s and the message", h, d.Level, d.Category)
					}
				}
			}
			if got != want {
				t.Errorf("%q: set %s matched %q, want %q", body, set, got, want)
			}
		})
	}
	if n < 30 {
		t.Fatalf("only %d cases read", n)
	}
}

func TestIDChecksum(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"11010519491231002X", true},
		{"440306199001011236", true},
		{"320102198511110017", true},
		{"320102198511110018", false},
		{"11010519491231002Y", false},
		{"010105194912310021", false},
	} {
		if got := domain.ValidID(tc.id); got != tc.want {
			t.Errorf("validID(%s) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestDisabledSetAndEditedWords(t *testing.T) {
	sets := Merge([]Set{{Key: SetFraud, Level: 2, Enabled: true, Words: []string{"代付"}}}, []Set{{Key: SetPhone, Level: 2, Enabled: false}})
	hits := NewScanner(sets).Scan(Input{Group: testGroup(), Messages: []domain.Message{
		message(1, 7, domain.KindText, "转账给我 13812345678", 0),
		message(2, 7, domain.KindText, "可以代付吗", 1),
	}})
	if len(hits) != 1 || hits[0].MessageID != 2 || hits[0].Level != 2 || hits[0].Category != Fraud {
		t.Fatalf("hits = %+v, want only the edited word at the edited level", hits)
	}
}

func TestHitKeyIsStable(t *testing.T) {
	m := message(1, 7, domain.KindText, "转账给我", 0)
	m.DedupeKey = "id:42"
	a := NewScanner(DefaultSets()).Scan(Input{Group: testGroup(), Messages: []domain.Message{m}})
	m.ID = 99 // re-imported under another id
	b := NewScanner(DefaultSets()).Scan(Input{Group: testGroup(), Messages: []domain.Message{m}})
	if len(a) != 1 || len(b) != 1 || a[0].Key != b[0].Key || a[0].Key != "fraud:id:42" {
		t.Fatalf("keys %v / %v", a, b)
	}
}

func TestValidate(t *testing.T) {
	if _, err := (Set{Key: "nope", Level: 1}).Validate(); err == nil {
		t.Error("unknown set accepted")
	}
	if _, err := (Set{Key: SetFraud, Level: 4}).Validate(); err == nil {
		t.Error("level 4 accepted")
	}
	if _, err := (Set{Key: SetBurst, Level: 3, Threshold: 1}).Validate(); err == nil {
		t.Error("burst of one member accepted")
	}
	s, err := (Set{Key: SetOpinion, Level: 1, Words: []string{" 投诉 ", "", "投诉", "差评"}, Category: Fraud}).Validate()
	if err != nil || len(s.Words) != 2 || s.Category != PublicOpinion {
		t.Errorf("cleaned = %+v, %v", s, err)
	}
}

func TestCanMove(t *testing.T) {
	if !CanMove(StatusOpen, StatusInProgress) || !CanMove(StatusInProgress, StatusClosed) || !CanMove(StatusOpen, StatusClosed) {
		t.Error("forward moves refused")
	}
	if CanMove(StatusClosed, StatusOpen) || CanMove(StatusInProgress, StatusOpen) {
		t.Error("backward move allowed")
	}
}

func TestFillAndPlaybooks(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, p := range DefaultPlaybooks(lang) {
			if p.Title == "" || p.Body == "" || !p.Category.Valid() {
				t.Errorf("%s/%s incomplete", lang, p.Key)
			}
			got := Fill(p.Body, Vars{Group: "好物福利群", Date: "5月6日 周三", Event: "集中投诉", Backup: "好物福利2群"})
			if strings.ContainsAny(got, "{}") || !strings.Contains(got, "好物福利群") {
				t.Errorf("%s/%s filled: %s", lang, p.Key, got)
			}
		}
	}
	if got := Fill("加入{备用群}", Vars{}); got != "加入{备用群}" {
		t.Errorf("empty value replaced: %s", got)
	}
}

func TestFromHitMasksLeaks(t *testing.T) {
	m := message(1, 7, domain.KindText, "我的身份证11010519491231002X，电话13812345678", 0)
	hits := NewScanner(DefaultSets()).Scan(Input{Group: testGroup(), Messages: []domain.Message{m}})
	for _, h := range hits {
		n := FromHit(1, h)
		if strings.Contains(n.Summary, "13812345678") || strings.Contains(n.Summary, "11010519491231002X") {
			t.Errorf("summary leaks: %s", n.Summary)
		}
	}
	if len(hits) != 2 {
		t.Fatalf("hits %+v", hits)
	}
}
