package metrics

import (
	"sort"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// answerLimit is how long after a question a staff message still answers it.
const answerLimit = 86400 * time.Second

// Input is everything one week's figures need.
type Input struct {
	Group    domain.Group
	Members  []domain.Member  // all the group's members
	Messages []domain.Message // at least Window(w)
	Earliest *time.Time       // the group's earliest imported message of any kind (nil: none)
	MuteRate *float64         // hand-entered, nil = not entered
	// LinkClicks and LinkReach are hand-entered, nil = not entered.
	LinkClicks, LinkReach *int
	// ThemeShares counts content items of format share posted in the week;
	// nil when the group has no content items at all.
	ThemeShares *int
	Rules       *Rules // nil: DefaultRules()
	// StaffIDs are members known to be staff from messages outside
	// Messages (the member ledger reads only the recent ones, and who sent
	// a staff message before them from the rollup); nil: none.
	StaffIDs map[int64]bool
}

// Weekly is one group's figures for one week, keyed as docs/metrics.md's weekly
// table. Nullable figures are nil when not measured, never 0.
type Weekly struct {
	Group string    `json:"group"`
	Week  string    `json:"week"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`

	Messages         int      `json:"messages"`
	MessagesPerDay   float64  `json:"messages_per_day"`
	ActiveMembers    int      `json:"active_members"`
	MembersStart     int      `json:"members_start"`
	MembersEnd       int      `json:"members_end"`
	ActiveRate       *float64 `json:"active_rate"`
	NewMembers       int      `json:"new_members"`
	LeftMembers      int      `json:"left_members"`
	ChurnRate        *float64 `json:"churn_rate"`
	NextDayRetention *float64 `json:"next_day_retention"`

	Questions             int      `json:"questions"`
	Answered              int      `json:"answered"`
	Unanswered            int      `json:"unanswered"`
	ResponseMedianMinutes *float64 `json:"response_median_minutes"`
	ResponseP90Minutes    *float64 `json:"response_p90_minutes"`

	LinkPosts      int             `json:"link_posts"`
	LinkClickRate  *float64        `json:"link_click_rate"`
	MuteRate       *float64        `json:"mute_rate"`
	Checkins       int             `json:"checkins"`
	ThemeShares    *int            `json:"theme_shares"`
	PrimeTimeRatio *float64        `json:"prime_time_ratio"`
	Hourly         [7][24]int      `json:"hourly"`
	Violations     ViolationCounts `json:"violations"`
	// InactiveMembers are display names, sorted; nil when not measurable.
	InactiveMembers []string `json:"inactive_members"`

	Checks []Check `json:"checks"`
	// ChecksApplicable is how many checks the score rests on (0 in a
	// silent week).
	ChecksApplicable int  `json:"checks_applicable"`
	HealthScore      *int `json:"health_score"`

	// delays are the answered questions' waits in seconds, in question
	// order: the response-time chart draws them, the JSON does not carry them.
	delays []int64
	// unanswered are the week's questions without an answer in time.
	unanswered []UnansweredQuestion
	// asked are all the week's questions with their answers, in time order.
	asked []Question
	// inactiveDays is the silence the week's inactive members were judged by.
	inactiveDays int
}

// Silent reports whether the week has no countable message: the group is
// silent (群已沉寂), which is an alert of its own and has no health score.
func (w Weekly) Silent() bool { return w.Messages == 0 }

// InactiveDays is the silence, in days, that made a member inactive this
// week (the group's rules; 14 by default).
func (w Weekly) InactiveDays() int { return w.inactiveDays }

// UnansweredQuestion is a question of the week that no staff message
// answered within 24 hours: what the owner should still go back to.
type UnansweredQuestion struct {
	Name string    // the asker's display name
	At   time.Time // when it was asked
	Text string    // an excerpt of the question
	// WaitSeconds is how long it waited: until a staff message that came
	// too late (Late), or else until the last message Qunzhu has in the
	// week's window (the asker may be waiting still).
	WaitSeconds int64
	Late        bool
}

// UnansweredQuestions lists the week's unanswered questions, longest wait
// first.
func (w Weekly) UnansweredQuestions() []UnansweredQuestion { return w.unanswered }

// ResponseDelays returns the week's answered questions' waits in whole
// seconds (question → first staff message), the data behind
// response_median_minutes and response_p90_minutes.
func (w Weekly) ResponseDelays() []int64 { return w.delays }

// ViolationCounts counts the week's violations by rule.
type ViolationCounts struct {
	Ads    int `json:"ads"`
	Flood  int `json:"flood"`
	Attack int `json:"attack"`
}

// questionWords mark a question (docs/metrics.md `questions`); the store's
// check-in rollup reads the same list (domain.IsCheckinText).
var questionWords = domain.QuestionWords

var questionSet = newWords(questionWords)

// IsQuestion reports whether text, with its URLs removed, asks something.
func IsQuestion(text string) bool {
	return questionSet.in(domain.StripURLs(text))
}

// Compute returns week w's figures. in.Messages must cover Window(w).
func Compute(in Input, w Week) Weekly {
	loc := in.Group.Location()
	msgs := sorted(in.Messages)
	p := newPeople(in.Group, in.Members, msgs, in.StaffIDs)
	out := Weekly{Group: in.Group.Name, Week: w.String(), Start: w.Start.In(loc), End: w.End.In(loc),
		MuteRate: in.MuteRate, ThemeShares: in.ThemeShares, inactiveDays: in.Rules.inactiveDays()}

	members(&out, in.Members, w, loc)
	chat(&out, in, p, msgs, w, loc)
	out.InactiveMembers = inactive(in, p, msgs, w)

	for _, v := range violations(in, p, msgs, w.Start, w.End) {
		switch v.Rule {
		case RuleAds:
			out.Violations.Ads++
		case RuleFlood:
			out.Violations.Flood++
		case RuleAttack:
			out.Violations.Attack++
		}
	}
	if in.LinkClicks != nil && in.LinkReach != nil {
		out.LinkClickRate = ratio(*in.LinkClicks, *in.LinkReach)
	}
	out.Checks, out.ChecksApplicable, out.HealthScore = checks(out, in.Rules.shareQuota())
	return out
}

// members fills the presence figures.
func members(out *Weekly, all []domain.Member, w Week, loc *time.Location) {
	retained := 0
	for _, m := range all {
		if m.LeftUndated && m.LeftAt == nil {
			continue // left at an unknown time: counted nowhere
		}
		if m.PresentAt(w.Start) {
			out.MembersStart++
		}
		if m.PresentAt(w.End) {
			out.MembersEnd++
		}
		if m.LeftAt != nil && inRange(*m.LeftAt, w.Start, w.End) {
			out.LeftMembers++
		}
		if m.JoinedAt != nil && inRange(*m.JoinedAt, w.Start, w.End) {
			out.NewMembers++
			j := m.JoinedAt.In(loc)
			if m.PresentAt(time.Date(j.Year(), j.Month(), j.Day()+2, 0, 0, 0, 0, loc)) {
				retained++
			}
		}
	}
	out.ChurnRate = ratio(out.LeftMembers, out.MembersStart)
	out.NextDayRetention = ratio(retained, out.NewMembers)
}

// chat fills the figures read from the week's messages.
func chat(out *Weekly, in Input, p *people, msgs []domain.Message, w Week, loc *time.Location) {
	word := strings.TrimSpace(in.Group.CheckinWord)
	if word == "" {
		word = domain.DefaultCheckinWord
	}
	var staffTimes []time.Time // staff countable messages, in time order
	var staffIdx []int         // and their indexes in msgs
	for i := range msgs {
		if msgs[i].Kind.Countable() && p.staffAt(msgs, i) {
			staffTimes = append(staffTimes, msgs[i].SentAt)
			staffIdx = append(staffIdx, i)
		}
	}
	active := map[int64]bool{}
	checkins := map[dayKey]bool{}
	var delays []int64 // seconds
	prime := 0
	for i := range msgs {
		m := &msgs[i]
		if !m.Kind.Countable() || !inRange(m.SentAt, w.Start, w.End) {
			continue
		}
		out.Messages++
		active[p.key(m)] = true
		t := m.SentAt.In(loc)
		out.Hourly[(int(t.Weekday())+6)%7][t.Hour()]++
		if t.Hour() >= 20 && t.Hour() < 22 {
			prime++
		}
		if domain.IsLinkPost(m.Kind, m.Content) {
			out.LinkPosts++
		}
		if m.Kind != domain.KindText || p.staffAt(msgs, i) {
			continue
		}
		if IsQuestion(m.Content) {
			out.Questions++
			q := Question{Name: p.name(m), At: m.SentAt, Text: domain.Excerpt(m.Content, 80)}
			if k, ok := answerOf(staffTimes, m.SentAt); ok {
				a := &msgs[staffIdx[k]]
				at, d := a.SentAt, int64(a.SentAt.Sub(m.SentAt)/time.Second)
				q.AnsweredAt, q.AnsweredBy, q.DelaySeconds = &at, p.name(a), &d
				out.Answered++
				delays = append(delays, d)
			} else {
				out.unanswered = append(out.unanswered, unansweredAt(m, q.Name, staffTimes, msgs[len(msgs)-1].SentAt))
			}
			out.asked = append(out.asked, q)
		} else if strings.Contains(m.Content, word) {
			checkins[dayKey{p.key(m), int32(t.Year()*400 + t.YearDay())}] = true
		}
	}
	out.MessagesPerDay = float64(out.Messages) / 7
	out.ActiveMembers = len(active)
	out.ActiveRate = ratio(out.ActiveMembers, out.MembersEnd)
	out.Unanswered = out.Questions - out.Answered
	out.Checkins = len(checkins)
	out.PrimeTimeRatio = ratio(prime, out.Messages)
	out.ResponseMedianMinutes, out.ResponseP90Minutes = delayMinutes(delays)
	out.delays = delays
	sort.SliceStable(out.unanswered, func(i, j int) bool { return out.unanswered[i].WaitSeconds > out.unanswered[j].WaitSeconds })
}

// unansweredAt describes question m, which had no answer within the limit;
// horizon is the last message read.
func unansweredAt(m *domain.Message, name string, staff []time.Time, horizon time.Time) UnansweredQuestion {
	q := UnansweredQuestion{Name: name, At: m.SentAt, Text: domain.Excerpt(m.Content, 80)}
	i := sort.Search(len(staff), func(i int) bool { return staff[i].After(m.SentAt) })
	if i < len(staff) {
		q.WaitSeconds, q.Late = int64(staff[i].Sub(m.SentAt)/time.Second), true
	} else {
		q.WaitSeconds = int64(max(horizon.Sub(m.SentAt), 0) / time.Second)
	}
	return q
}

// answerOf is the index in staff of the first staff message strictly after
// a question at q, if that comes within answerLimit: the question's answer.
func answerOf(staff []time.Time, q time.Time) (int, bool) {
	i := sort.Search(len(staff), func(i int) bool { return staff[i].After(q) })
	if i == len(staff) || staff[i].Sub(q) > answerLimit {
		return 0, false
	}
	return i, true
}

// inactive lists removal candidates' display names; nil when the chat does
// not reach back to end − the inactivity days (14 by default).
func inactive(in Input, p *people, msgs []domain.Message, w Week) []string {
	ids, ok := inactiveIDs(in, p, msgs, w)
	if !ok {
		return nil
	}
	out := []string{}
	for _, m := range in.Members {
		if ids[m.ID] {
			out = append(out, m.DisplayName())
		}
	}
	sort.Strings(out)
	return out
}

// Inactive returns the ids of the removal candidates at the end of week w
// (docs/metrics.md inactive_members), and false when that is not measurable.
func Inactive(in Input, w Week) (map[int64]bool, bool) {
	msgs := sorted(in.Messages)
	return inactiveIDs(in, newPeople(in.Group, in.Members, msgs, in.StaffIDs), msgs, w)
}

func inactiveIDs(in Input, p *people, msgs []domain.Message, w Week) (map[int64]bool, bool) {
	since := InactiveSince(in, w)
	spoke := map[int64]bool{}
	for i := range msgs {
		m := &msgs[i]
		if m.MemberID != nil && m.Kind.Countable() && inRange(m.SentAt, since, w.End) {
			spoke[*m.MemberID] = true
		}
	}
	return inactiveAmong(in, p, spoke, w)
}

// InactiveSince is the start of the days inactive_members looks back on
// from the end of week w: a local midnight.
func InactiveSince(in Input, w Week) time.Time {
	return w.End.In(in.Group.Location()).AddDate(0, 0, -in.Rules.inactiveDays())
}

// InactiveFrom is Inactive for a caller that knows who spoke in
// [InactiveSince, w.End) without the messages (the member ledger, from the
// rollup): spoke holds the members with a countable message then.
// in.Messages and in.StaffIDs decide who is staff, as everywhere.
func InactiveFrom(in Input, w Week, spoke map[int64]bool) (map[int64]bool, bool) {
	msgs := sorted(in.Messages)
	return inactiveAmong(in, newPeople(in.Group, in.Members, msgs, in.StaffIDs), spoke, w)
}

func inactiveAmong(in Input, p *people, spoke map[int64]bool, w Week) (map[int64]bool, bool) {
	since := InactiveSince(in, w)
	if in.Earliest == nil || in.Earliest.After(since) {
		return nil, false
	}
	out := map[int64]bool{}
	for _, m := range in.Members {
		if !m.PresentAt(w.End) || p.staff[m.ID] || m.Tier == domain.TierCore || spoke[m.ID] {
			continue
		}
		if m.JoinedAt != nil && m.JoinedAt.After(since) {
			continue
		}
		out[m.ID] = true
	}
	return out, true
}

type checkinKey struct {
	who senderKey
	day string
}

func localDay(t time.Time) string { return t.Format("2006-01-02") }

// dayKey is checkinKey with the local day as a number (year·400 + day of
// the year): the week's check-in count keys one per check-in message, and
// formatting a date string for each cost more than the rest of the count.
type dayKey struct {
	who int64 // people.key
	day int32
}

// sorted returns msgs in time order (ties keep their order: file order):
// msgs itself when already so (as the store returns them), else a sorted
// copy. Nothing here writes to it.
func sorted(msgs []domain.Message) []domain.Message {
	inOrder := true
	for i := 1; i < len(msgs) && inOrder; i++ {
		inOrder = !msgs[i].SentAt.Before(msgs[i-1].SentAt)
	}
	if inOrder {
		return msgs
	}
	out := append([]domain.Message(nil), msgs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].SentAt.Before(out[j].SentAt) })
	return out
}

// ratio is a/b, nil when b is 0.
func ratio(a, b int) *float64 {
	if b == 0 {
		return nil
	}
	r := float64(a) / float64(b)
	return &r
}
