package ingest

import (
	"context"
	"fmt"
	"io"
	"sort"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/store"
)

// Chat imports a chat export into group groupID.
func Chat(ctx context.Context, st Store, groupID int64, path string, opt Options) (Summary, error) {
	g, err := st.Group(ctx, groupID)
	if err != nil {
		return Summary{}, err
	}
	f, size, err := openFile(path)
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()

	format := opt.Format
	if format == "" || format == importer.FormatAuto {
		head := make([]byte, 64<<10)
		n, _ := io.ReadFull(f, head)
		if format, err = importer.DetectChatFormat(head[:n], path); err != nil {
			return Summary{File: baseName(path)}, err
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return Summary{}, err
		}
	}

	members, err := st.Members(ctx, groupID)
	if err != nil {
		return Summary{}, err
	}
	b := newChatBuilder(g, format, members)
	var rowErrs []RowError
	pr := &progressReader{r: f, total: size, fn: opt.Progress, ctx: ctx}
	err = importer.ParseChat(pr, format, importer.ChatOptions{
		Location: g.Location(),
		OnRecord: func(rec importer.ChatRecord) error { b.add(rec); return ctx.Err() },
		OnBad:    func(e importer.LineError) { rowErrs = append(rowErrs, RowError(e)) },
	})
	if err != nil {
		return Summary{File: baseName(path), Format: format, Errors: rowErrs}, err
	}
	batch := domain.ImportBatch{GroupID: groupID, Kind: domain.BatchChat, Format: format, File: baseName(path),
		Encoding: "UTF-8", Rows: b.rows + len(rowErrs)}
	if len(rowErrs) > 0 && !opt.Partial {
		return Summary{File: batch.File, Format: format, Encoding: batch.Encoding, Rows: batch.Rows, Errors: rowErrs},
			errBadRows(batch.File, len(rowErrs))
	}
	set := b.finish(batch)
	saved, err := st.ApplyImport(ctx, set)
	if err != nil {
		return Summary{}, err
	}
	return summarize(saved, rowErrs), nil
}

// chatBuilder turns records into messages and member changes.
type chatBuilder struct {
	group   domain.Group
	format  string
	roster  *domain.Roster
	staff   map[string]bool // staff aliases: names and ids
	msgs    []domain.Message
	senders []int
	events  []event
	recalls []string
	seen    map[string]int // occurrences of the same message within this file
	rows    int
}

type event struct {
	at   int64
	line int
	ev   *importer.SystemEvent
	when domain.Message
}

func newChatBuilder(g domain.Group, format string, members []domain.Member) *chatBuilder {
	b := &chatBuilder{group: g, format: format, roster: domain.NewRoster(members), staff: map[string]bool{}, seen: map[string]int{}}
	for _, a := range g.StaffAliases {
		b.staff[a] = true
	}
	return b
}

func (b *chatBuilder) add(rec importer.ChatRecord) {
	b.rows++
	if rec.RecallOf != "" {
		b.recalls = append(b.recalls, sourceKey(rec.RecallOf))
		return
	}
	m := domain.Message{
		GroupID:    b.group.ID,
		SenderID:   rec.SenderID,
		SenderName: firstNonEmpty(rec.SenderName, rec.SenderNick),
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
	sender := -1
	if m.Kind != domain.KindSystem && (rec.SenderID != "" || rec.SenderName != "" || rec.SenderNick != "") {
		sender = b.roster.Sender(rec.SenderID, rec.SenderNick, rec.SenderName, rec.IsSelf)
		mem := b.roster.Members[sender]
		m.IsStaff = rec.IsSelf || sender == b.roster.Self() || mem.Tier == domain.TierAdmin ||
			b.staff[rec.SenderID] || b.staff[rec.SenderName] || b.staff[rec.SenderNick] || b.staff[mem.DisplayName()]
	}
	if rec.Event != nil {
		b.events = append(b.events, event{at: m.SentAt.Unix(), line: rec.Line, ev: rec.Event, when: m})
	}
	b.msgs = append(b.msgs, m)
	b.senders = append(b.senders, sender)
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
	name := m.SenderName
	if m.SenderID != "" {
		name = "" // tools name the same sender differently (remark, nickname); its id is the same
	}
	base := domain.DedupeKey("", m.SentAt, m.SenderID, name, m.Kind, m.Content)
	n := b.seen[base]
	b.seen[base] = n + 1
	if n == 0 {
		return base
	}
	return fmt.Sprintf("%s#%d", base, n)
}

func sourceKey(id string) string { return "id:" + id }

// finish applies joins and leaves in time order and assembles the store's set.
func (b *chatBuilder) finish(batch domain.ImportBatch) store.ImportSet {
	sort.SliceStable(b.events, func(i, j int) bool { return b.events[i].at < b.events[j].at })
	for _, e := range b.events {
		for _, name := range e.ev.Names {
			if name == "你" && b.roster.Self() < 0 {
				continue // the exporting account, not yet known: no member to move
			}
			i, _ := b.roster.Name(name)
			switch e.ev.Type {
			case importer.EventJoin:
				b.roster.Joined(i, e.when.SentAt)
			case importer.EventLeave, importer.EventRemove:
				b.roster.Left(i, e.when.SentAt)
			}
		}
	}
	return store.ImportSet{Batch: batch, Members: b.roster.Members, Changed: b.roster.Changed(),
		Messages: b.msgs, Senders: b.senders, Recalls: b.recalls}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
