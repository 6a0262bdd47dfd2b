package metrics

import (
	"sort"
	"time"

	"qunzhu/backend/domain"
)

// Asked is one member's question and the first staff message after it:
// what the live watch's reminders are made of.
type Asked struct {
	MessageID int64
	Name      string // the asker's display name
	At        time.Time
	Text      string // an excerpt of the question
	// AnsweredAt is the first staff message after the question, however
	// late; nil while none has come.
	AnsweredAt *time.Time
}

// AskedIn lists the questions asked in [from, to) among in.Messages, in the
// order they were asked: a non-staff member's text message that asks
// something, decided exactly as docs/metrics.md `questions` counts them (the
// same question words and the same staff), each with the first countable
// staff message after it. in.Messages should reach back before from far
// enough to know the staff (the reminders read two days).
func AskedIn(in Input, from, to time.Time) []Asked {
	msgs := sorted(in.Messages)
	p := newPeople(in.Group, in.Members, msgs, in.StaffIDs)
	var staff []time.Time
	for i := range msgs {
		if msgs[i].Kind.Countable() && p.staffAt(msgs, i) {
			staff = append(staff, msgs[i].SentAt)
		}
	}
	var out []Asked
	for i := range msgs {
		m := &msgs[i]
		if m.Kind != domain.KindText || !inRange(m.SentAt, from, to) || p.staffAt(msgs, i) || !IsQuestion(m.Content) {
			continue
		}
		a := Asked{MessageID: m.ID, Name: p.name(m), At: m.SentAt, Text: domain.Excerpt(m.Content, 80)}
		if k := sort.Search(len(staff), func(k int) bool { return staff[k].After(m.SentAt) }); k < len(staff) {
			at := staff[k]
			a.AnsweredAt = &at
		}
		out = append(out, a)
	}
	return out
}
