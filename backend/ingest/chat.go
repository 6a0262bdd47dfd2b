package ingest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
)

// Chat imports a chat export into group groupID.
func Chat(ctx context.Context, st Store, groupID int64, path string, opt Options) (Summary, error) {
	g, f, size, err := open(ctx, st, groupID, path)
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()
	format, encoding, err := chatFormat(f, path, opt.Format)
	if err != nil {
		return Summary{File: baseName(path)}, err
	}
	if err := checkGroup(f, path, format, g, opt.AnyGroup); err != nil {
		return Summary{File: baseName(path), Format: format}, err
	}
	batch := domain.ImportBatch{GroupID: groupID, Kind: domain.BatchChat, Format: format, File: baseName(path), Encoding: encoding}
	defer relaxGC()()

	// One pass streams the records into one transaction; a file with bad
	// rows (and no --partial) is rolled back at the end, so nothing is written.
	tx, members, err := beginWithMembers(ctx, st, batch, opt)
	if err != nil {
		return Summary{}, err
	}
	defer tx.Rollback()
	var bad rowErrors
	b := newChatBuilder(g, format, members, tx)
	err = importer.ParseChat(&progressReader{r: f, total: size, fn: opt.Progress, ctx: ctx, clock: opt.clock()}, format, importer.ChatOptions{
		Location: opt.location(g),
		OnRecord: b.add,
		OnBad:    bad.add,
	})
	if err == nil {
		err = b.flush()
	}
	err = namingFile(err, path)
	batch.Rows = b.rows + bad.total
	if err != nil {
		return summarize(batch, bad), err
	}
	if b.rows == 0 {
		return summarize(batch, bad), errNothingRead(batch.File, bad.total, "chat.no_messages")
	}
	if bad.total > 0 && !opt.Partial {
		return summarize(batch, bad), errBadRows(batch.File, bad.total)
	}
	if opt.OnlyNew && len(b.recalls) == 0 {
		added, err := tx.Added()
		if err != nil {
			return Summary{}, err
		}
		if added == 0 {
			sum := summarize(batch, bad)
			sum.SkippedDuplicates, sum.Span = b.rows-bad.total, b.span
			return sum, nil // the deferred Rollback leaves no batch
		}
	}
	saved, err := b.finish(batch.Rows)
	if err != nil {
		return Summary{}, err
	}
	sum := summarize(saved, bad)
	sum.Span = b.span
	return sum, nil
}

// chatBuilder turns records into messages and member changes, writing
// messages to the import transaction in chunks as it goes.
type chatBuilder struct {
	group   domain.Group
	format  string
	tx      ImportTx
	roster  *domain.Roster
	staff   map[string]bool // staff aliases: names and ids
	pending []domain.Message
	events  []event
	recalls []string
	// seen counts identical messages within the current second (files are in
	// time order), so the map stays small on a million-message file.
	seen   map[string]int
	second int64
	rows   int
	span   Span           // the file's first and last message and the weeks they cover
	loc    *time.Location // the group's zone, loaded once (Group.Location reads the zone database)
}

// flushEvery messages go to the database at a time.
const flushEvery = 2000

type event struct {
	at time.Time
	ev *importer.SystemEvent
}

func newChatBuilder(g domain.Group, format string, members []domain.Member, tx ImportTx) *chatBuilder {
	b := &chatBuilder{group: g, format: format, tx: tx, roster: domain.NewRoster(members), staff: map[string]bool{}, seen: map[string]int{}, loc: g.Location()}
	for _, a := range g.StaffAliases {
		b.staff[a] = true
	}
	return b
}

