package cli

import (
	"context"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/content"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// cadenceJSON is `cadence --json`: times "HH:MM", weekdays in English
// lower case, "" where a format is off.
type cadenceJSON struct {
	MorningBrief  string `json:"morning_brief"`
	LiveSession   string `json:"live_session"`
	LiveWeekday   string `json:"live_weekday"`
	UGCCall       string `json:"ugc_call"`
	UGCWeekday    string `json:"ugc_weekday"`
	UGCNth        int    `json:"ugc_nth"`
	SharesPerWeek int    `json:"shares_per_week"`
	ShareAt       string `json:"share_at"`
	DailyCap      int    `json:"daily_cap"`
	MinGapMinutes int    `json:"min_gap_minutes"`
	QuietHours    string `json:"quiet_hours"`
}

// cadence shows a group's cadence and, given flags, changes it first. The
// next week drafted follows it; plans already saved are kept.
func (r *run) cadence(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	svc := r.contentService(st)
	c, err := svc.Cadence(ctx, g.ID)
	if err != nil {
		return err
	}
	changed := false
	bad := func(flag, v string) error {
		return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--" + flag, "value": v}}
	}
	clock := func(flag string, on *bool, dst *content.Clock) error {
		v, ok := r.inv.flags[flag]
		if !ok {
			return nil
		}
		changed = true
		if v == "off" && on != nil {
			*on = false
			return nil
		}
		t, err := content.ParseClock(v)
		if err != nil {
			return bad(flag, v)
		}
		if on != nil {
			*on = true
		}
		*dst = t
		return nil
	}
	weekday := func(flag string, dst *time.Weekday) error {
		v, ok := r.inv.flags[flag]
		if !ok {
			return nil
		}
		changed = true
		for d := time.Sunday; d <= time.Saturday; d++ {
			if strings.EqualFold(v, d.String()) || strings.EqualFold(v, d.String()[:3]) {
				*dst = d
				return nil
			}
		}
		return bad(flag, v)
	}
	number := func(flag string, dst *int) error {
		v, ok := r.inv.flags[flag]
		if !ok {
			return nil
		}
		changed = true
		n, err := strconv.Atoi(v)
		if err != nil {
			return bad(flag, v)
		}
		*dst = n
		return nil
	}
	gap := int(c.MinGap / time.Minute)
	for _, err := range []error{
		clock("brief", &c.MorningBrief, &c.MorningBriefAt),
		clock("live", &c.LiveSession, &c.LiveSessionAt), weekday("live-day", &c.LiveWeekday),
		clock("ugc", &c.UGCCall, &c.UGCCallAt), weekday("ugc-day", &c.UGCWeekday), number("ugc-nth", &c.UGCNth),
		number("shares", &c.SharesPerWeek), clock("share-at", nil, &c.ShareAt),
		number("cap", &c.DailyCap), number("gap", &gap),
	} {
		if err != nil {
			return err
		}
	}
	c.MinGap = time.Duration(gap) * time.Minute
	if v, ok := r.inv.flags["quiet"]; ok {
		changed = true
		a, b, found := strings.Cut(v, "-")
		from, err1 := content.ParseClock(a)
		to, err2 := content.ParseClock(b)
		if !found || err1 != nil || err2 != nil {
			return bad("quiet", v)
		}
		c.QuietStart, c.QuietEnd = from, to
	}
	if changed {
		if c, err = svc.SetCadence(ctx, c); err != nil {
			return err
		}
	}
	on := func(b bool, t content.Clock) string {
		if !b {
			return ""
		}
		return t.String()
	}
	out := cadenceJSON{MorningBrief: on(c.MorningBrief, c.MorningBriefAt),
		LiveSession: on(c.LiveSession, c.LiveSessionAt), LiveWeekday: strings.ToLower(c.LiveWeekday.String()),
		UGCCall: on(c.UGCCall, c.UGCCallAt), UGCWeekday: strings.ToLower(c.UGCWeekday.String()), UGCNth: c.UGCNth,
		SharesPerWeek: c.SharesPerWeek, ShareAt: c.ShareAt.String(), DailyCap: c.DailyCap,
		MinGapMinutes: int(c.MinGap / time.Minute), QuietHours: c.QuietStart.String() + "-" + c.QuietEnd.String()}
	if r.inv.json {
		return r.printJSON(out)
	}
	t := func(k string) string { return msg.T(r.lang, k, nil) }
	off := t("cadence.off")
	or := func(s string) string {
		if s == "" {
			return off
		}
		return s
	}
	wd := func(d time.Weekday) string { return t("weekday." + strconv.Itoa(int(d))) }
	rows := [][]string{
		{t("content.format.morning_brief"), or(out.MorningBrief)},
		{t("content.format.live_session"), or(strings.TrimSpace(wd(c.LiveWeekday) + " " + out.LiveSession))},
		{t("content.format.ugc_call"), msg.T(r.lang, "cadence.ugc", map[string]any{"nth": c.UGCNth, "weekday": wd(c.UGCWeekday), "time": or(out.UGCCall)})},
		{t("content.format.share"), msg.T(r.lang, "cadence.shares", map[string]any{"n": c.SharesPerWeek, "time": out.ShareAt})},
		{t("cadence.cap"), strconv.Itoa(c.DailyCap)},
		{t("cadence.gap"), strconv.Itoa(out.MinGapMinutes)},
		{t("cadence.quiet"), out.QuietHours},
	}
	if !c.LiveSession {
		rows[1][1] = off
	}
	return writeTable(r.Stdout, rows)
}
