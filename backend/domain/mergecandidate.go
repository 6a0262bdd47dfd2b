package domain

// MergeCandidate is a set of members who look like one person the ledger
// holds several times: they share a name seen and never spoke at the same
// time, and their ids do not say they are different people. Into is the
// member to keep: the oldest record (from the member list where there is
// one).
type MergeCandidate struct {
	Name  string
	Into  Member
	From  []Member
	Spans map[int64][2]int64 // member → first and last message (Unix seconds); absent: never spoke
	// Messages counts each member's messages (system messages aside), so
	// the operator can tell the records apart; absent: never spoke.
	Messages map[int64]int
}
