package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// memberResult is everything ParseMembers hands back for one file.
type memberResult struct {
	file MemberFile
	recs []MemberRecord
	bad  []LineError
	err  error
}

func (r memberResult) byNick(t *testing.T, nick string) domain.Member {
	t.Helper()
	for _, rec := range r.recs {
		if rec.Member.Nickname == nick {
			return rec.Member
		}
	}
	t.Fatalf("no member with nickname %q among %d records", nick, len(r.recs))
	return domain.Member{}
}

// lines are the records' lines, in file order.
func (r memberResult) lines() []int {
	var out []int
	for _, rec := range r.recs {
		out = append(out, rec.Line)
	}
	return out
}

func (r memberResult) nicknames() []string {
	var out []string
	for _, rec := range r.recs {
		out = append(out, rec.Member.Nickname)
	}
	return out
}

func parseMemberBytes(t testing.TB, data []byte, name string, opt MemberOptions) memberResult {
	t.Helper()
	var res memberResult
	opt.OnRecord = func(rec MemberRecord) error { res.recs = append(res.recs, rec); return nil }
	opt.OnBad = func(e LineError) { res.bad = append(res.bad, e) }
	res.file, res.err = ParseMembers(bytes.NewReader(data), name, opt)
	return res
}

func parseMemberFile(t testing.TB, name string, opt MemberOptions) memberResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return parseMemberBytes(t, data, name, opt)
}

func mustUTCTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func joinedUTC(m domain.Member) string {
	if m.JoinedAt == nil {
		return "<nil>"
	}
	return m.JoinedAt.Format(time.RFC3339)
}

