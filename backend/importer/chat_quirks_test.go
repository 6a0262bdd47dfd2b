package importer

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"qunzhu/backend/domain"
)

const memoHeader = "\ufefflocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n"

// memoRow writes one MemoTrace row; content is written as given (quote it yourself).
func memoRow(typ, sub, self, created, content, remark, nick, sender string) string {
	return strings.Join([]string{"1", "27", typ, sub, self, created, "3", content, "2024-03-04 20:45:13", remark, nick, sender}, ",") + "\r\n"
}

// chatWant is the part of a record a quirk test checks.
type chatWant struct {
	Line               int
	Kind               domain.Kind
	Content, URL       string
	SenderID, Name     string
	Self               bool
	Event              *SystemEvent
	SentAt             string // RFC 3339, UTC; "" to skip
	SourceID, RecallOf string
}

func chatGot(r ChatRecord, w chatWant) chatWant {
	g := chatWant{Line: r.Line, Kind: r.Kind, Content: r.Content, URL: r.URL, SenderID: r.SenderID, Name: r.SenderName,
		Self: r.IsSelf, Event: r.Event, SourceID: r.SourceID, RecallOf: r.RecallOf}
	if w.SentAt != "" {
		g.SentAt = r.SentAt.Format(time.RFC3339)
	}
	return g
}

type chatQuirk struct {
	name, format, input string
	want                []chatWant
	bad                 []LineError
}

func runChatQuirks(t *testing.T, tests []chatQuirk) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, bad := parseChatString(t, tt.input, tt.format)
			if len(recs) != len(tt.want) {
				t.Fatalf("%d records, want %d: %+v (bad %v)", len(recs), len(tt.want), recs, bad)
			}
			for i, w := range tt.want {
				if g := chatGot(recs[i], w); !reflect.DeepEqual(g, w) {
					t.Errorf("record %d:\n got  %+v\n want %+v", i, g, w)
				}
			}
			if !reflect.DeepEqual(bad, tt.bad) {
				t.Errorf("bad rows %v, want %v", bad, tt.bad)
			}
		})
	}
}

