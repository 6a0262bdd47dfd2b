package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
	"qunzhu/backend/service/contentsvc"
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

func (r *run) templates(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	t, err := r.contentService(st).Templates(ctx, g.ID, r.lang)
	if err != nil {
		return err
	}
	w := t.Welcome
	out := templatesJSON{Group: g.Name, Welcome: welcomeJSON{Text: w.Text, RulesLink: w.RulesLink, Preview: t.Preview.Text, Version: w.Version},
		KeywordReplies: make([]keywordReplyJSON, 0, len(t.Replies))}
	for _, k := range t.Replies {
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
	matches, err := r.contentService(st).Ask(ctx, g.ID, question, r.inv.flags["member"], r.lang)
	if err != nil {
		return err
	}
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
	svc := r.contentService(st)
	h, err := svc.Highlights(ctx, g.ID, w.String())
	if err != nil {
		return err
	}
	if r.inv.flags["suggest"] == "true" {
		return r.suggestions(ctx, svc, h)
	}
	if r.inv.flags["text"] == "true" {
		text := contentsvc.Digest(h, r.lang)
		if r.inv.json {
			return r.printJSON(map[string]string{"text": text})
		}
		fmt.Fprint(r.Stdout, text)
		return nil
	}
	return r.printHighlights(h)
}

func (r *run) printHighlights(h contentsvc.Highlights) error {
	loc := h.Group.Location()
	out := make([]highlightJSON, 0, len(h.Library))
	for _, e := range h.Library {
		out = append(out, highlightJSON{ID: e.ID, MessageID: e.MessageID, Source: e.Source, Name: e.SenderName,
			At: e.SentAt.In(loc).Format(time.RFC3339), Content: e.Content})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("automation.no_highlights", map[string]any{"week": h.Week.String()})
		return nil
	}
	rows := [][]string{{msg.T(r.lang, "cli.col_id", nil), msg.T(r.lang, "cli.col_time", nil), msg.T(r.lang, "cli.col_member", nil), msg.T(r.lang, "cli.col_content", nil)}}
	for _, e := range h.Library {
		rows = append(rows, []string{strconv.FormatInt(e.ID, 10), e.SentAt.In(loc).Format("01-02 15:04"), e.SenderName, domain.Excerpt(oneLine(e.Content), 60)})
	}
	return writeTable(r.Stdout, rows)
}

// suggestionLimit is how many suggestions a week lists.
const suggestionLimit = 20

func (r *run) suggestions(ctx context.Context, svc *contentsvc.Service, h contentsvc.Highlights) error {
	list, err := svc.Suggestions(ctx, h, suggestionLimit)
	if err != nil {
		return err
	}
	loc := h.Group.Location()
	out := make([]highlightJSON, 0, len(list))
	for _, s := range list {
		n, who := s.Replies, s.Repliers
		out = append(out, highlightJSON{MessageID: s.Message.ID, Name: s.Message.SenderName, At: s.Message.SentAt.In(loc).Format(time.RFC3339),
			Content: s.Message.Content, Replies: &n, Repliers: &who})
	}
	if r.inv.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		r.say("automation.no_suggestions", map[string]any{"week": h.Week.String()})
		return nil
	}
	rows := [][]string{{msg.T(r.lang, "automation.col_message", nil), msg.T(r.lang, "automation.col_replies", nil), msg.T(r.lang, "cli.col_time", nil),
		msg.T(r.lang, "cli.col_member", nil), msg.T(r.lang, "cli.col_content", nil)}}
	for _, s := range list {
		rows = append(rows, []string{strconv.FormatInt(s.Message.ID, 10), strconv.Itoa(s.Replies), s.Message.SentAt.In(loc).Format("01-02 15:04"),
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
	h, _, err := r.contentService(st).AddHighlight(ctx, g.ID, id, automation.SourceStaff)
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
