package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
)

// TestLibraryAddRemove: a plan item kept in the library is there when the
// workspace is read again, under its title as shown; removing it takes it
// out; both are audited.
func TestLibraryAddRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书会", "--tz", "Asia/Shanghai"); code != 0 {
		t.Fatal(errs)
	}
	if code, out, _ := runCLI(t, db, "library"); code != 0 || !strings.Contains(out, "素材库还是空的") {
		t.Errorf("empty library: %d %s", code, out)
	}
	code, out, errs := runCLI(t, db, "--json", "plan", "add", "--group", "读书会", "--at", "2024-03-07T20:30", "--type", "benefit", "--format", "post",
		"--body", "周四抽奖")
	var item planJSON
	if code != 0 || json.Unmarshal([]byte(out), &item) != nil {
		t.Fatalf("plan add: %d %s %s", code, out, errs)
	}
	code, out, errs = runCLI(t, db, "--json", "library", "add", "--id", strconv.FormatInt(item.ID, 10))
	var e libraryJSON
	if code != 0 || json.Unmarshal([]byte(out), &e) != nil || e.ID == 0 || e.Title != item.Title || e.Body != "周四抽奖" {
		t.Fatalf("library add: %d %s %s", code, out, errs)
	}
	read := func() ([]store.LibraryEntry, string) {
		st, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		lib, err := st.Library(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		log, err := st.AuditLog(context.Background(), domain.AuditFilter{Action: "content"})
		if err != nil {
			t.Fatal(err)
		}
		return lib, joinedActions(log)
	}
	if lib, acts := read(); len(lib) != 1 || lib[0].ID != e.ID || lib[0].Type != "benefit" || !strings.Contains(acts, "content.library_add") {
		t.Fatalf("library = %+v, audit %s", lib, acts)
	}
	if code, out, _ := runCLI(t, db, "library"); code != 0 || !strings.Contains(out, "周四抽奖") {
		t.Errorf("library table: %s", out)
	}
	if code, _, errs := runCLI(t, db, "library", "add", "--id", "99999"); code != 1 || !strings.Contains(errs, "99999") {
		t.Errorf("missing item: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, db, "library", "remove", "--id", strconv.FormatInt(e.ID, 10)); code != 0 {
		t.Fatalf("remove: %s", errs)
	}
	if lib, acts := read(); len(lib) != 0 || !strings.Contains(acts, "content.library_delete") {
		t.Errorf("after remove: %+v, audit %s", lib, acts)
	}
	if code, _, _ := runCLI(t, db, "library", "remove", "--id", strconv.FormatInt(e.ID, 10)); code != 1 {
		t.Errorf("removing twice: exit %d", code)
	}
}