func TestMemoTraceQuirks(t *testing.T) {
	card := func(typ, title, url string) string {
		return `"<?xml version=""1.0""?><msg><appmsg appid="""" sdkver=""0""><title>` + title + `</title><des>一篇书评</des><type>` + typ +
			`</type><url>` + url + `</url></appmsg></msg>"`
	}
	runChatQuirks(t, []chatQuirk{
		{
			name:   "type-49 link whose StrContent is empty: a link post without content or URL",
			format: FormatMemoTrace,
			input:  memoHeader + memoRow("49", "5", "0", "1709556313", "", "晓雨-杭州", "陈晓雨", wxCXY),
			want:   []chatWant{{Line: 2, Kind: domain.KindLink, SenderID: wxCXY, Name: "晓雨-杭州", SentAt: "2024-03-04T12:45:13Z"}},
		},
		{
			name:   "link card XML: title as content, <url> with entities decoded",
			format: FormatMemoTrace,
			input:  memoHeader + memoRow("49", "5", "0", "1709556313", card("5", "《人类简史》书评", "https://mp.weixin.qq.com/s?__biz=MzA&amp;mid=1"), "晓雨-杭州", "陈晓雨", wxCXY),
			want: []chatWant{{Line: 2, Kind: domain.KindLink, Content: "《人类简史》书评", URL: "https://mp.weixin.qq.com/s?__biz=MzA&mid=1",
				SenderID: wxCXY, Name: "晓雨-杭州"}},
		},
		{
			name:   "link card with CDATA title and SubType 0: the XML's <type> decides",
			format: FormatMemoTrace,
			input:  memoHeader + memoRow("49", "0", "0", "1709556313", card("5", "<![CDATA[书评 & 笔记]]>", "https://example.com/a"), "晓雨-杭州", "陈晓雨", wxCXY),
			want:   []chatWant{{Line: 2, Kind: domain.KindLink, Content: "书评 & 笔记", URL: "https://example.com/a", SenderID: wxCXY, Name: "晓雨-杭州"}},
		},
		{
			name:   "quote: the reply is the content, not the quoted message's title or URL",
			format: FormatMemoTrace,
			input: memoHeader + memoRow("49", "57", "0", "1709608967",
				`"<msg><appmsg><title>谢谢！已经买了</title><type>57</type><refermsg><type>49</type><content>&lt;title&gt;别的&lt;/title&gt;</content><url>https://x.example/</url></refermsg></appmsg></msg>"`,
				"王大力", "王大力", wxWDL),
			want: []chatWant{{Line: 2, Kind: domain.KindQuote, Content: "谢谢！已经买了", SenderID: wxWDL, Name: "王大力"}},
		},
		{
			name:   "media keep their XML; every type code maps",
			format: FormatMemoTrace,
			input: memoHeader +
				memoRow("3", "0", "0", "1709526669", `"<msg><img md5=""a""/></msg>"`, "王大力", "王大力", wxWDL) +
				memoRow("43", "0", "0", "1709526670", "<msg/>", "王大力", "王大力", wxWDL) +
				memoRow("48", "0", "0", "1709526671", "<msg/>", "王大力", "王大力", wxWDL) +
				memoRow("50", "0", "0", "1709526672", "", "王大力", "王大力", wxWDL) +
				memoRow("49", "6", "0", "1709526673", "<msg><appmsg><title>笔记.pdf</title></appmsg></msg>", "王大力", "王大力", wxWDL) +
				memoRow("49", "33", "0", "1709526674", "", "王大力", "王大力", wxWDL) +
				memoRow("49", "2000", "0", "1709526675", "", "王大力", "王大力", wxWDL) +
				memoRow("49", "19", "0", "1709526676", "", "王大力", "王大力", wxWDL) +
				memoRow("42", "0", "0", "1709526677", "", "王大力", "王大力", wxWDL),
			want: []chatWant{
				{Line: 2, Kind: domain.KindImage, Content: `<msg><img md5="a"/></msg>`, SenderID: wxWDL, Name: "王大力"},
				{Line: 3, Kind: domain.KindVideo, Content: "<msg/>", SenderID: wxWDL, Name: "王大力"},
				{Line: 4, Kind: domain.KindLocation, Content: "<msg/>", SenderID: wxWDL, Name: "王大力"},
				{Line: 5, Kind: domain.KindCall, SenderID: wxWDL, Name: "王大力"},
				{Line: 6, Kind: domain.KindFile, Content: "笔记.pdf", SenderID: wxWDL, Name: "王大力"},
				{Line: 7, Kind: domain.KindMiniProgram, SenderID: wxWDL, Name: "王大力"},
				{Line: 8, Kind: domain.KindTransfer, SenderID: wxWDL, Name: "王大力"},
				{Line: 9, Kind: domain.KindOther, SenderID: wxWDL, Name: "王大力"},
				{Line: 10, Kind: domain.KindOther, SenderID: wxWDL, Name: "王大力"},
			},
		},
		{
			name:   "multi-line quoted field: the record's line is where it starts",
			format: FormatMemoTrace,
			input: memoHeader +
				memoRow("1", "0", "0", "1709529002", "\"第一行\n第二行\r\n第三行，\"\"引号\"\"\"", "Amy_Chen", "Amy Chen", wxAmy) +
				memoRow("1", "0", "0", "1709529003", "下一条", "Amy_Chen", "Amy Chen", wxAmy),
			want: []chatWant{
				{Line: 2, Kind: domain.KindText, Content: "第一行\n第二行\n第三行，\"引号\"", SenderID: wxAmy, Name: "Amy_Chen"},
				{Line: 5, Kind: domain.KindText, Content: "下一条", SenderID: wxAmy, Name: "Amy_Chen"},
			},
		},
		{
			name:   "system rows have empty sender columns; 10000 and 10002 both",
			format: FormatMemoTrace,
			input: memoHeader +
				memoRow("10000", "0", "0", "1709514927", `"""陈晓雨""邀请""赵敏""加入了群聊"`, "", "", "") +
				memoRow("10002", "0", "0", "1709514928", `"<sysmsg type=""revokemsg""><revokemsg><replacemsg><![CDATA[""王大力"" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>"`, "", "", "") +
				memoRow("10000", "8000", "0", "1709514929", "“周一鸣”退出了群聊", "", "", ""),
			want: []chatWant{
				{Line: 2, Kind: domain.KindSystem, Content: `"陈晓雨"邀请"赵敏"加入了群聊`, Event: &SystemEvent{Type: EventJoin, Actor: "陈晓雨", Names: []string{"赵敏"}}},
				{Line: 3, Kind: domain.KindSystem, Content: `"王大力" 撤回了一条消息`},
				{Line: 4, Kind: domain.KindSystem, Content: "“周一鸣”退出了群聊", Event: &SystemEvent{Type: EventLeave, Names: []string{"周一鸣"}}},
			},
		},
		{
			name:   "a departed member shown only by wxid; a sanitised remark kept as given",
			format: FormatMemoTrace,
			input: memoHeader +
				memoRow("1", "0", "0", "1709547767", "打卡", wxZYM, wxZYM, wxZYM) +
				memoRow("1", "0", "0", "1709547768", "打卡", "Amy_Chen", "Amy Chen", wxAmy),
			want: []chatWant{
				{Line: 2, Kind: domain.KindText, Content: "打卡", SenderID: wxZYM, Name: wxZYM},
				{Line: 3, Kind: domain.KindText, Content: "打卡", SenderID: wxAmy, Name: "Amy_Chen"},
			},
		},
		{
			name:   "IsSender=1 is the exporting account",
			format: FormatMemoTrace,
			input:  memoHeader + memoRow("1", "0", "1", "1709510730", "早上好", "林知秋", "林知秋", wxLZQ),
			want:   []chatWant{{Line: 2, Kind: domain.KindText, Content: "早上好", SenderID: wxLZQ, Name: "林知秋", Self: true}},
		},
		{
			name:   "unreadable time: reported with its line, the next row still read; StrTime stands in for an empty or zero CreateTime, not a non-number",
			format: FormatMemoTrace,
			input: memoHeader +
				"1,27,1,0,0,abc,3,坏时间,也不是时间,王大力,王大力,wxid_wdl777demo\r\n" +
				"2,27,1,0,0,0,3,零时间,,王大力,王大力,wxid_wdl777demo\r\n" +
				"3,27,1,0,0,,3,只有 StrTime,2024-03-04 20:45:13,王大力,王大力,wxid_wdl777demo\r\n" +
				memoRow("1", "0", "0", "1709556313", "好的", "王大力", "王大力", wxWDL),
			want: []chatWant{
				{Line: 4, Kind: domain.KindText, Content: "只有 StrTime", SenderID: wxWDL, Name: "王大力", SentAt: "2024-03-04T12:45:13Z"},
				{Line: 5, Kind: domain.KindText, Content: "好的", SenderID: wxWDL, Name: "王大力", SentAt: "2024-03-04T12:45:13Z"},
			},
			bad: []LineError{
				{Line: 2, Key: "chat.not_a_number", Args: map[string]any{"field": "CreateTime", "value": "abc"}},
				{Line: 3, Key: "chat.bad_time", Args: map[string]any{"value": "0"}},
			},
		},
		{
			name:   "wrong number of fields and a stray quote: reported, reading goes on",
			format: FormatMemoTrace,
			input: memoHeader +
				"1,27,1,0,0,1709556313,3,少了几列\r\n" +
				"2,27,1,0,0,1709556314,3,他说\"好\",2024-03-04 20:45:14,王大力,王大力,wxid_wdl777demo\r\n" +
				memoRow("1", "0", "0", "1709556315", "好的", "王大力", "王大力", wxWDL),
			want: []chatWant{{Line: 4, Kind: domain.KindText, Content: "好的", SenderID: wxWDL, Name: "王大力"}},
			bad: []LineError{
				{Line: 2, Key: "chat.field_count", Args: map[string]any{"got": 8, "want": 12}},
				{Line: 3, Key: "chat.stray_quote", Args: map[string]any{"column": "StrContent", "value": `他说"好"`}},
			},
		},
		{
			name:   "columns found by name, in any order, without a BOM",
			format: FormatMemoTrace,
			input:  "Sender,CreateTime,Type,StrContent,IsSender\n" + "wxid_wdl777demo,1709556313,1,好的,0\n",
			want:   []chatWant{{Line: 2, Kind: domain.KindText, Content: "好的", SenderID: wxWDL}},
		},
	})
}

