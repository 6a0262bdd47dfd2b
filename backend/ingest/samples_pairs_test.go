package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"qunzhu/backend/importer"
)

// The shared samples of 读书打卡交流群 (2024-03-04..06), one chat in five
// formats, each a different part of it (read off the files):
//   - memotrace and chatlog: all of it, 37 countable messages and 4 system;
//   - pywxdump: the first 14 countable messages and the 2 system lines among them;
//   - wechat-text (forward-as-text): the countable messages but one (wxid_zym123demo's
//     check-in), no system lines;
//   - typed csv: all 37 countable messages, no system lines.
type samplePart struct {
	file                         string
	first14, rest22, zym, system int // how many of each part the file holds
}

var sampleParts = []samplePart{
	{"memotrace_group_chat_utf8.csv", 14, 22, 1, 4},
	{"pywxdump_group_chat.csv", 14, 0, 0, 2},
	{"chatlog_group_chat.json", 14, 22, 1, 4},
	{"wechat_merged_forward_group.txt", 14, 22, 0, 0},
	{"typed_group_chat.csv", 14, 22, 1, 0},
}

func (p samplePart) size() int { return p.first14 + p.rest22 + p.zym + p.system }

// overlap is how many messages two files share; pywxdump's two system lines
// are two of the other full files' four.
func overlap(a, b samplePart) int {
	return min(a.first14, b.first14) + min(a.rest22, b.rest22) + min(a.zym, b.zym) + min(a.system, b.system)
}

// sampleMembers is how many members the list (9 rows) and files a, b give:
// Leo周 and 小满 join by system lines only the full files hold; wxid_zym123demo
// speaks in memotrace, chatlog and the typed sheet; PyWxDump alone cannot tie
// its wxids to the list (names nowhere): 6 more (5 listed speakers and 我).
func sampleMembers(a, b samplePart) int {
	n := 9
	if a.system == 4 || b.system == 4 {
		n += 2
	}
	if a.zym+b.zym > 0 {
		n++
	}
	if a.file == "pywxdump_group_chat.csv" && b.file == a.file {
		n += 6
	}
	return n
}

// TestSamplesOverEachOther imports every ordered pair of the shared samples
// after the member list: the second adds exactly the messages the first did
// not hold, and the ledger ends with one member per person.
func TestSamplesOverEachOther(t *testing.T) {
	ctx := context.Background()
	for _, a := range sampleParts {
		for _, b := range sampleParts {
			t.Run(a.file+"_then_"+b.file, func(t *testing.T) {
				s, g := openStore(t)
				if _, err := Members(ctx, s, g.ID, samples+"member_list_excel_utf8_bom.csv", Options{}); err != nil {
					t.Fatal(err)
				}
				first, err := Chat(ctx, s, g.ID, filepath.Join(samples, a.file), Options{Format: importer.FormatAuto})
				if err != nil || first.Imported != a.size() {
					t.Fatalf("%s: imported %d (%v), want %d", a.file, first.Imported, err, a.size())
				}
				sum, err := Chat(ctx, s, g.ID, filepath.Join(samples, b.file), Options{Format: importer.FormatAuto})
				if err != nil {
					t.Fatal(err)
				}
				if want := b.size() - overlap(a, b); sum.Imported != want || sum.SkippedDuplicates != b.size()-want {
					t.Errorf("%s over %s: %d new, %d duplicates; want %d new", b.file, a.file, sum.Imported, sum.SkippedDuplicates, want)
				}
				members, _ := s.Members(ctx, g.ID)
				if want := sampleMembers(a, b); len(members) != want {
					names := make([]string, len(members))
					for i, m := range members {
						names[i] = m.DisplayName()
					}
					t.Errorf("%d members %v, want %d", len(members), names, want)
				}
			})
		}
	}
}

// TestForwardAsTextResolvesToTheList is the first case: the
// forward-as-text sample's 36 messages come from 7 people on the member
// list, so they resolve to those 7 members and add none; the staff member's
// link is a staff message.
func TestForwardAsTextResolvesToTheList(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	if _, err := Members(ctx, s, g.ID, samples+"member_list_excel_utf8_bom.csv", Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Chat(ctx, s, g.ID, samples+"wechat_merged_forward_group.txt", Options{}); err != nil {
		t.Fatal(err)
	}
	members, _ := s.Members(ctx, g.ID)
	if len(members) != 9 {
		t.Errorf("%d members, want the list's 9", len(members))
	}
	msgs, err := s.Messages(ctx, g.ID, w10Start, w10End)
	if err != nil {
		t.Fatal(err)
	}
	speakers := map[int64]bool{}
	for _, m := range msgs {
		if m.MemberID == nil {
			t.Fatalf("message without a member: %+v", m)
		}
		speakers[*m.MemberID] = true
		if m.IsLink && m.SenderName == "林知秋" && !m.IsStaff {
			t.Errorf("the owner's link post is not a staff message: %+v", m)
		}
	}
	if len(speakers) != 7 {
		t.Errorf("%d speakers, want 7", len(speakers))
	}
}

// TestImportThatMergesIsUndone: PyWxDump's ids cannot be tied to the list;
// the MemoTrace export that follows ties each id to its list member and
// merges the two records. Undoing that import parts them again: the
// ledger and the messages are what PyWxDump left.
func TestImportThatMergesIsUndone(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	if _, err := Members(ctx, s, g.ID, samples+"member_list_excel_utf8_bom.csv", Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Chat(ctx, s, g.ID, samples+"pywxdump_group_chat.csv", Options{}); err != nil {
		t.Fatal(err)
	}
	count := func() (members, messages int) {
		ms, _ := s.Members(ctx, g.ID)
		msgs, _ := s.Messages(ctx, g.ID, w10Start, w10End)
		return len(ms), len(msgs)
	}
	m0, n0 := count()
	sum, err := Chat(ctx, s, g.ID, samples+"memotrace_group_chat_utf8.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m1, n1 := count(); m1 != 12 || n1 != 41 || m0 != 15 || n0 != 16 {
		t.Fatalf("members %d → %d, messages %d → %d; want 15 → 12 and 16 → 41", m0, m1, n0, n1)
	}
	if err := s.UndoBatch(ctx, sum.BatchID); err != nil {
		t.Fatal(err)
	}
	if m2, n2 := count(); m2 != m0 || n2 != n0 {
		t.Errorf("after undo: %d members, %d messages; want %d and %d", m2, n2, m0, n0)
	}
	// And importing it again gives the same ledger as the first time.
	if _, err := Chat(ctx, s, g.ID, samples+"memotrace_group_chat_utf8.csv", Options{}); err != nil {
		t.Fatal(err)
	}
	if m3, n3 := count(); m3 != 12 || n3 != 41 {
		t.Errorf("imported again: %d members, %d messages; want 12 and 41", m3, n3)
	}
}
