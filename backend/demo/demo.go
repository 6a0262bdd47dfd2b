// Package demo builds the demo workspace the app opens on first run: three
// groups, one per group type and benchmark profile, with member ledgers and
// twelve weeks of chat shaped so that every screen has something true to show
// (evening peaks, lurkers, check-ins, questions and answer delays, a recruiting
// wave that trips the new-member check, ads, floods and an insult).
//
// Generation is deterministic: the same "now" yields a byte-identical
// workspace, so the CLI's `demo`, the first-run screen and the tests agree.
package demo

import (
	"math/rand/v2"
	"slices"
	"time"

	"qunzhu/backend/domain"
)

// Weeks is how many full ISO weeks of history precede the current week.
const Weeks = 12

// Workspace is the whole demo: three groups with members and chat.
type Workspace struct {
	Groups []GroupData
}

// GroupData is one demo group ready for the store, which assigns the ids
// (GroupID, MemberID, BatchID) and resolves senders to members by WxID.
type GroupData struct {
	Input    domain.GroupInput
	Members  []domain.Member
	Messages []domain.Message
}

// Generate builds the demo ending at now: the Weeks full ISO weeks
// (Asia/Shanghai) before the week containing now, plus the current week up to
// now. It never reads the clock and never lets map order reach the output.
func Generate(now time.Time) Workspace {
	now = now.UTC() // also drops any monotonic reading
	loc := domain.Group{TimeZone: domain.DefaultTimeZone}.Location()
	monday := weekStart(now.In(loc))
	start := monday.AddDate(0, 0, -7*Weeks)

	var ws Workspace
	for _, sp := range specs() {
		b := &builder{
			sp:     sp,
			r:      rand.New(rand.NewPCG(sp.seed, 0x5eed_0f_9c_2024)),
			loc:    loc,
			start:  start,
			monday: monday,
			now:    now,
			used:   map[string]bool{},
		}
		ws.Groups = append(ws.Groups, b.build())
	}
	return ws
}

// weekStart is Monday 00:00 of t's ISO week, in t's location.
func weekStart(t time.Time) time.Time {
	back := (int(t.Weekday()) + 6) % 7
	return time.Date(t.Year(), t.Month(), t.Day()-back, 0, 0, 0, 0, t.Location())
}

// class is how much a member talks; it drives chat weight, tier and how
// likely the member is to leave.
type class int

const (
	classLurker class = iota
	classOccasional
	classRegular
	classCore
	classStaff
	classSpam
)

// person is a member while the group is being built.
type person struct {
	m       domain.Member
	class   class
	weight  float64 // chance to speak, relative to others of the same pool
	staff   bool
	name    string // the name shown in chat (group nickname, else nickname)
	habit   *habit // check-in routine, nil for most
	poolDay int    // last day index the member was in the speaking pool
	spoke   bool   // sent at least one message
}

// present reports whether p is in the group at t (docs/metrics.md presence).
func (p *person) present(t time.Time) bool {
	return p.m.PresentAt(t)
}

// draft is a message before it gets its key.
type draft struct {
	at      time.Time
	p       *person // nil for system messages
	kind    domain.Kind
	content string
	url     string
}

// builder holds one group's state while it is generated.
type builder struct {
	sp     *spec
	r      *rand.Rand
	loc    *time.Location
	start  time.Time // Monday 00:00 local, Weeks weeks before monday
	monday time.Time // Monday 00:00 local of the week containing now
	now    time.Time

	people []*person
	owner  *person
	alias  *person         // the staff alias: staff by name, not by tier
	used   map[string]bool // every nickname, group nickname and remark in use
	drafts []draft
}

func (b *builder) build() GroupData {
	b.populate()
	b.chat()
	b.riskEvents()
	in := b.sp.input
	in.StaffAliases = slices.Clone(in.StaffAliases)
	msgs := b.messages()
	return GroupData{Input: in, Members: b.members(), Messages: msgs}
}

// keep reports whether a message at t from p may exist: never after now or
// outside the sender's membership (the two things a user would catch at
// once), and never from staff while they are away.
func (b *builder) keep(at time.Time, p *person) bool {
	return !at.After(b.now) && (p == nil || p.present(at) && !(p.staff && b.staffAway(at)))
}

// say records a message if it may exist.
func (b *builder) say(at time.Time, p *person, kind domain.Kind, content string) {
	if !b.keep(at, p) {
		return
	}
	url := ""
	if kind == domain.KindText {
		url = firstURL(content)
	}
	b.drafts = append(b.drafts, draft{at: at, p: p, kind: kind, content: content, url: url})
}

func (b *builder) text(at time.Time, p *person, content string) {
	b.say(at, p, domain.KindText, content)
}