func TestPyWxDumpQuirks(t *testing.T) {
	const head = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n"
	runChatQuirks(t, []chatQuirk{
		{
			name:   "link card: PyWxDump's rendering split into title and URL",
			format: FormatPyWxDump,
			input:  head + "1,7300000000000000001,卡片式链接,0,wxid_cxy001demo,20938475610@chatroom,\"《人类简史》书评\n一篇书评\n\n<a href=\"\"https://example.com/r\"\">点击查看详情</a>\",https://example.com/r,2024-03-04 20:45:13\n",
			want: []chatWant{{Line: 2, Kind: domain.KindLink, Content: "《人类简史》书评", URL: "https://example.com/r", SenderID: wxCXY,
				SourceID: "7300000000000000001", SentAt: "2024-03-04T12:45:13Z"}},
		},
		{
			name:   "quote: the reply without PyWxDump's [引用] tail",
			format: FormatPyWxDump,
			input:  head + "2,7300000000000000002,带有引用的文本消息,0,wxid_wdl777demo,r@chatroom,\"谢谢！已经买了\n\n[引用](2024-03-05 11:20:02)Amy Chen:微信读书上有\",,2024-03-05 11:22:47\n",
			want:   []chatWant{{Line: 2, Kind: domain.KindQuote, Content: "谢谢！已经买了", SenderID: wxWDL, SourceID: "7300000000000000002"}},
		},
		{
			name:   "我 is the exporting account; 未知 and 系统 are no ids; unknown type names are other",
			format: FormatPyWxDump,
			input: head +
				"3,7300000000000000003,文本,1,我,r@chatroom,早上好,,2024-03-04 08:05:30\n" +
				"4,7300000000000000004,系统通知,0,未知,r@chatroom,\"\"\"赵敏\"\"退出了群聊\",,2024-03-04 08:05:31\n" +
				"5,7300000000000000005,群公告,0,系统,r@chatroom,群公告,,2024-03-04 08:05:32\n" +
				"6,7300000000000000006,拍一拍,0,未知,r@chatroom,\"\"\"王大力\"\" 拍了拍 \"\"陈晓雨\"\"\",,2024-03-04 08:05:33\n" +
				"7,7300000000000000007,语音,0,wxid_wdl777demo,r@chatroom,语音时长：5.12秒,audio/x.wav,2024-03-04 08:05:34\n",
			want: []chatWant{
				{Line: 2, Kind: domain.KindText, Content: "早上好", Name: "我", Self: true, SourceID: "7300000000000000003"},
				{Line: 3, Kind: domain.KindSystem, Content: `"赵敏"退出了群聊`, Event: &SystemEvent{Type: EventLeave, Names: []string{"赵敏"}}, SourceID: "7300000000000000004"},
				{Line: 4, Kind: domain.KindOther, Content: "群公告", SourceID: "7300000000000000005"},
				{Line: 5, Kind: domain.KindSystem, Content: `"王大力" 拍了拍 "陈晓雨"`, SourceID: "7300000000000000006"},
				{Line: 6, Kind: domain.KindVoice, Content: "语音时长：5.12秒", SenderID: wxWDL, SourceID: "7300000000000000007"},
			},
		},
		{
			name:   "bad time",
			format: FormatPyWxDump,
			input:  head + "1,7300000000000000001,文本,0,wxid_wdl777demo,r@chatroom,好,,2024-13-04 08:05:30\n",
			bad:    []LineError{{Line: 2, Key: "chat.bad_time", Args: map[string]any{"value": "2024-13-04 08:05:30"}}},
		},
	})
}

