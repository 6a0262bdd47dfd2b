package store

import (
	"cmp"
	"context"
	"database/sql/driver"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/rulecheck"
)

// The live strikes rest on a month of chat: at ten million messages a year
// that is close to a million messages, too many to read for every ledger.
// The member-day rollup keeps two facts instead, so the ledger reads only
// the messages that can break a rule:
//
//   - spans: per member and day, the shortest run of k consecutive
//     countable messages (k = 2…floodRuns+1) ending that day. It does not
//     depend on the flood rule, so a rule change needs no recount: a day
//     may hold a burst of FloodCount messages within FloodWithin only if
//     its span for that count fits in the window.
//   - flagged: per member and day, each message the group's per-message
//     rules (ads, attack) flag, as its instant and the rules it breaks
//     (flagCode). Words cannot be checked without the text, so this
//     depends on the rules, and a change of the words or the whitelist
//     rebuilds the group's rows. It is kept exact (one entry per message,
//     as the tests check against the messages after every kind of write),
//     so a strike's count and key need no message read.
//
// A flood is judged again from the messages themselves: the spans only say
// where to look.

// floodRuns is how many run lengths the spans keep (2…floodRuns+1). A
// longer flood count looks at the longest: a run of n messages within a
// window holds a run of floodRuns+1 within it, ending with it.
const floodRuns = 8

// runSpans holds, per run length k, 1 + the seconds the shortest run of k
// ends-this-day messages spans; 0 when there is none.
type runSpans [floodRuns]int32

// note records a run of k messages spanning span seconds. Runs longer
// than any flood window are left out: no rule can make them a burst, and a
// recount, which looks back only that far, could not see them all.
func (s *runSpans) note(k int, span int64) {
	if span > domain.MaxFloodSeconds {
		return
	}
	v := int32(span) + 1
	if s[k-2] == 0 || v < s[k-2] {
		s[k-2] = v
	}
}

// merge keeps the shorter of each span.
func (s *runSpans) merge(o *runSpans) {
	for i := range s {
		if o[i] != 0 && (s[i] == 0 || o[i] < s[i]) {
			s[i] = o[i]
		}
	}
}

// unknownSpans says any run may end on the day (a merge of two members'
// streams): the ledger then reads the day's messages.
func unknownSpans() runSpans {
	var s runSpans
	for i := range s {
		s[i] = 1
	}
	return s
}

// fits reports whether a run of n ≥ 2 messages within seconds may end on
// the day.
func (s *runSpans) fits(n int, within int64) bool {
	v := s[min(n, floodRuns+1)-2]
	return v != 0 && int64(v-1) <= within
}

func (s *runSpans) pack() []byte {
	if *s == (runSpans{}) {
		return nil
	}
	out := make([]byte, 0, 2*floodRuns)
	for _, v := range s {
		out = binary.AppendUvarint(out, uint64(v))
	}
	return out
}

func (s *runSpans) unpack(b []byte) {
	for i := 0; i < floodRuns && len(b) > 0; i++ {
		v, k := binary.Uvarint(b)
		if k <= 0 {
			return
		}
		s[i] = int32(v)
		b = b[k:]
	}
}

// runRing follows one member's latest messages, in time order.
type runRing struct {
	at [floodRuns + 1]int64
	n  int
}

// push adds a message sent at sec and notes in spans (nil: none, the
// message only precedes the days counted) the runs it ends. A message
// earlier than the last one pushed is refused (false): the caller recounts
// its day from the table, in order.
func (r *runRing) push(sec int64, spans *runSpans) bool {
	size := len(r.at)
	if r.n > 0 && sec < r.at[(r.n-1)%size] {
		return false
	}
	r.at[r.n%size] = sec
	r.n++
	if spans != nil {
		for k := 2; k <= size && k <= r.n; k++ {
			spans.note(k, sec-r.at[(r.n-k)%size])
		}
	}
	return true
}

// flagCode packs a flagged message's instant and the rules it breaks
// (rulecheck.BreaksAds, BreaksAttack) into one number that sorts by time.
func flagCode(at int64, breaks int) int64 { return at<<2 | int64(breaks&3) }

// packInstants writes sorted numbers (flag codes) as a first value and
// deltas.
func packInstants(at []int64) []byte {
	if len(at) == 0 {
		return nil
	}
	out := binary.AppendVarint(nil, at[0])
	for i := 1; i < len(at); i++ {
		out = binary.AppendUvarint(out, uint64(at[i]-at[i-1]))
	}
	return out
}

func unpackInstants(b []byte) []int64 {
	if len(b) == 0 {
		return nil
	}
	first, k := binary.Varint(b)
	if k <= 0 {
		return nil
	}
	out := []int64{first}
	for b = b[k:]; len(b) > 0; {
		d, k := binary.Uvarint(b)
		if k <= 0 {
			break
		}
		out = append(out, out[len(out)-1]+int64(d))
		b = b[k:]
	}
	return out
}

// mergeInstants is two sorted lists of flag codes (each message its own
// entry) as one.
func mergeInstants(a, b []int64) []int64 {
	out := append(append(make([]int64, 0, len(a)+len(b)), a...), b...)
	slices.Sort(out)
	return out
}

// groupRulesIn reads a group's saved rule set inside tx (nil: the defaults).
func groupRulesIn(tx *gorm.DB, groupID int64) (*domain.RuleSet, error) {
	var rows []settingRow
	if err := tx.Where("key = ?", groupRulesKey(groupID)).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	var rs domain.RuleSet
	if err := json.Unmarshal([]byte(rows[0].Value), &rs); err != nil {
		return nil, fmt.Errorf("group %d rules: %w", groupID, err)
	}
	return &rs, nil
}

