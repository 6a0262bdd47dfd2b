package store

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// Duplicates across exports (METRICS.md "Members and presence"). An import
// drops what the group already has in two stages, per chunk of messages:
//
//  1. by dedupe key: the same export read again, or one that writes the same
//     sender ids and seconds (MemoTrace, PyWxDump and chatlog of one chat).
//     Only the keys are read, so re-importing a million messages stays a
//     read of keys;
//  2. the rest against the earlier imports' messages of the same range, with
//     domain.PairDuplicates: other formats, names instead of ids, minutes
//     instead of seconds. Their contents are read only when stage 1 leaves
//     messages and earlier imports have some in the range.
//
// A message that pairs with no earlier message of its own member but is the
// same message as an earlier import's of one other member is evidence that
// the two are one person (domain.Corroborates): a sender this import created
// because no id or name matched, or two members two earlier exports could
// not tie together. The ingest decides from the evidence and merges
// (MergeCreated, MergeExisting).

// dupState is an import's memory of what stage 2 has paired, and of the
// evidence about the senders it created.
type dupState struct {
	// used holds the stored messages already paired (id → sent_at), so two
	// incoming messages never take the same one; entries well behind the
	// chunk being read are dropped (files are read in time order).
	used map[int64]int64
	// precision of each of the group's earlier batches, in seconds.
	precision map[int64]int64

	mu      sync.Mutex
	created map[int64]bool // members this import created (the ingest goroutine adds them)

	evidence map[int64]map[int64]int // member → other earlier member → weight of the messages in common
}

// usedKept is how many paired stored messages are kept before the ones well
// behind the current chunk are dropped.
const usedKept = 1 << 14

func (d *dupState) addCreated(id int64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.created == nil {
		d.created = map[int64]bool{}
	}
	d.created[id] = true
}