func memberErrKey(err error) string {
	var e *domain.Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

func TestMemberSamplesGBKAndUTF8BOMAgree(t *testing.T) {
	gbk := parseMemberFile(t, "member_list_excel_gbk.csv", MemberOptions{})
	bom := parseMemberFile(t, "member_list_excel_utf8_bom.csv", MemberOptions{})
	for _, r := range []memberResult{gbk, bom} {
		if r.err != nil {
			t.Fatal(r.err)
		}
		if len(r.bad) != 0 {
			t.Fatalf("bad rows: %+v", r.bad)
		}
	}
	if gbk.file.Encoding != EncodingGB18030 || bom.file.Encoding != EncodingUTF8BOM {
		t.Errorf("encodings = %q, %q; want GB18030 and UTF-8 BOM", gbk.file.Encoding, bom.file.Encoding)
	}
	if gbk.file.Format != MemberFormatCSV || gbk.file.Rows != 9 || len(gbk.recs) != 9 {
		t.Errorf("gbk: format %q, rows %d, records %d; want csv, 9, 9", gbk.file.Format, gbk.file.Rows, len(gbk.recs))
	}
	if !reflect.DeepEqual(gbk.recs, bom.recs) {
		t.Errorf("the GBK and UTF-8 BOM samples read differently:\n gbk %+v\n bom %+v", gbk.recs, bom.recs)
	}
	if !reflect.DeepEqual(gbk.file.Header, bom.file.Header) || !reflect.DeepEqual(gbk.file.Fields, bom.file.Fields) {
		t.Errorf("headers differ: %q vs %q", gbk.file.Header, bom.file.Header)
	}
	wantFields := []MemberField{FieldIgnore, FieldNickname, FieldGroupNickname, FieldWeChatID, FieldRemark, FieldPhone,
		FieldGender, FieldRegion, FieldJoinedAt, FieldJoinScene, FieldInviter, FieldTags}
	if !reflect.DeepEqual(gbk.file.Fields, wantFields) {
		t.Errorf("fields = %v, want %v", gbk.file.Fields, wantFields)
	}
	if gbk.file.Header[0] != "序号" || gbk.file.Header[11] != "标签" {
		t.Errorf("header as written = %q", gbk.file.Header)
	}
	for i, rec := range gbk.recs {
		if rec.Line != i+2 {
			t.Errorf("record %d (%s) on line %d, want %d", i, rec.Member.Nickname, rec.Line, i+2)
		}
	}

	lin := gbk.byNick(t, "林知秋")
	if lin.Tier != domain.TierAdmin || lin.GroupNickname != "林老师" || lin.WeChatID != "lzq_reading" || lin.WxID != "" ||
		joinedUTC(lin) != "2024-01-08T12:00:00Z" || lin.JoinScene != "群主" || !reflect.DeepEqual(lin.Tags, []string{"群主"}) ||
		lin.Region != "浙江 杭州" || lin.Gender != "女" || lin.LeftUndated {
		t.Errorf("林知秋 = %+v", lin)
	}
	li := gbk.byNick(t, "李助教")
	if li.Tier != domain.TierAdmin || li.Remark != "助教" || li.Inviter != "林知秋" || joinedUTC(li) != "2024-01-08T12:01:00Z" {
		t.Errorf("李助教 (tag 管理员) = %+v", li)
	}
	chen := gbk.byNick(t, "陈晓雨")
	if chen.Tier != domain.TierNormal || chen.Phone != "13800000001" || !reflect.DeepEqual(chen.Tags, []string{"活跃", "老学员"}) ||
		joinedUTC(chen) != "2024-01-09T04:30:00Z" {
		t.Errorf("陈晓雨 = %+v", chen)
	}
	if amy := gbk.byNick(t, "Amy Chen"); joinedUTC(amy) != "2024-01-10T01:00:00Z" || amy.Region != "上海 浦东新区" {
		t.Errorf("Amy Chen = %+v", amy)
	}
	zhou := gbk.byNick(t, "周一鸣")
	if !zhou.LeftUndated || !reflect.DeepEqual(zhou.Tags, []string{"已退群"}) || zhou.Tier != domain.TierNormal {
		t.Errorf("周一鸣 (tag 已退群) = %+v", zhou)
	}
	// 已移出 written in the remark is not a leave word: only tags and role count.
	ad := gbk.byNick(t, "推广小助手")
	if ad.LeftUndated || ad.Remark != "广告,已移出" || !reflect.DeepEqual(ad.Tags, []string{"黑名单"}) {
		t.Errorf("推广小助手 = %+v", ad)
	}
	if n := gbk.byNick(t, "孙悟净"); n.Gender != "未知" || n.Extra != nil {
		t.Errorf("孙悟净 = %+v", n)
	}
	admins := 0
	for _, r := range gbk.recs {
		if r.Member.Tier == domain.TierAdmin {
			admins++
		}
	}
	if admins != 2 {
		t.Errorf("admins = %d, want 2 (群主 and 管理员 tags)", admins)
	}
}

func TestMemberFormats(t *testing.T) {
	tests := []struct {
		file     string
		encoding string
		nicks    []string
		lines    []int
		check    func(t *testing.T, r memberResult)
	}{
		{
			file: "members_unicode_text_utf16le.txt", encoding: EncodingUTF16LE,
			nicks: []string{"林知秋", "Amy Chen", `王"大力"`, "赵敏"}, lines: []int{2, 3, 4, 5},
			check: func(t *testing.T, r memberResult) {
				lin := r.byNick(t, "林知秋")
				if lin.Phone != "13800000000" || *lin.Friends != 2300 || lin.Tier != domain.TierAdmin {
					t.Errorf("林知秋 = %+v", lin)
				}
				amy := r.byNick(t, "Amy Chen")
				if amy.WxID != "wxid_amy2024" || amy.WeChatID != "wxid_amy2024" || amy.Phone != "13900000002" ||
					*amy.Friends != 1200 || !reflect.DeepEqual(amy.Tags, []string{"活跃", "老学员"}) || joinedUTC(amy) != "2024-01-10T01:00:00Z" {
					t.Errorf("Amy Chen = %+v", amy)
				}
				if w := r.byNick(t, `王"大力"`); joinedUTC(w) != "2024-02-01T10:45:00Z" || !reflect.DeepEqual(w.Tags, []string{"新人", "待观察"}) {
					t.Errorf("王大力 = %+v", w)
				}
				if z := r.byNick(t, "赵敏"); joinedUTC(z) != "2024-03-03T16:00:00Z" || !reflect.DeepEqual(z.Tags, []string{"备注\t有制表符"}) {
					t.Errorf("赵敏 (date only, tag with a tab) = %+v", z)
				}
			},
		},
		{
			file: "members_semicolon.csv", encoding: EncodingUTF8,
			nicks: []string{"陈晓雨", "周一鸣\n（旧号）", "孙悟净"}, lines: []int{2, 3, 5},
			check: func(t *testing.T, r memberResult) {
				if c := r.byNick(t, "陈晓雨"); !reflect.DeepEqual(c.Tags, []string{"活跃", "老学员"}) || c.Region != "浙江 杭州" {
					t.Errorf("陈晓雨 = %+v", c)
				}
				if z := r.byNick(t, "周一鸣\n（旧号）"); !z.LeftUndated || joinedUTC(z) != "2024-02-03T02:12:00Z" {
					t.Errorf("周一鸣 = %+v", z)
				}
			},
		},
		{
			file: "members_required_notes_english.csv", encoding: EncodingUTF8,
			nicks: []string{"Lin", "Daly", "Zoe"}, lines: []int{2, 3, 4},
			check: func(t *testing.T, r memberResult) {
				want := []MemberField{FieldIgnore, FieldNickname, FieldGroupNickname, FieldWeChatID, FieldPhone, FieldRealName,
					FieldGender, FieldRegion, FieldJoinedAt, FieldJoinScene, FieldInviter, FieldTags, FieldFriends,
					FieldActiveHours, FieldRole, FieldExtra}
				if !reflect.DeepEqual(r.file.Fields, want) {
					t.Errorf("fields = %v\nwant     %v", r.file.Fields, want)
				}
				lin := r.byNick(t, "Lin")
				wantLin := domain.Member{
					WeChatID: "lzq_reading", Nickname: "Lin", GroupNickname: "Teacher Lin", Phone: "13800000000",
					RealName: "林知秋", Gender: "F", Region: "Hangzhou", JoinScene: "owner", Friends: mptr(1234),
					ActiveHours: "20:00-22:00", Tier: domain.TierAdmin, JoinedAt: mptr(mustUTCTime(t, "2024-01-08T12:00:00Z")),
					Tags: []string{"reader", "mentor"}, Extra: map[string]string{"Role": "Admin", "Level": "VIP"},
				}
				if !reflect.DeepEqual(lin, wantLin) {
					t.Errorf("Lin =\n %+v\nwant\n %+v", lin, wantLin)
				}
				d := r.byNick(t, "Daly")
				if d.Tier != domain.TierNormal || d.WxID != "wxid_daly777" || d.Phone != "13900000002" || *d.Friends != 1200 ||
					d.Inviter != "Lin" || d.Extra["Role"] != "member" {
					t.Errorf("Daly = %+v", d)
				}
				if z := r.byNick(t, "Zoe"); !z.LeftUndated || *z.Friends != 12000 || z.Extra["Level"] != "gold" || z.JoinScene != "QR code" {
					t.Errorf("Zoe = %+v", z)
				}
			},
		},
		{
			file: "members_gb18030_rare.csv", encoding: EncodingGB18030,
			nicks: []string{"𠀋小龙", "张三丰"}, lines: []int{2, 3},
			check: func(t *testing.T, r memberResult) {
				got := r.byNick(t, "𠀋小龙")
				want := domain.Member{
					WeChatID: "龍_𠀋", Nickname: "𠀋小龙", GroupNickname: "龍哥·深圳", Remark: "老客戶（VIP）",
					Phone: "13800000009", RealName: "𠀋龍", Gender: "男", Region: "廣東 深圳", JoinScene: "掃描群二維碼入群",
					Inviter: "林知秋", Friends: mptr(1234), ActiveHours: "晚上８點後", Tier: domain.TierAdmin,
					JoinedAt: mptr(mustUTCTime(t, "2024-01-08T12:00:00Z")), Tags: []string{"管理员", "🎉活躍"},
					Extra: map[string]string{"身份": "群主", "会员等级": "鑽石"},
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("𠀋小龙 =\n %+v\nwant\n %+v", got, want)
				}
				z := r.byNick(t, "张三丰")
				if !z.LeftUndated || z.Inviter != "𠀋小龙" || joinedUTC(z) != "2024-02-01T10:45:00Z" || z.WeChatID != "zhang＿sf" ||
					z.Extra["会员等级"] != "黃金" {
					t.Errorf("张三丰 = %+v", z)
				}
			},
		},
		{
			file: "members_title_row.csv", encoding: EncodingUTF8BOM,
			nicks: []string{"林知秋", "赵敏"}, lines: []int{4, 6},
			check: func(t *testing.T, r memberResult) {
				if r.file.Header[0] != "昵称" {
					t.Errorf("header = %q, want the third line", r.file.Header)
				}
				if l := r.byNick(t, "林知秋"); l.Extra["列3"] != "手写的说明" {
					t.Errorf("a column without a header lost its data: %+v", l)
				}
				if z := r.byNick(t, "赵敏"); joinedUTC(z) != "2024-03-04T01:15:00Z" || z.Remark != "新人" {
					t.Errorf("赵敏 (serial date in a CSV) = %+v", z)
				}
			},
		},
		{
			file: "wecom_groupchat_get_response.json", encoding: EncodingUTF8,
			nicks: []string{"林知秋", "李助教", "陈晓雨", "Amy Chen", "王大力", "赵敏", "孙悟净"}, lines: []int{11, 19, 30, 39, 47, 58, 66},
			check: func(t *testing.T, r memberResult) {
				if r.file.Format != MemberFormatWeCom {
					t.Errorf("format = %q", r.file.Format)
				}
				lin := r.byNick(t, "林知秋")
				if lin.Tier != domain.TierAdmin || lin.WxID != "LinZhiQiu" || lin.GroupNickname != "林老师" ||
					joinedUTC(lin) != "2024-01-08T12:00:00Z" || lin.JoinScene != "直接邀请入群" || lin.Extra["type"] != "企业成员" {
					t.Errorf("owner 林知秋 = %+v", lin)
				}
				li := r.byNick(t, "李助教")
				if li.Tier != domain.TierAdmin || li.Inviter != "林知秋" {
					t.Errorf("admin 李助教 = %+v", li)
				}
				chen := r.byNick(t, "陈晓雨")
				if chen.Tier != domain.TierNormal || chen.JoinScene != "扫描群二维码入群" || chen.Extra["unionid"] != "ozynqDEMOunionid0000cxy00001" ||
					chen.Extra["type"] != "外部联系人" || joinedUTC(chen) != "2024-01-09T04:30:00Z" {
					t.Errorf("陈晓雨 = %+v", chen)
				}
				if a := r.byNick(t, "Amy Chen"); a.JoinScene != "邀请链接入群" || a.GroupNickname != "" {
					t.Errorf("Amy Chen = %+v", a)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			r := parseMemberFile(t, tc.file, MemberOptions{})
			if r.err != nil {
				t.Fatal(r.err)
			}
			if len(r.bad) != 0 {
				t.Errorf("bad rows: %+v", r.bad)
			}
			if r.file.Encoding != tc.encoding {
				t.Errorf("encoding = %q, want %q", r.file.Encoding, tc.encoding)
			}
			if !reflect.DeepEqual(r.nicknames(), tc.nicks) {
				t.Errorf("members = %q, want %q", r.nicknames(), tc.nicks)
			}
			lines := r.lines()
			if !reflect.DeepEqual(lines, tc.lines) {
				t.Errorf("lines = %v, want %v", lines, tc.lines)
			}
			if r.file.Rows != len(tc.nicks) {
				t.Errorf("rows = %d, want %d", r.file.Rows, len(tc.nicks))
			}
			tc.check(t, r)
		})
	}
}

// The WeCom response and the Excel list describe the same group: they must
// agree on who joined when, how and through whom.
func TestMemberWeComAgreesWithExcelList(t *testing.T) {
	csv := parseMemberFile(t, "member_list_excel_utf8_bom.csv", MemberOptions{})
	wecom := parseMemberFile(t, "wecom_groupchat_get_response.json", MemberOptions{})
	for _, w := range wecom.recs {
		c := csv.byNick(t, w.Member.Nickname)
		if w.Member.JoinedAt.Truncate(time.Minute) != *c.JoinedAt || w.Member.Tier != c.Tier ||
			w.Member.GroupNickname != c.GroupNickname {
			t.Errorf("%s: wecom %v %s %q, excel %v %s %q", c.Nickname, w.Member.JoinedAt, w.Member.Tier, w.Member.GroupNickname,
				c.JoinedAt, c.Tier, c.GroupNickname)
		}
		if c.Inviter != "" && w.Member.Inviter != "" && c.Inviter != w.Member.Inviter {
			t.Errorf("%s: inviter wecom %q, excel %q", c.Nickname, w.Member.Inviter, c.Inviter)
		}
	}
}

func TestMemberBadRows(t *testing.T) {
	r := parseMemberFile(t, "members_bad_rows.csv", MemberOptions{})
	if r.err != nil {
		t.Fatal(r.err)
	}
	if got, want := r.nicknames(), []string{"林知秋", "赵敏"}; !reflect.DeepEqual(got, want) {
		t.Errorf("good rows = %q, want %q", got, want)
	}
	if r.recs[1].Line != 9 {
		t.Errorf("赵敏 on line %d, want 9 (after a two-line quoted field)", r.recs[1].Line)
	}
	want := []LineError{
		{Line: 3, Key: "members.bad_date", Args: map[string]any{"value": "2024/13/45 25:00"}},
		{Line: 4, Key: "members.bad_friends", Args: map[string]any{"value": "很多"}},
		{Line: 5, Key: "members.no_name"},
		{Line: 7, Key: "members.bad_date", Args: map[string]any{"value": "上周三"}},
	}
	if !reflect.DeepEqual(r.bad, want) {
		t.Errorf("bad rows =\n %+v\nwant\n %+v", r.bad, want)
	}
	if r.file.Rows != 6 {
		t.Errorf("rows = %d, want 6 (the blank line is not a row)", r.file.Rows)
	}
}

func TestMemberFileErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		key  string
	}{
		{"empty file", "members_empty.csv", "", "members.empty_file"},
		{"blank lines only", "blank.csv", "\r\n ,, \r\n\r\n", "members.empty_file"},
		{"UTF-8 BOM only", "bom.csv", "\xef\xbb\xbf", "members.empty_file"},
		{"no identity column", "members_no_identity.csv", "", "members.no_identity"},
		{"no header at all", "numbers.csv", "1,2,3\n4,5,6\n", "members.no_header"},
		{"unsupported type", "list.pdf", "%PDF-1.7", "members.unsupported_type"},
		{"broken xlsx", "list.xlsx", "this is not a workbook", "members.bad_xlsx"},
		{"truncated xlsx", "list.xlsx", "PK\x03\x04\x14\x00\x00\x00", "members.bad_xlsx"},
		{"empty xlsx", "list.xlsx", "", "members.empty_file"},
		{"old xls or locked workbook", "list.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "members.xlsx_locked"},
		{"JSON that is not WeCom", "chat.json", `[{"seq":1}]`, "members.not_wecom"},
		{"JSON without member_list", "x.json", `{"errcode":0,"errmsg":"ok"}`, "members.not_wecom"},
		{"WeCom error answer", "x.json", `{"errcode":40003,"errmsg":"invalid userid"}`, "members.wecom_error"},
		{"broken JSON", "x.json", "{\"group_chat\":{\n\"member_list\":[{\"userid\":", "members.bad_json"},
		{"empty JSON", "x.json", "  \n", "members.empty_file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var r memberResult
			if tc.data == "" && strings.HasPrefix(tc.file, "members_") {
				r = parseMemberFile(t, tc.file, MemberOptions{})
			} else {
				r = parseMemberBytes(t, []byte(tc.data), tc.file, MemberOptions{})
			}
			if got := memberErrKey(r.err); got != tc.key {
				t.Fatalf("error = %v (key %q), want key %q", r.err, got, tc.key)
			}
			if domain.ErrorCode(r.err) != domain.EINVALID {
				t.Errorf("code = %q, want invalid", domain.ErrorCode(r.err))
			}
			if len(r.recs) != 0 {
				t.Errorf("records delivered despite the error: %+v", r.recs)
			}
		})
	}
}

