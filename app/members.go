package app

import (
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/membersvc"
)

// MembersService is the bound service of a group's Members tab: the member
// ledger as of a week, a member's page, edits of tier, tags and notes, tier
// suggestions and the ledger export. Every use case is membersvc's, the
// same code as the CLI's `members`, `tiers`, `tier set`, `points` and
// `member remove`; this is the binding: DTOs and the save dialog.
type MembersService struct {
	app *App
	svc *membersvc.Service
}

// LedgerDTO is a group's ledger as of the end of a week.
type LedgerDTO struct {
	Group              GroupDTO          `json:"group"`
	Week               WeekDTO           `json:"week"`
	InactiveMeasurable bool              `json:"inactiveMeasurable"`
	Present            int               `json:"present"`
	Actual             PyramidDTO        `json:"actual"`
	Target             PyramidDTO        `json:"target"`
	Suggestions        []SuggestionDTO   `json:"suggestions"`
	Members            []LedgerMemberDTO `json:"members"`
	Tags               []string          `json:"tags"` // every tag in use, for the filter
	Screening          ScreeningDTO      `json:"screening"`
	// InactiveDays and StrikeLimit are the group's rules behind the removal list.
	InactiveDays int `json:"inactiveDays"`
	StrikeLimit  int `json:"strikeLimit"`
}

// PyramidDTO counts members per tier.
type PyramidDTO struct {
	Admin  int `json:"admin"`
	Core   int `json:"core"`
	Normal int `json:"normal"`
}

// SuggestionDTO is one suggested tier change, its reason in the user's language.
type SuggestionDTO struct {
	MemberID int64  `json:"memberId"`
	Version  int    `json:"version"`
	Name     string `json:"name"`
	From     string `json:"from"`
	To       string `json:"to"`
	Reason   string `json:"reason"`
	Rank     int    `json:"rank"`
	Messages int    `json:"messages"`
}

// LedgerMemberDTO is one line of the ledger. Times are RFC 3339 in the
// group's zone, "" when unknown (lastMessageAt "": never spoke).
type LedgerMemberDTO struct {
	ID            int64     `json:"id"`
	Version       int       `json:"version"`
	Name          string    `json:"name"`
	Names         []string  `json:"names"` // every name known: list names and names seen in chat
	IDs           []string  `json:"ids"`   // wxid, 微信号 and sender ids seen
	Tier          string    `json:"tier"`
	TierLocked    bool      `json:"tierLocked"`
	Tags          []string  `json:"tags"`
	Present       bool      `json:"present"`
	JoinedAt      string    `json:"joinedAt"`
	LeftAt        string    `json:"leftAt"`
	LastMessageAt string    `json:"lastMessageAt"`
	Messages      int       `json:"messages"` // countable messages up to the week's end
	Messages28d   int       `json:"messages28d"`
	CheckinDays   int       `json:"checkinDays"`
	Points        int       `json:"points"`
	Strikes       int       `json:"strikes"`
	StruckOut     bool      `json:"struckOut"`
	Inactive      *bool     `json:"inactive"` // null: not measurable this week
	Screen        ScreenDTO `json:"screen"`
}

// NameSeenDTO is one name a member used in chat, with when.
type NameSeenDTO struct {
	Name     string `json:"name"`
	First    string `json:"first"`
	Last     string `json:"last"`
	Messages int    `json:"messages"`
}

// TimelineDTO is one event on a member's page. Kind is joined, left, tier,
// strike, checkin, share (a theme share the member presented, posted:
// Content is its title) or points (granted or redeemed by hand); the other
// fields are set as the kind needs.
type TimelineDTO struct {
	At      string `json:"at"`
	Kind    string `json:"kind"`
	From    string `json:"from"`   // tier
	To      string `json:"to"`     // tier
	Source  string `json:"source"` // tier: manual | suggestion
	Rule    string `json:"rule"`   // strike: ads | flood | attack
	Content string `json:"content"`
	Live    bool   `json:"live"`      // strike: still counts at the week's end
	Key     string `json:"key"`       // strike: what DismissStrike takes
	Dismiss bool   `json:"dismissed"` // strike: dismissed, no strike
	Points  int    `json:"points"`    // checkin, share, points
}