func TestWeChatTextQuirks(t *testing.T) {
	const title = "微信群\"读书打卡交流群\"的聊天记录如下:\n\n"
	runChatQuirks(t, []chatQuirk{
		{
			name:   "placeholders give kinds; inline emoji and look-alikes stay text",
			format: FormatWeChatText,
			input: title + "—————  2024-03-04  —————\n\n" +
				"王大力  08:00\n\n[图片]\n\n" +
				"王大力  08:01\n\n[视频]\n\n" +
				"王大力  08:02\n\n[语音]\n\n" +
				"王大力  08:03\n\n[文件] 笔记.pdf\n\n" +
				"王大力  08:04\n\n[位置]\n\n" +
				"王大力  08:05\n\n[小程序] 微信读书\n\n" +
				"王大力  08:06\n\n[聊天记录]\n\n" +
				"王大力  08:07\n\n[微笑] 早上好\n\n" +
				"王大力  08:08\n\n[图片]好看吗\n\n" +
				"王大力  08:09\n\n[表情]\n\n" +
				"王大力  08:10\n\n[链接]\n",
			want: []chatWant{
				{Line: 5, Kind: domain.KindImage, Content: "[图片]", Name: "王大力", SentAt: "2024-03-04T00:00:00Z"},
				{Line: 9, Kind: domain.KindVideo, Content: "[视频]", Name: "王大力"},
				{Line: 13, Kind: domain.KindVoice, Content: "[语音]", Name: "王大力"},
				{Line: 17, Kind: domain.KindFile, Content: "笔记.pdf", Name: "王大力"},
				{Line: 21, Kind: domain.KindLocation, Content: "[位置]", Name: "王大力"},
				{Line: 25, Kind: domain.KindMiniProgram, Content: "微信读书", Name: "王大力"},
				{Line: 29, Kind: domain.KindOther, Name: "王大力"},
				{Line: 33, Kind: domain.KindText, Content: "[微笑] 早上好", Name: "王大力"},
				{Line: 37, Kind: domain.KindText, Content: "[图片]好看吗", Name: "王大力"},
				{Line: 41, Kind: domain.KindEmoji, Content: "[表情]", Name: "王大力"},
				{Line: 45, Kind: domain.KindLink, Name: "王大力", SentAt: "2024-03-04T00:10:00Z"},
			},
		},
		{
			name:   "a message before any day ruler has no date; CRLF; blank lines inside content kept",
			format: FormatWeChatText,
			input: strings.ReplaceAll(title+"陈晓雨  06:58\n\n打卡\n\n"+
				"—————  2024-03-04  —————\n\n\n"+
				"Amy Chen  13:10\n\n第一段\n\n第二段\n\n\n"+
				"林知秋  23:59:30\n\n晚安\n", "\n", "\r\n"),
			want: []chatWant{
				{Line: 10, Kind: domain.KindText, Content: "第一段\n\n第二段", Name: "Amy Chen", SentAt: "2024-03-04T05:10:00Z"},
				{Line: 17, Kind: domain.KindText, Content: "晚安", Name: "林知秋", SentAt: "2024-03-04T15:59:30Z"},
			},
			bad: []LineError{{Line: 3, Key: "chat.no_date", Args: map[string]any{"value": "06:58"}}},
		},
		{
			name:   "headers with a full date, rulers in other spellings, names with spaces",
			format: FormatWeChatText,
			input: "Amy Chen  2024-03-04 07:20\n\n#打卡\n\n" +
				"----------  2024年3月5日  ----------\n\n" +
				"Leo Zhou\t07:02\n\n打卡 Day1\n",
			want: []chatWant{
				{Line: 1, Kind: domain.KindText, Content: "#打卡", Name: "Amy Chen", SentAt: "2024-03-03T23:20:00Z"},
				{Line: 7, Kind: domain.KindText, Content: "打卡 Day1", Name: "Leo Zhou", SentAt: "2024-03-04T23:02:00Z"},
			},
		},
		{
			name:   "a GBK text file (saved by an old Notepad)",
			format: FormatWeChatText,
			input:  gbkText(t, title+"—————  2024-03-04  —————\n\n王大力  08:40\n\n【打卡】Day12 读书30分钟\n"),
			want:   []chatWant{{Line: 5, Kind: domain.KindText, Content: "【打卡】Day12 读书30分钟", Name: "王大力", SentAt: "2024-03-04T00:40:00Z"}},
		},
	})
}

