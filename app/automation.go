package app

import (
	"strings"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// AutomationService is the bound service of a group's Reply assistant and
// Highlights screens: the welcome message and keyword replies, the reply
// assistant, and the highlights library with its suggestions and digest.
// Nothing is ever sent: every text is for the operator to copy.
type AutomationService struct {
	app *App
	st  *store.Store
}

// FilledTextDTO is a template with its placeholders filled.
type FilledTextDTO struct {
	Text    string   `json:"text"`
	Unknown []string `json:"unknown"` // names in braces that are no placeholder
	Missing []string `json:"missing"` // placeholders with no value (left in the text)
}

// WelcomeTemplateDTO is the group's welcome message.
type WelcomeTemplateDTO struct {
	Text      string        `json:"text"`
	RulesLink string        `json:"rulesLink"`
	Version   int           `json:"version"`
	Preview   FilledTextDTO `json:"preview"` // filled for a sample new member, today
}

// KeywordReplyDTO is one keyword reply.
type KeywordReplyDTO struct {
	ID       int64    `json:"id"`
	Keywords []string `json:"keywords"`
	Reply    string   `json:"reply"`
	Version  int      `json:"version"`
}

// PlaceholderDTO is one placeholder a template may use.
type PlaceholderDTO struct {
	Key string `json:"key"` // member, group, rules_link, date
	ZH  string `json:"zh"`  // 成员, 群名, 群规链接, 日期
}

// TemplatesDTO is what the Reply assistant screen shows.
type TemplatesDTO struct {
	Group        GroupDTO           `json:"group"`
	Welcome      WelcomeTemplateDTO `json:"welcome"`
	Replies      []KeywordReplyDTO  `json:"replies"`
	Placeholders []PlaceholderDTO   `json:"placeholders"`
	MinScore     float64            `json:"minScore"`
}

// ReplyMatchDTO is one reply the assistant proposes.
type ReplyMatchDTO struct {
	ID       int64         `json:"id"`
	Score    float64       `json:"score"`
	Keywords []string      `json:"keywords"` // found whole in the question
	Partial  []string      `json:"partial"`  // partly found
	Filled   FilledTextDTO `json:"filled"`
}

// Templates returns the group's welcome message and keyword replies; the
// first look at a group saves the defaults of its type in the UI language.
func (s *AutomationService) Templates(groupID int64) (TemplatesDTO, error) {
	ctx := s.app.context()
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return TemplatesDTO{}, err
	}
	w, replies, err := s.st.AutomationTemplates(ctx, groupID, s.app.lang())
	if err != nil {
		return TemplatesDTO{}, err
	}
	d := TemplatesDTO{Group: groupDTO(sum), Welcome: s.welcomeDTO(sum.Group, w), Replies: make([]KeywordReplyDTO, 0, len(replies)),
		MinScore: automation.MinScore}
	for _, k := range replies {
		d.Replies = append(d.Replies, replyDTO(k))
	}
	for _, p := range automation.Placeholders {
		d.Placeholders = append(d.Placeholders, PlaceholderDTO{Key: p.Key, ZH: p.ZH})
	}
	return d, nil
}

func (s *AutomationService) values(g domain.Group, rulesLink, member string) automation.Values {
	return automation.Values{Member: member, Group: g.Name, RulesLink: rulesLink,
		Date: automation.DateText(s.app.clock().Now().In(g.Location()), s.app.lang())}
}

func (s *AutomationService) welcomeDTO(g domain.Group, w automation.Welcome) WelcomeTemplateDTO {
	sample := msg.T(s.app.lang(), "automation.preview_member", nil)
	return WelcomeTemplateDTO{Text: w.Text, RulesLink: w.RulesLink, Version: w.Version,
		Preview: filledDTO(automation.Fill(w.Text, s.values(g, w.RulesLink, sample)))}
}

func filledDTO(f automation.Filled) FilledTextDTO {
	return FilledTextDTO{Text: f.Text, Unknown: nonNilStrings(f.Unknown), Missing: nonNilStrings(f.Missing)}
}

func replyDTO(k automation.KeywordReply) KeywordReplyDTO {
	return KeywordReplyDTO{ID: k.ID, Keywords: nonNilStrings(k.Keywords), Reply: k.Reply, Version: k.Version}
}

// Preview fills a template being edited, for the group, rules link and
// member given ("" member: a sample new member), without saving it.
func (s *AutomationService) Preview(groupID int64, text, rulesLink, member string) (FilledTextDTO, error) {
	g, err := s.st.Group(s.app.context(), groupID)
	if err != nil {
		return FilledTextDTO{}, err
	}
	if strings.TrimSpace(member) == "" {
		member = msg.T(s.app.lang(), "automation.preview_member", nil)
	}
	return filledDTO(automation.Fill(text, s.values(g, strings.TrimSpace(rulesLink), strings.TrimSpace(member)))), nil
}

