package app

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/ingest"
	"qunzhu/backend/store"
)

// TestExportedMembersCSVNeutralisesFormulas imports a member list whose
// nicknames and tags are spreadsheet formulas and exports the ledger as
// CSV: every such cell must start with an apostrophe, so Excel or WPS shows
// it as text instead of running it.
func TestExportedMembersCSVNeutralisesFormulas(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "q.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g, err := st.CreateGroup(ctx, domain.GroupInput{Name: "读书会"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Members(ctx, st, g.ID, "testdata/hostile_members.csv", ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	a := New(Config{Store: st})
	l, _, err := a.mbrs.load(ctx, g.ID, "2024-W10")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ledger.csv")
	if err := a.mbrs.exportTo(path, l, "csv", nil); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 6 {
		t.Fatalf("exported %d rows, want a header and 5 members", len(recs))
	}
	names := map[string]bool{}
	for _, r := range recs[1:] {
		for _, cell := range r {
			if c := strings.TrimLeft(cell, " "); c != "" && strings.ContainsAny(c[:1], "=+-@") {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
		names[r[0]] = true
	}
	for _, want := range []string{`'=HYPERLINK("http://evil.example/","点我")`, "'@SUM(1+1)", "'-2+3", "'=1+1", "<img src=x onerror=alert(1)>"} {
		if !names[want] {
			t.Errorf("no exported name %q (got %v)", want, names)
		}
	}
}
