package cli

import (
	"context"
	"strings"

	"qunzhu/backend/automation"
	"qunzhu/backend/store"
)

// The template edits the Reply assistant makes, on the command line: the
// welcome message and its rules link, and adding, editing and removing a
// keyword reply. Each goes through the same contentsvc method as the
// window's, so it is checked (placeholders, lengths) and audited the same
// way (welcome.update, keyword_reply.create|update|delete).

// optional returns a flag's value when it was given ("" included: an
// explicit empty value clears a field where that is allowed).
func (r *run) optional(name string) *string {
	if v, ok := r.inv.flags[name]; ok {
		return &v
	}
	return nil
}

// templatesSet changes the group's welcome text (--welcome) and/or its
// rules link (--rules-link; "" clears it).
func (r *run) templatesSet(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	text, link := r.optional("welcome"), r.optional("rules-link")
	if text == nil && link == nil {
		return &usageError{"templates.nothing_to_change", map[string]any{"flags": "--welcome, --rules-link"}}
	}
	w, err := r.contentService(st).EditWelcome(ctx, g.ID, text, link, r.lang)
	if err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(welcomeJSON{Text: w.Welcome.Text, RulesLink: w.Welcome.RulesLink, Preview: w.Preview.Text, Version: w.Welcome.Version})
	}
	r.say("templates.welcome_saved", map[string]any{"group": g.Name, "version": w.Welcome.Version})
	return nil
}

// printReply prints a keyword reply just saved under the message key.
func (r *run) printReply(key string, k automation.KeywordReply) error {
	if r.inv.json {
		return r.printJSON(keywordReplyJSON{ID: k.ID, Keywords: nonNil(k.Keywords), Reply: k.Reply})
	}
	r.say(key, map[string]any{"id": k.ID, "keywords": strings.Join(k.Keywords, "、")})
	return nil
}

// templatesReplyAdd adds a keyword reply, placed last.
func (r *run) templatesReplyAdd(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	kw, err := r.inv.required("keywords")
	if err != nil {
		return err
	}
	reply, err := r.inv.required("reply")
	if err != nil {
		return err
	}
	k, err := r.contentService(st).SaveReply(ctx, automation.KeywordReply{GroupID: g.ID, Keywords: list(kw), Reply: reply}, r.lang)
	if err != nil {
		return err
	}
	return r.printReply("templates.reply_added", k)
}

// templatesReplyEdit changes a keyword reply's keywords and/or its text.
func (r *run) templatesReplyEdit(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	var keywords []string
	if v := r.optional("keywords"); v != nil {
		keywords = list(*v)
		if keywords == nil {
			keywords = []string{} // given but empty: refused by the check, not taken as "keep"
		}
	}
	reply := r.optional("reply")
	if keywords == nil && reply == nil {
		return &usageError{"templates.nothing_to_change", map[string]any{"flags": "--keywords, --reply"}}
	}
	k, err := r.contentService(st).EditReply(ctx, g.ID, id, keywords, reply, r.lang)
	if err != nil {
		return err
	}
	return r.printReply("templates.reply_edited", k)
}

// templatesReplyRemove removes a keyword reply.
func (r *run) templatesReplyRemove(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	if err := r.contentService(st).DeleteReply(ctx, g.ID, id); err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"id": id, "removed": true})
	}
	r.say("templates.reply_removed", map[string]any{"id": id})
	return nil
}

// highlightRemove takes an entry (id from `highlights --json`) out of the
// group's highlights library, as the Highlights screen's remove does;
// audited as highlight.remove.
func (r *run) highlightRemove(ctx context.Context, st *store.Store) error {
	g, err := r.group(ctx, st)
	if err != nil {
		return err
	}
	id, err := r.idFlag()
	if err != nil {
		return err
	}
	if err := r.contentService(st).RemoveHighlight(ctx, g.ID, id); err != nil {
		return err
	}
	if r.inv.json {
		return r.printJSON(map[string]any{"id": id, "removed": true})
	}
	r.say("templates.highlight_removed", map[string]any{"id": id})
	return nil
}