// The wizard needs the header of a refused file to let the user fix its mapping.
func TestMemberNoIdentityKeepsHeaderForTheWizard(t *testing.T) {
	r := parseMemberFile(t, "members_no_identity.csv", MemberOptions{})
	var e *domain.Error
	if !errors.As(r.err, &e) || e.Args["columns"] != "手机号、入群时间、标签" {
		t.Fatalf("error = %#v", r.err)
	}
	if !reflect.DeepEqual(r.file.Header, []string{"手机号", "入群时间", "标签"}) ||
		!reflect.DeepEqual(r.file.Fields, []MemberField{FieldPhone, FieldJoinedAt, FieldTags}) || r.file.Encoding != EncodingUTF8 {
		t.Errorf("file = %+v", r.file)
	}
}

func TestMemberMappingOverride(t *testing.T) {
	data := []byte("编号,称呼,手机号,入群时间\n7,林知秋,13800000000,2024/1/8 20:00\n")
	if r := parseMemberBytes(t, data, "a.csv", MemberOptions{}); memberErrKey(r.err) != "members.no_identity" {
		t.Fatalf("without a mapping: %v", r.err)
	}
	r := parseMemberBytes(t, data, "a.csv", MemberOptions{Mapping: map[string]MemberField{
		"称呼": FieldNickname, "编号": FieldIgnore, "入群时间": FieldExtra,
	}})
	if r.err != nil {
		t.Fatal(r.err)
	}
	if len(r.recs) != 1 {
		t.Fatalf("records = %+v, bad = %+v", r.recs, r.bad)
	}
	m := r.recs[0].Member
	if m.Nickname != "林知秋" || m.JoinedAt != nil || m.Extra["入群时间"] != "2024/1/8 20:00" || m.Extra["编号"] != "" {
		t.Errorf("member = %+v", m)
	}
	if want := []MemberField{FieldIgnore, FieldNickname, FieldPhone, FieldExtra}; !reflect.DeepEqual(r.file.Fields, want) {
		t.Errorf("fields = %v, want %v", r.file.Fields, want)
	}
}

