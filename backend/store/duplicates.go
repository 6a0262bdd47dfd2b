package store

import (
	"cmp"
	"database/sql/driver"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"qunzhu/backend/domain"
)

// Duplicates across exports (docs/metrics.md "Members and presence"). An import
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
	// usedKeys are stored messages stage 1 took by key near the end of a
	// chunk, where the next chunk's stage 2 reaches.
	usedKeys map[dedupeKey]bool
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
//
// A re-import reads every key of its range once, so stage 1 reads just the
// keys (and batches) of the chunk's own span, through the driver on the
// import's connection (queryRows); stage 2 reads the earlier messages of
// the span widened by a minute only when stage 1 leaves messages and
// earlier imports have some there.
func (ins *messageInserter) unknown(msgs []domain.Message) ([]domain.Message, error) {
	if len(msgs) == 0 {
		return msgs, nil
	}
	from, to := msgs[0].SentAt.Unix(), msgs[0].SentAt.Unix()
	for _, m := range msgs[1:] {
		t := m.SentAt.Unix()
		from, to = min(from, t), max(to, t)
	}
	d := &ins.dups
	if d.precision == nil {
		if err := ins.loadPrecisions(); err != nil {
			return nil, err
		}
		d.used, d.usedKeys = map[int64]int64{}, map[dedupeKey]bool{}
	}
	defer d.prune(from - 2*domain.MatchWindow)
	known := make(map[dedupeKey]bool, len(msgs))
	err := ins.queryRows("SELECT sent_at, dedupe_key FROM messages WHERE group_id = ? AND sent_at BETWEEN ? AND ?",
		[]any{ins.batch.GroupID, from, to}, func(v []driver.Value) {
			known[dedupeKey{valInt(v[0]), valString(v[1])}] = true
		})
	if err != nil {
		return nil, err
	}
	taken := map[dedupeKey]bool{}
	fresh := msgs
	var check []domain.Message // matched by key, sent by staff or a member this import created
	if len(known) > 0 {
		fresh = make([]domain.Message, 0, len(msgs))
		for _, m := range msgs {
			k := dedupeKey{m.SentAt.Unix(), m.DedupeKey}
			if !known[k] {
				fresh = append(fresh, m)
				continue
			}
			taken[k] = true
			if k.at >= to-2*domain.MatchWindow {
				d.usedKeys[k] = true // within reach of the next chunk's stage 2
			}
			if m.MemberID != nil && (m.IsStaff || d.isCreated(m.MemberID)) {
				check = append(check, m)
			}
		}
	}
	if err := ins.keyEvidence(check); err != nil {
		return nil, err
	}
	if len(fresh) == 0 || !ins.earlierNear(from, to) {
		return fresh, nil
	}
	earlier, err := ins.earlier(from-domain.MatchWindow, to+domain.MatchWindow, taken)
	if err != nil || len(earlier) == 0 {
		return fresh, err
	}
	pairs := domain.PairDuplicates(fresh, earlier, d.used)
	out := fresh[:0:0]
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
	return out, nil
}

// keyEvidence compares the members of messages matched by dedupe key with
// those of the stored ones: the same message by key (instant, sender id or
// the exporting account, content) stored under another member is strong
// evidence the two are one person. Only the exporting account's messages
// (PyWxDump writes it as 我, without the id other exports give) and those
// of senders this import created can resolve differently from the stored
// copy, so only they are looked up, keeping a re-import a read of keys.
func (ins *messageInserter) keyEvidence(msgs []domain.Message) error {
	d := &ins.dups
	for start := 0; start < len(msgs); start += 500 {
		chunk := msgs[start:min(start+500, len(msgs))]
		from, to := chunk[0].SentAt.Unix(), chunk[0].SentAt.Unix()
		for _, m := range chunk {
			from, to = min(from, m.SentAt.Unix()), max(to, m.SentAt.Unix())
		}
		args := make([]any, 0, len(chunk)+3)
		args = append(args, ins.batch.GroupID, from, to)
		member := make(map[dedupeKey]int64, len(chunk))
		for _, m := range chunk {
			args = append(args, m.DedupeKey)
		}
		q := "SELECT sent_at, dedupe_key, member_id FROM messages WHERE group_id = ? AND sent_at BETWEEN ? AND ? AND dedupe_key IN (?" +
			strings.Repeat(",?", len(chunk)-1) + ")"
		if err := ins.queryRows(q, args, func(v []driver.Value) {
			member[dedupeKey{valInt(v[0]), valString(v[1])}] = valInt(v[2])
		}); err != nil {
			return err
		}
		for _, m := range chunk {
			other := member[dedupeKey{m.SentAt.Unix(), m.DedupeKey}]
			if other != 0 && other != *m.MemberID && !d.isCreatedID(other) {
				d.addEvidence(*m.MemberID, other, strongEvidence)
			}
		}
	}
	return nil
}

// earlierNear reports whether earlier imports have messages within a
// minute of the span [from, to].
func (ins *messageInserter) earlierNear(from, to int64) bool {
	found := false
	err := ins.queryRows("SELECT 1 FROM messages WHERE group_id = ? AND sent_at BETWEEN ? AND ? AND batch_id <> ? LIMIT 1",
		[]any{ins.batch.GroupID, from - domain.MatchWindow, to + domain.MatchWindow, ins.batch.ID}, func([]driver.Value) { found = true })
	return err != nil || found // on a failed read, look (the read that follows reports it)
}

// earlier reads the earlier imports' messages of [from, to] for stage 2,
// less those stage 1 took by key in this chunk or the one before, with the
// contents of textual kinds (media contents never compare).
func (ins *messageInserter) earlier(from, to int64, taken map[dedupeKey]bool) ([]domain.StoredMessage, error) {
	d := &ins.dups
	var out []domain.StoredMessage
	err := ins.queryRows(`SELECT id, member_id, kind, sent_at, dedupe_key, batch_id,
		CASE WHEN kind IN ('text', 'link', 'quote', 'system') THEN content ELSE '' END
		FROM messages WHERE group_id = ? AND sent_at BETWEEN ? AND ? AND batch_id <> ?`,
		[]any{ins.batch.GroupID, from, to, ins.batch.ID}, func(v []driver.Value) {
			k := dedupeKey{valInt(v[3]), valString(v[4])}
			if taken[k] || d.usedKeys[k] {
				return
			}
			out = append(out, domain.StoredMessage{ID: valInt(v[0]), MemberID: valInt(v[1]), Kind: domain.Kind(valString(v[2])),
				SentAt: k.at, Precision: max(d.precision[valInt(v[5])], 1), Content: valString(v[6])})
		})
	return out, err
}

// queryRows runs a read on the import's own connection, inside its
// transaction (so it sees what the import wrote so far), as Store.readRows
// does on a pool connection; row's values are valid during the call only.
func (ins *messageInserter) queryRows(query string, args []any, row func([]driver.Value)) error {
	return connRows(ins.ctx, ins.conn, ins.server, query, args, row)
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
	if len(d.used)+len(d.usedKeys) < usedKept {
		return
	}
	for id, at := range d.used {
		if at < horizon {
			delete(d.used, id)
		}
	}
	for k := range d.usedKeys {
		if k.at < horizon {
			delete(d.usedKeys, k)
		}
	}
}

func memberKeyOf(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}
