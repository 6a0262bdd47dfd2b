package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

func TestProfileImport(t *testing.T) {
	p := os.Getenv("QZ_CSV")
	if p == "" {
		t.Skip()
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g, _ := s.CreateGroup(context.Background(), domain.GroupInput{Name: "b", Type: domain.TypeInterest})
	sum, err := Chat(context.Background(), s, g.ID, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum.Imported)
}
