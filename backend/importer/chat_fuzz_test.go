package importer

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// fuzzChat parses data as format and checks what must hold for any input:
// no panic; every record has a plausible UTC instant, a precision (a
// second, a minute or a day; never 0) and a valid kind; lines
// of records and bad rows together start at 1 and never go back; a system
// event names someone. Errors are allowed (a missing header), but only
// domain errors: a reader over bytes cannot fail.
func fuzzChat(t *testing.T, data []byte, format string) {
	last := 0
	step := func(line int, what string) {
		if line < 1 || line < last {
			t.Fatalf("%s at line %d after line %d", what, line, last)
		}
		last = line
	}
	err := ParseChat(bytes.NewReader(data), format, ChatOptions{
		OnRecord: func(r ChatRecord) error {
			step(r.Line, "record")
			if r.SentAt.IsZero() || !plausible(r.SentAt) || r.SentAt.Location() != time.UTC {
				t.Fatalf("line %d: SentAt %v", r.Line, r.SentAt)
			}
			if r.Precision != time.Second && r.Precision != time.Minute && r.Precision != time.Hour && r.Precision != dayPrecision {
				t.Fatalf("line %d: precision %v", r.Line, r.Precision)
			}
			if !validKind(r.Kind) {
				t.Fatalf("line %d: kind %q", r.Line, r.Kind)
			}
			if r.Event != nil && (r.Kind != domain.KindSystem || len(r.Event.Names) == 0) {
				t.Fatalf("line %d: event %+v on a %s record", r.Line, r.Event, r.Kind)
			}
			return nil
		},
		OnBad: func(e LineError) {
			step(e.Line, "bad row "+e.Key)
			if e.Key == "" {
				t.Fatalf("line %d: bad row without a reason", e.Line)
			}
		},
	})
	var de *domain.Error
	if err != nil && !errors.As(err, &de) {
		t.Fatalf("ParseChat: %v", err)
	}
}

func seedChat(f *testing.F, files ...string) {
	for _, name := range files {
		f.Add(readChatTestdata(f, name))
	}
}

func FuzzParseMemoTrace(f *testing.F) {
	seedChat(f, "memotrace_group_chat_utf8.csv", "memotrace_bad_numbers.csv", "memotrace_quotes.csv")
	f.Add([]byte(memoHeader + memoRow("49", "0", "0", "1709556313", `"<msg><appmsg><title>t</title><type>5</type><url>u</url></appmsg></msg>"`, "a", "b", "c")))
	f.Add([]byte(memoHeader + memoRow("10002", "0", "0", "1709556313", `"<sysmsg type=""sysmsgtemplate""><sysmsgtemplate><content_template><template>""$a$""退出了群聊</template><link_list><link name=""a""><memberlist><member><nickname>x</nickname></member></memberlist></link></link_list></content_template></sysmsgtemplate></sysmsg>"`, "", "", "")))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzChat(t, data, FormatMemoTrace) })
}

