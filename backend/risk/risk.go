// Package risk finds what can hurt a group in its chat: fraud and payment
// lures, deal links from non-staff, leaked phone and ID-card numbers and
// public-opinion words, with a burst detector for many members complaining
// at once. It also knows the incident types, their response timers and
// checklists, and the playbook templates. It is pure Go over domain values;
// the store keeps what an operator edits.
package risk

import (
	"time"
)

// Category is what kind of risk a hit or an incident is.
type Category string

const (
	PublicOpinion Category = "public_opinion"
	Fraud         Category = "fraud"
	DataLeak      Category = "data_leak"
	Compliance    Category = "compliance"
)

// Categories lists the categories in display order.
var Categories = []Category{PublicOpinion, Fraud, DataLeak, Compliance}

// Valid reports whether c is a known category.
func (c Category) Valid() bool {
	for _, v := range Categories {
		if v == c {
			return true
		}
	}
	return false
}

// Response timers from the seed: public opinion is intervened in within
// one hour and a data leak traced within 24 hours. Fraud is to be handled
// "immediately"; a timer needs a number, so it is 15 minutes: long enough to
// remove a member and recall a message, short enough to stay urgent. The
// seed names no timer for compliance; 24 hours treats it like a leak trace.
var timers = map[Category]time.Duration{
	PublicOpinion: time.Hour,
	DataLeak:      24 * time.Hour,
	Fraud:         15 * time.Minute,
	Compliance:    24 * time.Hour,
}

// Timer is how long an incident of category c may stay open.
func Timer(c Category) time.Duration {
	if d, ok := timers[c]; ok {
		return d
	}
	return 24 * time.Hour
}

// Checklists are the steps of each incident type, by key; the words are in
// the message catalogues ("risk.check.<key>").
var Checklists = map[Category][]string{
	PublicOpinion: {"po_facts", "po_reply", "po_private", "po_statement", "po_followup"},
	DataLeak:      {"dl_recall", "dl_notify", "dl_trace", "dl_notice", "dl_record"},
	Fraud:         {"fr_remove", "fr_recall", "fr_warn", "fr_evidence", "fr_report"},
	Compliance:    {"co_delete", "co_warn", "co_rules", "co_record"},
}

// Status is where an incident is in its handling.
type Status string

const (
	StatusOpen       Status = "open"
	StatusInProgress Status = "in_progress"
	StatusClosed     Status = "closed"
)

// CanMove reports whether an incident may go from status a to b: forward
// only (open → in_progress → closed, or straight to closed).
func CanMove(a, b Status) bool {
	switch a {
	case StatusOpen:
		return b == StatusInProgress || b == StatusClosed || b == StatusOpen
	case StatusInProgress:
		return b == StatusClosed || b == StatusInProgress
	}
	return a == b && a == StatusClosed
}
