package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"qunzhu/backend/domain"
)

// script writes the chat day by day. Every beat of a day (one message, or a
// burst of one sender's messages inside one minute) gets a minute of its own,
// so no two beats share a minute: a text export's HH:MM keeps their order,
// and no staff message ever falls in the minute of a question before it
// (minute precision then changes response delays by under a minute, never
// which message answers). The only messages sharing a minute are a burst's:
// the two identical 好的, an image and its caption, a link card and its note.
type script struct {
	c     *Chat
	rng   *rand.Rand
	day   time.Time    // midnight of the current day
	used  map[int]bool // minutes of the day already taken
	beats []beat
	days  map[int]int // check-in day counter per person
	chapt int         // the chapter read today
}

// beat is one minute's messages: Sender, Kind and Text set; At is the
// minute plus each message's second.
type beat struct {
	minute int // minute of the day
	msgs   []Message
	secs   []int
	task   bool // the owner's daily task (a quote may quote it)
	quote  bool // quotes the day's task
}

func newScript(c *Chat, rng *rand.Rand) *script {
	return &script{c: c, rng: rng, days: map[int]int{}}
}

func (s *script) run() {
	for d := 0; s.c.Start.AddDate(0, 0, d).Before(s.c.End); d++ {
		s.day = s.c.Start.AddDate(0, 0, d)
		s.used = map[int]bool{}
		s.beats = s.beats[:0]
		s.chapt = 3 + d/2
		s.specials(d)
		s.routine(d)
		s.emit()
	}
}

// minuteOf is the minute of the day of a local clock time.
func minuteOf(h, m int) int { return h*60 + m }

// claim takes minute m, or the first free minute after it (before 23:59),
// else the last free one before it, and returns it.
func (s *script) claim(m int) int {
	for k := m; k < minuteOf(23, 59); k++ {
		if !s.used[k] {
			s.used[k] = true
			return k
		}
	}
	for k := m - 1; k >= 0; k-- {
		if !s.used[k] {
			s.used[k] = true
			return k
		}
	}
	panic("synth: a day with no free minute")
}

// between is a random minute in [from, to).
func (s *script) between(from, to int) int { return from + s.rng.IntN(to-from) }

// at is the instant of minute m and second sec today.
func (s *script) at(m, sec int) time.Time {
	return s.day.Add(time.Duration(m)*time.Minute + time.Duration(sec)*time.Second)
}

// put adds a beat of one sender's messages inside minute m, which the
// caller has claimed.
func (s *script) put(m int, msgs ...Message) *beat {
	b := beat{minute: m, msgs: msgs}
	sec := s.rng.IntN(60)
	if len(msgs) > 1 {
		sec = s.rng.IntN(10)
	}
	for range msgs {
		b.secs = append(b.secs, sec)
		sec += 4 + s.rng.IntN(12)
	}
	s.beats = append(s.beats, b)
	return &s.beats[len(s.beats)-1]
}

// fixed adds a message at an exact instant of today (its minute must be free).
func (s *script) fixed(t time.Time, msg Message) {
	m := int(t.Sub(s.day) / time.Minute)
	if s.used[m] {
		panic(fmt.Sprintf("synth: minute %s taken twice", t.Format("15:04")))
	}
	s.used[m] = true
	s.beats = append(s.beats, beat{minute: m, msgs: []Message{msg}, secs: []int{t.Second()}})
}

// present reports whether person i is in the group at minute m today.
func (s *script) present(i, m int) bool {
	t := s.at(m, 59)
	switch s.c.People[i].Key {
	case KeyJoiner:
		return t.After(joinAt)
	case KeyLeaver:
		return t.Before(leaveAt)
	}
	return true
}

// member picks a random non-staff person present at minute m, other than not.
func (s *script) member(m int, not ...int) int {
	var pool []int
	for i, p := range s.c.People {
		if !p.Exporter && !p.Admin() && p.Key != KeyOnlyID && s.present(i, m) && !slices.Contains(not, i) {
			pool = append(pool, i)
		}
	}
	return pool[s.rng.IntN(len(pool))]
}

func (s *script) staff() int {
	if s.rng.IntN(5) < 3 {
		return s.c.Person(KeyAdmin)
	}
	return s.c.Person(KeyOwner)
}

func (s *script) text(sender int, text string) Message {
	return Message{Sender: sender, Kind: domain.KindText, Text: text}
}

func (s *script) media(sender int, kind domain.Kind) Message {
	return Message{Sender: sender, Kind: kind}
}

func (s *script) card(sender int, title, url string) Message {
	return Message{Sender: sender, Kind: domain.KindLink, Text: title, URL: url}
}

func (s *script) system(text string, ev *Event) Message {
	return Message{Sender: -1, Kind: domain.KindSystem, Text: text, Event: ev}
}

// emit turns the day's beats into messages in time order.
func (s *script) emit() {
	slices.SortFunc(s.beats, func(a, b beat) int { return a.minute - b.minute })
	task := -1
	for _, b := range s.beats {
		for k, msg := range b.msgs {
			msg.At = s.at(b.minute, b.secs[k])
			msg.Nonce = s.rng.Uint64()
			msg.MinuteInCSV = s.rng.IntN(3) == 0
			if b.quote {
				msg.Quoted = task
			}
			s.c.Messages = append(s.c.Messages, msg)
			if b.task {
				task = len(s.c.Messages) - 1
			}
		}
	}
}
