package screening

import (
	"slices"
	"testing"

	"qunzhu/backend/domain"
)

func TestListedHours(t *testing.T) {
	for _, tc := range []struct {
		in     string
		ok     bool
		total  int
		checks map[int]int // hour → minutes
	}{
		{"20:00-22:00", true, 120, map[int]int{20: 60, 21: 60, 22: 0}},
		{"08:00-23:00", true, 900, map[int]int{7: 0, 8: 60, 22: 60, 23: 0}},
		{"12:00-13:30", true, 90, map[int]int{12: 60, 13: 30}},
		{"21:00-23:30", true, 150, map[int]int{23: 30}},
		{"8-12、19:30-23:00", true, 240 + 210, map[int]int{8: 60, 19: 30}},
		{"22:00~次日01:00", true, 180, map[int]int{23: 60, 0: 60, 1: 0}},
		{"21：00 至 23：00", false, 0, nil}, // spaces split the range apart
		{"21：00至23：00", true, 120, map[int]int{21: 60}},
		{"9点到18点", false, 0, nil},
		{"18:00-24:00", true, 360, map[int]int{23: 60}},
		{"晚上", false, 0, nil},
		{"", false, 0, nil},
		{"25:00-26:00", false, 0, nil},
		{"10:60-11:00", false, 0, nil},
	} {
		got, ok := ListedHours(tc.in)
		total := 0
		for _, m := range got {
			total += m
		}
		if ok != tc.ok || total != tc.total {
			t.Errorf("%q: ok %v total %d, want %v %d", tc.in, ok, total, tc.ok, tc.total)
		}
		for h, want := range tc.checks {
			if got[h] != want {
				t.Errorf("%q: hour %d has %d minutes, want %d", tc.in, h, got[h], want)
			}
		}
	}
}

func FuzzListedHours(f *testing.F) {
	for _, s := range []string{"20:00-22:00", "8-12、19:30-23:00", "22:00~次日01:00", "x-y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ListedHours(s)
		total := 0
		for _, m := range got {
			if m < 0 || m > 60*len(s) {
				t.Fatalf("%q: %d minutes in an hour", s, m)
			}
			total += m
		}
		if !ok && total != 0 {
			t.Fatalf("%q: ok %v with %d minutes", s, ok, total)
		}
	})
}

// TestScreenFallsBackOnListedHours: a member with no message is judged on
// the hours the list gives; messages, when there are any, win.
func TestScreenFallsBackOnListedHours(t *testing.T) {
	c := DefaultCriteria() // 09:00–22:00
	evening := domain.Member{ActiveHours: "19:00-22:00"}
	late := domain.Member{ActiveHours: "21:00-01:00"} // one of four hours open
	r := Screen(c, evening, [24]int{})
	if !r.Listed || r.Overlap == nil || *r.Overlap != 1 || r.Active == nil || !*r.Active || r.Score != 1 {
		t.Errorf("evening: %+v", r)
	}
	r = Screen(c, late, [24]int{})
	if !r.Listed || *r.Overlap != 0.25 || *r.Active {
		t.Errorf("late: %+v", r)
	}
	var hours [24]int
	hours[3] = 5 // five messages at 03:00, outside the hours
	r = Screen(c, evening, hours)
	if r.Listed || *r.Overlap != 0 || r.Messages != 5 {
		t.Errorf("messages should win over the list: %+v", r)
	}
	if r := Screen(c, domain.Member{ActiveHours: "晚上"}, [24]int{}); r.Overlap != nil || r.Listed {
		t.Errorf("unreadable hours are not known: %+v", r)
	}
}

// TestCandidatesBestFirst scores a candidate list and orders it.
func TestCandidatesBestFirst(t *testing.T) {
	c := Criteria{Regions: []string{"上海"}, OpenHour: 9, CloseHour: 22}
	friends := func(n int) *int { return &n }
	got := Candidates(c, []Candidate{
		{Line: 2, Member: domain.Member{Nickname: "无资料"}},
		{Line: 3, Member: domain.Member{Nickname: "全中", Region: "上海 浦东", Friends: friends(800), ActiveHours: "20:00-22:00"}},
		{Line: 4, Member: domain.Member{Nickname: "北京", Region: "北京", Friends: friends(600)}},
	})
	var order []string
	for _, g := range got {
		order = append(order, g.Member.Nickname)
	}
	if !slices.Equal(order, []string{"全中", "北京", "无资料"}) || got[0].Result.Score != 3 || got[1].Result.Score != 1 {
		t.Errorf("order %v, scores %d %d", order, got[0].Result.Score, got[1].Result.Score)
	}
}
