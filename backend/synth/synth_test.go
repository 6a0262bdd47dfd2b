package synth

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"qunzhu/backend/domain"
)

// TestSameSeedSameBytes: every file is a function of the seed alone.
func TestSameSeedSameBytes(t *testing.T) {
	a, b, other := New(7), New(7), New(8)
	for i, f := range a.Files() {
		var x, y, z bytes.Buffer
		if err := f.Write(&x); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if err := b.Files()[i].Write(&y); err != nil {
			t.Fatal(err)
		}
		if err := other.Files()[i].Write(&z); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x.Bytes(), y.Bytes()) {
			t.Errorf("%s: two writes of seed 7 differ", f.Name)
		}
		if f.Format != FormatMembers && bytes.Equal(x.Bytes(), z.Bytes()) {
			t.Errorf("%s: seeds 7 and 8 write the same bytes", f.Name)
		}
	}
}

// TestTruthHasEveryCase checks, for several seeds, that the chat holds what
// the package doc promises and keeps the rules the tests rely on.
func TestTruthHasEveryCase(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 42, 1 << 40} {
		c := New(seed)
		if n := len(c.Messages); n < 250 || n > 600 {
			t.Errorf("seed %d: %d messages, want a few hundred", seed, n)
		}
		if len(c.People) != 12 {
			t.Errorf("seed %d: %d people", seed, len(c.People))
		}
		wxids := map[string]bool{}
		for _, p := range c.People {
			wxids[p.WxID] = true
		}
		if len(wxids) != len(c.People) {
			t.Errorf("seed %d: two people share a wxid", seed)
		}
		spoke := map[int]bool{}
		var kinds = map[domain.Kind]int{}
		var lost, joins, leaves, twins int
		for i, m := range c.Messages {
			kinds[m.Kind]++
			if m.At.Before(c.Start) || !m.At.Before(c.End) || m.At.Nanosecond() != 0 {
				t.Errorf("seed %d: message %d at %v", seed, i, m.At)
			}
			if i > 0 {
				prev := c.Messages[i-1]
				if !prev.At.Before(m.At) {
					t.Errorf("seed %d: messages %d and %d are not in time order", seed, i-1, i)
				}
				// Only one sender's burst shares a minute: minute
				// precision never reorders senders or makes a staff
				// message fall in a question's minute.
				if prev.At.Truncate(time.Minute).Equal(m.At.Truncate(time.Minute)) && prev.Sender != m.Sender {
					t.Errorf("seed %d: messages %d and %d of two senders share a minute", seed, i-1, i)
				}
				if m.Kind == domain.KindText && m.Text == "好的" && prev.Text == "好的" && prev.Sender == m.Sender &&
					prev.At.Truncate(time.Minute).Equal(m.At.Truncate(time.Minute)) {
					twins++
				}
			}
			if m.Sender >= 0 {
				spoke[m.Sender] = true
				switch c.People[m.Sender].Key {
				case KeyJoiner:
					if !m.At.After(joinAt) {
						t.Errorf("seed %d: the joiner posts before joining", seed)
					}
				case KeyLeaver:
					if !m.At.Before(leaveAt) {
						t.Errorf("seed %d: the leaver posts after leaving", seed)
					}
				}
			}
			if m.LostURL {
				lost++
			}
			if m.Kind == domain.KindQuote && (m.Quoted >= i || c.Messages[m.Quoted].Sender < 0) {
				t.Errorf("seed %d: quote %d quotes %d", seed, i, m.Quoted)
			}
			if m.Event != nil {
				switch m.Event.Type {
				case Join:
					joins++
				case Leave:
					leaves++
				}
			}
		}
		if len(spoke) != len(c.People) {
			t.Errorf("seed %d: %d of %d people speak", seed, len(spoke), len(c.People))
		}
		if lost != 1 || joins != 1 || leaves != 1 || twins != 1 || kinds[domain.KindQuote] != 1 || kinds[domain.KindVideo] != 1 {
			t.Errorf("seed %d: lost-URL cards %d, joins %d, leaves %d, 好的 twins %d, quotes %d, videos %d; want one each",
				seed, lost, joins, leaves, twins, kinds[domain.KindQuote], kinds[domain.KindVideo])
		}
		for _, k := range []domain.Kind{domain.KindText, domain.KindImage, domain.KindEmoji, domain.KindVoice, domain.KindLink, domain.KindSystem} {
			if kinds[k] == 0 {
				t.Errorf("seed %d: no %s message", seed, k)
			}
		}
		last := c.Messages[len(c.Messages)-1]
		if last.Sender != c.Person(KeyWangBJ) || last.Text != "下期共读什么书？有人知道吗" {
			t.Errorf("seed %d: the chat should end with the unanswered question, ends with %+v", seed, last)
		}
	}
}

func TestListsAndDamagedLines(t *testing.T) {
	c := New(1)
	if got := len(c.Listed()); got != 10 {
		t.Fatalf("%d listed people, want 10", got)
	}
	for _, k := range []string{KeyOnlyID, KeyLeaver} {
		if slices.Contains(c.Listed(), c.Person(k)) {
			t.Errorf("%s should not be listed", k)
		}
	}
	extra, quote := c.DamagedLines()
	if extra < 2 || quote <= extra || quote >= len(c.Listed())+1 {
		t.Errorf("damaged lines %d and %d: the extra field must come first and the quote must leave rows to swallow", extra, quote)
	}
}
