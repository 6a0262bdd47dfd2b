package tiers

import (
	"fmt"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

func TestTarget(t *testing.T) {
	for _, tt := range []struct {
		present int
		want    Pyramid
	}{
		{0, Pyramid{0, 0, 0}},
		{1, Pyramid{1, 1, 0}},
		{10, Pyramid{1, 2, 7}},
		{20, Pyramid{1, 3, 16}},
		{100, Pyramid{5, 15, 80}},
		{101, Pyramid{6, 16, 79}},
		{500, Pyramid{25, 75, 400}},
	} {
		if got := Target(tt.present); got != tt.want {
			t.Errorf("Target(%d) = %+v, want %+v", tt.present, got, tt.want)
		}
	}
}

// group builds n present normal members m1…mn with messages n, n−1, …, 1,
// so m1 ranks first; edit changes them.
func group(n int, edit func(cs []Candidate)) []Candidate {
	cs := make([]Candidate, n)
	joined := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range cs {
		cs[i] = Candidate{MemberID: int64(i + 1), Name: fmt.Sprintf("m%d", i+1), Tier: domain.TierNormal, JoinedAt: &joined, Messages: n - i}
	}
	if edit != nil {
		edit(cs)
	}
	return cs
}

func names(ss []Suggestion) string {
	out := ""
	for _, s := range ss {
		out += fmt.Sprintf("%s:%s→%s ", s.Name, s.From, s.To)
	}
	return out
}

func TestSuggest(t *testing.T) {
	later := time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		now, prev []Candidate
		want      string
	}{
		{name: "top ceil(15%) of 20 present is 3 seats", now: group(20, nil), prev: group(20, nil),
			want: "m1:normal→core m2:normal→core m3:normal→core "},
		{name: "an admin takes no core seat and is not ranked", now: group(20, func(cs []Candidate) { cs[0].Tier = domain.TierAdmin }), prev: nil,
			want: "m2:normal→core m3:normal→core m4:normal→core "},
		{name: "a member already core is not suggested again", now: group(20, func(cs []Candidate) { cs[1].Tier = domain.TierCore }), prev: group(20, nil),
			want: "m1:normal→core m3:normal→core "},
		{name: "a member with no message in 28 days is never suggested", now: group(20, func(cs []Candidate) {
			for i := range cs {
				cs[i].Messages = 0
			}
			cs[0].Messages = 1
		}), want: "m1:normal→core "},
		{name: "ties: more check-in days first", now: group(20, func(cs []Candidate) {
			for i := range cs {
				cs[i].Messages = 5
			}
			cs[9].CheckinDays = 3
			cs[7].CheckinDays = 2
		}), want: "m10:normal→core m8:normal→core m1:normal→core "},
		{name: "ties: then the earlier join (unknown join first)", now: group(20, func(cs []Candidate) {
			for i := range cs {
				cs[i].Messages = 5
				cs[i].JoinedAt = &later
			}
			cs[12].JoinedAt = nil
			j := later.AddDate(0, 0, -3)
			cs[5].JoinedAt = &j
		}), want: "m13:normal→core m6:normal→core m1:normal→core "},
		{name: "a locked tier gets no suggestion", now: group(20, func(cs []Candidate) { cs[0].Locked = true }), prev: nil,
			want: "m2:normal→core m3:normal→core "},
		{name: "core outside the top 20% for one week only: grace",
			now:  group(20, func(cs []Candidate) { cs[19].Tier = domain.TierCore }),
			prev: group(20, func(cs []Candidate) { cs[19].Tier = domain.TierCore; cs[19].Messages = 100 }),
			want: "m1:normal→core m2:normal→core m3:normal→core "},
		{name: "core outside the top 20% two weeks running: demote",
			now:  group(20, func(cs []Candidate) { cs[19].Tier = domain.TierCore }),
			prev: group(20, func(cs []Candidate) { cs[19].Tier = domain.TierCore }),
			want: "m1:normal→core m2:normal→core m3:normal→core m20:core→normal "},
		{name: "core at rank 4 of 20 (inside the top 20%, outside the 15%) keeps the seat",
			now:  group(20, func(cs []Candidate) { cs[3].Tier = domain.TierCore }),
			prev: group(20, func(cs []Candidate) { cs[3].Tier = domain.TierCore }),
			want: "m1:normal→core m2:normal→core m3:normal→core "},
		{name: "core silent two weeks: demote", now: group(20, func(cs []Candidate) { cs[0].Tier = domain.TierCore; cs[0].Messages = 0 }),
			prev: group(20, func(cs []Candidate) { cs[0].Tier = domain.TierCore; cs[0].Messages = 0 }),
			want: "m2:normal→core m3:normal→core m4:normal→core m1:core→normal "},
		{name: "core not present a week ago is not demoted yet",
			now:  group(20, func(cs []Candidate) { cs[19].Tier = domain.TierCore }),
			prev: group(19, nil),
			want: "m1:normal→core m2:normal→core m3:normal→core "},
		{name: "a locked core member is never demoted",
			now:  group(20, func(cs []Candidate) { cs[19].Tier = domain.TierCore; cs[19].Locked = true }),
			prev: group(20, func(cs []Candidate) { cs[19].Tier = domain.TierCore }),
			want: "m1:normal→core m2:normal→core m3:normal→core "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names(Suggest(tt.now, tt.prev)); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestActualAndArgs(t *testing.T) {
	cs := group(5, func(cs []Candidate) { cs[0].Tier = domain.TierAdmin; cs[1].Tier = domain.TierCore })
	if got := Actual(cs); got != (Pyramid{1, 1, 3}) {
		t.Errorf("Actual = %+v", got)
	}
	s := Suggestion{Rank: 2, PrevRank: 0, Messages: 9, Seats: 3}
	if a := s.Args(); a["rank"] != 2 || a["prev_rank"] != "—" || a["seats"] != 3 {
		t.Errorf("Args = %v", a)
	}
}
