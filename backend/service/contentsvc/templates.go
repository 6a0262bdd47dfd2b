package contentsvc

import (
	"context"
	"strings"

	"qunzhu/backend/automation"
	"qunzhu/backend/domain"
	"qunzhu/backend/msg"
)

// Templates is a group's welcome message (with its preview, filled for a
// sample new member today) and its keyword replies, as the Reply assistant
// and `templates` show them.
type Templates struct {
	Group   domain.GroupSummary
	Welcome automation.Welcome
	Preview automation.Filled
	Replies []automation.KeywordReply
}

// values fills placeholders for group g: today's date in the group's zone.
func (s *Service) values(g domain.Group, rulesLink, member, lang string) automation.Values {
	return automation.Values{Member: member, Group: g.Name, RulesLink: rulesLink,
		Date: automation.DateText(s.clock.Now().In(g.Location()), lang)}
}

// preview is the welcome filled for a sample new member.
func (s *Service) preview(g domain.Group, w automation.Welcome, lang string) automation.Filled {
	return automation.Fill(w.Text, s.values(g, w.RulesLink, msg.T(lang, "automation.preview_member", nil), lang))
}

// Templates returns the group's welcome message and keyword replies; the
// first look at a group saves the defaults of its profile and type in lang.
func (s *Service) Templates(ctx context.Context, groupID int64, lang string) (Templates, error) {
	sum, err := s.st.GroupSummary(ctx, groupID)
	if err != nil {
		return Templates{}, err
	}
	w, replies, err := s.st.AutomationTemplates(ctx, groupID, lang)
	if err != nil {
		return Templates{}, err
	}
	return Templates{Group: sum, Welcome: w, Preview: s.preview(sum.Group, w, lang), Replies: replies}, nil
}

// Preview fills a template being edited, for the group, rules link and
// member given ("" member: a sample new member), without saving it.
func (s *Service) Preview(ctx context.Context, groupID int64, text, rulesLink, member, lang string) (automation.Filled, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return automation.Filled{}, err
	}
	if strings.TrimSpace(member) == "" {
		member = msg.T(lang, "automation.preview_member", nil)
	}
	return automation.Fill(text, s.values(g, strings.TrimSpace(rulesLink), strings.TrimSpace(member), lang)), nil
}

// SavedWelcome is the welcome message as saved, with its preview.
type SavedWelcome struct {
	Welcome automation.Welcome
	Preview automation.Filled
}

// SaveWelcome stores an edited welcome message (refused if it changed
// since w.Version was read, or if it uses an unknown placeholder); audited
// as welcome.update.
func (s *Service) SaveWelcome(ctx context.Context, w automation.Welcome, lang string) (SavedWelcome, error) {
	g, err := s.st.Group(ctx, w.GroupID)
	if err != nil {
		return SavedWelcome{}, err
	}
	if w, err = s.st.SaveWelcome(ctx, w, lang); err != nil {
		return SavedWelcome{}, err
	}
	return SavedWelcome{Welcome: w, Preview: s.preview(g, w, lang)}, nil
}

// EditWelcome changes the welcome text and/or the rules link (nil keeps
// what is saved) of a group, at the version just read: the command line
// reads and writes in one go.
func (s *Service) EditWelcome(ctx context.Context, groupID int64, text, rulesLink *string, lang string) (SavedWelcome, error) {
	if text == nil && rulesLink == nil {
		return SavedWelcome{}, domain.Errorf(domain.EINVALID, "automation.nothing_to_change", nil)
	}
	w, _, err := s.st.AutomationTemplates(ctx, groupID, lang)
	if err != nil {
		return SavedWelcome{}, err
	}
	if text != nil {
		w.Text = *text
	}
	if rulesLink != nil {
		w.RulesLink = *rulesLink
	}
	return s.SaveWelcome(ctx, w, lang)
}

// SaveReply adds (ID 0) or edits a keyword reply at the version read;
// audited as keyword_reply.create or .update.
func (s *Service) SaveReply(ctx context.Context, k automation.KeywordReply, lang string) (automation.KeywordReply, error) {
	return s.st.SaveKeywordReply(ctx, k, lang)
}

// EditReply changes the keywords and/or the reply text (nil keeps what is
// saved) of keyword reply id of a group, at the version just read.
func (s *Service) EditReply(ctx context.Context, groupID, id int64, keywords []string, reply *string, lang string) (automation.KeywordReply, error) {
	if keywords == nil && reply == nil {
		return automation.KeywordReply{}, domain.Errorf(domain.EINVALID, "automation.nothing_to_change", nil)
	}
	_, replies, err := s.st.AutomationTemplates(ctx, groupID, lang)
	if err != nil {
		return automation.KeywordReply{}, err
	}
	for _, k := range replies {
		if k.ID != id || id == 0 {
			continue
		}
		if keywords != nil {
			k.Keywords = keywords
		}
		if reply != nil {
			k.Reply = *reply
		}
		return s.st.SaveKeywordReply(ctx, k, lang)
	}
	return automation.KeywordReply{}, domain.Errorf(domain.ENOTFOUND, "automation.reply_not_found", map[string]any{"id": id})
}

// DeleteReply removes a keyword reply; audited as keyword_reply.delete.
func (s *Service) DeleteReply(ctx context.Context, groupID, id int64) error {
	if _, err := s.st.Group(ctx, groupID); err != nil {
		return err
	}
	return s.st.DeleteKeywordReply(ctx, groupID, id)
}

// replyLimit is how many replies the assistant proposes.
const replyLimit = 3

// Ask returns the best keyword replies to a member's question, filled in
// for member ("" leaves {成员} for the operator to write); empty when none
// scores at least automation.MinScore.
func (s *Service) Ask(ctx context.Context, groupID int64, question, member, lang string) ([]automation.Match, error) {
	g, err := s.st.Group(ctx, groupID)
	if err != nil {
		return nil, err
	}
	w, replies, err := s.st.AutomationTemplates(ctx, groupID, lang)
	if err != nil {
		return nil, err
	}
	return automation.MatchReplies(question, replies, s.values(g, w.RulesLink, strings.TrimSpace(member), lang), replyLimit), nil
}
