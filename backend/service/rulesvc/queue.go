package rulesvc

import (
	"context"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
)

// ContextSize is how many messages a violation is shown with before and
// after it.
const ContextSize = 2

// Queue is a group's week of violations.
type Queue struct {
	Group      domain.GroupSummary
	Week       metrics.Week
	Rules      domain.RuleSet
	Custom     bool
	Violations []Violation
}

// Violation is one detected violation with the decision taken on it.
type Violation struct {
	// ID names the violation for the command line (`violation warn --id
	// N`): its message's id and its rule (IDOf), so it is the same on every
	// reading of the chat and two rules broken by one message differ; 0
	// when its message could not be found.
	ID       int64
	Key      string // metrics.ViolationKey: what the decision is stored under
	Rule     string
	MemberID int64
	Name     string
	At       time.Time // in the group's zone
	Content  string
	Context  []Line
	Decision string // "" open, or domain.ReviewDismissed/Warned/Removed
	// Strikes are the member's live strikes at the week's end.
	Strikes   int
	StruckOut bool
	Present   bool
}

// Line is one chat message around a violation.
type Line struct {
	At      time.Time
	Name    string
	Kind    string
	Content string
	Self    bool // the violating message itself
}

// ruleDigits number the rules inside a violation's id.
var ruleDigits = map[string]int64{metrics.RuleAds: 1, metrics.RuleFlood: 2, metrics.RuleAttack: 3}

// IDOf is the id of the violation of rule on message messageID.
func IDOf(messageID int64, rule string) int64 { return messageID*10 + ruleDigits[rule] }

// Queue returns the violations detected in week ("2024-W10"), oldest
// first, each with its message in context and the decision taken on it. A
// sender matching no member cannot be warned or removed and is left out.
func (s *Service) Queue(ctx context.Context, groupID int64, week string) (Queue, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return Queue{}, err
	}
	w, err := metrics.ParseWeek(week, sum.Location())
	if err != nil {
		return Queue{}, err
	}
	l, err := ledger.Load(ctx, s.st, sum.Group, w)
	if err != nil {
		return Queue{}, err
	}
	reviews, err := s.st.ViolationReviews(ctx, groupID)
	if err != nil {
		return Queue{}, err
	}
	saved, err := s.st.GroupRules(ctx, groupID)
	if err != nil {
		return Queue{}, err
	}
	// The week's messages, from an hour before it where a flood burst
	// counted in it may begin (as the week's figures read them): the
	// ledger itself holds none.
	msgs, err := s.st.AppendMessages(ctx, nil, groupID, w.Start.Add(-domain.MaxFloodSeconds*time.Second), w.End)
	if err != nil {
		return Queue{}, err
	}
	q := Queue{Group: sum, Week: w, Rules: Filled(*l.Input.Rules), Custom: saved != nil, Violations: []Violation{}}
	in := l.Input
	in.Messages = msgs
	for _, v := range metrics.Violations(in, w) {
		if v.MemberID != nil {
			q.Violations = append(q.Violations, violationOf(l, msgs, v, reviews))
		}
	}
	return q, nil
}

// violationOf is v of the week in l with its context from msgs.
func violationOf(l *ledger.Ledger, msgs []domain.Message, v metrics.Violation, reviews map[string]string) Violation {
	names := map[int64]string{}
	for _, row := range l.Rows {
		names[row.Member.ID] = row.Name
	}
	row, _ := l.Row(*v.MemberID)
	key := metrics.ViolationKey(v)
	e := Violation{Key: key, Rule: v.Rule, MemberID: *v.MemberID, Name: v.Name, At: v.At, Content: v.Content,
		Context: []Line{}, Decision: reviews[key], Strikes: row.Strikes, StruckOut: row.StruckOut, Present: row.Present}
	at := indexOf(msgs, *v.MemberID, v.At)
	if at < 0 {
		return e
	}
	e.ID = IDOf(msgs[at].ID, v.Rule)
	loc := l.Group.Location()
	for i := max(0, at-ContextSize); i <= min(len(msgs)-1, at+ContextSize); i++ {
		c := msgs[i]
		name := c.SenderName
		if c.MemberID != nil && names[*c.MemberID] != "" {
			name = names[*c.MemberID]
		}
		e.Context = append(e.Context, Line{At: c.SentAt.In(loc), Name: name, Kind: string(c.Kind),
			Content: domain.Excerpt(c.Content, 300), Self: i == at})
	}
	return e
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

// Decide records decision (domain.ReviewDismissed, ReviewWarned or
// ReviewRemoved) on the violation stored under key, audited. Removing also
// marks the member removed now, if still present; the strike stands
// unless dismissed.
func (s *Service) Decide(ctx context.Context, groupID, memberID int64, key, decision string) error {
	if decision == domain.ReviewRemoved {
		m, err := s.st.Member(ctx, groupID, memberID)
		if err != nil {
			return err
		}
		if now := s.clock.Now(); m.PresentAt(now) {
			if _, err := s.st.MarkRemoved(ctx, groupID, memberID, m.Version, now); err != nil {
				return err
			}
		}
	}
	return s.st.ReviewViolation(ctx, groupID, key, decision)
}

// Decided is a violation decided by its id, with its group.
type Decided struct {
	Group     domain.Group
	Violation Violation
}

// DecideByID decides the violation with id (from Queue), wherever it is:
// the id names its message, whose group and week are read to find it again.
func (s *Service) DecideByID(ctx context.Context, id int64, decision string) (Decided, error) {
	switch decision {
	case domain.ReviewDismissed, domain.ReviewWarned, domain.ReviewRemoved:
	default:
		return Decided{}, domain.Errorf(domain.EINVALID, "violation.bad_decision", map[string]any{"value": decision})
	}
	g, m, err := s.message(ctx, id/10)
	if err != nil || id <= 0 {
		return Decided{}, notFound(id, err)
	}
	q, err := s.Queue(ctx, g.ID, metrics.WeekOf(m.SentAt, g.Location()).String())
	if err != nil {
		return Decided{}, err
	}
	for _, v := range q.Violations {
		if v.ID == id {
			if err := s.Decide(ctx, g.ID, v.MemberID, v.Key, decision); err != nil {
				return Decided{}, err
			}
			v.Decision = decision
			return Decided{Group: g, Violation: v}, nil
		}
	}
	return Decided{}, notFound(id, nil)
}

// message finds message id in whichever group holds it.
func (s *Service) message(ctx context.Context, id int64) (domain.Group, domain.Message, error) {
	groups, err := s.st.Groups(ctx)
	if err != nil {
		return domain.Group{}, domain.Message{}, err
	}
	for _, g := range groups {
		m, err := s.st.Message(ctx, g.ID, id)
		if err == nil {
			return g.Group, m, nil
		}
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			return domain.Group{}, domain.Message{}, err
		}
	}
	return domain.Group{}, domain.Message{}, domain.Errorf(domain.ENOTFOUND, "violation.not_found", nil)
}

// notFound is the refusal of an id naming no violation; a failure other
// than "not found" is passed on.
func notFound(id int64, err error) error {
	if err != nil && domain.ErrorCode(err) != domain.ENOTFOUND {
		return err
	}
	return domain.Errorf(domain.ENOTFOUND, "violation.not_found", map[string]any{"id": id})
}