func TestMemberLocation(t *testing.T) {
	data := []byte("昵称,入群时间\nA,2024/1/8 20:00\nB,2024-01-08T20:00:00Z\n")
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	r := parseMemberBytes(t, data, "a.csv", MemberOptions{Location: ny})
	if r.err != nil || len(r.recs) != 2 {
		t.Fatal(r.err, r.bad)
	}
	if got := joinedUTC(r.recs[0].Member); got != "2024-01-09T01:00:00Z" {
		t.Errorf("A joined %s, want 20:00 New York = 01:00Z", got)
	}
	if got := joinedUTC(r.recs[1].Member); got != "2024-01-08T20:00:00Z" {
		t.Errorf("B joined %s: an explicit Z must win over the group's zone", got)
	}
}

// Rows are not counted or delivered when only their ignored cells (序号) are
// filled: Excel templates come numbered in advance.
func TestMemberPrenumberedEmptyRows(t *testing.T) {
	data := []byte("序号,昵称,标签\n1,林知秋,群主\n2,,\n3,, \n4,,\n")
	r := parseMemberBytes(t, data, "a.csv", MemberOptions{})
	if r.err != nil || len(r.bad) != 0 || len(r.recs) != 1 || r.file.Rows != 1 {
		t.Errorf("err %v, bad %+v, recs %d, rows %d; want 1 member and no bad rows", r.err, r.bad, len(r.recs), r.file.Rows)
	}
}

