package metrics

import (
	"sort"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/rulecheck"
)

// Rule names.
const (
	RuleAds    = "ads"
	RuleFlood  = "flood"
	RuleAttack = "attack"
)

// Rules are a group's moderation rules (docs/metrics.md "Rules").
type Rules struct {
	AdWords     []string      // case-sensitive
	Whitelist   []string      // link hosts allowed, with their subdomains
	FloodCount  int           // messages in a run; 0 turns the rule off
	FloodWithin time.Duration // from the run's first message to its last
	AttackWords []string
	// StrikeDays is how long a strike stays live; StrikeLimit the number of
	// live strikes that puts a member on the removal list. Zero means the
	// default (30 days, 3 strikes): a rule set saved before these existed
	// keeps the documented behaviour rather than striking nobody out.
	StrikeDays  int
	StrikeLimit int
	// InactiveDays is the silence that makes a member inactive, ShareQuota
	// the weekly theme shares the check asks for; zero means the default
	// (14 days, 2 shares).
	InactiveDays int
	ShareQuota   int
	// ReplyMinutes is the live watch's reminder threshold (0: the default).
	ReplyMinutes int
}

// DefaultRules are the rules every group starts with.
func DefaultRules() Rules {
	return Rules{
		AdWords:      append([]string(nil), rulecheck.DefaultAdWords...),
		Whitelist:    append([]string(nil), rulecheck.DefaultWhitelist...),
		FloodCount:   5,
		FloodWithin:  60 * time.Second,
		AttackWords:  append([]string(nil), rulecheck.DefaultAttackWords...),
		StrikeDays:   DefaultStrikeDays,
		StrikeLimit:  DefaultStrikeLimit,
		InactiveDays: DefaultInactiveDays,
		ShareQuota:   DefaultShareQuota,
	}
}

// Violation is one message (or, for flood, one burst's first message) that
// breaks a rule.
type Violation struct {
	Rule     string    `json:"rule"`
	MemberID *int64    `json:"member_id"`
	Name     string    `json:"name"`
	At       time.Time `json:"at"`
	Content  string    `json:"content"`
}

// Violations lists the violations of week w in time order (ties: ads, flood,
// attack). in.Messages should cover Window(w); in.Rules nil means DefaultRules.
func Violations(in Input, w Week) []Violation {
	msgs := sorted(in.Messages)
	return violations(in, newPeople(in.Group, in.Members, msgs, in.StaffIDs), msgs, w.Start, w.End)
}

func violations(in Input, p *people, msgs []domain.Message, from, to time.Time) []Violation {
	return violationsOf(in, p, msgs, from, to, perMessageRules|floodRule)
}

// Which rules violationsOf applies: those judging one message at a time
// (ads, attack), the flood rule (bursts in a sender's stream), or both.
const (
	perMessageRules = 1 << iota
	floodRule
)

func violationsOf(in Input, p *people, msgs []domain.Message, from, to time.Time, which int) []Violation {
	r := DefaultRules()
	if in.Rules != nil {
		r = *in.Rules
	}
	loc := in.Group.Location()
	out := []Violation{}
	add := func(rule string, m *domain.Message) {
		out = append(out, Violation{Rule: rule, MemberID: memberID(m), Name: p.name(m), At: m.SentAt.In(loc), Content: m.Content})
	}
	judge := rulecheck.NewJudge(r.AdWords, r.AttackWords, r.Whitelist)
	streams := map[int64][]int{}
	for i := range msgs {
		m := &msgs[i]
		if !m.Kind.Countable() || p.staffAt(msgs, i) {
			continue
		}
		if which&floodRule != 0 {
			k := p.key(m)
			streams[k] = append(streams[k], i)
		}
		if which&perMessageRules != 0 && inRange(m.SentAt, from, to) {
			if judge.IsAd(m.Kind, m.Content, m.URL) {
				add(RuleAds, m)
			}
			if judge.IsAttack(m.Content) {
				add(RuleAttack, m)
			}
		}
	}
	var at []int64 // each message's time, compact for the bursts' random reads
	if r.FloodCount > 0 {
		at = make([]int64, len(msgs))
		for i := range msgs {
			at[i] = msgs[i].SentAt.UnixNano()
		}
	}
	for _, idx := range streams {
		for _, first := range r.bursts(at, idx) {
			if inRange(msgs[first].SentAt, from, to) {
				add(RuleFlood, &msgs[first])
			}
		}
	}
	sortViolations(out)
	return out
}

// sortViolations puts violations in time order, ties by rule: ads, flood,
// attack.
func sortViolations(out []Violation) {
	order := map[string]int{RuleAds: 0, RuleFlood: 1, RuleAttack: 2}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return order[out[i].Rule] < order[out[j].Rule]
	})
}

// bursts returns the index (into the week's messages, whose times in Unix
// nanoseconds are at) of each burst's first message in one sender's stream idx: runs of FloodCount messages spanning at most
// FloodWithin, merged while they share a message.
func (r Rules) bursts(at []int64, idx []int) []int {
	n := r.FloodCount
	if n <= 0 {
		return nil // flood rule off
	}
	var out []int
	within := int64(r.FloodWithin)
	lastEnd := -1 // position in idx of the current burst's last message
	for i := 0; i+n-1 < len(idx); i++ {
		if at[idx[i+n-1]]-at[idx[i]] > within {
			continue
		}
		if i > lastEnd {
			out = append(out, idx[i])
		}
		lastEnd = i + n - 1
	}
	return out
}

func inRange(t, from, to time.Time) bool { return !t.Before(from) && t.Before(to) }

// RuleSetOf is the editable form of rules r.
func RuleSetOf(r Rules) domain.RuleSet {
	return domain.RuleSet{AdWords: r.AdWords, Whitelist: r.Whitelist, FloodCount: r.FloodCount, FloodSeconds: int(r.FloodWithin / time.Second),
		AttackWords: r.AttackWords, StrikeDays: (&r).strikeDays(), StrikeLimit: (&r).strikeLimit(),
		InactiveDays: (&r).inactiveDays(), ShareQuota: (&r).shareQuota(),
		ReplyMinutes: domain.RuleSet{ReplyMinutes: r.ReplyMinutes}.Reply()}
}

// RulesOf turns a group's saved rule set into rules; nil (never edited)
// gives the defaults.
func RulesOf(rs *domain.RuleSet) Rules {
	if rs == nil {
		return DefaultRules()
	}
	return Rules{AdWords: rs.AdWords, Whitelist: rs.Whitelist, FloodCount: rs.FloodCount, FloodWithin: time.Duration(rs.FloodSeconds) * time.Second,
		AttackWords: rs.AttackWords, StrikeDays: rs.StrikeDays, StrikeLimit: rs.StrikeLimit,
		InactiveDays: rs.InactiveDays, ShareQuota: rs.ShareQuota, ReplyMinutes: rs.ReplyMinutes}
}
