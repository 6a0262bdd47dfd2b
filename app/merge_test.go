package app

import (
	"fmt"
	"strings"
	"testing"
)

// fragmentedApp opens a workspace whose member list holds 小王 three times
// and 阿May twice (two rows of one sheet are two people) and a text export
// in which each record speaks under its own remark on other days.
func fragmentedApp(t *testing.T) (*App, int64) {
	return appWith(t, "合并练习群", "testdata/merge_members.csv", "testdata/merge_chat.txt")
}

func memberWith(t *testing.T, l LedgerDTO, name string) LedgerMemberDTO {
	t.Helper()
	for _, m := range l.Members {
		for _, n := range m.Names {
			if n == name {
				return m
			}
		}
	}
	t.Fatalf("no member known as %q in the ledger", name)
	return LedgerMemberDTO{}
}

// TestMergeCandidatesDTO: the two people held several times are offered,
// each record with the names that tell it apart, when it spoke and how much.
func TestMergeCandidatesDTO(t *testing.T) {
	a, gid := fragmentedApp(t)
	cands, err := a.mbrs.MergeCandidates(gid)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 2 || cands[0].Name != "小王" || len(cands[0].From) != 2 || cands[1].Name != "阿May" || len(cands[1].From) != 1 {
		t.Fatalf("candidates = %+v", cands)
	}
	into := cands[0].Into
	if !strings.Contains(strings.Join(into.Names, " "), "小王-北京") || into.Messages != 3 || into.Version == 0 ||
		into.FirstMessageAt != "2024-03-04T08:10:00+08:00" || into.LastMessageAt != "2024-03-05T20:30:00+08:00" {
		t.Errorf("kept record = %+v", into)
	}
	if f := cands[0].From[1]; f.Messages != 1 || f.LastMessageAt != "2024-03-08T07:30:00+08:00" {
		t.Errorf("third record = %+v", f)
	}
}

// TestMergeFromTheApp: merging one record into another leaves one row fewer
// whose message count and last message hold both, lists the merge in the
// import history with the store's label, and undoing it brings both back; a
// stale kept record and two different people are refused in the user's words.
func TestMergeFromTheApp(t *testing.T) {
	a, gid := fragmentedApp(t)
	l, err := a.mbrs.Ledger(gid, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	bj, sh := memberWith(t, l, "小王-北京"), memberWith(t, l, "小王-上海")
	if len(l.Members) != 7 || bj.Messages != 3 || sh.Messages != 2 {
		t.Fatalf("before: %d members, 北京 %+v, 上海 %+v", len(l.Members), bj, sh)
	}
	before, _ := a.hlth.Group(gid, "2024-W10")

	stale := a.formatError(func() error {
		_, err := a.mbrs.Merge(MergeRequestDTO{GroupID: gid, IntoID: bj.ID, IntoVersion: bj.Version + 1, FromIDs: []int64{sh.ID}})
		return err
	}()).(ErrorDTO)
	if stale.Code != "conflict" || !strings.Contains(stale.Message, "小王") {
		t.Errorf("stale merge reaches the UI as %+v", stale)
	}

	res, err := a.mbrs.Merge(MergeRequestDTO{GroupID: gid, IntoID: bj.ID, IntoVersion: bj.Version, FromIDs: []int64{sh.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if res.IntoID != bj.ID || res.Name != "小王" || res.Label != "小王 → 小王" || res.Merged != 1 || res.BatchID == 0 {
		t.Errorf("result = %+v", res)
	}
	l, _ = a.mbrs.Ledger(gid, "2024-W10")
	kept := memberWith(t, l, "小王-上海")
	if len(l.Members) != 6 || kept.ID != bj.ID || kept.Messages != 5 || kept.LastMessageAt != "2024-03-06T21:00:00+08:00" {
		t.Errorf("after: %d members, kept %+v", len(l.Members), kept)
	}
	after, _ := a.hlth.Group(gid, "2024-W10")
	if b, a := fmt.Sprint(before.Figures["active_members"]), fmt.Sprint(after.Figures["active_members"]); b != "7" || a != "6" {
		t.Errorf("active members %v → %v, want 7 → 6", b, a)
	}

	hist, err := a.imps.History(gid)
	if err != nil {
		t.Fatal(err)
	}
	if hist[0].ID != res.BatchID || hist[0].Kind != "merge" || hist[0].File != "小王 → 小王" || !hist[0].Undoable {
		t.Errorf("history head = %+v", hist[0])
	}
	if err := a.imps.Undo(res.BatchID); err != nil {
		t.Fatal(err)
	}
	l, _ = a.mbrs.Ledger(gid, "2024-W10")
	if len(l.Members) != 7 || memberWith(t, l, "小王-上海").Messages != 2 || memberWith(t, l, "小王-北京").Messages != 3 {
		t.Errorf("after undo: %d members", len(l.Members))
	}

}