func (d *dupState) isCreated(id *int64) bool {
	if id == nil {
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.created[*id]
}

// loadPrecisions reads the precision of the group's batches.
func (ins *messageInserter) loadPrecisions() (err error) {
	ins.dups.precision, err = batchPrecisions(ins.tx, ins.batch.GroupID)
	return err
}

// unknown drops the messages the group already has (stages 1 and 2 above).
// The INSERT's OR IGNORE (SQLite) and the gathered keys (PostgreSQL) still
// guard whatever slips through, e.g. a key repeated within msgs itself.
func (ins *messageInserter) unknown(msgs []domain.Message) ([]domain.Message, error) {
	if len(msgs) == 0 {
		return msgs, nil
	}
	from, to := msgs[0].SentAt.Unix(), msgs[0].SentAt.Unix()
	for _, m := range msgs[1:] {
		t := m.SentAt.Unix()
		from, to = min(from, t), max(to, t)
	}
	from, to = from-domain.MatchWindow, to+domain.MatchWindow
	d := &ins.dups
	if d.precision == nil {
		if err := ins.loadPrecisions(); err != nil {
			return nil, err
		}
		d.used = map[int64]int64{}
	}
	rows, err := ins.tx.Raw("SELECT id, member_id, kind, sent_at, dedupe_key, batch_id FROM messages WHERE group_id = ? AND sent_at BETWEEN ? AND ?",
		ins.batch.GroupID, from, to).Rows()
	if err != nil {
		return nil, err
	}
	type key struct {
		at  int64
		key string
	}
	type stored struct{ id, member int64 }
	known := map[key]stored{}
	var earlier []domain.StoredMessage
	for rows.Next() {
		var (
			s      domain.StoredMessage
			member *int64
			kind   string
			k      string
			batch  int64
		)
		if err := rows.Scan(&s.ID, &member, &kind, &s.SentAt, &k, &batch); err != nil {
			rows.Close()
			return nil, err
		}
		known[key{s.SentAt, k}] = stored{s.ID, memberKeyOf(member)}
		if batch != ins.batch.ID {
			s.MemberID, s.Kind, s.Precision = memberKeyOf(member), domain.Kind(kind), max(d.precision[batch], 1)
			earlier = append(earlier, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(known) == 0 {
		return msgs, nil
	}
	fresh := make([]domain.Message, 0, len(msgs))
	for _, m := range msgs {
		at := m.SentAt.Unix()
		if s, ok := known[key{at, m.DedupeKey}]; ok {
			d.used[s.id] = at
			if m.MemberID != nil && s.member != 0 && s.member != *m.MemberID && !d.isCreatedID(s.member) {
				// The same message by key (instant, sender id or the
				// exporting account, content) stored under another member.
				d.addEvidence(*m.MemberID, s.member, strongEvidence)
			}
			continue
		}
		fresh = append(fresh, m)
	}
	if len(fresh) == 0 || len(earlier) == 0 {
		return fresh, nil
	}
	if err := ins.readContents(earlier, from, to); err != nil {
		return nil, err
	}
	pairs := domain.PairDuplicates(fresh, earlier, d.used)
	out := fresh[:0]
	var byTime []domain.StoredMessage
	for i, m := range fresh {
		if pairs[i] >= 0 {
			continue
		}
		if m.MemberID != nil && domain.Textual(m.Kind) {
			if byTime == nil {
				byTime = slices.Clone(earlier)
				slices.SortFunc(byTime, func(a, b domain.StoredMessage) int { return cmp.Compare(a.SentAt, b.SentAt) })
			}
			d.corroborate(m, byTime)
		}
		out = append(out, m)
	}
	d.prune(from - 2*domain.MatchWindow)
	return out, nil
}

// readContents fills in the contents of the earlier imports' messages of
// the range (textual kinds only: media contents never compare).
func (ins *messageInserter) readContents(earlier []domain.StoredMessage, from, to int64) error {
	byID := make(map[int64]int, len(earlier))
	for i, s := range earlier {
		if domain.Textual(s.Kind) {
			byID[s.ID] = i
		}
	}
	if len(byID) == 0 {
		return nil
	}
	rows, err := ins.tx.Raw(`SELECT id, content FROM messages WHERE group_id = ? AND sent_at BETWEEN ? AND ? AND batch_id <> ?
		AND kind IN ('text', 'link', 'quote', 'system')`, ins.batch.GroupID, from, to, ins.batch.ID).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id      int64
			content string
		)
		if err := rows.Scan(&id, &content); err != nil {
			return err
		}
		if i, ok := byID[id]; ok {
			earlier[i].Content = content
		}
	}
	return rows.Err()
}

// corroborate records what m, paired with no earlier message of its own
// member, has in common with the earlier messages (sorted by time) of other
// members: evidence counts only where exactly one earlier member sent the
// same message. Members this import created are no one's evidence.
func (d *dupState) corroborate(m domain.Message, byTime []domain.StoredMessage) {
	t := m.SentAt.Unix()
	lo, _ := slices.BinarySearchFunc(byTime, t-domain.MatchWindow, func(s domain.StoredMessage, at int64) int { return cmp.Compare(s.SentAt, at) })
	who := int64(0)
	for _, s := range byTime[lo:] {
		if s.SentAt > t+domain.MatchWindow {
			break
		}
		if s.MemberID == *m.MemberID || !domain.Corroborates(m, s) || d.isCreatedID(s.MemberID) {
			continue
		}
		if who != 0 && who != s.MemberID {
			return // two members sent it: no evidence either way
		}
		who = s.MemberID
	}
	if who == 0 {
		return
	}
	weight := 1
	if utf8.RuneCountInString(strings.TrimSpace(m.Content)) >= longText {
		weight = strongEvidence
	}
	d.addEvidence(*m.MemberID, who, weight)
}

// Evidence weights: a short common reply ("收到", "好的") at the same minute
// counts once, a longer text or a match by dedupe key counts twice, and two
// members that existed before the import are merged from a weight of two
// (the ingest's rule).
const (
	strongEvidence = 2
	longText       = 6 // runes
)

func (d *dupState) addEvidence(member, other int64, weight int) {
	if d.evidence == nil {
		d.evidence = map[int64]map[int64]int{}
	}
	if d.evidence[member] == nil {
		d.evidence[member] = map[int64]int{}
	}
	d.evidence[member][other] += weight
}

func (d *dupState) isCreatedID(id int64) bool { return d.isCreated(&id) }

// prune drops paired stored messages sent before horizon once there are
// many: no later chunk of a file read in time order reaches them.
func (d *dupState) prune(horizon int64) {
	if len(d.used) < usedKept {
		return
	}
	for id, at := range d.used {
		if at < horizon {
			delete(d.used, id)
		}
	}
}

func memberKeyOf(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}