func (b *chatBuilder) add(rec importer.ChatRecord) error {
	b.rows++
	if rec.RecallOf != "" {
		b.recalls = append(b.recalls, sourceKey(rec.RecallOf))
		return nil
	}
	m := domain.Message{
		GroupID:    b.group.ID,
		SenderID:   rec.SenderID,
		SenderName: cmp.Or(rec.SenderName, rec.SenderNick),
		Kind:       rec.Kind,
		SentAt:     rec.SentAt.UTC(),
		Content:    rec.Content,
		URL:        rec.URL,
		Precision:  rec.Precision,
	}
	// Phone and ID numbers are masked before anything is derived from the
	// text, the dedupe key included: the original is only ever stored sealed.
	if masked, ok := domain.MaskPII(m.Content); ok {
		m.Original, m.Content = m.Content, masked
	}
	m.Screened = true
	m.IsLink = domain.IsLinkPost(m.Kind, m.Content)
	if m.URL == "" && m.Kind == domain.KindText {
		if urls := domain.URLs(m.Content); len(urls) > 0 {
			m.URL = urls[0]
		}
	}
	m.DedupeKey = b.dedupeKey(rec, m)
	b.span.add(m.SentAt, b.loc)
	if m.Kind != domain.KindSystem && (rec.SenderID != "" || rec.SenderName != "" || rec.SenderNick != "") {
		i := b.roster.Sender(rec.SenderID, rec.SenderNick, rec.SenderName, rec.IsSelf)
		id, err := b.memberID(i)
		if err != nil {
			return err
		}
		m.MemberID = &id
		m.IsStaff = rec.IsSelf || b.staffMember(i) || b.staff[rec.SenderID] || b.staff[rec.SenderName] || b.staff[rec.SenderNick]
	}
	if rec.Event != nil {
		b.events = append(b.events, event{at: m.SentAt, ev: rec.Event})
	}
	b.pending = append(b.pending, m)
	if len(b.pending) >= flushEvery {
		return b.flush()
	}
	return nil
}

// staffMember reports whether member i is staff whatever name it posts
// under: the exporting account, an admin, or a staff alias of its name.
func (b *chatBuilder) staffMember(i int) bool {
	mem := b.roster.Members[i]
	return i == b.roster.Self() || mem.Tier == domain.TierAdmin || b.staff[mem.DisplayName()]
}

// memberID returns member i's id, inserting it first when this import
// created it.
func (b *chatBuilder) memberID(i int) (int64, error) {
	if id := b.roster.Members[i].ID; id != 0 {
		return id, nil
	}
	id, err := b.tx.CreateMember(b.roster.Members[i])
	if err != nil {
		return 0, err
	}
	b.roster.Members[i].ID = id
	return id, nil
}

// flush hands the pending messages to the import, which owns them from then on.
func (b *chatBuilder) flush() error {
	err := b.tx.AddMessages(b.pending)
	b.pending = make([]domain.Message, 0, flushEvery)
	return err
}

// dedupeKey makes the same message from overlapping exports collide. WeCom's
// msgid is stable and recalls refer to it, so it is the key there; other
// tools' local ids differ between exports of the same chat, so the key is
// the instant, sender (its id when the export has one, so MemoTrace, PyWxDump
// and chatlog exports of one chat agree), kind and content — with a counter,
// so a member who posts the same text twice in one second keeps both.
func (b *chatBuilder) dedupeKey(rec importer.ChatRecord, m domain.Message) string {
	if b.format == importer.FormatWeComArchive && rec.SourceID != "" {
		return sourceKey(rec.SourceID)
	}
	id, name := m.SenderID, m.SenderName
	switch {
	case rec.IsSelf:
		id, name = "", "@self" // MemoTrace gives the exporter's wxid, PyWxDump "我"
	case id != "":
		name = "" // tools name the same sender differently (remark, nickname); its id is the same
	}
	content := m.Content
	if !domain.Textual(m.Kind) {
		content = "" // tools write media as XML, placeholders or file names: only the instant and sender agree
	}
	base := domain.DedupeKey("", m.SentAt, id, name, m.Kind, content)
	if sec := m.SentAt.Unix(); sec != b.second {
		clear(b.seen)
		b.second = sec
	}
	n := b.seen[base]
	b.seen[base] = n + 1
	if n == 0 {
		return base
	}
	return fmt.Sprintf("%s#%d", base, n)
}

func sourceKey(id string) string { return "id:" + id }

