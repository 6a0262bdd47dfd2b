package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// watchedReader hands r out slowly, a little at a time, and counts the
// reads made of it, or still under way, after closed is set.
type watchedReader struct {
	r      io.Reader
	closed atomic.Bool
	busy   atomic.Int64
	late   atomic.Int64
}

func (w *watchedReader) Read(b []byte) (int, error) {
	w.busy.Add(1)
	defer w.busy.Add(-1)
	if w.closed.Load() {
		w.late.Add(1)
	}
	time.Sleep(200 * time.Microsecond)
	return w.r.Read(b[:min(len(b), 512)])
}

// memoTraceFile is a MemoTrace export of n text messages, with every
// damaged-th row's content quoted and never closed (0: none).
func memoTraceFile(n, damaged int) string {
	var sb strings.Builder
	sb.WriteString("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n")
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("第%d条", i)
		if damaged > 0 && i%damaged == damaged-1 {
			text = `"` + text
		}
		sb.WriteString(memoRowCells(i, text) + "\n")
	}
	return sb.String()
}

// The records are split from their lines on a goroutine of their own
// (recordFeed), batches ahead of the messages made of them: they must still
// come in the file's order, every row once as a record or a bad row, over
// many batches.
func TestChatRowsKeepTheFilesOrderAcrossBatches(t *testing.T) {
	const n = 10*feedBatch + 17
	var got []string
	var bad []int
	err := ParseChat(strings.NewReader(memoTraceFile(n, 97)), FormatMemoTrace, ChatOptions{
		OnRecord: func(r ChatRecord) error { got = append(got, r.Content); return nil },
		OnBad:    func(e LineError) { bad = append(bad, e.Line) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got)+len(bad) != n {
		t.Fatalf("%d records and %d bad rows for %d rows", len(got), len(bad), n)
	}
	want := 0
	for _, c := range got {
		for want%97 == 96 {
			want++ // the damaged row
		}
		if c != fmt.Sprintf("第%d条", want) {
			t.Fatalf("record %q where 第%d条 was due", c, want)
		}
		want++
	}
	for i, line := range bad {
		if line != 2+97*i+96 {
			t.Fatalf("bad row %d on line %d, want %d", i, line, 2+97*i+96)
		}
	}
}

// When the caller stops early (a cancelled import, an error of its own),
// ParseChat returns that error and the file is not read after it returns:
// the goroutine reading ahead has ended.
func TestChatRowsStopReadingWhenTheCallerStops(t *testing.T) {
	stop := errors.New("stop")
	r := &watchedReader{r: strings.NewReader(memoTraceFile(50*feedBatch, 0))}
	seen := 0
	err := ParseChat(r, FormatMemoTrace, ChatOptions{OnRecord: func(ChatRecord) error {
		seen++
		if seen == 3*feedBatch+5 {
			return stop
		}
		return nil
	}})
	r.closed.Store(true)
	busy := r.busy.Load()
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the caller's", err)
	}
	time.Sleep(50 * time.Millisecond)
	if n := r.late.Load() + busy; n != 0 {
		t.Fatalf("the file was read %d times after ParseChat returned", n)
	}
}
