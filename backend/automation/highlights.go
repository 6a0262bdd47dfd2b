package automation

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// ReplyWindow is how long after a message another member's message counts
// as a reply to it.
const ReplyWindow = 30 * time.Minute

// Sources of a highlight.
const (
	SourceStaff     = "staff"     // an operator picked it from the chat
	SourceSuggested = "suggested" // added from the suggestions
)

// Highlight is one message kept in a group's highlights library (精华). It
// keeps a copy of what the message said, so the library survives the import
// that brought the message being undone.
type Highlight struct {
	ID         int64
	GroupID    int64
	MessageID  int64
	Source     string
	SenderName string
	Kind       domain.Kind
	SentAt     time.Time
	Content    string
	AddedAt    time.Time
}

// Suggestion is a message proposed as a highlight: one that drew replies.
type Suggestion struct {
	Message  domain.Message
	Replies  int // messages counted as replies to it
	Repliers int // distinct members among them
}

// SuggestOptions tune SuggestHighlights.
type SuggestOptions struct {
	From, To    time.Time // candidates sent in [From, To); replies may fall after To
	CheckinWord string    // the group's check-in word; "" for none
	// IsQuestion is docs/metrics.md's question test (metrics.IsQuestion; passed
	// in because the store, which metrics' tests use, imports this package).
	// nil: no message is a question.
	IsQuestion func(string) bool
	Limit      int // 0: all candidates with at least MinReplies
	MinReplies int // 0 means 1
}

// SuggestHighlights proposes the messages of [From, To) that drew the most
// replies, most first (ties: more distinct repliers, then the earlier one).
// msgs must be in time order and may run past To so late replies count.
//
// A reply to message m is a message sent by another sender (a different
// member, or a different sender id or name when the sender matches no
// member) within ReplyWindow (30 minutes) after m, m's own instant excluded.
// System messages and check-ins (docs/metrics.md: a text from non-staff with the
// group's check-in word that is not a question) are never replies and never
// candidates: a morning of check-ins is not a conversation. Candidates are messages that say something a digest
// can quote: text, links, quotes, files and mini-programs with at least
// MinQuotable letters or digits.
//
// The chat formats' explicit quote/reply references are not used: the
// importer keeps a quote's reply text and its kind (quote) but not which
// message it quotes (domain.Message has no reference field), so a quote
// counts like any other message inside the window.
func SuggestHighlights(msgs []domain.Message, opt SuggestOptions) []Suggestion {
	minReplies := max(opt.MinReplies, 1)
	counts := func(i int) (int, int) {
		m := msgs[i]
		end := m.SentAt.Add(ReplyWindow)
		replies, who := 0, map[string]bool{}
		for j := i + 1; j < len(msgs) && !msgs[j].SentAt.After(end); j++ {
			r := msgs[j]
			if !r.SentAt.After(m.SentAt) || !r.Kind.Countable() || isCheckin(r, opt) {
				continue
			}
			id := senderKey(r)
			if id == senderKey(m) {
				continue
			}
			replies++
			who[id] = true
		}
		return replies, len(who)
	}
	var out []Suggestion
	for i, m := range msgs {
		if m.SentAt.Before(opt.From) || !m.SentAt.Before(opt.To) || !quotable(m) || isCheckin(m, opt) {
			continue
		}
		n, who := counts(i)
		if n < minReplies {
			continue
		}
		out = append(out, Suggestion{Message: m, Replies: n, Repliers: who})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Replies != b.Replies {
			return a.Replies > b.Replies
		}
		if a.Repliers != b.Repliers {
			return a.Repliers > b.Repliers
		}
		return a.Message.SentAt.Before(b.Message.SentAt)
	})
	if opt.Limit > 0 && len(out) > opt.Limit {
		out = out[:opt.Limit]
	}
	return out
}

// senderKey tells senders apart: the member when known, else the export's
// sender id, else the name.
func senderKey(m domain.Message) string {
	switch {
	case m.MemberID != nil:
		return "m:" + strconv.FormatInt(*m.MemberID, 10)
	case m.SenderID != "":
		return "i:" + m.SenderID
	}
	return "n:" + m.SenderName
}

// MinQuotable is how many letters or digits a message needs to be
// suggested: 记下来了 or 同问 may draw replies in a busy hour, but say
// nothing a digest can quote.
const MinQuotable = 6

// quotable reports whether a message says something a digest can quote.
func quotable(m domain.Message) bool {
	switch m.Kind {
	case domain.KindText, domain.KindLink, domain.KindQuote, domain.KindFile, domain.KindMiniProgram:
		return len([]rune(normalize(m.Content))) >= MinQuotable
	}
	return false
}

// isCheckin is docs/metrics.md's check-in: a text from non-staff that contains
// the check-in word and is not a question.
func isCheckin(m domain.Message, opt SuggestOptions) bool {
	word := opt.CheckinWord
	return word != "" && m.Kind == domain.KindText && !m.IsStaff && strings.Contains(m.Content, word) &&
		(opt.IsQuestion == nil || !opt.IsQuestion(m.Content))
}