// SaveWelcome stores the edited welcome message (refused if it changed
// since version was read, or if it uses an unknown placeholder).
func (s *AutomationService) SaveWelcome(groupID int64, text, rulesLink string, version int) (WelcomeTemplateDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return WelcomeTemplateDTO{}, err
	}
	w, err := s.st.SaveWelcome(ctx, automation.Welcome{GroupID: groupID, Text: text, RulesLink: rulesLink, Version: version}, s.app.lang())
	if err != nil {
		return WelcomeTemplateDTO{}, err
	}
	return s.welcomeDTO(g, w), nil
}

// SaveReply adds (id 0) or edits a keyword reply.
func (s *AutomationService) SaveReply(groupID int64, in KeywordReplyDTO) (KeywordReplyDTO, error) {
	k, err := s.st.SaveKeywordReply(s.app.context(), automation.KeywordReply{ID: in.ID, GroupID: groupID, Keywords: in.Keywords,
		Reply: in.Reply, Version: in.Version}, s.app.lang())
	if err != nil {
		return KeywordReplyDTO{}, err
	}
	return replyDTO(k), nil
}

// DeleteReply removes a keyword reply.
func (s *AutomationService) DeleteReply(groupID, id int64) error {
	return s.st.DeleteKeywordReply(s.app.context(), groupID, id)
}

// Ask returns the best keyword replies to a member's question, filled in
// for member ("" leaves {成员} for the operator to write); empty when none
// scores at least the minimum.
func (s *AutomationService) Ask(groupID int64, question, member string) ([]ReplyMatchDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return nil, err
	}
	w, replies, err := s.st.AutomationTemplates(ctx, groupID, s.app.lang())
	if err != nil {
		return nil, err
	}
	out := []ReplyMatchDTO{}
	for _, m := range automation.MatchReplies(question, replies, s.values(g, w.RulesLink, strings.TrimSpace(member)), 3) {
		out = append(out, ReplyMatchDTO{ID: m.Reply.ID, Score: m.Score, Keywords: nonNilStrings(m.Matched), Partial: nonNilStrings(m.Partial),
			Filled: filledDTO(m.Filled)})
	}
	return out, nil
}

// HighlightDTO is one entry of the highlights library.
type HighlightDTO struct {
	ID        int64  `json:"id"`
	MessageID int64  `json:"messageId"`
	Source    string `json:"source"` // staff | suggested
	Name      string `json:"name"`
	At        string `json:"at"`
	Kind      string `json:"kind"`
	Content   string `json:"content"`
}

// HighlightSuggestionDTO is a message that drew replies.
type HighlightSuggestionDTO struct {
	MessageID   int64  `json:"messageId"`
	Name        string `json:"name"`
	At          string `json:"at"`
	Kind        string `json:"kind"`
	Content     string `json:"content"`
	Replies     int    `json:"replies"`
	Repliers    int    `json:"repliers"`
	HighlightID int64  `json:"highlightId"` // 0 unless already in the library
}

// HighlightsDTO is a group's week on the Highlights screen.
type HighlightsDTO struct {
	Group       GroupDTO                 `json:"group"`
	Week        WeekDTO                  `json:"week"`
	Library     []HighlightDTO           `json:"library"`
	Suggestions []HighlightSuggestionDTO `json:"suggestions"`
	Digest      string                   `json:"digest"` // the library as a digest post; "" when empty
}

// suggestionLimit is how many suggestions a week shows.
const suggestionLimit = 10

func (s *AutomationService) groupWeek(groupID int64, week string) (domain.GroupSummary, metrics.Week, error) {
	sum, err := s.st.GroupSummary(s.app.context(), groupID)
	if err != nil {
		return sum, metrics.Week{}, err
	}
	w, err := metrics.ParseWeek(week, sum.Location())
	return sum, w, err
}

