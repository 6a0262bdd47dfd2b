package importer

import (
	"io"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// parseMemoTrace reads a WeChatMsg/MemoTrace (留痕) CSV:
//
//	localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender
//
// Columns are found by name, so a reordered or extended header still reads.
//
// SourceID is left empty on purpose. localId is the row number in one
// decrypted MSG*.db: two exports of the same chat from different databases
// (phone backup vs PC, a re-synced PC, MSG0 vs MSG1 shards) number the same
// message differently and different messages alike, so using it would both
// duplicate overlapping exports and drop real messages as "duplicates".
// The export carries no server id (MsgSvrID), so overlapping exports dedupe
// on what every export of the message agrees on: the instant (CreateTime,
// seconds), the sender, the kind and the content (domain.DedupeKey).
//
// Sender is the wxid, SenderName the Remark (the name the exporter sees, as
// given, e.g. "Amy_Chen": MemoTrace replaces spaces in remarks), SenderNick
// the NickName. A member who left is often shown only by wxid in all three
// columns; the names are kept as given (the display-name rule falls back to
// the id anyway). System rows have empty sender columns.
//
// Type, SubType, IsSender and CreateTime must be whole numbers: a row where
// one holds anything else goes to OnBad naming the field (chat_numbers.go).
// An empty Type is bad too (the row's kind is unknown); an empty SubType or
// IsSender reads as 0.
//
// Time is CreateTime (Unix seconds, Precision a second); when it is empty or
// no plausible instant, StrTime (wall-clock) in the options' location. A row
// with neither goes to OnBad.
//
// App messages (Type 49) carry their card as XML in StrContent: Content is
// the card's title and, for links, URL its <url>. StrContent is empty when
// MemoTrace did not unpack the compressed card (CompressContent): the row is
// still a message of the SubType's kind — for SubType 5 a link post whose
// URL was lost (Content and URL ""). Media rows keep their XML as Content.
func parseMemoTrace(r io.Reader, p *chatParse) error {
	rows, err := openChatRows(r, p, ',')
	if err != nil {
		return err
	}
	var (
		iType    = rows.column("Type")
		iSub     = rows.column("SubType")
		iSelf    = rows.column("IsSender")
		iCreate  = rows.column("CreateTime")
		iContent = rows.column("StrContent")
		iStrTime = rows.column("StrTime")
		iRemark  = rows.column("Remark")
		iNick    = rows.column("NickName")
		iSender  = rows.column("Sender")
	)
	if err := requireColumns([]string{"Type", "CreateTime", "StrContent"}, []int{iType, iCreate, iContent}); err != nil {
		return err
	}
	return rows.each(memoTraceShape(p, rows.column("localId"), iType, iCreate, iStrTime), func(f []string, line int) error {
		// Number fields first: a row whose columns shifted shows it there.
		typ, ok := p.intCell(line, "Type", f[iType], numberRequired)
		if !ok {
			return nil
		}
		sub, ok := p.intCell(line, "SubType", field(f, iSub), numberOptional)
		if !ok {
			return nil
		}
		self, ok := p.flagCell(line, "IsSender", field(f, iSelf))
		if !ok {
			return nil
		}
		at, prec, ok := memoTraceTime(p, line, f[iCreate], field(f, iStrTime))
		if !ok {
			return nil
		}
		rec := ChatRecord{
			Line:       line,
			SenderID:   field(f, iSender),
			SenderName: field(f, iRemark),
			SenderNick: field(f, iNick),
			IsSelf:     self,
			SentAt:     at,
			Precision:  prec,
		}
		wechatContent(&rec, typ, sub, f[iContent])
		return p.emit(rec)
	})
}

// memoTraceShape: a MemoTrace row begins with its numbers — localId, Type
// and CreateTime come before StrContent, so even the first line of a row
// whose text spans lines shows them. A row may lack CreateTime if StrTime,
// further on, is a time.
func memoTraceShape(p *chatParse, iLocal, iType, iCreate, iStrTime int) rowShape {
	keys := max(iLocal, iType, iCreate) + 1
	return rowShape{min: keys, begins: func(f []string, open bool) bool {
		n := len(f)
		if open {
			n--
		}
		if n < keys || (iLocal >= 0 && !wholeNumber(f[iLocal])) || !wholeNumber(f[iType]) {
			return false
		}
		if wholeNumber(f[iCreate]) {
			return true
		}
		if strings.TrimSpace(f[iCreate]) != "" || iStrTime < 0 || iStrTime >= n {
			return false
		}
		_, _, ok := parseChatTime(f[iStrTime], p.loc)
		return ok
	}}
}

// memoTraceTime reads a row's instant: CreateTime (Unix seconds), which must
// be a whole number when it is there; StrTime (wall-clock, in the options'
// location) only when CreateTime is empty or no plausible instant (0).
func memoTraceTime(p *chatParse, line int, create, strTime string) (time.Time, time.Duration, bool) {
	if strings.TrimSpace(create) != "" {
		if _, ok := p.intCell(line, "CreateTime", create, numberRequired); !ok {
			return time.Time{}, 0, false
		}
		if at, prec, ok := parseChatTime(create, p.loc); ok {
			return at, prec, true
		}
	}
	if at, prec, ok := parseChatTime(strTime, p.loc); ok {
		return at, prec, true
	}
	p.bad(line, "chat.bad_time", map[string]any{"value": create})
	return time.Time{}, 0, false
}

// wechatContent sets Kind, Content, URL and Event from WeChat PC's Type,
// SubType and StrContent (MemoTrace; chatlog when it carries raw content).
func wechatContent(rec *ChatRecord, typ, sub int64, content string) {
	switch typ {
	case 49:
		card, ok := parseAppCard(content)
		if sub == 0 && ok {
			sub = card.Type
		}
		rec.Kind = kindForCode(49, sub)
		if ok {
			rec.Content = card.Title
			if rec.Kind == domain.KindLink {
				rec.URL = card.URL
			}
			return
		}
		rec.Content = content
		if rec.Kind == domain.KindLink {
			if urls := domain.URLs(content); len(urls) > 0 {
				rec.URL = urls[0]
			}
		}
	case 10000, 10002:
		rec.Content = systemText(content)
		systemRecord(rec)
	default:
		rec.Kind = kindForCode(typ, sub)
		rec.Content = content
	}
}