func TestWeComArchiveQuirks(t *testing.T) {
	runChatQuirks(t, []chatQuirk{
		{
			name:   "switch skipped, recall refers to the recalled msgid, a recall of nothing and broken lines reported",
			format: FormatWeComArchive,
			input: `{"msgid":"s1","action":"switch","time":1709505400000,"user":"LinZhiQiu"}` + "\n" +
				`{"msgid":"m1","action":"send","from":"wmA","roomid":"wr1","msgtime":1709608565230,"msgtype":"text","text":{"content":"晚上一起开黑吗"}}` + "\n" +
				`{"msgid":"m2","action":"recall","from":"wmA","roomid":"wr1","msgtime":1709608590412,"msgtype":"revoke","revoke":{"pre_msgid":"m1"}}` + "\n" +
				`{"msgid":"m3","action":"recall","from":"wmA","roomid":"wr1","msgtime":1709608590413,"msgtype":"revoke","revoke":{}}` + "\n" +
				`{"msgid":"m4","action":"send",` + "\n" +
				"\n" +
				`{"msgid":"m5","action":"send","from":"wmA","msgtype":"text","text":{"content":"没有时间"}}` + "\n" +
				`{"msgid":"m6","action":"send","from":"LinZhiQiu","roomid":"wr1","msgtime":1709556313703,"msgtype":"link","link":{"title":"书评","description":"一篇书评","link_url":"https://example.com/r","image_url":"https://example.com/c.jpg"}}` + "\n" +
				`{"msgid":"m7","action":"send","from":"wmB","roomid":"wr1","msgtime":1709556313704,"msgtype":"file","file":{"filename":"笔记.pdf"}}` + "\n" +
				`{"msgid":"m8","action":"send","from":"wmB","roomid":"wr1","msgtime":1709556313705,"msgtype":"weapp","weapp":{"title":"微信读书"}}` + "\n" +
				`{"msgid":"m9","action":"send","from":"wmB","roomid":"wr1","msgtime":1709556313706,"msgtype":"chatrecord","chatrecord":{"title":"群聊的聊天记录"}}`,
			want: []chatWant{
				{Line: 2, Kind: domain.KindText, Content: "晚上一起开黑吗", SenderID: "wmA", SourceID: "m1", SentAt: "2024-03-05T03:16:05Z"},
				{Line: 3, Kind: domain.KindSystem, SenderID: "wmA", SourceID: "m2", RecallOf: "m1"},
				{Line: 8, Kind: domain.KindLink, Content: "书评", URL: "https://example.com/r", SenderID: "LinZhiQiu", SourceID: "m6"},
				{Line: 9, Kind: domain.KindFile, Content: "笔记.pdf", SenderID: "wmB", SourceID: "m7"},
				{Line: 10, Kind: domain.KindMiniProgram, Content: "微信读书", SenderID: "wmB", SourceID: "m8"},
				{Line: 11, Kind: domain.KindOther, SenderID: "wmB", SourceID: "m9"},
			},
			bad: []LineError{
				{Line: 4, Key: "chat.recall_target_missing"},
				{Line: 5, Key: "chat.bad_json"},
				{Line: 7, Key: "chat.number_missing", Args: map[string]any{"field": "msgtime"}},
			},
		},
	})
}

