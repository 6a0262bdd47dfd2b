package app

import (
	"qunzhu/backend/service/membersvc"
)

// memberDetailDTO maps a member's page (membersvc.Page) for the window:
// times RFC 3339 in the group's zone.
func memberDetailDTO(p membersvc.Page) MemberDetailDTO {
	loc := p.Group.Location()
	m := p.Row.Member
	d := MemberDetailDTO{Member: ledgerMemberDTO(p.Row, loc), Nickname: m.Nickname, GroupNickname: m.GroupNickname, Remark: m.Remark,
		WxID: m.WxID, WeChatID: m.WeChatID, Notes: m.Notes, NameHistory: []NameSeenDTO{}, Timeline: []TimelineDTO{},
		Messages: []MessageDTO{}}
	d.Member.Screen = screenDTO(p.Screen)
	for _, n := range p.NameHistory {
		d.NameHistory = append(d.NameHistory, NameSeenDTO{Name: n.Name, First: rfc3339(n.First, loc), Last: rfc3339(n.Last, loc), Messages: n.Messages})
	}
	for _, m := range p.Messages {
		d.Messages = append(d.Messages, MessageDTO{At: rfc3339(m.SentAt, loc), Kind: string(m.Kind), Content: m.Content})
	}
	for _, e := range p.Timeline {
		d.Timeline = append(d.Timeline, TimelineDTO{At: rfc3339(e.At, loc), Kind: e.Kind, From: e.From, To: e.To, Source: e.Source,
			Rule: e.Rule, Content: e.Content, Live: e.Live, Key: e.Key, Dismiss: e.Dismissed, Points: e.Points})
	}
	for _, c := range p.Weekly {
		d.Weekly = append(d.Weekly, WeekCountDTO{Week: c.Week.String(), Start: rfc3339(c.Week.Start, loc), Messages: c.Messages})
	}
	return d
}
