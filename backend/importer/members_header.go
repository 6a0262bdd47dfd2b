package importer

import (
	"strings"
	"unicode"
)

// headerAliases are the header names operators write, Chinese or English, in
// normalised form (see normalizeHeader). docs/formats.md "Member lists" lists the
// required ones; the rest are common variants of the same columns.
var headerAliases = map[MemberField][]string{
	FieldNickname:      {"昵称", "微信昵称", "用户昵称", "成员昵称", "nickname", "nick", "nickName"},
	FieldGroupNickname: {"群昵称", "群名片", "群内昵称", "我在本群的昵称", "groupnickname", "groupnick"},
	FieldWeChatID:      {"微信号", "微信id", "微信账号", "微信", "wxid", "wechatid", "weixinid", "weixin", "userid"},
	FieldRemark:        {"备注", "备注名", "remark", "remarks", "remarkname"},
	FieldPhone:         {"手机号", "手机号码", "电话", "电话号码", "联系电话", "手机", "phone", "phonenumber", "mobile", "mobilephone", "tel", "telephone"},
	FieldRealName:      {"姓名", "真实姓名", "name", "realname", "fullname"},
	FieldGender:        {"性别", "gender", "sex"},
	FieldRegion:        {"地区", "城市", "所在地", "所在地区", "所在城市", "region", "city", "area", "location"},
	FieldJoinedAt:      {"入群时间", "加入时间", "进群时间", "入群日期", "加入日期", "jointime", "joinedat", "joined", "joindate", "joinedtime"},
	FieldJoinScene:     {"入群方式", "进群方式", "加入方式", "joinscene", "joinmethod", "joinway"},
	FieldInviter:       {"邀请人", "邀请者", "inviter", "invitor", "invitedby"},
	FieldTags:          {"标签", "tags", "tag", "labels", "label"},
	FieldFriends:       {"好友数", "好友数量", "好友人数", "friends", "friendcount", "friendscount"},
	FieldActiveHours:   {"活跃时段", "活跃时间", "活跃时间段", "activehours", "activetime"},
	FieldRole:          {"身份", "角色", "群身份", "群角色", "role", "grouprole"},
}

// ignoredHeaders are row counters that describe the sheet, not the member.
var ignoredHeaders = []string{"序号", "行号", "no", "#", "index", "seq"}

var headerIndex = func() map[string]MemberField {
	m := map[string]MemberField{}
	for f, names := range headerAliases {
		for _, n := range names {
			m[normalizeHeader(n)] = f
		}
	}
	for _, n := range ignoredHeaders {
		m[normalizeHeader(n)] = FieldIgnore
	}
	return m
}()

// MapHeader maps one header cell to a field: a known name gives its field, a
// row counter (序号, No.) FieldIgnore, an empty cell FieldIgnore, anything
// else FieldExtra (kept under its header in Member.Extra). Names are compared
// after removing spaces (full-width too), underscores, hyphens, dots, a
// required-mark * and any bracketed note — (必填) （必填） [x] 【x】 — without
// regard to case.
func MapHeader(h string) MemberField {
	n := normalizeHeader(h)
	if n == "" {
		return FieldIgnore
	}
	if f, ok := headerIndex[n]; ok {
		return f
	}
	return FieldExtra
}

// bracketPairs are the notes stripped from header names.
var bracketPairs = map[rune]rune{'(': ')', '（': '）', '[': ']', '【': '】', '〔': '〕', '<': '>', '《': '》'}

func normalizeHeader(h string) string {
	var b strings.Builder
	var closing []rune // the brackets we are inside, innermost last
	for _, r := range h {
		if c, ok := bracketPairs[r]; ok {
			closing = append(closing, c)
			continue
		}
		if len(closing) > 0 {
			if r == closing[len(closing)-1] {
				closing = closing[:len(closing)-1]
			}
			continue
		}
		switch {
		case unicode.IsSpace(r), r == '_', r == '-', r == '－', r == '＿', r == '.', r == '*', r == '＊',
			r == ':', r == '：', r == '\u200b', r == '\ufeff':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if len(closing) > 0 && b.Len() == 0 {
		// An unclosed bracket ate the whole name ("(必填"): fall back to the
		// name without the bracket characters rather than to nothing.
		return normalizeHeader(strings.Map(func(r rune) rune {
			if _, ok := bracketPairs[r]; ok {
				return -1
			}
			return r
		}, h))
	}
	return b.String()
}
