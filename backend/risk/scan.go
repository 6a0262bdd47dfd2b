package risk

import (
	"sort"
	"strings"
	"time"

	"qunzhu/backend/domain"
)

// Hit is one thing the scanner found: a message that matches a set, or for
// a burst the message that made it one (its evidence lists the others).
type Hit struct {
	// Key identifies the hit across scans (the set and the message's
	// dedupe key), so a hit is reviewed once and opens at most one incident.
	Key       string    `json:"key"`
	Set       string    `json:"set"`
	Category  Category  `json:"category"`
	Level     int       `json:"level"`
	MessageID int64     `json:"message_id"`
	MemberID  *int64    `json:"member_id"`
	Sender    string    `json:"sender"`
	At        time.Time `json:"at"`
	Content   string    `json:"content"`
	// Match is the matched text; numbers are masked.
	Match string `json:"match"`
	// Evidence lists the messages behind the hit (a burst's complaints).
	Evidence []int64 `json:"evidence"`
	// Members counts a burst's distinct members.
	Members int `json:"members,omitempty"`
	// First is the first evidence message's time (a burst's first
	// complaint): when the event happened, which an incident is timed from.
	First time.Time `json:"first"`
}

// Input is what one scan reads: a group, its members (for staff) and its
// messages in time order.
type Input struct {
	Group    domain.Group
	Members  []domain.Member
	Messages []domain.Message
}

// BurstWindow is the burst detector's window.
const BurstWindow = time.Hour

// Scanner matches messages against a group's effective pattern sets.
type Scanner struct {
	sets     map[string]Set
	matchers []matcher // word sets other than coupon_link
	coupon   *matcher
	opinion  []matcher
}

// NewScanner prepares sets (usually Merge's result) for scanning.
func NewScanner(sets []Set) *Scanner {
	s := &Scanner{sets: map[string]Set{}}
	for _, set := range sets {
		if !set.Enabled {
			continue
		}
		s.sets[set.Key] = set
		switch set.Key {
		case SetCouponLink:
			m := newMatcher(set)
			s.coupon = &m
		case SetFraud, SetLure, SetOpinion, SetEscalation:
			s.matchers = append(s.matchers, newMatcher(set))
		}
	}
	// The burst counts complaint words whether or not their own sets report.
	for _, set := range sets {
		if set.Key == SetOpinion || set.Key == SetEscalation {
			s.opinion = append(s.opinion, newMatcher(set))
		}
	}
	return s
}

// Scan returns the hits in in.Messages, in time order (a burst's hit right
// after the message that completed it). Staff messages raise no hit: staff
// post deal links and talk about refunds as their job.
func (s *Scanner) Scan(in Input) []Hit {
	st := newStaff(in.Group, in.Members)
	out := []Hit{}
	burst, burstOn := s.sets[SetBurst]
	var window []complaint // complaints in the last BurstWindow
	var burstUntil time.Time
	burstAt, burstWho, burstWords := 0, map[string]bool(nil), map[string]bool(nil)
	for i := range in.Messages {
		m := &in.Messages[i]
		if m.Kind == domain.KindSystem || st.is(m) {
			continue
		}
		text, own := m.Content, ownText(m.Kind, m.Content)
		if m.URL != "" && !strings.Contains(text, m.URL) {
			text += " " + m.URL
			own += " " + m.URL
		}
		lower := asciiLower(own)
		rd := readMessage(lower, in.Group.Profile)
		var invite []string
		fraudAt := -1
		for j := range s.matchers {
			mt := &s.matchers[j]
			words := rd.keep(mt.set.Key, mt.match(lower))
			if len(words) == 0 {
				continue
			}
			switch mt.set.Key {
			case SetLure:
				invite = words
			case SetFraud:
				fraudAt = len(out)
			}
			out = append(out, hitOf(mt.set, m, strings.Join(words, "、")))
		}
		// An invitation, link or QR code that asks for money or promises
		// easy money is the fraud itself, in every profile: it is reported
		// as the fraud set's.
		if fraud, ok := s.sets[SetFraud]; ok && fraudAt < 0 && len(rd.lure) > 0 && !rd.warning && (len(invite) > 0 || rd.pays && leadsOut(lower)) {
			out = append(out, hitOf(fraud, m, strings.Join(append(invite, rd.lure...), "、")))
		}
		if s.coupon != nil && (domain.IsLinkPost(m.Kind, m.Content) || m.IsLink || isTaoToken(text)) {
			if words := s.coupon.match(asciiLower(text)); len(words) > 0 {
				out = append(out, hitOf(s.coupon.set, m, strings.Join(words, "、")))
			}
		}
		if set, ok := s.sets[SetPhone]; ok {
			if nums := append(domain.Phones(text), domain.MaskedPhones(text)...); len(nums) > 0 {
				out = append(out, hitOf(set, m, maskAll(nums)))
			}
		}
		if set, ok := s.sets[SetIDCard]; ok {
			if nums := append(domain.IDCards(text), domain.MaskedIDCards(text)...); len(nums) > 0 {
				out = append(out, hitOf(set, m, maskAll(nums)))
			}
		}
		if !burstOn {
			continue
		}
		var words []string
		for j := range s.opinion {
			words = append(words, rd.keep(s.opinion[j].set.Key, s.opinion[j].match(lower))...)
		}
		if len(words) == 0 {
			continue
		}
		window = append(window, complaint{msg: m, who: senderOf(m), words: words})
		cut := 0
		for cut < len(window) && m.SentAt.Sub(window[cut].msg.SentAt) > BurstWindow {
			cut++
		}
		window = window[cut:]
		if m.SentAt.Before(burstUntil) {
			// A complaint within the burst's hour joins it as evidence.
			joinBurst(&out[burstAt], complaint{msg: m, who: senderOf(m), words: words}, burstWho, burstWords)
			window = window[:0]
			continue
		}
		if h, ok := burstHit(burst, window); ok {
			out = append(out, h)
			burstAt = len(out) - 1
			burstWho, burstWords = map[string]bool{}, map[string]bool{}
			for _, c := range window {
				burstWho[c.who] = true
				for _, w := range c.words {
					burstWords[w] = true
				}
			}
			// One burst is one hit: the next can start once this window has passed.
			burstUntil = window[0].msg.SentAt.Add(BurstWindow)
			window = nil
		}
	}
	return out
}

