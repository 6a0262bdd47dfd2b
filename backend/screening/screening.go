// Package screening scores members against a group's screening criteria
// (issue 10 "Screening"): region match with the group's target regions,
// influence (more than 500 WeChat friends) and active-hours overlap with the
// group's operating hours (more than 60% of their messages). Pure functions;
// every criterion comes back with the inputs it was judged on, and a
// criterion whose input is unknown is "not known", never "failed".
package screening

import (
	"slices"
	"strings"

	"qunzhu/backend/domain"
)

// Thresholds of the seed article.
const (
	MinFriends = 500 // influence: more friends than this, unless a group sets its own
	// MaxMinFriends bounds a group's own threshold (WeChat caps friends at 10 000).
	MaxMinFriends = 10000
	MinOverlap    = 0.6 // active hours: more than this share of messages in operating hours
	// Operating hours are [open, close) on the clock: open 0–23, close 1–24.
	MaxOpenHour  = 23
	MaxCloseHour = 24
)

// Criteria are a group's screening settings.
type Criteria struct {
	Regions []string `json:"regions"` // target regions; none: region is not judged
	// OpenHour and CloseHour are the operating hours [open, close) in the
	// group's zone, 0–24; close ≤ open wraps past midnight.
	OpenHour  int `json:"open_hour"`
	CloseHour int `json:"close_hour"`
	// MinFriends is the influence threshold: more friends than this. 0 (a
	// group that never set one, settings stored before it existed) is
	// the seed's MinFriends.
	MinFriends int `json:"min_friends,omitempty"`
}

// DefaultCriteria are the settings of a group that set none: no target
// regions, operating hours 09:00–22:00 (a working day plus the 20:00–22:00
// prime time).
func DefaultCriteria() Criteria {
	return Criteria{Regions: []string{}, OpenHour: 9, CloseHour: 22, MinFriends: MinFriends}
}

// Friends is the influence threshold in effect.
func (c Criteria) Friends() int {
	if c.MinFriends <= 0 {
		return MinFriends
	}
	return c.MinFriends
}

// Validate checks and cleans the settings.
func (c Criteria) Validate() (Criteria, error) {
	c.Regions = domain.CleanList(c.Regions)
	if c.OpenHour < 0 || c.OpenHour > MaxOpenHour || c.CloseHour < 1 || c.CloseHour > MaxCloseHour || c.OpenHour == c.CloseHour {
		return c, domain.Errorf(domain.EINVALID, "screening.bad_hours", map[string]any{"open": c.OpenHour, "close": c.CloseHour})
	}
	if c.MinFriends < 0 || c.MinFriends > MaxMinFriends {
		return c, domain.Errorf(domain.EINVALID, "screening.bad_min_friends", map[string]any{"value": c.MinFriends, "max": MaxMinFriends})
	}
	c.MinFriends = c.Friends()
	return c, nil
}

// Open reports whether local hour h (0–23) is within the operating hours.
func (c Criteria) Open(h int) bool {
	if c.OpenHour < c.CloseHour {
		return h >= c.OpenHour && h < c.CloseHour
	}
	return h >= c.OpenHour || h < c.CloseHour
}

// Result is one member's screening: each criterion is nil when its input is
// unknown (no region, no friend count, no message, no target region set).
type Result struct {
	Score     int      // criteria met, 0–3
	Region    string   // the member's region as listed
	RegionOK  *bool    // region matches a target region
	Friends   *int     // WeChat friends as listed
	Influence *bool    // more than MinFriends friends
	Messages  int      // countable messages the overlap was measured on
	Overlap   *float64 // share of them in the operating hours
	Active    *bool    // overlap above MinOverlap
	// Listed is true when the overlap was judged on the active hours the
	// member list gives (no message to measure): the share of those listed
	// minutes that fall in the operating hours.
	Listed      bool
	ActiveHours string // as listed
}

// Screen scores member m, whose countable messages fall in local hours as
// counted in hours. A member without a message is judged on the active
// hours listed for them, if any (ListedHours).
func Screen(c Criteria, m domain.Member, hours [24]int) Result {
	r := Result{Region: m.Region, Friends: m.Friends, ActiveHours: m.ActiveHours}
	yes := func(b bool) *bool {
		if b {
			r.Score++
		}
		return &b
	}
	if len(c.Regions) > 0 && strings.TrimSpace(m.Region) != "" {
		match := false
		for _, want := range c.Regions {
			if strings.Contains(m.Region, want) {
				match = true
			}
		}
		r.RegionOK = yes(match)
	}
	if m.Friends != nil {
		r.Influence = yes(*m.Friends > c.Friends())
	}
	in := 0
	for h, n := range hours {
		r.Messages += n
		if c.Open(h) {
			in += n
		}
	}
	if r.Messages > 0 {
		o := float64(in) / float64(r.Messages)
		r.Overlap = &o
		r.Active = yes(o > MinOverlap)
	} else if listed, ok := ListedHours(m.ActiveHours); ok {
		in, all := 0, 0
		for h, n := range listed {
			all += n
			if c.Open(h) {
				in += n
			}
		}
		o := float64(in) / float64(all)
		r.Overlap, r.Listed = &o, true
		r.Active = yes(o > MinOverlap)
	}
	return r
}

// Candidate is one row of a candidate list scored against a group's
// criteria: people not in the group yet, judged on what the list gives
// (region, friends, active hours).
type Candidate struct {
	Line   int
	Member domain.Member
	Result Result
}

// Candidates scores every listed person and orders them best first (ties
// in file order).
func Candidates(c Criteria, people []Candidate) []Candidate {
	out := make([]Candidate, len(people))
	for i, p := range people {
		p.Result = Screen(c, p.Member, [24]int{})
		out[i] = p
	}
	slices.SortStableFunc(out, func(a, b Candidate) int { return b.Result.Score - a.Result.Score })
	return out
}
