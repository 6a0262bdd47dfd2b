package domain

import "time"

// MemberHistory is what a member's page takes from the member's history
// before a week's end.
type MemberHistory struct {
	// Names are the sender names the member's messages (any kind) were
	// sent under, in the order first seen.
	Names []NameSeen
	// Latest are the member's last countable messages, in time order.
	Latest []Message
	// Checkins are, for each local day with a check-in of the member's,
	// the member's check-ins sent in the second of the day's first one; for
	// a group with staff aliases, where those may all be sent under an
	// alias, every check-in of that day. metrics.Points over them gives
	// what it gives over all the member's messages.
	Checkins []Message
	// Strikes are every message of the member's that the per-message rules
	// (ads, attack) flag and the stretches of its stream where a flood
	// burst may lie, each stretch all of its countable messages between
	// two instants, in time order: metrics.MemberViolations over them
	// gives what it gives over all the member's messages.
	Strikes []Message
	// Hours counts the member's countable messages by local hour of the
	// day (MemberHours, for the member alone).
	Hours [24]int
}

// NameSeen is one sender name a member used, with the first and last
// message under it and how many.
type NameSeen struct {
	Name        string
	First, Last time.Time
	Messages    int
}
