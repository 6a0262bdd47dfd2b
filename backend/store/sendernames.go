package store

import (
	"context"
	"database/sql/driver"
	"sync"

	"gorm.io/gorm"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
)

// The display names a group's messages were sent under are sealed in
// sender_names, once per name, and messages carry the name's number
// (sender_ref; sealnames.go says why). An import numbers the names it meets
// itself, from the group's highest number on: imports into one group are
// serialised (lockGroupImports), and no number is ever removed or reused
// once committed. So the PostgreSQL writer never has to ask the server for
// a number while a COPY holds the connection: the names go in before the
// next COPY, in the same transaction.

// senderNameRow is one sealed sender name as stored today (migration 23).
type senderNameRow struct {
	GroupID   int64  `gorm:"primaryKey;autoIncrement:false;uniqueIndex:ux_sender_names_index,priority:1"`
	Ref       int64  `gorm:"primaryKey;autoIncrement:false"`
	NameIndex string `gorm:"size:32;not null;uniqueIndex:ux_sender_names_index,priority:2"`
	NameEnc   []byte `gorm:"not null"`
}

func (senderNameRow) TableName() string { return "sender_names" }

// senderDict is the names of one group as an import (or the sealing at
// Open) numbers them.
type senderDict struct {
	group   int64
	server  bool // PostgreSQL stores a name made storable first (pgText): number that
	box     *secret.Box
	loaded  bool
	byIndex map[string]int64 // the group's names by keyed hash → number
	byName  map[string]int64 // names met so far, as given → number
	last    int64
	pending []senderNameRow // numbered, not yet inserted

	// The previous lookup: an export's messages come in runs by one sender.
	prevName string
	prevRef  int64
}

// load reads the group's numbered names (their keyed hashes only).
func (d *senderDict) load(tx *gorm.DB) error {
	var rows []struct {
		Ref       int64
		NameIndex string
	}
	if err := tx.Model(&senderNameRow{}).Select("ref", "name_index").Where("group_id = ?", d.group).Scan(&rows).Error; err != nil {
		return err
	}
	d.byIndex = make(map[string]int64, len(rows))
	d.byName = make(map[string]int64, len(rows))
	for _, r := range rows {
		d.byIndex[r.NameIndex] = r.Ref
		d.last = max(d.last, r.Ref)
	}
	d.loaded = true
	return nil
}

// resolve is name's number, a new one (sealed, pending insertion) for a
// name the group has never had; 0 for no name.
func (d *senderDict) resolve(name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	if ref, ok := d.byName[name]; ok {
		return ref, nil
	}
	stored := name
	if d.server {
		stored = pgText(name)
	}
	idx := d.box.Index(stored)
	ref, ok := d.byIndex[idx]
	if !ok {
		enc, err := d.box.Seal(stored)
		if err != nil {
			return 0, err
		}
		d.last++
		ref = d.last
		d.byIndex[idx] = ref
		d.pending = append(d.pending, senderNameRow{GroupID: d.group, Ref: ref, NameIndex: idx, NameEnc: enc})
	}
	d.byName[name] = ref
	return ref, nil
}

// ref is the number of a name resolve has numbered; one map lookup, or
// none when the sender is the previous message's.
func (d *senderDict) ref(name string) int64 {
	if name == d.prevName {
		return d.prevRef
	}
	d.prevName, d.prevRef = name, d.byName[name]
	return d.prevRef
}

// store inserts the names numbered since the last call.
func (d *senderDict) store(tx *gorm.DB) error {
	if len(d.pending) == 0 {
		return nil
	}
	// Create per chunk, not CreateInBatches: inside a transaction that
	// opens a savepoint and never releases it, and SQLite then copies every
	// page the transaction changes afterwards into the savepoint's journal,
	// in memory (measured: 300 MB more to seal a million messages).
	for start := 0; start < len(d.pending); start += 200 {
		chunk := d.pending[start:min(start+200, len(d.pending))]
		if err := tx.Create(&chunk).Error; err != nil {
			return err
		}
	}
	d.pending = d.pending[:0]
	return nil
}

// resolveSenders numbers the sender names of msgs (the group's names read
// first, on the import's connection, which must be free) and, when refs is
// not nil (len(msgs) long), writes each message's number into it: the SQLite
// writer takes them from there rather than looking every name up a second
// time (a second of a ten-million-message import's writer, which bounds it).
func (ins *messageInserter) resolveSenders(msgs []domain.Message, refs []int64) error {
	d := &ins.names
	if !d.loaded {
		d.group, d.server, d.box = ins.batch.GroupID, ins.server, ins.box
		if err := d.load(ins.tx); err != nil {
			return err
		}
	}
	for i := range msgs {
		if name := msgs[i].SenderName; name != d.prevName {
			ref, err := d.resolve(name)
			if err != nil {
				return err
			}
			d.prevName, d.prevRef = name, ref
		}
		if refs != nil {
			refs[i] = d.prevRef
		}
	}
	return nil
}

