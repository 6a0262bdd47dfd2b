package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qunzhu/backend/domain"
	"qunzhu/backend/store"
	"qunzhu/backend/store/pgtest"
)

// importHeldElsewhere is a workspace with the group 读书群 and another
// client's import into it begun and holding the lock (rolled back at the
// end unless committed).
func importHeldElsewhere(t *testing.T) (string, *store.ImportTx) {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书群"); code != 0 {
		t.Fatal(errs)
	}
	other, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	g, err := other.GroupByName(ctx, "读书群")
	if err != nil {
		t.Fatal(err)
	}
	holder, err := other.BeginImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers, File: "别人的名单.csv"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.Rollback() })
	return db, holder
}

// TestImportSaysWhenItWaits: `import members` started while another
// client's import into the group holds the lock prints, on stderr, that it
// waits for it, then imports once the other commits — instead of failing
// with "database is locked" — while a command that only reads runs at once.
func TestImportSaysWhenItWaits(t *testing.T) {
	db, holder := importHeldElsewhere(t)
	// A command that only reads does not wait for the import at all (a
	// workspace without messages used to open with a write, which did).
	start := domain.SystemClock{}.Now()
	if code, _, errs := runCLI(t, db, "group", "list"); code != 0 || time.Since(start) > 2*time.Second {
		t.Fatalf("group list during an import: exit %d after %v, %s", code, time.Since(start), errs)
	}
	committed := make(chan error, 1)
	go func() {
		time.Sleep(2500 * time.Millisecond) // longer than one try at SQLite's lock
		_, err := holder.Commit(nil, nil)
		committed <- err
	}()
	code, out, errs := runCLI(t, db, "import", "members", "--group", "读书群", samples+"member_list_excel_utf8_bom.csv")
	if err := <-committed; err != nil {
		t.Fatal(err)
	}
	if code != 0 || !strings.Contains(errs, "另一个导入正在进行，完成后继续…") || strings.Count(errs, "另一个导入") != 1 {
		t.Errorf("exit %d, stderr %q; want one line saying it waits for the other import", code, errs)
	}
	if strings.Contains(errs+out, "locked") {
		t.Errorf("the import reported a lock: %s %s", out, errs)
	}
}

// TestChangeSaysWhenItWaits: a change that is not an import (`group add`,
// `audit operator`) made while another client's import holds the lock says
// once that it waits and goes through after the import commits.
func TestChangeSaysWhenItWaits(t *testing.T) {
	if pgtest.Enabled() {
		// A server has no one write lock: a setting goes through during an
		// import; a change to the importing group waits (the store's
		// TestOtherWritersWaitForAnImport).
		t.Skip("on PostgreSQL a setting does not wait for an import")
	}
	db, holder := importHeldElsewhere(t)
	committed := make(chan error, 1)
	go func() {
		time.Sleep(2500 * time.Millisecond)
		_, err := holder.Commit(nil, nil)
		committed <- err
	}()
	code, _, errs := runCLI(t, db, "audit", "operator", "--name", "小李")
	if err := <-committed; err != nil {
		t.Fatal(err)
	}
	if code != 0 || strings.Count(errs, "另一个导入正在进行，完成后继续…") != 1 || strings.Contains(errs, "locked") {
		t.Errorf("exit %d, stderr %q; want one line saying it waits, then the change", code, errs)
	}
	if code, out, _ := runCLI(t, db, "audit", "operator"); code != 0 || !strings.Contains(out, "小李") {
		t.Errorf("the change made after the wait: %q", out)
	}
}
