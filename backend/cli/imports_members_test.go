package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// importSummary runs an import with --json and reads its summary.
func importSummary(t *testing.T, db string, args ...string) (int, summaryJSON, string) {
	t.Helper()
	code, out, errs := runCLI(t, db, append([]string{"--json", "import", "members"}, args...)...)
	var sum summaryJSON
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("exit %d, summary is not JSON: %v\n%s\n%s", code, err, out, errs)
	}
	return code, sum, errs
}

// rowsAccounted fails unless the summary shows every row of the file once.
func rowsAccounted(t *testing.T, s summaryJSON) {
	t.Helper()
	if s.Imported+s.Updated+s.SkippedDuplicates+len(s.Errors) != s.Rows {
		t.Errorf("imported %d + updated %d + skipped %d + errors %d ≠ rows %d", s.Imported, s.Updated, s.SkippedDuplicates,
			len(s.Errors), s.Rows)
	}
}

// TestImportMembersAccountsForEveryRow: issue 18 through the command line —
// the 131-row sheet with shared names gives 131 members, its re-import skips
// 131 rows, and its copy with a quote left open on line 6 is refused naming
// that line, or with --partial imports the other rows.
func TestImportMembersAccountsForEveryRow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	if code, _, errs := runCLI(t, db, "group", "add", "--name", "读书群"); code != 0 {
		t.Fatal(errs)
	}
	code, first, errs := importSummary(t, db, "--group", "读书群", samples+"members_same_names.csv")
	if code != 0 || first.Rows != 131 || first.Imported != 131 || first.Updated != 0 || first.SkippedDuplicates != 0 {
		t.Fatalf("first import: exit %d, %+v, %s", code, first, errs)
	}
	rowsAccounted(t, first)
	if _, out, _ := runCLI(t, db, "group", "list", "--json"); !strings.Contains(out, `"members": 131`) {
		t.Errorf("131 rows, each a person, should be 131 members: %s", out)
	}

	code, again, _ := importSummary(t, db, "--group", "读书群", samples+"members_same_names.csv")
	if code != 0 || again.Rows != 131 || again.Imported != 0 || again.Updated != 0 || again.SkippedDuplicates != 131 {
		t.Errorf("re-import: exit %d, %+v", code, again)
	}

	damaged := samples + "members_unclosed_quote.csv"
	code, _, errs = runCLI(t, db, "import", "members", "--group", "读书群", damaged)
	if code != 1 || !strings.Contains(errs, "第 6 行：引号未闭合：“标签”列") || !strings.Contains(errs, "未导入任何数据") {
		t.Errorf("unclosed quote: exit %d, stderr %q; want 1 naming line 6", code, errs)
	}
	code, refused, _ := importSummary(t, db, "--group", "读书群", damaged)
	if code != 1 || refused.Rows != 131 || refused.Imported+refused.Updated+refused.SkippedDuplicates != 0 || len(refused.Errors) != 1 ||
		refused.Errors[0].Line != 6 {
		t.Errorf("refused summary: exit %d, %+v", code, refused)
	}

	code, partial, errs := importSummary(t, db, "--group", "读书群", damaged, "--partial", "--lang", "en")
	if code != 0 || partial.Rows != 131 || partial.SkippedDuplicates != 130 || len(partial.Errors) != 1 ||
		!strings.HasPrefix(partial.Errors[0].Reason, `unclosed quote: the "标签" column`) || !strings.Contains(errs, "line 6: unclosed quote") {
		t.Errorf("--partial: exit %d, %+v, stderr %q", code, partial, errs)
	}
	rowsAccounted(t, partial)
	if _, out, _ := runCLI(t, db, "group", "list", "--json"); !strings.Contains(out, `"members": 131`) {
		t.Errorf("the partial re-import changed the member count: %s", out)
	}
}
