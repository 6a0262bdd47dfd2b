package domain

import (
	"testing"
	"time"
)

func TestRemovalAndDecisionChecks(t *testing.T) {
	now := time.Date(2024, 3, 6, 12, 0, 0, 0, time.UTC)
	joined := now.AddDate(0, 0, -3)
	m := Member{Nickname: "林知秋", JoinedAt: &joined}
	for _, c := range []struct {
		name string
		err  error
		key  string
	}{
		{"dismissed", CheckReviewDecision(ReviewDismissed), ""},
		{"warned", CheckReviewDecision(ReviewWarned), ""},
		{"removed", CheckReviewDecision(ReviewRemoved), ""},
		{"unknown decision", CheckReviewDecision("forgiven"), "violation.bad_decision"},
		{"now", CheckRemovalTime(now, now), ""},
		{"within a minute", CheckRemovalTime(now.Add(59*time.Second), now), ""},
		{"tomorrow", CheckRemovalTime(now.AddDate(0, 0, 1), now), "member.removed_in_future"},
		{"after joining", CheckRemovalAfterJoin(m, joined.Add(time.Second)), ""},
		{"at joining", CheckRemovalAfterJoin(m, joined), "member.removed_before_join"},
		{"before joining", CheckRemovalAfterJoin(m, joined.Add(-time.Hour)), "member.removed_before_join"},
		{"join unknown", CheckRemovalAfterJoin(Member{}, joined), ""},
	} {
		var de *Error
		got := ""
		if c.err != nil {
			de, _ = c.err.(*Error)
			if de == nil || de.Code != EINVALID {
				t.Errorf("%s: %v, want an EINVALID domain error", c.name, c.err)
				continue
			}
			got = de.Key
		}
		if got != c.key {
			t.Errorf("%s: key %q, want %q", c.name, got, c.key)
		}
	}
}