func TestChatlogQuirks(t *testing.T) {
	runChatQuirks(t, []chatQuirk{
		{
			name:   "array: element lines, a wrong-shaped element reported, then broken syntax stops reading",
			format: FormatChatlog,
			input: "[\n" +
				`  {"seq":1709506692000,"time":"2024-03-04T06:58:12+08:00","sender":"wxid_cxy001demo","senderName":"晓雨-杭州","type":1,"content":"打卡"},` + "\n" +
				`  "not a message",` + "\n" +
				`  {"seq":1709506693000,"time":"2024-03-04 06:58:13","sender":"wxid_cxy001demo","type":"1","isSelf":1,"content":"时间没有时区"},` + "\n" +
				`  {"seq":1709506694000,"time":"later","type":1},` + "\n" +
				`  {"seq":1709506695000,"time":1709506695,"type":1,` + "\n" +
				`  {"seq":1709506696000}` + "\n" +
				"]\n",
			want: []chatWant{
				{Line: 2, Kind: domain.KindText, Content: "打卡", SenderID: wxCXY, Name: "晓雨-杭州", SourceID: "1709506692000", SentAt: "2024-03-03T22:58:12Z"},
				{Line: 4, Kind: domain.KindText, Content: "时间没有时区", SenderID: wxCXY, Self: true, SourceID: "1709506693000", SentAt: "2024-03-03T22:58:13Z"},
			},
			bad: []LineError{
				{Line: 3, Key: "chat.bad_json"},
				{Line: 5, Key: "chat.bad_time", Args: map[string]any{"value": "later"}},
				{Line: 6, Key: "chat.json_broken"},
			},
		},
		{
			name:   "truncated array: the missing ] is reported where the file ends",
			format: FormatChatlog,
			input:  "[\n" + `{"seq":1,"time":1709506695,"type":10000,"sender":"系统消息","content":"\"赵敏\"退出了群聊"}` + "\n",
			want: []chatWant{{Line: 2, Kind: domain.KindSystem, Content: `"赵敏"退出了群聊`, SourceID: "1", SentAt: "2024-03-03T22:58:15Z",
				Event: &SystemEvent{Type: EventLeave, Names: []string{"赵敏"}}}},
			bad: []LineError{{Line: 3, Key: "chat.json_broken"}},
		},
		{
			name:   "raw app-message XML in content, as older versions wrote it",
			format: FormatChatlog,
			input:  `{"seq":2,"time":"2024-03-04T20:45:13+08:00","sender":"wxid_cxy001demo","type":49,"subType":5,"content":"<msg><appmsg><title>书评</title><type>5</type><url>https://example.com/r</url></appmsg></msg>"}`,
			want:   []chatWant{{Line: 1, Kind: domain.KindLink, Content: "书评", URL: "https://example.com/r", SenderID: wxCXY, SourceID: "2"}},
		},
		{
			name:   "empty input: no records",
			format: FormatChatlog,
			input:  " \n",
		},
	})
}

