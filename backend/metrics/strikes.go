package metrics

import (
	"fmt"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/rulecheck"
)

// Strike defaults (docs/metrics.md "Rules").
const (
	DefaultStrikeDays  = 30
	DefaultStrikeLimit = 3
)

// Inactivity and share-quota defaults (docs/metrics.md inactive_members and the
// theme_shares check).
const (
	DefaultInactiveDays = 14
	DefaultShareQuota   = 2
)

// inactiveDays and shareQuota read rules r (nil: the defaults).
func (r *Rules) inactiveDays() int {
	if r == nil || r.InactiveDays <= 0 {
		return DefaultInactiveDays
	}
	return r.InactiveDays
}

func (r *Rules) shareQuota() int {
	if r == nil || r.ShareQuota <= 0 {
		return DefaultShareQuota
	}
	return r.ShareQuota
}

// strikeDays and strikeLimit read rules r (nil: the defaults).
func (r *Rules) strikeDays() int {
	if r == nil || r.StrikeDays <= 0 {
		return DefaultStrikeDays
	}
	return r.StrikeDays
}

func (r *Rules) strikeLimit() int {
	if r == nil || r.StrikeLimit <= 0 {
		return DefaultStrikeLimit
	}
	return r.StrikeLimit
}

// ViolationKey names one detected violation independently of any import or
// row id: the rule, the member and the instant of its (first) message. A
// dismissal is stored under it, so re-importing the chat, or re-running the
// rules, finds the same violation dismissed again.
func ViolationKey(v Violation) string {
	id := int64(0)
	if v.MemberID != nil {
		id = *v.MemberID
	}
	return fmt.Sprintf("%s:%d:%d", v.Rule, id, v.At.Unix())
}

// Strikes is one member's strike record at an instant.
type Strikes struct {
	// Live are the member's strikes still counting, oldest first.
	Live []Violation
	// StruckOut is true when the live strikes reach the limit: the member is
	// on the removal list.
	StruckOut bool
}

// LiveStrikes returns, per member, the strikes live at instant at.
//
// docs/metrics.md calls a strike "each confirmed violation". Until a violation
// queue lets an operator confirm or dismiss each one, the reading an operator
// expects is: every violation the rules detect is a strike, unless the
// operator has dismissed it (dismissed holds ViolationKey values). A strike
// is live for StrikeDays local calendar days after its message (at − days <
// message time ≤ at, so a violation exactly 30 days old has expired) — the
// same calendar-day reading as the 14 days of inactive_members. Only
// violations of known members strike: a sender that matched no member
// cannot be put on a list. in.Messages must cover the StrikeDays before at
// (plus a few minutes, so a flood burst begun just before is seen as begun).
func LiveStrikes(in Input, at time.Time, dismissed map[string]bool) map[int64]Strikes {
	msgs := sorted(in.Messages)
	p := newPeople(in.Group, in.Members, msgs, in.StaffIDs)
	return liveStrikes(in, at, dismissed, func(from time.Time) []Violation { return violations(in, p, msgs, from, at) })
}

// LiveStrikesOf is LiveStrikes for a caller that holds, instead of every
// message of the strike days, what the store's member-day rollup keeps for
// them (the member ledger): flags, every member message the per-message
// rules (ads, attack) flag, by instant — their violations carry no
// content, which a strike's count and key do not need — and streams,
// stretches of members' streams where a flood burst may lie: each stretch
// every countable message of its member between two instants, and one
// member's stretches further apart than the flood window, so that no burst
// spans two of them. in.Messages is not read.
func LiveStrikesOf(in Input, at time.Time, dismissed map[string]bool, flags []rulecheck.Flag, streams []domain.Message) map[int64]Strikes {
	streams = sorted(streams)
	p := newPeople(in.Group, in.Members, nil, in.StaffIDs)
	loc := in.Group.Location()
	return liveStrikes(in, at, dismissed, func(from time.Time) []Violation {
		out := violationsOf(in, p, streams, from, at, floodRule)
		for _, f := range flags {
			id := f.MemberID
			m := domain.Message{MemberID: &id, SentAt: time.Unix(f.At, 0)}
			if p.isStaff(&m) || !inRange(m.SentAt, from, at) {
				continue
			}
			for _, r := range []struct {
				bit  int
				rule string
			}{{rulecheck.BreaksAds, RuleAds}, {rulecheck.BreaksAttack, RuleAttack}} {
				if f.Breaks&r.bit != 0 {
					out = append(out, Violation{Rule: r.rule, MemberID: memberID(&m), Name: p.name(&m), At: m.SentAt.In(loc)})
				}
			}
		}
		sortViolations(out)
		return out
	})
}

// liveStrikes keeps the violations of known members found after at − the
// strike days and not dismissed, and marks who reached the limit.
func liveStrikes(in Input, at time.Time, dismissed map[string]bool, found func(from time.Time) []Violation) map[int64]Strikes {
	days := in.Rules.strikeDays()
	from := at.In(in.Group.Location()).AddDate(0, 0, -days)
	out := map[int64]Strikes{}
	for _, v := range found(from) {
		if v.MemberID == nil || !v.At.After(from) || dismissed[ViolationKey(v)] {
			continue
		}
		s := out[*v.MemberID]
		s.Live = append(s.Live, v)
		out[*v.MemberID] = s
	}
	limit := in.Rules.strikeLimit()
	for id, s := range out {
		s.StruckOut = len(s.Live) >= limit
		out[id] = s
	}
	return out
}

// MemberViolations lists every violation of one member over in.Messages, in
// time order: the member page's strike history, expired strikes included.
func MemberViolations(in Input, memberID int64) []Violation {
	msgs := sorted(in.Messages)
	if len(msgs) == 0 {
		return []Violation{}
	}
	p := newPeople(in.Group, in.Members, msgs, in.StaffIDs)
	out := []Violation{}
	for _, v := range violations(in, p, msgs, msgs[0].SentAt, msgs[len(msgs)-1].SentAt.Add(time.Second)) {
		if v.MemberID != nil && *v.MemberID == memberID {
			out = append(out, v)
		}
	}
	return out
}
