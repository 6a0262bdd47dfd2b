package importer

import (
	"reflect"
	"testing"
	"time"
)

func TestMapHeader(t *testing.T) {
	tests := map[string]MemberField{
		"昵称": FieldNickname, "Nickname": FieldNickname, "nick name": FieldNickname, "昵称(必填)": FieldNickname,
		"昵称（必填）": FieldNickname, "*昵称": FieldNickname, " 昵　称 ": FieldNickname, "【必填】昵称": FieldNickname,
		"群昵称": FieldGroupNickname, "Group Nickname": FieldGroupNickname, "group_nickname": FieldGroupNickname, "群名片": FieldGroupNickname,
		"微信号": FieldWeChatID, "wxid": FieldWeChatID, "WeChat ID": FieldWeChatID, "wechat-id [x]": FieldWeChatID,
		"备注": FieldRemark, "Remark": FieldRemark,
		"手机号": FieldPhone, "电话": FieldPhone, "手机": FieldPhone, "Phone": FieldPhone, "Mobile": FieldPhone, "手机号码（选填）": FieldPhone,
		"姓名": FieldRealName, "真实姓名": FieldRealName, "Name": FieldRealName, "real_name": FieldRealName,
		"性别": FieldGender, "Gender": FieldGender,
		"地区": FieldRegion, "城市": FieldRegion, "Region": FieldRegion, "City": FieldRegion,
		"入群时间": FieldJoinedAt, "加入时间": FieldJoinedAt, "Join Time": FieldJoinedAt, "joined_at": FieldJoinedAt, "JOINED-AT": FieldJoinedAt,
		"入群方式": FieldJoinScene, "join scene": FieldJoinScene,
		"邀请人": FieldInviter, "Inviter": FieldInviter,
		"标签": FieldTags, "Tags": FieldTags, "标签[用;分隔]": FieldTags,
		"好友数": FieldFriends, "Friends": FieldFriends,
		"活跃时段": FieldActiveHours, "Active Hours": FieldActiveHours,
		"身份": FieldRole, "角色": FieldRole, "Role": FieldRole,
		"序号": FieldIgnore, "No.": FieldIgnore, "NO": FieldIgnore, "": FieldIgnore, "  ": FieldIgnore,
		"会员等级": FieldExtra, "Level": FieldExtra, "(必填": FieldExtra, "昵称2": FieldExtra,
	}
	for h, want := range tests {
		if got := MapHeader(h); got != want {
			t.Errorf("MapHeader(%q) = %q, want %q", h, got, want)
		}
	}
}

