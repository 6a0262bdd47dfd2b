package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

const samples = "../importer/testdata/"

func openStore(t *testing.T) (*store.Store, domain.Group) {
	t.Helper()
	s := storetest.Open(t)
	g, err := s.CreateGroup(context.Background(), domain.GroupInput{Name: "读书打卡交流群", Type: domain.TypeInterest})
	if err != nil {
		t.Fatal(err)
	}
	return s, g
}

var w10Start = time.Date(2024, 3, 4, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
var w10End = w10Start.AddDate(0, 0, 7)

// presence counts what docs/metrics.md's member figures need for week 2024-W10.
func presence(members []domain.Member) (start, end, joined, left int) {
	for _, m := range members {
		if m.PresentAt(w10Start) {
			start++
		}
		if m.PresentAt(w10End) {
			end++
		}
		if m.JoinedAt != nil && !m.JoinedAt.Before(w10Start) && m.JoinedAt.Before(w10End) {
			joined++
		}
		if m.LeftAt != nil && !m.LeftAt.Before(w10Start) && m.LeftAt.Before(w10End) {
			left++
		}
	}
	return
}

// TestSampleWeekMatchesIndependentFigures imports the public samples the way
// samples/expected/README.md describes and checks the member figures of
// memotrace_group_chat_2024-W10.json: members_start 7, members_end 10,
// new_members 4, left_members 1.
func TestSampleWeekMatchesIndependentFigures(t *testing.T) {
	for _, list := range []string{"member_list_excel_utf8_bom.csv", "member_list_excel_gbk.csv"} {
		t.Run(list, func(t *testing.T) {
			ctx := context.Background()
			s, g := openStore(t)
			sum, err := Members(ctx, s, g.ID, samples+list, Options{})
			if err != nil {
				t.Fatalf("members: %v (%+v)", err, sum.Errors)
			}
			if sum.Imported == 0 || len(sum.Errors) != 0 {
				t.Fatalf("member summary = %+v", sum)
			}
			chat, err := Chat(ctx, s, g.ID, samples+"memotrace_group_chat_utf8.csv", Options{})
			if err != nil {
				t.Fatalf("chat: %v", err)
			}
			if chat.Format != "memotrace" || chat.Imported == 0 || chat.SkippedDuplicates != 0 {
				t.Fatalf("chat summary = %+v", chat)
			}
			members, _ := s.Members(ctx, g.ID)
			st, en, joined, left := presence(members)
			if st != 7 || en != 10 || joined != 4 || left != 1 {
				t.Errorf("members_start %d, members_end %d, new %d, left %d; want 7, 10, 4, 1", st, en, joined, left)
			}
			var zym bool
			for _, m := range members {
				if m.DisplayName() == "wxid_zym123demo" {
					zym = true
				}
			}
			if !zym {
				t.Error("the sender shown only as wxid_zym123demo should be a member of its own")
			}

			// Importing both files again changes nothing.
			again, err := Chat(ctx, s, g.ID, samples+"memotrace_group_chat_utf8.csv", Options{})
			if err != nil || again.Imported != 0 || again.Updated != 0 || again.SkippedDuplicates != chat.Imported {
				t.Errorf("second chat import = %+v, %v", again, err)
			}
			m2, err := Members(ctx, s, g.ID, samples+list, Options{})
			if err != nil || m2.Imported != 0 || m2.Updated != 0 {
				t.Errorf("second member import = %+v, %v", m2, err)
			}
			after, _ := s.Members(ctx, g.ID)
			if len(after) != len(members) {
				t.Errorf("re-importing changed the member count from %d to %d", len(members), len(after))
			}
		})
	}
}

func TestBadRowRefusesTheWholeFile(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	src, err := os.ReadFile(samples + "member_list_excel_utf8_bom.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	// Break the join time of the third data row (line 4).
	lines[3] = strings.Replace(lines[3], "2024/", "2024年13月/", 1)
	bad := filepath.Join(t.TempDir(), "名单.csv")
	if err := os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	sum, err := Members(ctx, s, g.ID, bad, Options{})
	if domain.ErrorCode(err) != domain.EINVALID || len(sum.Errors) != 1 || sum.Errors[0].Line != 4 {
		t.Fatalf("err = %v, errors = %+v; want one bad row at line 4", err, sum.Errors)
	}
	if members, _ := s.Members(ctx, g.ID); len(members) != 0 {
		t.Fatalf("a refused file wrote %d members", len(members))
	}
	batches, _ := s.Batches(ctx, g.ID)
	if len(batches) != 0 {
		t.Fatalf("a refused file left a batch")
	}
	sum, err = Members(ctx, s, g.ID, bad, Options{Partial: true})
	if err != nil || sum.Imported == 0 || len(sum.Errors) != 1 {
		t.Fatalf("--partial: %+v, %v", sum, err)
	}
}

func TestCancelWritesNothing(t *testing.T) {
	s, g := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Chat(ctx, s, g.ID, samples+"memotrace_group_chat_utf8.csv", Options{}); err == nil {
		t.Fatal("a cancelled import must fail")
	}
	if members, _ := s.Members(context.Background(), g.ID); len(members) != 0 {
		t.Fatalf("a cancelled import wrote %d members", len(members))
	}
}

// TestOverlappingExportsOfOneChat: PyWxDump's export of the same chat as the
// MemoTrace sample shares its text messages; each is imported once.
func TestOverlappingExportsOfOneChat(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	if _, err := Chat(ctx, s, g.ID, samples+"memotrace_group_chat_utf8.csv", Options{}); err != nil {
		t.Fatal(err)
	}
	sum, err := Chat(ctx, s, g.ID, samples+"pywxdump_group_chat.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	// All 16 PyWxDump messages are in the MemoTrace export too (the exporter's
	// own, written as "我" there, included).
	if sum.SkippedDuplicates != 16 || sum.Imported != 0 {
		t.Errorf("PyWxDump after MemoTrace: %d new, %d duplicates; want 0 and 16", sum.Imported, sum.SkippedDuplicates)
	}
	members, _ := s.Members(ctx, g.ID)
	for _, m := range members {
		if m.DisplayName() == "我" {
			t.Error("the exporter's own messages (我) created a member instead of resolving to the exporting account")
		}
	}
}

// TestChatSummaryNamesTheEncoding: a hand-typed sheet saved by Excel in GBK
// is reported as such (its one deliberately broken row skipped with
// --partial), a MemoTrace export as UTF-8 with its BOM.
func TestChatSummaryNamesTheEncoding(t *testing.T) {
	ctx := context.Background()
	s, g := openStore(t)
	for file, want := range map[string]string{"chat_csv_handtyped_gbk.csv": "GB18030", "memotrace_group_chat_utf8.csv": "UTF-8 BOM"} {
		sum, err := Chat(ctx, s, g.ID, samples+file, Options{Partial: true})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if sum.Encoding != want {
			t.Errorf("%s: encoding %q, want %q", file, sum.Encoding, want)
		}
	}
}