// MessageDTO is one of the member's messages.
type MessageDTO struct {
	At      string `json:"at"`
	Kind    string `json:"kind"`
	Content string `json:"content"`
}

// WeekCountDTO is the member's countable messages in one ISO week.
type WeekCountDTO struct {
	Week     string `json:"week"`
	Start    string `json:"start"`
	Messages int    `json:"messages"`
}

// MemberDetailDTO is a member's page.
type MemberDetailDTO struct {
	Member        LedgerMemberDTO `json:"member"`
	Nickname      string          `json:"nickname"`
	GroupNickname string          `json:"groupNickname"`
	Remark        string          `json:"remark"`
	WxID          string          `json:"wxid"`
	WeChatID      string          `json:"wechatId"`
	Notes         string          `json:"notes"`
	NameHistory   []NameSeenDTO   `json:"nameHistory"`
	Timeline      []TimelineDTO   `json:"timeline"`
	Messages      []MessageDTO    `json:"messages"` // the latest, newest first
	Weekly        []WeekCountDTO  `json:"weekly"`   // 12 weeks up to this one, oldest first
}

// MemberEditDTO is the member edit form; version is the member's version
// the form was filled from.
type MemberEditDTO struct {
	Version    int      `json:"version"`
	Tier       string   `json:"tier"`
	TierLocked bool     `json:"tierLocked"`
	Tags       []string `json:"tags"`
	Notes      string   `json:"notes"`
}

// Ledger returns a group's member ledger as of the end of week.
func (s *MembersService) Ledger(groupID int64, week string) (LedgerDTO, error) {
	l, err := s.svc.Ledger(s.app.context(), membersvc.LedgerInput{GroupID: groupID, Week: week, Screens: true})
	if err != nil {
		return LedgerDTO{}, err
	}
	return ledgerDTO(l, s.app.lang()), nil
}

// Member returns one member's page as of the end of week.
func (s *MembersService) Member(groupID, memberID int64, week string) (MemberDetailDTO, error) {
	p, err := s.svc.Page(s.app.context(), membersvc.PageInput{GroupID: groupID, MemberID: memberID, Week: week, Lang: s.app.lang()})
	if err != nil {
		return MemberDetailDTO{}, err
	}
	return memberDetailDTO(p), nil
}

// Save applies the edit form (tier, lock, tags, notes) and returns the page.
// A manual tier change locks the tier; a stale form is refused (member.stale).
func (s *MembersService) Save(groupID, memberID int64, week string, in MemberEditDTO) (MemberDetailDTO, error) {
	if _, err := s.svc.Save(s.app.context(), membersvc.Edit{GroupID: groupID, MemberID: memberID, Version: in.Version,
		Tier: domain.Tier(in.Tier), TierLocked: in.TierLocked, Tags: in.Tags, Notes: in.Notes, Week: week}); err != nil {
		return MemberDetailDTO{}, err
	}
	return s.Member(groupID, memberID, week)
}

// AcceptSuggestion moves a member to the suggested tier. It is recorded as a
// suggestion, so the tier stays unlocked and the ranking keeps judging it.
func (s *MembersService) AcceptSuggestion(groupID, memberID int64, week string, to string, version int) error {
	return s.svc.AcceptSuggestion(s.app.context(), groupID, memberID, week, domain.Tier(to), version)
}

// MarkRemoved records that the operator removed the member at atMillis
// (Unix milliseconds, from the date picker); version is the member's version
// the list was loaded with.
func (s *MembersService) MarkRemoved(groupID, memberID int64, version int, atMillis int64) error {
	_, err := s.svc.MarkRemoved(s.app.context(), membersvc.Removal{GroupID: groupID, MemberID: memberID, Version: version,
		At: time.UnixMilli(atMillis)})
	return err
}

// UndoRemoved takes back the latest removal mark of a member (撤销 on the
// toast after 标记已移出): the member is present again.
func (s *MembersService) UndoRemoved(groupID, memberID int64) error {
	return s.svc.UndoRemoved(s.app.context(), groupID, memberID)
}

