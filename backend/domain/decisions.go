package domain

import "time"

// CheckReviewDecision refuses a decision on a detected violation that is
// none of ReviewDismissed, ReviewWarned and ReviewRemoved.
func CheckReviewDecision(decision string) error {
	switch decision {
	case ReviewDismissed, ReviewWarned, ReviewRemoved:
		return nil
	}
	return Errorf(EINVALID, "violation.bad_decision", map[string]any{"value": decision})
}

// CheckRemovalTime refuses a removal dated after now: a minute of slack
// allows for the clocks of a team's computers.
func CheckRemovalTime(at, now time.Time) error {
	if at.After(now.Add(time.Minute)) {
		return Errorf(EINVALID, "member.removed_in_future", nil)
	}
	return nil
}

// CheckRemovalAfterJoin refuses a removal of m dated at or before m joined.
func CheckRemovalAfterJoin(m Member, at time.Time) error {
	if m.JoinedAt != nil && !at.After(*m.JoinedAt) {
		return Errorf(EINVALID, "member.removed_before_join", map[string]any{"name": m.DisplayName()})
	}
	return nil
}