// finish applies joins and leaves in time order, the recalls, and commits.
func (b *chatBuilder) finish(rows int) (domain.ImportBatch, error) {
	sort.SliceStable(b.events, func(i, j int) bool { return b.events[i].at.Before(b.events[j].at) })
	for _, e := range b.events {
		for _, name := range e.ev.Names {
			if name == "你" && b.roster.Self() < 0 {
				continue // the exporting account, not yet known: no member to move
			}
			switch e.ev.Type {
			case importer.EventJoin:
				i, _ := b.roster.Name(name)
				b.roster.Joined(i, e.at)
			case importer.EventLeave, importer.EventRemove:
				b.roster.NameLeft(name, e.at)
			}
		}
	}
	if err := b.link(); err != nil {
		return domain.ImportBatch{}, err
	}
	if err := b.tx.Recall(b.recalls); err != nil {
		return domain.ImportBatch{}, err
	}
	b.tx.SetRows(rows)
	return b.tx.Commit(b.roster.Members, b.roster.Changed())
}

// link merges the members this import found to be one person:
//   - a sender found by its id whose names name another member with no chat
//     id at all (domain.Roster.Links): an id-only export (PyWxDump) imported
//     after the member list, then one with ids and names;
//   - a member whose messages here are, time and text alike, messages an
//     earlier import stored under another member (domain.Corroborates): an
//     export with ids only over one with names only, or back, where neither
//     ids nor names could tell who is who. A member is merged into the one
//     whose matches outnumber any other's at least two to one — from one
//     match for a sender this import created, from a weight of two for
//     members that both existed before (a longer text or a match by dedupe
//     key weighs two, a short reply one) — and only where their ids do not
//     say they are different people (domain.MaySamePerson).
//
// A member this import created goes into the earlier one; of two earlier
// members the older (lower id) is kept.
func (b *chatBuilder) link() error {
	r := b.roster
	for _, l := range r.Links() {
		if err := b.merge(l[0], l[1]); err != nil {
			return err
		}
	}
	evidence, err := b.tx.Corroborated()
	if err != nil || len(evidence) == 0 {
		return err
	}
	ids := make([]int64, 0, len(evidence))
	for id := range evidence {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		other, n, ok := strongest(evidence[id])
		i, j := b.index(id), b.index(other)
		if !ok || i < 0 || j < 0 || (n < 2 && !b.tx.IsCreated(id)) {
			continue
		}
		if err := b.merge(i, j); err != nil {
			return err
		}
	}
	return nil
}

// index is the roster index of the member with id, following merges; -1 if
// there is none.
func (b *chatBuilder) index(id int64) int {
	for i, m := range b.roster.Members {
		if m.ID == id {
			return b.roster.Resolve(i)
		}
	}
	return -1
}

// merge folds members i and j into one (see link), unless they are one
// already or their ids say they are two people.
func (b *chatBuilder) merge(i, j int) error {
	r := b.roster
	i, j = r.Resolve(i), r.Resolve(j)
	if i == j || !domain.MaySamePerson(r.Members[i], r.Members[j]) {
		return nil
	}
	from, into := i, j
	switch ci, cj := b.tx.IsCreated(r.Members[i].ID), b.tx.IsCreated(r.Members[j].ID); {
	case ci != cj:
		if cj {
			from, into = j, i
		}
	case r.Members[j].ID > r.Members[i].ID:
		from, into = j, i
	}
	var err error
	if b.tx.IsCreated(r.Members[from].ID) {
		err = b.tx.MergeCreated(r.Members[from].ID, r.Members[into].ID, b.staffMember(into))
	} else {
		err = b.tx.MergeExisting(r.Members[from].ID, r.Members[into].ID)
	}
	if err != nil {
		return err
	}
	r.Absorb(from, into)
	return nil
}

// strongest is the member with the most matches and their count, if it has
// at least twice as many as any other.
func strongest(counts map[int64]int) (int64, int, bool) {
	var best int64
	first, second := 0, 0
	for id, n := range counts {
		switch {
		case n > first || (n == first && id < best):
			second = first
			best, first = id, n
		case n > second:
			second = n
		}
	}
	return best, first, first > 0 && first >= 2*second
}
