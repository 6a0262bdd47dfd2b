package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"qunzhu/backend/store/pgtest"
	"strings"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/secret"
)

func init() { secret.DefaultKDF = secret.KDFParams{Time: 1, Memory: 1024, Threads: 1} }

// runWith runs the CLI with stdin and extra environment variables.
func runWith(t *testing.T, db, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Clock: domain.FixedClock(now), Version: "1.2.3",
		Getenv: func(k string) string {
			if k == "QUNZHU_DB" {
				return db
			}
			return env[k]
		}})
	return code, out.String(), errb.String()
}

func TestPassphraseCommands(t *testing.T) {
	if pgtest.Enabled() {
		t.Skip("PostgreSQL run: backups of a server are pg_dump's")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	runCLI(t, db, "group", "add", "--name", "甲")
	rawKey, _ := os.ReadFile(db + ".key")

	if code, _, errs := runWith(t, db, "\n", nil, "passphrase", "set"); code != 1 || !strings.Contains(errs, "新密码不能为空") {
		t.Fatalf("empty passphrase: exit %d %q", code, errs)
	}
	if code, out, errs := runWith(t, db, "first secret\n", nil, "passphrase", "set"); code != 0 || !strings.Contains(out, "已设置密码") {
		t.Fatalf("set: exit %d %q %q", code, out, errs)
	}
	if b, _ := os.ReadFile(db + ".key"); bytes.Contains(b, rawKey) {
		t.Fatal("the key file holds the raw key while a passphrase is set")
	}
	// Locked without it; a wrong one opens nothing.
	if code, _, errs := runCLI(t, db, "group", "list"); code != 1 || !strings.Contains(errs, "密码保护") {
		t.Errorf("no passphrase: exit %d %q", code, errs)
	}
	if code, _, errs := runWith(t, db, "", map[string]string{"QUNZHU_PASSPHRASE": "wrong secret"}, "--lang", "en", "group", "list"); code != 1 || !strings.Contains(errs, "Wrong passphrase") {
		t.Errorf("wrong passphrase: exit %d %q", code, errs)
	}
	if code, out, _ := runWith(t, db, "", map[string]string{"QUNZHU_PASSPHRASE": "first secret"}, "group", "list"); code != 0 || !strings.Contains(out, "甲") {
		t.Errorf("env passphrase: exit %d %q", code, out)
	}
	// Change, reading the current one from a file and the new one from another.
	cur, next := filepath.Join(dir, "cur.txt"), filepath.Join(dir, "next.txt")
	os.WriteFile(cur, []byte("first secret\r\n"), 0o600)
	os.WriteFile(next, []byte("second secret\n"), 0o600)
	if code, out, errs := runCLI(t, db, "passphrase", "change", "--passphrase-file", cur, "--new-file", next); code != 0 || !strings.Contains(out, "已更换密码") {
		t.Fatalf("change: exit %d %q %q", code, out, errs)
	}
	if code, _, _ := runCLI(t, db, "--passphrase-file", cur, "group", "list"); code != 1 {
		t.Error("the old passphrase still opens the workspace")
	}
	if code, out, _ := runCLI(t, db, "--passphrase-file", next, "group", "list", "--json"); code != 0 || !strings.Contains(out, "甲") {
		t.Errorf("data after change: exit %d %q", code, out)
	}
	// Backup and restore of a protected workspace.
	bak := filepath.Join(dir, "copy.db")
	if code, _, errs := runCLI(t, db, "--passphrase-file", next, "backup", "--out", bak); code != 0 {
		t.Fatalf("backup: %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "restore", bak); code != 1 || !strings.Contains(errs, "密码保护") {
		t.Errorf("restore without the passphrase: exit %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, db, "--passphrase-file", next, "restore", bak); code != 0 {
		t.Errorf("restore: exit %d %q", code, errs)
	}
	// Remove: the raw key comes back and no passphrase is needed.
	if code, out, errs := runCLI(t, db, "--passphrase-file", next, "passphrase", "remove", "--json"); code != 0 || !strings.Contains(out, `"protected": false`) {
		t.Fatalf("remove: exit %d %q %q", code, out, errs)
	}
	if b, _ := os.ReadFile(db + ".key"); !bytes.Equal(b, rawKey) {
		t.Error("remove did not write the raw key back")
	}
	if code, _, _ := runCLI(t, db, "group", "list"); code != 0 {
		t.Error("no passphrase needed after remove")
	}
	if code, _, errs := runCLI(t, db, "passphrase", "remove"); code != 1 || !strings.Contains(errs, "没有设置密码") {
		t.Errorf("remove twice: exit %d %q", code, errs)
	}
}
