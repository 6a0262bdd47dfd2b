package app

import (
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/service/membersvc"
	"qunzhu/backend/store"
)

// RulesService is the bound service of a group's Rules tab: the rule set in
// force and the week's violations queue, where each detected violation is
// dismissed (no strike), warned (the strike stands) or acted on by removing
// the member.
type RulesService struct {
	app *App
	st  *store.Store
}

// RuleSetDTO is the rule set the violations are detected by.
type RuleSetDTO struct {
	AdWords      []string `json:"adWords"`
	Whitelist    []string `json:"whitelist"`
	FloodCount   int      `json:"floodCount"`
	FloodSeconds int      `json:"floodSeconds"`
	AttackWords  []string `json:"attackWords"`
	StrikeDays   int      `json:"strikeDays"`
	StrikeLimit  int      `json:"strikeLimit"`
	InactiveDays int      `json:"inactiveDays"`
	ShareQuota   int      `json:"shareQuota"`
}

// ContextDTO is one chat message around a violation.
type ContextDTO struct {
	At      string `json:"at"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Content string `json:"content"`
	Self    bool   `json:"self"` // the violating message itself
}

// ViolationDTO is one entry of the queue.
type ViolationDTO struct {
	Key       string       `json:"key"`
	Rule      string       `json:"rule"`
	MemberID  int64        `json:"memberId"`
	Name      string       `json:"name"`
	At        string       `json:"at"`
	Content   string       `json:"content"`
	Context   []ContextDTO `json:"context"`
	Decision  string       `json:"decision"` // "" open, dismissed, warned, removed
	Strikes   int          `json:"strikes"`  // the member's live strikes at the week's end
	StruckOut bool         `json:"struckOut"`
	Present   bool         `json:"present"`
}

// ViolationQueueDTO is a group's week of violations.
type ViolationQueueDTO struct {
	Group      GroupDTO       `json:"group"`
	Week       WeekDTO        `json:"week"`
	Rules      RuleSetDTO     `json:"rules"`
	Custom     bool           `json:"custom"` // the group edited its rules (else the defaults)
	Violations []ViolationDTO `json:"violations"`
}

// contextSize is how many messages the queue shows before and after one.
const contextSize = 2

// Queue returns the violations detected in week, oldest first, each with its
// message in context and the decision taken on it.
func (s *RulesService) Queue(groupID int64, week string) (ViolationQueueDTO, error) {
	ctx := s.app.context()
	lv, err := s.app.mbrs.svc.Ledger(ctx, membersvc.LedgerInput{GroupID: groupID, Week: week})
	if err != nil {
		return ViolationQueueDTO{}, err
	}
	l, sum := lv.Ledger, lv.Summary
	reviews, err := s.st.ViolationReviews(ctx, groupID)
	if err != nil {
		return ViolationQueueDTO{}, err
	}
	saved, err := s.st.GroupRules(ctx, groupID)
	if err != nil {
		return ViolationQueueDTO{}, err
	}
	d := ViolationQueueDTO{Group: groupDTO(sum), Week: weekDTO(l.Week), Violations: []ViolationDTO{},
		Rules: ruleSetDTO(metrics.RuleSetOf(*l.Input.Rules)), Custom: saved != nil}
	loc := l.Group.Location()
	names := map[int64]string{}
	for _, row := range l.Rows {
		names[row.Member.ID] = row.Name
	}
	// The week's messages, from an hour before it where a flood burst
	// counted in it may begin (as the week's figures read them): the
	// ledger itself holds none.
	msgs, err := s.st.AppendMessages(ctx, nil, groupID, l.Week.Start.Add(-domain.MaxFloodSeconds*time.Second), l.Week.End)
	if err != nil {
		return ViolationQueueDTO{}, err
	}
	in := l.Input
	in.Messages = msgs
	for _, v := range metrics.Violations(in, l.Week) {
		if v.MemberID == nil {
			continue // a sender matching no member cannot be warned or removed
		}
		row, _ := l.Row(*v.MemberID)
		key := metrics.ViolationKey(v)
		e := ViolationDTO{Key: key, Rule: v.Rule, MemberID: *v.MemberID, Name: v.Name, At: rfc3339(v.At, loc), Content: v.Content,
			Context: []ContextDTO{}, Decision: reviews[key], Strikes: row.Strikes, StruckOut: row.StruckOut, Present: row.Present}
		at := indexOf(msgs, *v.MemberID, v.At)
		for i := max(0, at-contextSize); at >= 0 && i <= min(len(msgs)-1, at+contextSize); i++ {
			c := msgs[i]
			name := c.SenderName
			if c.MemberID != nil && names[*c.MemberID] != "" {
				name = names[*c.MemberID]
			}
			e.Context = append(e.Context, ContextDTO{At: rfc3339(c.SentAt, loc), Name: name, Kind: string(c.Kind),
				Content: domain.Excerpt(c.Content, 300), Self: i == at})
		}
		d.Violations = append(d.Violations, e)
	}
	return d, nil
}

// indexOf finds the member's message at instant t in time-ordered msgs; -1 if none.
func indexOf(msgs []domain.Message, memberID int64, t time.Time) int {
	for i := range msgs {
		if msgs[i].SentAt.Equal(t) && msgs[i].MemberID != nil && *msgs[i].MemberID == memberID {
			return i
		}
	}
	return -1
}

// Review records the decision on one violation. Removing also marks the
// member removed now (if still present); the strike stands either way.
func (s *RulesService) Review(groupID, memberID int64, key, decision string) error {
	ctx := s.app.context()
	if decision == domain.ReviewRemoved {
		m, err := s.st.Member(ctx, groupID, memberID)
		if err != nil {
			return err
		}
		if now := s.app.now(); m.PresentAt(now) {
			if _, err := s.st.MarkRemoved(ctx, groupID, memberID, m.Version, now); err != nil {
				return err
			}
		}
	}
	return s.st.ReviewViolation(ctx, groupID, key, decision)
}

// SaveRules stores the group's edited rule set; every figure, strike and
// queue is derived from the chat by the rules, so they all follow at once.
func (s *RulesService) SaveRules(groupID int64, in RuleSetDTO) (RuleSetDTO, error) {
	rs := domain.RuleSet{AdWords: in.AdWords, Whitelist: in.Whitelist, FloodCount: in.FloodCount, FloodSeconds: in.FloodSeconds,
		AttackWords: in.AttackWords, StrikeDays: in.StrikeDays, StrikeLimit: in.StrikeLimit,
		InactiveDays: in.InactiveDays, ShareQuota: in.ShareQuota}
	saved, err := s.st.SetGroupRules(s.app.context(), groupID, &rs)
	if err != nil {
		return RuleSetDTO{}, err
	}
	return ruleSetDTO(*saved), nil
}

// ResetRules puts the group back on the default rules.
func (s *RulesService) ResetRules(groupID int64) (RuleSetDTO, error) {
	if _, err := s.st.SetGroupRules(s.app.context(), groupID, nil); err != nil {
		return RuleSetDTO{}, err
	}
	return ruleSetDTO(metrics.RuleSetOf(metrics.DefaultRules())), nil
}

// ruleSetDTO shows r with its defaults filled in (a rule set saved before
// a field existed holds zero for it).
func ruleSetDTO(r domain.RuleSet) RuleSetDTO {
	r = metrics.RuleSetOf(metrics.RulesOf(&r))
	return RuleSetDTO{AdWords: nonNilStrings(r.AdWords), Whitelist: nonNilStrings(r.Whitelist), FloodCount: r.FloodCount,
		FloodSeconds: r.FloodSeconds, AttackWords: nonNilStrings(r.AttackWords), StrikeDays: r.StrikeDays, StrikeLimit: r.StrikeLimit,
		InactiveDays: r.InactiveDays, ShareQuota: r.ShareQuota}
}

// now is the wall clock at the edge: when the operator acts.
func (a *App) now() time.Time { return time.Now() }