func TestMemberJoinTime(t *testing.T) {
	sh := defaultLocation(nil)
	tests := []struct {
		in   string
		want string // RFC 3339 UTC, "" for unreadable
	}{
		{"2024/1/8 20:00", "2024-01-08T12:00:00Z"},
		{"2024-01-08 20:00:00", "2024-01-08T12:00:00Z"},
		{"2024-01-08", "2024-01-07T16:00:00Z"},
		{"2024/1/8", "2024-01-07T16:00:00Z"},
		{"2024.1.8 8:05", "2024-01-08T00:05:00Z"},
		{"2024年1月8日 20:00", "2024-01-08T12:00:00Z"},
		{"2024年1月8日20:00", "2024-01-08T12:00:00Z"},
		{"2024年1月8日", "2024-01-07T16:00:00Z"},
		{"2024年1月8日 20时30分", "2024-01-08T12:30:00Z"},
		{"2024/1/8 下午8:00", "2024-01-08T12:00:00Z"},
		{"2024/1/8 上午12:30", "2024-01-07T16:30:00Z"},
		{"2024/1/8 8:00 PM", "2024-01-08T12:00:00Z"},
		{"2024-01-08T20:00:00", "2024-01-08T12:00:00Z"},
		{"2024-01-08T20:00:00.500", "2024-01-08T12:00:00Z"}, // formatted to the second below
		{"2024-01-08T20:00:00Z", "2024-01-08T20:00:00Z"},
		{"2024-01-08T20:00:00+09:00", "2024-01-08T11:00:00Z"},
		{"２０２４/１/８ ２０：００", "2024-01-08T12:00:00Z"},
		{"45299.833333333336", "2024-01-08T12:00:00Z"},
		{"45299.83", "2024-01-08T11:55:12Z"},
		{"45299", "2024-01-07T16:00:00Z"},
		{"20240108", "2024-01-07T16:00:00Z"},
		{"1704715200", "2024-01-08T12:00:00Z"},
		{"1704715200000", "2024-01-08T12:00:00Z"},
		{"", ""},
		{"明天", ""},
		{"2024/13/1", ""},
		{"2024/2/30", ""},
		{"2024/1/8 24:00", ""},
		{"2024/1/8 13:00 PM", ""},
		{"1/8/2024 20:00", ""}, // month/day/year is ambiguous: not guessed
		{"2024-01-08 20:00 extra", ""},
		{"3", ""},           // a stray number in a date column, not 1900-01-03
		{"99999999999", ""}, // 11 digits: no known meaning
		{"4102444800", ""},  // Unix seconds in 2100
		{"45299.", ""},
		{"20241340", ""},
	}
	for _, tc := range tests {
		got, ok := parseJoinTime(tc.in, sh, false)
		s := ""
		if ok {
			s = got.Format(time.RFC3339)
			if got.Location() != time.UTC {
				t.Errorf("%q: location %v, want UTC", tc.in, got.Location())
			}
		}
		if s != tc.want {
			t.Errorf("parseJoinTime(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
	if got, ok := parseJoinTime("43837.833333333336", sh, true); !ok || got.Format(time.RFC3339) != "2024-01-08T12:00:00Z" {
		t.Errorf("1904 serial = %v, %v", got, ok)
	}
}

func TestMemberFriends(t *testing.T) {
	tests := map[string]int{ // -1: unreadable, -2: empty (nil)
		"1234": 1234, "1,234": 1234, "１，２３４": 1234, "1200+": 1200, "1200＋": 1200, "500人": 500, "500人以上": 500,
		"1.2万": 12000, "1.2w": 12000, "3k": 3000, "0": 0, " 88 ": 88, "1234.0": 1234, "": -2,
		"很多": -1, "-5": -1, "12.5": -1, "1e5": -1, "万": -1, "99999999999": -1, "1.2.3": -1,
	}
	for in, want := range tests {
		n, ok := parseFriends(in)
		got := -1
		switch {
		case ok && n == nil:
			got = -2
		case ok:
			got = *n
		}
		if got != want {
			t.Errorf("parseFriends(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestMemberPhone(t *testing.T) {
	tests := map[string]string{
		"13800000001": "13800000001", "'13800000001": "13800000001", " 138 0000 0001 ": "13800000001",
		"138-0000-0001": "13800000001", "+86 138 0000 0001": "13800000001", "+86-13800000001": "13800000001",
		"0086 13800000001": "13800000001", "8613800000001": "13800000001", "＋86 １３８００００００01": "13800000001",
		"(0571) 8888-8888": "057188888888", "+86 571 8888 8888": "057188888888", "+1 (415) 555-0100": "+14155550100",
		"保密": "保密", "138xxxx0001": "138xxxx0001", "13800000001/13900000002": "13800000001/13900000002",
		"1.38E+10": "1.38E+10", "+": "+", "'": "",
	}
	for in, want := range tests {
		if got := normalizePhone(in); got != want {
			t.Errorf("normalizePhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMemberTokens(t *testing.T) {
	tests := map[string][]string{
		"活跃;老学员":            {"活跃", "老学员"},
		"活跃；老学员，新人、VIP, 团长": {"活跃", "老学员", "新人", "VIP", "团长"},
		" 群主 ;; 群主 ":        {"群主"},
		"VIP 客户":            {"VIP 客户"},
		"一\n二":              {"一", "二"},
		"":                  nil,
		" ; ，":              nil,
	}
	for in, want := range tests {
		if got := splitTokens(in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitTokens(%q) = %q, want %q", in, got, want)
		}
	}
}

// Role and leave words count as whole tokens only, in tags and the role column.
func TestMemberRoleAndLeaveWords(t *testing.T) {
	data := "昵称,标签,身份,备注,入群方式\n" +
		"A,群主,,,\n" +
		"B,,管理员,,\n" +
		"C,ADMIN,,,\n" +
		"D,群主助理,,,\n" +
		"E,,,群主,群主\n" +
		"F,已退群,,,\n" +
		"G,,已移出,,\n" +
		"H,已退群了,,,\n" +
		"I,,,已退群,\n" +
		"J,活跃；Admin,,,\n"
	r := parseMemberBytes(t, []byte(data), "a.csv", MemberOptions{})
	if r.err != nil || len(r.recs) != 10 {
		t.Fatalf("%v, %d records, bad %+v", r.err, len(r.recs), r.bad)
	}
	want := map[string]struct {
		admin, left bool
	}{
		"A": {true, false}, "B": {true, false}, "C": {true, false}, "D": {false, false}, "E": {false, false},
		"F": {false, true}, "G": {false, true}, "H": {false, false}, "I": {false, false}, "J": {true, false},
	}
	for _, rec := range r.recs {
		m := rec.Member
		w := want[m.Nickname]
		if (m.Tier == "admin") != w.admin || m.LeftUndated != w.left {
			t.Errorf("%s: tier %s, left %v; want admin %v, left %v", m.Nickname, m.Tier, m.LeftUndated, w.admin, w.left)
		}
	}
	// Tags are kept as the operator wrote them, role and leave words included.
	if f := r.byNick(t, "F"); !reflect.DeepEqual(f.Tags, []string{"已退群"}) {
		t.Errorf("F tags = %q", f.Tags)
	}
	if b := r.byNick(t, "B"); b.Tags != nil || b.Extra["身份"] != "管理员" {
		t.Errorf("B = %+v", b)
	}
}