type complaint struct {
	msg   *domain.Message
	who   string
	words []string
}

func burstHit(set Set, window []complaint) (Hit, bool) {
	who := map[string]bool{}
	for _, c := range window {
		who[c.who] = true
	}
	if len(who) < set.Threshold {
		return Hit{}, false
	}
	first, last := window[0].msg, window[len(window)-1].msg
	h := hitOf(set, last, "")
	h.Key = set.Key + ":" + keyOf(first)
	h.First = first.SentAt
	h.Members = len(who)
	var words []string
	seen := map[string]bool{}
	h.Evidence = h.Evidence[:0]
	for _, c := range window {
		h.Evidence = append(h.Evidence, c.msg.ID)
		for _, w := range c.words {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	sort.Strings(words)
	h.Match = strings.Join(words, "、")
	return h, true
}

// joinBurst adds a later complaint of the same hour to burst hit h; who
// and words are the burst's members and words so far.
func joinBurst(h *Hit, c complaint, who, words map[string]bool) {
	h.Evidence = append(h.Evidence, c.msg.ID)
	if !who[c.who] {
		who[c.who] = true
		h.Members++
	}
	grew := false
	for _, w := range c.words {
		if !words[w] {
			words[w] = true
			grew = true
		}
	}
	if grew {
		list := make([]string, 0, len(words))
		for w := range words {
			list = append(list, w)
		}
		sort.Strings(list)
		h.Match = strings.Join(list, "、")
	}
}

func hitOf(set Set, m *domain.Message, match string) Hit {
	return Hit{Key: set.Key + ":" + keyOf(m), Set: set.Key, Category: set.Category, Level: set.Level,
		MessageID: m.ID, MemberID: m.MemberID, Sender: m.SenderName, At: m.SentAt, First: m.SentAt, Content: m.Content,
		Match: match, Evidence: []int64{m.ID}}
}

// keyOf names a message across re-imports: its dedupe key, else its id.
func keyOf(m *domain.Message) string {
	if m.DedupeKey != "" {
		return m.DedupeKey
	}
	return "m" + itoa(m.ID)
}

func senderOf(m *domain.Message) string {
	switch {
	case m.MemberID != nil:
		return "m" + itoa(*m.MemberID)
	case m.SenderID != "":
		return "i" + m.SenderID
	}
	return "n" + m.SenderName
}

func maskAll(nums []string) string {
	out := make([]string, len(nums))
	for i, n := range nums {
		out[i] = domain.Mask(n)
	}
	return strings.Join(out, "、")
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// staff decides who is staff, like the metrics do: admins, the exporting
// account, the group's staff aliases, and messages marked staff at import.
type staff struct {
	aliases map[string]bool
	members map[int64]bool
}

func newStaff(g domain.Group, members []domain.Member) staff {
	s := staff{aliases: map[string]bool{}, members: map[int64]bool{}}
	for _, a := range g.StaffAliases {
		if a = strings.TrimSpace(a); a != "" {
			s.aliases[a] = true
		}
	}
	for i := range members {
		m := &members[i]
		if m.Tier == domain.TierAdmin {
			s.members[m.ID] = true
			continue
		}
		names := append([]string{m.Nickname, m.GroupNickname, m.Remark, m.WxID, m.WeChatID}, m.SeenNames...)
		names = append(names, m.SeenIDs...)
		for _, n := range names {
			if n == domain.SelfID || s.aliases[n] {
				s.members[m.ID] = true
				break
			}
		}
	}
	return s
}

func (s staff) is(m *domain.Message) bool {
	if m.IsStaff || s.aliases[m.SenderID] || s.aliases[m.SenderName] {
		return true
	}
	return m.MemberID != nil && s.members[*m.MemberID]
}

func containsWord(list, w string) bool {
	for _, x := range splitList(list) {
		if x == w {
			return true
		}
	}
	return false
}

// splitList splits a hit's match back into its words.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "、")
}