func TestMemberCSVQuirks(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		nicks []string
		lines []int
	}{
		{"CR-only line ends (old Excel for Mac)", "昵称,标签\r甲,a\r乙,b\r", []string{"甲", "乙"}, []int{2, 3}},
		{"no final line break", "昵称\n甲\n乙", []string{"甲", "乙"}, []int{2, 3}},
		{"quoted CRLF inside a field", "昵称,备注\r\n\"甲\r\n一\",x\r\n乙,y\r\n", []string{"甲\n一", "乙"}, []int{2, 4}},
		{"Excel sep= line", "sep=;\n昵称;标签\n甲,乙;x\n", []string{"甲,乙"}, []int{3}},
		{"formula-quoted numbers", "昵称,微信号\n=\"007\",=\"wxid_007\"\n", []string{"007"}, []int{2}},
		{"header only", "\ufeff昵称,标签\r\n", nil, nil},
		{"tab wins over commas inside cells", "昵称\t标签\n甲\t活跃,新人\n乙\t老学员\n", []string{"甲", "乙"}, []int{2, 3}},
		{"trailing empty fields beyond the header", "昵称,标签\r\n甲,a,,\r\n乙,,,\r\n", []string{"甲", "乙"}, []int{2, 3}},
		{"a cell spanning lines with separators in it", "昵称,微信号,备注\n甲,a1,\"第一行\n第二行, 有逗号\"\n乙,b2,y\n", []string{"甲", "乙"}, []int{2, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := parseMemberBytes(t, []byte(tc.data), "a.csv", MemberOptions{})
			if r.err != nil || len(r.bad) != 0 {
				t.Fatalf("err %v, bad %+v", r.err, r.bad)
			}
			lines := r.lines()
			if !reflect.DeepEqual(r.nicknames(), tc.nicks) || !reflect.DeepEqual(lines, tc.lines) {
				t.Errorf("members %q on lines %v, want %q on %v", r.nicknames(), lines, tc.nicks, tc.lines)
			}
		})
	}
	r := parseMemberBytes(t, []byte("昵称,微信号\n甲,=\"wxid_007\"\n"), "a.csv", MemberOptions{})
	if len(r.recs) != 1 || r.recs[0].Member.WxID != "wxid_007" {
		t.Errorf("=\"wxid_007\" = %+v", r.recs)
	}
}

