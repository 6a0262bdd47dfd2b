// Package content is the content calendar's core (seed dimension 4): items,
// per-group cadences and the weekly plan generator. It imports only the
// domain and the standard library, so the rules that decide a plan can be
// tested without a database and the app and the CLI can never disagree.
// Qunzhu never posts anything itself: a plan is what a person will send.
package content

import (
	"strconv"
	"time"

	"qunzhu/backend/domain"
)

// Type is what an item gives the members; the seed's target mix is over
// these four.
type Type string

const (
	Tutorial    Type = "tutorial"    // 教程类 / 干货
	News        Type = "news"        // 资讯类
	Interactive Type = "interactive" // 互动类
	Benefit     Type = "benefit"     // 福利类
)

// Types lists the types in display order; ties in mix steering go to the
// earlier one, which keeps the generator deterministic.
var Types = []Type{Tutorial, News, Interactive, Benefit}

// TargetMix is the seed's golden ratio 35/28/22/15, in percent.
var TargetMix = map[Type]int{Tutorial: 35, News: 28, Interactive: 22, Benefit: 15}

// Format is the shape an item takes in the group.
type Format string

const (
	MorningBrief Format = "morning_brief" // 早报简讯, daily
	LiveSession  Format = "live_session"  // 专题直播, weekly
	UGCCall      Format = "ugc_call"      // UGC 征集, monthly
	// Share is a theme share (主题分享). The value is "share" because
	// docs/metrics.md defines theme_shares as "content items of format share
	// marked posted".
	Share Format = "share"
	Post  Format = "post" // anything else the operator places
)

// Formats lists the formats in display order.
var Formats = []Format{MorningBrief, LiveSession, UGCCall, Share, Post}

// Status is where an item stands.
type Status string

const (
	Planned Status = "planned"
	Posted  Status = "posted"
	Skipped Status = "skipped"
)

// Results are figures the operator enters after posting; nil = not entered.
type Results struct {
	Reach, Opens, Clicks, Conversions, Participants *int
}

// Note is one sentence of an explanation: a message key and its arguments,
// put into the user's words at the edge.
type Note struct {
	Key  string         `json:"key"`
	Args map[string]any `json:"args,omitempty"`
}

// Item is one piece of content on a group's calendar.
type Item struct {
	ID      int64
	GroupID int64
	Type    Type
	Format  Format
	// Title is empty for generated items: the edge names them from format
	// and type in the reader's language (早报 · 干货教程), so switching the
	// language renames them. An operator's own title is kept as written.
	Title       string
	Body        string // empty until the operator writes it
	ScheduledAt time.Time
	Status      Status
	Results     Results
	// Generated marks items the plan generator placed; a week "has a plan"
	// once one exists.
	Generated bool
	Reasons   []Note // why it sits where it does; empty for the operator's own
	// PresenterID is the member of the item's group who presents a theme
	// share (主讲成员); nil when none is named. Only format share carries
	// one: see Normalized.
	PresenterID *int64
	Version     int // optimistic concurrency: an edit names the version it read
}

// Normalized returns the item without what its format cannot carry: a
// presenter belongs to a theme share only, so an item changed to another
// format loses it. Dropping it rather than refusing the save is what an
// operator expects: the drawer hides the presenter picker as soon as the
// format is not share, and the save goes through.
func (it Item) Normalized() Item {
	if it.Format != Share {
		it.PresenterID = nil
	}
	return it
}

// EarnsSharePoints reports whether the item earns its presenter share
// points (docs/metrics.md "Points"): a theme share marked posted that names
// the member who presented it.
func (it Item) EarnsSharePoints() bool {
	return it.Format == Share && it.Status == Posted && it.PresenterID != nil
}

// Engagement reports whether the item is meant to make members act: those
// go into prime time, when the seed says reach is 218% higher.
func (it Item) Engagement() bool {
	return it.Type == Interactive || it.Format == LiveSession || it.Format == UGCCall
}

// Validate checks an item's codes and figures.
func (it Item) Validate() error {
	if !oneOf(it.Type, Types) {
		return domain.Errorf(domain.EINVALID, "content.bad_type", map[string]any{"value": string(it.Type)})
	}
	if !oneOf(it.Format, Formats) {
		return domain.Errorf(domain.EINVALID, "content.bad_format", map[string]any{"value": string(it.Format)})
	}
	if !oneOf(it.Status, []Status{Planned, Posted, Skipped}) {
		return domain.Errorf(domain.EINVALID, "content.bad_status", map[string]any{"value": string(it.Status)})
	}
	for _, v := range []*int{it.Results.Reach, it.Results.Opens, it.Results.Clicks, it.Results.Conversions, it.Results.Participants} {
		if v != nil && *v < 0 {
			return domain.Errorf(domain.EINVALID, "content.negative_result", nil)
		}
	}
	if it.ScheduledAt.IsZero() {
		return domain.Errorf(domain.EINVALID, "content.no_time", nil)
	}
	return nil
}

func oneOf[T comparable](v T, all []T) bool {
	for _, a := range all {
		if a == v {
			return true
		}
	}
	return false
}

// Clock is a time of day in minutes after local midnight.
type Clock int

// At builds a Clock from hours and minutes.
func At(h, m int) Clock { return Clock(h*60 + m) }

// String writes "20:30".
func (c Clock) String() string {
	h, m := int(c)/60, int(c)%60
	return pad(h) + ":" + pad(m)
}

func pad(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// ParseClock reads "HH:MM".
func ParseClock(s string) (Clock, error) {
	bad := domain.Errorf(domain.EINVALID, "content.bad_clock", map[string]any{"value": s})
	if len(s) != 5 || s[2] != ':' {
		return 0, bad
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, bad
	}
	return At(h, m), nil
}

// Prime time is the seed's 20:00–22:00, end exclusive (docs/metrics.md).
const (
	PrimeStart = Clock(20 * 60)
	PrimeEnd   = Clock(22 * 60)
)

// InPrime reports whether c is in prime time.
func InPrime(c Clock) bool { return c >= PrimeStart && c < PrimeEnd }

// Length is how long an item of format f occupies a calendar: the seed's
// brief takes 30 minutes; a live session or theme share an hour.
func Length(f Format) time.Duration {
	switch f {
	case LiveSession, Share:
		return time.Hour
	}
	return 30 * time.Minute
}
