package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
	"qunzhu/backend/metrics"
	"qunzhu/backend/msg"
	"qunzhu/backend/store"
)

// templatesJSON is the output of `templates --json`.
type templatesJSON struct {
	Group          string             `json:"group"`
	Welcome        welcomeJSON        `json:"welcome"`
	KeywordReplies []keywordReplyJSON `json:"keyword_replies"`
	Placeholders   []placeholderJSON  `json:"placeholders"`
}

type welcomeJSON struct {
	Text      string `json:"text"`
	RulesLink string `json:"rules_link"`
	Preview   string `json:"preview"` // filled with a sample member, the group's name, the link and today
	Version   int    `json:"version"`
}

type keywordReplyJSON struct {
	ID       int64    `json:"id"`
	Keywords []string `json:"keywords"`
	Reply    string   `json:"reply"`
}

type placeholderJSON struct {
	Key string `json:"key"`
	ZH  string `json:"zh"`
}

// values fills placeholders for group g: today's date in the group's zone.
func (r *run) values(g domain.Group, w automation.Welcome, member string) automation.Values {
	return automation.Values{Member: member, Group: g.Name, RulesLink: w.RulesLink,
		Date: automation.DateText(r.Clock.Now().In(g.Location()), r.lang)}
}

func (r *run) templates(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	w, replies, err := st.AutomationTemplates(ctx, g.ID, r.lang)
	if err != nil {
		return err
	}
	preview := automation.Fill(w.Text, r.values(g, w, msg.T(r.lang, "automation.preview_member", nil)))
	out := templatesJSON{Group: g.Name, Welcome: welcomeJSON{Text: w.Text, RulesLink: w.RulesLink, Preview: preview.Text, Version: w.Version},
		KeywordReplies: make([]keywordReplyJSON, 0, len(replies))}
	for _, k := range replies {
		out.KeywordReplies = append(out.KeywordReplies, keywordReplyJSON{ID: k.ID, Keywords: k.Keywords, Reply: k.Reply})
	}
	for _, p := range automation.Placeholders {
		out.Placeholders = append(out.Placeholders, placeholderJSON{Key: p.Key, ZH: p.ZH})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	fmt.Fprintf(r.Stdout, "%s\n%s\n\n", msg.T(r.lang, "automation.welcome_heading", nil), w.Text)
	if w.RulesLink != "" {
		r.say("automation.rules_link", map[string]any{"link": w.RulesLink})
	} else {
		r.say("automation.no_rules_link", nil)
	}
	fmt.Fprintf(r.Stdout, "\n%s\n", msg.T(r.lang, "automation.replies_heading", nil))
	rows := [][]string{{msg.T(r.lang, "cli.col_id", nil), msg.T(r.lang, "automation.col_keywords", nil), msg.T(r.lang, "automation.col_reply", nil)}}
	for _, k := range out.KeywordReplies {
		rows = append(rows, []string{strconv.FormatInt(k.ID, 10), strings.Join(k.Keywords, "、"), domain.Excerpt(oneLine(k.Reply), 50)})
	}
	return writeTable(r.Stdout, rows)
}

// replyJSON is the output of `reply --json`.
type replyJSON struct {
	Question string      `json:"question"`
	MinScore float64     `json:"min_score"`
	Matches  []matchJSON `json:"matches"` // best first; empty: no good match
}

type matchJSON struct {
	ID       int64    `json:"id"`
	Score    float64  `json:"score"`
	Keywords []string `json:"keywords"` // found whole in the question
	Partial  []string `json:"partial"`  // partly found (character pairs)
	Reply    string   `json:"reply"`    // the template
	Text     string   `json:"text"`     // filled, ready to copy
	Missing  []string `json:"missing"`  // placeholders left unfilled
}

func (r *run) reply(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(r.inv.args[0])
	if question == "" {
		return &usageError{"cli.missing_question", nil}
	}
	w, replies, err := st.AutomationTemplates(ctx, g.ID, r.lang)
	if err != nil {
		return err
	}
	matches := automation.MatchReplies(question, replies, r.values(g, w, r.inv.flags["member"]), 3)
	out := replyJSON{Question: question, MinScore: automation.MinScore, Matches: make([]matchJSON, 0, len(matches))}
	for _, m := range matches {
		out.Matches = append(out.Matches, matchJSON{ID: m.Reply.ID, Score: m.Score, Keywords: nonNil(m.Matched), Partial: nonNil(m.Partial),
			Reply: m.Reply.Reply, Text: m.Filled.Text, Missing: nonNil(m.Filled.Missing)})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out.Matches) == 0 {
		r.say("automation.no_match", map[string]any{"min": automation.MinScore})
		return nil
	}
	for i, m := range out.Matches {
		kws := append(append([]string{}, m.Keywords...), m.Partial...)
		fmt.Fprintf(r.Stdout, "%d. [%s %.1f · %s]\n%s\n", i+1, msg.T(r.lang, "automation.col_score", nil), m.Score, strings.Join(kws, "、"), m.Text)
		if len(m.Missing) > 0 {
			r.say("automation.missing_placeholders", map[string]any{"names": automation.Tokens(m.Missing, r.lang)})
		}
		fmt.Fprintln(r.Stdout)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// highlightJSON is one line of `highlights --json` (the library, or with
// --suggest the suggestions).
type highlightJSON struct {
	ID        int64  `json:"id,omitempty"` // library entries only
	MessageID int64  `json:"message_id"`
	Source    string `json:"source,omitempty"`
	Name      string `json:"name"`
	At        string `json:"at"`
	Content   string `json:"content"`
	Replies   *int   `json:"replies,omitempty"`  // suggestions only
	Repliers  *int   `json:"repliers,omitempty"` // suggestions only
}

func (r *run) highlights(ctx context.Context, st *store.Store) error {
	g, w, err := r.groupWeek(ctx, st)
	if err != nil {
		return err
	}
	loc := g.Location()
	if r.inv.flags["suggest"] == "true" {
		return r.suggestions(ctx, st, g, w)
	}
	list, err := st.Highlights(ctx, g.ID, w.Start, w.End)
	if err != nil {
		return err
	}
	if r.inv.flags["text"] == "true" {
		heading := msg.T(r.lang, "automation.digest_title", map[string]any{"group": g.Name, "week": w.String()})
		text := automation.Digest(heading, list, loc, r.lang)
		if r.inv.json {
			return r.printJSON(map[string]string{"text": text})
		}
		fmt.Fprint(r.Stdout, text)
		return nil
	}
	out := make([]highlightJSON, 0, len(list))
	for _, h := range list {
		out = append(out, highlightJSON{ID: h.ID, MessageID: h.MessageID, Source: h.Source, Name: h.SenderName,
			At: h.SentAt.In(loc).Format(time.RFC3339), Content: h.Content})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("automation.no_highlights", map[string]any{"week": w.String()})
		return nil
	}
	rows := [][]string{{msg.T(r.lang, "cli.col_id", nil), msg.T(r.lang, "cli.col_time", nil), msg.T(r.lang, "cli.col_member", nil), msg.T(r.lang, "cli.col_content", nil)}}
	for _, h := range list {
		rows = append(rows, []string{strconv.FormatInt(h.ID, 10), h.SentAt.In(loc).Format("01-02 15:04"), h.SenderName, domain.Excerpt(oneLine(h.Content), 60)})
	}
	return writeTable(r.Stdout, rows)
}

// suggestionLimit is how many suggestions a week lists.
const suggestionLimit = 20

func (r *run) suggestions(ctx context.Context, st *store.Store, g domain.Group, w metrics.Week) error {
	msgs, err := st.Messages(ctx, g.ID, w.Start, w.End.Add(automation.ReplyWindow))
	if err != nil {
		return err
	}
	list := automation.SuggestHighlights(msgs, automation.SuggestOptions{From: w.Start, To: w.End, CheckinWord: g.CheckinWord, IsQuestion: metrics.IsQuestion, Limit: suggestionLimit})
	out := make([]highlightJSON, 0, len(list))
	for _, s := range list {
		n, who := s.Replies, s.Repliers
		out = append(out, highlightJSON{MessageID: s.Message.ID, Name: s.Message.SenderName, At: s.Message.SentAt.In(g.Location()).Format(time.RFC3339),
			Content: s.Message.Content, Replies: &n, Repliers: &who})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("automation.no_suggestions", map[string]any{"week": w.String()})
		return nil
	}
	rows := [][]string{{msg.T(r.lang, "automation.col_message", nil), msg.T(r.lang, "automation.col_replies", nil), msg.T(r.lang, "cli.col_time", nil),
		msg.T(r.lang, "cli.col_member", nil), msg.T(r.lang, "cli.col_content", nil)}}
	for _, s := range list {
		rows = append(rows, []string{strconv.FormatInt(s.Message.ID, 10), strconv.Itoa(s.Replies), s.Message.SentAt.In(g.Location()).Format("01-02 15:04"),
			s.Message.SenderName, domain.Excerpt(oneLine(s.Message.Content), 60)})
	}
	return writeTable(r.Stdout, rows)
}

func (r *run) highlightAdd(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	v, err := r.inv.required("message")
	if err != nil {
		return err
	}
	id, perr := strconv.ParseInt(v, 10, 64)
	if perr != nil || id <= 0 {
		return &usageError{"cli.bad_flag_value", map[string]any{"flag": "--message", "value": v}}
	}
	h, err := st.AddHighlight(ctx, g.ID, id, automation.SourceStaff, "")
	if err != nil {
		return err
	}
	at := h.SentAt.In(g.Location())
	if r.inv.json {
		return r.printJSON(highlightJSON{ID: h.ID, MessageID: h.MessageID, Source: h.Source, Name: h.SenderName, At: at.Format(time.RFC3339), Content: h.Content})
	}
	r.say("automation.highlight_added", map[string]any{"name": h.SenderName, "time": at.Format("01-02 15:04")})
	return nil
}

// oneLine folds a multi-line text for a table cell.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
