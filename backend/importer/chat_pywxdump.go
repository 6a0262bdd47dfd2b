package importer

import (
	"io"
	"strings"

	"qunzhu/backend/domain"
)

// parsePyWxDump reads a PyWxDump CSV (one file per 5,000 messages):
//
//	id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime
//
// SourceID is MsgSvrID, the server's id of the message: the same in every
// export of every copy of the account's database.
//
// talker is the sender's wxid. PyWxDump writes 我 for the exporting account
// (is_sender=1) and 未知 or 系统 when it could not tell (system notices):
// none of these is an id, so SenderID is "" for them. The exporting account's
// rows keep SenderName 我 (as the export shows it) and IsSelf; the file
// carries no names for anyone else (they are in PyWxDump's users.json).
//
// CreateTime is local wall-clock time, read in the options' location
// (Precision a second; a minute if the seconds are missing). MsgSvrID and
// is_sender must be whole numbers when given: a row where one holds text goes
// to OnBad naming the field (chat_numbers.go).
//
// type_name is PyWxDump's Chinese name of the (Type, SubType) pair (文本,
// 图片, 卡片式链接, 带有引用的文本消息, 系统通知 …). PyWxDump has already
// rewritten msg: a link card is "title\ndes\n\n<a href=…>", src its URL; a
// quote is "reply\n\n[引用](time)name:quoted". Content is the title and the
// reply respectively, so the same message reads the same from every export.
func parsePyWxDump(r io.Reader, p *chatParse) error {
	rows, err := openChatRows(r, p, ',')
	if err != nil {
		return err
	}
	var (
		iSvr    = rows.column("MsgSvrID")
		iType   = rows.column("type_name")
		iSelf   = rows.column("is_sender")
		iTalker = rows.column("talker")
		iMsg    = rows.column("msg")
		iSrc    = rows.column("src")
		iTime   = rows.column("CreateTime")
	)
	if err := requireColumns([]string{"type_name", "talker", "msg", "CreateTime"}, []int{iType, iTalker, iMsg, iTime}); err != nil {
		return err
	}
	return rows.each(pywxdumpShape(p, rows.column("id"), iSvr, iType, iSelf, iTime), func(f []string, line int) error {
		svr, ok := p.idCell(line, "MsgSvrID", field(f, iSvr))
		if !ok {
			return nil
		}
		self, ok := p.flagCell(line, "is_sender", field(f, iSelf))
		if !ok {
			return nil
		}
		at, prec, ok := parseChatTime(f[iTime], p.loc)
		if !ok {
			p.bad(line, "chat.bad_time", map[string]any{"value": f[iTime]})
			return nil
		}
		rec := ChatRecord{Line: line, SentAt: at, Precision: prec, Kind: pywxdumpKind(f[iType])}
		rec.SourceID = svr
		switch talker := strings.TrimSpace(f[iTalker]); talker {
		case "我":
			rec.IsSelf, rec.SenderName = true, talker
		case "", "未知", "系统":
		default:
			rec.SenderID = talker
		}
		if self {
			rec.IsSelf = true
		}
		msg := f[iMsg]
		switch rec.Kind {
		case domain.KindSystem:
			rec.Content = systemText(msg)
			systemRecord(&rec)
		case domain.KindLink:
			rec.Content, rec.URL = pywxdumpLink(msg, field(f, iSrc))
		case domain.KindQuote:
			rec.Content = msg
			if i := strings.Index(msg, "\n\n[引用]"); i >= 0 {
				rec.Content = msg[:i]
			}
		default:
			rec.Content = msg
		}
		return p.emit(rec)
	})
}

// pywxdumpShape: a PyWxDump row begins with id and MsgSvrID (numbers),
// type_name (a name, not a number) and is_sender (a number or empty), all
// before msg, so even the first line of a row whose msg spans lines shows
// them; CreateTime, last, must be a time when the line reaches it.
func pywxdumpShape(p *chatParse, iID, iSvr, iType, iSelf, iTime int) rowShape {
	keys := max(iID, iSvr, iType, iSelf) + 1
	return rowShape{min: keys, begins: func(f []string, open bool) bool {
		n := len(f)
		if open {
			n--
		}
		if n < keys || (iID >= 0 && !wholeNumber(f[iID])) || (iSvr >= 0 && !wholeNumber(f[iSvr])) {
			return false
		}
		if name := strings.TrimSpace(f[iType]); name == "" || wholeNumber(name) {
			return false
		}
		if iSelf >= 0 && strings.TrimSpace(f[iSelf]) != "" && !wholeNumber(f[iSelf]) {
			return false
		}
		if iTime < n {
			_, _, ok := parseChatTime(f[iTime], p.loc)
			return ok
		}
		return true
	}}
}

// pywxdumpLink splits PyWxDump's rendering of a link card into its title and URL.
func pywxdumpLink(msg, src string) (title, url string) {
	title = msg
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		title = msg[:i]
	}
	title = strings.TrimSpace(title)
	if strings.HasPrefix(title, "<a href=") {
		title = ""
	}
	src = strings.TrimSpace(src)
	if l := strings.ToLower(src); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return title, src
	}
	if i := strings.Index(msg, `<a href="`); i >= 0 {
		rest := msg[i+len(`<a href="`):]
		if j := strings.IndexByte(rest, '"'); j >= 0 {
			return title, rest[:j]
		}
	}
	return title, ""
}

// pywxdumpKinds maps PyWxDump's type names (its type_name_dict, and the
// shorter names of some versions) to kinds; any other name is other.
var pywxdumpKinds = map[string]domain.Kind{
	"文本":           domain.KindText,
	"图片":           domain.KindImage,
	"语音":           domain.KindVoice,
	"视频":           domain.KindVideo,
	"动画表情":         domain.KindEmoji,
	"表情":           domain.KindEmoji,
	"用户上传的GIF表情":   domain.KindEmoji,
	"用户上传的 GIF 表情": domain.KindEmoji,
	"地图信息":         domain.KindLocation,
	"位置":           domain.KindLocation,
	"卡片式链接":        domain.KindLink,
	"链接":           domain.KindLink,
	"分享链接":         domain.KindLink,
	"文件":           domain.KindFile,
	"分享的小程序":       domain.KindMiniProgram,
	"小程序":          domain.KindMiniProgram,
	"带有引用的文本消息":    domain.KindQuote,
	"引用":           domain.KindQuote,
	"引用消息":         domain.KindQuote,
	"转账消息":         domain.KindTransfer,
	"转账":           domain.KindTransfer,
	"语音通话":         domain.KindCall,
	"视频通话":         domain.KindCall,
	"系统通知":         domain.KindSystem,
	"系统消息":         domain.KindSystem,
	"拍一拍":          domain.KindSystem,
}

func pywxdumpKind(name string) domain.Kind {
	if k, ok := pywxdumpKinds[strings.TrimSpace(name)]; ok {
		return k
	}
	return domain.KindOther
}