func TestChatCSVQuirks(t *testing.T) {
	runChatQuirks(t, []chatQuirk{
		{
			name:   "time layouts and header spellings",
			format: FormatCSV,
			input: "发送时间,昵称,消息\n" +
				"2024/3/4 20:00,陈晓雨,a\n" +
				"2024-03-04 20:00,陈晓雨,b\n" +
				"2024-03-04T20:00:00+08:00,陈晓雨,c\n" +
				"2024.3.4 20:00:00,陈晓雨,d\n" +
				"1709553600,陈晓雨,e\n" +
				"2024-03-04,陈晓雨,f\n" +
				"2024/2/30 20:00,陈晓雨,g\n",
			want: []chatWant{
				{Line: 2, Kind: domain.KindText, Content: "a", Name: "陈晓雨", SentAt: "2024-03-04T12:00:00Z"},
				{Line: 3, Kind: domain.KindText, Content: "b", Name: "陈晓雨", SentAt: "2024-03-04T12:00:00Z"},
				{Line: 4, Kind: domain.KindText, Content: "c", Name: "陈晓雨", SentAt: "2024-03-04T12:00:00Z"},
				{Line: 5, Kind: domain.KindText, Content: "d", Name: "陈晓雨", SentAt: "2024-03-04T12:00:00Z"},
				{Line: 6, Kind: domain.KindText, Content: "e", Name: "陈晓雨", SentAt: "2024-03-04T12:00:00Z"},
				{Line: 7, Kind: domain.KindText, Content: "f", Name: "陈晓雨", SentAt: "2024-03-03T16:00:00Z"},
			},
			bad: []LineError{{Line: 8, Key: "chat.bad_time", Args: map[string]any{"value": "2024/2/30 20:00"}}},
		},
		{
			name:   "semicolons, a sender and a nickname column, type words",
			format: FormatCSV,
			input: "Time;Sender;Nickname;Type;Content\n" +
				"2024-03-04 20:00;晓雨-杭州;陈晓雨;图片;\n" +
				"2024-03-04 20:01;晓雨-杭州;陈晓雨;链接;书评 https://example.com/r\n" +
				"2024-03-04 20:02;;;系统;\"\"\"赵敏\"\"退出了群聊\"\n" +
				"2024-03-04 20:03;晓雨-杭州;陈晓雨;emoji;\n" +
				"2024-03-04 20:04;晓雨-杭州;陈晓雨;红包;\n",
			want: []chatWant{
				{Line: 2, Kind: domain.KindImage, Name: "晓雨-杭州"},
				{Line: 3, Kind: domain.KindLink, Content: "书评 https://example.com/r", URL: "https://example.com/r", Name: "晓雨-杭州"},
				{Line: 4, Kind: domain.KindSystem, Content: `"赵敏"退出了群聊`, Event: &SystemEvent{Type: EventLeave, Names: []string{"赵敏"}}},
				{Line: 5, Kind: domain.KindEmoji, Name: "晓雨-杭州"},
				{Line: 6, Kind: domain.KindOther, Name: "晓雨-杭州"},
			},
		},
	})
}

// gbkText encodes text as GB18030, the way Excel and old Notepad save on Chinese Windows.
func gbkText(t *testing.T, text string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseChatFileErrors(t *testing.T) {
	tests := []struct {
		name, format, input, key string
	}{
		{"auto is not a format", FormatAuto, "x", "chat.format_invalid"},
		{"unknown format", "excel", "x", "chat.format_invalid"},
		{"empty MemoTrace file", FormatMemoTrace, "", "chat.empty_file"},
		{"MemoTrace header without its columns", FormatMemoTrace, "localId,Talker\n1,2\n", "chat.missing_columns"},
		{"PyWxDump header without its columns", FormatPyWxDump, "id,msg\n", "chat.missing_columns"},
		{"sheet without a time column", FormatCSV, "发送人,内容\n甲,乙\n", "chat.missing_columns"},
		{"sheet without a sender column", FormatCSV, "时间,内容\n2024-03-04 20:00,乙\n", "chat.missing_columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ParseChat(strings.NewReader(tt.input), tt.format, ChatOptions{})
			var de *domain.Error
			if !errors.As(err, &de) || de.Key != tt.key || de.Code != domain.EINVALID {
				t.Errorf("error %v, want %s", err, tt.key)
			}
		})
	}
	t.Run("OnRecord's error stops parsing and is returned as is", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := ParseChat(bytes.NewReader(readChatTestdata(t, "memotrace_group_chat_utf8.csv")), FormatMemoTrace, ChatOptions{
			OnRecord: func(ChatRecord) error { n++; return stop },
		})
		if err != stop || n != 1 {
			t.Errorf("err %v after %d records, want stop after 1", err, n)
		}
	})
	t.Run("the missing columns are named", func(t *testing.T) {
		err := ParseChat(strings.NewReader("localId,StrContent\n"), FormatMemoTrace, ChatOptions{})
		var de *domain.Error
		if !errors.As(err, &de) || de.Args["columns"] != "Type, CreateTime" {
			t.Errorf("error %v, want columns Type, CreateTime", err)
		}
	})
}

