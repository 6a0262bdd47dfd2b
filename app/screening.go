package app

import (
	"context"
	"encoding/json"
	"strconv"

	"qunzhu/backend/ledger"
	"qunzhu/backend/screening"
)

// ScreeningDTO is a group's screening settings.
type ScreeningDTO struct {
	Regions   []string `json:"regions"`
	OpenHour  int      `json:"openHour"`
	CloseHour int      `json:"closeHour"`
}

// ScreenDTO is one member's screening with the inputs of each criterion;
// a criterion is null when its input is unknown.
type ScreenDTO struct {
	Score     int      `json:"score"`
	Region    string   `json:"region"`
	RegionOK  *bool    `json:"regionOk"`
	Friends   *int     `json:"friends"`
	Influence *bool    `json:"influence"`
	Messages  int      `json:"messages"`
	Overlap   *float64 `json:"overlap"`
	Active    *bool    `json:"active"`
}

func screeningKey(groupID int64) string { return "group_screening:" + strconv.FormatInt(groupID, 10) }

// criteria reads a group's screening settings (the defaults when never set).
func (s *MembersService) criteria(ctx context.Context, groupID int64) (screening.Criteria, error) {
	c := screening.DefaultCriteria()
	v, ok, err := s.st.Setting(ctx, screeningKey(groupID))
	if err != nil || !ok {
		return c, err
	}
	return c, json.Unmarshal([]byte(v), &c)
}

// SaveScreening stores a group's target regions and operating hours.
func (s *MembersService) SaveScreening(groupID int64, in ScreeningDTO) (ScreeningDTO, error) {
	ctx := s.app.context()
	if _, err := s.st.Group(ctx, groupID); err != nil {
		return ScreeningDTO{}, err
	}
	c, err := screening.Criteria{Regions: in.Regions, OpenHour: in.OpenHour, CloseHour: in.CloseHour}.Validate()
	if err != nil {
		return ScreeningDTO{}, err
	}
	b, err := json.Marshal(c)
	if err != nil {
		return ScreeningDTO{}, err
	}
	return screeningDTO(c), s.st.SetSetting(ctx, screeningKey(groupID), string(b))
}

func screeningDTO(c screening.Criteria) ScreeningDTO {
	return ScreeningDTO{Regions: nonNilStrings(c.Regions), OpenHour: c.OpenHour, CloseHour: c.CloseHour}
}

// screens scores every ledger member on their messages' local hours up to
// the week's end.
func screens(l *ledger.Ledger, c screening.Criteria) map[int64]ScreenDTO {
	loc := l.Group.Location()
	hours := map[int64]*[24]int{}
	for _, m := range l.Input.Messages {
		if m.MemberID == nil || !m.Kind.Countable() {
			continue
		}
		h := hours[*m.MemberID]
		if h == nil {
			h = &[24]int{}
			hours[*m.MemberID] = h
		}
		h[m.SentAt.In(loc).Hour()]++
	}
	out := make(map[int64]ScreenDTO, len(l.Rows))
	for _, r := range l.Rows {
		var h [24]int
		if p := hours[r.Member.ID]; p != nil {
			h = *p
		}
		res := screening.Screen(c, r.Member, h)
		out[r.Member.ID] = ScreenDTO{Score: res.Score, Region: res.Region, RegionOK: res.RegionOK, Friends: res.Friends,
			Influence: res.Influence, Messages: res.Messages, Overlap: res.Overlap, Active: res.Active}
	}
	return out
}
