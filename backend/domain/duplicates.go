package domain

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// The same message from two exports is imported once (docs/metrics.md "Members
// and presence", duplicates). Exports of one chat differ in what they lose:
// ids or names, seconds, media as XML or as a placeholder, the content of
// some link cards. Two messages are the same when they resolve to the same
// member, have the same kind (a quote and a text match), the same content
// (whitespace-trimmed; media content never compares, a placeholder or an
// empty content matches any content of that kind) and their times agree to
// the coarser precision of the two exports. Pairing is one to one, so two
// identical "好的" in one minute match at most two stored ones.

// StoredMessage is a message an earlier import stored, as the duplicate
// matcher sees it.
type StoredMessage struct {
	ID        int64
	MemberID  int64 // 0: no member (a system message without sender)
	Kind      Kind
	SentAt    int64 // Unix seconds
	Precision int64 // seconds the export's time was exact to: 1, or 60 for HH:MM
	Content   string
}

// PrecisionSeconds is how many seconds a message's time is exact to for
// matching: 60 for an export that shows HH:MM, else 1. A sheet row with a
// bare date (a day's precision) is matched to the minute it reads as
// (00:00): a day would have to be bucketed in the group's zone and searched
// a day wide, for a row no export writes.
func PrecisionSeconds(p time.Duration) int64 {
	if s := int64(p / time.Second); s > 1 {
		return min(s, 60)
	}
	return 1
}

// MatchWindow is how far apart in seconds two times can be and still agree
// to the coarsest precision an export has (a minute): a reader of stored
// messages for a range of incoming ones widens it by this much each way.
const MatchWindow = 59

// SameKind reports whether two kinds count as the same for duplicates: equal,
// or a quote and a text (most exports show a quote as its reply text).
func SameKind(a, b Kind) bool {
	if a == b {
		return true
	}
	return (a == KindQuote && b == KindText) || (a == KindText && b == KindQuote)
}

// Textual reports whether every export writes a message of kind k with the
// same words, so its content tells messages apart; media are written as XML,
// a placeholder or a file name and only their kind, sender and time compare.
func Textual(k Kind) bool {
	return k == KindText || k == KindLink || k == KindQuote || k == KindSystem
}

// SameContent reports whether two contents of messages of kind k can be the
// same message: equal once trimmed; or either is empty (the export lost it,
// like MemoTrace's empty link and quote rows) or a bare media placeholder
// such as [图片]; or the kind is not textual.
func SameContent(k Kind, a, b string) bool {
	if !Textual(k) {
		return true
	}
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a == b || a == "" || b == "" || placeholder(a) || placeholder(b)
}

// placeholder reports whether s is a bare placeholder a text export writes
// in place of a message's content, such as [链接] for a link card whose title
// it did not keep.
func placeholder(s string) bool {
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return false
	}
	return placeholderWords[strings.ToLower(s[1:len(s)-1])]
}

var placeholderWords = map[string]bool{
	"图片": true, "照片": true, "视频": true, "语音": true, "表情": true, "动画表情": true, "文件": true,
	"位置": true, "链接": true, "小程序": true, "引用": true, "转账": true, "红包": true, "通话": true,
	"语音通话": true, "视频通话": true, "聊天记录": true, "消息": true,
	"image": true, "photo": true, "video": true, "voice": true, "sticker": true, "file": true,
	"location": true, "link": true, "mini program": true, "quote": true, "transfer": true, "call": true,
}

// SameTime reports whether two instants agree to the coarser of two
// precisions (in seconds): 10:05 from an HH:MM export matches any second of
// that minute.
func SameTime(a, b, precA, precB int64) bool {
	p := max(precA, precB, 1)
	return floorDiv(a, p) == floorDiv(b, p)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// SameMessage reports whether incoming message m and stored message s are
// the same message, member aside (the caller compares members).
func SameMessage(m Message, s StoredMessage) bool {
	return SameKind(m.Kind, s.Kind) && SameTime(m.SentAt.Unix(), s.SentAt, PrecisionSeconds(m.Precision), s.Precision) &&
		SameContent(m.Kind, m.Content, s.Content)
}

// memberKey is the member a message is matched on; 0 for none.
func memberKey(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}

// PairDuplicates pairs incoming messages with stored ones, one to one, and
// returns for each incoming message the index in stored of its pair, or -1.
// A stored message whose id is in used is taken already (by an earlier part
// of the same import); pairs found here are added to used. Each incoming
// message, in order, takes the closest free stored message of the same
// member that is the same message, preferring equal contents over a
// placeholder or lost content, then the nearest time, then the lower id.
func PairDuplicates(in []Message, stored []StoredMessage, used map[int64]int64) []int {
	byMember := map[int64][]int{}
	for i, s := range stored {
		byMember[s.MemberID] = append(byMember[s.MemberID], i)
	}
	for _, list := range byMember {
		slices.SortFunc(list, func(a, b int) int {
			return cmp.Or(cmp.Compare(stored[a].SentAt, stored[b].SentAt), cmp.Compare(stored[a].ID, stored[b].ID))
		})
	}
	out := make([]int, len(in))
	for i, m := range in {
		out[i] = -1
		list := byMember[memberKey(m.MemberID)]
		t := m.SentAt.Unix()
		lo, _ := slices.BinarySearchFunc(list, t-MatchWindow, func(j int, at int64) int { return cmp.Compare(stored[j].SentAt, at) })
		best, bestScore := -1, [3]int64{}
		for _, j := range list[lo:] {
			s := stored[j]
			if s.SentAt > t+MatchWindow {
				break
			}
			if _, taken := used[s.ID]; taken || !SameMessage(m, s) {
				continue
			}
			exact := int64(1)
			if strings.TrimSpace(m.Content) == strings.TrimSpace(s.Content) {
				exact = 0
			}
			d := t - s.SentAt
			if d < 0 {
				d = -d
			}
			score := [3]int64{exact, d, s.ID}
			if best < 0 || cmp.Or(cmp.Compare(score[0], bestScore[0]), cmp.Compare(score[1], bestScore[1]), cmp.Compare(score[2], bestScore[2])) < 0 {
				best, bestScore = j, score
			}
		}
		if best >= 0 {
			out[i] = best
			used[stored[best].ID] = stored[best].SentAt
		}
	}
	return out
}

// Corroborates reports whether message m, which matched no message of its
// own member, is strong evidence that its sender is the member of stored
// message s: the same message by kind, time and a non-empty text content
// that is not a placeholder. Identity is inferred from such matches where an
// export's senders could not be resolved otherwise (ids only against names
// only), never from media or lost contents.
func Corroborates(m Message, s StoredMessage) bool {
	if !Textual(m.Kind) || m.Kind == KindSystem || s.MemberID == 0 {
		return false
	}
	a, b := strings.TrimSpace(m.Content), strings.TrimSpace(s.Content)
	return a != "" && a == b && !placeholder(a) && SameKind(m.Kind, s.Kind) &&
		SameTime(m.SentAt.Unix(), s.SentAt, PrecisionSeconds(m.Precision), s.Precision)
}
