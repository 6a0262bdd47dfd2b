package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"qunzhu/backend/store/pgtest"
)

func TestBackupAndRestoreCommands(t *testing.T) {
	if pgtest.Enabled() {
		t.Skip("PostgreSQL run: backups are SQLite files")
	}
	dir := t.TempDir()
	db, out := filepath.Join(dir, "q.db"), filepath.Join(dir, "copy.db")
	runCLI(t, db, "group", "add", "--name", "甲")
	if code, stdout, errs := runCLI(t, db, "backup", "--out", out); code != 0 || !strings.Contains(stdout, "copy.db.key") {
		t.Fatalf("backup: exit %d, %q %q", code, stdout, errs)
	}
	if code, _, errs := runCLI(t, db, "backup", "--out", out); code != 1 || !strings.Contains(errs, "不会覆盖") {
		t.Errorf("backup onto an existing file: exit %d, %q", code, errs)
	}
	runCLI(t, db, "group", "add", "--name", "乙")
	if code, stdout, errs := runCLI(t, db, "restore", out); code != 0 || !strings.Contains(stdout, "before-restore") {
		t.Fatalf("restore: exit %d, %q %q", code, stdout, errs)
	}
	_, list, _ := runCLI(t, db, "group", "list", "--json")
	if !strings.Contains(list, "甲") || strings.Contains(list, "乙") {
		t.Errorf("after restore: %s", list)
	}
	if code, _, errs := runCLI(t, db, "restore", filepath.Join(dir, "nope.db")); code != 1 || !strings.Contains(errs, "找不到备份文件") {
		t.Errorf("restore of a missing file: exit %d, %q", code, errs)
	}
}