// storeSenders inserts the names numbered since the last call, on the
// import's connection, which must be free.
func (ins *messageInserter) storeSenders() error { return ins.names.store(ins.tx) }

func decryptError(err error) error {
	return &domain.Error{Code: domain.EINTERNAL, Key: "store.decrypt_failed", Err: err}
}

// senderNameCache keeps the names a Store has opened, per group (number →
// name): a dashboard reads fifty weeks of a group, and a number never
// changes meaning, so each name is opened once per process. A number not
// yet known (another client's import since) makes the group's names be
// read again.
type senderNameCache struct {
	mu     sync.Mutex
	groups map[int64]map[int64]string
}

func newSenderNameCache() *senderNameCache {
	return &senderNameCache{groups: map[int64]map[int64]string{}}
}

// senderNames is the group's names by number, as last read; fresh reads
// them again from the database first.
func (s *Store) senderNames(ctx context.Context, groupID int64, fresh bool) (map[int64]string, error) {
	c := s.names
	c.mu.Lock()
	names, ok := c.groups[groupID]
	c.mu.Unlock()
	if ok && !fresh {
		return names, nil
	}
	next := make(map[int64]string, len(names)+8)
	var openErr error
	err := s.readRows(ctx, "SELECT ref, name_enc FROM sender_names WHERE group_id = ?", []any{groupID}, func(v []driver.Value) {
		ref := valInt(v[0])
		if name, ok := names[ref]; ok {
			next[ref] = name // opened before: the same name
			return
		}
		name, err := s.box.Open(valBytes(v[1]))
		if err != nil && openErr == nil {
			openErr = decryptError(err)
		}
		next[ref] = name
	})
	if err != nil {
		return nil, err
	}
	if openErr != nil {
		return nil, openErr
	}
	c.mu.Lock()
	c.groups[groupID] = next
	c.mu.Unlock()
	return next, nil
}

// senderNamer turns numbers into names for one read of a group's messages,
// reading the group's names again at most once, for a number it has not
// seen.
type senderNamer struct {
	s       *Store
	ctx     context.Context
	group   int64
	names   map[int64]string
	fresh   bool
	missing bool
}

func (s *Store) senderNamer(ctx context.Context, groupID int64) (*senderNamer, error) {
	names, err := s.senderNames(ctx, groupID, false)
	if err != nil {
		return nil, err
	}
	return &senderNamer{s: s, ctx: ctx, group: groupID, names: names}, nil
}

// name is the name numbered ref, "" for 0. A number it does not know is
// reported by missing and looked up again by fill.
func (n *senderNamer) name(ref int64) string {
	if ref == 0 {
		return ""
	}
	name, ok := n.names[ref]
	if !ok {
		n.missing = true
	}
	return name
}

// lookup is name, reading the names again first when ref is unknown.
func (n *senderNamer) lookup(ref int64) (string, error) {
	if _, ok := n.names[ref]; ref != 0 && !ok && !n.fresh {
		if err := n.reload(); err != nil {
			return "", err
		}
	}
	return n.name(ref), nil
}

func (n *senderNamer) reload() error {
	names, err := n.s.senderNames(n.ctx, n.group, true)
	if err != nil {
		return err
	}
	n.names, n.fresh, n.missing = names, true, false
	return nil
}

// senderFill names the messages of one read as their rows arrive: a number
// the namer knows at once, one it does not (another client's import added
// it since the names were read) once the read is over, reading the names
// again at most once.
type senderFill struct {
	namer   *senderNamer
	pending []unnamedMessage
}

func (s *Store) senderFill(ctx context.Context, groupID int64) (*senderFill, error) {
	n, err := s.senderNamer(ctx, groupID)
	if err != nil {
		return nil, err
	}
	return &senderFill{namer: n}, nil
}

// name is the sender name numbered ref of the message that will be at
// index at, or "" until fill when the number is new.
func (f *senderFill) name(at int, ref int64) string {
	name := f.namer.name(ref)
	if name == "" && ref != 0 {
		f.pending = append(f.pending, unnamedMessage{at, ref})
	}
	return name
}

// fill names the messages name could not, before out is reordered: the
// indices are where name saw them. Each is named once.
func (f *senderFill) fill(out []domain.Message) error {
	for _, u := range f.pending {
		name, err := f.namer.lookup(u.ref)
		if err != nil {
			return err
		}
		out[u.at].SenderName = name
	}
	f.pending = f.pending[:0]
	return nil
}
