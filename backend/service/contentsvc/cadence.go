package contentsvc

import (
	"context"
	"time"

	"qunzhu/backend/content"
)

// Cadence is a group's rhythm: its saved cadence, or its type's defaults.
func (s *Service) Cadence(ctx context.Context, groupID int64) (content.Cadence, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return content.Cadence{}, err
	}
	return s.st.Cadence(ctx, g)
}

// SetCadence saves a group's cadence (c.Version is the version read; 0 for
// the defaults) and returns it as saved. The next week drafted follows it;
// plans already saved are kept.
func (s *Service) SetCadence(ctx context.Context, c content.Cadence) (content.Cadence, error) {
	if _, err := s.st.Group(ctx, c.GroupID); err != nil {
		return content.Cadence{}, err
	}
	return s.st.SetCadence(ctx, c)
}

// CadenceForm is a cadence as the window edits it: times "HH:MM",
// weekdays 0 = Sunday, the gap in minutes.
type CadenceForm struct {
	MorningBrief   bool
	MorningBriefAt string
	LiveSession    bool
	LiveWeekday    int
	LiveSessionAt  string
	UGCCall        bool
	UGCNth         int
	UGCWeekday     int
	UGCCallAt      string
	SharesPerWeek  int
	ShareAt        string
	DailyCap       int
	MinGapMinutes  int
	QuietStart     string
	QuietEnd       string
	Version        int
}

// Cadence reads the form into group groupID's cadence; a time that is not
// "HH:MM" is refused.
func (f CadenceForm) Cadence(groupID int64) (content.Cadence, error) {
	c := content.Cadence{GroupID: groupID, MorningBrief: f.MorningBrief, LiveSession: f.LiveSession,
		LiveWeekday: time.Weekday(f.LiveWeekday), UGCCall: f.UGCCall, UGCNth: f.UGCNth, UGCWeekday: time.Weekday(f.UGCWeekday),
		SharesPerWeek: f.SharesPerWeek, DailyCap: f.DailyCap, MinGap: time.Duration(f.MinGapMinutes) * time.Minute,
		Version: f.Version}
	for _, p := range []struct {
		src string
		dst *content.Clock
	}{{f.MorningBriefAt, &c.MorningBriefAt}, {f.LiveSessionAt, &c.LiveSessionAt}, {f.UGCCallAt, &c.UGCCallAt},
		{f.ShareAt, &c.ShareAt}, {f.QuietStart, &c.QuietStart}, {f.QuietEnd, &c.QuietEnd}} {
		v, err := content.ParseClock(p.src)
		if err != nil {
			return content.Cadence{}, err
		}
		*p.dst = v
	}
	return c, nil
}

// FormOf is a cadence as the window edits it.
func FormOf(c content.Cadence) CadenceForm {
	return CadenceForm{MorningBrief: c.MorningBrief, MorningBriefAt: c.MorningBriefAt.String(),
		LiveSession: c.LiveSession, LiveWeekday: int(c.LiveWeekday), LiveSessionAt: c.LiveSessionAt.String(),
		UGCCall: c.UGCCall, UGCNth: c.UGCNth, UGCWeekday: int(c.UGCWeekday), UGCCallAt: c.UGCCallAt.String(),
		SharesPerWeek: c.SharesPerWeek, ShareAt: c.ShareAt.String(), DailyCap: c.DailyCap,
		MinGapMinutes: int(c.MinGap / time.Minute), QuietStart: c.QuietStart.String(), QuietEnd: c.QuietEnd.String(),
		Version: c.Version}
}