func FuzzParsePyWxDump(f *testing.F) {
	seedChat(f, "pywxdump_group_chat.csv", "pywxdump_bad_numbers.csv", "pywxdump_quotes.csv")
	const head = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n"
	f.Add([]byte(head + "1,7,卡片式链接,0,wxid_a,r@chatroom,\"t\n\n<a href=\"\"https://e.com\"\">x</a>\",,2024-03-04 20:45:13\n"))
	f.Add([]byte(head + "2,8,系统通知,0,未知,r@chatroom,\"\"\"B\"\"退出了群聊\",,2024-03-04 20:45:14\n3,9,文本,1,我,r,hi,,bad\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzChat(t, data, FormatPyWxDump) })
}

func FuzzParseChatlog(f *testing.F) {
	seedChat(f, "chat_chatlog_group.json", "chat_chatlog_group.jsonl", "chatlog_bad_numbers.jsonl")
	f.Add([]byte(`["",`)) // found by fuzzing: the array ends after a comma
	f.Add([]byte(`[{"seq":1,"time":"2024-03-04T06:58:12+08:00","type":49,"subType":5,"contents":{"title":"t","url":"u"}},"x"]`))
	f.Add([]byte("{\"seq\":2,\"time\":1709506692,\"type\":10000,\"sender\":\"系统消息\",\"content\":\"\\\"B\\\"退出了群聊\"}\n{bad\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzChat(t, data, FormatChatlog) })
}

func FuzzParseWeChatText(f *testing.F) {
	seedChat(f, "wechat_merged_forward_group.txt")
	f.Add([]byte("王大力  08:00\n\n无日期\n—————  2024-03-04  —————\n\n王大力  08:01\n\n[链接] 书评\n\nAmy Chen  2024-03-05 07:20:30\n第一行\n\n第二行\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzChat(t, data, FormatWeChatText) })
}

func FuzzParseWeComArchive(f *testing.F) {
	seedChat(f, "wecom_msgaudit_group.jsonl", "wecom_bad_numbers.jsonl")
	f.Add([]byte(`{"msgid":"m2","action":"recall","from":"a","msgtime":1709608590412,"msgtype":"revoke","revoke":{"pre_msgid":"m1"}}` + "\n" +
		`{"msgid":"m3","action":"send","from":"a","msgtime":1709608590413,"msgtype":"link","link":{"title":"t","link_url":"u"}}` + "\n{bad\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzChat(t, data, FormatWeComArchive) })
}

func FuzzParseChatCSV(f *testing.F) {
	seedChat(f, "chat_csv_handtyped_gbk.csv", "chat_csv_english.tsv", "typed_quotes.csv", "chat_csv_quotes_gbk.csv")
	f.Add([]byte("时间;发送人;内容;类型\n2024/3/4 20:00;甲;[图片];\n2024/3/4 20:01;;\"\"\"乙\"\"退出了群聊\";系统\nx;y\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzChat(t, data, FormatCSV) })
}

func FuzzParseSystem(f *testing.F) {
	for _, s := range []string{`"A"邀请"B、C"加入了群聊`, `"A"邀请"B"、"C"加入了群聊`, `你邀请"B"加入了群聊`,
		`"B"通过扫描"A"分享的二维码加入群聊`, `"B"通过扫描你分享的二维码加入群聊`, `你将"B"移出了群聊`, `"A"将"B"移出了群聊`,
		`"B"退出了群聊`, `“B”退出了群聊`, `"王大力" 撤回了一条消息`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ev := ParseSystem(text)
		if ev == nil {
			return
		}
		if len(ev.Names) == 0 {
			t.Fatalf("ParseSystem(%q): an event without names", text)
		}
		for _, n := range ev.Names {
			if n == "" {
				t.Fatalf("ParseSystem(%q): an empty name in %q", text, ev.Names)
			}
		}
		switch ev.Type {
		case EventJoin, EventLeave, EventRemove:
		default:
			t.Fatalf("ParseSystem(%q): type %q", text, ev.Type)
		}
	})
}

func FuzzDetectChatFormat(f *testing.F) {
	seedChat(f, "memotrace_group_chat_utf8.csv", "pywxdump_group_chat.csv", "wechat_merged_forward_group.txt",
		"wecom_msgaudit_group.jsonl", "chat_chatlog_group.json", "chat_csv_english.tsv", "member_list_excel_gbk.csv")
	f.Fuzz(func(t *testing.T, head []byte) {
		format, err := DetectChatFormat(head, "file.dat")
		if err != nil {
			var de *domain.Error
			if !errors.As(err, &de) || format != "" {
				t.Fatalf("DetectChatFormat = %q, %v", format, err)
			}
			return
		}
		known := false
		for _, f := range ChatFormats {
			known = known || f == format
		}
		if !known {
			t.Fatalf("DetectChatFormat named %q", format)
		}
		fuzzChat(t, head, format) // what detection names, the parser survives
	})
}
