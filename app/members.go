package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"time"

	wruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"qunzhu/backend/domain"
	"qunzhu/backend/ledger"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/screening"
	"qunzhu/backend/store"
)

// MembersService is the bound service of a group's Members tab: the member
// ledger as of a week, a member's page, edits of tier, tags and notes, tier
// suggestions and the ledger export. Every figure comes from backend/ledger,
// the same code as the CLI's `members` and `tiers`.
type MembersService struct {
	app *App
	st  *store.Store
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

// recentMessages is how many of a member's messages the page shows.
const recentMessages = 50

// Ledger returns a group's member ledger as of the end of week.
func (s *MembersService) Ledger(groupID int64, week string) (LedgerDTO, error) {
	ctx := s.app.context()
	l, sum, err := s.load(ctx, groupID, week)
	if err != nil {
		return LedgerDTO{}, err
	}
	lang := s.app.lang()
	rules := metrics.RuleSetOf(*l.Input.Rules) // with the defaults filled in
	d := LedgerDTO{Group: groupDTO(sum), Week: weekDTO(l.Week), InactiveMeasurable: l.InactiveMeasurable, Present: l.Present,
		Actual: PyramidDTO(l.Actual), Target: PyramidDTO(l.Target), Suggestions: []SuggestionDTO{}, Tags: []string{},
		InactiveDays: rules.InactiveDays, StrikeLimit: rules.StrikeLimit}
	crit, err := s.criteria(ctx, groupID)
	if err != nil {
		return LedgerDTO{}, err
	}
	d.Screening = screeningDTO(crit)
	hours, err := s.st.MemberHours(ctx, groupID, ledger.History(l))
	if err != nil {
		return LedgerDTO{}, err
	}
	scr := screens(l, hours, crit)
	versions := map[int64]int{}
	tags := map[string]bool{}
	for _, r := range l.Rows {
		row := ledgerMemberDTO(r, l.Group.Location())
		row.Screen = scr[r.Member.ID]
		d.Members = append(d.Members, row)
		versions[r.Member.ID] = r.Member.Version
		for _, t := range r.Member.Tags {
			tags[t] = true
		}
	}
	if d.Members == nil {
		d.Members = []LedgerMemberDTO{}
	}
	for t := range tags {
		d.Tags = append(d.Tags, t)
	}
	sort.Strings(d.Tags)
	for _, sg := range l.Suggestions {
		d.Suggestions = append(d.Suggestions, SuggestionDTO{MemberID: sg.MemberID, Version: versions[sg.MemberID], Name: sg.Name,
			From: string(sg.From), To: string(sg.To), Reason: msg.T(lang, sg.Reason, sg.Args()), Rank: sg.Rank, Messages: sg.Messages})
	}
	return d, nil
}

// Member returns one member's page as of the end of week.
func (s *MembersService) Member(groupID, memberID int64, week string) (MemberDetailDTO, error) {
	ctx := s.app.context()
	l, _, err := s.load(ctx, groupID, week)
	if err != nil {
		return MemberDetailDTO{}, err
	}
	r, ok := l.Row(memberID)
	if !ok {
		return MemberDetailDTO{}, domain.Errorf(domain.ENOTFOUND, "member.not_found", map[string]any{"id": memberID})
	}
	events, err := s.st.MemberEvents(ctx, groupID, memberID)
	if err != nil {
		return MemberDetailDTO{}, err
	}
	grants, err := s.st.PointGrants(ctx, groupID)
	if err != nil {
		return MemberDetailDTO{}, err
	}
	dismissed, err := s.st.DismissedViolations(ctx, groupID)
	if err != nil {
		return MemberDetailDTO{}, err
	}
	crit, err := s.criteria(ctx, groupID)
	if err != nil {
		return MemberDetailDTO{}, err
	}
	rules := l.Input.Rules
	mine, err := s.st.MemberHistory(ctx, l.Group, memberID, l.Week.End, recentMessages, rules.FloodCount, rules.FloodWithin)
	if err != nil {
		return MemberDetailDTO{}, err
	}
	daily, err := s.st.MemberDayCounts(ctx, groupID, memberID, memberDays(l))
	if err != nil {
		return MemberDetailDTO{}, err
	}
	d := memberDetail(l, r, mine, daily, events, grants, dismissed, s.app.lang())
	d.Member.Screen = screenDTO(screening.Screen(crit, r.Member, mine.Hours))
	return d, nil
}

// Save applies the edit form (tier, lock, tags, notes) and returns the page.
// A manual tier change locks the tier; a stale form is refused (member.stale).
func (s *MembersService) Save(groupID, memberID int64, week string, in MemberEditDTO) (MemberDetailDTO, error) {
	if _, err := s.st.UpdateMember(s.app.context(), domain.MemberEdit{GroupID: groupID, MemberID: memberID, Version: in.Version,
		Tier: domain.Tier(in.Tier), TierLocked: in.TierLocked, Tags: in.Tags, Notes: in.Notes, Week: week}); err != nil {
		return MemberDetailDTO{}, err
	}
	return s.Member(groupID, memberID, week)
}

// AcceptSuggestion moves a member to the suggested tier. It is recorded as a
// suggestion, so the tier stays unlocked and the ranking keeps judging it.
func (s *MembersService) AcceptSuggestion(groupID, memberID int64, week string, to string, version int) error {
	ctx := s.app.context()
	m, err := s.st.Member(ctx, groupID, memberID)
	if err != nil {
		return err
	}
	_, err = s.st.UpdateMember(ctx, domain.MemberEdit{GroupID: groupID, MemberID: memberID, Version: version, Tier: domain.Tier(to),
		TierLocked: m.TierLocked, Tags: m.Tags, Notes: m.Notes, Source: domain.TierSourceSuggestion, Week: week})
	return err
}

// MarkRemoved records that the operator removed the member at atMillis
// (Unix milliseconds, from the date picker); version is the member's version
// the list was loaded with.
func (s *MembersService) MarkRemoved(groupID, memberID int64, version int, atMillis int64) error {
	_, err := s.st.MarkRemoved(s.app.context(), groupID, memberID, version, time.UnixMilli(atMillis))
	return err
}

// UndoRemoved takes back the latest removal mark of a member (撤销 on the
// toast after 标记已移出): the member is present again.
func (s *MembersService) UndoRemoved(groupID, memberID int64) error {
	_, err := s.st.UndoRemoved(s.app.context(), groupID, memberID)
	return err
}

// AddPoints grants (points > 0) or redeems (points < 0) points by hand with
// a reason, and returns the member's page as of week. A redemption may not
// take the balance below zero.
func (s *MembersService) AddPoints(groupID, memberID int64, week string, points int, reason string) (MemberDetailDTO, error) {
	ctx := s.app.context()
	if points < 0 {
		sum, err := s.st.GroupSummary(ctx, groupID)
		if err != nil {
			return MemberDetailDTO{}, err
		}
		now := metrics.WeekOf(s.app.clock().Now(), sum.Location())
		l, err := ledger.Load(ctx, s.st, sum.Group, now)
		if err != nil {
			return MemberDetailDTO{}, err
		}
		r, ok := l.Row(memberID)
		if !ok {
			return MemberDetailDTO{}, domain.Errorf(domain.ENOTFOUND, "member.not_found", map[string]any{"id": memberID})
		}
		if r.Points+points < 0 {
			return MemberDetailDTO{}, domain.Errorf(domain.EINVALID, "points.not_enough",
				map[string]any{"name": r.Name, "balance": r.Points, "points": -points})
		}
	}
	if _, err := s.st.AddPoints(ctx, domain.PointGrant{GroupID: groupID, MemberID: memberID, Points: points, Reason: reason}); err != nil {
		return MemberDetailDTO{}, err
	}
	return s.Member(groupID, memberID, week)
}

// DismissSuggestion hides a suggestion for the week.
func (s *MembersService) DismissSuggestion(groupID, memberID int64, week string, to string) error {
	return s.st.DismissTierSuggestion(s.app.context(), groupID, memberID, week, domain.Tier(to))
}

// DismissStrike marks a detected violation (its timeline key) as no strike.
func (s *MembersService) DismissStrike(groupID int64, key string) error {
	return s.st.DismissViolation(s.app.context(), groupID, key)
}

// Export asks where to save and writes the ledger rows of memberIDs (all
// members when empty), in the given order, as format (csv or xlsx). It
// returns the path written, "" when the user cancelled.
func (s *MembersService) Export(groupID int64, week string, format string, memberIDs []int64) (string, error) {
	if format != ledger.FormatCSV && format != ledger.FormatXLSX {
		return "", domain.Errorf(domain.EINVALID, "ledger.bad_format", map[string]any{"value": format})
	}
	ctx := s.app.context()
	l, sum, err := s.load(ctx, groupID, week)
	if err != nil {
		return "", err
	}
	name := sum.Name + "-" + msg.T(s.app.lang(), "ledger.sheet", nil) + "-" + l.Week.String() + "." + format
	path, err := wruntime.SaveFileDialog(ctx, wruntime.SaveDialogOptions{DefaultFilename: name,
		Filters: []wruntime.FileFilter{{DisplayName: format, Pattern: "*." + format}}})
	if err != nil || path == "" {
		return "", err
	}
	if filepath.Ext(path) == "" {
		path += "." + format
	}
	return path, s.exportTo(path, l, format, memberIDs)
}

// exportTo writes the file next to its final name and renames it, so a
// failed export never leaves half a spreadsheet under the chosen name.
func (s *MembersService) exportTo(path string, l *ledger.Ledger, format string, memberIDs []int64) error {
	rows := l.Rows
	if len(memberIDs) > 0 {
		rows = rows[:0:0]
		for _, id := range memberIDs {
			if r, ok := l.Row(id); ok {
				rows = append(rows, r)
			}
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".qunzhu-export-*")
	if err != nil {
		return err
	}
	werr := ledger.Write(tmp, format, ledger.Table(rows, l.Group.Location(), l.InactiveMeasurable, s.app.lang()), s.app.lang())
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func (s *MembersService) load(ctx context.Context, groupID int64, week string) (*ledger.Ledger, domain.GroupSummary, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return nil, domain.GroupSummary{}, err
	}
	w, err := metrics.ParseWeek(week, sum.Location())
	if err != nil {
		return nil, domain.GroupSummary{}, err
	}
	l, err := ledger.Load(ctx, s.st, sum.Group, w)
	return l, sum, err
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
