package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest/importtx"
)

// fakeStore opens fakeTx imports: the one place ingest's tests fake the
// database, for what the real store cannot be made to do on demand (a
// write failing half-way through a file). Every other test imports into a
// real workspace.
type fakeStore struct {
	group domain.Group
	tx    *fakeTx
}

func (f *fakeStore) Group(context.Context, int64) (domain.Group, error) { return f.group, nil }

func (f *fakeStore) OpenImport(_ context.Context, batch domain.ImportBatch, _ func()) (importtx.Tx, error) {
	f.tx.batch = batch
	return f.tx, nil
}

// fakeTx counts what it is handed; failAdd makes the failAdd-th
// AddMessages fail, failCommit makes Commit fail.
type fakeTx struct {
	batch      domain.ImportBatch
	failAdd    int
	failCommit bool
	adds       int
	messages   int
	nextID     int64
	created    map[int64]bool
	committed  bool
	rolledBack bool
}

var errDiskFull = errors.New("disk full")

func (t *fakeTx) Members() ([]domain.Member, error) { return nil, nil }
func (t *fakeTx) CreateMember(domain.Member) (int64, error) {
	t.nextID++
	if t.created == nil {
		t.created = map[int64]bool{}
	}
	t.created[t.nextID] = true
	return t.nextID, nil
}
func (t *fakeTx) AddMessages(msgs []domain.Message) error {
	t.adds++
	if t.adds == t.failAdd {
		return errDiskFull
	}
	t.messages += len(msgs)
	return nil
}
func (t *fakeTx) Added() (int, error)                            { return t.messages, nil }
func (t *fakeTx) Recall([]string) error                          { return nil }
func (t *fakeTx) Corroborated() (map[int64]map[int64]int, error) { return nil, nil }
func (t *fakeTx) MergeCreated(int64, int64, bool) error          { return nil }
func (t *fakeTx) MergeExisting(int64, int64) error               { return nil }
func (t *fakeTx) IsCreated(id int64) bool                        { return t.created[id] }
func (t *fakeTx) SetRows(n int)                                  { t.batch.Rows = n }
func (t *fakeTx) SetRowCounts(domain.RowCounts)                  {}
func (t *fakeTx) Commit([]domain.Member, []int) (domain.ImportBatch, error) {
	if t.failCommit {
		t.rolledBack = true
		return domain.ImportBatch{}, errDiskFull
	}
	t.committed = true
	b := t.batch
	b.ID, b.Imported = 7, t.messages
	return b, nil
}
func (t *fakeTx) Rollback() {
	if !t.committed {
		t.rolledBack = true
	}
}

// bigChat writes a MemoTrace export of n text messages from five people,
// enough for ingest to hand the messages over in more than one chunk.
func bigChat(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n")
	for i := 0; i < n; i++ {
		at := int64(1709506692 + 60*i)
		who := i % 5
		fmt.Fprintf(&b, "%d,27,1,0,0,%d,3,第%d条消息,2024-03-04 06:58:12,,成员%d,wxid_member%d\n", 1000+i, at, i, who, who)
	}
	path := filepath.Join(t.TempDir(), "chat.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWriterFailingMidFileImportsNothing: when the database refuses a
// chunk of messages half-way through a file, or refuses the commit, the
// import reports nothing imported (no batch, no counts), never commits,
// and gives the transaction back.
func TestWriterFailingMidFileImportsNothing(t *testing.T) {
	path := bigChat(t, flushEvery+500)
	for _, tc := range []struct {
		name string
		tx   *fakeTx
	}{
		{"second chunk refused", &fakeTx{failAdd: 2}},
		{"first chunk refused", &fakeTx{failAdd: 1}},
		{"commit refused", &fakeTx{failCommit: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &fakeStore{group: domain.Group{ID: 1, Name: "读书打卡交流群", TimeZone: "Asia/Shanghai"}, tx: tc.tx}
			sum, err := Chat(context.Background(), st, 1, path, Options{AnyGroup: true})
			if !errors.Is(err, errDiskFull) {
				t.Fatalf("err = %v, want the writer's error", err)
			}
			if sum.BatchID != 0 || sum.Imported != 0 || sum.Updated != 0 || sum.SkippedDuplicates != 0 {
				t.Errorf("summary after a failed write = %+v, want nothing imported", sum)
			}
			if tc.tx.committed || !tc.tx.rolledBack {
				t.Errorf("committed %v, rolled back %v: want rolled back only", tc.tx.committed, tc.tx.rolledBack)
			}
		})
	}
	// And with a writer that accepts everything the same file imports
	// whole, so the failures above are the writer's, not the file's.
	ok := &fakeTx{}
	sum, err := Chat(context.Background(), &fakeStore{group: domain.Group{ID: 1, Name: "读书打卡交流群", TimeZone: "Asia/Shanghai"}, tx: ok},
		1, path, Options{AnyGroup: true})
	if err != nil || sum.Imported != flushEvery+500 || ok.adds < 2 || !ok.committed {
		t.Fatalf("import through an accepting writer: %+v, %v (chunks %d)", sum, err, ok.adds)
	}
}
