package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"qunzhu/backend/store/pgtest"
)

// v22 is a workspace made by the schema-22 build (testdata/v22/README.md):
// the sample member list, a list with remarks and columns the app does not
// know (身份证号, 紧急联系电话), the sample MemoTrace chat and a typed chat
// whose senders show under those remarks, and a highlight of one of their
// messages. What that build printed for it is kept beside it.
const v22 = "testdata/v22/"

// openV22 copies the schema-22 workspace and its key into a temporary folder.
func openV22(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "qunzhu.db")
	f, err := os.Open(v22 + "workspace.db.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	key, err := os.ReadFile(v22 + "workspace.db.key")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db+".key", key, 0o600); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestUpgradeFromSchema22SealsNamesAndKeepsFigures opens the schema-22
// workspace with this build: every figure and list prints as the old build
// printed it, importing the same files again adds nothing, and the file
// holds none of the remarks and extra columns in clear any more.
func TestUpgradeFromSchema22SealsNamesAndKeepsFigures(t *testing.T) {
	if pgtest.Enabled() {
		t.Skip("the workspace of schema 22 is a SQLite file")
	}
	db := openV22(t)
	const group = "读书打卡交流群"
	outputs := []struct {
		file string
		args []string
	}{
		{"metrics_w10.json", []string{"metrics", "--group", group, "--week", "2024-W10", "--json"}},
		{"points.json", []string{"points", "--group", group, "--json"}},
		{"members_w10.json", []string{"members", "--group", group, "--week", "2024-W10", "--json"}},
		{"highlights_w10.json", []string{"highlights", "--group", group, "--week", "2024-W10", "--json"}},
		{"incidents.json", []string{"incidents", "--group", group, "--json"}},
		{"questions_w10.json", []string{"questions", "--group", group, "--week", "2024-W10", "--json"}},
		{"violations_w10.json", []string{"violations", "--group", group, "--week", "2024-W10", "--json"}},
	}
	same := func(step string) {
		t.Helper()
		for _, o := range outputs {
			code, out, errs := runCLI(t, db, o.args...)
			if code != 0 {
				t.Fatalf("%s: %v: exit %d: %s", step, o.args, code, errs)
			}
			want, err := os.ReadFile(v22 + o.file)
			if err != nil {
				t.Fatal(err)
			}
			var got, exp any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%s: %v: %v", step, o.args, err)
			}
			if err := json.Unmarshal(want, &exp); err != nil {
				t.Fatal(err)
			}
			if o.file == "violations_w10.json" {
				got = withoutKeys(got, "id", "decision") // added since schema 22 (docs/cli.md "Parity commands")
			}
			if !reflect.DeepEqual(got, exp) {
				t.Errorf("%s: %v prints\n%s\nthe schema-22 build printed\n%s", step, o.args, out, want)
			}
		}
	}
	same("after the upgrade")
	for _, file := range []string{samples + "memotrace_group_chat_utf8.csv", v22 + "chat_remarks.csv"} {
		code, out, errs := runCLI(t, db, "import", "chat", "--group", group, file)
		if code != 0 || !strings.Contains(out, "新增 0，") {
			t.Errorf("importing %s again: exit %d\n%s%s", file, code, out, errs)
		}
	}
	same("after importing the chats again")

	var raw []byte
	for _, p := range []string{db, db + "-wal"} {
		b, _ := os.ReadFile(p)
		raw = append(raw, b...)
	}
	for _, v := range []string{"宁波王总客户", "苏州赵老师学员", "33020319800101123X", "320502199002024321", "13566667777", "13688889999"} {
		if bytes.Contains(raw, []byte(v)) {
			t.Errorf("%q is still in clear in the upgraded file", v)
		}
	}
}

// withoutKeys is a JSON list of objects without the given keys.
func withoutKeys(v any, keys ...string) any {
	list, _ := v.([]any)
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			for _, k := range keys {
				delete(m, k)
			}
		}
	}
	return v
}
