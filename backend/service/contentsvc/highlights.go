package contentsvc

import (
	"context"
	"strings"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
)

// Highlights is a group's week on the Highlights screen and `highlights`.
type Highlights struct {
	Group   domain.GroupSummary
	Week    metrics.Week
	Library []automation.Highlight
	// InLibrary maps a message id to its library entry's id.
	InLibrary map[int64]int64
}

// Highlights returns the week's highlights library.
func (s *Service) Highlights(ctx context.Context, groupID int64, week string) (Highlights, error) {
	sum, w, err := s.groupWeek(ctx, groupID, week)
	if err != nil {
		return Highlights{}, err
	}
	lib, err := s.st.Highlights(ctx, groupID, w.Start, w.End)
	if err != nil {
		return Highlights{}, err
	}
	in := make(map[int64]int64, len(lib))
	for _, h := range lib {
		in[h.MessageID] = h.ID
	}
	return Highlights{Group: sum, Week: w, Library: lib, InLibrary: in}, nil
}

// Digest is the library as a digest post to copy, grouped by day, headed
// with the group and week in lang.
func Digest(h Highlights, lang string) string {
	week := msg.T(lang, "report.week_short", map[string]any{"year": h.Week.Year, "n": h.Week.Number})
	heading := msg.T(lang, "automation.digest_title", map[string]any{"group": h.Group.Name, "week": week})
	return automation.Digest(heading, h.Library, h.Group.Location(), lang)
}

// Suggestions are the week's messages that drew the most replies within
// 30 minutes (at most limit), best first.
func (s *Service) Suggestions(ctx context.Context, h Highlights, limit int) ([]automation.Suggestion, error) {
	msgs, err := s.st.Messages(ctx, h.Group.ID, h.Week.Start, h.Week.End.Add(automation.ReplyWindow))
	if err != nil {
		return nil, err
	}
	return automation.SuggestHighlights(msgs, automation.SuggestOptions{From: h.Week.Start, To: h.Week.End,
		CheckinWord: h.Group.CheckinWord, IsQuestion: metrics.IsQuestion, Limit: limit}), nil
}

// ChatPage is the week's chat matching a search, oldest first.
type ChatPage struct {
	Messages []domain.Message
	Total    int // matching messages; Messages holds at most ChatLimit
}

// ChatLimit bounds how many messages one search returns.
const ChatLimit = 200

// Chat returns the week's messages (system messages left out) whose text or
// sender contains query (case-insensitive; "" matches all), oldest first.
func (s *Service) Chat(ctx context.Context, h Highlights, query string) (ChatPage, error) {
	msgs, err := s.st.Messages(ctx, h.Group.ID, h.Week.Start, h.Week.End)
	if err != nil {
		return ChatPage{}, err
	}
	q := strings.ToLower(strings.TrimSpace(query))
	page := ChatPage{Messages: []domain.Message{}}
	for _, m := range msgs {
		if m.Kind == domain.KindSystem {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(m.Content), q) && !strings.Contains(strings.ToLower(m.SenderName), q) {
			continue
		}
		page.Total++
		if len(page.Messages) < ChatLimit {
			page.Messages = append(page.Messages, m)
		}
	}
	return page, nil
}

// AddHighlight puts a message of the group into the library; source is
// staff (picked by a person) or suggested. Adding it twice keeps one entry.
func (s *Service) AddHighlight(ctx context.Context, groupID, messageID int64, source string) (automation.Highlight, domain.Group, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return automation.Highlight{}, g, err
	}
	h, err := s.st.AddHighlight(ctx, groupID, messageID, source, "")
	return h, g, err
}

// RemoveHighlight takes an entry out of the library.
func (s *Service) RemoveHighlight(ctx context.Context, groupID, id int64) error {
	return s.st.RemoveHighlight(ctx, groupID, id)
}
