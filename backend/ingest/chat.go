package ingest

import (
	"cmp"
	"context"
	"fmt"
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
	members, err := st.Members(ctx, groupID)
	if err != nil {
		return Summary{}, err
	}
	batch := domain.ImportBatch{GroupID: groupID, Kind: domain.BatchChat, Format: format, File: baseName(path), Encoding: encoding}
	defer relaxGC()()

	// One pass streams the records into one transaction; a file with bad
	// rows (and no --partial) is rolled back at the end, so nothing is written.
	tx, err := st.BeginImport(ctx, batch)
	if err != nil {
		return Summary{}, err
	}
	defer tx.Rollback()
	var rowErrs []RowError
	b := newChatBuilder(g, format, members, tx)
	err = importer.ParseChat(&progressReader{r: f, total: size, fn: opt.Progress, ctx: ctx}, format, importer.ChatOptions{
		Location: opt.location(g),
		OnRecord: b.add,
		OnBad:    func(e importer.LineError) { rowErrs = append(rowErrs, RowError(e)) },
	})
	if err == nil {
		err = b.flush()
	}
	batch.Rows = b.rows + len(rowErrs)
	if err != nil {
		return summarize(batch, rowErrs), err
	}
	if len(rowErrs) > 0 && !opt.Partial {
		return summarize(batch, rowErrs), errBadRows(batch.File, len(rowErrs))
	}
	saved, err := b.finish(batch.Rows)
	if err != nil {
		return Summary{}, err
	}
	return summarize(saved, rowErrs), nil
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
}

// flushEvery messages go to the database at a time.
const flushEvery = 2000

type event struct {
	at time.Time
	ev *importer.SystemEvent
}

func newChatBuilder(g domain.Group, format string, members []domain.Member, tx ImportTx) *chatBuilder {
	b := &chatBuilder{group: g, format: format, tx: tx, roster: domain.NewRoster(members), staff: map[string]bool{}, seen: map[string]int{}}
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
	}
	m.IsLink = domain.IsLinkPost(m.Kind, m.Content)
	if m.URL == "" && m.Kind == domain.KindText {
		if urls := domain.URLs(m.Content); len(urls) > 0 {
			m.URL = urls[0]
		}
	}
	m.DedupeKey = b.dedupeKey(rec, m)
	if m.Kind != domain.KindSystem && (rec.SenderID != "" || rec.SenderName != "" || rec.SenderNick != "") {
		i := b.roster.Sender(rec.SenderID, rec.SenderNick, rec.SenderName, rec.IsSelf)
		id, err := b.memberID(i)
		if err != nil {
			return err
		}
		m.MemberID = &id
		mem := b.roster.Members[i]
		m.IsStaff = rec.IsSelf || i == b.roster.Self() || mem.Tier == domain.TierAdmin ||
			b.staff[rec.SenderID] || b.staff[rec.SenderName] || b.staff[rec.SenderNick] || b.staff[mem.DisplayName()]
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
	if !textual(m.Kind) {
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

// textual kinds carry text every export writes alike.
func textual(k domain.Kind) bool {
	return k == domain.KindText || k == domain.KindLink || k == domain.KindQuote || k == domain.KindSystem
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
			i, _ := b.roster.Name(name)
			switch e.ev.Type {
			case importer.EventJoin:
				b.roster.Joined(i, e.at)
			case importer.EventLeave, importer.EventRemove:
				b.roster.Left(i, e.at)
			}
		}
	}
	if err := b.tx.Recall(b.recalls); err != nil {
		return domain.ImportBatch{}, err
	}
	b.tx.SetRows(rows)
	return b.tx.Commit(b.roster.Members, b.roster.Changed())
}
