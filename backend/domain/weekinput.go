package domain

import "time"

// WeekInput holds the figures no export contains, entered by hand for one
// group and ISO week ("2024-W10"): the share of members who muted the group
// (from a survey) and a tracked link's clicks and reach. Nil is "not entered".
type WeekInput struct {
	GroupID    int64
	Week       string
	MuteRate   *float64
	LinkClicks *int
	LinkReach  *int
	// Paying is the members who paid that week (commercial_rate's numerator).
	Paying    *int
	UpdatedAt time.Time
}

// Validate checks the ranges: a rate in [0, 1], clicks and reach entered
// together, non-negative, clicks ≤ reach, reach > 0.
func (w WeekInput) Validate() error {
	if w.MuteRate != nil && (*w.MuteRate < 0 || *w.MuteRate > 1) {
		return Errorf(EINVALID, "input.mute_rate_range", map[string]any{"value": *w.MuteRate})
	}
	if (w.LinkClicks == nil) != (w.LinkReach == nil) {
		return Errorf(EINVALID, "input.clicks_need_reach", nil)
	}
	if w.LinkClicks != nil {
		c, r := *w.LinkClicks, *w.LinkReach
		if c < 0 || r <= 0 || c > r {
			return Errorf(EINVALID, "input.clicks_range", map[string]any{"clicks": c, "reach": r})
		}
	}
	if w.Paying != nil && *w.Paying < 0 {
		return Errorf(EINVALID, "input.paying_range", map[string]any{"value": *w.Paying})
	}
	return nil
}
