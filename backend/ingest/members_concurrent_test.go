package ingest

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
	"qunzhu/backend/store/storetest"
)

// writeMemberList writes rows from..to (1-based, inclusive) of one member
// list of numbered people, as Excel saves a sheet in UTF-8 with a BOM: row i
// is always the same person (微信号 wxid_m…i) with the same fields, so two
// ranges of it overlap exactly where they share numbers.
func writeMemberList(w io.Writer, from, to int) error {
	var sb strings.Builder
	sb.WriteString("\xef\xbb\xbf序号,昵称,群昵称,微信号,备注,手机号,性别,地区,入群时间,入群方式,邀请人,标签\r\n")
	for i := from; i <= to; i++ {
		fmt.Fprintf(&sb, "%d,成员%06d,群友%d,wxid_m%06d,\"备注,%d\",138%08d,女,浙江 杭州,2024/%d/%d %d:%02d,扫描群二维码入群,林知秋,活跃;老学员\r\n",
			i, i, i, i, i, i, i%12+1, i%28+1, i%24, i%60)
		if sb.Len() > 1<<20 {
			if _, err := io.WriteString(w, sb.String()); err != nil {
				return err
			}
			sb.Reset()
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// memberListFile writes rows from..to of the numbered list into dir.
func memberListFile(tb testing.TB, dir string, from, to int) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("名单_%d-%d.csv", from, to))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := writeMemberList(f, from, to); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestConcurrentMemberListsMakeOnePersonEach is issue 21's duplication:
// rows 1–300 and 201–500 of one list imported into one group at the same
// time, by two clients, give one member per 微信号 — 500 — and the two
// summaries add up: 500 imported between them, the 100 shared rows
// imported by one and skipped by the other.
func TestConcurrentMemberListsMakeOnePersonEach(t *testing.T) {
	ctx := context.Background()
	for round := range 3 {
		t.Run(fmt.Sprint("round ", round+1), func(t *testing.T) {
			db := storetest.Path(t)
			var clients [2]*store.Store
			for i := range clients {
				s, err := store.Open(db, store.Options{})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				clients[i] = s
			}
			g, err := clients[0].CreateGroup(ctx, domain.GroupInput{Name: "读书打卡交流群", Type: domain.TypeInterest})
			if err != nil {
				t.Fatal(err)
			}
			files := [2]string{memberListFile(t, t.TempDir(), 1, 300), memberListFile(t, t.TempDir(), 201, 500)}
			var sums [2]Summary
			var errs [2]error
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					sums[i], errs[i] = Members(ctx, clients[i], g.ID, files[i], Options{})
				}()
			}
			close(start)
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("import %d: %v", i+1, err)
				}
				accountedFor(t, sums[i])
				if sums[i].Rows != 300 || sums[i].Updated != 0 {
					t.Errorf("import %d: %+v; want 300 rows, none updated (the shared rows are the same)", i+1, sums[i])
				}
			}
			if got := sums[0].Imported + sums[1].Imported; got != 500 {
				t.Errorf("imported %d + %d = %d between them, want 500", sums[0].Imported, sums[1].Imported, got)
			}
			if got := sums[0].SkippedDuplicates + sums[1].SkippedDuplicates; got != 100 {
				t.Errorf("skipped %d + %d = %d between them, want the 100 shared rows", sums[0].SkippedDuplicates, sums[1].SkippedDuplicates, got)
			}
			members, err := clients[1].Members(ctx, g.ID)
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]int{}
			for _, m := range members {
				ids[m.WeChatID+"|"+m.WxID]++
			}
			if len(members) != 500 || len(ids) != 500 {
				t.Errorf("%d members with %d distinct 微信号, want 500 of each", len(members), len(ids))
			}
		})
	}
}
