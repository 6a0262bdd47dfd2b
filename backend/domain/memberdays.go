package domain

import (
	"strings"
	"time"
)

// QuestionWords mark a question (docs/metrics.md `questions`). They live here,
// not in metrics, because the store decides at write time which messages are
// check-ins (a check-in is never a question) for its per-member rollup.
var QuestionWords = []string{"?", "？", "吗", "怎么", "如何", "请问", "为什么", "哪", "多少", "能否", "有没有"}

// CheckinWordOf is the word that makes a message a check-in in group g.
func CheckinWordOf(g Group) string {
	if w := strings.TrimSpace(g.CheckinWord); w != "" {
		return w
	}
	return DefaultCheckinWord
}

// IsCheckinText reports whether a message of kind with content is a
// check-in as docs/metrics.md `checkins` defines it, before the staff test (who
// is staff changes with tiers and aliases, so readers apply it): a text
// containing word that is not a question.
func IsCheckinText(kind Kind, content, word string) bool {
	if kind != KindText || !strings.Contains(content, word) {
		return false
	}
	text := StripURLs(content)
	for _, q := range QuestionWords {
		if strings.Contains(text, q) {
			return false
		}
	}
	return true
}

// LocalDay numbers t's calendar day in loc: days since 1970-01-01 of the
// local date. Local midnights map to consecutive numbers whatever daylight
// saving does, so a range of local days [from, to) is a range of numbers.
func LocalDay(t time.Time, loc *time.Location) int64 {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// DayStart is the instant local day day (LocalDay) begins in loc.
func DayStart(day int64, loc *time.Location) time.Time {
	y, m, d := time.Unix(day*86400, 0).UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// MemberActivity is one member's messages summed over a range of local
// days, read from the store's per-member per-day rollup.
type MemberActivity struct {
	Messages int        // countable messages
	LastAt   *time.Time // the last countable message; nil: none
	// CheckinDays are the days with a check-in (IsCheckinText) of the
	// member's, staff or not: a reader drops them for staff.
	CheckinDays int
	// StaffMessages counts messages flagged IsStaff (the exporting
	// account's), of any kind: one makes the member staff.
	StaffMessages int
}

// MemberCheckins is one member's check-in days over a range of local days,
// and whether one of their messages then was staff's: MemberActivity's
// CheckinDays and StaffMessages > 0, all the points ledger needs of it.
type MemberCheckins struct {
	CheckinDays int
	Staff       bool
}

// Checkins is what the points ledger reads of a range of local days: each
// member's check-ins (0: the messages without a member, as in
// MemberActivity), and the days, in order, on which a message without a
// member may be a check-in.
type Checkins struct {
	Members       map[int64]MemberCheckins
	UnmatchedDays []int64
}

// DayRange is a half-open range of local days [From, To) (LocalDay numbers).
type DayRange struct{ From, To int64 }
