// Package importer reads the files operators have — member lists and chat
// exports — into plain records. Parsers are pure functions of an io.Reader:
// they stream, never hold a whole chat file, never touch the database, and
// report every unreadable row with its line number and a reason key that the
// edge (CLI, app) words in the user's language. Identity resolution and
// writing happen later, in one transaction, elsewhere.
package importer

import (
	"time"

	"qunzhu/backend/domain"
)

// LineError is one row that could not be read: where, and why (a message key
// with arguments, worded by backend/msg).
type LineError struct {
	Line int
	Key  string
	Args map[string]any
}

// EventType is what a system message says happened.
type EventType string

const (
	EventJoin   EventType = "join"   // "A"邀请"B、C"加入了群聊, "B"通过扫描"A"分享的二维码加入群聊 …
	EventLeave  EventType = "leave"  // "B"退出了群聊
	EventRemove EventType = "remove" // 你将"B"移出了群聊, "A"将"B"移出了群聊
)

// SystemEvent is a parsed join, leave or removal. Actor is the inviter or
// remover as written ("你" is the exporting account, "" when none); Names are
// the members who joined or left, as written.
type SystemEvent struct {
	Type  EventType
	Actor string
	Names []string
}

// ChatRecord is one message as an export states it, before identity
// resolution. SentAt is a UTC instant (formats with wall-clock times only are
// read in ChatOptions.Location).
type ChatRecord struct {
	Line       int    // 1-based line (JSON lines: the line; JSON array: the element's line) where the record starts
	SourceID   string // the export's own stable message id (MsgSvrID, msgid, seq …); "" if none
	SenderID   string // sender account id (wxid, userid); "" if the format has none
	SenderName string // the name the export shows (MemoTrace Remark, group nickname, text-export name)
	SenderNick string // the account nickname when the format carries it separately (MemoTrace NickName)
	IsSelf     bool   // sent by the exporting account (IsSender=1, is_sender=1, isSelf, "我")
	Kind       domain.Kind
	SentAt     time.Time
	// Precision is the coarsest unit the export's time carries for this
	// record: time.Minute for forward-as-text (HH:MM) and sheet rows whose
	// time has no seconds, time.Hour for a sheet row written 20时, 24h for a
	// sheet row with a bare date,
	// time.Second otherwise (Unix seconds or ms, RFC 3339, wall clocks with
	// seconds). Two exports of one message agree on its instant only to the
	// coarser of their precisions, so duplicate detection across formats
	// compares at that unit. Never 0.
	Precision time.Duration
	Content   string       // text; for media the export's placeholder or XML as given
	URL       string       // a link card's URL (its <url>), "" otherwise
	Event     *SystemEvent // set for system messages that are joins, leaves or removals
	RecallOf  string       // WeCom: the SourceID of the message this record recalls (Kind system)
}

// ChatOptions tune chat parsing.
type ChatOptions struct {
	Location *time.Location // for wall-clock times; default Asia/Shanghai
	// OnRecord receives each record in file order; a non-nil error stops parsing and is returned.
	OnRecord func(ChatRecord) error
	// OnBad receives each unreadable row; parsing goes on.
	OnBad func(LineError)
}

// Chat formats, as named on the command line.
const (
	FormatAuto         = "auto"
	FormatMemoTrace    = "memotrace"
	FormatPyWxDump     = "pywxdump"
	FormatChatlog      = "chatlog"
	FormatWeChatText   = "wechat-text"
	FormatWeComArchive = "wecom-archive"
	FormatCSV          = "csv"
)

// MemberField is a column's meaning in a member list.
type MemberField string

const (
	FieldIgnore        MemberField = ""
	FieldNickname      MemberField = "nickname"
	FieldGroupNickname MemberField = "group_nickname"
	FieldWeChatID      MemberField = "wechat_id" // 微信号 / wxid
	FieldRemark        MemberField = "remark"
	FieldPhone         MemberField = "phone"
	FieldRealName      MemberField = "real_name"
	FieldGender        MemberField = "gender"
	FieldRegion        MemberField = "region"
	FieldJoinedAt      MemberField = "joined_at"
	FieldJoinScene     MemberField = "join_scene"
	FieldInviter       MemberField = "inviter"
	FieldTags          MemberField = "tags"
	FieldFriends       MemberField = "friends"
	FieldActiveHours   MemberField = "active_hours"
	FieldRole          MemberField = "role"
	FieldExtra         MemberField = "extra" // kept under its header name in Member.Extra
)

// MemberRecord is one row of a member list, read into a member. Tier is
// admin for role words (群主/管理员/admin), normal otherwise; a 已退群/已移出 tag
// sets LeftUndated. WeChatID holds the 微信号/wxid column; a value starting
// with "wxid_" is also set as WxID.
type MemberRecord struct {
	Line   int
	Member domain.Member
}

// MemberFile describes a member list as read: its encoding and how its
// columns were mapped (for the wizard's preview and mapping correction).
type MemberFile struct {
	Format   string   // "csv" or "xlsx"
	Encoding string   // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE BOM" …
	Header   []string // as written
	Fields   []MemberField
	Rows     int // data rows seen (good and bad)
}

// MemberOptions tune member-list parsing.
type MemberOptions struct {
	Location *time.Location         // for dates; default Asia/Shanghai
	Mapping  map[string]MemberField // header (as written) → field, overriding the automatic mapping
	OnRecord func(MemberRecord) error
	OnBad    func(LineError)
}

// defaultLocation is China Standard Time, the zone of every export tool's
// wall-clock times unless a group says otherwise.
func defaultLocation(loc *time.Location) *time.Location {
	if loc != nil {
		return loc
	}
	if l, err := time.LoadLocation(domain.DefaultTimeZone); err == nil {
		return l
	}
	return time.FixedZone("CST", 8*3600)
}
