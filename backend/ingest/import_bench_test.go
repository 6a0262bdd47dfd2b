package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/importer"
	"qunzhu/backend/store"
)

// BenchmarkImportChat is a 200,000-message MemoTrace export of 500 members
// imported into an empty group (first) and again (again: every message a
// duplicate), through the whole ingest path on SQLite: what make bench's
// table measures as a process, here per step for profiling.
func BenchmarkImportChat(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "chat.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := importer.GenerateMemoTrace(f, 200_000, 500, 1); err != nil {
		b.Fatal(err)
	}
	f.Close()
	ctx := context.Background()
	for _, again := range []bool{false, true} {
		name := map[bool]string{false: "first", true: "again"}[again]
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := store.Open(filepath.Join(b.TempDir(), "q.db"), store.Options{})
				if err != nil {
					b.Fatal(err)
				}
				g, err := s.CreateGroup(ctx, domain.GroupInput{Name: "读书群", Type: domain.TypeInterest})
				if err != nil {
					b.Fatal(err)
				}
				if again {
					if _, err := Chat(ctx, s, g.ID, path, Options{}); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				sum, err := Chat(ctx, s, g.ID, path, Options{})
				b.StopTimer()
				if err != nil || (again && sum.Imported != 0) || (!again && sum.Imported != 200_000) {
					b.Fatalf("%+v %v", sum, err)
				}
				s.Close()
			}
		})
	}
}