func TestParseChatTime(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339Nano, s); return t.UTC() }
	tests := []struct {
		in   string
		want time.Time     // zero: unreadable
		prec time.Duration // what the text carries
	}{
		{"2024-03-04 20:00:00", at("2024-03-04T12:00:00Z"), time.Second},
		{"2024-03-04 20:00", at("2024-03-04T12:00:00Z"), time.Minute},
		{"2024/3/4 20:00", at("2024-03-04T12:00:00Z"), time.Minute},
		{"2024/3/4 8:05", at("2024-03-04T00:05:00Z"), time.Minute},
		{"2024.3.4 20:00", at("2024-03-04T12:00:00Z"), time.Minute},
		{"2024年3月4日 20:00", at("2024-03-04T12:00:00Z"), time.Minute},
		{"2024-03-04T20:00:00", at("2024-03-04T12:00:00Z"), time.Second},
		{"2024-03-04 20:00:00.250", at("2024-03-04T12:00:00.25Z"), time.Second},
		{"2024-03-04T20:00:00+09:00", at("2024-03-04T11:00:00Z"), time.Second},
		{"2024-03-04T12:00:00Z", at("2024-03-04T12:00:00Z"), time.Second},
		{"2024-03-04", at("2024-03-03T16:00:00Z"), 24 * time.Hour},
		{" 1709553600 ", at("2024-03-04T12:00:00Z"), time.Second},
		{"1709553600123", at("2024-03-04T12:00:00.123Z"), time.Second},
		{"", time.Time{}, 0},
		{"0", time.Time{}, 0},
		{"1999-12-31 23:59:59", time.Time{}, 0},
		{"2200-01-01 08:00:00", time.Time{}, 0},
		{"2024-02-30 20:00", time.Time{}, 0},
		{"2024-03-04 24:00", time.Time{}, 0},
		{"2024-03-04 20:0", time.Time{}, 0},
		{"2024-03-04 20:00 PM", time.Time{}, 0},
		{"昨天 20:00", time.Time{}, 0},
		{"20:00", time.Time{}, 0},
		{"12345678901234567890", time.Time{}, 0},
	}
	for _, tt := range tests {
		got, prec, ok := parseChatTime(tt.in, cst)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) || prec != tt.prec {
			t.Errorf("parseChatTime(%q) = %v, %v, %v; want %v, %v", tt.in, got, prec, ok, tt.want, tt.prec)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("parseChatTime(%q) in %v, want UTC", tt.in, got.Location())
		}
	}
}

func TestKindForCode(t *testing.T) {
	tests := []struct {
		typ, sub int64
		want     domain.Kind
	}{
		{1, 0, domain.KindText}, {3, 0, domain.KindImage}, {34, 0, domain.KindVoice}, {43, 0, domain.KindVideo},
		{47, 0, domain.KindEmoji}, {48, 0, domain.KindLocation}, {50, 0, domain.KindCall},
		{49, 5, domain.KindLink}, {49, 6, domain.KindFile}, {49, 33, domain.KindMiniProgram}, {49, 36, domain.KindMiniProgram},
		{49, 57, domain.KindQuote}, {49, 2000, domain.KindTransfer}, {49, 19, domain.KindOther}, {49, 0, domain.KindOther},
		{49, 87, domain.KindOther}, {10000, 0, domain.KindSystem}, {10000, 8000, domain.KindSystem}, {10002, 0, domain.KindSystem},
		{42, 0, domain.KindOther}, {0, 0, domain.KindOther}, {-1, 0, domain.KindOther},
	}
	for _, tt := range tests {
		if got := kindForCode(tt.typ, tt.sub); got != tt.want {
			t.Errorf("kindForCode(%d, %d) = %s, want %s", tt.typ, tt.sub, got, tt.want)
		}
	}
}

func readChatTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
