package risk

import "time"

// An incident's clock starts at the event, not at its discovery: a lure
// posted on Saturday night and imported on Monday was due on Saturday
// night, and saying "15 minutes left" on Monday would lie about what the
// members have already been exposed to.

// Times are an incident's occurrence and due time as it is opened at
// opened. It occurred at occurred, its first evidence message; at opened
// when occurred is zero (opened by hand) or later than opened (a message
// stamped in the future cannot make an event happen after it was found).
// It is due Timer(typ) after it occurred.
func Times(typ Category, occurred, opened time.Time) (occ, due time.Time) {
	occ = occurred
	if occ.IsZero() || occ.After(opened) {
		occ = opened
	}
	return occ, occ.Add(Timer(typ))
}

// PastRiskAfter is how long after its response was due a hit becomes a
// past risk (过去的风险) that a scan lists but does not open an incident
// for. It is measured back from the group's newest message, the chat's own
// "now", so an export from 2024 imported today still opens incidents for
// its last two weeks (shown as found late, from their event), while
// scanning weeks older than that only lists what was there: those members
// acted long ago, and an incident with nothing left to do is noise. Two
// weeks is the window an import sweeps (RecentWindow), so whatever a weekly
// import brings in opens; only looking back further finds past risks.
const PastRiskAfter = 14 * 24 * time.Hour

// IsPast reports whether hit h is a past risk in a group whose newest
// message is at latest.
func IsPast(h Hit, latest time.Time) bool {
	first := h.First
	if first.IsZero() {
		first = h.At
	}
	_, due := Times(h.Category, first, latest)
	return latest.Sub(due) > PastRiskAfter
}