// link records a link card: its title as content, its URL apart.
func (b *builder) link(at time.Time, p *person, title, url string) {
	if !b.keep(at, p) {
		return
	}
	b.drafts = append(b.drafts, draft{at: at, p: p, kind: domain.KindLink, content: title, url: url})
}

// staffAway is the weekend of the group's awayWeek, when all staff are at a
// trade fair and nobody answers until Monday morning: the one week whose
// questions go unanswered.
func (b *builder) staffAway(at time.Time) bool {
	if b.sp.awayWeek < 0 {
		return false
	}
	from := b.start.AddDate(0, 0, 7*b.sp.awayWeek+5)
	return !at.Before(from) && at.Before(from.Add(55*time.Hour+30*time.Minute))
}

func (b *builder) system(at time.Time, content string) {
	b.say(at, nil, domain.KindSystem, content)
}

// members returns the ledger; call it after messages, which marks who spoke.
func (b *builder) members() []domain.Member {
	out := make([]domain.Member, len(b.people))
	for i, p := range b.people {
		out[i] = p.m
		if p.spoke { // what an import of this chat would have recorded
			out[i].SeenIDs = []string{p.m.WxID}
			out[i].SeenNames = []string{p.name}
		}
	}
	return out
}

// messages sorts the drafts by time (generation order breaks ties) and keys
// them. Two drafts that would share a key (same second, sender and content)
// are told apart by moving the later one a second on, as a real export's
// clock would have.
func (b *builder) messages() []domain.Message {
	// Sort indices (moving less than sorting drafts); generation order breaks ties.
	order := make([]int32, len(b.drafts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		if c := b.drafts[i].at.Compare(b.drafts[j].at); c != 0 {
			return c
		}
		return int(i - j)
	})
	out := make([]domain.Message, 0, len(b.drafts))
	seen := make(map[string]bool, len(b.drafts))
	moved := false
	for _, i := range order {
		d := b.drafts[i]
		id, name, staff := "", "", false
		if d.p != nil {
			id, name, staff = d.p.m.WxID, d.p.name, d.p.staff
		}
		key := domain.DedupeKey("", d.at, id, name, d.kind, d.content)
		for seen[key] {
			d.at = d.at.Add(time.Second)
			moved = true
			key = domain.DedupeKey("", d.at, id, name, d.kind, d.content)
		}
		if d.at.After(b.now) || (d.p != nil && !d.p.present(d.at)) {
			continue
		}
		seen[key] = true
		if d.p != nil {
			d.p.spoke = true
		}
		out = append(out, domain.Message{
			SenderID:   id,
			SenderName: name,
			Kind:       d.kind,
			SentAt:     d.at.UTC(),
			Content:    d.content,
			URL:        d.url,
			IsLink:     d.kind == domain.KindLink || d.url != "",
			IsStaff:    staff,
			DedupeKey:  key,
		})
	}
	if moved {
		slices.SortStableFunc(out, func(x, y domain.Message) int { return x.SentAt.Compare(y.SentAt) })
	}
	return out
}

// day is one local calendar day of the window.
type day struct {
	i      int
	start  time.Time
	wd     int // 0 = Monday
	week   int // 0 = oldest full week, Weeks = the current week
	pool   picker
	staff  picker
	factor float64
}

// at is the instant h:m:s local on the day.
func (d *day) at(h, m, s int) time.Time {
	return d.start.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second)
}

// picker draws people by weight.
type picker struct {
	ps  []*person
	cum []float64
}

func (pk *picker) add(p *person, w float64) {
	if w <= 0 {
		return
	}
	total := w
	if n := len(pk.cum); n > 0 {
		total += pk.cum[n-1]
	}
	pk.ps = append(pk.ps, p)
	pk.cum = append(pk.cum, total)
}

func (pk *picker) pick(r *rand.Rand) *person {
	n := len(pk.cum)
	if n == 0 {
		return nil
	}
	x := r.Float64() * pk.cum[n-1]
	i, _ := slices.BinarySearch(pk.cum, x)
	if i >= n {
		i = n - 1
	}
	return pk.ps[i]
}

// pickOther draws someone other than not when the pool allows it.
func (pk *picker) pickOther(r *rand.Rand, not *person) *person {
	for range 6 {
		if p := pk.pick(r); p != not {
			return p
		}
	}
	return nil
}

func between(r *rand.Rand, lo, hi float64) float64 { return lo + r.Float64()*(hi-lo) }

func intBetween(r *rand.Rand, lohi [2]int) int { return lohi[0] + r.IntN(lohi[1]-lohi[0]+1) }

func seconds(r *rand.Rand, lo, hi int) time.Duration {
	return time.Duration(lo+r.IntN(hi-lo+1)) * time.Second
}