// perMessageRulesChanged reports whether the rules the flagged instants
// were judged by differ between two rule sets (nil: the defaults).
func perMessageRulesChanged(before, after *domain.RuleSet) bool {
	b1, b2, b3 := perMessageRules(before)
	a1, a2, a3 := perMessageRules(after)
	return !slices.Equal(b1, a1) || !slices.Equal(b2, a2) || !slices.Equal(b3, a3)
}

// perMessageRules are a rule set's ad words, attack words and whitelist
// (nil: the defaults every group starts with).
func perMessageRules(rs *domain.RuleSet) (ad, attack, whitelist []string) {
	if rs == nil {
		return rulecheck.DefaultAdWords, rulecheck.DefaultAttackWords, rulecheck.DefaultWhitelist
	}
	return rs.AdWords, rs.AttackWords, rs.Whitelist
}

// StrikeMessages reads, from the member-day rollup's strike facts, what
// the live strikes over [from, to) rest on (metrics.LiveStrikesOf): flags,
// every member message the group's per-message rules flag, as kept in the
// rollup (no message is read for them); streams, for each member and day
// whose spans hold a run of floodCount messages within floodWithin (0: the
// flood rule is off), every countable message of that member from
// floodWithin before the day to its end. One member's stretches are either
// merged or a day less the window apart, so no burst spans two.
func (s *Store) StrikeMessages(ctx context.Context, g domain.Group, from, to time.Time, floodCount int, floodWithin time.Duration) (flags []rulecheck.Flag, streams []domain.Message, err error) {
	if !from.Before(to) {
		return nil, nil, nil
	}
	loc := g.Location()
	within := int64(floodWithin / time.Second)
	type stretch struct{ from, to int64 }
	stretches := map[int64][]stretch{} // member → its stretches, in day order
	r := domain.DayRange{From: domain.LocalDay(from, loc), To: domain.LocalDay(to.Add(-time.Second), loc) + 1}
	err = s.readRows(ctx, "SELECT day, member_id, spans, flagged FROM member_days WHERE group_id = ? AND day >= ? AND day < ? AND member_id <> 0 AND (spans IS NOT NULL OR flagged IS NOT NULL) ORDER BY day",
		[]any{g.ID, r.From, r.To}, func(v []driver.Value) {
			day, member := valInt(v[0]), valInt(v[1])
			b, _ := v[3].([]byte)
			for _, code := range unpackInstants(b) {
				if at := code >> 2; at >= from.Unix() && at < to.Unix() {
					flags = append(flags, rulecheck.Flag{MemberID: member, At: at, Breaks: int(code & 3)})
				}
			}
			if floodCount < 2 {
				return
			}
			var sp runSpans
			b, _ = v[2].([]byte)
			sp.unpack(b)
			if !sp.fits(floodCount, within) {
				return
			}
			st := stretch{max(domain.DayStart(day, loc).Unix()-within, from.Unix()), min(domain.DayStart(day+1, loc).Unix(), to.Unix())}
			list := stretches[member]
			if n := len(list); n > 0 && list[n-1].to >= st.from {
				list[n-1].to = max(list[n-1].to, st.to)
			} else {
				list = append(list, st)
			}
			stretches[member] = list
		})
	if err != nil {
		return nil, nil, err
	}
	names, err := s.senderFill(ctx, g.ID)
	if err != nil {
		return nil, nil, err
	}
	// Every member's stretches read in one pass per span of time they
	// cover together, each member's messages kept within its own.
	var all []stretch
	for _, list := range stretches {
		all = append(all, list...)
	}
	slices.SortFunc(all, func(a, b stretch) int { return cmp.Compare(a.from, b.from) })
	for i := 0; i < len(all); {
		span := all[i]
		j := i + 1
		for ; j < len(all) && all[j].from <= span.to; j++ {
			span.to = max(span.to, all[j].to)
		}
		start := len(streams)
		err := s.readRows(ctx, `SELECT id, member_id, sender_id, sender_ref, kind, sent_at, content, url, is_link, is_staff
FROM messages WHERE group_id = ? AND member_id IS NOT NULL AND kind <> 'system' AND sent_at >= ? AND sent_at < ? ORDER BY sent_at`,
			[]any{g.ID, span.from, span.to}, func(v []driver.Value) {
				member, at := valInt(v[1]), valInt(v[5])
				in := false
				for _, st := range stretches[member] {
					in = in || (at >= st.from && at < st.to)
				}
				if in {
					streams = append(streams, domain.Message{ID: valInt(v[0]), GroupID: g.ID, MemberID: &member, SenderID: valString(v[2]), SenderName: names.name(len(streams), valInt(v[3])),
						Kind: domain.Kind(valString(v[4])), SentAt: time.Unix(at, 0).UTC(), Content: valString(v[6]), URL: valString(v[7]),
						IsLink: valBool(v[8]), IsStaff: valBool(v[9])})
				}
			})
		if err != nil {
			return nil, nil, err
		}
		if err := names.fill(streams); err != nil {
			return nil, nil, err
		}
		byIDWithinSecond(streams[start:])
		i = j
	}
	return flags, streams, nil
}

// rejudgeGroup rebuilds a group's member-day rows after its per-message
// rules changed, under its import lock so no import tallies by the old
// rules meanwhile.
func rejudgeGroup(tx *gorm.DB, groupID int64) error {
	if err := lockGroupImports(tx, groupID); err != nil {
		return err
	}
	var row groupRow
	if err := tx.First(&row, groupID).Error; err != nil {
		return groupReadError(err, groupID)
	}
	return rebuildMemberDays(tx, row.domain())
}
