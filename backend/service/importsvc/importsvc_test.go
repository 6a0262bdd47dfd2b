package importsvc_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/risk"
	"qunzhu/backend/service/importsvc"
	"qunzhu/backend/service/risksvc"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

var _ importsvc.Store = (*store.Store)(nil)

const samples = "../../importer/testdata/"

var clock = domain.FixedClock(time.Date(2024, 3, 12, 9, 0, 0, 0, time.UTC))

func workspace(t *testing.T, name string) (*store.Store, domain.Group) {
	t.Helper()
	st := storetest.OpenAt(t, clock)
	g, err := st.CreateGroup(context.Background(), domain.GroupInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return st, g
}

func messages(t *testing.T, st *store.Store, g domain.Group) int {
	t.Helper()
	msgs, err := st.Messages(context.Background(), g.ID, time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return len(msgs)
}

// failingSets is the real workspace whose risk sets cannot be read: the
// sweep after an import fails there, and only there.
type failingSets struct{ *store.Store }

func (failingSets) RiskSets(context.Context, int64) ([]risk.Set, error) {
	return nil, errors.New("disk I/O error")
}

// TestImportThenHistoryAndUndo: a chat import is listed as the group's
// undoable batch, and undoing it takes its messages away.
func TestImportThenHistoryAndUndo(t *testing.T) {
	st, g := workspace(t, "读书打卡交流群")
	ctx := context.Background()
	svc := importsvc.New(st, clock, risksvc.New(st, clock))
	res, err := svc.Import(ctx, importsvc.Request{GroupID: g.ID, Kind: domain.BatchChat, Path: samples + "memotrace_group_chat_utf8.csv"})
	if err != nil || res.Imported == 0 || len(res.Warnings) != 0 || res.Group.ID != g.ID || len(res.Span.Weeks) == 0 {
		t.Fatalf("import %+v, %v", res, err)
	}
	if messages(t, st, g) != res.Imported {
		t.Errorf("%d messages stored, %d imported", messages(t, st, g), res.Imported)
	}
	list, err := svc.History(ctx, 0)
	if err != nil || len(list) != 1 || list[0].ID != res.BatchID || !list[0].Undoable || list[0].Group.Name != g.Name {
		t.Fatalf("history %+v, %v", list, err)
	}
	if err := svc.Undo(ctx, res.BatchID); err != nil {
		t.Fatal(err)
	}
	if n := messages(t, st, g); n != 0 {
		t.Errorf("%d messages after undo", n)
	}
	if list, _ := svc.History(ctx, g.ID); len(list) != 0 {
		t.Errorf("history after undo %+v", list)
	}
}

// TestFailedSweepLeavesTheImportDone: the one error policy of the sweep
// after an import: the import is committed and reported done, the sweep's
// failure a warning beside it, worded in both languages.
func TestFailedSweepLeavesTheImportDone(t *testing.T) {
	st, g := workspace(t, "读书打卡交流群")
	ctx := context.Background()
	svc := importsvc.New(st, clock, risksvc.New(failingSets{st}, clock))
	res, err := svc.Import(ctx, importsvc.Request{GroupID: g.ID, Kind: domain.BatchChat, Path: samples + "memotrace_group_chat_utf8.csv"})
	if err != nil {
		t.Fatalf("a failed sweep failed the import: %v", err)
	}
	if res.BatchID == 0 || messages(t, st, g) != res.Imported || res.Imported == 0 {
		t.Errorf("the import did not commit: %+v", res)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Key != risksvc.KeySweepFailed {
		t.Fatalf("warnings %+v", res.Warnings)
	}
	if zh := res.Warnings[0].Text("zh"); !strings.Contains(zh, "导入已完成") || !strings.Contains(zh, "disk I/O error") {
		t.Errorf("zh warning %q", zh)
	}
	if en := res.Warnings[0].Text("en"); !strings.Contains(en, "The import is done") {
		t.Errorf("en warning %q", en)
	}
	// The same export again adds and changes nothing: there is nothing new
	// to sweep, so no sweep runs, and no warning of one.
	again, err := svc.Import(ctx, importsvc.Request{GroupID: g.ID, Kind: domain.BatchChat, Path: samples + "memotrace_group_chat_utf8.csv"})
	if err != nil || again.Imported != 0 || again.Updated != 0 || again.SkippedDuplicates == 0 {
		t.Fatalf("the same file again: %+v, %v", again.Summary, err)
	}
	if len(again.Warnings) != 0 {
		t.Errorf("a re-import that brought nothing swept: %+v", again.Warnings)
	}
	// A member list is not swept: no warning.
	res, err = svc.Import(ctx, importsvc.Request{GroupID: g.ID, Kind: domain.BatchMembers, Path: samples + "member_list_excel_utf8_bom.csv"})
	if err != nil || len(res.Warnings) != 0 {
		t.Errorf("members: %+v, %v", res.Warnings, err)
	}
}

// TestCancelledImportWritesNothing: an import cancelled before it commits
// says so and leaves the workspace as it was.
func TestCancelledImportWritesNothing(t *testing.T) {
	st, g := workspace(t, "读书打卡交流群")
	svc := importsvc.New(st, clock, risksvc.New(st, clock))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := svc.Import(ctx, importsvc.Request{GroupID: g.ID, Kind: domain.BatchChat, Path: samples + "memotrace_group_chat_utf8.csv"})
	if err == nil || !res.Cancelled {
		t.Fatalf("cancelled import: %+v, %v", res, err)
	}
	if n := messages(t, st, g); n != 0 {
		t.Errorf("%d messages after a cancelled import", n)
	}
	done := make(chan error, 1)
	id, err := svc.Start(context.Background(), "", importsvc.Request{GroupID: g.ID, Kind: domain.BatchChat,
		Path: samples + "memotrace_group_chat_utf8.csv"}, func(_ importsvc.Result, err error) { done <- err })
	if err != nil || id == "" {
		t.Fatalf("start %q, %v", id, err)
	}
	if err := <-done; err != nil {
		t.Errorf("background import: %v", err)
	}
	if _, err := svc.Import(context.Background(), importsvc.Request{GroupID: g.ID, Kind: "photos"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("unknown kind: %v", err)
	}
}

// TestPreviewChecksTheFilesGroup: a chat export titled with another
// group's name is named in the preview, and refused by the import unless
// the operator confirmed.
func TestPreviewChecksTheFilesGroup(t *testing.T) {
	st, g := workspace(t, "考研英语 1 群")
	ctx := context.Background()
	svc := importsvc.New(st, clock, risksvc.New(st, clock))
	req := importsvc.Request{GroupID: g.ID, Kind: domain.BatchChat, Path: samples + "wechat_merged_forward_group.txt"}
	p, err := svc.Preview(ctx, req)
	if err != nil || p.FileGroup != "读书打卡交流群" || !p.WallClock || len(p.Rows) == 0 {
		t.Fatalf("preview %+v, %v", p, err)
	}
	var de *domain.Error
	if _, err := svc.Import(ctx, req); !errors.As(err, &de) || de.Key != ingest.KeyOtherGroup {
		t.Errorf("another group's chat imported: %v", err)
	}
	req.AnyGroup = true
	if res, err := svc.Import(ctx, req); err != nil || res.Imported == 0 {
		t.Errorf("confirmed: %+v, %v", res, err)
	}
}

func TestWriteErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.csv")
	if err := importsvc.WriteErrors(path, "en", []importsvc.RowError{{Line: 3, Reason: "=cmd bad date"}}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); !strings.HasPrefix(got, "\ufeff") || !strings.Contains(got, "3,'=cmd bad date") {
		t.Errorf("csv %q", got)
	}
}

// TestLiveImportRecordsOnlyWhatIsNew: a live poll's import is recorded
// when it brings new messages and leaves no batch when it brings none; its
// sweep covers the file's span and returns the incidents it opened.
func TestLiveImportRecordsOnlyWhatIsNew(t *testing.T) {
	st, g := workspace(t, "读书打卡交流群")
	ctx := context.Background()
	svc := importsvc.New(st, clock, risksvc.New(st, clock))
	req := importsvc.Request{GroupID: g.ID, Kind: domain.BatchChat, Path: samples + "memotrace_group_chat_utf8.csv", Live: true}
	first, err := svc.Import(ctx, req)
	if err != nil || first.BatchID == 0 || first.Imported == 0 {
		t.Fatalf("first live import %+v, %v", first.Summary, err)
	}
	n := messages(t, st, g)
	again, err := svc.Import(ctx, req)
	if err != nil || again.BatchID != 0 || again.Imported != 0 || again.SkippedDuplicates == 0 {
		t.Fatalf("the same file again %+v, %v", again.Summary, err)
	}
	batches, err := st.Batches(ctx, g.ID)
	if err != nil || len(batches) != 1 || messages(t, st, g) != n {
		t.Errorf("after a poll with nothing new: %d batches, %d messages (want 1, %d), %v", len(batches), messages(t, st, g), n, err)
	}
	if len(again.Incidents) != 0 || len(again.Hits) != 0 {
		t.Errorf("nothing new was scanned: %+v", again)
	}
}