// AddPoints grants (points > 0) or redeems (points < 0) points by hand with
// a reason, and returns the member's page as of week. A redemption may not
// take the balance below zero.
func (s *MembersService) AddPoints(groupID, memberID int64, week string, points int, reason string) (MemberDetailDTO, error) {
	if _, err := s.svc.AddPoints(s.app.context(), membersvc.Grant{GroupID: groupID, MemberID: memberID, Points: points, Reason: reason}); err != nil {
		return MemberDetailDTO{}, err
	}
	return s.Member(groupID, memberID, week)
}

// DismissSuggestion hides a suggestion for the week.
func (s *MembersService) DismissSuggestion(groupID, memberID int64, week string, to string) error {
	return s.svc.DismissSuggestion(s.app.context(), groupID, memberID, week, domain.Tier(to))
}

// DismissStrike marks a detected violation (its timeline key) as no strike.
func (s *MembersService) DismissStrike(groupID int64, key string) error {
	return s.svc.DismissStrike(s.app.context(), groupID, key)
}

// Export asks where to save and writes the ledger rows of memberIDs (all
// members when empty), in the given order, as format (csv or xlsx). It
// returns the path written, "" when the user cancelled.
func (s *MembersService) Export(groupID int64, week string, format string, memberIDs []int64) (string, error) {
	ctx, lang := s.app.context(), s.app.lang()
	name, err := s.svc.ExportName(ctx, groupID, week, format, lang)
	if err != nil {
		return "", err
	}
	path, err := s.app.saveDialog("", name, format, format)
	if err != nil || path == "" {
		return "", err
	}
	return path, s.svc.Export(ctx, membersvc.ExportInput{GroupID: groupID, Week: week, Format: format, MemberIDs: memberIDs, Path: path, Lang: lang})
}

// ledgerDTO maps the ledger and its screening for the Members tab.
func ledgerDTO(l membersvc.Ledger, lang string) LedgerDTO {
	d := LedgerDTO{Group: groupDTO(l.Summary), Week: weekDTO(l.Week), InactiveMeasurable: l.InactiveMeasurable, Present: l.Present,
		Actual: PyramidDTO(l.Actual), Target: PyramidDTO(l.Target), Suggestions: []SuggestionDTO{}, Members: []LedgerMemberDTO{},
		Tags: nonNilStrings(l.Tags), Screening: screeningDTO(l.Criteria), InactiveDays: l.Rules.InactiveDays, StrikeLimit: l.Rules.StrikeLimit}
	versions := map[int64]int{}
	for _, r := range l.Rows {
		row := ledgerMemberDTO(r, l.Group.Location())
		row.Screen = screenDTO(l.Screens[r.Member.ID])
		d.Members = append(d.Members, row)
		versions[r.Member.ID] = r.Member.Version
	}
	for _, sg := range l.Suggestions {
		d.Suggestions = append(d.Suggestions, SuggestionDTO{MemberID: sg.MemberID, Version: versions[sg.MemberID], Name: sg.Name,
			From: string(sg.From), To: string(sg.To), Reason: msg.T(lang, sg.Reason, sg.Args()), Rank: sg.Rank, Messages: sg.Messages})
	}
	return d
}

func ledgerMemberDTO(r ledger.Row, loc *time.Location) LedgerMemberDTO {
	m := r.Member
	d := LedgerMemberDTO{ID: m.ID, Version: m.Version, Name: r.Name, Tier: string(m.Tier), TierLocked: m.TierLocked,
		Tags: nonNilStrings(m.Tags), Present: r.Present, Messages: r.Messages, Messages28d: r.Messages28d, CheckinDays: r.CheckinDays, Points: r.Points,
		Strikes: r.Strikes, StruckOut: r.StruckOut, Inactive: r.Inactive,
		Names: domain.CleanList(append([]string{m.Nickname, m.GroupNickname, m.Remark}, m.SeenNames...)),
		IDs:   domain.CleanList(append([]string{m.WxID, m.WeChatID}, m.SeenIDs...))}
	if m.JoinedAt != nil {
		d.JoinedAt = rfc3339(*m.JoinedAt, loc)
	}
	if m.LeftAt != nil {
		d.LeftAt = rfc3339(*m.LeftAt, loc)
	}
	if r.LastMessageAt != nil {
		d.LastMessageAt = rfc3339(*r.LastMessageAt, loc)
	}
	return d
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
