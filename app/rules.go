package app

import (
	"qunzhu/backend/domain"
	"qunzhu/backend/service/rulesvc"
)

// RulesService is the bound service of a group's Rules tab: the rule set in
// force and the week's violations queue, where each detected violation is
// dismissed (no strike), warned (the strike stands) or acted on by removing
// the member. The logic is rulesvc's, shared with the command line.
type RulesService struct {
	app *App
	svc *rulesvc.Service
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
	// ReplyMinutes is the live watch's wait before an unanswered question
	// reminds, as in force; 0 sent: the default (options defaults.replyMinutes).
	ReplyMinutes int `json:"replyMinutes"`
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
	ID        int64        `json:"id"` // the command line's id (violation warn --id)
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

// Queue returns the violations detected in week, oldest first, each with its
// message in context and the decision taken on it.
func (s *RulesService) Queue(groupID int64, week string) (ViolationQueueDTO, error) {
	q, err := s.svc.Queue(s.app.context(), groupID, week)
	if err != nil {
		return ViolationQueueDTO{}, err
	}
	d := ViolationQueueDTO{Group: groupDTO(q.Group), Week: weekDTO(q.Week), Rules: ruleSetDTO(q.Rules), Custom: q.Custom,
		Violations: make([]ViolationDTO, 0, len(q.Violations))}
	loc := q.Group.Location()
	for _, v := range q.Violations {
		e := ViolationDTO{ID: v.ID, Key: v.Key, Rule: v.Rule, MemberID: v.MemberID, Name: v.Name, At: rfc3339(v.At, loc),
			Content: v.Content, Context: make([]ContextDTO, 0, len(v.Context)), Decision: v.Decision, Strikes: v.Strikes,
			StruckOut: v.StruckOut, Present: v.Present}
		for _, c := range v.Context {
			e.Context = append(e.Context, ContextDTO{At: rfc3339(c.At, loc), Name: c.Name, Kind: c.Kind, Content: c.Content, Self: c.Self})
		}
		d.Violations = append(d.Violations, e)
	}
	return d, nil
}

// Review records the decision on one violation. Removing also marks the
// member removed now (if still present); the strike stands either way.
func (s *RulesService) Review(groupID, memberID int64, key, decision string) error {
	return s.svc.Decide(s.app.context(), groupID, memberID, key, decision)
}

// SaveRules stores the group's edited rule set; every figure, strike and
// queue is derived from the chat by the rules, so they all follow at once.
func (s *RulesService) SaveRules(groupID int64, in RuleSetDTO) (RuleSetDTO, error) {
	rs := domain.RuleSet{AdWords: in.AdWords, Whitelist: in.Whitelist, FloodCount: in.FloodCount, FloodSeconds: in.FloodSeconds,
		AttackWords: in.AttackWords, StrikeDays: in.StrikeDays, StrikeLimit: in.StrikeLimit,
		InactiveDays: in.InactiveDays, ShareQuota: in.ShareQuota, ReplyMinutes: in.ReplyMinutes}
	saved, err := s.svc.Save(s.app.context(), groupID, rs)
	if err != nil {
		return RuleSetDTO{}, err
	}
	return ruleSetDTO(saved), nil
}

// ResetRules puts the group back on the default rules.
func (s *RulesService) ResetRules(groupID int64) (RuleSetDTO, error) {
	saved, err := s.svc.Reset(s.app.context(), groupID)
	if err != nil {
		return RuleSetDTO{}, err
	}
	return ruleSetDTO(saved), nil
}

// RulesText is the group's 群规 written from its rules in the UI language,
// the same text `qunzhu rules text` prints.
func (s *RulesService) RulesText(groupID int64) (string, error) {
	return s.svc.Text(s.app.context(), groupID, s.app.lang())
}

// ruleSetDTO is r (its defaults filled in by rulesvc) for the window.
func ruleSetDTO(r domain.RuleSet) RuleSetDTO {
	return RuleSetDTO{AdWords: nonNilStrings(r.AdWords), Whitelist: nonNilStrings(r.Whitelist), FloodCount: r.FloodCount,
		FloodSeconds: r.FloodSeconds, AttackWords: nonNilStrings(r.AttackWords), StrikeDays: r.StrikeDays, StrikeLimit: r.StrikeLimit,
		InactiveDays: r.InactiveDays, ShareQuota: r.ShareQuota, ReplyMinutes: r.ReplyMinutes}
}