// A misleading extension does not hide what a file is.
func TestMemberSniffsWorkbookInsideCSVName(t *testing.T) {
	data := buildMemberWorkbook(t, nil)
	r := parseMemberBytes(t, data, "成员名单.csv", MemberOptions{})
	if r.err != nil || r.file.Format != MemberFormatXLSX || len(r.recs) == 0 {
		t.Errorf("an .xlsx named .csv: format %q, err %v, %d records", r.file.Format, r.err, len(r.recs))
	}
	text := []byte("昵称\t标签\n甲\t群主\n")
	r = parseMemberBytes(t, text, "export.xls", MemberOptions{})
	if r.err != nil || len(r.recs) != 1 || r.recs[0].Member.Tier != domain.TierAdmin {
		t.Errorf("tab-separated text named .xls: err %v, %+v", r.err, r.recs)
	}
}

func TestMemberOnRecordErrorStops(t *testing.T) {
	stop := errors.New("cancelled")
	n := 0
	_, err := ParseMembers(bytes.NewReader([]byte("昵称\n甲\n乙\n丙\n")), "a.csv", MemberOptions{
		OnRecord: func(MemberRecord) error { n++; return stop },
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d records, want cancelled after 1", err, n)
	}
	// Nil callbacks are allowed: a dry run that only describes the file.
	f, err := ParseMembers(bytes.NewReader([]byte("昵称,入群时间\n甲,坏日期\n乙,\n")), "a.csv", MemberOptions{})
	if err != nil || f.Rows != 2 {
		t.Errorf("dry run: %+v, %v", f, err)
	}
}

func mptr[T any](v T) *T { return &v }