// Highlights returns the week's library, the suggestions (the messages
// that drew the most replies within 30 minutes) and the digest text.
func (s *AutomationService) Highlights(groupID int64, week string) (HighlightsDTO, error) {
	ctx := s.app.context()
	sum, w, err := s.groupWeek(groupID, week)
	if err != nil {
		return HighlightsDTO{}, err
	}
	loc := sum.Location()
	lib, err := s.st.Highlights(ctx, groupID, w.Start, w.End)
	if err != nil {
		return HighlightsDTO{}, err
	}
	msgs, err := s.st.Messages(ctx, groupID, w.Start, w.End.Add(automation.ReplyWindow))
	if err != nil {
		return HighlightsDTO{}, err
	}
	d := HighlightsDTO{Group: groupDTO(sum), Week: weekDTO(w), Library: []HighlightDTO{}, Suggestions: []HighlightSuggestionDTO{}}
	inLib := map[int64]int64{}
	for _, h := range lib {
		inLib[h.MessageID] = h.ID
		d.Library = append(d.Library, HighlightDTO{ID: h.ID, MessageID: h.MessageID, Source: h.Source, Name: h.SenderName,
			At: rfc3339(h.SentAt, loc), Kind: string(h.Kind), Content: h.Content})
	}
	for _, sg := range automation.SuggestHighlights(msgs, automation.SuggestOptions{From: w.Start, To: w.End, CheckinWord: sum.CheckinWord, IsQuestion: metrics.IsQuestion, Limit: suggestionLimit}) {
		m := sg.Message
		d.Suggestions = append(d.Suggestions, HighlightSuggestionDTO{MessageID: m.ID, Name: m.SenderName, At: rfc3339(m.SentAt, loc), Kind: string(m.Kind),
			Content: m.Content, Replies: sg.Replies, Repliers: sg.Repliers, HighlightID: inLib[m.ID]})
	}
	if len(lib) > 0 {
		heading := msg.T(s.app.lang(), "automation.digest_title", map[string]any{"group": sum.Name, "week": w.String()})
		d.Digest = automation.Digest(heading, lib, loc, s.app.lang())
	}
	return d, nil
}

// HighlightChatMessageDTO is one message of the week's chat to pick from.
type HighlightChatMessageDTO struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	At          string `json:"at"`
	Kind        string `json:"kind"`
	Content     string `json:"content"`
	HighlightID int64  `json:"highlightId"` // 0 unless in the library
}

// HighlightChatPageDTO is the week's chat matching a search, oldest first.
type HighlightChatPageDTO struct {
	Messages []HighlightChatMessageDTO `json:"messages"`
	Total    int                       `json:"total"` // matching messages; Messages holds at most chatLimit
}

// chatLimit bounds how many messages one search returns.
const chatLimit = 200

// Chat returns the week's messages (system messages left out) whose text or
// sender contains query (case-insensitive; "" matches all), oldest first.
func (s *AutomationService) Chat(groupID int64, week, query string) (HighlightChatPageDTO, error) {
	ctx := s.app.context()
	sum, w, err := s.groupWeek(groupID, week)
	if err != nil {
		return HighlightChatPageDTO{}, err
	}
	msgs, err := s.st.Messages(ctx, groupID, w.Start, w.End)
	if err != nil {
		return HighlightChatPageDTO{}, err
	}
	lib, err := s.st.Highlights(ctx, groupID, w.Start, w.End)
	if err != nil {
		return HighlightChatPageDTO{}, err
	}
	inLib := map[int64]int64{}
	for _, h := range lib {
		inLib[h.MessageID] = h.ID
	}
	q := strings.ToLower(strings.TrimSpace(query))
	page := HighlightChatPageDTO{Messages: []HighlightChatMessageDTO{}}
	for _, m := range msgs {
		if m.Kind == domain.KindSystem {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(m.Content), q) && !strings.Contains(strings.ToLower(m.SenderName), q) {
			continue
		}
		page.Total++
		if len(page.Messages) < chatLimit {
			page.Messages = append(page.Messages, HighlightChatMessageDTO{ID: m.ID, Name: m.SenderName, At: rfc3339(m.SentAt, sum.Location()),
				Kind: string(m.Kind), Content: m.Content, HighlightID: inLib[m.ID]})
		}
	}
	return page, nil
}

// AddHighlight puts a message into the library; source is staff (picked
// from the chat) or suggested.
func (s *AutomationService) AddHighlight(groupID, messageID int64, source string) (HighlightDTO, error) {
	ctx := s.app.context()
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return HighlightDTO{}, err
	}
	h, err := s.st.AddHighlight(ctx, groupID, messageID, source, "")
	if err != nil {
		return HighlightDTO{}, err
	}
	return HighlightDTO{ID: h.ID, MessageID: h.MessageID, Source: h.Source, Name: h.SenderName, At: rfc3339(h.SentAt, g.Location()),
		Kind: string(h.Kind), Content: h.Content}, nil
}

// RemoveHighlight takes an entry out of the library.
func (s *AutomationService) RemoveHighlight(groupID, id int64) error {
	return s.st.RemoveHighlight(s.app.context(), groupID, id)
}
