package importer

import (
	"reflect"
	"testing"
)

func TestParseSystem(t *testing.T) {
	join := func(actor string, names ...string) *SystemEvent {
		return &SystemEvent{Type: EventJoin, Actor: actor, Names: names}
	}
	tests := []struct {
		name, text string
		want       *SystemEvent
	}{
		// Every pattern of docs/metrics.md.
		{"invite, names in one quote", `"陈晓雨"邀请"赵敏、孙悟净"加入了群聊`, join("陈晓雨", "赵敏", "孙悟净")},
		{"invite, names quoted one by one", `"陈晓雨"邀请"Leo周"、"小满"加入了群聊`, join("陈晓雨", "Leo周", "小满")},
		{"you invite", `你邀请"赵敏"加入了群聊`, join("你", "赵敏")},
		{"QR code shared by a member", `"孙悟净"通过扫描"陈晓雨"分享的二维码加入群聊`, join("陈晓雨", "孙悟净")},
		{"QR code shared by you", `"孙悟净"通过扫描你分享的二维码加入群聊`, join("你", "孙悟净")},
		{"you remove", `你将"推广小助手"移出了群聊`, &SystemEvent{Type: EventRemove, Actor: "你", Names: []string{"推广小助手"}}},
		{"a member removes", `"林知秋"将"推广小助手"移出了群聊`, &SystemEvent{Type: EventRemove, Actor: "林知秋", Names: []string{"推广小助手"}}},
		{"leave", `"周一鸣"退出了群聊`, &SystemEvent{Type: EventLeave, Names: []string{"周一鸣"}}},
		// Curly quotes, as WeChat shows them, and mixtures.
		{"curly invite", `“陈晓雨”邀请“赵敏、孙悟净”加入了群聊`, join("陈晓雨", "赵敏", "孙悟净")},
		{"curly invite one by one", `“陈晓雨”邀请“Leo周”、“小满”加入了群聊`, join("陈晓雨", "Leo周", "小满")},
		{"curly you invite", `你邀请“赵敏”加入了群聊`, join("你", "赵敏")},
		{"curly QR", `“孙悟净”通过扫描“陈晓雨”分享的二维码加入群聊`, join("陈晓雨", "孙悟净")},
		{"curly QR by you", `“孙悟净”通过扫描你分享的二维码加入群聊`, join("你", "孙悟净")},
		{"curly you remove", `你将“推广小助手”移出了群聊`, &SystemEvent{Type: EventRemove, Actor: "你", Names: []string{"推广小助手"}}},
		{"curly member removes", `“林知秋”将“推广小助手”移出了群聊`, &SystemEvent{Type: EventRemove, Actor: "林知秋", Names: []string{"推广小助手"}}},
		{"curly leave", `“周一鸣”退出了群聊`, &SystemEvent{Type: EventLeave, Names: []string{"周一鸣"}}},
		{"mixed quotes", `"陈晓雨”邀请“赵敏"加入了群聊`, join("陈晓雨", "赵敏")},
		// Names with spaces, and spacing around the words.
		{"names with spaces", `"Amy Chen"邀请"Leo Zhou、Grace Li"加入了群聊`, join("Amy Chen", "Leo Zhou", "Grace Li")},
		{"space in a leaver's name", `"Amy Chen"退出了群聊`, &SystemEvent{Type: EventLeave, Names: []string{"Amy Chen"}}},
		{"spaces between words", ` "陈晓雨" 邀请 "赵敏" 加入了群聊 `, join("陈晓雨", "赵敏")},
		// More of what WeChat writes.
		{"three invitees one by one", `"陈晓雨"邀请"A"、"B"、"C"加入了群聊`, join("陈晓雨", "A", "B", "C")},
		{"you invite several", `你邀请"赵敏"、"孙悟净"加入了群聊`, join("你", "赵敏", "孙悟净")},
		{"invited you", `"林知秋"邀请你加入了群聊`, join("林知秋", "你")},
		{"you scanned a member's code", `你通过扫描"林知秋"分享的二维码加入群聊`, join("林知秋", "你")},
		{"you were removed", `你被"林知秋"移出群聊`, &SystemEvent{Type: EventRemove, Actor: "林知秋", Names: []string{"你"}}},
		{"group created with others", `"林知秋"邀请"赵敏"加入了群聊，群聊参与人还有：陈晓雨、王大力`, join("林知秋", "赵敏")},
		{"undo link after your invite", `你邀请"赵敏"加入了群聊  撤销`, join("你", "赵敏")},
		// Not joins, leaves or removals.
		{"recall", `"王大力" 撤回了一条消息`, nil},
		{"you recalled", `你撤回了一条消息`, nil},
		{"rename", `"林知秋"修改群名为“读书打卡交流群”`, nil},
		{"pat", `"王大力" 拍了拍 "陈晓雨"`, nil},
		{"privacy notice", `"赵敏"与群里其他人都不是朋友关系，请注意隐私安全`, nil},
		{"announcement", `林知秋发布了群公告`, nil},
		{"text mentioning the chat", `欢迎大家加入了群聊，请看群公告`, nil},
		{"no names", `""退出了群聊`, nil},
		{"unterminated quote", `"陈晓雨邀请赵敏加入了群聊`, nil},
		{"empty", ``, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseSystem(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseSystem(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
		})
	}
}

// TestSystemText renders WeChat's XML system messages (Type 10002) to the
// text a member sees, so ParseSystem reads them like plain ones.
func TestSystemText(t *testing.T) {
	tests := []struct {
		name, xml, want string
		event           *SystemEvent
	}{
		{
			"invitation template",
			`<sysmsg type="sysmsgtemplate"><sysmsgtemplate><content_template type="tmpl_type_profile"><plain><![CDATA[]]></plain>` +
				`<template><![CDATA["$username$"邀请"$names$"加入了群聊]]></template><link_list>` +
				`<link name="username" type="link_profile"><memberlist><member><username><![CDATA[wxid_cxy001demo]]></username><nickname><![CDATA[陈晓雨]]></nickname></member></memberlist></link>` +
				`<link name="names" type="link_profile"><memberlist><member><username><![CDATA[wxid_a]]></username><nickname><![CDATA[Leo周]]></nickname></member>` +
				`<member><username><![CDATA[wxid_b]]></username><nickname><![CDATA[小满]]></nickname></member></memberlist><separator><![CDATA[、]]></separator></link>` +
				`</link_list></content_template></sysmsgtemplate></sysmsg>`,
			`"陈晓雨"邀请"Leo周、小满"加入了群聊`,
			&SystemEvent{Type: EventJoin, Actor: "陈晓雨", Names: []string{"Leo周", "小满"}},
		},
		{
			"your invitation with its undo link",
			`<sysmsg type="sysmsgtemplate"><sysmsgtemplate><content_template type="tmpl_type_profilewithrevoke">` +
				`<template><![CDATA[你邀请"$names$"加入了群聊  $revoke$]]></template><link_list>` +
				`<link name="names" type="link_profile"><memberlist><member><username>wxid_zm</username><nickname>赵敏</nickname></member></memberlist></link>` +
				`<link name="revoke" type="link_revoke" hidden="1"><title>撤销</title></link></link_list></content_template></sysmsgtemplate></sysmsg>`,
			`你邀请"赵敏"加入了群聊`,
			&SystemEvent{Type: EventJoin, Actor: "你", Names: []string{"赵敏"}},
		},
		{
			"recall notice",
			`<sysmsg type="revokemsg"><revokemsg><session>20938475610@chatroom</session><msgid>1</msgid><newmsgid>7300000000000000001</newmsgid><replacemsg><![CDATA["王大力" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>`,
			`"王大力" 撤回了一条消息`,
			nil,
		},
		{"plain text stays", `"周一鸣"退出了群聊`, `"周一鸣"退出了群聊`, &SystemEvent{Type: EventLeave, Names: []string{"周一鸣"}}},
		{"broken XML stays as given", `<sysmsg><template>`, `<sysmsg><template>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := systemText(tt.xml)
			if got != tt.want {
				t.Errorf("systemText = %q, want %q", got, tt.want)
			}
			if ev := ParseSystem(got); !reflect.DeepEqual(ev, tt.event) {
				t.Errorf("event %+v, want %+v", ev, tt.event)
			}
		})
	}
}
