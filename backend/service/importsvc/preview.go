package importsvc

import (
	"cmp"
	"context"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/ingest"
)

// Preview is a file read without importing: its format, encoding and first
// rows as the columns say (times RFC 3339 in the group's zone).
type Preview struct {
	Kind     domain.BatchKind
	File     string
	Format   string
	Encoding string
	Header   []string // members: the columns as written
	Fields   []string // members: the field each column maps to
	Columns  []string
	Rows     [][]string
	Errors   []ingest.RowError
	// LooksLike is the other kind when the file is of it ("chat" for a
	// member list that is a chat export); nothing else is read then.
	LooksLike string
	// FileGroup is the group a chat export's title names when that is not
	// the group imported into ("" otherwise): the operator is asked first.
	FileGroup string
	// WallClock: the chat format writes local times, read in TimeZone.
	WallClock bool
	TimeZone  string
}

// Preview reads req's file's format, encoding and first rows.
func (s *Service) Preview(ctx context.Context, req Request) (Preview, error) {
	g, err := s.st.Group(ctx, req.GroupID)
	if err != nil {
		return Preview{}, err
	}
	out := Preview{Kind: req.Kind, Header: []string{}, Fields: []string{}, Columns: []string{}, Rows: [][]string{}, Errors: []ingest.RowError{}}
	if req.Kind == domain.BatchMembers {
		return previewMembers(ctx, out, req, g)
	}
	loc := cmp.Or(req.TZ, g.Location())
	p, err := ingest.PreviewChat(ctx, req.Path, req.Format, loc)
	if err != nil {
		return out, err
	}
	if p.LooksLike != "" {
		out.File, out.LooksLike = p.File, string(p.LooksLike)
		return out, nil
	}
	out.File, out.Format, out.Encoding = p.File, p.Format, p.Encoding
	out.WallClock, out.TimeZone = importer.WallClock(p.Format), loc.String()
	if p.FileGroup != "" && !ingest.SameGroupName(p.FileGroup, g.Name) {
		out.FileGroup = p.FileGroup
	}
	out.Columns = []string{"line", "sent_at", "sender", "kind", "content"}
	for _, r := range p.Records {
		out.Rows = append(out.Rows, []string{strconv.Itoa(r.Line), r.SentAt.In(g.Location()).Format(time.RFC3339),
			cmp.Or(r.SenderName, r.SenderNick, r.SenderID), string(r.Kind), previewContent(r)})
	}
	out.Errors = append(out.Errors, p.Errors...)
	return out, nil
}

func previewMembers(ctx context.Context, out Preview, req Request, g domain.Group) (Preview, error) {
	p, err := ingest.PreviewMembers(ctx, req.Path, g.Location(), req.Mapping)
	if err != nil {
		return out, err
	}
	if p.LooksLike != "" {
		out.File, out.LooksLike = p.Name, string(p.LooksLike)
		return out, nil
	}
	out.File, out.Format, out.Encoding, out.Header = p.Name, p.File.Format, p.File.Encoding, p.File.Header
	for _, f := range p.File.Fields {
		out.Fields = append(out.Fields, string(f))
	}
	out.Columns = []string{"line", "nickname", "group_nickname", "wechat_id", "remark", "tier", "joined_at", "tags"}
	for _, r := range p.Records {
		m := r.Member
		joined := ""
		if m.JoinedAt != nil {
			joined = m.JoinedAt.In(g.Location()).Format(time.RFC3339)
		}
		out.Rows = append(out.Rows, []string{strconv.Itoa(r.Line), m.Nickname, m.GroupNickname, m.WeChatID, m.Remark,
			string(m.Tier), joined, strings.Join(m.Tags, "、")})
	}
	out.Errors = append(out.Errors, p.Errors...)
	return out, nil
}

// previewContent is what the preview shows of a record: text as written,
// and for media nothing (the kind column says what it is) rather than XML.
func previewContent(r importer.ChatRecord) string {
	switch r.Kind {
	case domain.KindText, domain.KindLink, domain.KindQuote, domain.KindSystem:
		return domain.Excerpt(r.Content, 200)
	}
	return ""
}
